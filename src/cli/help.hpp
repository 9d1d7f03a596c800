// All help the tutor prints, drawn from the command table and laid out by one renderer:
// `tutor --help`, `tutor CMD --help`, and at the prompt `help` and `help CMD`, in either
// language. Lines stay within the width given where the words allow (a word wider than the
// line is cut).
//
//   tutor::cli::command_help(*tutor::cli::find_command("diff"), {tutor::Lang::en, 80, true});
//   // "usage: tutor diff EXPR [--wrt V]... [--order N] [--at V=N,...] [--brief]\n..."
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cli/command.hpp"

namespace tutor::cli {

// Where the help is shown, and how wide it may be.
struct HelpView {
  Lang lang = Lang::en;
  std::size_t width = 80;
  bool command_line = true;  // `tutor CMD --help`: "tutor " before synopses, global options
};

// One entry of a list: what to type, and what it does.
struct HelpRow {
  std::vector<std::string> usage;  // pieces a line may break between (see synopsis_parts)
  std::string text;                // one or more paragraphs, separated by '\n'
};

enum class HelpLayout {
  stacked,  // the usage on its lines, the text under it, indented
  columns,  // the usage in a first column, the text wrapped in a second
};

// ROWS laid out within WIDTH columns, each line indented by two spaces. In columns, a usage
// too wide for the first column (at most 24) takes a line of its own, its text under it.
std::string help_rows(std::span<const HelpRow> rows, std::size_t width, HelpLayout layout);

// TEXT's paragraphs (split at '\n') wrapped within WIDTH, every line after INDENT.
std::string wrap_paragraphs(std::string_view text, std::size_t width, std::string_view indent = "");

// "a, b or c" in English, "a, b, c" in Korean.
std::string choice_list(Lang lang, std::span<const std::string_view> choices);

// An option's help in LANG, its choices filled in.
std::string option_text(const OptionSpec& o, Lang lang);

// Every command as a row, a command with subcommands as one row for each of them.
std::vector<HelpRow> command_rows(const HelpView& view);

// `tutor --help`: what the tutor is, its usage, the commands, the options of every command,
// and examples.
std::string overview(const HelpView& view);

// One command in full: usage, what it does, its argument, its options (and on the command
// line those of every command), or its subcommands. PATH is the parent's name for a
// subcommand ("quiz").
std::string command_help(const Command& cmd, const HelpView& view, std::string_view path = "");

}  // namespace tutor::cli
