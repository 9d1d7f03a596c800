#include "base/i18n.hpp"

#include <fmt/args.h>
#include <fmt/format.h>

#include <array>
#include <cstdlib>

namespace tutor {

namespace {

// One file of entries per module, so each module's messages sit together.
constexpr CatalogueEntry kCatalogue[] = {
#include "messages/check.inc"
#include "messages/common.inc"
#include "messages/define.inc"
#include "messages/descent.inc"
#include "messages/diff.inc"
#include "messages/exercise.inc"
#include "messages/graph.inc"
#include "messages/help.inc"
#include "messages/lesson.inc"
#include "messages/practice.inc"
#include "messages/quiz.inc"
#include "messages/repl.inc"
#include "messages/syntax.inc"
};

}  // namespace

std::span<const CatalogueEntry> catalogue() {
  return kCatalogue;
}

PluralForm plural_form(Lang lang, long long count) {
  return lang == Lang::en && count == 1 ? PluralForm::one : PluralForm::other;
}

std::string_view pattern(Lang lang, std::string_view key, std::optional<long long> count) {
  for (const auto& e : kCatalogue) {
    if (e.key != key) continue;
    if (lang == Lang::ko && !e.ko.empty()) return e.ko;
    const bool one = count && plural_form(lang, *count) == PluralForm::one && !e.en_one.empty();
    return one ? e.en_one : e.en;
  }
  // The catalogue test keeps every key used in the sources in the catalogue; the key itself
  // is printed only if that test was skipped, so that the learner still sees something.
  return key;
}

std::string render(Lang lang, const Message& msg) {
  std::string_view pat = pattern(lang, msg.key, msg.count);
  fmt::dynamic_format_arg_store<fmt::format_context> store;
  for (const auto& a : msg.args) store.push_back(a);
  try {
    return fmt::vformat(pat, store);
  } catch (const fmt::format_error&) {
    return std::string(pat);
  }
}

std::string to_arg(std::string_view s) {
  return std::string(s);
}
std::string to_arg(const std::string& s) {
  return s;
}
std::string to_arg(const char* s) {
  return s;
}
std::string to_arg(long long n) {
  return std::to_string(n);
}
std::string to_arg(int n) {
  return std::to_string(n);
}
std::string to_arg(std::size_t n) {
  return std::to_string(n);
}
std::string to_arg(double d) {
  return fmt::format("{:.6g}", d);
}

std::string_view lang_name(Lang lang) {
  return lang == Lang::ko ? "ko" : "en";
}

std::optional<Lang> parse_lang(std::string_view name) {
  if (name == "ko") return Lang::ko;
  if (name == "en") return Lang::en;
  return std::nullopt;
}

Lang detect_lang(std::optional<std::string_view> flag) {
  if (flag && !flag->empty()) return flag->starts_with("ko") ? Lang::ko : Lang::en;
  for (const char* var : {"TUTOR_LANG", "LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(var);
    if (v == nullptr || *v == '\0') continue;
    return std::string_view(v).starts_with("ko") ? Lang::ko : Lang::en;
  }
  return Lang::en;
}

}  // namespace tutor
