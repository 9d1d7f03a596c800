// Running prompt lines through the command table, on string streams.
#include "repl/session.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "base/interrupt.hpp"
#include "cli/synopsis.hpp"
#include "math/syntax.hpp"

namespace tutor::repl {
namespace {

struct Session {
  SymbolTable syms;
  std::istringstream in;
  std::ostringstream out;
  std::ostringstream err;
  cli::Context ctx;
  Session() {
    ctx.in = &in;
    ctx.out = &out;
    ctx.err = &err;
    ctx.syms = &syms;
  }
  Outcome run(std::string_view line, std::size_t number = 0) {
    out.str("");
    err.str("");
    return run_line(line, ctx, number);
  }
};

TEST(Session, BareExpressionIsDifferentiated) {
  Session s;
  Outcome o = s.run("sin(x^2) --format json");
  ASSERT_EQ(o.status, 0) << s.err.str();
  auto j = nlohmann::json::parse(s.out.str());
  // d/dx sin(x^2) = cos(x^2) * 2x, by the chain rule.
  EXPECT_EQ(j["derivatives"][0]["result"], "2*x*cos(x^2)");
  EXPECT_EQ(s.err.str(), "");
}

TEST(Session, DdxAndWrtPickTheVariable) {
  Session s;
  ASSERT_EQ(s.run("d/dy x^2 y --format json").status, 0) << s.err.str();
  auto j = nlohmann::json::parse(s.out.str());
  ASSERT_EQ(j["derivatives"].size(), 1u);
  EXPECT_EQ(j["derivatives"][0]["wrt"], "y");
  EXPECT_EQ(j["derivatives"][0]["result"], "x^2");
  ASSERT_EQ(s.run("diff --wrt y --format json (x + 8) * y").status, 0) << s.err.str();
  j = nlohmann::json::parse(s.out.str());
  EXPECT_EQ(j["derivatives"][0]["result"], "x+8");
}

TEST(Session, PercentIsTheDerivativeJustShown) {
  Session s;
  ASSERT_EQ(s.run("sin(x^2)").status, 0);
  ASSERT_EQ(s.run("show % --format json").status, 0) << s.err.str();
  EXPECT_EQ(nlohmann::json::parse(s.out.str())["expression"], "2*x*cos(x^2)");
}

TEST(Session, ShowThroughTheTable) {
  Session s;
  ASSERT_EQ(s.run("show --format json 2x cos(x^2)").status, 0) << s.err.str();
  auto j = nlohmann::json::parse(s.out.str());
  EXPECT_EQ(j["input"], "2x cos(x^2)");
  EXPECT_EQ(j["expression"], "2*x*cos(x^2)");
}

TEST(Session, ErrorsShowTheCaretAndTheSessionGoesOn) {
  Session s;
  Outcome o = s.run("sin(x^2");
  EXPECT_EQ(o.status, 2);
  EXPECT_FALSE(o.quit);
  EXPECT_EQ(s.out.str(), "");
  EXPECT_NE(s.err.str().find("error: "), std::string::npos) << s.err.str();
  EXPECT_NE(s.err.str().find("  sin(x^2\n     ^\n"), std::string::npos) << s.err.str();
  EXPECT_EQ(s.run("show x").status, 0);
}

TEST(Session, UnknownWordSaysDidYouMean) {
  Session s;
  EXPECT_EQ(s.run("shwo x").status, 2);
  EXPECT_NE(s.err.str().find("unknown command 'shwo'; did you mean show?"), std::string::npos)
      << s.err.str();
  EXPECT_EQ(s.run("help dif").status, 2);
  EXPECT_NE(s.err.str().find("did you mean diff?"), std::string::npos) << s.err.str();
}

TEST(Session, HelpListsEveryCommandAndOneInFull) {
  Session s;
  ASSERT_EQ(s.run("help").status, 0);
  // The synopses are wrapped at the width, so look for each one's first pieces.
  for (const auto& c : cli::command_table()) {
    const auto parts = cli::synopsis_parts(c.subcommands.empty() ? c : c.subcommands.front(),
                                           c.subcommands.empty() ? "" : c.name);
    EXPECT_NE(s.out.str().find("  " + parts[0] + " " + parts[1]), std::string::npos) << c.name;
  }
  EXPECT_NE(s.out.str().find("quit"), std::string::npos);
  ASSERT_EQ(s.run("help diff").status, 0);
  EXPECT_NE(s.out.str().find("--wrt V"), std::string::npos) << s.out.str();
  EXPECT_NE(s.out.str().find("--brief"), std::string::npos) << s.out.str();
}

TEST(Session, QuizSubcommandsAtThePrompt) {
  Session s;
  EXPECT_EQ(s.run("quiz").status, 2);
  EXPECT_NE(s.err.str().find("quiz needs check, take, grade or print"), std::string::npos) << s.err.str();
  EXPECT_EQ(s.run("quiz chek x.toml").status, 2);
  EXPECT_NE(s.err.str().find("did you mean check?"), std::string::npos) << s.err.str();
  EXPECT_EQ(s.run("quiz check x.toml --student kim").status, 2);
  EXPECT_NE(s.err.str().find("unknown option '--student' for quiz check"), std::string::npos)
      << s.err.str();
  ASSERT_EQ(s.run("quiz take --help").status, 0);
  EXPECT_EQ(s.out.str().rfind("usage: quiz take FILE", 0), 0u) << s.out.str();
  ASSERT_EQ(s.run("help quiz grade").status, 0);
  EXPECT_NE(s.out.str().find("--report FORMAT"), std::string::npos) << s.out.str();
  ASSERT_EQ(s.run("help quiz").status, 0);
  EXPECT_NE(s.out.str().find("quiz take FILE"), std::string::npos) << s.out.str();
}

TEST(Session, LangSwitchesTheMessages) {
  Session s;
  ASSERT_EQ(s.run("lang ko").status, 0);
  EXPECT_EQ(s.ctx.lang, Lang::ko);
  EXPECT_EQ(s.out.str(), "언어: 한국어.\n");
  EXPECT_EQ(s.run("sin(x^2").status, 2);
  EXPECT_EQ(s.err.str().rfind("오류: ", 0), 0u) << s.err.str();
  EXPECT_EQ(s.run("lang fr").status, 2);
  EXPECT_EQ(s.ctx.lang, Lang::ko);
  ASSERT_EQ(s.run("lang en").status, 0);
  EXPECT_EQ(s.ctx.lang, Lang::en);
}

TEST(Session, QuitAndExitEndTheSession) {
  Session s;
  EXPECT_TRUE(s.run("quit").quit);
  EXPECT_TRUE(s.run("  exit ").quit);
  EXPECT_FALSE(s.run("x").quit);
}

TEST(Session, ScriptErrorsNameTheirLine) {
  Session s;
  s.run("x^2 +", 7);
  EXPECT_EQ(s.err.str().rfind("line 7: error: ", 0), 0u) << s.err.str();
}

TEST(Session, ColourMarksTheErrorAndTheCaret) {
  Session s;
  s.ctx.color = true;
  s.run("sin(x^2");
  EXPECT_NE(s.err.str().find("\x1b[1;31merror:\x1b[0m"), std::string::npos) << s.err.str();
  EXPECT_NE(s.err.str().find("\x1b[31m^\x1b[0m"), std::string::npos) << s.err.str();
}

// Ctrl-C at the prompt raises the interrupt flag while a command runs (see repl.cpp); here
// it is raised by hand just before the line, so the command stops at its first poll.
TEST(Session, InterruptedCommandSaysSoAndChangesNothing) {
  Session s;
  ASSERT_EQ(s.run("show x^3").status, 0) << s.err.str();
  request_interrupt();
  // graph sets % as soon as it has parsed, before the computation that is stopped.
  Outcome o = s.run("graph x^2 --at x=1");
  clear_interrupt();  // in case run_line failed to
  EXPECT_EQ(o.status, kInterruptedStatus);
  EXPECT_FALSE(o.quit);
  EXPECT_EQ(s.out.str(), "");
  EXPECT_EQ(s.err.str(), "\ninterrupted\n");
  // The flag was cleared: the next line runs, and % is still the result before.
  ASSERT_EQ(s.run("show % --format json").status, 0) << s.err.str();
  EXPECT_EQ(nlohmann::json::parse(s.out.str())["expression"], "x^3");
}

TEST(Session, InterruptedInTheLanguageOfTheSession) {
  Session s;
  ASSERT_EQ(s.run("lang ko").status, 0);
  request_interrupt();
  Outcome o = s.run("diff sin(x^2)");
  clear_interrupt();
  EXPECT_EQ(o.status, kInterruptedStatus);
  EXPECT_EQ(s.err.str(), "\n중단되었습니다\n");
  EXPECT_EQ(s.ctx.lang, Lang::ko);
  EXPECT_FALSE(s.ctx.last.has_value());
}

}  // namespace
}  // namespace tutor::repl
