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
#include <sstream>
#include <thread>

#include "repl/help.hpp"
#include "support/run.hpp"
#include "tutor/text.hpp"

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
class Terminal {
 public:
  explicit Terminal(const std::filesystem::path& home) {
    winsize size{24, 120, 0, 0};
    pid_ = forkpty(&fd_, nullptr, nullptr, &size);
    if (pid_ == 0) {
      clearenv();
      setenv("PATH", "/usr/bin:/bin", 1);
      setenv("LANG", "C.UTF-8", 1);
      setenv("TERM", "dumb", 1);
      setenv("HOME", home.c_str(), 1);
      setenv("XDG_STATE_HOME", (home / "state").c_str(), 1);
      setenv("INPUTRC", "/dev/null", 1);
      execl(TUTOR_BINARY, "tutor", "--color", "never", static_cast<char*>(nullptr));
      _exit(127);
    }
  }
  ~Terminal() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (fd_ >= 0) close(fd_);
  }
  bool started() const { return pid_ > 0 && fd_ >= 0; }

  // Reads until TEXT appears after the mark; false after TIMEOUT_S seconds.
  bool wait_for(std::string_view text, double timeout_s = 15) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_s);
    while (seen_.find(text, mark_) == std::string::npos) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return false;
      pollfd p{fd_, POLLIN, 0};
      if (poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
      char buf[4096];
      ssize_t n = read(fd_, buf, sizeof buf);
      if (n <= 0) return false;
      seen_.append(buf, static_cast<std::size_t>(n));
    }
    return true;
  }
  // What arrived since the last mark; the next wait starts after it.
  std::string take() {
    std::string out = seen_.substr(mark_);
    mark_ = seen_.size();
    return out;
  }
  void type(std::string_view keys) {
    ASSERT_EQ(write(fd_, keys.data(), keys.size()), static_cast<ssize_t>(keys.size()));
  }

  // The exit status, or -1 after TIMEOUT_S seconds.
  int wait_exit(double timeout_s = 15) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_s);
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        exited_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      // Keep draining, so the child never blocks on a full terminal.
      pollfd p{fd_, POLLIN, 0};
      if (poll(&p, 1, 50) > 0) {
        char buf[4096];
        ssize_t n = read(fd_, buf, sizeof buf);
        if (n > 0) seen_.append(buf, static_cast<std::size_t>(n));
      }
    }
    return -1;
  }

 private:
  pid_t pid_ = -1;
  int fd_ = -1;
  bool exited_ = false;
  std::string seen_;
  std::size_t mark_ = 0;
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
    t.type("sin(x^2)\r");
    ASSERT_TRUE(t.wait_for("tutor> ")) << t.take();
    EXPECT_NE(t.take().find("= 2x·cos(x²)"), std::string::npos);

    // A broken line: the caret under the unclosed parenthesis, and the prompt again.
    t.type("sin(x^2\r");
    ASSERT_TRUE(t.wait_for("tutor> ")) << t.take();
    std::string broken = t.take();
    EXPECT_NE(broken.find("error: "), std::string::npos) << broken;
    EXPECT_NE(broken.find("sin(x^2\r\n     ^\r\n"), std::string::npos) << broken;

    // Ctrl-C throws the half-typed line away.
    t.type("junk");
    ASSERT_TRUE(t.wait_for("junk")) << t.take();
    t.type("\x03");
    ASSERT_TRUE(t.wait_for("tutor> ")) << t.take();
    t.take();
    t.type("y^3\r");
    ASSERT_TRUE(t.wait_for("tutor> ")) << t.take();
    std::string after = t.take();
    EXPECT_NE(after.find("= 3y²"), std::string::npos) << after;
    EXPECT_EQ(after.find("error"), std::string::npos) << after;

    t.type("\x04");
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
    t.type(line);
    ASSERT_TRUE(t.wait_for("tutor> ")) << t.take();
    t.type("quit\r");
    EXPECT_EQ(t.wait_exit(), 0);
  }
  EXPECT_EQ(read_file(home / "state" / "tutor" / "history"), "show a\nquit\nshow b\nquit\n");
  std::filesystem::remove_all(home);
}

}  // namespace
}  // namespace tutor::repl
