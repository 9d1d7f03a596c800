#include "base/text.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string>

namespace tutor {

long decode_utf8(std::string_view s, std::size_t pos, std::size_t& len) {
  utf8proc_int32_t cp = -1;
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + pos),
                            static_cast<utf8proc_ssize_t>(s.size() - pos), &cp);
  if (n <= 0) {
    len = 1;
    return -1;
  }
  len = static_cast<std::size_t>(n);
  return cp;
}

std::size_t display_width(std::string_view s) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == '\x1b' && i + 1 < s.size() && s[i + 1] == '[') {
      // A CSI sequence: parameters and intermediates up to a final byte in @..~.
      std::size_t k = i + 2;
      while (k < s.size() && (s[k] < 0x40 || s[k] > 0x7E)) ++k;
      i = k + 1;
      continue;
    }
    std::size_t len = 1;
    long cp = decode_utf8(s, i, len);
    if (cp < 0) {
      width += 1;
    } else {
      int w = utf8proc_charwidth(static_cast<utf8proc_int32_t>(cp));
      width += w > 0 ? static_cast<std::size_t>(w) : 0;
    }
    i += len;
  }
  return width;
}

std::vector<std::string> wrap(std::string_view text, std::size_t width, std::string_view first,
                              std::string_view rest, const Measure& measure) {
  auto columns = [&measure](std::string_view t) { return measure ? measure(t) : display_width(t); };
  std::vector<std::string> out;
  std::string line(first);
  std::size_t used = columns(first);
  bool empty = true;  // no word on LINE yet
  auto flush = [&] {
    out.push_back(line);
    line = std::string(rest);
    used = columns(rest);
    empty = true;
  };
  // The end of the unit starting at I: up to the next space outside brackets, so that
  // "σ(w·x + b)" or "(the distance to the minimum)" moves to the next line whole.
  auto unit_end = [&text](std::size_t i) {
    int depth = 0;
    for (; i < text.size(); ++i) {
      const char c = text[i];
      if (c == ' ' && depth == 0) return i;
      if (c == '(' || c == '[' || c == '{') ++depth;
      if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
    }
    return text.size();
  };
  std::size_t i = 0;
  std::size_t loose = 0;  // up to here, inside a unit too wide to keep whole: plain words
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    if (i >= text.size()) break;
    std::size_t j = i < loose ? text.find(' ', i) : unit_end(i);
    // A bracketed unit too wide for a line of its own breaks at its spaces after all.
    if (i >= loose && columns(rest) + columns(text.substr(i, j - i)) > width) {
      loose = j;
      j = text.find(' ', i);
    }
    if (j == std::string_view::npos || j > text.size()) j = text.size();
    std::string_view word = text.substr(i, j - i);
    i = j;
    std::size_t w = columns(word);
    if (!empty && used + 1 + w > width) flush();
    if (!empty) {
      line += ' ';
      ++used;
    }
    // A word that cannot fit on any line is cut at the edge, character by character.
    while (used + w > width && w > 0 && width > columns(rest) + 1) {
      std::size_t k = 0, taken = 0;
      while (k < word.size()) {
        std::size_t len = 1;
        decode_utf8(word, k, len);
        std::size_t cw = columns(word.substr(k, len));
        if (used + taken + cw > width) break;
        taken += cw;
        k += len;
      }
      if (k == 0) {
        if (empty) break;
        flush();
        continue;
      }
      line += word.substr(0, k);
      word = word.substr(k);
      w -= std::min(w, taken);
      empty = false;
      flush();
    }
    line += word;
    used += w;
    empty = false;
  }
  if (!empty || out.empty()) out.push_back(line);
  for (auto& l : out) {
    while (l.ends_with(' ')) l.pop_back();
  }
  return out;
}

std::string wrap_lines(std::string_view text, std::size_t width) {
  std::string out;
  for (const auto& l : split_lines(text)) {
    if (display_width(l) <= width) {
      out += l + "\n";
      continue;
    }
    // An indent past half the width (a step 100 levels deep) leaves no room: it stops there.
    const std::size_t lead = std::min(l.find_first_not_of(' '), l.size());
    const std::string indent(std::min(lead, width / 2), ' ');
    for (const auto& w : wrap(std::string_view(l).substr(lead), width, indent, indent + "  ")) {
      out += w + "\n";
    }
  }
  if (!text.empty() && !text.ends_with('\n') && !out.empty()) out.pop_back();
  return out;
}

std::string sanitize(std::string_view s, bool ascii) {
  const std::string_view replacement = ascii ? "?" : "\xEF\xBF\xBD";
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    long cp = decode_utf8(s, i, len);
    bool control = cp < 0 || cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0);
    if (cp == '\t') {
      out += ' ';
    } else if (control) {
      out += replacement;
    } else {
      out.append(s.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::string trim(std::string_view s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  auto e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    auto nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string line(text.substr(start, nl - start));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(std::move(line));
    start = nl + 1;
  }
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    if (decode_utf8(s, i, len) < 0) return false;
    i += len;
  }
  return true;
}

