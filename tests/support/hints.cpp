#include "support/hints.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include <string_view>
#include <vector>

#include "base/text.hpp"
#include "course/markdown.hpp"

namespace tutor::testing {

namespace {

std::string rendered(const std::string& markdown) {
  std::string s = render_markdown(markdown, {.width = 10000});
  while (!s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

// The code points of S.
std::vector<long> code_points(std::string_view s) {
  std::vector<long> out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    long c = decode_utf8(s, i, len);
    out.push_back(c);
    i += len == 0 ? 1 : len;
  }
  return out;
}

bool is_superscript(long c) {
  return c == 0xB2 || c == 0xB3 || c == 0xB9 || (c >= 0x2070 && c <= 0x207F);
}

bool is_greek(long c) {
  return c >= 0x370 && c <= 0x3FF;
}

bool is_digit(long c) {
  return c >= '0' && c <= '9';
}

// A character that glues a number to what it stands next to: "2x", "3²", "2η", "x2", "1.5".
bool glues(long c) {
  return (c < 128 && (std::isalnum(static_cast<int>(c)) || c == '.' || c == '_')) ||
         is_superscript(c) || is_greek(c);
}

// Every number standing on its own in TEXT, by size: "27", "0.25", "27/2".
std::vector<double> numbers_in(const std::string& text) {
  const std::vector<long> cs = code_points(text);
  std::vector<double> out;
  std::size_t i = 0;
  while (i < cs.size()) {
    if (!is_digit(cs[i]) || (i > 0 && glues(cs[i - 1]))) {
      ++i;
      continue;
    }
    auto read = [&](std::size_t& j) {
      std::string digits;
      while (j < cs.size() && (is_digit(cs[j]) || cs[j] == '.')) digits += char(cs[j++]);
      if (!digits.empty() && digits.back() == '.') {  // the full stop after a number
        digits.pop_back();
        --j;
      }
      return digits;
    };
    // After a number read whole, a '.' is a full stop: read() takes "1.5" and "1." apart.
    auto glued_after = [&](std::size_t k) { return k < cs.size() && cs[k] != '.' && glues(cs[k]); };
    std::size_t j = i;
    std::string a = read(j);
    std::optional<double> value = std::stod(a);
    if (j + 1 < cs.size() && cs[j] == '/' && is_digit(cs[j + 1])) {
      std::size_t k = j + 1;
      std::string b = read(k);
      if (!glued_after(k)) value = *value / std::stod(b);
      j = k;
    }
    if (glued_after(j)) value.reset();
    if (value) out.push_back(std::abs(*value));
    i = j;
  }
  return out;
}

bool states_number(const std::string& text, double expected) {
  for (double v : numbers_in(text)) {
    if (std::abs(v - std::abs(expected)) <= 1e-9 * std::max(1.0, std::abs(expected))) return true;
  }
  return false;
}

// TEXT without spaces, multiplication signs and carets, superscripts as digits, lower case.
std::string squeezed(const std::string& text) {
  static const std::vector<std::pair<std::string, std::string>> kSwap = {
      {"·", ""},  {"×", ""},  {"⋅", ""},  {"²", "2"}, {"³", "3"},
      {"⁻", "-"}, {"¹", "1"}, {"⁰", "0"}, {"−", "-"}, {"\xe2\x80\xaf", ""}};
  std::string s;
  for (std::size_t i = 0; i < text.size();) {
    bool swapped = false;
    for (const auto& [from, to] : kSwap) {
      if (text.compare(i, from.size(), from) == 0) {
        s += to;
        i += from.size();
        swapped = true;
        break;
      }
    }
    if (swapped) continue;
    const char c = text[i++];
    if (c == ' ' || c == '*' || c == '^') continue;
    s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return s;
}

}  // namespace

bool gives_answer_away(const Question& q, const std::string& hint) {
  const std::string text = rendered(hint);
  switch (q.kind) {
    case AnswerKind::number:
      return states_number(text, q.number);
    case AnswerKind::choice: {
      const std::string choice = rendered(q.choices.at(q.choice).text);
      const auto as_number = numbers_in(choice);
      if (as_number.size() == 1 && trim(choice).find(' ') == std::string::npos) {
        return states_number(text, as_number.front());
      }
      return squeezed(text).find(squeezed(choice)) != std::string::npos;
    }
    case AnswerKind::derivative:
    case AnswerKind::expression: {
      const std::string t = squeezed(text);
      for (const std::string& key : {q.key, key_text(q, false)}) {
        if (!key.empty() && t.find(squeezed(key)) != std::string::npos) return true;
      }
      return false;
    }
  }
  return false;
}

}  // namespace tutor::testing
