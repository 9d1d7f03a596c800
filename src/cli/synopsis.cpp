#include "cli/synopsis.hpp"

namespace tutor::cli {

namespace {

// "--wrt V", "--format text|json", "--brief".
std::string option_with_value(const OptionSpec& o) {
  std::string out(o.name);
  if (!o.choices.empty()) {
    out += ' ';
    for (std::size_t i = 0; i < o.choices.size(); ++i) {
      out += (i == 0 ? "" : "|") + std::string(o.choices[i]);
    }
  } else if (!o.value_name.empty()) {
    out += " " + std::string(o.value_name);
  }
  return out;
}

}  // namespace

std::string option_usage(const OptionSpec& o) {
  const std::string one = option_with_value(o);
  const std::string optional = "[" + one + "]";
  if (o.required) return o.repeatable ? one + " " + optional + "..." : one;
  return o.repeatable ? optional + "..." : optional;
}

std::vector<std::string> synopsis_parts(const Command& cmd, std::string_view path) {
  std::vector<std::string> parts;
  if (!path.empty()) parts.emplace_back(path);
  parts.emplace_back(cmd.name);
  if (!cmd.subcommands.empty()) {
    std::string names;
    for (const auto& s : cmd.subcommands) names += (names.empty() ? "" : "|") + std::string(s.name);
    parts.push_back(names);
    parts.emplace_back("...");
    return parts;
  }
  if (cmd.takes_expression && !cmd.argument.empty()) parts.emplace_back(cmd.argument);
  for (const auto& o : cmd.options) {
    if (o.required) parts.push_back(option_usage(o));
  }
  for (const auto& o : cmd.options) {
    if (!o.required) parts.push_back(option_usage(o));
  }
  return parts;
}

std::string synopsis(const Command& cmd, std::string_view path) {
  std::string out;
  for (const auto& p : synopsis_parts(cmd, path)) out += (out.empty() ? "" : " ") + p;
  return out;
}

}  // namespace tutor::cli
