#include "repl/line.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

#include "base/errors.hpp"
#include "base/text.hpp"
#include "math/functions.hpp"
#include "math/print.hpp"
#include "math/symbols.hpp"
#include "math/syntax.hpp"

namespace tutor::repl {

namespace {

struct Word {
  std::size_t begin;
  std::size_t end;
};

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}
bool is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::vector<Word> words_from(std::string_view text, std::size_t pos) {
  std::vector<Word> words;
  while (pos < text.size()) {
    while (pos < text.size() && is_space(text[pos])) ++pos;
    if (pos == text.size()) break;
    std::size_t begin = pos;
    while (pos < text.size() && !is_space(text[pos])) ++pos;
    words.push_back({begin, pos});
  }
  return words;
}

// "--wrt" from "--wrt" or "--wrt=x".
std::string_view option_name(std::string_view word) {
  return word.substr(0, std::min(word.find('='), word.size()));
}

// Two dashes and then at least two letters: meant as an option, never as math. "--x" is
// minus minus x.
bool looks_like_option(std::string_view word) {
  std::string_view name = option_name(word);
  if (name.size() < 4 || !name.starts_with("--")) return false;
  return std::all_of(name.begin() + 2, name.end(),
                     [](char c) { return is_ascii_letter(c) || c == '-'; }) &&
         is_ascii_letter(name[2]);
}

// Where a piece of the line goes while the words are read.
struct Segment {
  const cli::OptionSpec* option = nullptr;  // nullptr: the expression
  std::size_t begin = 0;
  std::size_t end = 0;
};

// The options and the expression of CMD in TEXT from POS on (see the rules in line.hpp).
// The expression's pieces are joined with single spaces.
// NAME is the command as the learner knows it ("quiz take"), for errors.
cli::Invocation read_rest(const cli::Command& cmd, std::string_view name, std::string_view text,
                          std::size_t pos) {
  cli::Invocation inv;
  const std::vector<Word> words = words_from(text, pos);
  auto word_at = [&](std::size_t i) {
    return text.substr(words[i].begin, words[i].end - words[i].begin);
  };
  auto is_known = [&](std::size_t i) { return cli::find_option(cmd, option_name(word_at(i))); };

  std::vector<Segment> pieces;
  std::optional<Segment> open;
  bool expression_started = false;
  auto close = [&] {
    if (open) pieces.push_back(*open);
    open.reset();
  };

  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string_view w = word_at(i);
    const cli::OptionSpec* opt = is_known(i);
    if (opt == nullptr && looks_like_option(w)) {
      std::vector<std::string_view> names;
      for (const auto& o : cmd.options) names.push_back(o.name);
      auto close_names = cli::similar_words(option_name(w), names);
      Span span{words[i].begin, words[i].begin + option_name(w).size()};
      if (close_names.empty()) {
        throw Error(Message{"cli.unknown_option", {std::string(option_name(w)), std::string(name)}},
                    span, std::string(text));
      }
      throw Error(Message{"repl.unknown_option_suggest",
                          {std::string(option_name(w)), std::string(name), close_names.front()}},
                  span, std::string(text));
    }
    if (opt == nullptr) {
      if (!open) {
        open = Segment{nullptr, words[i].begin, words[i].end};
        expression_started = true;
      }
      open->end = words[i].end;
      continue;
    }
    close();
    const std::string option(opt->name);
    const std::size_t eq = w.find('=');
    if (opt->value_name.empty()) {
      if (eq != std::string_view::npos) {
        throw Error(Message{"repl.flag_takes_no_value", {option}},
                    Span{words[i].begin + eq, words[i].end}, std::string(text));
      }
      if (!inv.has(option)) inv.flags.push_back(option);
      continue;
    }
    Segment value{opt, 0, 0};
    if (eq != std::string_view::npos) {
      value.begin = words[i].begin + eq + 1;
      value.end = words[i].end;
    } else if (i + 1 < words.size() && !is_known(i + 1)) {
      ++i;
      value.begin = words[i].begin;
      value.end = words[i].end;
    } else {
      throw Error(Message{"cli.needs_value", {option}}, Span{words[i].begin, words[i].end},
                  std::string(text));
    }
    // Before the expression a value is one word; after it, the value runs to the next option.
    if (expression_started) {
      open = value;
    } else {
      pieces.push_back(value);
    }
  }
  close();

