// The message catalogue: both languages have every key, with the same placeholders; every key
// the sources use is in it, and every key in it is used.
#include "base/i18n.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "calculus/outcome.hpp"
#include "labs/descent.hpp"
#include "labs/gradients.hpp"
#include "math/steps.hpp"

namespace tutor {
namespace {

// The {N} and {} placeholders in PATTERN, as a sorted set of "{N}" (a format spec such as
// {1:.0} counts by its index; "{{" is a literal brace).
std::multiset<std::string> placeholders(std::string_view pattern) {
  std::multiset<std::string> out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '{') continue;
    if (i + 1 < pattern.size() && pattern[i + 1] == '{') {
      ++i;
      continue;
    }
    std::size_t close = pattern.find('}', i);
    if (close == std::string_view::npos) break;
    std::string_view inside = pattern.substr(i + 1, close - i - 1);
    out.insert("{" + std::string(inside.substr(0, inside.find(':'))) + "}");
    i = close;
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
    if (!e.en_one.empty()) {
      auto one = placeholders(e.en_one);
      EXPECT_EQ(std::set<std::string>(one.begin(), one.end()),
                std::set<std::string>(en.begin(), en.end()))
          << e.key;
    }
  }
}

TEST(Catalogue, CountMessagesTakeTheirPluralForm) {
  EXPECT_EQ(plural_form(Lang::en, 1), PluralForm::one);
  EXPECT_EQ(plural_form(Lang::en, 0), PluralForm::other);
  EXPECT_EQ(plural_form(Lang::en, 2), PluralForm::other);
  EXPECT_EQ(plural_form(Lang::ko, 1), PluralForm::other);
  EXPECT_EQ(tr_count(Lang::en, "practice.try_again", 1), "Try again (1 try left).");
  EXPECT_EQ(tr_count(Lang::en, "practice.try_again", 2), "Try again (2 tries left).");
  EXPECT_EQ(tr_count(Lang::ko, "practice.try_again", 1), "다시 해 보세요 (남은 기회 1번).");
  EXPECT_EQ(tr_count(Lang::en, "progress.tries", 1), "1 try");
  EXPECT_EQ(tr_count(Lang::en, "progress.tries", 3), "3 tries");
  // A message with two counts is put together from parts, each in its own form.
  EXPECT_EQ(tr(Lang::en, "quiz.take_intro", tr_count(Lang::en, "quiz.n_questions", 1),
               tr_count(Lang::en, "quiz.n_points", 2)),
            "1 question, 2 points. Type 'hint' for a hint.");
  EXPECT_EQ(tr(Lang::ko, "quiz.take_intro", tr_count(Lang::ko, "quiz.n_questions", 1),
               tr_count(Lang::ko, "quiz.n_points", 2)),
            "문제 1개, 만점 2점. 힌트가 필요하면 'hint'를 입력하세요.");
  // The count need not be the first argument.
  EXPECT_EQ(tr_plural(Lang::en, "quiz.invalid", 1, "q.toml", 1),
            "q.toml: 1 problem; the quiz is not valid");
  EXPECT_EQ(tr_plural(Lang::en, "quiz.invalid", 3, "q.toml", 3),
            "q.toml: 3 problems; the quiz is not valid");
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
      static const std::regex kLeft(R"(\{[0-9]*(:[^}]*)?\})");
      EXPECT_FALSE(std::regex_search(out, kLeft)) << e.key << ": " << out;
    }
  }
}

TEST(Translate, FillsArgumentsInEachLanguage) {
  EXPECT_EQ(tr(Lang::en, "cli.did_you_mean", "show"), "did you mean show?");
  EXPECT_EQ(tr(Lang::ko, "cli.did_you_mean", "show"), "show를 뜻했나요?");
  EXPECT_EQ(tr(Lang::en, "syntax.number_too_long", 60, std::size_t{50}),
            "this number has 60 digits; the limit is 50");
}

TEST(Translate, UnknownKeyShowsTheKeyAsALastResort) {
  EXPECT_EQ(tr(Lang::en, "no.such.key"), "no.such.key");
  EXPECT_EQ(pattern(Lang::ko, "no.such.key"), "no.such.key");
}

