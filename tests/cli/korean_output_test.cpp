// The Korean output of every command reads as Korean: particles chosen, not written as both
// forms (을(를)), and no internal tag or English word in its prose. JSON and CSV keep the tags.
#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "support/run.hpp"
#include "support/temp_dir.hpp"

namespace tutor {
namespace {

using testing::run_binary;
using testing::TempDir;

// The output of `tutor --lang ko ARGS` with INPUT, stdout and stderr together.
std::string korean(std::vector<std::string> args, const std::string& input = "") {
  TempDir home;
  args.insert(args.begin(), {"--lang", "ko"});
  auto r = run_binary(args, input, home.env());
  EXPECT_GE(r.status, 0) << "timed out: " << args[2];
  return r.out + r.err;
}

// Both forms of a particle left for the reader to choose.
const std::regex kBothForms(R"(\((가|이|를|을|는|은|와|과|으)\))");

void expect_chosen_particles(const std::string& out) {
  std::smatch m;
  EXPECT_FALSE(std::regex_search(out, m, kBothForms)) << m.str() << " in:\n" << out;
}

TEST(KoreanOutput, EveryCommandChoosesItsParticles) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> runs = {
      {{"diff", "sin(x^2)"}, ""},
      {{"diff", "x^2", "--at", "x=0", "--order", "2"}, ""},
      {{"show", "3(2x+5)^2"}, ""},
      {{"parts", "sin(x^2)"}, ""},
      {{"check", "sin(x^2)", "--answer", "2x cos(x^2)"}, ""},
      {{"check", "sin(x^2)", "--answer", "cos(x^2)"}, ""},
      {{"check", "(3x+1)^2", "--answer", "2(3x+1)"}, ""},
      {{"graph", "(3x+1)^2", "--at", "x=1"}, ""},
      {{"descent", "x^2", "--from", "5", "--lr", "0.001", "--lr", "0.1", "--lr", "10"}, ""},
      {{"gradients", "--activation", "sigmoid", "--layers", "20"}, ""},
      {{"gradients", "--activation", "linear", "--weight", "1.5", "--layers", "20"}, ""},
      {{"exercise", "1"}, "cos(x^2)\n2x cos(x^2)\n"},
      {{"exercise"}, ""},
      {{"lesson", "2"}, ""},
      {{"lesson", "5"}, ""},
      // Errors, whose messages quote what was typed.
      {{"descent", "x^2", "--from", "abc", "--lr", "0.1"}, ""},
      {{"diff", "x^2", "--wrt", "3"}, ""},
      {{"dif", "x"}, ""},
  };
  for (const auto& [args, input] : runs) {
    SCOPED_TRACE(args[0]);
    expect_chosen_particles(korean(args, input));
  }
}

TEST(KoreanOutput, MistakesAreNamedInKorean) {
  const std::string check = korean({"check", "sin(x^2)", "--answer", "cos(x^2)"});
  EXPECT_EQ(check.find("missing-inner-derivative"), std::string::npos) << check;
  EXPECT_NE(check.find("오답 (안쪽 함수의 도함수 빠짐)"), std::string::npos) << check;
  const std::string exercise = korean({"exercise", "1"}, "cos(x^2)\n2x cos(x^2)\n");
  EXPECT_EQ(exercise.find("missing-inner-derivative"), std::string::npos) << exercise;
  EXPECT_NE(exercise.find("(안쪽 함수의 도함수 빠짐)"), std::string::npos) << exercise;
  // So does the gradebook's summary of a class's mistakes.
  const std::string quizzes = std::string(TUTOR_SOURCE_LESSONS) + "/quizzes/";
  const std::string grade =
      korean({"quiz", "grade", quizzes + "chain-rule.toml", quizzes + "responses.csv"});
  EXPECT_EQ(grade.find("missing-inner-derivative"), std::string::npos) << grade;
  EXPECT_NE(grade.find("안쪽 함수의 도함수 빠짐 1"), std::string::npos) << grade;
  // JSON keeps the tag.
  const std::string json =
      korean({"check", "sin(x^2)", "--answer", "cos(x^2)", "--format", "json"});
  EXPECT_NE(json.find("\"missing-inner-derivative\""), std::string::npos) << json;
}

TEST(KoreanOutput, DescentNamesItsVerdictsInKorean) {
  const std::vector<std::string> args = {"descent", "x^2", "--from", "5",  "--lr",  "0.001",
                                         "--lr",    "0.1", "--lr",   "10", "--plot"};
  const std::string text = korean(args);
  for (const char* word : {"converged", "slow", "oscillating", "diverged"}) {
    EXPECT_EQ(text.find(word), std::string::npos) << word << " in:\n" << text;
  }
  // The chart's legend too: η = 0.001 is slow, η = 10 diverges.
  EXPECT_NE(text.find("η = 0.001 느림"), std::string::npos) << text;
  EXPECT_NE(text.find("η = 10 발산"), std::string::npos) << text;
  // JSON keeps the verdicts as data.
  auto json_args = args;
  json_args.back() = "--format";
  json_args.push_back("json");
  EXPECT_NE(korean(json_args).find("\"verdict\": \"diverged\""), std::string::npos);
}

// Whether WORD is used in a sentence in TEXT: followed, after spaces or punctuation, by Hangul
// (U+AC00..U+D7A3, whose UTF-8 starts with EA to ED).
bool in_prose(const std::string& text, const std::string& word) {
  for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    std::size_t i = at + word.size();
    while (i < text.size() && (text[i] == ' ' || text[i] == ',' || text[i] == ':')) ++i;
    const auto b = i < text.size() ? static_cast<unsigned char>(text[i]) : 0;
    if (b >= 0xEA && b <= 0xED) return true;
  }
  return false;
}

TEST(KoreanOutput, GradientsNameTheActivationInKorean) {
  const std::string text = korean({"gradients", "--activation", "sigmoid", "--layers", "20"});
  // The prose says 시그모이드; only formulas keep the input name, as in sigmoid(W·a).
  EXPECT_FALSE(in_prose(text, "sigmoid")) << text;
  EXPECT_NE(text.find("시그모이드 활성화"), std::string::npos) << text;
  for (const char* word : {"vanishing", "exploding", "stable"}) {
    EXPECT_EQ(text.find(word), std::string::npos) << word << " in:\n" << text;
  }
  const std::string json =
      korean({"gradients", "--activation", "sigmoid", "--layers", "20", "--format", "json"});
  EXPECT_NE(json.find("\"sigmoid\""), std::string::npos) << json;
}

}  // namespace
}  // namespace tutor
