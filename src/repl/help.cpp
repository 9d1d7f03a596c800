#include "repl/help.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include "cli/command.hpp"
#include "repl/line.hpp"
#include "repl/paint.hpp"
#include "tutor/text.hpp"

namespace tutor::repl {

namespace {

using Rows = std::vector<std::pair<std::string, std::string>>;

// Two columns, the first padded in display columns so Korean in either column lines up.
std::string columns(const Rows& rows, std::size_t width) {
  std::string out;
  for (const auto& [left, right] : rows) out += "  " + pad_right(left, width + 2) + right + "\n";
  return out;
}

std::size_t widest(const Rows& rows) {
  std::size_t w = 0;
  for (const auto& r : rows) w = std::max(w, display_width(r.first));
  return w;
}

std::string bare_command_name() {
  const cli::Command* cmd = expression_command();
  return cmd ? std::string(cmd->name) : std::string("diff");
}

}  // namespace

std::string greeting(Lang lang, bool color) {
  const Rows rows = {
      {"sin(x^2)", tr(lang, "repl.try.bare")},
      {"d/dx x^2 y", tr(lang, "repl.try.ddx")},
      {"show 2x cos(x^2)", tr(lang, "repl.try.show")},
  };
  return bold(tr(lang, "repl.greeting", TUTOR_VERSION), color) + "\n" +
         columns(rows, widest(rows)) + tr(lang, "repl.greeting_end") + "\n";
}

std::string prompt_help(Lang lang, bool color) {
  Rows commands;
  for (const auto& c : cli::command_table()) {
    commands.emplace_back(std::string(c.synopsis), std::string(c.help.in(lang)));
  }
  const std::string bare = bare_command_name();
  const Rows prompt = {
      {"EXPR", tr(lang, "repl.help.bare", bare)},
      {"d/dx EXPR", tr(lang, "repl.help.ddx")},
      {"d2/dx2 EXPR, d²/dx² EXPR", tr(lang, "repl.help.d2dx2")},
      {"f(x) = EXPR", tr(lang, "repl.help.define")},
      {"f(g(x)), f'(x), f''(x)", tr(lang, "repl.help.call")},
      {"%", tr(lang, "repl.help.last", bare)},
      {"help [COMMAND]", tr(lang, "repl.help.help")},
      {"lang ko|en", tr(lang, "repl.help.lang")},
      {"quit, exit, Ctrl-D", tr(lang, "repl.help.quit")},
  };
  const std::size_t width = std::max(widest(commands), widest(prompt));
  return bold(tr(lang, "help.commands"), color) + "\n" + columns(commands, width) + "\n" +
         bold(tr(lang, "repl.help.prompt"), color) + "\n" + columns(prompt, width) + "\n" +
         tr(lang, "repl.help.quoting") + "\n" + tr(lang, "repl.help.keys") + "\n";
}

}  // namespace tutor::repl
