// The command-line front end: `tutor [global options] COMMAND [options] EXPR...`.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace tutor::cli {

// Parses ARGS (without the program name) and runs the command. With no command it starts
// the prompt. Returns the exit status: 0 success, 1 a wrong answer, 2 bad input or usage.
int run(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
        std::ostream& err);

}  // namespace tutor::cli
