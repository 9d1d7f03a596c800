#include "repl/complete.hpp"

#include <algorithm>
#include <set>

#include "math/functions.hpp"
#include "math/symbols.hpp"
#include "repl/line.hpp"

namespace tutor::repl {

namespace {

// The words of S, split at spaces and tabs.
std::vector<std::string_view> words_of(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t b = s.find_first_not_of(" \t");
  while (b != std::string_view::npos) {
    std::size_t e = s.find_first_of(" \t", b);
    out.push_back(s.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b));
    b = e == std::string_view::npos ? e : s.find_first_not_of(" \t", e);
  }
  return out;
}

void add_math(std::set<std::string>& out, const cli::Context& ctx) {
  for (const auto& f : function_names()) out.insert(std::string(f.spelling) + "(");
  if (ctx.syms != nullptr) {
    for (auto& v : ctx.syms->names()) out.insert(v);
    for (const auto& d : ctx.syms->definitions().all()) out.insert(d.name + "(");
  }
}

}  // namespace

std::string_view word_breaks(std::string_view line, std::size_t point) {
  point = std::min(point, line.size());
  std::size_t start = line.find_last_of(" \t", point == 0 ? 0 : point - 1);
  start = (start == std::string_view::npos || point == 0) ? 0 : start + 1;
  if (line.substr(start, point - start).starts_with("--")) return " \t\n";
  // The argument of a command with words of its own (`practice chain-l`) is one word.
  const std::vector<std::string_view> typed = words_of(line.substr(0, start));
  const cli::Command* cmd = typed.empty() ? nullptr : cli::find_command(typed.front());
  if (cmd != nullptr && cmd->argument_words != nullptr) return " \t\n";
  return kMathBreaks;
}

std::vector<std::string> completions(std::string_view before, std::string_view word,
                                     const cli::Context& ctx) {
  std::set<std::string> all;
  const std::vector<std::string_view> typed = words_of(before);
  const std::string_view first = typed.empty() ? std::string_view() : typed.front();
  const cli::Command* cmd = cli::find_command(first);
  // `quiz take --st`: the options are the subcommand's.
  const cli::Command* sub =
      cmd != nullptr && typed.size() > 1 ? cli::find_subcommand(*cmd, typed[1]) : nullptr;
  const PromptWord* prompt = find_prompt_word(first);
  if (word.starts_with("--")) {
    const cli::Command* target = sub != nullptr ? sub : cmd;
    if (target == nullptr && prompt == nullptr) target = expression_command();
    if (target != nullptr) {
      for (const auto& o : target->options) all.insert(std::string(o.name));
      all.insert("--help");
    }
  } else if (typed.empty()) {
    for (const auto& c : cli::command_table()) all.insert(std::string(c.name));
    for (const auto& p : prompt_words()) all.insert(p.words.begin(), p.words.end());
    add_math(all, ctx);
  } else if (cmd != nullptr && !cmd->subcommands.empty() && typed.size() == 1) {
    for (const auto& s : cmd->subcommands) all.insert(std::string(s.name));
  } else if (prompt != nullptr && prompt->kind == Line::Kind::help) {
    const cli::Command* topic = typed.size() > 1 ? cli::find_command(typed[1]) : nullptr;
    if (typed.size() == 1) {
      for (const auto& c : cli::command_table()) all.insert(std::string(c.name));
    } else if (typed.size() == 2 && topic != nullptr) {
      for (const auto& s : topic->subcommands) all.insert(std::string(s.name));
    }
  } else if (prompt != nullptr) {
    all.insert(prompt->arguments.begin(), prompt->arguments.end());
  } else if (cmd != nullptr && cmd->argument_words != nullptr) {
    for (auto w : cmd->argument_words()) all.insert(std::string(w));
  } else if (sub == nullptr) {
    add_math(all, ctx);  // a subcommand's words are file names, not math
  }
  std::vector<std::string> out;
  for (const auto& c : all) {
    if (std::string_view(c).starts_with(word)) out.push_back(c);
  }
  return out;
}

}  // namespace tutor::repl