  for (const auto& p : pieces) {
    std::string piece(text.substr(p.begin, p.end - p.begin));
    if (p.option == nullptr) {
      if (!inv.expression.empty()) inv.expression += ' ';
      inv.expression += piece;
      continue;
    }
    const auto& choices = p.option->choices;
    if (!choices.empty() && std::find(choices.begin(), choices.end(), piece) == choices.end()) {
      throw Error(
          Message{"cli.bad_value", {std::string(p.option->name), piece, join(choices, ", ")}},
          Span{p.begin, p.end}, std::string(text));
    }
    inv.values[std::string(p.option->name)].push_back(piece);
  }
  return inv;
}

std::vector<std::string> suggestions_for(std::string_view word) {
  std::vector<std::string_view> names;
  for (const auto& c : cli::command_table()) names.push_back(c.name);
  for (const auto& p : prompt_words()) names.insert(names.end(), p.words.begin(), p.words.end());
  return cli::similar_words(word, names);
}

// Rule 4 in line.hpp: a misspelt command rather than a product of variables.
bool looks_like_command(std::string_view word, const cli::Context& ctx) {
  if (word.size() < 3 || !std::all_of(word.begin(), word.end(), is_ascii_letter)) return false;
  if (find_function(word) != nullptr || greek_by_name(word) != nullptr) return false;
  if (ctx.syms != nullptr && ctx.syms->contains(word)) return false;
  return !suggestions_for(word).empty();
}

// Replaces every '%' in S by the last result in parentheses, in one pass.
void substitute_last(std::string& s, const std::string& last) {
  if (s.find('%') == std::string::npos) return;
  std::string out;
  for (char c : s) {
    if (c == '%') {
      out += last;
    } else {
      out += c;
    }
  }
  s = std::move(out);
}

Line run_line_of(const cli::Command& cmd, std::string_view name, std::string_view text,
                 std::size_t pos, const cli::Context& ctx) {
  if (std::size_t pct = text.find('%', pos); pct != std::string_view::npos && !ctx.last) {
    throw Error(Message{"repl.no_last", {}}, Span{pct, pct + 1}, std::string(text));
  }
  Line line;
  line.kind = Line::Kind::run;
  line.command = &cmd;
  line.inv = read_rest(cmd, name, text, pos);
  if (ctx.last) {
    const std::string last = "(" + print(*ctx.last, Style::input) + ")";
    substitute_last(line.inv.expression, last);
    for (auto& [name, values] : line.inv.values) {
      for (auto& v : values) substitute_last(v, last);
    }
  }
  return line;
}

// A bare f''(x), for a defined f: the whole line one primed call. It asks for f″ itself, so it
// is diff --order 2 f(x), not the derivative of f″. Returns the call without its primes and
// the order.
std::optional<std::pair<std::string, int>> primed_call(std::string_view text,
                                                       const cli::Context& ctx) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  std::size_t i = 0;
  while (i < text.size() &&
         (is_ascii_letter(text[i]) || (i > 0 && std::isdigit(static_cast<unsigned char>(text[i])))))
    ++i;
  const std::string name(text.substr(0, i));
  if (name.empty() || ctx.syms == nullptr || ctx.syms->definitions().find(name) == nullptr) {
    return std::nullopt;
  }
  const PrimeRun primes = prime_run(text, i);
  i += primes.bytes;
  const int order = static_cast<int>(primes.count);
  if (order == 0 || i >= text.size() || text[i] != '(' || text.back() != ')') return std::nullopt;
  int depth = 0;
  for (std::size_t k = i; k < text.size(); ++k) {
    depth += text[k] == '(' ? 1 : text[k] == ')' ? -1 : 0;
    if (depth == 0 && k + 1 < text.size()) return std::nullopt;  // f'(x) + 1: an expression
  }
  return std::make_pair(name + std::string(text.substr(i)), order);
}

}  // namespace

std::span<const PromptWord> prompt_words() {
  using Kind = Line::Kind;
  static const std::vector<PromptWord> table = {
      {"EXPR", "repl.help.bare"},
      {"d/dx EXPR", "repl.help.ddx"},
      {"d2/dx2 EXPR, d²/dx² EXPR", "repl.help.d2dx2"},
      {"f(x) = EXPR", "repl.help.define"},
      {"f(g(x)), f'(x), f''(x)", "repl.help.call"},
      {"%", "repl.help.last"},
      {"help [COMMAND]", "repl.help.help", {"help"}, Kind::help},
      {"lang ko|en", "repl.help.lang", {"lang"}, Kind::lang, {"ko", "en"}},
      {"quit, exit, Ctrl-D", "repl.help.quit", {"quit", "exit"}, Kind::quit},
  };
  return table;
}

