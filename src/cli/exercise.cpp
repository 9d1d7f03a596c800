// `tutor exercise [N]`: the course's three exercises, with tries, hints and the solution.
#include "tutor/exercise.hpp"

#include <algorithm>
#include <istream>
#include <ostream>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "repl/session.hpp"
#include "tutor/check.hpp"
#include "tutor/errors.hpp"
#include "tutor/interrupt.hpp"
#include "tutor/progress.hpp"
#include "tutor/syntax.hpp"
#include "tutor/text.hpp"

namespace tutor::cli {

namespace {

constexpr int kTries = 3;

// Words the learner may type instead of an answer, in either language.
enum class Word { none, hint, solution, quit };
struct WordEntry {
  std::string_view text;
  Word word;
};
constexpr WordEntry kWords[] = {
    {"hint", Word::hint},        {"힌트", Word::hint},     {"solution", Word::solution},
    {"give up", Word::solution}, {"풀이", Word::solution}, {"정답", Word::solution},
    {"quit", Word::quit},        {"q", Word::quit},        {"exit", Word::quit},
    {"그만", Word::quit},
};

Word word_of(const std::string& line) {
  for (const auto& w : kWords) {
    if (line == w.text) return w.word;
  }
  return Word::none;
}

struct Outcome {
  bool solved = false;    // every part answered correctly
  bool revealed = false;  // a solution was shown before it was found
  bool quit = false;      // the learner left, or the input ended
  int tries = 0;
};

class Session {
 public:
  Session(const Exercise& ex, Context& ctx) : ex_(ex), ctx_(ctx), out_(*ctx.out) {}

  Outcome run() {
    out_ << tr(ctx_.lang, "exercise.heading", std::to_string(ex_.number),
               render(ctx_.lang, ex_.title))
         << "\n";
    if (ctx_.interactive) out_ << tr(ctx_.lang, "exercise.how_to_answer") << "\n";
    bool all = true;
    for (const auto& part : ex_.parts) {
      out_ << "\n";
      bool ok = part.kind == PartKind::graph ? graph(part) : ask(part);
      all = all && ok;
      if (result_.quit) break;
    }
    result_.solved = all && !result_.quit && !result_.revealed;
    if (!result_.quit) {
      out_ << "\n"
           << tr(ctx_.lang, result_.solved ? "exercise.solved" : "exercise.worked_solution")
           << "\n\n";
      out_.flush();
      repl::run_line(ex_.solution, ctx_);
    }
    return result_;
  }

 private:
  // The graph practice of `tutor graph`, through the command table.
  bool graph(const ExercisePart& part) {
    out_ << render(ctx_.lang, part.prompt) << "\n";
    Invocation inv;
    inv.expression = part.expression;
    inv.values["--at"] = {part.at};
    inv.flags = {"--practice"};
    const Command* cmd = find_command("graph");
    int status = dispatch(*cmd, inv, ctx_);
    ++result_.tries;
    if (status != 0) result_.revealed = true;
    return status == 0;
  }

  bool ask(const ExercisePart& part) {
    out_ << render(ctx_.lang, part.prompt) << "\n";
    for (std::size_t i = 0; i < part.choices.size(); ++i) {
      out_ << "  " << (i + 1) << ") η = " << part.choices[i] << "\n";
    }
    std::size_t next_hint = 0;
    int tries = 0;
    while (true) {
      if (ctx_.interactive) out_ << "> " << std::flush;
      std::string line;
      if (!std::getline(*ctx_.in, line)) {
        poll_interrupt();  // no line because of Ctrl-C: stop the command, not the question
        result_.quit = true;
        out_ << "\n";
        return false;
      }
      line = trim(line);
      if (line.empty()) continue;
      if (!ctx_.interactive) out_ << "> " << sanitize(line) << "\n";
      switch (word_of(line)) {
        case Word::hint:
          if (next_hint < part.hints.size()) {
            out_ << tr(ctx_.lang, "exercise.hint") << ": "
                 << render(ctx_.lang, part.hints[next_hint++]) << "\n";
          } else {
            out_ << tr(ctx_.lang, "exercise.no_more_hints") << "\n";
          }
          continue;
        case Word::solution:
          reveal(part);
          return false;
        case Word::quit:
          result_.quit = true;
          return false;
        case Word::none:
          break;
      }
      ++tries;
      ++result_.tries;
      auto [status, feedback, mistake] = judge_answer(part, line);
      std::string tag = mistake ? " (" + std::string(mistake_id(*mistake)) + ")" : "";
      out_ << render(ctx_.lang, feedback) << tag << "\n";
      if (status == Status::correct) return true;
      if (status == Status::invalid) continue;  // an unreadable answer costs no try
      if (tries >= kTries) {
        reveal(part);
        return false;
      }
      out_ << tr(ctx_.lang, "exercise.try_again", std::to_string(kTries - tries)) << "\n";
    }
  }

