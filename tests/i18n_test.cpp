// The message catalogue: both languages have every key, with the same placeholders.
#include "tutor/i18n.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <regex>
#include <set>
#include <string>

namespace tutor {
namespace {

// The {N} and {} placeholders in PATTERN, as a sorted set of their texts.
std::multiset<std::string> placeholders(std::string_view pattern) {
  static const std::regex kPlaceholder(R"(\{[0-9]*\})");
  std::multiset<std::string> out;
  std::string s(pattern);
  for (auto it = std::sregex_iterator(s.begin(), s.end(), kPlaceholder);
       it != std::sregex_iterator(); ++it) {
    out.insert(it->str());
  }
  return out;
}

TEST(Catalogue, EveryKeyHasBothLanguagesWithTheSamePlaceholders) {
  ASSERT_FALSE(catalogue().empty());
  for (const auto& e : catalogue()) {
    EXPECT_FALSE(e.key.empty());
    EXPECT_FALSE(e.en.empty()) << e.key;
    EXPECT_FALSE(e.ko.empty()) << e.key;
    // Numbered placeholders may repeat or move in Korean word order, but the same ones appear.
    auto en = placeholders(e.en);
    auto ko = placeholders(e.ko);
    EXPECT_EQ(std::set<std::string>(en.begin(), en.end()),
              std::set<std::string>(ko.begin(), ko.end()))
        << e.key;
  }
}

TEST(Catalogue, KeysAreUnique) {
  std::set<std::string_view> seen;
  for (const auto& e : catalogue()) EXPECT_TRUE(seen.insert(e.key).second) << "duplicate " << e.key;
}

TEST(Catalogue, EveryPatternRendersWithArguments) {
  for (const auto& e : catalogue()) {
    Message m{std::string(e.key), {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"}};
    for (Lang lang : {Lang::en, Lang::ko}) {
      std::string out = render(lang, m);
      EXPECT_EQ(out.find("{"), std::string::npos) << e.key << ": " << out;
    }
  }
}

TEST(Translate, FillsArgumentsInEachLanguage) {
  EXPECT_EQ(tr(Lang::en, "cli.did_you_mean", "show"), "did you mean show?");
  EXPECT_EQ(tr(Lang::ko, "cli.did_you_mean", "show"), "show을(를) 뜻했나요?");
  EXPECT_EQ(tr(Lang::en, "syntax.number_too_long", 60, std::size_t{50}),
            "this number has 60 digits; the limit is 50");
}

TEST(Translate, UnknownKeyShowsTheKey) {
  EXPECT_EQ(tr(Lang::en, "no.such.key"), "no.such.key");
  EXPECT_EQ(pattern(Lang::ko, "no.such.key"), "no.such.key");
}

TEST(Lang, NamesAndParsing) {
  EXPECT_EQ(lang_name(Lang::ko), "ko");
  EXPECT_EQ(lang_name(Lang::en), "en");
  EXPECT_EQ(parse_lang("ko"), Lang::ko);
  EXPECT_EQ(parse_lang("en"), Lang::en);
  EXPECT_EQ(parse_lang("fr"), std::nullopt);
}

// Sets the language variables for one test and clears the rest, restoring them afterwards.
class LangEnv {
 public:
  explicit LangEnv(std::initializer_list<std::pair<const char*, const char*>> set) {
    for (const char* v : kVars) {
      const char* old = std::getenv(v);
      saved_.emplace_back(v, old ? std::optional<std::string>(old) : std::nullopt);
      unsetenv(v);
    }
    for (const auto& [k, v] : set) setenv(k, v, 1);
  }
  ~LangEnv() {
    for (const auto& [k, v] : saved_) {
      if (v) {
        setenv(k, v->c_str(), 1);
      } else {
        unsetenv(k);
      }
    }
  }

 private:
  static constexpr const char* kVars[] = {"TUTOR_LANG", "LC_ALL", "LC_MESSAGES", "LANG"};
  std::vector<std::pair<const char*, std::optional<std::string>>> saved_;
};

TEST(Lang, DetectionOrder) {
  {
    LangEnv env({{"TUTOR_LANG", "ko"}, {"LANG", "en_US.UTF-8"}});
    EXPECT_EQ(detect_lang(std::nullopt), Lang::ko);
    EXPECT_EQ(detect_lang("en"), Lang::en);  // the flag wins
  }
  {
    LangEnv env({{"LC_ALL", "ko_KR.UTF-8"}, {"LANG", "en_US.UTF-8"}});
    EXPECT_EQ(detect_lang(std::nullopt), Lang::ko);
  }
  {
    LangEnv env({{"LC_MESSAGES", "en_GB.UTF-8"}, {"LANG", "ko_KR.UTF-8"}});
    EXPECT_EQ(detect_lang(std::nullopt), Lang::en);
  }
  {
    LangEnv env({{"LANG", "ko_KR.UTF-8"}});
    EXPECT_EQ(detect_lang(std::nullopt), Lang::ko);
  }
  {
    LangEnv env({});
    EXPECT_EQ(detect_lang(std::nullopt), Lang::en);
  }
}

}  // namespace
}  // namespace tutor
