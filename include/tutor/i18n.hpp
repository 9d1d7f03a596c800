// Messages in Korean and English.
//
// Every text a learner can see is a catalogue entry: a key with an English and a Korean
// pattern. Patterns use fmt's "{}" / "{0}" placeholders. The catalogue is compiled in (see
// README, "Design notes"), and a test checks that both languages have every key with the
// same placeholders.
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
  std::string_view en;
  std::string_view ko;
};

// A message not yet put into words: the key and its arguments, already formatted as text.
// Errors carry one of these so that only the front end decides the language.
struct Message {
  std::string key;
  std::vector<std::string> args;
};

// All entries, in a stable order.
std::span<const CatalogueEntry> catalogue();

// The pattern for KEY in LANG. An unknown key returns the key itself, so a missing entry is
// visible rather than fatal (and the catalogue test catches it).
std::string_view pattern(Lang lang, std::string_view key);

// KEY's pattern with ARGS filled in. Never throws: a malformed pattern yields the raw pattern.
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

// The language from, in order: FLAG (--lang), TUTOR_LANG, LC_ALL, LC_MESSAGES, LANG.
// Korean when the first one set starts with "ko"; English otherwise.
Lang detect_lang(std::optional<std::string_view> flag);

// "ko" or "en", and back. parse_lang returns nullopt for anything else.
std::string_view lang_name(Lang lang);
std::optional<Lang> parse_lang(std::string_view name);

}  // namespace tutor
