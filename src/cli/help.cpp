#include "cli/help.hpp"

#include <algorithm>

#include "tutor/text.hpp"

namespace tutor::cli {

std::string overview(Lang lang) {
  std::string out = tr(lang, "cli.description") + "\n\n" + tr(lang, "help.commands") + "\n";
  std::size_t width = 0;
  for (const auto& c : command_table()) width = std::max(width, display_width(c.synopsis));
  for (const auto& c : command_table()) {
    out += "  " + pad_right(c.synopsis, width + 2) + std::string(c.help.in(lang)) + "\n";
  }
  out += "\n" + tr(lang, "cli.footer") + "\n";
  return out;
}

std::string command_help(const Command& cmd, Lang lang) {
  std::string out = tr(lang, "help.usage") + ": " + std::string(cmd.synopsis) + "\n  " +
                    std::string(cmd.help.in(lang)) + "\n";
  if (cmd.options.empty()) return out;
  out += "\n" + tr(lang, "help.options") + "\n";
  std::size_t width = 0;
  auto label = [](const OptionSpec& o) {
    return std::string(o.name) + (o.value_name.empty() ? "" : " " + std::string(o.value_name));
  };
  for (const auto& o : cmd.options) width = std::max(width, display_width(label(o)));
  for (const auto& o : cmd.options) {
    out += "  " + pad_right(label(o), width + 2) + std::string(o.help.in(lang)) + "\n";
  }
  return out;
}

}  // namespace tutor::cli
