// Tab completion candidates.
#include "repl/complete.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace tutor::repl {
namespace {

bool has(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// Completion in a session with its own symbol table.
class CompleteInSession : public ::testing::Test {
 protected:
  CompleteInSession() { ctx.syms = &syms; }
  SymbolTable syms;
  cli::Context ctx;
};

TEST_F(CompleteInSession, LineStartOffersCommandsAndPromptWords) {
  auto c = completions("", "d", ctx);
  EXPECT_TRUE(has(c, "diff"));
  EXPECT_TRUE(std::is_sorted(c.begin(), c.end()));
  EXPECT_TRUE(has(completions("", "q", ctx), "quit"));
  EXPECT_TRUE(has(completions("", "he", ctx), "help"));
}

TEST_F(CompleteInSession, SubcommandsThenTheirOptions) {
  EXPECT_EQ(completions("quiz ", "", ctx),
            (std::vector<std::string>{"check", "grade", "print", "take"}));
  EXPECT_EQ(completions("quiz ", "t", ctx), std::vector<std::string>{"take"});
  EXPECT_EQ(completions("quiz take x.toml ", "--s", ctx), std::vector<std::string>{"--student"});
  EXPECT_FALSE(has(completions("quiz take ", "--", ctx), "--report"));
  EXPECT_TRUE(has(completions("quiz grade ", "--", ctx), "--report"));
  EXPECT_FALSE(has(completions("quiz take ", "si", ctx), "sin("));
  EXPECT_EQ(completions("help quiz ", "g", ctx), std::vector<std::string>{"grade"});
  EXPECT_EQ(completions("lang ", "", ctx), (std::vector<std::string>{"en", "ko"}));
}

TEST_F(CompleteInSession, FunctionsGetTheirParenthesis) {
  auto c = completions("diff 2*", "sigm", ctx);
  EXPECT_EQ(c, std::vector<std::string>{"sigmoid("});
  EXPECT_TRUE(has(completions("diff ", "si", ctx), "sin("));
  EXPECT_FALSE(has(completions("diff ", "d", ctx), "diff"));
}

TEST_F(CompleteInSession, VariablesUsedInTheSession) {
  EXPECT_FALSE(has(completions("diff ", "we", ctx), "weight"));
  syms.get("weight");
  EXPECT_TRUE(has(completions("diff ", "we", ctx), "weight"));
}

TEST_F(CompleteInSession, PracticeCompletesSkillNames) {
  EXPECT_EQ(completions("practice ", "ch", ctx),
            (std::vector<std::string>{"chain-long", "chain2"}));
  EXPECT_TRUE(has(completions("practice ", "", ctx), "partial"));
  EXPECT_FALSE(has(completions("practice ", "s", ctx), "sin("));
  EXPECT_TRUE(has(completions("practice ", "--s", ctx), "--seed"));
  // A skill's name is one word, hyphen and all.
  EXPECT_EQ(word_breaks("practice chain-l", 16), " \t\n");
  EXPECT_EQ(word_breaks("diff x-si", 9), kMathBreaks);
  EXPECT_EQ(completions("practice ", "chain-l", ctx), (std::vector<std::string>{"chain-long"}));
}

TEST(Complete, OptionsOfTheLinesCommand) {
  cli::Context ctx;
  EXPECT_EQ(completions("diff x ", "--w", ctx), std::vector<std::string>{"--wrt"});
  EXPECT_TRUE(has(completions("show x ", "--", ctx), "--format"));
  EXPECT_FALSE(has(completions("show x ", "--", ctx), "--wrt"));
}

TEST(Complete, HelpTopicsAndLanguages) {
  cli::Context ctx;
  EXPECT_TRUE(has(completions("help ", "s", ctx), "show"));
  EXPECT_EQ(completions("lang ", "", ctx), (std::vector<std::string>{"en", "ko"}));
}

TEST(Complete, WordBreaks) {
  EXPECT_EQ(word_breaks("diff x --wr", 11), " \t\n");
  EXPECT_EQ(word_breaks("diff 2*si", 9), kMathBreaks);
}

}  // namespace
}  // namespace tutor::repl
