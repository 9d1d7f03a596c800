#include "math/latex.hpp"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <map>
#include <optional>

#include "base/table.hpp"
#include "base/text.hpp"

namespace tutor {

namespace {

// Markers inside a rendered formula before it is laid out: an & column, a \\ line break.
constexpr char kColumn = '\x1F';
constexpr char kBreak = '\n';
// Before a function name (\sin): a space when it follows a letter, digit or bracket, as
// LaTeX sets 2x\cos(x) as "2x cos(x)".
constexpr char kFunctionSpace = '\x1E';

struct Symbol {
  std::string_view unicode;
  std::string_view ascii;
};

// Commands that stand for one symbol. Spacing commands are here too: they are symbols that
// happen to be blank.
const std::map<std::string_view, Symbol, std::less<>>& symbols() {
  static const std::map<std::string_view, Symbol, std::less<>> table = {
      {"times", {"×", "*"}},       {"cdot", {"·", "*"}},        {"div", {"÷", "/"}},
      {"pm", {"±", "+/-"}},        {"theta", {"θ", "theta"}},   {"eta", {"η", "eta"}},
      {"nabla", {"∇", "grad "}},   {"sigma", {"σ", "sigma"}},   {"partial", {"∂", "d"}},
      {"alpha", {"α", "alpha"}},   {"beta", {"β", "beta"}},     {"gamma", {"γ", "gamma"}},
      {"delta", {"δ", "delta"}},   {"Delta", {"Δ", "Delta"}},   {"epsilon", {"ε", "epsilon"}},
      {"lambda", {"λ", "lambda"}}, {"mu", {"μ", "mu"}},         {"pi", {"π", "pi"}},
      {"phi", {"φ", "phi"}},       {"Sigma", {"Σ", "Sigma"}},   {"sum", {"Σ", "sum"}},
      {"prod", {"Π", "prod"}},     {"to", {"→", "->"}},         {"rightarrow", {"→", "->"}},
      {"leftarrow", {"←", "<-"}},  {"Rightarrow", {"⇒", "=>"}}, {"approx", {"≈", "~"}},
      {"neq", {"≠", "!="}},        {"ne", {"≠", "!="}},         {"le", {"≤", "<="}},
      {"leq", {"≤", "<="}},        {"ge", {"≥", ">="}},         {"geq", {"≥", ">="}},
      {"ll", {"≪", "<<"}},         {"gg", {"≫", ">>"}},         {"infty", {"∞", "inf"}},
      {"ldots", {"…", "..."}},     {"cdots", {"⋯", "..."}},     {"dots", {"…", "..."}},
      {"circ", {"∘", "o"}},        {"in", {"∈", "in"}},         {"prime", {"′", "'"}},
      {"sin", {"sin", "sin"}},     {"cos", {"cos", "cos"}},     {"tan", {"tan", "tan"}},
      {"log", {"log", "log"}},     {"ln", {"ln", "ln"}},        {"exp", {"exp", "exp"}},
      {"max", {"max", "max"}},     {"min", {"min", "min"}},     {"tanh", {"tanh", "tanh"}},
      {"quad", {"  ", "  "}},      {"qquad", {"    ", "    "}}, {",", {" ", " "}},
      {";", {" ", " "}},           {":", {" ", " "}},           {"!", {"", ""}},
      {" ", {" ", " "}},           {"{", {"{", "{"}},           {"}", {"}", "}"}},
      {"%", {"%", "%"}},           {"$", {"$", "$"}},           {"_", {"_", "_"}},
      {"&", {"&", "&"}},           {"#", {"#", "#"}},           {"|", {"‖", "||"}},
  };
  return table;
}

// Characters with a superscript (and subscript) form, keyed by their UTF-8 text.
const std::map<std::string_view, std::string_view, std::less<>>& superscripts() {
  static const std::map<std::string_view, std::string_view, std::less<>> table = {
      {"0", "⁰"}, {"1", "¹"}, {"2", "²"}, {"3", "³"}, {"4", "⁴"}, {"5", "⁵"}, {"6", "⁶"},
      {"7", "⁷"}, {"8", "⁸"}, {"9", "⁹"}, {"+", "⁺"}, {"-", "⁻"}, {"−", "⁻"}, {"=", "⁼"},
      {"(", "⁽"}, {")", "⁾"}, {"a", "ᵃ"}, {"b", "ᵇ"}, {"c", "ᶜ"}, {"d", "ᵈ"}, {"e", "ᵉ"},
      {"f", "ᶠ"}, {"g", "ᵍ"}, {"h", "ʰ"}, {"i", "ⁱ"}, {"j", "ʲ"}, {"k", "ᵏ"}, {"l", "ˡ"},
      {"m", "ᵐ"}, {"n", "ⁿ"}, {"o", "ᵒ"}, {"p", "ᵖ"}, {"r", "ʳ"}, {"s", "ˢ"}, {"t", "ᵗ"},
      {"u", "ᵘ"}, {"v", "ᵛ"}, {"w", "ʷ"}, {"x", "ˣ"}, {"y", "ʸ"}, {"z", "ᶻ"}, {"T", "ᵀ"},
      {"L", "ᴸ"}, {"θ", "ᶿ"},
  };
  return table;
}

const std::map<std::string_view, std::string_view, std::less<>>& subscripts() {
  static const std::map<std::string_view, std::string_view, std::less<>> table = {
      {"0", "₀"}, {"1", "₁"}, {"2", "₂"}, {"3", "₃"}, {"4", "₄"}, {"5", "₅"}, {"6", "₆"},
      {"7", "₇"}, {"8", "₈"}, {"9", "₉"}, {"+", "₊"}, {"-", "₋"}, {"−", "₋"}, {"=", "₌"},
      {"(", "₍"}, {")", "₎"}, {"a", "ₐ"}, {"e", "ₑ"}, {"h", "ₕ"}, {"i", "ᵢ"}, {"j", "ⱼ"},
      {"k", "ₖ"}, {"l", "ₗ"}, {"m", "ₘ"}, {"n", "ₙ"}, {"o", "ₒ"}, {"p", "ₚ"}, {"r", "ᵣ"},
      {"s", "ₛ"}, {"t", "ₜ"}, {"u", "ᵤ"}, {"v", "ᵥ"}, {"x", "ₓ"},
  };
  return table;
}

// Environments whose markers are simply dropped: their & and \\ do the layout.
bool known_environment(std::string_view name) {
  static constexpr std::string_view kNames[] = {"aligned", "align",   "align*", "gathered",
                                                "gather",  "gather*", "split"};
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

bool function_name(std::string_view name) {
  static constexpr std::string_view kNames[] = {"sin", "cos", "tan", "log", "ln",
                                                "exp", "max", "min", "tanh"};
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

// KFunctionSpace markers turned into a space where one is needed, or dropped.
std::string place_function_spaces(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c != kFunctionSpace) {
      out += c;
      continue;
    }
    if (out.empty()) continue;
    unsigned char prev = static_cast<unsigned char>(out.back());
    if (std::isalnum(prev) || prev == ')' || prev >= 0x80) out += ' ';
  }
  return out;
}

// Commands whose one argument is shown as plain text.
bool text_command(std::string_view name) {
  static constexpr std::string_view kNames[] = {"text",   "mathrm", "operatorname", "textbf",
                                                "mathbf", "mathit", "textit",       "boldsymbol"};
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

// Maps each character of S through TABLE, or nullopt when one has no entry.
std::optional<std::string> map_all(
    std::string_view s, const std::map<std::string_view, std::string_view, std::less<>>& table) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    decode_utf8(s, i, len);
    auto it = table.find(s.substr(i, len));
    if (it == table.end()) return std::nullopt;
    out += it->second;
    i += len;
  }
  return out;
}

bool is_word(std::string_view s) {
  if (s.empty()) return false;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    long cp = decode_utf8(s, i, len);
    if (cp < 0) return false;
    if (len == 1 && !std::isalnum(static_cast<unsigned char>(s[i]))) return false;
    i += len;
  }
  return true;
}

