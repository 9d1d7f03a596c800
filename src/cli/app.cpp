#include "cli/app.hpp"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <map>
#include <sstream>

#include "base/errors.hpp"
#include "base/text.hpp"
#include "cli/ascii_stream.hpp"
#include "cli/command.hpp"
#include "cli/help.hpp"
#include "cli/parse_error.hpp"
#include "cli/terminal.hpp"
#include "repl/repl.hpp"

namespace tutor::cli {

namespace {

// The value of a global option before CLI11 has parsed anything: the language decides the
// help text, so it is needed first.
std::optional<std::string> prescan(const std::vector<std::string>& args, std::string_view name) {
  std::optional<std::string> found;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--") break;
    if (args[i] == name && i + 1 < args.size()) found = args[i + 1];
    std::string eq = std::string(name) + "=";
    if (args[i].starts_with(eq)) found = args[i].substr(eq.size());
  }
  return found;
}

bool decide_color(const std::optional<std::string>& when, int fd) {
  if (when == "always") return true;
  if (when == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return isatty(fd) != 0;
}

// Whether option NAME ("--out", or "--out=x") of CMD or of a subcommand of CMD takes the word
// after it as its value.
bool takes_next_word(const Command* cmd, std::string_view name) {
  if (name.find('=') != std::string_view::npos) return false;
  if (name == "--lang" || name == "--color" || name == "--def") return true;
  if (cmd == nullptr) return false;
  if (const OptionSpec* o = find_option(*cmd, name)) return !o->value_name.empty();
  for (const auto& s : cmd->subcommands) {
    if (takes_next_word(&s, name)) return true;
  }
  return false;
}

// The first word from FROM on that is neither an option nor an option's value: the command
// (CMD is null), or the subcommand of CMD.
std::optional<std::size_t> word_index(const std::vector<std::string>& args, std::size_t from,
                                      const Command* cmd) {
  for (std::size_t i = from; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--") return std::nullopt;
    if (a.starts_with("-")) {
      if (takes_next_word(cmd, a)) ++i;
      continue;
    }
    return i;
  }
  return std::nullopt;
}

std::optional<std::size_t> command_index(const std::vector<std::string>& args) {
  return word_index(args, 0, nullptr);
}

// Whether ARGS ask for help (-h or --help before any "--").
bool asks_for_help(const std::vector<std::string>& args) {
  for (const auto& a : args) {
    if (a == "--") return false;
    if (a == "-h" || a == "--help") return true;
  }
  return false;
}

// The argument that CLI11 took for an unknown option although it is probably math: "-x^2".
std::optional<std::string> dashed_expression(const std::vector<std::string>& args) {
  for (const auto& a : args) {
    if (a == "--") return std::nullopt;
    if (!a.starts_with("-") || a.size() < 2 || a.starts_with("--")) continue;
    if (a == "-h") continue;
    return a;
  }
  return std::nullopt;
}

// Each --def in order, as `define` would take it but quietly: the command's own output
// comes next. The first bad one is an error, exit 2.
int define_all(const std::vector<std::string>& defs, Context& ctx) {
  const Command* define = find_command("define");
  for (const auto& d : defs) {
    std::ostringstream quiet;
    std::ostream* out = ctx.out;
    ctx.out = &quiet;
    Invocation inv;
    inv.expression = d;
    const int status = define == nullptr ? 0 : dispatch(*define, inv, ctx);
    ctx.out = out;
    if (status != 0) return status;
  }
  return 0;
}

// Where CLI11 puts one command's values.
struct Bound {
  std::map<std::string, std::vector<std::string>> values;
  std::map<std::string, bool> flags;
  std::vector<std::string> words;
};

// Registers CMD's options (and positional words) on SUB, and its subcommands below it,
// recording which CLI11 app is which command and where the values go.
void add_command(CLI::App& sub, const Command& cmd, Lang lang,
                 std::map<const Command*, Bound>& bound,
                 std::map<CLI::App*, const Command*>& by_app) {
  // Help is written by cli/help.hpp, before CLI11 parses anything.
  sub.set_help_flag();
  by_app[&sub] = &cmd;
  Bound& b = bound[&cmd];
  for (const auto& o : cmd.options) {
    std::string help = option_text(o, lang);
    if (o.value_name.empty()) {
      sub.add_flag(std::string(o.name), b.flags[std::string(o.name)], help);
      continue;
    }
    auto* opt = sub.add_option(std::string(o.name), b.values[std::string(o.name)], help);
    opt->type_name(std::string(o.value_name));
    opt->allow_extra_args(false);
    if (!o.repeatable) opt->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    if (!o.choices.empty() && !o.own_check) {
      opt->check(CLI::IsMember(std::vector<std::string>(o.choices.begin(), o.choices.end())));
    }
  }
  if (cmd.takes_expression) {
    sub.add_option("words", b.words, tr(lang, cmd.argument_help))->type_name("");
  }
  for (const auto& s : cmd.subcommands) {
    add_command(*sub.add_subcommand(std::string(s.name), tr(lang, s.help)), s, lang, bound, by_app);
  }
}

// The error for an unknown command or subcommand in ARGS, if there is one.
std::optional<std::string> unknown_word(const std::vector<std::string>& args, Lang lang) {
  auto idx = command_index(args);
  if (!idx) return std::nullopt;
  const std::string& word = args[*idx];
  const Command* cmd = find_command(word);
  if (cmd == nullptr) {
    std::string out =
        tr(lang, "error.prefix") + ": " + tr(lang, "cli.unknown_command", sanitize(word));
    auto similar = similar_commands(word);
    if (!similar.empty()) out += "; " + tr(lang, "cli.did_you_mean", similar.front());
    return out + "\n" + tr(lang, "cli.see_help") + "\n";
  }
  if (cmd->subcommands.empty()) return std::nullopt;
  auto sub = word_index(args, *idx + 1, cmd);
  if (!sub || find_subcommand(*cmd, args[*sub]) != nullptr) return std::nullopt;
  return format_error(lang, Error(unknown_subcommand(*cmd, args[*sub])), false);
}

// The help ARGS ask for: the command's (or subcommand's), or the overview.
std::string help_for(const std::vector<std::string>& args, Lang lang, std::ostream& out) {
  Context terminal;
  terminal.out = &out;
  const HelpView view{lang, terminal_width(terminal), true};
  auto idx = command_index(args);
  const Command* cmd = idx ? find_command(args[*idx]) : nullptr;
  if (cmd == nullptr) return overview(view);
  if (auto sub = word_index(args, *idx + 1, cmd)) {
    if (const Command* s = find_subcommand(*cmd, args[*sub]))
      return command_help(*s, view, cmd->name);
  }
  return command_help(*cmd, view);
}

}  // namespace

int run(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
        std::ostream& err) {
  const Lang lang = detect_lang(prescan(args, "--lang"));

  // An unknown command gets "did you mean" from the table, before CLI11 sees it.
  if (auto message = unknown_word(args, lang)) {
    err << *message;
    return 2;
  }
  if (asks_for_help(args)) {
    out << help_for(args, lang, out);
    return 0;
  }

  CLI::App app{tr(lang, "cli.description"), "tutor"};
  app.set_version_flag("--version", std::string("tutor ") + TUTOR_VERSION);
  app.set_help_flag();
  app.require_subcommand(0, 1);
  app.fallthrough();

  std::map<std::string, std::vector<std::string>> globals;
  bool ascii_flag = false;
  for (const auto& g : global_options()) {
    std::string help = option_text(g, lang);
    if (g.value_name.empty()) {
      app.add_flag(std::string(g.name), ascii_flag, help);
    } else {
      auto* opt = app.add_option(std::string(g.name), globals[std::string(g.name)], help);
      opt->type_name(std::string(g.value_name));
      opt->allow_extra_args(false);
      if (!g.repeatable) opt->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
      if (!g.choices.empty()) {
        opt->check(CLI::IsMember(std::vector<std::string>(g.choices.begin(), g.choices.end())));
      }
    }
  }

  std::map<const Command*, Bound> bound;
  std::map<CLI::App*, const Command*> by_app;
  for (const auto& cmd : command_table()) {
    add_command(*app.add_subcommand(std::string(cmd.name), tr(lang, cmd.help)), cmd, lang, bound,
                by_app);
  }

  // CLI11 takes a word in square brackets for a list and strips the brackets, which turned
  // "[x+1]/[x-1]" into "x+1]/[x-1". A bracketed word is passed with a space in front,
  // which CLI11 leaves alone; it is taken off again below.
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  for (auto& a : reversed) {
    if (a.size() > 1 && a.front() == '[' && a.back() == ']') a.insert(a.begin(), ' ');
  }
  try {
    app.parse(reversed);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e, out, err);
  } catch (const CLI::ParseError& e) {
    const Command* cmd = nullptr;
    if (auto idx = command_index(args)) cmd = find_command(args[*idx]);
    err << tr(lang, "error.prefix") << ": " << parse_error_text(e, args, lang) << "\n";
    if (auto dashed = dashed_expression(args)) {
      err << tr(lang, "cli.dash_hint", cmd ? std::string(cmd->name) : std::string("diff"),
                sanitize(*dashed))
          << "\n";
    }
    return 2;
  }

