// Teachers' quizzes: a TOML file of questions, each with an answer key the tutor computes
// (a derivative, a value, a graph gradient, a descent step, a choice, an expression).
//
// A quiz file is data: reading it never runs anything or opens another file. Every problem
// in it is reported with its place (file:line:col), not just the first one.
//
//   tutor::QuizLoad q = tutor::load_quiz(text, "chain-rule.toml");
//   if (!q.ok()) ...                                   // q.problems, each with a Location
//   tutor::SymbolTable syms;
//   const tutor::QuizQuestion& d1 = q.quiz.questions[0];
//   auto seed = tutor::variant_seed(q.quiz, "kim");
//   tutor::Posed p = tutor::pose(d1, tutor::draw_variant(d1, seed), syms);
//   tutor::grade(tutor::to_question(p, Lang::en, false), "2x cos(x^2)").status  // correct
#pragma once

#include <ginac/ginac.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tutor/errors.hpp"
#include "tutor/i18n.hpp"
#include "tutor/outcome.hpp"
#include "tutor/practice.hpp"
#include "tutor/symbols.hpp"

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
  std::vector<RandomRange> random;        // sorted by name
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
// the domain). Never throws.
QuizLoad load_quiz(std::string_view text, std::string_view file, const QuizLimits& limits = {});

// The same for a file on disk; a file that cannot be read (or is too big) is a problem at
// line 0.
QuizLoad read_quiz(const std::filesystem::path& path, const QuizLimits& limits = {});

// ---- Variants ----

// The random integers of one question for one student, by name.
using Variant = std::map<std::string, long long>;

// The student's variant seed: FNV-1a of the quiz title, its `seed` text and STUDENT, so the
// same student always gets the same variant of the same quiz, on any machine.
std::uint64_t variant_seed(const Quiz& quiz, std::string_view student);

// The seed as the reports write it: 16 hexadecimal digits.
std::string seed_text(std::uint64_t seed);

// The question's random integers for SEED (empty when it has none). Deterministic.
Variant draw_variant(const QuizQuestion& q, std::uint64_t seed);

// "a=2, b=-3", or "" for no random integers.
std::string variant_text(const Variant& v);

// FIELD with each {name} replaced by its value. In an expression a negative value is put in
// parentheses, so x^{a} stays a power of x. Throws tutor::Error for a placeholder that
// names no random integer.
std::string substitute(const std::string& text, const Variant& v, bool expression);

// ---- Posing ----

// A question made concrete for one variant: its expression and its answer key.
struct Posed {
  const QuizQuestion* question = nullptr;
  Variant variant;
  GiNaC::ex expression;  // derivative, value, gradient, descent
  GiNaC::ex wrt;         // derivative, value, gradient, descent (the component asked for)
  std::vector<std::string> variables;
  // The answer key: the derivative, the number (value, gradient, descent), the expression
  // (expression), or the 1-based index (choice).
  GiNaC::ex key;
  std::optional<double> key_number;
  std::optional<double> function_value;                  // value and gradient: f at the point
  std::vector<std::pair<std::string, GiNaC::ex>> point;  // value and gradient: the point

  // The prompt in LANG: the teacher's, with the variant filled in, or a generated one.
  std::string prompt(Lang lang, bool ascii) const;
  // The key as the learner would type it.
  std::string key_text(bool ascii) const;
  // The hints in LANG, variant filled in.
  std::vector<std::string> hints(Lang lang) const;
};

// Q for VARIANT with its answer key. Throws tutor::Error (an expression error keeps its span)
// when the question has no answer for this variant.
Posed pose(const QuizQuestion& q, const Variant& variant, SymbolTable& syms);

// The question as `quiz take` asks it in LANG, and as `quiz grade` marks it: the prompt and
// hints with the variant filled in, the key, the choices (each also named by its text in the
// other language), the tolerance, the teacher's feedback for mistakes, and the points.
// Costs nothing beyond printing the key.
Question to_question(const Posed& p, Lang lang, bool ascii);

}  // namespace tutor
