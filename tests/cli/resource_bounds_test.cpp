// Pathological input through the real binary: every command answers quickly inside the
// documented limits, refuses what is outside them with exit 2 and a message, never
// crashes, and never echoes a terminal escape sequence it was given.
//
// The time bounds are generous (the machine may be busy, and sanitizer builds are several
// times slower); the limits themselves keep every case far below them.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "support/run.hpp"
#include "support/temp_dir.hpp"

namespace tutor {
namespace {

using testing::run_binary;
using testing::RunResult;

#if defined(__SANITIZE_ADDRESS__)
constexpr double kSlowdown = 4;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr double kSlowdown = 4;
#else
constexpr double kSlowdown = 1;
#endif
#else
constexpr double kSlowdown = 1;
#endif

// Processor seconds. Most cases take milliseconds; the slowest, diff of log(1+…) nested 199
// deep, took 5.1 s on an idle 2-core machine on 2026-11-30 (its answer grows with the square of
// the depth, each link substituted back) and 6.2 s beside other tests in the suite, so the
// bound leaves room for a busy or slower machine.
constexpr double kBoundSeconds = 10 * kSlowdown;

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

std::string nested(const std::string& open, const std::string& close, std::size_t n,
                   const std::string& core = "x") {
  return repeat(open, n) + core + repeat(close, n);
}

struct Timed {
  RunResult r;
  double seconds;
};

Timed timed(const std::vector<std::string>& args, const std::string& input = "") {
  static const std::string data = [] {
    char t[] = "/tmp/tutor-bounds-XXXXXX";
    return std::string(mkdtemp(t));
  }();
  // The bound is on the processor time the run takes, which a loaded machine does not
  // stretch; the wall-clock limit only catches a run that never ends.
  auto cpu = [] {
    rusage u{};
    getrusage(RUSAGE_CHILDREN, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
  };
  const double before = cpu();
  RunResult r = run_binary(args, input, {{"XDG_DATA_HOME", data}, {"XDG_STATE_HOME", data}},
                           kBoundSeconds * 5);
  return {r, cpu() - before};
}

std::string describe(const std::vector<std::string>& args) {
  std::string d;
  for (const auto& a : args)
    d += (d.empty() ? "" : " ") + (a.size() > 60 ? a.substr(0, 60) + "..." : a);
  return d;
}

// Inside the limits: an answer (0 correct, 1 a wrong answer or 0 for a plain command) in time.
void expect_answered(const std::vector<std::string>& args, const std::string& input = "") {
  Timed t = timed(args, input);
  EXPECT_TRUE(t.r.status == 0 || t.r.status == 1) << describe(args) << " -> " << t.r.status << "\n"
                                                  << t.r.err.substr(0, 400);
  EXPECT_LT(t.seconds, kBoundSeconds) << describe(args);
}

// Outside them: exit 2 with a message naming the limit, in time, and nothing on stdout.
void expect_refused(const std::vector<std::string>& args, const std::string& message) {
  Timed t = timed(args);
  EXPECT_EQ(t.r.status, 2) << describe(args) << "\n" << t.r.err.substr(0, 400);
  EXPECT_NE(t.r.err.find(message), std::string::npos) << describe(args) << "\n"
                                                      << t.r.err.substr(0, 400);
  EXPECT_EQ(t.r.out, "") << describe(args);
  EXPECT_LT(t.seconds, kBoundSeconds) << describe(args);
}

TEST(ResourceBounds, DeepNestingUpToTheLimitIsAnsweredBeyondItRefused) {
  expect_answered({"diff", nested("sin(", ")", 199)});
  expect_answered({"diff", nested("(", ")", 199)});
  expect_answered({"check", nested("sin(", ")", 100), "--answer", nested("cos(", ")", 100)});
  // The deepest chains there are: each link explained, every forgotten factor tried.
  for (const char* open : {"sin(2*", "tanh(", "sigmoid(", "log(1+"}) {
    expect_answered({"diff", nested(open, ")", 199)});
    expect_answered({"check", nested(open, ")", 199), "--answer", "cos(x)"});
  }
  expect_refused({"diff", nested("(", "+1)^2", 199)}, "expanding this would give");
  // Graphs are drawn up to 40 nodes and 160 columns (README).
  expect_answered({"graph", nested("sin(", ")", 8), "--at", "x=1"});
  expect_refused({"diff", nested("sin(", ")", 201)}, "nested too deeply");
  expect_refused({"show", nested("(", ")", 201)}, "nested too deeply");
  expect_refused({"diff", repeat("-", 300) + "x"}, "nested too deeply");
  expect_refused({"diff", nested("x^(", ")", 250)}, "nested too deeply");
  expect_refused({"check", "x^2", "--answer", nested("(", ")", 500)}, "nested too deeply");
}

TEST(ResourceBounds, HugeExponentsAndNumbers) {
  expect_answered({"diff", "x^1000"});
  expect_answered({"diff", "(x+1)^1000"});
  expect_answered({"diff", "2^1000 x"});
  expect_answered({"diff", repeat("9", 50) + " x"});
  expect_answered({"diff", "x^x^x^x^x^x^x^x^x^x"});
  // Short text, high degree: simplifying the result must not multiply it all out.
  expect_answered({"diff", "(x+1)^1000 (x+2)^1000 (x+3)^1000"});
  expect_answered({"diff", "(x+1)^1000/(x-1)^1000"});
  expect_answered({"descent", "(x-1)^1000", "--from", "1.5", "--lr", "0.1", "--steps", "50"});
  // Towers of powers are short but their values are not (fuzz findings): an answer or a
  // refusal in time, never an exact 3^(3^27).
  expect_answered({"check", "x^X^xx^x^i3/x^i33/x", "--answer", "xi", "--wrt", "X"});
  expect_answered({"descent", "x^X^x2", "--from", "x=3,X=3,x2=3", "--lr", "0.1"});
  {
    Timed t = timed({"graph", "x^X^x2^x^i3", "--at", "x=3,X=3,x2=3,i3=3"});
    EXPECT_EQ(t.r.status, 2) << t.r.err;
    EXPECT_LT(t.seconds, kBoundSeconds);
  }
  expect_refused({"diff", "x^1001"}, "limit is 1000");
  expect_refused({"diff", "x^(10^9)"}, "too large");
  expect_refused({"diff", "2^(10^9)"}, "digits");
  expect_refused({"diff", "(10^10)^(10^10)"}, "digits");
  expect_refused({"diff", "9^9^9"}, "digits");
  expect_refused({"diff", repeat("9", 1001) + " x"}, "limit is 1000");
  expect_refused({"diff", "1e99999 x"}, "out of range");
}

TEST(ResourceBounds, ChecksOfHighPowersAnswerOrRefuseInTime) {
  // The case: the answer (x+1)^100000 is refused before anything expands it.
  expect_refused({"check", "(x+1)^3", "--answer", "(x+1)^100000"}, "too large");
  expect_refused({"check", "(x+1)^100000", "--answer", "1"}, "too large");
  expect_answered({"check", "(x+1)^1000", "--answer", "1000(x+1)^999"});
  expect_answered({"check", "(x+1)^1000", "--answer", "1000(x+1)^998"});
  expect_answered({"check", "(x+1)^1000", "--answer", "(x+1)^1000"});
  expect_answered({"check", "(x+1)^1000/(x-1)^1000", "--answer", "x"});
  expect_answered({"check", "(x+1)^100 (x+2)^100", "--answer", "(x+1)^99 (x+2)^99"});
  expect_answered({"check", "(x+1)^1000 (x+2)^1000 (x+3)^1000", "--answer", "1", "--solution"});
  expect_answered({"check", "sin((x+1)^1000)", "--answer", "cos((x+1)^1000)"});
}

TEST(ResourceBounds, VeryLongInput) {
  // 2,000 bytes is the documented limit for one expression.
  std::string sum = "x" + repeat("+x", 999);
  ASSERT_LE(sum.size(), 2000u);
  expect_answered({"diff", sum});
  expect_answered({"check", sum, "--answer", "1000"});
  expect_answered({"diff", repeat("(x+1)", 300)});
  expect_refused({"diff", repeat("x+", 50000) + "x"}, "too long");
  expect_refused({"check", "x^2", "--answer", repeat("x+", 50000) + "x"}, "too long");
  // A megabyte line on a piped prompt, then a normal line that still runs.
  Timed t = timed({}, repeat("x", 1 << 20) + "\ndiff x^2\n");
  EXPECT_EQ(t.r.status, 2);
  EXPECT_NE(t.r.out.find("2x"), std::string::npos) << t.r.out.substr(0, 300);
  EXPECT_LT(t.seconds, kBoundSeconds);
}

// Quiz files, lesson folders and class answers: at their limits read in time, past them
// refused with the limit named.
TEST(ResourceBounds, FilesAtTheirLimitsAreReadInTimeBeyondThemRefused) {
  const testing::TempDir scratch;
  const std::filesystem::path& dir = scratch.path;
  // 200 questions (the most a quiz may have), each with five wide random ranges: `quiz
  // check` shares its variant checks among them instead of trying 256 each.
  std::string quiz = "title = \"big\"\n";
  for (int i = 0; i < 200; ++i) {
    quiz += "[[question]]\nid = \"q" + std::to_string(i) +
            "\"\nkind = \"derivative\"\n"
            "expression = \"sin({a}x^{b} + {c}) * exp({d}x) / ({e}x^2 + 1)\"\n"
            "[question.random]\na = [1, 1000]\nb = [1, 1000]\nc = [-1000, 1000]\n"
            "d = [-1000, 1000]\ne = [1, 1000]\n";
  }
  scratch.write("big.toml", quiz);
  expect_answered({"quiz", "check", (dir / "big.toml").string()});
  scratch.write("huge.toml", quiz + std::string(1 << 20, '#'));
  expect_refused({"quiz", "check", (dir / "huge.toml").string()}, "larger than");

  // A lesson of nearly 256 kB, mostly questions, each one checked as it loads.
  std::string lesson = "---\nnumber: 1\ntitle: Big\nlang: en\n---\n# Big\n";
  const std::string block =
      "## Part\n\nText with $x^{2}$ and **bold**.\n\n```question\nask: Differentiate.\n"
      "type: derivative\nexpr: sin(x^2)*(3x+1)^5\n"
      "answer: 2x cos(x^2) (3x+1)^5 + 15 sin(x^2) (3x+1)^4\n```\n\n";
  while (lesson.size() + block.size() < 256 * 1024) lesson += block;
  scratch.write("lessons/en/1-big.md", lesson);
  expect_answered({"lesson", "--lessons-dir", (dir / "lessons").string(), "--lang", "en"});
  scratch.write("lessons/en/2-huge.md", lesson + lesson);
  Timed t = timed({"lesson", "--lessons-dir", (dir / "lessons").string(), "--lang", "en"});
  EXPECT_NE(t.r.err.find("2-huge.md: the file is larger than 256 kB"), std::string::npos)
      << t.r.err.substr(0, 400);
  EXPECT_LT(t.seconds, kBoundSeconds);

  // A class of 1,000 with 10,000 different answers, graded in two processes.
  const std::string key = std::string(TUTOR_TEST_DATA) + "/../../lessons/quizzes/chain-rule.toml";
  std::string csv = "student,e1,d2,d1,v1,g1,g2,lr1,lr2,lr3,r1\n";
  // Student I's row: ten answers that no other student gives.
  auto add_students = [&csv](int from, int to) {
    for (int i = from; i < to; ++i) {
      csv += "s" + std::to_string(i);
      for (int q = 0; q < 10; ++q)
        csv += "," + std::to_string(i % 50 + 1) + "x^" + std::to_string(q + 1) + " + sin(" +
               std::to_string(i / 50 + 1) + "x)";
      csv += "\n";
    }
  };
  add_students(0, 1000);
  scratch.write("class.csv", csv);
  expect_answered({"quiz", "grade", key, (dir / "class.csv").string()});
  // 21,000 different answers: more than one run grades (it would take about 2 s per
  // 20,000); refused before any is marked.
  add_students(1000, 2100);
  scratch.write("many.csv", csv);
  expect_refused({"quiz", "grade", key, (dir / "many.csv").string()}, "different answers");
  scratch.write("huge.csv", csv + std::string(64u << 20, ','));
  expect_refused({"quiz", "grade", key, (dir / "huge.csv").string()}, "larger than");
  std::filesystem::remove_all(dir);
}

TEST(ResourceBounds, InvalidUtf8AndNulBytesOnStdin) {
  const std::string lines[] = {
      "\xff\xfe\xfd",
      "diff \xc3(x)",
      "diff x\xe2\x82",
      "check x^2 --answer \xff",
      std::string("diff x\0^2", 9),
      std::string("\0\0\0", 3),
      "show \xed\xa0\x80",  // a UTF-16 surrogate
      "\xc0\xaf",
      ":lang \xff",
      "graph x\xff --at x=1",
  };
  std::string script;
  for (const auto& l : lines) script += l + "\n";
  script += "diff x^3\n";
  Timed t = timed({}, script);
  EXPECT_EQ(t.r.status, 2) << t.r.err;
  EXPECT_LT(t.seconds, kBoundSeconds);
  // Every bad line has its own message, and the last line still ran.
  EXPECT_NE(t.r.out.find("3x"), std::string::npos) << t.r.out;
  for (char c : t.r.out + t.r.err) EXPECT_NE(c, '\0');
  // The same bytes as arguments are refused with exit 2 by every command.
  for (const std::string& bad :
       {std::string("x\xff"), std::string("\xc3("), std::string("\xed\xa0\x80")}) {
    for (const std::string& cmd : {"diff", "show", "graph"}) {
      Timed a = timed({cmd, bad});
      EXPECT_EQ(a.r.status, 2) << cmd;
      EXPECT_LT(a.seconds, kBoundSeconds);
    }
  }
}

// ESC [ 31 m, an OSC title change ending in BEL, and the 8-bit CSI as UTF-8 (U+009B).
const std::string kEscapes =
    "\x1b[31mred\x1b]0;pwned\x07\xc2\x9b"
    "2J";

void expect_not_echoed(const std::vector<std::string>& args, const std::string& input = "") {
  Timed t = timed(args, input);
  for (const std::string* s : {&t.r.out, &t.r.err}) {
    EXPECT_EQ(s->find('\x1b'), std::string::npos) << describe(args) << ":\n" << *s;
    EXPECT_EQ(s->find('\x07'), std::string::npos) << describe(args) << ":\n" << *s;
    EXPECT_EQ(s->find("\xc2\x9b"), std::string::npos) << describe(args) << ":\n" << *s;
  }
  EXPECT_NE(t.r.status, -1) << describe(args);
  EXPECT_LT(t.seconds, kBoundSeconds) << describe(args);
}

TEST(ResourceBounds, EscapeSequencesAreNeverEchoedByCommands) {
  const std::string& e = kEscapes;
  for (const std::string& format : {"text", "json", "latex"}) {
    expect_not_echoed({"diff", "x + " + e, "--format", format});
    expect_not_echoed({"diff", "x^2", "--wrt", e, "--format", format});
    expect_not_echoed({"show", e, "--format", format});
  }
  expect_not_echoed({"diff", "d/d" + e + " x^2"});
  expect_not_echoed({"diff", "--format", e, "x"});
  for (const std::string& format : {"text", "json"}) {
    expect_not_echoed({"check", "x^2", "--answer", e, "--format", format});
    expect_not_echoed({"check", "x^2", "--answer", "2x " + e, "--format", format});
    expect_not_echoed({"check", "x^2", "--answer", "d/dx " + e, "--format", format});
    expect_not_echoed({"check", "x^2" + e, "--answer", "2x", "--format", format});
    expect_not_echoed({"check", "x y", "--answer", "y", "--wrt", e, "--format", format});
  }
  expect_not_echoed({"check", "x^2", "--answer", "3x", "--solution"});
  expect_not_echoed({"graph", "x y " + e, "--at", "x=1,y=2"});
  expect_not_echoed({"graph", "x y", "--at", "x=" + e});
  expect_not_echoed({"graph", "x y", "--at", e + "=1,y=2"});
  expect_not_echoed({"graph", "x y", "--at", "x=1,y=2", "--practice"},
                    e + "\n" + e + "\n2\n" + e + "\n");
  expect_not_echoed({"descent", "x^2" + e});
  expect_not_echoed({"descent", "x^2", "--from", e});
  expect_not_echoed({"descent", "x^2", "--from", "x=" + e});
  expect_not_echoed({"descent", "x^2", "--lr", e});
  expect_not_echoed({"descent", "x^2", "--steps", e});
  expect_not_echoed({"descent", "x^2", "--tol", e});
  expect_not_echoed({"descent", "x^2", "--format", e});
  expect_not_echoed({"gradients", "--activation", e});
  expect_not_echoed({"gradients", "--layers", e});
  expect_not_echoed({"gradients", "--weight", e});
  expect_not_echoed({"gradients", "--input", e});
  expect_not_echoed({"gradients", "--clip", e});
  expect_not_echoed({"exercise", e});
  expect_not_echoed({"exercise", "1"}, e + "\n" + e + "\n" + e + "\n" + e + "\n");
  expect_not_echoed({e});
  expect_not_echoed({"--" + e});
  expect_not_echoed({"diff", "--" + e, "x"});
  expect_not_echoed({"--lang", e, "diff", "x"});
  expect_not_echoed({"--color", e, "diff", "x"});
  expect_not_echoed({"diff", "-" + e});
  expect_not_echoed({"--lang", "ko", "diff", "x + " + e});
}

TEST(ResourceBounds, EscapeSequencesAreNeverEchoedByThePrompt) {
  const std::string& e = kEscapes;
  const std::string script = e + "\n" + "diff " + e + "\n" + e + " x^2\n" + ":lang " + e + "\n" +
                             "help " + e + "\n" + "check x^2 --answer " + e + "\n" +
                             "diff x^2 --wrt " + e + "\n" + "diff x^2 --" + e + "\n" + "show \"" +
                             e + "\n" + "diff %" + e + "\n" + "graph x --at x=" + e + "\n";
  expect_not_echoed({}, script);
  expect_not_echoed({"--lang", "ko"}, script);
}

}  // namespace
}  // namespace tutor
