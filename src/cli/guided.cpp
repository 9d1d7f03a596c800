#include "cli/guided.hpp"

#include <ostream>

#include "base/text.hpp"
#include "cli/ask_prompt.hpp"
#include "cli/output.hpp"

namespace tutor::cli {

WalkEnd walk_through(const std::vector<GuideStep>& steps, Context& ctx) {
  std::ostream& out = *ctx.out;
  const AskRules rules;
  const std::size_t n = steps.size();
  for (std::size_t i = 0; i < n; ++i) {
    const GuideStep& step = steps[i];
    if (!step.intro.empty()) out << wrapped(ctx, sanitize(step.intro, ctx.ascii) + "\n");
    Question q = step.question;
    q.prompt =
        tr(ctx.lang, "guide.step", std::to_string(i + 1), std::to_string(n)) + " " + q.prompt;
    const Asked a = ask(q, rules, ctx);
    if (a.quit) return WalkEnd::quit;
    if (a.ended) {
      if (ctx.interactive) out << "\n";  // after the "> " that was never answered
      return WalkEnd::ended;
    }
    // Out of tries the key is shown and the walk goes on; asked for, the rest is shown too.
    if (a.revealed && a.tries < rules.tries) {
      if (i + 1 < n) {
        out << wrapped(ctx, tr(ctx.lang, "guide.solution") + "\n");
        for (std::size_t j = i + 1; j < n; ++j)
          out << wrapped(ctx, "  " + sanitize(worked(steps[j], ctx.ascii), ctx.ascii) + "\n");
      }
      return WalkEnd::finished;
    }
  }
  if (n > 0) {
    const GuideStep& last = steps.back();
    out << wrapped(
        ctx, tr(ctx.lang, "guide.done", last.label, key_text(last.question, ctx.ascii)) + "\n");
  }
  return WalkEnd::finished;
}

}  // namespace tutor::cli