// Every string literal in the C++ sources under src/, the catalogue itself left
// out, with the file it is in.
std::multimap<std::string, std::string> source_literals() {
  const std::filesystem::path root =
      std::filesystem::path(TUTOR_SOURCE_LESSONS).parent_path();  // lessons/ is at the top
  // A character literal ('"') is matched first so that its quote starts no string.
  static const std::regex kLiteral(R"re('(?:[^'\\\n]|\\.)'|"((?:[^"\\\n]|\\.)*)")re");
  std::multimap<std::string, std::string> out;
  for (const auto& f : std::filesystem::recursive_directory_iterator(root / "src")) {
    const auto ext = f.path().extension();
    if (!f.is_regular_file() || (ext != ".cpp" && ext != ".hpp")) continue;
    std::ifstream in(f.path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string s = text.str();
    for (std::sregex_iterator m(s.begin(), s.end(), kLiteral), end; m != end; ++m) {
      if (!(*m)[1].matched) continue;
      out.emplace((*m)[1].str(), f.path().lexically_relative(root).string());
    }
  }
  return out;
}

// Keys built at run time: a literal prefix and an id from a table of the core library.
std::map<std::string, std::set<std::string>> built_keys() {
  std::map<std::string, std::set<std::string>> out;
  for (int r = 0; r <= static_cast<int>(Rule::logarithmic_differentiation); ++r) {
    out["rule."].insert(std::string(rule_id(static_cast<Rule>(r))));
  }
  // `tutor check` shows every status but blank, which only an empty answer in a lesson gets.
  for (Status st : {Status::correct, Status::incorrect, Status::invalid}) {
    out["check.status."].insert(std::string(status_id(st)));
  }
  for (RunVerdict v :
       {RunVerdict::converged, RunVerdict::slow, RunVerdict::oscillating, RunVerdict::diverged}) {
    out["descent.verdict."].insert(std::string(verdict_name(v)));
  }
  for (ChainVerdict v : {ChainVerdict::vanishing, ChainVerdict::exploding, ChainVerdict::stable}) {
    out["gradients.verdict."].insert(std::string(chain_verdict_name(v)));
  }
  for (auto name : activation_names()) out["gradients.activation."].insert(std::string(name));
  for (int m = 0; m <= static_cast<int>(Mistake::question_echo); ++m) {
    out["mistake."].insert(std::string(mistake_id(static_cast<Mistake>(m))));
  }
  return out;
}

// A literal shaped like a key of one of the catalogue's families ("quiz.needs_file") that is
// not a key. Whatever else is shaped so must be in the catalogue.
const std::set<std::string> kNotKeys = {"progress.json"};

TEST(Catalogue, EveryKeyTheSourcesUseIsInTheCatalogue) {
  std::set<std::string> keys, families;
  for (const auto& e : catalogue()) {
    keys.insert(std::string(e.key));
    families.insert(std::string(e.key.substr(0, e.key.find('.'))));
  }
  const auto built = built_keys();
  static const std::regex kKeyShape(R"([a-z][a-z0-9_]*(\.[a-z0-9_-]+)+\.?)");
  for (const auto& [text, file] : source_literals()) {
    if (!std::regex_match(text, kKeyShape) || kNotKeys.contains(text)) continue;
    if (!families.contains(text.substr(0, text.find('.')))) continue;
    if (text.ends_with(".")) {
      EXPECT_TRUE(built.contains(text)) << file << ": \"" << text << "\" builds keys the test "
                                        << "does not know; add its ids to built_keys()";
      continue;
    }
    EXPECT_TRUE(keys.contains(text)) << file << " uses \"" << text << "\", not in the catalogue";
  }
  for (const auto& [prefix, ids] : built) {
    for (const auto& id : ids) EXPECT_TRUE(keys.contains(prefix + id)) << prefix + id;
  }
}

TEST(Catalogue, EveryKeyInTheCatalogueIsUsed) {
  const auto literals = source_literals();
  std::set<std::string> used;
  for (const auto& [text, file] : literals) used.insert(text);
  for (const auto& [prefix, ids] : built_keys()) {
    for (const auto& id : ids) used.insert(prefix + id);
  }
  for (const auto& e : catalogue()) {
    EXPECT_TRUE(used.contains(std::string(e.key))) << e.key << " is never used";
  }
}

TEST(Catalogue, TheScanFindsKeysPassedEveryWay) {
  // tr(…, "key"), Message{"key", …}, count_message, tables of keys, prefixes of built keys,
  // and the help keys of command rows, option rows and prompt words.
  const auto literals = source_literals();
  for (const char* key : {"cli.did_you_mean", "quiz.needs_file", "practice.try_again", "grade.yes",
                          "rule.", "cmd.diff", "opt.diff.wrt", "repl.help.lang"}) {
    EXPECT_TRUE(literals.contains(key)) << key;
  }
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
