// `tutor exercise [N]`: the course's three exercises, with tries, hints and the solution.
#include "course/exercise.hpp"

#include <algorithm>
#include <istream>
#include <ostream>

#include "base/errors.hpp"
#include "base/table.hpp"
#include "base/text.hpp"
#include "cli/ask_prompt.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "course/progress.hpp"
#include "repl/session.hpp"

namespace tutor::cli {

namespace {

struct Result {
  bool solved = false;    // every part answered correctly
  bool revealed = false;  // a solution was shown before it was found
  bool quit = false;      // the learner left, or the input ended
  int tries = 0;
};

class Session {
 public:
  Session(const Exercise& ex, Context& ctx) : ex_(ex), ctx_(ctx), out_(*ctx.out) {}

  Result run() {
    out_ << wrapped(ctx_, tr(ctx_.lang, "exercise.heading", std::to_string(ex_.number), ex_.title))
         << "\n";
    bool all = true;
    for (const auto& part : ex_.parts) {
      out_ << "\n";
      bool ok = part.graph_at.empty() ? question(part.question) : graph(part);
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
    out_ << wrapped(ctx_, sanitize(part.question.prompt, ctx_.ascii)) << "\n";
    Invocation inv;
    inv.expression = part.question.function;
    inv.values["--at"] = {part.graph_at};
    inv.flags = {"--practice"};
    const Command* cmd = find_command("graph");
    int status = dispatch(*cmd, inv, ctx_);
    ++result_.tries;
    if (status != 0) result_.revealed = true;
    return status == 0;
  }

  bool question(const Question& q) {
    Asked a = ask(q, AskRules{}, ctx_);
    result_.tries += a.tries;
    result_.revealed = result_.revealed || a.revealed;
    if (a.quit || a.ended) {
      if (a.ended) out_ << "\n";
      result_.quit = true;
    }
    return a.solved;
  }

  const Exercise& ex_;
  Context& ctx_;
  std::ostream& out_;
  Result result_;
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

void record(Context& ctx, int number, const Result& o) {
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
  TextTable table({.indent = "  ", .width = ctx.width});
  for (const auto& ex : all) {
    auto it = p.exercises.find(std::to_string(ex.number));
    std::string status;
    if (it == p.exercises.end() || it->second.tries == 0) {
      status = tr(ctx.lang, "exercise.status_new");
    } else if (it->second.solved) {
      status = tr_count(ctx.lang, "exercise.status_solved", it->second.tries);
    } else {
      status = tr_count(ctx.lang, "exercise.status_tried", it->second.tries);
    }
    table.add_row({std::to_string(ex.number), ex.title, status});
  }
  *ctx.out << table.str();
  *ctx.out << "\n" << tr(ctx.lang, "exercise.start_hint") << "\n";
  return 0;
}

int run_exercise(const Invocation& inv, Context& ctx) {
  const std::vector<Exercise> all = course_exercises(ctx.lang);
  const std::string which = trim(inv.expression);
  if (which.empty()) return list(ctx, all);
  for (const auto& ex : all) {
    if (which == std::to_string(ex.number)) {
      Result o = Session(ex, ctx).run();
      record(ctx, ex.number, o);
      return o.solved ? 0 : 1;
    }
  }
  throw Error(Message{"exercise.no_such", {sanitize(which), std::to_string(all.size())}});
}

}  // namespace

Command exercise_command() {
  return Command{"exercise", "cmd.exercise", {}, true, run_exercise, "[N]", "arg.exercise"};
}

}  // namespace tutor::cli
