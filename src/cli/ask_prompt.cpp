#include "cli/ask_prompt.hpp"

#include <istream>
#include <ostream>

#include "base/errors.hpp"
#include "base/interrupt.hpp"
#include "base/text.hpp"

namespace tutor::cli {

namespace {

class Printer {
 public:
  Printer(Context& ctx, const AskStyle& style) : ctx_(ctx), style_(style), out_(*ctx.out) {}

  // A paragraph: Markdown rendered (and wrapped) for lessons, plain text otherwise.
  void text(const std::string& s) {
    if (style_.markdown) {
      out_ << render_markdown(s, *style_.markdown);
    } else {
      line(sanitize(s, ctx_.ascii));
    }
  }

  // One line of plain text, wrapped at the terminal's width as it shows there (under --ascii
  // spelled out: θ takes the five columns of "theta").
  void line(const std::string& s) {
    out_ << wrap_lines((ctx_.ascii ? ascii_math(s) : s) + "\n", ctx_.width);
  }

  void choices(const Question& q) {
    for (std::size_t i = 0; i < q.choices.size(); ++i) {
      const std::string label = choice_letter(i) + ") ";
      if (!style_.markdown) {
        for (const auto& l : wrap(sanitize(q.choices[i].text, ctx_.ascii), ctx_.width, "  " + label,
                                  std::string(2 + label.size(), ' '))) {
          out_ << l << "\n";
        }
        continue;
      }
      for (const auto& l :
           wrap_text(render_inline(q.choices[i].text, *style_.markdown), style_.markdown->width,
                     "  " + label, std::string(2 + label.size(), ' '))) {
        out_ << l << "\n";
      }
    }
  }

  void outcome(const Turn& t) {
    const Outcome& o = t.outcome;
    if (o.status == Status::invalid && o.error && o.error->span()) {
      out_ << format_error(ctx_.lang, *o.error, ctx_.ascii);
    } else {
      const bool right = o.status == Status::correct;
      std::string mark = right ? (ctx_.ascii ? "OK" : "✓") : (ctx_.ascii ? "X" : "✗");
      std::string tag = o.mistake ? " (" + mistake_name(ctx_.lang, *o.mistake) + ")" : "";
      line(mark + " " + sanitize(render(ctx_.lang, o.feedback), ctx_.ascii) + tag);
    }
    if (!t.counted) line(tr(ctx_.lang, "practice.not_a_try"));
  }

 private:
  Context& ctx_;
  const AskStyle& style_;
  std::ostream& out_;
};

// The next line the learner typed, or nullopt when the input ended.
std::optional<std::string> read_line(Context& ctx) {
  if (ctx.interactive) *ctx.out << "> " << std::flush;
  std::string line;
  if (!std::getline(*ctx.in, line)) {
    poll_interrupt();  // no line because of Ctrl-C: stop the command, not just the question
    return std::nullopt;
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  // A transcript shows what was answered, as if it had been typed.
  if (!ctx.interactive) *ctx.out << "> " << sanitize(line, ctx.ascii) << "\n";
  return line;
}

}  // namespace

Asked ask(const Question& q, const AskRules& rules, Context& ctx, const AskStyle& style) {
  Printer show(ctx, style);
  std::ostream& out = *ctx.out;
  show.text(q.prompt);
  show.choices(q);
  if (ctx.interactive) show.line(tr(ctx.lang, "practice.answer_help"));

  Ask state(q, rules);
  Asked result;
  while (!state.done()) {
    auto line = read_line(ctx);
    if (!line) {
      result.ended = true;
      break;
    }
    result.answered = true;
    const Turn t = state.take(*line);
    switch (t.event) {
      case Event::hint:
        show.text(tr(ctx.lang, "practice.hint", *t.hint + 1, q.hints[*t.hint]));
        break;
      case Event::no_more_hints:
        show.line(tr(ctx.lang, "practice.no_more_hints"));
        break;
      case Event::graded:
        show.outcome(t);
        if (!result.mistake && t.outcome.mistake) result.mistake = t.outcome.mistake;
        if (t.hint) show.text(tr(ctx.lang, "practice.hint", *t.hint + 1, q.hints[*t.hint]));
        if (!t.done && t.counted) show.line(tr_count(ctx.lang, "practice.try_again", t.tries_left));
        break;
      case Event::revealed:
      case Event::quit:
        break;
    }
    if (t.show_key) show.text(tr(ctx.lang, "practice.answer_is", key_text(q, ctx.ascii)));
    if (t.done && !state.quit() && !q.explain.empty()) show.text(q.explain);
  }
  out.flush();
  result.solved = state.solved();
  result.revealed = state.revealed();
  result.quit = state.quit();
  result.tries = state.tries();
  result.score = state.score();
  result.answer = state.answer();
  result.outcome = state.outcome();
  return result;
}

}  // namespace tutor::cli
