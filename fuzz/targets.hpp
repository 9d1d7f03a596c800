// What each fuzz target does with one input, shared by the libFuzzer programs in fuzz/ and
// by tests/cli/fuzz_regression_test.cpp, which replays the corpora and every past finding.
// Each function returns normally for any input; a crash, a sanitizer report or an
// exception escaping is a bug. Where the input itself says what the right answer is (a
// quiz's or a lesson's own answer key), a target also throws Broken when the tutor
// disagrees with it.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "calculus/check.hpp"
#include "calculus/explain.hpp"
#include "calculus/named_chain.hpp"
#include "class/gradebook.hpp"
#include "class/quiz_marking.hpp"
#include "class/responses.hpp"
#include "class/results.hpp"
#include "course/lesson.hpp"
#include "course/markdown.hpp"
#include "course/practice.hpp"
#include "math/print.hpp"
#include "math/steps.hpp"
#include "math/syntax.hpp"

namespace tutor::fuzz {

// A line of learner text as `tutor diff` treats it: parse it, print it in every style,
// differentiate it by each of its variables and explain the steps. Bad input must end in
// tutor::SyntaxError, or tutor::Error from differentiate() for what has no derivative (0^x).
inline void parse_target(std::string_view input) {
  SymbolTable syms;
  // Lines before the last that look like definitions, f(x) = ..., define functions first.
  std::string_view text = input;
  for (std::size_t nl = text.find('\n'); nl != std::string_view::npos; nl = text.find('\n')) {
    const std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl + 1);
    if (!looks_like_definition(line)) continue;
    try {
      syms.definitions().define(parse_definition(line, syms).definition);
    } catch (const Error&) {
      // A refused definition is refused with a message; nothing to check further.
    }
  }
  Parsed p;
  try {
    p = parse(text, syms);
  } catch (const Error&) {
    return;
  }
  for (auto style : {Style::text, Style::ascii, Style::input, Style::latex}) {
    (void)print(p.expr, style);
    (void)print(p.held, style);
  }
  for (const auto& name : p.variables) {
    try {
      (void)named_chain(p.held, syms.get(name), syms.definitions());
    } catch (const Error&) {
      // As differentiate() may refuse.
    }
  }
  for (const auto& name : p.variables) {
    Step s;
    try {
      s = differentiate(p.expr, syms.get(name));
    } catch (const Error&) {
      continue;
    }
    (void)explain_text(s, ExplainOptions{});
    (void)explain_latex(s, p.variables.size() > 1);
    (void)step_json(s).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  }
}

// `tutor check`: the first line is the question, the rest the learner's answer. check()
// gives a verdict for every answer text; the question may only fail with tutor::Error
// (unreadable, or without a derivative).
inline void check_target(std::string_view input) {
  std::size_t nl = input.find('\n');
  if (nl == std::string_view::npos) return;
  SymbolTable syms;
  Parsed p;
  try {
    p = parse(input.substr(0, nl), syms);
  } catch (const SyntaxError&) {
    return;
  }
  GiNaC::ex wrt = syms.get(p.variables.empty() ? "x" : p.variables.front());
  Outcome v;
  try {
    Step steps = differentiate(p.expr, wrt);
    v = check(steps, wrt, input.substr(nl + 1), syms);
    (void)print(steps.derivative, Style::text);
  } catch (const Error&) {
    return;
  }
  (void)render(Lang::ko, v.feedback);
}

// An input on which the tutor contradicts itself.
struct Broken : std::logic_error {
  using std::logic_error::logic_error;
};

