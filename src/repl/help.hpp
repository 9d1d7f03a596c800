// What the prompt says on its own: the greeting and `help`.
#pragma once

#include <cstddef>
#include <string>

#include "base/i18n.hpp"

namespace tutor::repl {

// The greeting on a terminal: three lines to try, and how to get help and leave.
std::string greeting(Lang lang, bool color);

// `help` at the prompt: the command table, then what only the prompt understands (the prompt
// words of repl/line.hpp), within WIDTH columns where the words allow.
std::string prompt_help(Lang lang, bool color, std::size_t width);

}  // namespace tutor::repl