const PromptWord* find_prompt_word(std::string_view word) {
  for (const auto& p : prompt_words()) {
    if (std::find(p.words.begin(), p.words.end(), word) != p.words.end()) return &p;
  }
  return nullptr;
}

const cli::Command* expression_command() {
  for (std::string_view name : {"diff", "show"}) {
    if (const auto* cmd = cli::find_command(name)) return cmd;
  }
  return nullptr;
}

Line split_line(std::string_view text, const cli::Context& ctx) {
  Line line;
  const std::vector<Word> words = words_from(text, 0);
  if (words.empty() || text[words[0].begin] == '#') return line;
  auto word = [&](std::size_t i) {
    return text.substr(words[i].begin, words[i].end - words[i].begin);
  };
  const std::string_view first = word(0);
  const std::size_t after_first = words[0].end;
  auto rest = [&] {
    std::string_view r = text.substr(after_first);
    while (!r.empty() && is_space(r.front())) r.remove_prefix(1);
    while (!r.empty() && is_space(r.back())) r.remove_suffix(1);
    return std::string(r);
  };

  if (const PromptWord* p = find_prompt_word(first)) {
    line.kind = p->kind;
    if (p->kind == Line::Kind::quit) return line;
    line.word = rest();
    if (p->kind != Line::Kind::help || line.word.empty() || find_prompt_word(line.word)) {
      return line;
    }
    // help COMMAND, or help COMMAND SUBCOMMAND.
    line.command = cli::find_command(word(1));
    const bool sub = line.command != nullptr && !line.command->subcommands.empty();
    if (line.command == nullptr || words.size() > (sub ? 3 : 2)) {
      line.kind = Line::Kind::unknown;
      line.command = nullptr;
      line.suggestions = suggestions_for(line.word);
      return line;
    }
    if (words.size() == 3) {
      const cli::Command* sub = cli::find_subcommand(*line.command, word(2));
      if (sub == nullptr) throw Error(cli::unknown_subcommand(*line.command, word(2)));
      line.parent = line.command;
      line.command = sub;
    }
    return line;
  }
  if (const cli::Command* cmd = cli::find_command(first)) {
    std::size_t next = 1;
    std::string name(cmd->name);
    std::size_t pos = after_first;
    const cli::Command* parent = nullptr;
    // A subcommand is the next word, unless that asks for help with the command itself.
    if (!cmd->subcommands.empty() && words.size() > 1 && word(1) != "--help") {
      const cli::Command* sub = cli::find_subcommand(*cmd, word(1));
      if (sub == nullptr) throw Error(cli::unknown_subcommand(*cmd, word(1)));
      parent = cmd;
      cmd = sub;
      name += " " + std::string(sub->name);
      pos = words[1].end;
      next = 2;
    }
    for (std::size_t i = next; i < words.size(); ++i) {
      if (word(i) == "--help") {
        line.kind = Line::Kind::help;
        line.command = cmd;
        line.parent = parent;
        return line;
      }
    }
    return run_line_of(*cmd, name, text, pos, ctx);
  }

  if (looks_like_definition(text)) {
    if (const cli::Command* define = cli::find_command("define")) {
      return run_line_of(*define, define->name, text, 0, ctx);
    }
  }
  const cli::Command* expr_cmd = expression_command();
  if (looks_like_command(first, ctx)) {
    line.kind = Line::Kind::unknown;
    line.word = std::string(first);
    line.suggestions = suggestions_for(first);
    return line;
  }
  if (expr_cmd == nullptr) {
    throw Error(Message{"repl.no_expression_command", {}}, Span{0, text.size()}, std::string(text));
  }
  if (auto primed = primed_call(text, ctx); primed && cli::find_option(*expr_cmd, "--order")) {
    Line l = run_line_of(*expr_cmd, expr_cmd->name, primed->first, 0, ctx);
    l.inv.values["--order"] = {std::to_string(primed->second)};
    return l;
  }
  return run_line_of(*expr_cmd, expr_cmd->name, text, 0, ctx);
}

}  // namespace tutor::repl