namespace {

struct Spelling {
  std::string_view glyph;
  std::string_view ascii;
};

// Superscript and subscript digits are runs (x¹⁰ → x^10), handled apart from this table.
constexpr Spelling kSpellings[] = {
    {"θ", "theta"},  {"η", "eta"},   {"σ", "sigma"}, {"α", "alpha"},   {"β", "beta"},
    {"λ", "lambda"}, {"γ", "gamma"}, {"δ", "delta"}, {"ε", "epsilon"}, {"μ", "mu"},
    {"ρ", "rho"},    {"τ", "tau"},   {"φ", "phi"},   {"ω", "omega"},   {"π", "pi"},
    {"∇", "grad "},  {"∂", "d"},     {"·", "*"},     {"×", "*"},       {"−", "-"},
    {"÷", "/"},      {"→", "->"},    {"←", "<-"},    {"≤", "<="},      {"≥", ">="},
    {"≈", "~"},      {"≠", "!="},    {"′", "'"},     {"″", "''"},      {"√", "sqrt"},
    {"…", "..."},    {"✓", "OK"},    {"✗", "X"},     {"—", "-"},       {"–", "-"},
    {"∞", "inf"},    {"‖", "||"},
};

// The ASCII character a subscript code point stands for (₀ → '0', ₖ → 'k', ₋ → '-'), or 0.
char subscript_char(long cp) {
  if (cp >= 0x2080 && cp <= 0x2089) return static_cast<char>('0' + (cp - 0x2080));
  switch (cp) {
    case 0x208A:
      return '+';
    case 0x208B:
      return '-';
    case 0x2090:
      return 'a';
    case 0x2091:
      return 'e';
    case 0x2092:
      return 'o';
    case 0x2093:
      return 'x';
    case 0x2095:
      return 'h';
    case 0x2096:
      return 'k';
    case 0x2097:
      return 'l';
    case 0x2098:
      return 'm';
    case 0x2099:
      return 'n';
    case 0x209A:
      return 'p';
    case 0x209B:
      return 's';
    case 0x209C:
      return 't';
    case 0x1D62:
      return 'i';
    case 0x1D63:
      return 'r';
    case 0x1D64:
      return 'u';
    case 0x1D65:
      return 'v';
    case 0x2C7C:
      return 'j';
    default:
      return 0;
  }
}

// A superscript digit or minus (super = true), or a subscript digit (super = false).
int script_digit(long cp, bool& super) {
  super = true;
  if (cp == 0x207B) return '-';
  if (int d = superscript_digit(cp); d >= 0) return d;
  super = false;
  if (cp >= 0x2080 && cp <= 0x2089) return static_cast<int>(cp - 0x2080);
  return -1;
}

}  // namespace

int superscript_digit(long cp) {
  switch (cp) {
    case 0x2070:
      return 0;
    case 0x00B9:
      return 1;
    case 0x00B2:
      return 2;
    case 0x00B3:
      return 3;
    default:
      return cp >= 0x2074 && cp <= 0x2079 ? static_cast<int>(cp - 0x2070) : -1;
  }
}

std::string ascii_math(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    long cp = decode_utf8(s, i, len);
    bool super = false;
    if (subscript_char(cp) != 0) {
      // A run of subscripts: a₀ → a_0, zₖ → z_k, and aₖ₋₁ → a_(k-1) as LaTeX's a_{k-1} reads.
      std::string run;
      while (i < s.size()) {
        const char c = subscript_char(decode_utf8(s, i, len));
        if (c == 0) break;
        run += c;
        i += len;
      }
      const bool digits = run.find_first_not_of("0123456789") == std::string::npos;
      out += run.size() == 1 || digits ? "_" + run : "_(" + run + ")";
      continue;
    }
    if (int d = script_digit(cp, super); d >= 0) {
      out += super ? '^' : '_';
      // The whole run of the same kind: x¹⁰ → x^10, not x^1^0.
      while (i < s.size()) {
        bool same = false;
        int digit = script_digit(decode_utf8(s, i, len), same);
        if (digit < 0 || same != super) break;
        out += digit == '-' ? '-' : static_cast<char>('0' + digit);
        i += len;
      }
      continue;
    }
    bool replaced = false;
    for (const auto& sp : kSpellings) {
      if (s.substr(i).starts_with(sp.glyph)) {
        out += sp.ascii;
        i += sp.glyph.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) {
      out.append(s.substr(i, len));
      i += len;
    }
  }
  return out;
}

bool locale_is_utf8() {
  for (const char* var : {"LC_ALL", "LC_CTYPE", "LANG"}) {
    const char* v = std::getenv(var);
    if (v == nullptr || *v == '\0') continue;
    std::string value(v);
    for (auto& c : value) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return value.find("utf-8") != std::string::npos || value.find("utf8") != std::string::npos;
  }
  return false;
}

std::string superscript(std::string_view digits) {
  static const char* const kSup[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
  std::string out;
  for (char c : digits) {
    if (c == '-') {
      out += "⁻";
    } else if (c >= '0' && c <= '9') {
      out += kSup[c - '0'];
    }
  }
  return out;
}

}  // namespace tutor
