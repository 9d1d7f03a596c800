// The one command table behind both front ends: `tutor diff x^2` on the command line and
// `diff x^2` at the prompt find the same entry, take the same options, and run the same
// handler. Help, synopses, completion and "did you mean" read the same table.
#pragma once

#include <ginac/ginac.h>

#include <cstddef>
#include <iosfwd>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/i18n.hpp"
#include "math/symbols.hpp"

namespace tutor::cli {

// Help texts are catalogue keys (base/i18n.hpp), so every one exists in both languages: the
// catalogue test fails on a key that is missing or has an empty translation.
struct OptionSpec {
  std::string_view name;        // "--wrt"
  std::string_view value_name;  // "V"; empty for a flag
  std::string_view help;        // catalogue key; {0} in it stands for the choices, "a, b or c"
  bool repeatable = false;
  std::vector<std::string_view> choices = {};  // the values allowed, shown as a|b|c
  bool required = false;  // the command refuses to run without it (checked by the command)
  // The command checks the value against the choices itself, with a message of its own.
  bool own_check = false;
};

// What the user asked for, however it was typed.
struct Invocation {
  std::map<std::string, std::vector<std::string>, std::less<>> values;  // option → values
  std::vector<std::string> flags;                                       // flags given
  std::string expression;          // the rest of the line, or the positional words joined
  std::vector<std::string> words;  // the positional words as given (command line only)

  bool has(std::string_view flag) const;
  std::optional<std::string> value(std::string_view option) const;  // the last one given
  std::vector<std::string> all(std::string_view option) const;
};

// What a command may use: the language, the terminal, and the session's state.
struct Context {
  Lang lang = Lang::en;
  bool ascii = false;        // ASCII math (--ascii, or a non-UTF-8 locale)
  bool color = false;        // colour escapes allowed on out/err
  bool interactive = false;  // a person at a terminal on in/out
  // Columns a line may take: the terminal's width, measured once by the front end
  // (cli/terminal.hpp) and handed to every view.
  std::size_t width = 80;
  std::istream* in = nullptr;
  std::ostream* out = nullptr;
  std::ostream* err = nullptr;
  SymbolTable* syms = nullptr;
  std::optional<GiNaC::ex> last;  // the last result, for `%`
};

struct Command {
  std::string_view name;
  std::string_view help;  // catalogue key, "cmd.diff"
  std::vector<OptionSpec> options;
  bool takes_expression = true;
  // With subcommands: runs when none is named (and says which there are).
  int (*run)(const Invocation&, Context&) = nullptr;
  // The words after the options as the synopsis writes them: "EXPR", "[N]", "NAME...".
  std::string_view argument = "EXPR";
  std::string_view argument_help = "arg.expr";  // catalogue key
  // `quiz check|take|grade`: each its own entry, with its own options, help and handler.
  std::vector<Command> subcommands = {};
  // The words the argument may be, for Tab completion at the prompt (`practice ch` →
  // chain2, chain-long); nullptr: math.
  std::vector<std::string_view> (*argument_words)() = nullptr;
};

// Every command, in the order help lists them.
std::span<const Command> command_table();
const Command* find_command(std::string_view name);
// CMD's subcommand called NAME, or nullptr.
const Command* find_subcommand(const Command& cmd, std::string_view name);
// CMD's option called NAME ("--wrt"), or nullptr.
const OptionSpec* find_option(const Command& cmd, std::string_view name);
// Command names close to NAME, best first, for "did you mean".
std::vector<std::string> similar_commands(std::string_view name);
// The CANDIDATES close to WORD (at most two edits, or WORD a prefix of two letters or
// more), best first. similar_commands is this over the table's names.
std::vector<std::string> similar_words(std::string_view word,
                                       std::span<const std::string_view> candidates);
// The error for WORD after CMD when it names none of CMD's subcommands: "unknown quiz
// command 'chek'; did you mean check? (check, take, grade)".
Message unknown_subcommand(const Command& cmd, std::string_view word);

// Runs CMD, turning every tutor::Error into its message on ctx.err (with the caret for
// expressions) and exit status 2. Never throws.
int dispatch(const Command& cmd, const Invocation& inv, Context& ctx);

// The options every command shares (--lang, --ascii, --def, --color).
std::span<const OptionSpec> global_options();

}  // namespace tutor::cli
