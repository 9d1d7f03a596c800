// Splitting a prompt line into a command, its options and its expression.
#include "repl/line.hpp"

#include <gtest/gtest.h>

#include "base/errors.hpp"
#include "math/syntax.hpp"

namespace tutor::repl {
namespace {

struct Fixture {
  SymbolTable syms;
  cli::Context ctx;
  Fixture() { ctx.syms = &syms; }
  Line split(std::string_view text) { return split_line(text, ctx); }
};

std::string name_of(const Line& line) {
  return line.command ? std::string(line.command->name) : std::string("(none)");
}

TEST(Line, BlankAndCommentLinesAskForNothing) {
  Fixture f;
  for (const char* text : {"", "   ", "\t", "# a comment", "  # indented comment"}) {
    EXPECT_EQ(f.split(text).kind, Line::Kind::blank) << text;
  }
}

TEST(Line, BareExpressionIsDiff) {
  Fixture f;
  for (const char* text : {"x", "sin(x)", "x^2 y", "(x + 8) * y", "-x^2", "2x cos(x^2)"}) {
    Line l = f.split(text);
    EXPECT_EQ(l.kind, Line::Kind::run) << text;
    EXPECT_EQ(name_of(l), "diff") << text;
    EXPECT_EQ(l.inv.expression, text);
  }
}

TEST(Line, DdxIsABareExpressionForDiff) {
  Fixture f;
  Line l = f.split("d/dx x^2 y");
  EXPECT_EQ(name_of(l), "diff");
  EXPECT_EQ(l.inv.expression, "d/dx x^2 y");
}

TEST(Line, CommandWordOnlyWhenFollowedBySpaceOrEnd) {
  Fixture f;
  EXPECT_EQ(name_of(f.split("show x")), "show");
  EXPECT_EQ(f.split("show x").inv.expression, "x");
  EXPECT_EQ(name_of(f.split("show")), "show");
  EXPECT_EQ(f.split("show").inv.expression, "");
  // Not the word "show": a bare expression (the parser decides what it means).
  EXPECT_EQ(name_of(f.split("show(x)")), "diff");
}

TEST(Line, LeadingOptionTakesOneWordAndTheRestIsTheExpression) {
  Fixture f;
  Line l = f.split("diff --wrt x (x + 8) * y");
  EXPECT_EQ(name_of(l), "diff");
  EXPECT_EQ(l.inv.all("--wrt"), std::vector<std::string>{"x"});
  EXPECT_EQ(l.inv.expression, "(x + 8) * y");
}

TEST(Line, RepeatedOptionsAndFlags) {
  Fixture f;
  Line l = f.split("diff --wrt x --wrt=y --brief x^2 y");
  EXPECT_EQ(l.inv.all("--wrt"), (std::vector<std::string>{"x", "y"}));
  EXPECT_TRUE(l.inv.has("--brief"));
  EXPECT_EQ(l.inv.expression, "x^2 y");
}

TEST(Line, TrailingOptionValueRunsToTheNextOption) {
  Fixture f;
  Line l = f.split("diff x^2 y --wrt y --format json");
  EXPECT_EQ(l.inv.expression, "x^2 y");
  EXPECT_EQ(l.inv.all("--wrt"), std::vector<std::string>{"y"});
  EXPECT_EQ(l.inv.value("--format"), "json");
}

TEST(Line, TrailingValueWithSpacesRunsToTheEndOfTheLine) {
  // The check command's --answer is the case this is for; --wrt shows the same rule.
  Fixture f;
  Line l = f.split("diff sin(x^2) --wrt x y");
  EXPECT_EQ(l.inv.expression, "sin(x^2)");
  EXPECT_EQ(l.inv.all("--wrt"), std::vector<std::string>{"x y"});
}

TEST(Line, WordsAfterATrailingFlagJoinTheExpression) {
  Fixture f;
  Line l = f.split("diff x^2 --brief + y");
  EXPECT_TRUE(l.inv.has("--brief"));
  EXPECT_EQ(l.inv.expression, "x^2 + y");
}

TEST(Line, DoubleMinusOnOneLetterStaysMath) {
  Fixture f;
  Line l = f.split("diff --x");
  EXPECT_EQ(l.inv.expression, "--x");
}

TEST(Line, UnknownOptionIsAnErrorWithSuggestionAndSpan) {
  Fixture f;
  try {
    f.split("diff x^2 --brif");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.key(), "repl.unknown_option_suggest");
    ASSERT_TRUE(e.span());
    EXPECT_EQ(*e.span(), (Span{9, 15}));
    EXPECT_NE(std::string(e.what()).find("did you mean --brief?"), std::string::npos) << e.what();
  }
}

TEST(Line, BadChoiceAndMissingValueAreErrors) {
  Fixture f;
  try {
    f.split("show x --format yaml");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.key(), "cli.bad_value");
    EXPECT_EQ(*e.span(), (Span{16, 20}));
  }
  try {
    f.split("diff --wrt");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.key(), "cli.needs_value");
  }
  EXPECT_THROW(f.split("diff --brief=yes x"), Error);
}