  Context ctx;
  ctx.lang = lang;
  ctx.ascii = ascii_flag || !locale_is_utf8();
  const std::vector<std::string>& color = globals["--color"];
  ctx.color =
      decide_color(color.empty() ? std::nullopt : std::optional(color.back()), STDOUT_FILENO);
  // Interactive only on the process's own terminal: tests pass string streams.
  ctx.interactive = &in == &std::cin && &out == &std::cout && isatty(STDIN_FILENO) != 0 &&
                    isatty(STDOUT_FILENO) != 0;
  ctx.in = &in;
  ctx.out = &out;
  ctx.width = terminal_width(ctx);
  // Under --ascii every message is spelled in ASCII on the way out, not only the formulas.
  AsciiOut ascii_out(out, ctx.ascii);
  AsciiOut ascii_err(err, ctx.ascii);
  ctx.out = &ascii_out.stream();
  ctx.err = &ascii_err.stream();
  SymbolTable syms;
  ctx.syms = &syms;
  if (const int status = define_all(globals["--def"], ctx); status != 0) return status;

  for (auto* sub : app.get_subcommands()) {
    // The deepest command named: `quiz take`, not `quiz`.
    while (!sub->get_subcommands().empty()) sub = sub->get_subcommands().front();
    const Command* cmd = by_app[sub];
    Bound& b = bound[cmd];
    Invocation inv;
    for (auto& [name, vals] : b.values) {
      if (!vals.empty()) inv.values[name] = vals;
    }
    for (auto& [name, on] : b.flags) {
      if (on) inv.flags.push_back(name);
    }
    for (auto& w : b.words) {
      if (w.starts_with(" [")) w.erase(0, 1);  // the space added before parsing
    }
    inv.words = b.words;
    for (const auto& w : b.words) {
      if (!inv.expression.empty()) inv.expression += ' ';
      inv.expression += w;
    }
    return dispatch(*cmd, inv, ctx);
  }
  // A script read from a pipe is not coloured unless asked for: its output goes to files.
  if (!ctx.interactive && (color.empty() || color.back() != "always")) ctx.color = false;
  return repl::run(ctx);
}

}  // namespace tutor::cli
