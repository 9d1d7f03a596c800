// Reading one line typed at the prompt: which command it asks for, with which options and
// which expression. No quoting is needed, because math has spaces:
//
//   diff --wrt x (x + 8) * y          diff, --wrt x, expression "(x + 8) * y"
//   check sin(x^2) --answer 2x cos(x^2)
//   sin(x^2)                          a bare expression: diff of it
//   d/dx x^2 y                        diff --wrt x
//   %  ,  diff %                      % is the last result, in input form and in parentheses
//
// The rules, in order:
// 1. A blank line, or one starting with '#', asks for nothing.
// 2. The first word (the text up to the first space) is a command when it is exactly a name
//    in the command table or a prompt word (help, quit, exit, lang). `sin(x)` and `x` are not
//    names, so they are expressions; `diff(x)` is not the word `diff` either. A command with
//    subcommands (quiz) takes the next word as the subcommand's name.
// 3. `d/dV EXPR` is a bare expression too, and diff reads it as diff --wrt V.
// 4. A line shaped like a definition, `f(x) = x^2`, runs `define`.
// 5. A first word that is not a command but looks like a misspelt one (three or more ASCII
//    letters, not a function, a Greek letter or a variable already used in the session, and
//    within two edits of a command) is an unknown command, with suggestions.
// 6. Anything else is a bare expression, for diff.
//
// After the command word: before the expression, each option takes one word (`--wrt x`) or
// `--name=value`; flags take none. The expression starts at the first word that is not an
// option and runs to the next option of that command. After the expression, an option's
// value runs to the next option of the command, or to the end of the line, so
// `--answer 2x cos(x^2)` needs no quotes. A word like `--brif` (two dashes and two or more
// letters) that is not an option of the command is an error; `--x` stays math (minus minus x).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cli/command.hpp"

namespace tutor::repl {

struct Line {
  enum class Kind {
    blank,    // nothing to do
    run,      // run `command` with `inv`
    help,     // help; `command` is the topic, or nullptr for the overview
    lang,     // switch language: `word` is the argument ("" to show the current one)
    quit,     // quit or exit
    unknown,  // `word` is not a command; `suggestions` are close ones
  };
  Kind kind = Kind::blank;
  const cli::Command* command = nullptr;
  const cli::Command* parent = nullptr;  // `command` is its subcommand (quiz for quiz take)
  cli::Invocation inv;
  std::string word;
  std::vector<std::string> suggestions;
};

// What the prompt understands besides the command table, in the order `help` lists it: the
// words it answers to, and the shapes of line it reads (a bare expression, d/dx, a definition,
// %). Help and completion read it.
struct PromptWord {
  std::string_view usage;  // as help shows it: "lang ko|en"
  std::string_view help;   // catalogue key; {0} in it is the command a bare expression runs
  std::vector<std::string_view> words = {};  // the first words that ask for it; none for a shape
  Line::Kind kind = Line::Kind::run;
  std::vector<std::string_view> arguments = {};  // what may follow the word (lang: ko, en)
};
std::span<const PromptWord> prompt_words();

// The prompt word WORD ("quit"), or nullptr.
const PromptWord* find_prompt_word(std::string_view word);

// Splits TEXT into what it asks for, using ctx.last for `%` and ctx.syms for the names
// already used. Throws tutor::Error (with a span into TEXT, or into the expression after
// `%` was replaced) for an unknown option, a missing or disallowed option value, `%` before
// any result, and a bare expression when the table has no command for one.
Line split_line(std::string_view text, const cli::Context& ctx);

// The command a bare expression (and `d/dx`) runs: diff, or show in a build without diff.
const cli::Command* expression_command();

}  // namespace tutor::repl
