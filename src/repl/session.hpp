// Running one prompt line through the command table: the part of the prompt that is the
// same on a terminal and for a piped script.
#pragma once

#include <string_view>

#include "cli/command.hpp"

namespace tutor::repl {

// What a shell reports for a command ended by Ctrl-C (128 + SIGINT).
inline constexpr int kInterruptedStatus = 130;

struct Outcome {
  // As the command line would exit: 0 fine, 1 a wrong answer, 2 bad input,
  // kInterruptedStatus stopped by Ctrl-C.
  int status = 0;
  bool quit = false;  // quit or exit was typed
};

// Splits TEXT (see line.hpp) and does what it asks, writing results on ctx.out and errors
// (with the caret, coloured when ctx.color) on ctx.err. LINE_NUMBER, when not 0, starts
// each error ("line 3: error: ..."), for scripts. `lang` changes ctx.lang. A command
// stopped by tutor::Interrupted (see base/interrupt.hpp) prints "interrupted", clears the
// interrupt and leaves ctx.last as it was. Never throws.
Outcome run_line(std::string_view text, cli::Context& ctx, std::size_t line_number = 0);

}  // namespace tutor::repl
