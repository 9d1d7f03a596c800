// The one command table behind both front ends: `tutor diff x^2` on the command line and
// `diff x^2` at the prompt find the same entry, take the same options, and run the same
// handler. Help, completion and "did you mean" read the same table.
#pragma once

#include <ginac/ginac.h>

#include <iosfwd>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tutor/i18n.hpp"
#include "tutor/symbols.hpp"

namespace tutor::cli {

// Both languages side by side, so a missing translation is a compile-time gap, not a
// runtime one.
struct Text {
  std::string_view en;
  std::string_view ko;
  std::string_view in(Lang lang) const { return lang == Lang::ko ? ko : en; }
};

struct OptionSpec {
  std::string_view name;        // "--wrt"
  std::string_view value_name;  // "V"; empty for a flag
  Text help;
  bool repeatable = false;
  std::vector<std::string_view> choices = {};  // allowed values, when limited
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
  std::istream* in = nullptr;
  std::ostream* out = nullptr;
  std::ostream* err = nullptr;
  SymbolTable* syms = nullptr;
  std::optional<GiNaC::ex> last;  // the last result, for `%`
};

struct Command {
  std::string_view name;
  std::string_view synopsis;  // "diff EXPR [--wrt V]... [--brief]"
  Text help;
  std::vector<OptionSpec> options;
  bool takes_expression = true;
  int (*run)(const Invocation&, Context&) = nullptr;
  // What the words after the options are, for --help.
  std::string_view argument_name = "EXPR";
  Text argument_help = {"an expression, e.g. \"sin(x^2)\"", "식 (예: \"sin(x^2)\")"};
};

// Every command, in the order help lists them.
std::span<const Command> command_table();
const Command* find_command(std::string_view name);
// Command names close to NAME, best first, for "did you mean".
std::vector<std::string> similar_commands(std::string_view name);
// The CANDIDATES close to WORD (at most two edits, or WORD a prefix of two letters or
// more), best first. similar_commands is this over the table's names.
std::vector<std::string> similar_words(std::string_view word,
                                       std::span<const std::string_view> candidates);

// Runs CMD, turning every tutor::Error into its message on ctx.err (with the caret for
// expressions) and exit status 2. Never throws.
int dispatch(const Command& cmd, const Invocation& inv, Context& ctx);

// The options every command shares (--lang, --ascii, --color) and their help.
std::span<const OptionSpec> global_options();

}  // namespace tutor::cli
