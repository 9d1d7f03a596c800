// A teacher's quiz file: TOML read into a Quiz and checked, every problem reported with its
// place (file:line:col), not just the first one. A quiz file is data: reading it never runs
// anything or opens another file.
//
//   tutor::QuizLoad q = tutor::read_quiz("lessons/quizzes/chain-rule.toml");
//   if (!q.ok()) for (auto& p : q.problems) std::cerr << tutor::format_problem(lang, file, p);
//
// Variants are in quiz_variants.hpp; a question made concrete, with its answer key, in
// quiz_marking.hpp.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/errors.hpp"
#include "base/i18n.hpp"
#include "calculus/outcome.hpp"
#include "course/practice.hpp"

namespace tutor {

enum class QuizKind { derivative, value, gradient, descent, choice, expression };

// "derivative", "value", ... and back (nullopt for anything else).
std::string_view kind_id(QuizKind kind);
std::optional<QuizKind> parse_kind(std::string_view id);

// A place in the quiz file: 1-based line and column; 0 when unknown.
struct Location {
  std::size_t line = 0;
  std::size_t column = 0;
};

// Text from the file that may hold {name} placeholders for the question's random integers.
struct Field {
  std::string text;
  Location where;
  bool given = false;
};

// Text a teacher may give once, or once per language (prompt = "…" or prompt.ko / prompt.en).
struct Localized {
  std::string text;  // the one text for both languages
  std::string ko;
  std::string en;
  Location where;
  bool given = false;
  // The text for LANG: its own, else the other language's, else TEXT.
  const std::string& in(Lang lang) const;
};

// A random integer drawn per student from [low, high] (both included).
struct RandomRange {
  std::string name;
  long long low = 0;
  long long high = 0;
  Location where;
};

struct QuizQuestion {
  std::string id;
  Location where;  // the [[question]] header
  QuizKind kind = QuizKind::derivative;
  int points = 1;
  Field expression;
  std::string wrt;                                // empty: the expression's only variable
  int order = 1;                                  // derivative and value: the Nth derivative
  double tolerance = kNumberTolerance;            // value, gradient, descent: relative
  std::vector<std::pair<std::string, Field>> at;  // value and gradient: variable → value, by name
  Field from;                                     // descent: "5" or "x=1,y=2"
  double lr = 0;
  int steps = 0;
  std::vector<Localized> choices;  // choice
  int answer_index = 0;            // choice: 1-based
  Field answer;                    // expression
  Localized prompt;
  std::vector<Localized> hints;
  std::map<Mistake, Localized> feedback;  // overrides the verdict's feedback for a mistake
  // Partial credit ([question.partial]): the share of the points, above 0 and below 1, for an
  // answer whose diagnosed mistake is exactly this one (see class/partial_credit.hpp).
  std::map<Mistake, double> partial;
  // value, gradient, descent: a looser relative tolerance (tolerance_partial) and the share
  // of the points (partial.tolerance) for a number within it; 0 for none.
  double tolerance_partial = 0;
  double tolerance_share = 0;
  std::vector<RandomRange> random;  // sorted by name
};

struct Quiz {
  std::string file;  // as given, for messages
  std::string title;
  double pass = 60;  // percent needed to pass
  std::string seed;  // optional extra text that picks other variants for the same title
  std::vector<QuizQuestion> questions;

  int max_points() const;
  const QuizQuestion* find(std::string_view id) const;
};

// Something wrong in a quiz file, where it is, and for expressions the parser's error (its
// span points into the text it read, for the caret).
struct Problem {
  Location where;
  Message message;
  std::optional<Error> error;
};

struct QuizLoad {
  Quiz quiz;
  std::vector<Problem> problems;  // in file order
  bool ok() const { return problems.empty(); }
};

// "file:line:col: message", then for an expression error the text read and a caret under
// the column. Ends with a newline.
std::string format_problem(Lang lang, std::string_view file, const Problem& p, bool ascii = false);

// The most a quiz file may hold, so that a hostile file cannot exhaust time or memory.
struct QuizLimits {
  std::size_t max_file_bytes = 1 << 20;
  std::size_t max_questions = 200;
  std::size_t max_text_bytes = 4000;  // prompts, hints, feedback, choices
  std::size_t max_hints = 10;
  std::size_t max_choices = 26;
  std::size_t max_random = 5;  // random integers per question
  long long max_random_magnitude = 1000000;
  int max_points = 100;
  // Random ranges with at most this many combinations are checked exhaustively; larger ones
  // on a fixed sample of this size.
  std::size_t max_checked_variants = 256;
  // Variants checked in the whole file, shared evenly among the questions with random
  // ranges (each keeps at least its two corners), so that a file at every other limit is
  // still checked in about a second: 200 such questions once took 40 s.
  std::size_t max_checked_variants_total = 1024;
};

// Reads quiz TEXT (FILE names it in messages) and checks everything that can be checked:
// TOML syntax, unknown keys and kinds, missing or mistyped fields, expressions that do not
// parse, duplicate ids, unknown feedback tags, placeholders without a random range, and
// random ranges for which some variant has no answer (a division by zero, a value outside
// the domain). Never throws. Costs one pose() per variant checked, at most
// LIMITS.max_checked_variants_total in the file.
QuizLoad load_quiz(std::string_view text, std::string_view file, const QuizLimits& limits = {});

// The same for a file on disk; a file that cannot be read (or is too big) is a problem at
// line 0. Never throws.
QuizLoad read_quiz(const std::filesystem::path& path, const QuizLimits& limits = {});

}  // namespace tutor