TEST(Line, PercentIsTheLastResultInParentheses) {
  Fixture f;
  f.ctx.last = parse("x^2 + 1", f.syms).expr;
  Line l = f.split("diff --wrt x 3 %");
  EXPECT_EQ(l.inv.expression, "3 (x^2+1)");
  EXPECT_EQ(f.split("%").inv.expression, "(x^2+1)");
}

TEST(Line, PercentBeforeAnyResultIsAnError) {
  Fixture f;
  try {
    f.split("diff x + %");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.key(), "repl.no_last");
    EXPECT_EQ(*e.span(), (Span{9, 10}));
  }
}

TEST(Line, PromptWords) {
  Fixture f;
  EXPECT_EQ(f.split("quit").kind, Line::Kind::quit);
  EXPECT_EQ(f.split("exit").kind, Line::Kind::quit);
  EXPECT_EQ(f.split("help").kind, Line::Kind::help);
  EXPECT_EQ(f.split("help").command, nullptr);
  Line h = f.split("help diff");
  EXPECT_EQ(h.kind, Line::Kind::help);
  EXPECT_EQ(name_of(h), "diff");
  Line opt = f.split("diff --help");
  EXPECT_EQ(opt.kind, Line::Kind::help);
  EXPECT_EQ(name_of(opt), "diff");
  Line l = f.split("lang ko");
  EXPECT_EQ(l.kind, Line::Kind::lang);
  EXPECT_EQ(l.word, "ko");
}

TEST(Line, PromptWordsComeFromTheirTable) {
  Fixture f;
  for (const auto& p : prompt_words()) {
    for (auto w : p.words) {
      EXPECT_EQ(find_prompt_word(w), &p) << w;
      EXPECT_EQ(f.split(w).kind, p.kind) << w;
    }
  }
  EXPECT_EQ(find_prompt_word("diff"), nullptr);
}

TEST(Line, SubcommandsTakeTheirOwnOptions) {
  Fixture f;
  Line take = f.split("quiz take chain.toml --student kim");
  ASSERT_EQ(take.kind, Line::Kind::run);
  EXPECT_EQ(name_of(take), "take");
  EXPECT_EQ(take.inv.expression, "chain.toml");
  EXPECT_EQ(take.inv.value("--student"), "kim");
  EXPECT_THROW(f.split("quiz check chain.toml --student kim"), Error);
  EXPECT_THROW(f.split("quiz chek chain.toml"), Error);
  Line bare = f.split("quiz");
  EXPECT_EQ(bare.kind, Line::Kind::run);
  EXPECT_EQ(name_of(bare), "quiz");
  Line help = f.split("quiz grade --help");
  EXPECT_EQ(help.kind, Line::Kind::help);
  EXPECT_EQ(name_of(help), "grade");
  ASSERT_NE(help.parent, nullptr);
  EXPECT_EQ(help.parent->name, "quiz");
  Line topic = f.split("help quiz take");
  EXPECT_EQ(topic.kind, Line::Kind::help);
  EXPECT_EQ(name_of(topic), "take");
  EXPECT_EQ(f.split("help quiz").command->name, "quiz");
}

TEST(Line, MisspeltCommandsGetSuggestions) {
  Fixture f;
  Line l = f.split("shwo x");
  EXPECT_EQ(l.kind, Line::Kind::unknown);
  EXPECT_EQ(l.word, "shwo");
  ASSERT_FALSE(l.suggestions.empty());
  EXPECT_EQ(l.suggestions.front(), "show");
  EXPECT_EQ(f.split("dif x^2").suggestions.front(), "diff");
  EXPECT_EQ(f.split("hepl").suggestions.front(), "help");
  Line topic = f.split("help shwo");
  EXPECT_EQ(topic.kind, Line::Kind::unknown);
  EXPECT_EQ(topic.suggestions.front(), "show");
}

TEST(Line, NamesThatAreMathAreNotMisspeltCommands) {
  Fixture f;
  // Function names, Greek names, short products and variables already used stay math.
  for (const char* text : {"tan x", "theta", "xy", "ab c"}) {
    EXPECT_EQ(f.split(text).kind, Line::Kind::run) << text;
  }
  f.syms.get("diffs");
  EXPECT_EQ(f.split("diffs").kind, Line::Kind::run);
}

}  // namespace
}  // namespace tutor::repl
