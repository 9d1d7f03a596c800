#include "class/quiz_variants.hpp"

#include <fmt/format.h>

#include "base/errors.hpp"
#include "base/text.hpp"

namespace tutor {

namespace {

std::uint64_t fnv1a(std::uint64_t h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}
constexpr std::uint64_t kFnvBasis = 14695981039346656037ull;

std::uint64_t splitmix(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}
}  // namespace

std::uint64_t variant_seed(const Quiz& quiz, std::string_view student) {
  std::uint64_t h = fnv1a(kFnvBasis, "tutor-quiz");
  h = fnv1a(fnv1a(h, std::string_view("\0", 1)), quiz.title);
  h = fnv1a(fnv1a(h, std::string_view("\0", 1)), quiz.seed);
  h = fnv1a(fnv1a(h, std::string_view("\0", 1)), student);
  return h;
}

std::string quiz_version(const Quiz& quiz) {
  std::string text = "tutor-quiz-version-1";
  auto field = [&](std::string_view s) { (text += '\x1f') += s; };
  auto number = [&](double d) { field(fmt::format("{:.17g}", d)); };
  for (const auto& q : quiz.questions) {
    text += '\x1e';
    field(q.id);
    field(kind_id(q.kind));
    field(q.expression.text);
    field(q.wrt);
    number(q.order);
    for (const auto& [name, f] : q.at) field(name + "=" + f.text);
    field(q.from.text);
    number(q.lr);
    number(q.steps);
    number(q.tolerance);
    for (const auto& c : q.choices) {
      field(c.text);
      field(c.ko);
      field(c.en);
    }
    number(q.answer_index);
    field(q.answer.text);
    for (const auto& r : q.random) field(fmt::format("{}={}..{}", r.name, r.low, r.high));
  }
  return seed_text(fnv1a(kFnvBasis, text));
}

std::string seed_text(std::uint64_t seed) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, seed >>= 4) out[static_cast<std::size_t>(i)] = kHex[seed & 0xF];
  return out;
}

Variant draw_variant(const QuizQuestion& q, std::uint64_t seed) {
  Variant v;
  // Each question draws from its own stream, so adding a question changes no other one.
  std::uint64_t state = fnv1a(seed, q.id);
  for (const auto& r : q.random) {
    auto span = static_cast<std::uint64_t>(r.high - r.low) + 1;
    v[r.name] = r.low + static_cast<long long>(splitmix(state) % span);
  }
  return v;
}

std::string variant_text(const Variant& v) {
  std::string out;
  for (const auto& [name, value] : v) {
    out += (out.empty() ? "" : ", ") + name + "=" + std::to_string(value);
  }
  return out;
}

std::string substitute(const std::string& text, const Variant& v, bool expression) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t open = text.find('{', pos);
    if (open == std::string::npos) break;
    std::size_t close = text.find('}', open);
    if (close == std::string::npos) {
      throw Error(Message{"quiz.unknown_placeholder", {sanitize(text.substr(open, 20))}});
    }
    std::string name = text.substr(open + 1, close - open - 1);
    auto it = v.find(name);
    if (it == v.end())
      throw Error(Message{"quiz.unknown_placeholder", {"{" + sanitize(name) + "}"}});
    out.append(text, pos, open - pos);
    std::string value = std::to_string(it->second);
    out += expression && it->second < 0 ? "(" + value + ")" : value;
    pos = close + 1;
  }
  out.append(text, pos, std::string::npos);
  return out;
}

// The variants that `quiz check` tries: all of them when there are few, else a fixed sample
// that includes the corners (every range at its low end, every range at its high end).
std::vector<Variant> variants_to_check(const QuizQuestion& q, std::size_t max) {
  if (q.random.empty()) return {Variant{}};
  double count = 1;
  for (const auto& r : q.random) count *= static_cast<double>(r.high - r.low + 1);
  std::vector<Variant> out;
  if (count <= static_cast<double>(max)) {
    Variant v;
    for (const auto& r : q.random) v[r.name] = r.low;
    while (true) {
      out.push_back(v);
      std::size_t i = 0;
      for (; i < q.random.size(); ++i) {
        const auto& r = q.random[i];
        if (v[r.name] < r.high) {
          ++v[r.name];
          break;
        }
        v[r.name] = r.low;
      }
      if (i == q.random.size()) break;
    }
    return out;
  }
  Variant low, high;
  for (const auto& r : q.random) {
    low[r.name] = r.low;
    high[r.name] = r.high;
  }
  out.push_back(low);
  out.push_back(high);
  for (std::uint64_t s = 0; out.size() < max; ++s) out.push_back(draw_variant(q, s));
  return out;
}

}  // namespace tutor
