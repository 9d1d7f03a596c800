// The entries of the command table, one file each.
#pragma once

#include "cli/command.hpp"

namespace tutor::cli {

Command show_command();
Command diff_command();

}  // namespace tutor::cli
