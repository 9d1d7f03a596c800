// A command's synopsis, generated from its table row so that it always says what the command
// takes: the argument, then the required options and then the others, each group in table
// order; optional ones in brackets, a repeatable one followed by "...", a limited value as
// its choices a|b|c.
//
//   tutor::cli::synopsis(*tutor::cli::find_command("diff"));
//   // "diff EXPR [--wrt V]... [--order N] [--at V=N,...] [--brief] [--format text|json|latex]"
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cli/command.hpp"

namespace tutor::cli {

// One option as the synopsis writes it: "[--wrt V]...", "--lr R [--lr R]...", "[--brief]".
std::string option_usage(const OptionSpec& o);

// The synopsis in pieces that a line may break between: "diff", "EXPR", "[--wrt V]...", ...
// PATH is the parent's name for a subcommand ("quiz"). A command with subcommands reads
// "quiz check|take|grade ...". Costs one pass over the options.
std::vector<std::string> synopsis_parts(const Command& cmd, std::string_view path = "");

// The pieces joined with spaces.
std::string synopsis(const Command& cmd, std::string_view path = "");

}  // namespace tutor::cli
