#include "repl/help.hpp"

#include <vector>

#include "cli/help.hpp"
#include "repl/line.hpp"
#include "repl/paint.hpp"

namespace tutor::repl {

namespace {

std::string bare_command_name() {
  const cli::Command* cmd = expression_command();
  return cmd ? std::string(cmd->name) : std::string("diff");
}

}  // namespace

std::string greeting(Lang lang, bool color) {
  const std::vector<cli::HelpRow> rows = {
      {{"sin(x^2)"}, tr(lang, "repl.try.bare")},
      {{"d/dx x^2 y"}, tr(lang, "repl.try.ddx")},
      {{"show 2x cos(x^2)"}, tr(lang, "repl.try.show")},
  };
  return bold(tr(lang, "repl.greeting", TUTOR_VERSION), color) + "\n" +
         cli::help_rows(rows, 80, cli::HelpLayout::columns) + tr(lang, "repl.greeting_end") + "\n";
}

std::string prompt_help(Lang lang, bool color, std::size_t width) {
  const std::vector<cli::HelpRow> commands = cli::command_rows({lang, width, false});
  const std::string bare = bare_command_name();
  std::vector<cli::HelpRow> prompt;
  for (const auto& p : prompt_words())
    prompt.push_back({{std::string(p.usage)}, tr(lang, p.help, bare)});
  return bold(tr(lang, "help.commands"), color) + "\n" +
         cli::help_rows(commands, width, cli::HelpLayout::stacked) + "\n" +
         bold(tr(lang, "repl.help.prompt"), color) + "\n" +
         cli::help_rows(prompt, width, cli::HelpLayout::columns) + "\n" +
         cli::wrap_paragraphs(tr(lang, "repl.help.quoting"), width) +
         cli::wrap_paragraphs(tr(lang, "repl.help.keys"), width);
}

}  // namespace tutor::repl
