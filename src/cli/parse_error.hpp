// The command line's parse errors in the learner's language. CLI11 writes its errors in English
// only; the ones a learner meets (an argument that is not expected, a value outside an
// option's choices, an option without its value) are said again from the catalogue.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "base/i18n.hpp"

namespace tutor::cli {

// E, raised for the command line ARGS, in LANG. An error of another kind, or one whose text
// CLI11 words differently, is passed through as CLI11 wrote it. Never throws.
std::string parse_error_text(const CLI::ParseError& e, const std::vector<std::string>& args,
                             Lang lang);

}  // namespace tutor::cli
