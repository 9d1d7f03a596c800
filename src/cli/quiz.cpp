// `tutor quiz check | take | grade | print`: teachers' quizzes.
//
//   tutor quiz check lessons/quizzes/chain-rule.toml
//   tutor quiz take lessons/quizzes/chain-rule.toml --student kim
//   tutor quiz grade lessons/quizzes/chain-rule.toml responses.csv --report json --out grades.json
//   tutor quiz grade lessons/quizzes/chain-rule.toml responses.csv --feedback feedback/
//   tutor quiz print lessons/quizzes/chain-rule.toml --student kim --key --out kim-key.tex
#include <algorithm>
#include <cstdlib>
#include <istream>
#include <ostream>
#include <set>
#include <sstream>

#include "base/errors.hpp"
#include "base/files.hpp"
#include "base/text.hpp"
#include "class/document.hpp"
#include "class/feedback.hpp"
#include "class/gradebook.hpp"
#include "class/item_analysis.hpp"
#include "class/partial_credit.hpp"
#include "class/quiz_marking.hpp"
#include "class/results.hpp"
#include "class/worksheet.hpp"
#include "cli/ask_prompt.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/output.hpp"
#include "math/print.hpp"

namespace tutor::cli {

namespace {

// The quiz at PATH, or its problems on ctx.err and nullopt.
std::optional<Quiz> load_or_report(const std::string& path, Context& ctx) {
  QuizLoad q = read_quiz(path);
  if (q.ok()) return std::move(q.quiz);
  for (const auto& p : q.problems) *ctx.err << format_problem(ctx.lang, path, p, ctx.ascii);
  *ctx.err << tr_plural(ctx.lang, "quiz.invalid", static_cast<long long>(q.problems.size()),
                        sanitize(path), q.problems.size())
           << "\n";
  return std::nullopt;
}

// "3 questions" and "12 points", each in its plural form.
std::string questions_text(const Quiz& quiz, Lang lang) {
  return tr_count(lang, "quiz.n_questions", static_cast<long long>(quiz.questions.size()));
}
std::string points_text(const Quiz& quiz, Lang lang) {
  return tr_count(lang, "quiz.n_points", quiz.max_points());
}

std::string key_line(const Posed& p, Lang lang, bool ascii) {
  const QuizQuestion& q = *p.question;
  if (q.kind == QuizKind::choice) {
    return std::to_string(q.answer_index) + " (" +
           sanitize(q.choices[q.answer_index - 1].in(lang)) + ")";
  }
  return p.key_text(ascii);
}

// Which header of a form export each answer is read from, as `quiz check` shows it.
std::string column_mapping(const Quiz& quiz, Lang lang) {
  auto names = [](const std::vector<Field>& fs, const std::string& fallback) {
    std::vector<std::string> out;
    for (const auto& f : fs) out.push_back("\"" + sanitize(f.text) + "\"");
    if (out.empty()) out.push_back("\"" + fallback + "\"");
    return join(out, " | ");
  };
  std::vector<std::pair<std::string, std::string>> rows;
  rows.emplace_back("  " + tr(lang, "grade.student"), names(quiz.student_column, "student"));
  for (const auto& q : quiz.questions) rows.emplace_back("  " + q.id, names(q.column, q.id));
  return tr(lang, "mapping.heading") + "\n" + aligned(rows);
}

int run_check(const std::vector<std::string>& files, Context& ctx) {
  if (files.empty()) throw Error(Message{"quiz.needs_file", {"check"}});
  int status = 0;
  for (const auto& file : files) {
    auto quiz = load_or_report(file, ctx);
    if (!quiz) {
      status = 2;
      continue;
    }
    std::ostream& out = *ctx.out;
    out << tr(ctx.lang, "quiz.check_heading", sanitize(file), sanitize(quiz->title),
              questions_text(*quiz, ctx.lang), points_text(*quiz, ctx.lang),
              format_percent(quiz->pass))
        << "\n";
    std::vector<std::pair<std::string, std::string>> rows;
    for (const auto& q : quiz->questions) {
      // The key shown is the first variant's: every range at its low end.
      Variant v;
      for (const auto& r : q.random) v[r.name] = r.low;
      SymbolTable syms;
      Posed p = pose(q, v, syms);
      std::string label =
          q.id + "  " + std::string(kind_id(q.kind)) + "  " + tr(ctx.lang, "quiz.points", q.points);
      std::string key = key_line(p, ctx.lang, ctx.ascii);
      if (!q.random.empty()) {
        std::string ranges;
        for (const auto& r : q.random) {
          ranges += (ranges.empty() ? "" : ", ") + r.name + " ∈ [" + std::to_string(r.low) + ", " +
                    std::to_string(r.high) + "]";
        }
        key += "  " + tr(ctx.lang, "quiz.key_for_variant", variant_text(v), ranges);
      }
      rows.emplace_back("  " + label, key);
    }
    out << aligned(rows);
    if (quiz->maps_columns()) out << column_mapping(*quiz, ctx.lang);
    out << tr(ctx.lang, "quiz.valid") << "\n";
  }
  return status;
}

// Throws error.file_exists when PATH exists and FORCE is not given. Checked before any work,
// so that nothing is asked or graded in vain.
void refuse_existing(const std::filesystem::path& path, bool force) {
  std::error_code ec;
  if (!force && std::filesystem::exists(path, ec)) {
    throw Error(Message{"error.file_exists", {sanitize(path.string())}});
  }
}

// Throws quiz.bad_student unless ID is valid UTF-8 of at most 200 bytes.
void check_student(const std::string& id) {
  if (id.size() > 200 || !valid_utf8(id)) throw Error(Message{"quiz.bad_student", {}});
}

int run_take(const std::vector<std::string>& words, const Invocation& inv, Context& ctx) {
  if (words.size() != 1) throw Error(Message{"quiz.needs_file", {"take"}});
  auto quiz = load_or_report(words[0], ctx);
  if (!quiz) return 2;
  std::string student = inv.value("--student").value_or("");
  if (student.empty()) {
    const char* user = std::getenv("USER");
    student = user != nullptr && *user != '\0' ? user : "student";
  }
  check_student(student);
  const bool force = inv.has("--force");
  std::filesystem::path out_path;
  if (auto o = inv.value("--out")) {
    out_path = *o;
  } else {
    auto dir = data_dir();
    if (!dir) throw Error(Message{"quiz.no_data_dir", {}});
    out_path = *dir / "results" /
               (safe_file_name(std::filesystem::path(words[0]).stem().string()) + "-" +
                safe_file_name(student) + ".json");
  }
  // Refuse before the questions, not after the learner has answered them all.
  refuse_existing(out_path, force);

  std::ostream& out = *ctx.out;
  SymbolTable syms;
  StudentResult result;
  result.student = student;
  result.seed = variant_seed(*quiz, student);
  out << sanitize(quiz->title) << "\n"
      << tr(ctx.lang, "quiz.take_intro", questions_text(*quiz, ctx.lang),
            points_text(*quiz, ctx.lang))
      << "\n";
  // After quit, or once the input has ended, the remaining questions go unanswered.
  bool stopped = false, ended = false;
  for (std::size_t i = 0; i < quiz->questions.size(); ++i) {
    const QuizQuestion& q = quiz->questions[i];
    Posed p = pose(q, draw_variant(q, result.seed), syms);
    const Question asked = to_question(p, ctx.lang, ctx.ascii);
    AnswerResult a;
    a.id = q.id;
    a.points = q.points;
    a.variant = variant_text(p.variant);
    a.tries = 0;
    if (!stopped || ended) {
      out << "\n"
          << tr(ctx.lang, "quiz.question_heading", i + 1, quiz->questions.size(), q.points) << "\n";
      // Each wrong try costs a point, so a retry is worth less than a first answer. From a
      // script each line answers one question, readable or not.
      const AskRules rules{ctx.interactive ? q.points : 1, !ctx.interactive};
      Asked r = ask(asked, rules, ctx);
      a.tries = r.tries;
      a.answer = r.answer;
      a.status = r.outcome.status;
      a.mistake = r.outcome.mistake;
      a.score = r.score;
      // Unsolved, the last try may still earn partial credit, decided as `quiz grade` does.
      if (!r.solved) {
        const Credit c = credit(q, asked, r.outcome, r.answer);
        a.score = c.score;
        a.partial = c.partial;
      }
      if (!a.partial.empty()) out << credit_note(ctx.lang, a.score, q.points, a.partial) << "\n";
      if (r.ended) {
        out << tr(ctx.lang, "practice.answer_is", key_text(asked, ctx.ascii)) << "\n";
        ended = true;
      }
      stopped = stopped || r.ended || r.quit;
    }
    result.answers.push_back(std::move(a));
  }
  total_up(result, *quiz);
  out << "\n"
      << tr(ctx.lang, "quiz.score", format_percent(result.total), result.max,
            format_percent(result.percent),
            tr(ctx.lang, result.passed ? "quiz.passed" : "quiz.not_passed"))
      << "\n";
  nlohmann::ordered_json j;
  j["quiz"] = quiz->title;
  j["file"] = words[0];
  // What `quiz grade` checks before marking this file again: the same quiz, the same key.
  j["quiz_seed"] = quiz->seed;
  j["version"] = quiz_version(*quiz);
  auto s = student_json(result);
  for (auto& [k, v] : s.items()) j[k] = v;
  for (std::size_t i = 0; i < result.answers.size(); ++i)
    j["answers"][i]["tries"] = result.answers[i].tries;
  j["pass"] = quiz->pass;
  write_atomically(out_path, json_text(j) + "\n", force ? Overwrite::allowed : Overwrite::never);
  out << tr(ctx.lang, "quiz.saved", sanitize(out_path.string())) << "\n";
  return result.passed ? 0 : 1;
}

// One feedback file per student of G into DIR, each in the student's language (their `lang`
// column) or the session's. Ids that make the same file name get "-2", "-3" in input order.
// A file that exists without FORCE, or cannot be written, is reported and the rest written;
// false when any was not.
bool write_feedback(const Quiz& quiz, const Gradebook& g, const std::vector<Submission>& subs,
                    const std::string& dir, bool latex, bool force, Context& ctx) {
  FeedbackBuilder builder(quiz);
  std::set<std::string> names;
  std::size_t written = 0;
  bool all = true;
  for (std::size_t i = 0; i < g.students.size(); ++i) {
    const StudentResult& r = g.students[i];
    const std::string base = safe_file_name(r.student);
    std::string name = base;
    for (int k = 2; !names.insert(name).second; ++k) name = base + "-" + std::to_string(k);
    const Lang lang = i < subs.size() && subs[i].lang ? *subs[i].lang : ctx.lang;
    const Document d = builder.build(r, lang);
    const std::filesystem::path path =
        std::filesystem::path(dir) / (name + (latex ? ".tex" : ".md"));
    try {
      write_atomically(path, latex ? document_latex(d) : document_markdown(d),
                       force ? Overwrite::allowed : Overwrite::never);
      ++written;
    } catch (const Error& e) {
      *ctx.err << sanitize(render(ctx.lang, e.message())) << "\n";
      all = false;
    }
  }
  *ctx.err << tr_count(ctx.lang, "paper.feedback_written", static_cast<long long>(written),
                       sanitize(dir))
           << "\n";
  if (!all) *ctx.err << tr(ctx.lang, "paper.some_refused") << "\n";
  return all;
}

int run_grade(const std::vector<std::string>& words, const Invocation& inv, Context& ctx) {
  if (words.size() < 2) throw Error(Message{"results.needs_results", {}});
  if (inv.value("--feedback-format") && !inv.value("--feedback"))
    throw Error(Message{"paper.format_without_feedback", {}});
  const bool force = inv.has("--force");
  auto out_file = inv.value("--out");
  if (out_file) refuse_existing(*out_file, force);
  auto quiz = load_or_report(words[0], ctx);
  if (!quiz) return 2;
  const Keep keep = parse_keep(inv.value("--keep").value_or("last")).value_or(Keep::last);
  HandedIn handed = read_handed_in(*quiz, {words.begin() + 1, words.end()});
  // Before --keep best marks anyone: repeats count too.
  if (distinct_answers(*quiz, handed.submissions, kMaxDistinctAnswers + 1) > kMaxDistinctAnswers) {
    throw Error(Message{"quiz.too_many_answers", {std::to_string(kMaxDistinctAnswers)}});
  }
  const std::vector<Submission> submissions =
      keep_one_each(*quiz, std::move(handed.submissions), keep, handed.problems);
  bool skipped = false;
  for (const auto& p : handed.problems) {
    *ctx.err << format_hand_in_problem(ctx.lang, p) << "\n";
    skipped = skipped || !p.notice;
  }
  // Nothing left to grade: the problems above say why, and an empty gradebook would not.
  if (submissions.empty() && skipped) {
    *ctx.err << tr(ctx.lang, "results.some_left_out") << "\n";
    return 2;
  }
  Gradebook g = grade_class(*quiz, submissions);
  const ItemAnalysis items = analyse_items(*quiz, g);
  std::string format = inv.value("--report").value_or("text");
  std::string report = format == "json"  ? gradebook_json(g, &items)
                       : format == "csv" ? gradebook_csv(g)
                                         : gradebook_text(g, ctx.lang, &items);
  if (out_file) {
    write_atomically(*out_file, report, force ? Overwrite::allowed : Overwrite::never);
  } else {
    *ctx.out << report;
  }
  bool refused = false;
  if (auto dir = inv.value("--feedback")) {
    const bool latex = inv.value("--feedback-format").value_or("markdown") == "latex";
    refused = !write_feedback(*quiz, g, submissions, *dir, latex, force, ctx);
  }
  if (skipped) *ctx.err << tr(ctx.lang, "results.some_left_out") << "\n";
  return skipped || refused ? 2 : 0;
}

int run_print(const std::vector<std::string>& words, const Invocation& inv, Context& ctx) {
  if (words.size() != 1) throw Error(Message{"quiz.needs_file", {"print"}});
  const std::string student = inv.value("--student").value_or("");
  if (student.empty()) throw Error(Message{"paper.needs_student", {}});
  check_student(student);
  const bool force = inv.has("--force");
  auto out_file = inv.value("--out");
  if (out_file) refuse_existing(*out_file, force);
  auto quiz = load_or_report(words[0], ctx);
  if (!quiz) return 2;
  const std::string tex = document_latex(worksheet(*quiz, student, ctx.lang, inv.has("--key")));
  if (out_file) {
    write_atomically(*out_file, tex, force ? Overwrite::allowed : Overwrite::never);
  } else {
    *ctx.out << tex;
  }
  return 0;
}

// The words after `quiz check` (or take, grade): from the command line as given, from the
// prompt split at spaces.
std::vector<std::string> words_of(const Invocation& inv) {
  if (!inv.words.empty()) return inv.words;
  std::vector<std::string> out;
  std::istringstream s(inv.expression);
  for (std::string w; s >> w;) out.push_back(w);
  return out;
}

int run_quiz_check(const Invocation& inv, Context& ctx) {
  return run_check(words_of(inv), ctx);
}

int run_quiz_take(const Invocation& inv, Context& ctx) {
  return run_take(words_of(inv), inv, ctx);
}

int run_quiz_grade(const Invocation& inv, Context& ctx) {
  return run_grade(words_of(inv), inv, ctx);
}

int run_quiz_print(const Invocation& inv, Context& ctx) {
  return run_print(words_of(inv), inv, ctx);
}

// `quiz` with no subcommand.
int run_quiz(const Invocation&, Context&) {
  throw Error(Message{"quiz.needs_subcommand", {}});
}

}  // namespace

Command quiz_command() {
  return Command{
      "quiz",
      "cmd.quiz",
      {},
      false,
      run_quiz,
      "",
      "",
      {
          {"check", "cmd.quiz.check", {}, true, run_quiz_check, "FILE...", "arg.quiz_files"},
          {"take",
           "cmd.quiz.take",
           {{"--student", "ID", "opt.quiz.student"}, out_option(), force_option()},
           true,
           run_quiz_take,
           "FILE",
           "arg.quiz_file"},
          {"grade",
           "cmd.quiz.grade",
           {{"--report", "FORMAT", "opt.quiz.report", false, {"text", "csv", "json"}},
            {"--keep", "WHICH", "opt.quiz.keep", false, {"first", "last", "best"}},
            out_option(),
            {"--force", "", "opt.quiz.force_feedback"},
            {"--feedback", "DIR", "opt.quiz.feedback"},
            {"--feedback-format",
             "FORMAT",
             "opt.quiz.feedback_format",
             false,
             {"markdown", "latex"}}},
           true,
           run_quiz_grade,
           "FILE RESULTS...",
           "arg.quiz_responses"},
          {"print",
           "cmd.quiz.print",
           {{"--student", "ID", "opt.quiz.student", false, {}, true},
            {"--key", "", "opt.quiz.key"},
            out_option(),
            force_option()},
           true,
           run_quiz_print,
           "FILE",
           "arg.quiz_file"},
      },
  };
}

}  // namespace tutor::cli