// A quiz file as `tutor quiz check` and `tutor quiz take` read it: load it and report every
// problem; when it loads, pose each question for one student and mark the key itself,
// which must be correct, and a wrong answer.
inline void quiz_target(std::string_view text) {
  QuizLoad q = load_quiz(text, "fuzz.toml");
  for (const Problem& p : q.problems) {
    (void)format_problem(Lang::ko, q.quiz.file, p);
    (void)format_problem(Lang::en, q.quiz.file, p, true);
  }
  if (!q.ok()) return;
  for (const QuizQuestion& question : q.quiz.questions) {
    SymbolTable syms;
    Posed posed;
    try {
      posed = pose(question, draw_variant(question, variant_seed(q.quiz, "kim")), syms);
    } catch (const Error&) {
      continue;  // load_quiz samples large random ranges; another variant may have no answer
    }
    (void)posed.prompt(Lang::ko, false);
    (void)posed.prompt(Lang::en, true);
    (void)posed.hints(Lang::en);
    for (bool ascii : {false, true}) {
      const Question asked = to_question(posed, ascii ? Lang::en : Lang::ko, ascii);
      Outcome m = grade(asked, posed.key_text(ascii));
      if (m.status != Status::correct)
        throw Broken("quiz " + question.id + ": its own key " + posed.key_text(ascii) +
                     " is marked " + std::string(status_id(m.status)));
    }
    (void)grade(to_question(posed, Lang::en, false), "x + 1");
  }
}

// The small fixed quiz the class targets grade against.
inline const Quiz& class_quiz() {
  static const Quiz quiz = [] {
    QuizLoad q = load_quiz(R"toml(title = "fuzz"
[[question]]
id = "d1"
kind = "derivative"
expression = "sin(x^2)"
[[question]]
id = "v1"
kind = "value"
expression = "({a}x+1)^3"
at = { x = 1 }
random = { a = [1, 3] }
[[question]]
id = "c1"
kind = "choice"
prompt = "Which learning rate?"
choices = ["0.001", "0.1", "10"]
answer = 2
)toml",
                           "fuzz.toml");
    if (!q.ok()) throw Broken("the class targets' own quiz does not load");
    return q.quiz;
  }();
  return quiz;
}

// A class's answers file as `tutor quiz grade` reads it, for a small fixed quiz: read the
// CSV, collect the submissions, grade them and write every report.
inline void responses_target(std::string_view text) {
  const Quiz& quiz = class_quiz();
  CsvTable table = read_csv(text);
  Responses r;
  collect_responses(table, quiz, "fuzz.csv", r);
  Gradebook g = grade_class(quiz, r.submissions, GradeOptions{.workers = 1});
  (void)gradebook_json(g);
  (void)gradebook_csv(g);
  (void)gradebook_text(g, Lang::ko);
}

// A result file of `quiz take` as `tutor quiz grade` reads it: check it against the quiz,
// keep one submission per student, grade, and word every problem.
inline void results_target(std::string_view text) {
  const Quiz& quiz = class_quiz();
  HandedIn h;
  collect_result(text, quiz, "fuzz.json", h);
  collect_result(text, quiz, "again.json", h);
  auto subs = keep_one_each(quiz, std::move(h.submissions), Keep::best, h.problems);
  for (const auto& p : h.problems) {
    (void)format_hand_in_problem(Lang::ko, p);
    (void)format_hand_in_problem(Lang::en, p);
  }
  if (subs.size() > 1) throw Broken("one student kept twice");
  (void)gradebook_json(grade_class(quiz, subs, GradeOptions{.workers = 1}));
}

// A lesson file as `tutor lesson` reads it: parse it and report its problems; when it
// loads, render every text block and grade each question's own answer, which must be
// correct (parse_lesson refuses a question whose key the grader rejects).
inline void lesson_target(std::string_view text) {
  ParsedLesson parsed = parse_lesson(text, "fuzz.md");
  for (const LessonProblem& p : parsed.problems) (void)format_problem(Lang::ko, p);
  if (!parsed.lesson) return;
  for (const Section& section : parsed.lesson->sections) {
    for (const Block& block : section.blocks) {
      if (block.kind == BlockKind::text) {
        (void)render_markdown(block.text, MarkdownOptions{.width = 40});
        (void)render_markdown(block.text, MarkdownOptions{.ascii = true});
        continue;
      }
      if (block.kind != BlockKind::question) continue;
      const Question& q = block.question;
      (void)key_text(q, false);
      Outcome g = grade(q, q.key);
      if (g.status != Status::correct)
        throw Broken("lesson question " + q.id + ": its own answer " + q.key + " is marked " +
                     std::string(status_id(g.status)));
      (void)grade(q, "x + 1");
    }
  }
}

}  // namespace tutor::fuzz
