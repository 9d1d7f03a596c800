// Colour for the prompt's own text: headings, the prompt, and error messages. Every
// function returns its input unchanged when colour is off, so callers never branch on it.
#pragma once

#include <string>
#include <string_view>

#include "base/i18n.hpp"

namespace tutor::repl {

std::string bold(std::string_view s, bool color);

// The prompt, with readline's \001 \002 around the escapes so that line editing knows the
// escapes take no columns.
std::string prompt_text(bool color);

// Error output as the command table writes it (format_error): the "error:" prefix in bold
// red and the caret lines in red.
std::string paint_errors(std::string_view text, Lang lang, bool color);

}  // namespace tutor::repl
