#include "cli/app.hpp"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>

#include "cli/ascii_stream.hpp"
#include "cli/command.hpp"
#include "repl/repl.hpp"
#include "tutor/text.hpp"

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

void localise(CLI::App& app, Lang lang) {
  if (lang != Lang::ko) return;
  auto fmt = std::make_shared<CLI::Formatter>();
  fmt->label("Usage", "사용법");
  fmt->label("OPTIONS", "옵션");
  fmt->label("SUBCOMMAND", "명령");
  fmt->label("SUBCOMMANDS", "명령");
  fmt->label("Subcommands", "명령");
  fmt->label("Options", "옵션");
  fmt->label("Positionals", "위치 인수");
  fmt->label("REQUIRED", "필수");
  app.formatter(fmt);
}

// The first word that is neither an option nor a global option's value: the command.
std::optional<std::size_t> command_index(const std::vector<std::string>& args) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--") return std::nullopt;
    if (a == "--lang" || a == "--color" || a == "--def") {
      ++i;
      continue;
    }
    if (a.starts_with("-")) continue;
    return i;
  }
  return std::nullopt;
}

// The argument that CLI11 took for an unknown option although it is probably math: "-x^2".
std::optional<std::string> dashed_expression(const std::vector<std::string>& args,
                                             const Command* cmd) {
  for (const auto& a : args) {
    if (a == "--") return std::nullopt;
    if (!a.starts_with("-") || a.size() < 2 || a.starts_with("--")) continue;
    if (a == "-h") continue;
    (void)cmd;
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

}  // namespace

int run(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
        std::ostream& err) {
  const Lang lang = detect_lang(prescan(args, "--lang"));

  // An unknown command gets "did you mean" from the table, before CLI11 sees it.
  if (auto idx = command_index(args)) {
    const std::string& word = args[*idx];
    if (find_command(word) == nullptr) {
      err << tr(lang, "error.prefix") << ": " << tr(lang, "cli.unknown_command", sanitize(word));
      auto similar = similar_commands(word);
      if (!similar.empty()) err << "; " << tr(lang, "cli.did_you_mean", similar.front());
      err << "\n" << tr(lang, "cli.see_help") << "\n";
      return 2;
    }
  }

  CLI::App app{std::string(tr(lang, "cli.description")), "tutor"};
  localise(app, lang);
  app.set_version_flag("--version", std::string("tutor ") + TUTOR_VERSION);
  app.set_help_flag("-h,--help",
                    std::string(lang == Lang::ko ? "도움말을 보여 줍니다" : "show this help"));
  app.require_subcommand(0, 1);
  app.fallthrough();
  app.footer(tr(lang, "cli.footer"));

  std::map<std::string, std::vector<std::string>> globals;
  bool ascii_flag = false;
  for (const auto& g : global_options()) {
    std::string help(g.help.in(lang));
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

  struct Bound {
    std::map<std::string, std::vector<std::string>> values;
    std::map<std::string, bool> flags;
    std::vector<std::string> words;
  };
  std::map<std::string, Bound> bound;
  std::map<CLI::App*, const Command*> by_app;
  for (const auto& cmd : command_table()) {
    auto* sub = app.add_subcommand(std::string(cmd.name), std::string(cmd.help.in(lang)));
    sub->set_help_flag("-h,--help",
                       std::string(lang == Lang::ko ? "도움말을 보여 줍니다" : "show this help"));
    by_app[sub] = &cmd;
    Bound& b = bound[std::string(cmd.name)];
    for (const auto& o : cmd.options) {
      std::string help(o.help.in(lang));
      if (o.value_name.empty()) {
        sub->add_flag(std::string(o.name), b.flags[std::string(o.name)], help);
        continue;
      }
      auto* opt = sub->add_option(std::string(o.name), b.values[std::string(o.name)], help);
      opt->type_name(std::string(o.value_name));
      opt->allow_extra_args(false);
      if (!o.repeatable) opt->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
      if (!o.choices.empty()) {
        opt->check(CLI::IsMember(std::vector<std::string>(o.choices.begin(), o.choices.end())));
      }
    }
    if (cmd.takes_expression) {
      sub->add_option(std::string(cmd.argument_name), b.words,
                      std::string(cmd.argument_help.in(lang)))
          ->type_name("");
    }
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
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e, out, err);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e, out, err);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e, out, err);
  } catch (const CLI::ParseError& e) {
    const Command* cmd = nullptr;
    if (auto idx = command_index(args)) cmd = find_command(args[*idx]);
    err << tr(lang, "error.prefix") << ": " << sanitize(e.what()) << "\n";
    if (auto dashed = dashed_expression(args, cmd)) {
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
  // Under --ascii every message is spelled in ASCII on the way out, not only the formulas.
  AsciiOut ascii_out(out, ctx.ascii);
  AsciiOut ascii_err(err, ctx.ascii);
  ctx.out = &ascii_out.stream();
  ctx.err = &ascii_err.stream();
  SymbolTable syms;
  ctx.syms = &syms;
  if (const int status = define_all(globals["--def"], ctx); status != 0) return status;

  for (auto* sub : app.get_subcommands()) {
    const Command* cmd = by_app[sub];
    Bound& b = bound[std::string(cmd->name)];
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
