#include "repl/session.hpp"

#include <optional>
#include <ostream>
#include <sstream>

#include "base/errors.hpp"
#include "base/interrupt.hpp"
#include "base/text.hpp"
#include "cli/help.hpp"
#include "cli/terminal.hpp"
#include "repl/help.hpp"
#include "repl/line.hpp"
#include "repl/paint.hpp"

namespace tutor::repl {

namespace {

int unknown(const Line& line, cli::Context& ctx, std::ostream& err) {
  err << tr(ctx.lang, "error.prefix") << ": "
      << tr(ctx.lang, "cli.unknown_command", sanitize(line.word, ctx.ascii));
  if (!line.suggestions.empty()) {
    err << "; " << tr(ctx.lang, "cli.did_you_mean", line.suggestions.front());
  }
  err << "\n" << tr(ctx.lang, "repl.see_help") << "\n";
  return 2;
}

int switch_lang(const Line& line, cli::Context& ctx, std::ostream& err) {
  if (line.word.empty()) {
    *ctx.out << tr(ctx.lang, "repl.lang_current", lang_name(ctx.lang)) << "\n";
    return 0;
  }
  auto lang = parse_lang(line.word);
  if (!lang) {
    err << tr(ctx.lang, "error.prefix") << ": "
        << tr(ctx.lang, "repl.lang_bad", sanitize(line.word, ctx.ascii)) << "\n";
    return 2;
  }
  ctx.lang = *lang;
  *ctx.out << tr(ctx.lang, "repl.lang_set") << "\n";
  return 0;
}

// Does what LINE asks, with errors on ERR.
Outcome perform(std::string_view text, cli::Context& ctx, std::ostream& err) {
  Line line;
  try {
    line = split_line(text, ctx);
  } catch (const Error& e) {
    err << format_error(ctx.lang, e, ctx.ascii);
    return {2, false};
  } catch (const std::exception& e) {
    err << tr(ctx.lang, "error.prefix") << ": "
        << tr(ctx.lang, "error.internal", sanitize(e.what(), ctx.ascii)) << "\n";
    return {2, false};
  }
  switch (line.kind) {
    case Line::Kind::blank:
      return {};
    case Line::Kind::quit:
      return {0, true};
    case Line::Kind::help:
      *ctx.out << (line.command ? cli::command_help(*line.command,
                                                    {ctx.lang, cli::terminal_width(ctx), false},
                                                    line.parent ? line.parent->name : "")
                                : prompt_help(ctx.lang, ctx.color, cli::terminal_width(ctx)));
      return {};
    case Line::Kind::lang:
      return {switch_lang(line, ctx, err), false};
    case Line::Kind::unknown:
      return {unknown(line, ctx, err), false};
    case Line::Kind::run:
      break;
  }
  // The command writes its errors to ctx.err; point it at ERR for this line, and back
  // even when Interrupted goes through (ERR does not outlive run_line).
  struct Redirect {
    cli::Context& ctx;
    std::ostream* saved;
    ~Redirect() { ctx.err = saved; }
  } redirect{ctx, ctx.err};
  ctx.err = &err;
  return {cli::dispatch(*line.command, line.inv, ctx), false};
}

}  // namespace

Outcome run_line(std::string_view text, cli::Context& ctx, std::size_t line_number) {
  // Errors are gathered first so that they can be coloured and labelled with the line.
  std::ostringstream err;
  Outcome outcome;
  // A command stopped by Ctrl-C leaves the session as it was: % still means the result
  // before it, whatever the command had got to.
  const std::optional<GiNaC::ex> last = ctx.last;
  try {
    outcome = perform(text, ctx, err);
  } catch (const Interrupted&) {
    clear_interrupt();
    ctx.last = last;
    ctx.out->flush();
    // The terminal has echoed ^C where the cursor was; the message takes a line of its own.
    err << "\n" << tr(ctx.lang, "repl.interrupted") << "\n";
    outcome = {kInterruptedStatus, false};
  }
  std::string errors = err.str();
  if (errors.empty()) return outcome;
  if (line_number != 0) errors = tr(ctx.lang, "repl.at_line", line_number) + errors;
  *ctx.err << paint_errors(errors, ctx.lang, ctx.color);
  ctx.err->flush();
  return outcome;
}

}  // namespace tutor::repl
