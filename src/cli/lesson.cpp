// `tutor lesson [N] [--lessons-dir DIR]`: the list of lessons, or lesson N.
//
// On a terminal (stdin and stdout both), lesson N shows one section at a time: Enter goes on,
// `b` goes back, `q` quits, and each question waits for an answer, asked as every question is
// (cli/ask_prompt.hpp). Otherwise the whole lesson is printed without pausing. Questions
// then take their answers from stdin, one line per try, when stdin is not a terminal; once
// stdin has no more lines (or when it is a terminal nobody is looking at), each question is
// shown with its answer, as in the back of a book, and nothing is recorded for it.
// Reaching the end of the lesson marks it completed in the progress file when every question
// on the way has been answered (or its answer asked for); a lesson read without answering is
// not completed.
#include "course/lesson.hpp"

#include <unistd.h>

#include <iostream>
#include <set>
#include <sstream>

#include "base/errors.hpp"
#include "base/interrupt.hpp"
#include "base/text.hpp"
#include "cli/ask_prompt.hpp"
#include "cli/commands.hpp"
#include "cli/progress_file.hpp"
#include "cli/terminal.hpp"
#include "course/markdown.hpp"
#include "repl/line.hpp"

namespace tutor::cli {

namespace {

class Session {
 public:
  Session(const Lesson& lesson, Context& ctx, ProgressFile& progress)
      : lesson_(lesson), ctx_(ctx), out_(*ctx.out), progress_(progress) {
    md_.width = ctx.width;
    md_.ascii = ctx.ascii;
    md_.color = ctx.color;
    // Answers come from a pipe or a file, or from the person at the terminal; never from a
    // terminal while the output goes elsewhere (nobody would see the question).
    const bool stdin_terminal = ctx.in == &std::cin && isatty(STDIN_FILENO) != 0;
    answers_ = ctx.interactive || !stdin_terminal;
  }

  int run() {
    if (ctx_.interactive) return paged();
    for (std::size_t i = 0; i < lesson_.sections.size() && !quit_; ++i) show_section(i);
    if (!quit_) finish();
    return 0;
  }

 private:
  int paged() {
    std::size_t i = 0;
    while (i < lesson_.sections.size()) {
      show_section(i);
      if (quit_) return 0;
      const bool last = i + 1 == lesson_.sections.size();
      out_ << "\n"
           << styled(tr(ctx_.lang, last ? "lesson.pager_last" : "lesson.pager", i + 1,
                        lesson_.sections.size()))
           << " " << std::flush;
      std::string key;
      if (!std::getline(*ctx_.in, key)) {
        poll_interrupt();  // no key because of Ctrl-C: stop the lesson, not just this page
        out_ << "\n";
        return 0;
      }
      key = trim(key);
      if (key == "q" || key == "Q") return 0;
      if (key == "b" || key == "B") {
        if (i > 0) --i;
        continue;
      }
      ++i;
    }
    finish();
    return 0;
  }

  std::string styled(const std::string& s) const {
    return ctx_.color ? "\x1b[2m" + s + "\x1b[0m" : s;
  }

  void finish() {
    long long unanswered = 0;
    for (const auto& section : lesson_.sections) {
      for (const auto& block : section.blocks) {
        if (block.kind == BlockKind::question && !answered_.contains(key_of(block.question))) {
          ++unanswered;
        }
      }
    }
    if (unanswered > 0) {
      out_ << "\n"
           << render_markdown(
                  tr_count(ctx_.lang, "lesson.not_completed", unanswered, lesson_.number), md_);
      out_.flush();
      return;
    }
    progress_.update([&](Progress& p) { p.lessons_completed.insert(lesson_.number); });
    out_ << "\n" << tr(ctx_.lang, "lesson.completed", lesson_.number) << "\n";
    out_.flush();
  }

  // "lesson-2/q1": how the progress file records Q.
  std::string key_of(const Question& q) const {
    return "lesson-" + std::to_string(lesson_.number) + "/" + q.id;
  }

  void show_section(std::size_t index) {
    for (const auto& block : lesson_.sections[index].blocks) {
      if (quit_) return;
      switch (block.kind) {
        case BlockKind::text:
          out_ << "\n" << render_markdown(block.text, md_);
          break;
        case BlockKind::live:
          live(block.text);
          break;
        case BlockKind::question:
          out_ << "\n";
          question(block);
          break;
      }
    }
    out_.flush();
  }

  // Runs LINE through the command table, as the prompt would, and shows what it writes.
  void live(const std::string& line) {
    std::ostringstream out, err;
    std::istringstream in;
    SymbolTable syms;
    Context sub = ctx_;
    sub.out = &out;
    sub.err = &err;
    sub.in = &in;
    sub.syms = &syms;
    sub.interactive = false;
    sub.last.reset();
    int status = 2;
    try {
      repl::Line l = repl::split_line(line, sub);
      if (l.kind == repl::Line::Kind::run) {
        status = dispatch(*l.command, l.inv, sub);
      } else {
        err << tr(ctx_.lang, "error.prefix") << ": "
            << tr(ctx_.lang, "lesson.live_not_command", sanitize(line)) << "\n";
      }
    } catch (const Error& e) {
      err << format_error(ctx_.lang, e, ctx_.ascii);
    }
    out_ << "\n";
    for (const auto& l : wrap("$ tutor " + sanitize(line, ctx_.ascii), ctx_.width, "", "    ")) {
      out_ << (ctx_.color ? "\x1b[1;32m" + l + "\x1b[0m" : l) << "\n";
    }
    std::string shown = out.str();
    while (shown.ends_with("\n\n")) shown.pop_back();
    out_ << shown;
    if (status != 0) {
      *ctx_.err << tr(ctx_.lang, "lesson.live_failed", sanitize(line), status) << "\n" << err.str();
    }
  }

