// The entries of the command table, one file each.
#pragma once

#include "cli/command.hpp"

namespace tutor::cli {

Command show_command();
Command parts_command();
Command define_command();
Command defs_command();
Command undef_command();
Command diff_command();
Command check_command();
Command exercise_command();
Command descent_command();
Command gradients_command();
Command graph_command();
Command quiz_command();
Command lesson_command();
Command progress_command();
Command practice_command();

}  // namespace tutor::cli
