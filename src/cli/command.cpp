#include "cli/command.hpp"

#include <algorithm>
#include <ostream>

#include "base/errors.hpp"
#include "base/text.hpp"
#include "cli/commands.hpp"

namespace tutor::cli {

bool Invocation::has(std::string_view flag) const {
  return std::find(flags.begin(), flags.end(), flag) != flags.end();
}

std::optional<std::string> Invocation::value(std::string_view option) const {
  auto it = values.find(option);
  if (it == values.end() || it->second.empty()) return std::nullopt;
  return it->second.back();
}

std::vector<std::string> Invocation::all(std::string_view option) const {
  auto it = values.find(option);
  return it == values.end() ? std::vector<std::string>{} : it->second;
}

std::span<const Command> command_table() {
  // In the order of the course: read, differentiate, graph, descend, then practise.
  static const std::vector<Command> table = {
      diff_command(),      show_command(),     parts_command(),    define_command(),
      defs_command(),      undef_command(),    graph_command(),    descent_command(),
      gradients_command(), check_command(),    exercise_command(), practice_command(),
      lesson_command(),    progress_command(), quiz_command(),
  };
  return table;
}

const Command* find_command(std::string_view name) {
  for (const auto& c : command_table()) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

const Command* find_subcommand(const Command& cmd, std::string_view name) {
  for (const auto& s : cmd.subcommands) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

const OptionSpec* find_option(const Command& cmd, std::string_view name) {
  for (const auto& o : cmd.options) {
    if (o.name == name) return &o;
  }
  return nullptr;
}

std::vector<std::string> similar_words(std::string_view word,
                                       std::span<const std::string_view> candidates) {
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (std::string_view c : candidates) {
    std::size_t d = edit_distance(word, c);
    if (d <= 2 && d < c.size())
      scored.emplace_back(d, std::string(c));
    else if (c.starts_with(word) && word.size() >= 2)
      scored.emplace_back(0, std::string(c));
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  out.reserve(scored.size());
  for (auto& [d, s] : scored) out.push_back(std::move(s));
  return out;
}

std::vector<std::string> similar_commands(std::string_view name) {
  std::vector<std::string_view> names;
  for (const auto& c : command_table()) names.push_back(c.name);
  return similar_words(name, names);
}

Message unknown_subcommand(const Command& cmd, std::string_view word) {
  std::vector<std::string_view> names;
  std::string listed;
  for (const auto& s : cmd.subcommands) {
    names.push_back(s.name);
    listed += (listed.empty() ? "" : ", ") + std::string(s.name);
  }
  auto similar = similar_words(word, names);
  const std::string guess = !similar.empty() ? similar.front()
                            : names.empty()  ? std::string()
                                             : std::string(names[0]);
  return Message{"cli.unknown_subcommand", {std::string(cmd.name), sanitize(word), guess, listed}};
}

int dispatch(const Command& cmd, const Invocation& inv, Context& ctx) {
  try {
    return cmd.run(inv, ctx);
  } catch (const Error& e) {
    *ctx.err << format_error(ctx.lang, e, ctx.ascii);
    return 2;
  } catch (const std::bad_alloc&) {
    *ctx.err << tr(ctx.lang, "error.prefix") << ": " << tr(ctx.lang, "error.too_big") << "\n";
    return 2;
  } catch (const std::exception& e) {
    *ctx.err << tr(ctx.lang, "error.prefix") << ": "
             << tr(ctx.lang, "error.internal", sanitize(e.what(), ctx.ascii)) << "\n";
    return 2;
  }
}

std::span<const OptionSpec> global_options() {
  static const std::vector<OptionSpec> opts = {
      {"--lang", "ko|en", "opt.lang", false, {"ko", "en"}},
      {"--ascii", "", "opt.ascii"},
      {"--def", "F(X)=EXPR", "opt.def", true},
      {"--color", "WHEN", "opt.color", false, {"auto", "always", "never"}},
  };
  return opts;
}

}  // namespace tutor::cli
