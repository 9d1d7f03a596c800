// Help text drawn from the command table.
#pragma once

#include <string>

#include "cli/command.hpp"

namespace tutor::cli {

// Every command with its synopsis and one line of help.
std::string overview(Lang lang);

// One command in full: synopsis, help, and its options.
std::string command_help(const Command& cmd, Lang lang);

}  // namespace tutor::cli