  void question(const Block& block) {
    ++number_;
    Question q = block.question;
    q.prompt = "**" + tr(ctx_.lang, "lesson.question", number_) + "** " + q.prompt;
    const std::string key = key_of(q);
    // Once the input has ended, or with nobody to answer, the question is shown with its
    // answer, as in the back of a book; so is a question met again after going back.
    if (!answers_ || input_ended_ || answered_.contains(key)) {
      reveal(q);
      return;
    }
    AskStyle style{&md_};
    Asked a = ask(q, AskRules{}, ctx_, style);
    if (a.ended) {
      input_ended_ = true;
      if (ctx_.interactive) {
        out_ << "\n";  // Ctrl-D: leave the lesson
        quit_ = true;
      } else {
        out_ << render_markdown(tr(ctx_.lang, "practice.answer_is", key_text(q, ctx_.ascii)), md_);
        if (!q.explain.empty()) out_ << render_markdown(q.explain, md_);
      }
    }
    if (a.quit) quit_ = true;
    // Leaving at a question answers nothing; an answer or asking for the answer does.
    if (!a.answered || (a.tries == 0 && !a.revealed)) return;
    answered_.insert(key);
    auto record = [&](Attempts& at) {
      at.tries += a.tries;
      at.solved = at.solved || a.solved;
      at.revealed = at.revealed || (a.revealed && !at.solved);
    };
    // Only the question is recorded: `tutor exercise N` keeps the exercises' own record.
    progress_.update([&](Progress& p) { record(p.questions[key]); });
  }

  // The question with its answer, without asking.
  void reveal(const Question& q) {
    out_ << render_markdown(q.prompt, md_);
    for (std::size_t i = 0; i < q.choices.size(); ++i) {
      std::string letter = choice_letter(i) + ") ";
      for (const auto& l : wrap_text(render_inline(q.choices[i].text, md_), md_.width,
                                     "  " + letter, std::string(2 + letter.size(), ' '))) {
        out_ << l << "\n";
      }
    }
    out_ << render_markdown(tr(ctx_.lang, "practice.answer_is", key_text(q, ctx_.ascii)), md_);
    if (!q.explain.empty()) out_ << render_markdown(q.explain, md_);
  }

  const Lesson& lesson_;
  Context& ctx_;
  std::ostream& out_;
  ProgressFile& progress_;
  MarkdownOptions md_;
  bool answers_ = false;
  bool input_ended_ = false;
  bool quit_ = false;
  int number_ = 0;
  std::set<std::string> answered_;
};

void list(const LessonSet& set, const Progress& progress, Context& ctx) {
  std::ostream& out = *ctx.out;
  out << tr(ctx.lang, "lesson.list_title") << "\n";
  for (const auto& l : set.lessons) {
    const bool done = progress.lessons_completed.contains(l.number);
    std::string mark = done ? (ctx.ascii ? "[x]" : " ✓ ") : "   ";
    out << "  " << mark << " " << l.number << ". " << sanitize(l.title, ctx.ascii) << "\n";
  }
  out << "\n" << tr(ctx.lang, "lesson.list_hint") << "\n";
}

int run_lesson(const Invocation& inv, Context& ctx) {
  auto flag = inv.value("--lessons-dir");
  auto dir = find_lessons_dir(flag ? std::optional<std::string_view>(*flag) : std::nullopt);
  if (!dir) {
    if (flag) throw Error(Message{"lesson.no_dir", {sanitize(*flag)}});
    throw Error(Message{"lesson.none_found", {}});
  }
  LessonSet set = load_lessons(*dir, ctx.lang);
  for (const auto& p : set.problems) *ctx.err << format_problem(ctx.lang, p) << "\n";
  ProgressFile progress(ctx);

  const std::string which = trim(inv.expression);
  if (which.empty()) {
    if (set.lessons.empty()) throw Error(Message{"lesson.none_in", {sanitize(dir->string())}});
    list(set, progress.get(), ctx);
    return 0;
  }
  char* end = nullptr;
  long n = std::strtol(which.c_str(), &end, 10);
  if (*end != '\0' || which.find_first_not_of("0123456789") != std::string::npos) {
    throw Error(Message{"lesson.bad_choice", {sanitize(which)}}, Span{0, inv.expression.size()},
                inv.expression);
  }
  for (const auto& l : set.lessons) {
    if (l.number == n) return Session(l, ctx, progress).run();
  }
  throw Error(Message{"lesson.no_such_lesson", {sanitize(which)}});
}

}  // namespace

Command lesson_command() {
  return Command{"lesson",    "cmd.lesson", {{"--lessons-dir", "DIR", "opt.lesson.dir"}},
                 true,        run_lesson,   "[N]",
                 "arg.lesson"};
}

}  // namespace tutor::cli