// Whether S is already one unit: a word, or wrapped in one pair of brackets.
bool atomic(std::string_view s) {
  if (is_word(s)) return true;
  if (s.size() >= 2 && s.front() == '(' && s.back() == ')') {
    int depth = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '(') ++depth;
      if (s[i] == ')' && --depth == 0 && i + 1 != s.size()) return false;
    }
    return true;
  }
  return s.find_first_of(" +-=/*") == std::string_view::npos &&
         s.find("×") == std::string_view::npos && s.find("·") == std::string_view::npos &&
         s.find("−") == std::string_view::npos;
}

std::string wrapped(const std::string& s) {
  return atomic(s) ? s : "(" + s + ")";
}

class Renderer {
 public:
  Renderer(std::string_view src, const LatexOptions& options) : s_(src), opt_(options) {}

  std::string all() {
    std::string out;
    while (pos_ < s_.size()) out += item();
    return out;
  }

  std::vector<std::string> unknown;

 private:
  // Up to the matching '}' (the '{' already consumed), rendered.
  std::string group() {
    std::string out;
    while (pos_ < s_.size() && s_[pos_] != '}') out += item();
    if (pos_ < s_.size()) ++pos_;
    return out;
  }

  // The raw text of a {…} argument, braces balanced, for \text and \begin.
  std::string raw_group() {
    skip_spaces();
    if (pos_ >= s_.size() || s_[pos_] != '{') return {};
    ++pos_;
    int depth = 1;
    std::string out;
    while (pos_ < s_.size()) {
      char c = s_[pos_++];
      if (c == '\\' && pos_ < s_.size() &&
          std::string_view("{}$%_&#").find(s_[pos_]) != std::string_view::npos) {
        out += s_[pos_++];
        continue;
      }
      if (c == '{') ++depth;
      if (c == '}' && --depth == 0) break;
      out += c;
    }
    return out;
  }

