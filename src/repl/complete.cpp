#include "repl/complete.hpp"

#include <algorithm>
#include <set>

#include "repl/line.hpp"
#include "tutor/functions.hpp"
#include "tutor/symbols.hpp"

namespace tutor::repl {

namespace {

bool is_blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t'; });
}

std::string_view first_word(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  std::size_t e = s.find_first_of(" \t", b);
  return s.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b);
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
  return kMathBreaks;
}

std::vector<std::string> completions(std::string_view before, std::string_view word,
                                     const cli::Context& ctx) {
  std::set<std::string> all;
  const std::string_view first = first_word(before);
  if (word.starts_with("--")) {
    const cli::Command* cmd = cli::find_command(first);
    if (cmd == nullptr) cmd = expression_command();
    if (cmd != nullptr) {
      for (const auto& o : cmd->options) all.insert(std::string(o.name));
      all.insert("--help");
    }
  } else if (is_blank(before)) {
    for (const auto& c : cli::command_table()) all.insert(std::string(c.name));
    for (auto w : kPromptWords) all.insert(std::string(w));
    add_math(all, ctx);
  } else if (first == "help" && is_blank(before.substr(before.find("help") + 4))) {
    for (const auto& c : cli::command_table()) all.insert(std::string(c.name));
  } else if (first == "lang") {
    all = {"en", "ko"};
  } else {
    add_math(all, ctx);
  }
  std::vector<std::string> out;
  for (const auto& c : all) {
    if (std::string_view(c).starts_with(word)) out.push_back(c);
  }
  return out;
}

}  // namespace tutor::repl
