// Lessons: Markdown files with a small front matter, split into sections (one page each on a
// terminal) of text, live `tutor` blocks and `question` blocks.
//
//   ---
//   number: 2
//   title: The chain rule
//   lang: en
//   ---
//   # The chain rule            (text before the first ## is the opening section)
//   ## An example               (each ## starts a section)
//   ```tutor
//   diff (3x+1)^2               (run through the command table; its output is shown)
//   ```
//   ```question
//   ask: Differentiate $(3x+1)^2$.
//   type: derivative            (derivative | number | choice)
//   expr: (3x+1)^2              (derivative: the function; wrt: V when it has several variables)
//   answer: 6(3x+1)             (the derivative, the number, or the choice: number, letter or text)
//   hint: The outer function is u².      (any number of hints, shown one at a time)
//   choice: ...                 (choice: one line per option, lettered a, b, c, ...)
//   explain: ...                (shown once the question is answered or given up)
//   exercise: 1                 (this question is the course's exercise 1)
//   id: q1                      (default q1, q2, ... in order)
//   tolerance: 0.01             (number: relative; default tutor::kNumberTolerance)
//   ```
//
// A line starting with spaces continues the value before it. Lessons are found in
// DIR/<lang>/*.md; a file with a problem is reported as file:line and left out, and the
// others load.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/i18n.hpp"
#include "course/practice.hpp"

namespace tutor {

enum class BlockKind { text, live, question };

struct Block {
  BlockKind kind = BlockKind::text;
  std::string text;      // text: Markdown; live: the command line ("diff (3x+1)^2")
  Question question;     // question only: its texts are Markdown; its id "q1" is recorded
                         // by progress as "lesson-N/q1"
  std::size_t line = 0;  // 1-based line in the file where the block starts
  std::optional<int> exercise = std::nullopt;  // question only: the course exercise it is
};

struct Section {
  std::string title;  // the ## heading (the lesson's title for the opening section)
  std::vector<Block> blocks;
};

struct Lesson {
  int number = 0;
  std::string title;
  Lang lang = Lang::en;
  std::filesystem::path file;
  std::vector<Section> sections;
};

// A problem with a lesson file: FILE:LINE: MESSAGE (LINE is 1-based; 0 for the whole file).
struct LessonProblem {
  std::filesystem::path file;
  std::size_t line = 0;
  Message message;
};

struct ParsedLesson {
  std::optional<Lesson> lesson;  // absent when there are problems
  std::vector<LessonProblem> problems;
};

// Reads one lesson from TEXT (FILE names it in problems). Checks the front matter, the
// fences, the math (only the LaTeX subset of math/latex.hpp), and every question: its kind,
// that its expression and answer parse, that a choice answer names a choice, and that the
// grader accepts the answer (tutor::question_problem). TEXT longer
// than kMaxLessonBytes is refused as a whole. Never throws.
ParsedLesson parse_lesson(std::string_view text, const std::filesystem::path& file);

// The most a lesson file may hold, and the most lesson files one language's folder may
// have, so that a folder given with --lessons-dir loads in about a second. The course's
// longest lesson is under 4 kB.
inline constexpr std::size_t kMaxLessonBytes = std::size_t{256} * 1024;
inline constexpr std::size_t kMaxLessonFiles = 100;

struct LessonSet {
  std::vector<Lesson> lessons;  // by number
  std::vector<LessonProblem> problems;
};

// Every DIR/<lang>/*.md, in number order. Files with problems are left out and reported,
// as are two files with the same number (the second is left out) and the files past the
// first kMaxLessonFiles in name order. Never throws.
LessonSet load_lessons(const std::filesystem::path& dir, Lang lang);

// Where the lessons are: FLAG (--lessons-dir) when given, else $TUTOR_LESSONS when set (each
// of those alone, so a typo is an error), else the installed share folder, else the source
// tree's lessons/. Nullopt when the folder chosen is not one.
std::optional<std::filesystem::path> find_lessons_dir(std::optional<std::string_view> flag);

// "file:line: message" in LANG.
std::string format_problem(Lang lang, const LessonProblem& problem);

}  // namespace tutor
