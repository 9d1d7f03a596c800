// Tab completion at the prompt, worked out apart from readline so it can be tested.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cli/command.hpp"

namespace tutor::repl {

// The characters that end a word inside math (so `2*si` completes `si`).
inline constexpr std::string_view kMathBreaks = " \t\n()+-*/^,=%<>[]{}";

// The characters readline should split words at when the cursor is at POINT in LINE: only
// spaces inside an option (`--wr`) and after a command with argument words (`practice
// chain-l`), the math ones everywhere else.
std::string_view word_breaks(std::string_view line, std::size_t point);

// What WORD may become, sorted. BEFORE is the line up to the word. At the start of the
// line: command names, prompt words, functions and variables; after a command with
// subcommands (`quiz `): their names; after `help`: command names, then a command's
// subcommands; after `lang`: ko and en; after a command with argument words (`practice `):
// those; a word starting with `--`: the options of the line's
// command or subcommand; elsewhere: functions (with their opening parenthesis) and the
// session's variables.
std::vector<std::string> completions(std::string_view before, std::string_view word,
                                     const cli::Context& ctx);

}  // namespace tutor::repl
