#include "cli/help.hpp"

#include "tutor/table.hpp"

namespace tutor::cli {

std::string overview(Lang lang) {
  TextTable t({.indent = "  "});
  for (const auto& c : command_table())
    t.add_row({std::string(c.synopsis), std::string(c.help.in(lang))});
  return tr(lang, "cli.description") + "\n\n" + tr(lang, "help.commands") + "\n" + t.str() + "\n" +
         tr(lang, "cli.footer") + "\n";
}

std::string command_help(const Command& cmd, Lang lang) {
  std::string out = tr(lang, "help.usage") + ": " + std::string(cmd.synopsis) + "\n  " +
                    std::string(cmd.help.in(lang)) + "\n";
  if (cmd.options.empty()) return out;
  TextTable t({.indent = "  "});
  for (const auto& o : cmd.options) {
    t.add_row({std::string(o.name) + (o.value_name.empty() ? "" : " " + std::string(o.value_name)),
               std::string(o.help.in(lang))});
  }
  return out + "\n" + tr(lang, "help.options") + "\n" + t.str();
}

}  // namespace tutor::cli
