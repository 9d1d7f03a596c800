// The prompt as a learner meets it: piped scripts, and a real terminal.
#include "repl/repl.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include "base/text.hpp"
#include "repl/help.hpp"
#include "support/pty.hpp"
#include "support/run.hpp"

namespace tutor::repl {
namespace {

using testing::run_binary;

TEST(Script, GoodAndBadLinesRunToTheEndAndExitTwo) {
  const std::string script =
      "# a teacher's demo\n"
      "\n"
      "show --format json 2x cos(x^2)\n"
      "sin(x^2\n"
      "shwo x\n"
      "d/dx x^3 --format json\n";
  auto r = run_binary({}, script);
  EXPECT_EQ(r.status, 2);
  // No prompt, no greeting: only the results, in order.
  EXPECT_EQ(r.out.find("tutor>"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("Try"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.rfind("{", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("\"expression\": \"2*x*cos(x^2)\""), std::string::npos) << r.out;
  // The line after the failures still ran: d/dx x^3 = 3x^2.
  EXPECT_NE(r.out.find("\"result\": \"3*x^2\""), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("line 4: error: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("  sin(x^2\n     ^\n"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("line 5: error: unknown command 'shwo'; did you mean show?"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("\x1b["), std::string::npos) << r.err;
}

TEST(Script, AllGoodExitsZero) {
  auto r = run_binary({}, "sin(x^2)\n% \n  # comment\nhelp\n");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_NE(r.out.find("2x·cos(x²)"), std::string::npos) << r.out;
}

TEST(Script, QuitStopsTheScript) {
  auto r = run_binary({}, "show x\nquit\nsin(\n");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
}

TEST(Script, KoreanMessagesFromTheEnvironment) {
  auto r = run_binary({}, "shwo x\n", {{"TUTOR_LANG", "ko"}});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("1번째 줄: 오류: 알 수 없는 명령 'shwo'"), std::string::npos) << r.err;
}

// The column where the explanation starts on each example line of the greeting.
std::vector<std::size_t> explanation_columns(const std::string& text) {
  std::vector<std::size_t> cols;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.starts_with("  ")) continue;
    std::size_t gap = line.find("  ", 2);
    std::size_t start = line.find_first_not_of(' ', gap);
    cols.push_back(display_width(line.substr(0, start)));
  }
  return cols;
}

TEST(Greeting, ThreeAlignedExamplesInBothLanguages) {
  for (Lang lang : {Lang::en, Lang::ko}) {
    std::string g = greeting(lang, false);
    auto cols = explanation_columns(g);
    ASSERT_EQ(cols.size(), 3u) << g;
    EXPECT_EQ(cols[0], cols[1]);
    EXPECT_EQ(cols[1], cols[2]);
    EXPECT_NE(g.find("quit"), std::string::npos);
    EXPECT_NE(g.find("help"), std::string::npos);
  }
  EXPECT_NE(greeting(Lang::ko, false).find("도함수"), std::string::npos);
}

// The real binary on a pseudo-terminal, with every wait bounded.
// The prompt on a real terminal, with its history under HOME/state.
class Terminal : public testing::Pty {
 public:
  explicit Terminal(const std::filesystem::path& home, std::map<std::string, std::string> env = {})
      : Pty({"--color", "never"}, with_home(home, std::move(env)), 120) {}

 private:
  static std::map<std::string, std::string> with_home(const std::filesystem::path& home,
                                                      std::map<std::string, std::string> env) {
    env["HOME"] = home.string();
    env["XDG_STATE_HOME"] = (home / "state").string();
    env["INPUTRC"] = "/dev/null";
    return env;
  }
};

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(Terminal, TypeAnExpressionAMistakeCtrlCAndCtrlD) {
  char dir_template[] = "/tmp/tutor-repl-XXXXXX";
  ASSERT_NE(mkdtemp(dir_template), nullptr);
  const std::filesystem::path home = dir_template;
  {
    Terminal t(home);
    ASSERT_TRUE(t.started());
    ASSERT_TRUE(t.wait_for("tutor> ")) << t.take();
    EXPECT_NE(t.take().find("help"), std::string::npos);

    // d/dx sin(x^2) = cos(x^2) * 2x.
    ASSERT_TRUE(t.type("sin(x^2)\r"));
    ASSERT_TRUE(t.wait_for("tutor> ")) << t.take();
    EXPECT_NE(t.take().find("= 2x·cos(x²)"), std::string::npos);

    // A broken line: the caret under the unclosed parenthesis, and the prompt again.
    ASSERT_TRUE(t.type("sin(x^2\r"));
    ASSERT_TRUE(t.wait_for("tutor> ")) << t.take();
    std::string broken = t.take();
    EXPECT_NE(broken.find("error: "), std::string::npos) << broken;
    EXPECT_NE(broken.find("sin(x^2\r\n     ^\r\n"), std::string::npos) << broken;

    // Ctrl-C throws the half-typed line away.
    ASSERT_TRUE(t.type("junk"));
    ASSERT_TRUE(t.wait_for("junk")) << t.take();
    ASSERT_TRUE(t.type("\x03"));
    ASSERT_TRUE(t.wait_for("tutor> ")) << t.take();
    t.take();
    ASSERT_TRUE(t.type("y^3\r"));
    ASSERT_TRUE(t.wait_for("tutor> ")) << t.take();
    std::string after = t.take();
    EXPECT_NE(after.find("= 3y²"), std::string::npos) << after;
    EXPECT_EQ(after.find("error"), std::string::npos) << after;

    ASSERT_TRUE(t.type("\x04"));
    EXPECT_EQ(t.wait_exit(), 0);
  }
  const std::string history = read_file(home / "state" / "tutor" / "history");
  EXPECT_NE(history.find("sin(x^2)\n"), std::string::npos) << history;
  EXPECT_NE(history.find("sin(x^2\n"), std::string::npos) << history;
  EXPECT_NE(history.find("y^3\n"), std::string::npos) << history;
  EXPECT_EQ(history.find("junk"), std::string::npos) << history;
  std::filesystem::remove_all(home);
}

TEST(Terminal, QuitEndsWithStatusZeroAndHistoryIsShared) {
  char dir_template[] = "/tmp/tutor-repl-XXXXXX";
  ASSERT_NE(mkdtemp(dir_template), nullptr);
  const std::filesystem::path home = dir_template;
  for (const char* line : {"show a\r", "show b\r"}) {
    Terminal t(home);
    ASSERT_TRUE(t.started());
    ASSERT_TRUE(t.wait_for("tutor> ")) << t.take();
    ASSERT_TRUE(t.type(line));
    ASSERT_TRUE(t.wait_for("tutor> ")) << t.take();
    ASSERT_TRUE(t.type("quit\r"));
    EXPECT_EQ(t.wait_exit(), 0);
  }
  EXPECT_EQ(read_file(home / "state" / "tutor" / "history"), "show a\nquit\nshow b\nquit\n");
  std::filesystem::remove_all(home);
}

// Ctrl-C during a computation: TUTOR_TEST_SLOW_MS makes every poll of the engine sleep,
// so an ordinary derivative takes seconds and there is time to interrupt it.
TEST(Terminal, CtrlCStopsAComputationAndKeepsTheSession) {
  using Clock = std::chrono::steady_clock;
  char dir_template[] = "/tmp/tutor-repl-XXXXXX";
  ASSERT_NE(mkdtemp(dir_template), nullptr);
  const std::filesystem::path home = dir_template;
  const std::string slow = "diff sin(cos(tan(x^2+1))) + x^3 exp(x)\r";
  {
    Terminal t(home, {{"TUTOR_TEST_SLOW_MS", "200"}});
    ASSERT_TRUE(t.started());
    ASSERT_TRUE(t.wait_for("tutor> ", 10)) << t.take();
    t.take();
    ASSERT_TRUE(t.type("lang ko\r"));
    ASSERT_TRUE(t.wait_for("tutor> ", 10)) << t.take();
    t.take();

    // Left alone, the line takes more than a second.
    const auto start = Clock::now();
    ASSERT_TRUE(t.type(slow));
    ASSERT_TRUE(t.wait_for("tutor> ", 20)) << t.take();
    EXPECT_GT(Clock::now() - start, std::chrono::seconds(1));
    EXPECT_EQ(t.take().find("중단"), std::string::npos);

    // A result for % to keep.
    ASSERT_TRUE(t.type("show x^3\r"));
    ASSERT_TRUE(t.wait_for("tutor> ", 10)) << t.take();
    t.take();

    // The same line again, and Ctrl-C while it runs: the prompt is back within a second.
    ASSERT_TRUE(t.type(slow));
    // Readline ends the echoed line just before the command starts; then it is under way.
    ASSERT_TRUE(t.wait_for("exp(x)\r\n", 10)) << t.take();
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    const auto pressed = Clock::now();
    ASSERT_TRUE(t.type("\x03"));
    ASSERT_TRUE(t.wait_for("tutor> ", 5)) << t.take();
    EXPECT_LT(Clock::now() - pressed, std::chrono::seconds(1));
    const std::string stopped = t.take();
    EXPECT_NE(stopped.find("중단되었습니다"), std::string::npos) << stopped;
    EXPECT_EQ(stopped.find("="), std::string::npos) << stopped;  // no derivative shown

    // The session goes on: % is still x^3, and the next command runs to its end.
    ASSERT_TRUE(t.type("show % --format json\r"));
    ASSERT_TRUE(t.wait_for("tutor> ", 10)) << t.take();
    const std::string shown = t.take();
    EXPECT_NE(shown.find("\"expression\": \"x^3\""), std::string::npos) << shown;
    EXPECT_EQ(shown.find("중단"), std::string::npos) << shown;

    ASSERT_TRUE(t.type("\x04"));
    EXPECT_EQ(t.wait_exit(10), 0);
  }
  const std::string history = read_file(home / "state" / "tutor" / "history");
  EXPECT_NE(history.find("show x^3\ndiff sin(cos(tan(x^2+1))) + x^3 exp(x)\nshow %"),
            std::string::npos)
      << history;
  std::filesystem::remove_all(home);
}

}  // namespace
}  // namespace tutor::repl