  void skip_spaces() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\n' || s_[pos_] == '\t')) ++pos_;
  }

  // One argument of a command, ^ or _: a {group}, a command, or one character.
  std::string argument() {
    skip_spaces();
    if (pos_ >= s_.size()) return {};
    if (s_[pos_] == '{') {
      ++pos_;
      return group();
    }
    if (s_[pos_] == '\\') return item();
    std::size_t len = 1;
    decode_utf8(s_, pos_, len);
    std::string out(s_.substr(pos_, len));
    pos_ += len;
    return out;
  }

  std::string script(const std::string& body, bool super) {
    const char* mark = super ? "^" : "_";
    if (!opt_.ascii) {
      if (auto m = map_all(body, super ? superscripts() : subscripts())) return *m;
    }
    return mark + (is_word(body) ? body : "(" + body + ")");
  }

  std::string command() {
    ++pos_;  // the backslash
    if (pos_ >= s_.size()) return {};
    std::size_t begin = pos_;
    if (std::isalpha(static_cast<unsigned char>(s_[pos_]))) {
      while (pos_ < s_.size() && std::isalpha(static_cast<unsigned char>(s_[pos_]))) ++pos_;
      if (pos_ < s_.size() && s_[pos_] == '*') ++pos_;
    } else {
      ++pos_;
    }
    std::string_view name = s_.substr(begin, pos_ - begin);
    if (name == "\\") return std::string(1, kBreak);
    if (auto it = symbols().find(name); it != symbols().end()) {
      std::string text(opt_.ascii ? it->second.ascii : it->second.unicode);
      // ∇ and ∂ bind to what follows: "\nabla L" is ∇L, as LaTeX sets it.
      if (name == "nabla" || name == "partial") skip_spaces();
      if (function_name(name)) text.insert(text.begin(), kFunctionSpace);
      return text;
    }
    if (name == "frac" || name == "dfrac" || name == "tfrac") {
      std::string num = argument();
      std::string den = argument();
      return wrapped(num) + "/" + wrapped(den);
    }
    if (name == "sqrt") {
      std::string body = argument();
      if (opt_.ascii) return "sqrt(" + body + ")";
      return "√" + wrapped(body);
    }
    if (text_command(name)) return raw_group();
    if (name == "left" || name == "right") {
      skip_spaces();
      if (pos_ < s_.size() && s_[pos_] == '.') {
        ++pos_;
        return {};
      }
      return pos_ < s_.size() && s_[pos_] == '\\' ? command() : argument();
    }
    if (name == "begin" || name == "end") {
      std::string env = raw_group();
      if (!known_environment(env)) unknown.push_back(std::string(name) + "{" + env + "}");
      return {};
    }
    unknown.emplace_back(name);
    return std::string(name);
  }

  std::string item() {
    char c = s_[pos_];
    switch (c) {
      case '\\':
        return command();
      case '{':
        ++pos_;
        return group();
      case '}':
        ++pos_;  // a stray brace: nothing to show
        return {};
      case '^':
      case '_': {
        ++pos_;
        return script(argument(), c == '^');
      }
      case '&':
        ++pos_;
        return std::string(1, kColumn);
      case ' ':
      case '\t':
      case '\n':
        skip_spaces();
        return " ";
      case '~':
        ++pos_;
        return " ";
      default: {
        std::size_t len = 1;
        decode_utf8(s_, pos_, len);
        std::string out(s_.substr(pos_, len));
        pos_ += len;
        return out;
      }
    }
  }

  std::string_view s_;
  LatexOptions opt_;
  std::size_t pos_ = 0;
};

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.emplace_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

}  // namespace

LatexText render_latex(std::string_view latex, const LatexOptions& options) {
  Renderer r(latex, options);
  std::string flat = place_function_spaces(r.all());
  LatexText out;
  out.unknown = std::move(r.unknown);

  // Lines, each split at its & columns and aligned one space apart; a line with fewer columns
  // does not widen the ones it spans.
  TextTable table({.gap = " "});
  for (const auto& line : split(flat, kBreak)) {
    std::vector<std::string> cells;
    for (const auto& cell : split(line, kColumn)) cells.push_back(trim(cell));
    bool blank = std::all_of(cells.begin(), cells.end(), [](const auto& c) { return c.empty(); });
    if (!blank) table.add_row(std::move(cells));
  }
  for (auto& l : split_lines(table.str())) out.lines.push_back(trim(l));
  if (out.lines.empty()) out.lines.emplace_back();
  return out;
}

std::string latex_to_text(std::string_view latex, const LatexOptions& options) {
  std::string out;
  for (const auto& line : render_latex(latex, options).lines) {
    if (!out.empty()) out += '\n';
    out += line;
  }
  return out;
}

}  // namespace tutor
