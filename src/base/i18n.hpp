// Messages in Korean and English.
//
// Every text a learner can see is a catalogue entry: a key with an English and a Korean
// pattern. Patterns use fmt's "{}" / "{0}" placeholders. The catalogue is compiled in (see
// README, "Design notes"), and a test checks that both languages have every key with the
// same placeholders.
//
// A Korean particle after a placeholder is written {N:P}, P being either form of the particle
// ({0:을}, {1:으로}, {0:은}); it shows argument N followed by the form its reading takes (see
// particle.hpp): "{0:을} 미분하세요" gives "x를 미분하세요" and "x²을 미분하세요". Closing signs
// between the two go before the particle: "'{0:'은}" gives "'x'는".
//
// A message about a count has plural forms. English has two: `en_one` for exactly 1 ("1 try
// left") and `en` for every other count ("2 tries left", "0 tries left"). Korean counts with
// a counter word ("{0}번"), which does not change with the number, so `ko` is its only form.
//
//   tutor::tr_count(tutor::Lang::en, "practice.try_again", 1)  // Try again (1 try left).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tutor {

enum class Lang { en, ko };

struct CatalogueEntry {
  std::string_view key;
  std::string_view en;  // for a count message: every count but 1
  std::string_view ko;
  std::string_view en_one = {};  // a count message's form for a count of 1; empty otherwise
};

// The plural forms a language tells apart.
enum class PluralForm { one, other };

// Which form COUNT takes in LANG: in English "one" for 1 only; in Korean always "other".
PluralForm plural_form(Lang lang, long long count);

// A message not yet put into words: the key and its arguments, already formatted as text.
// Errors carry one of these so that only the front end decides the language.
struct Message {
  std::string key;
  std::vector<std::string> args;
  std::optional<long long> count = std::nullopt;  // picks the plural form of a count message
};

// All entries, in a stable order.
std::span<const CatalogueEntry> catalogue();

// The pattern for KEY in LANG, in COUNT's plural form when a count is given. An empty
// translation falls back to English, and only a key missing from the catalogue returns the
// key itself. Neither can ship: tests/base/i18n_test.cpp fails on an empty translation and on a
// key used in the sources but missing from the catalogue.
std::string_view pattern(Lang lang, std::string_view key,
                         std::optional<long long> count = std::nullopt);

// KEY's pattern with ARGS filled in, particles chosen. Never throws: a malformed pattern yields
// the raw pattern.
std::string render(Lang lang, const Message& msg);

// Argument conversion for tr(); numbers are written the way the printer writes them.
std::string to_arg(std::string_view s);
std::string to_arg(const std::string& s);
std::string to_arg(const char* s);
std::string to_arg(long long n);
std::string to_arg(int n);
std::string to_arg(std::size_t n);
std::string to_arg(double d);

template <class... Args>
std::string tr(Lang lang, std::string_view key, const Args&... args) {
  return render(lang, Message{std::string(key), {to_arg(args)...}});
}

// A count message: COUNT is its {0} and picks the plural form; ARGS follow as {1}, {2}, ...
template <class... Args>
Message count_message(std::string_view key, long long count, const Args&... args) {
  return Message{std::string(key), {to_arg(count), to_arg(args)...}, count};
}

// KEY with ARGS as {0}, {1}, ...; COUNT, which the pattern shows wherever it likes among them,
// picks the plural form. For a message whose count is not its first argument.
template <class... Args>
std::string tr_plural(Lang lang, std::string_view key, long long count, const Args&... args) {
  return render(lang, Message{std::string(key), {to_arg(args)...}, count});
}

template <class... Args>
std::string tr_count(Lang lang, std::string_view key, long long count, const Args&... args) {
  return render(lang, count_message(key, count, args...));
}

// The language from, in order: FLAG (--lang), TUTOR_LANG, LC_ALL, LC_MESSAGES, LANG.
// Korean when the first one set starts with "ko"; English otherwise.
Lang detect_lang(std::optional<std::string_view> flag);

// "ko" or "en", and back. parse_lang returns nullopt for anything else.
std::string_view lang_name(Lang lang);
std::optional<Lang> parse_lang(std::string_view name);

}  // namespace tutor
