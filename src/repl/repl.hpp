// The prompt: `tutor` with no command.
#pragma once

#include "cli/command.hpp"

namespace tutor::repl {

// Runs the prompt on ctx's streams until the input ends. Returns the exit status.
int run(cli::Context& ctx);

}  // namespace tutor::repl