  std::tuple<Status, Message, std::optional<Mistake>> judge_answer(const ExercisePart& part,
                                                                   const std::string& answer) {
    if (part.kind == PartKind::derivative) {
      GiNaC::ex f = parse(part.expression, *ctx_.syms).expr;
      Verdict v = check(f, ctx_.syms->get(part.wrt), answer, *ctx_.syms);
      if (v.status == Status::invalid && v.error) {
        *ctx_.err << format_error(ctx_.lang, *v.error, ctx_.ascii);
        return {v.status, Message{"exercise.unreadable", {}}, std::nullopt};
      }
      return {v.status, v.feedback, v.mistake};
    }
    PartVerdict v = judge(part, answer);
    return {v.status, v.feedback, std::nullopt};
  }

  void reveal(const ExercisePart& part) {
    result_.revealed = true;
    std::string answer;
    switch (part.kind) {
      case PartKind::derivative: {
        GiNaC::ex f = parse(part.expression, *ctx_.syms).expr;
        answer =
            print(check(f, ctx_.syms->get(part.wrt), "0", *ctx_.syms).expected, math_style(ctx_));
        break;
      }
      case PartKind::number:
        answer = format_number(part.number);
        break;
      case PartKind::choice:
        answer = std::to_string(part.answer) +
                 ") η = " + part.choices[static_cast<std::size_t>(part.answer - 1)];
        break;
      case PartKind::graph:
        break;
    }
    out_ << tr(ctx_.lang, "exercise.answer_was", answer) << "\n";
  }

  const Exercise& ex_;
  Context& ctx_;
  std::ostream& out_;
  Outcome result_;
};

// The learner's progress, or empty progress when there is nowhere to keep it.
Progress load(Context& ctx) {
  auto path = progress_path();
  if (!path) return {};
  LoadedProgress p = load_progress(*path);
  if (p.moved_aside) {
    *ctx.err << tr(ctx.lang, "progress.moved_aside", p.moved_aside->string()) << "\n";
  }
  return p.progress;
}

void record(Context& ctx, int number, const Outcome& o) {
  auto path = progress_path();
  if (!path) return;
  Progress p = load(ctx);
  Attempts& a = p.exercises[std::to_string(number)];
  a.tries += o.tries;
  a.solved = a.solved || o.solved;
  a.revealed = a.revealed || (o.revealed && !a.solved);
  try {
    save_progress(*path, p);
  } catch (const Error& e) {
    // Losing the record is not worth losing the session over; say so and go on.
    *ctx.err << format_error(ctx.lang, e, ctx.ascii);
  }
}

int list(Context& ctx, const std::vector<Exercise>& all) {
  Progress p = load(ctx);
  *ctx.out << tr(ctx.lang, "exercise.list_heading") << "\n";
  std::vector<std::string> titles;
  std::size_t width = 0;
  for (const auto& ex : all) {
    titles.push_back(render(ctx.lang, ex.title));
    width = std::max(width, display_width(titles.back()));
  }
  for (std::size_t i = 0; i < all.size(); ++i) {
    auto it = p.exercises.find(std::to_string(all[i].number));
    std::string status;
    if (it == p.exercises.end() || it->second.tries == 0) {
      status = tr(ctx.lang, "exercise.status_new");
    } else if (it->second.solved) {
      status = tr(ctx.lang, "exercise.status_solved", std::to_string(it->second.tries));
    } else {
      status = tr(ctx.lang, "exercise.status_tried", std::to_string(it->second.tries));
    }
    *ctx.out << "  " << all[i].number << "  " << pad_right(titles[i], width + 2) << status << "\n";
  }
  *ctx.out << "\n" << tr(ctx.lang, "exercise.start_hint") << "\n";
  return 0;
}

int run_exercise(const Invocation& inv, Context& ctx) {
  const std::vector<Exercise> all = course_exercises();
  const std::string which = trim(inv.expression);
  if (which.empty()) return list(ctx, all);
  for (const auto& ex : all) {
    if (which == std::to_string(ex.number)) {
      Outcome o = Session(ex, ctx).run();
      record(ctx, ex.number, o);
      return o.solved ? 0 : 1;
    }
  }
  throw Error(Message{"exercise.no_such", {sanitize(which), std::to_string(all.size())}});
}

}  // namespace

Command exercise_command() {
  return Command{
      "exercise",
      "exercise [N]",
      {"The course's exercises: list them, or do exercise N (type hint, solution or quit "
       "instead of an answer).",
       "과정의 실습 과제: 목록을 보거나 N번 과제를 풉니다 (답 대신 hint, solution, quit을 "
       "입력할 수 있습니다)."},
      {},
      true,
      run_exercise,
      "N",
      {"the exercise's number (none: the list)", "실습 번호 (없으면 목록)"},
  };
}

}  // namespace tutor::cli
