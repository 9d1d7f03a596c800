// The terminal's width, when the output is not a terminal; and the whole course laid out for
// it: every lesson and exercise, in both languages, at 80 and 60 columns.
#include "cli/terminal.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "course/exercise.hpp"
#include "course/lesson.hpp"
#include "support/run.hpp"
#include "support/temp_dir.hpp"

namespace tutor::cli {
namespace {

class Columns {
 public:
  explicit Columns(const char* value) {
    if (const char* old = std::getenv("COLUMNS")) saved_ = old;
    if (value) {
      setenv("COLUMNS", value, 1);
    } else {
      unsetenv("COLUMNS");
    }
  }
  ~Columns() {
    if (saved_) {
      setenv("COLUMNS", saved_->c_str(), 1);
    } else {
      unsetenv("COLUMNS");
    }
  }

 private:
  std::optional<std::string> saved_;
};

TEST(Terminal, WidthFromColumnsWithinBounds) {
  std::ostringstream out;
  Context ctx;
  ctx.out = &out;
  {
    Columns c(nullptr);
    EXPECT_EQ(terminal_width(ctx), 80u);
  }
  {
    Columns c("60");
    EXPECT_EQ(terminal_width(ctx), 60u);
  }
  {
    Columns c("5");
    EXPECT_EQ(terminal_width(ctx), 20u);
  }
  {
    Columns c("300");
    EXPECT_EQ(terminal_width(ctx), kMaxWidth);
  }
  {
    Columns c("wide");
    EXPECT_EQ(terminal_width(ctx), 80u);
  }
}

// Columns LINE takes, counted apart from the tutor's own display_width: Hangul and CJK two,
// combining marks and colour escapes none, everything else one.
std::size_t columns(const std::string& line) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < line.size();) {
    const auto c = static_cast<unsigned char>(line[i]);
    if (c == 0x1b) {
      i = line.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", i + 2) + 1;
      continue;
    }
    const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = len == 1 ? c : c & (0x7F >> len);
    for (std::size_t k = 1; k < len && i + k < line.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(line[i + k]) & 0x3F);
    }
    i += len;
    const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                      (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6);
    const bool combining = (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1160 && cp <= 0x11FF);
    n += wide ? 2 : combining ? 0 : 1;
  }
  return n;
}

// The lines of OUT longer than WIDTH columns, each with its length.
std::string too_wide(const std::string& out, std::size_t width) {
  std::string bad;
  std::istringstream lines(out);
  for (std::string l; std::getline(lines, l);) {
    if (columns(l) > width) bad += "[" + std::to_string(columns(l)) + "] " + l + "\n";
  }
  return bad;
}

// Answers of every kind, wrong and unreadable, then the end of the input: each question shows
// its feedback, its hints, its answer and its explanation.
const std::string kWrongAnswers = [] {
  std::string s;
  for (int i = 0; i < 12; ++i) s += "x\n7\nhint\nzzz\n2\n";
  return s;
}();

TEST(Terminal, EveryLessonFitsEightyAndSixtyColumns) {
  for (const std::size_t width : {80u, 60u}) {
    for (const Lang lang : {Lang::en, Lang::ko}) {
      for (const auto& l : load_lessons(TUTOR_SOURCE_LESSONS, lang).lessons) {
        testing::TempDir home;
        auto env = home.env();
        env["COLUMNS"] = std::to_string(width);
        const std::string n = std::to_string(l.number);
        auto r = testing::run_binary({"--lang", std::string(lang_name(lang)), "lesson", n,
                                      "--lessons-dir", TUTOR_SOURCE_LESSONS},
                                     kWrongAnswers, env, 60);
        EXPECT_EQ(r.status, 0) << r.err;
        EXPECT_EQ(r.err, "") << l.file;
        // Every live block ran, at the lesson's width.
        std::size_t live = 0, shown = 0;
        for (const auto& section : l.sections) {
          for (const auto& b : section.blocks) live += b.kind == BlockKind::live ? 1 : 0;
        }
        for (auto at = r.out.find("$ tutor "); at != std::string::npos;
             at = r.out.find("$ tutor ", at + 1)) {
          ++shown;
        }
        EXPECT_EQ(shown, live) << l.file;
        EXPECT_EQ(too_wide(r.out, width), "") << l.file << " at " << width << " columns";
      }
    }
  }
}

TEST(Terminal, EveryLessonFitsSixtyColumnsInAscii) {
  // --ascii spells θ as "theta" and ∇ as "grad " on the way out: lines are measured so.
  for (const Lang lang : {Lang::en, Lang::ko}) {
    for (const auto& l : load_lessons(TUTOR_SOURCE_LESSONS, lang).lessons) {
      testing::TempDir home;
      auto env = home.env();
      env["COLUMNS"] = "60";
      auto r =
          testing::run_binary({"--ascii", "--lang", std::string(lang_name(lang)), "lesson",
                               std::to_string(l.number), "--lessons-dir", TUTOR_SOURCE_LESSONS},
                              kWrongAnswers, env, 60);
      EXPECT_EQ(r.status, 0) << r.err;
      EXPECT_EQ(too_wide(r.out, 60), "") << l.file << " in ASCII";
    }
  }
}

TEST(Terminal, EveryExerciseFitsEightyAndSixtyColumns) {
  for (const std::size_t width : {80u, 60u}) {
    for (const Lang lang : {Lang::en, Lang::ko}) {
      for (const auto& ex : course_exercises(lang)) {
        for (const std::string& input : {kWrongAnswers, std::string()}) {
          testing::TempDir home;
          auto env = home.env();
          env["COLUMNS"] = std::to_string(width);
          const std::string n = std::to_string(ex.number);
          auto r = testing::run_binary({"--lang", std::string(lang_name(lang)), "exercise", n},
                                       input, env, 60);
          EXPECT_EQ(too_wide(r.out + r.err, width), "")
              << "exercise " << n << " (" << lang_name(lang) << ") at " << width << " columns";
        }
      }
      auto list = testing::run_binary({"--lang", std::string(lang_name(lang)), "exercise"}, "",
                                      {{"COLUMNS", std::to_string(width)}});
      EXPECT_EQ(too_wide(list.out, width), "");
    }
  }
}

}  // namespace
}  // namespace tutor::cli
