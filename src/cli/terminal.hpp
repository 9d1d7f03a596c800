// How wide the learner's terminal is. The front end measures it once into Context::width,
// and every view lays itself out for that width.
#pragma once

#include <cstddef>

#include "cli/command.hpp"

namespace tutor::cli {

// Text wider than this is hard to read, however wide the terminal.
inline constexpr std::size_t kMaxWidth = 100;

// The terminal's width when ctx.out is the process's stdout on a terminal, else $COLUMNS,
// else 80; between 20 and kMaxWidth.
std::size_t terminal_width(const Context& ctx);

}  // namespace tutor::cli
