#include "cli/help.hpp"

#include <algorithm>

#include "base/table.hpp"
#include "base/text.hpp"
#include "cli/synopsis.hpp"
#include "course/markdown.hpp"

namespace tutor::cli {

namespace {

constexpr std::string_view kIndent = "  ";
// A synopsis that goes on to another line continues under its first argument, past the name.
constexpr std::string_view kUsageRest = "        ";
// The text under a stacked usage.
constexpr std::string_view kTextIndent = "    ";
// The first column of a columns layout is at most this wide; wider usages stand alone.
constexpr std::size_t kMaxFirstColumn = 24;

// PARTS joined with spaces, broken between pieces so that each line fits WIDTH: the first
// line after FIRST, the others after REST. A piece wider than a line stands alone.
std::vector<std::string> wrap_parts(const std::vector<std::string>& parts, std::size_t width,
                                    std::string_view first, std::string_view rest) {
  std::vector<std::string> lines;
  std::string line(first);
  bool empty = true;
  for (const auto& p : parts) {
    if (!empty && display_width(line) + 1 + display_width(p) > width) {
      lines.push_back(line);
      line = std::string(rest);
      empty = true;
    }
    line += (empty ? "" : " ") + p;
    empty = false;
  }
  if (!empty) lines.push_back(line);
  return lines;
}

std::string option_usage_in_list(const OptionSpec& o) {
  return std::string(o.name) + (o.value_name.empty() ? "" : " " + std::string(o.value_name));
}

std::string section(Lang lang, std::string_view heading_key, const std::vector<HelpRow>& rows,
                    std::size_t width, HelpLayout layout) {
  if (rows.empty()) return "";
  return "\n" + tr(lang, heading_key) + "\n" + help_rows(rows, width, layout);
}

std::vector<HelpRow> option_rows(std::span<const OptionSpec> options, Lang lang) {
  std::vector<HelpRow> rows;
  for (const auto& o : options) rows.push_back({{option_usage_in_list(o)}, option_text(o, lang)});
  return rows;
}

std::string prefix_of(const HelpView& view, std::string_view path) {
  std::string out = view.command_line ? "tutor" : "";
  if (!path.empty()) out += (out.empty() ? "" : " ") + std::string(path);
  return out;
}

}  // namespace

std::string wrap_paragraphs(std::string_view text, std::size_t width, std::string_view indent) {
  std::string out;
  for (const auto& para : split_lines(text)) {
    if (para.empty()) {
      out += "\n";
      continue;
    }
    // A paragraph's own indentation (an example under "Examples:") is kept on every line.
    const std::size_t own = para.find_first_not_of(' ');
    const std::string prefix = std::string(indent) + para.substr(0, own);
    for (const auto& l : wrap_text(std::string_view(para).substr(own), width, prefix, prefix)) {
      out += l + "\n";
    }
  }
  return out;
}

std::string help_rows(std::span<const HelpRow> rows, std::size_t width, HelpLayout layout) {
  if (layout == HelpLayout::stacked) {
    std::string out;
    const std::string first(kIndent), rest = std::string(kIndent) + std::string(kUsageRest);
    for (const auto& r : rows) {
      for (const auto& l : wrap_parts(r.usage, width, first, rest)) out += l + "\n";
      if (!r.text.empty()) {
        out += wrap_paragraphs(r.text, width, std::string(kIndent) + std::string(kTextIndent));
      }
    }
    return out;
  }
  std::size_t first = 0;
  for (const auto& r : rows) {
    const std::size_t w = display_width(join(r.usage, " "));
    if (w <= kMaxFirstColumn) first = std::max(first, w);
  }
  TableOptions options;
  options.indent = std::string(kIndent);
  TextTable t(options);
  t.width_at_least(0, first);
  const std::size_t used = kIndent.size() + first + 2;
  // However narrow the terminal, a few words go on each line.
  const std::size_t text_width = width > used ? std::max<std::size_t>(width - used, 20) : 20;
  for (const auto& r : rows) {
    const std::string usage = join(r.usage, " ");
    std::string text;
    for (const auto& para : split_lines(r.text)) {
      for (const auto& l : wrap_text(para, text_width)) text += (text.empty() ? "" : "\n") + l;
    }
    if (display_width(usage) > first) {
      t.add_row({usage});  // spans both columns: the first stays narrow
      t.add_row({"", text});
    } else {
      t.add_row({usage, text});
    }
  }
  return t.str();
}

std::string choice_list(Lang lang, std::span<const std::string_view> choices) {
  if (choices.empty()) return "";
  std::string head;
  for (std::size_t i = 0; i + 1 < choices.size(); ++i) {
    head += (i == 0 ? "" : ", ") + std::string(choices[i]);
  }
  if (head.empty()) return std::string(choices.back());
  return tr(lang, "help.or", head, choices.back());
}

std::string option_text(const OptionSpec& o, Lang lang) {
  return tr(lang, o.help, choice_list(lang, o.choices));
}

std::vector<HelpRow> command_rows(const HelpView& view) {
  std::vector<HelpRow> rows;
  const std::string prefix = prefix_of(view, "");
  for (const auto& c : command_table()) {
    if (c.subcommands.empty()) {
      rows.push_back({synopsis_parts(c, prefix), tr(view.lang, c.help)});
      continue;
    }
    const std::string path =
        prefix.empty() ? std::string(c.name) : prefix + " " + std::string(c.name);
    for (const auto& s : c.subcommands) {
      rows.push_back({synopsis_parts(s, path), tr(view.lang, s.help)});
    }
  }
  return rows;
}

std::string overview(const HelpView& view) {
  const Lang lang = view.lang;
  std::string out = wrap_paragraphs(tr(lang, "cli.description"), view.width);
  out += "\n" + tr(lang, "help.usage") + ": " + tr(lang, "help.command_line") + "\n";
  out += section(lang, "help.commands", command_rows(view), view.width, HelpLayout::stacked);
  std::vector<HelpRow> options = option_rows(global_options(), lang);
  options.push_back({{"-h, --help"}, tr(lang, "opt.help")});
  options.push_back({{"--version"}, tr(lang, "opt.version")});
  out += section(lang, "help.global_options", options, view.width, HelpLayout::columns);
  return out + "\n" + wrap_paragraphs(tr(lang, "cli.footer"), view.width);
}

std::string command_help(const Command& cmd, const HelpView& view, std::string_view path) {
  const Lang lang = view.lang;
  const std::string prefix = prefix_of(view, path);
  const std::string usage = tr(lang, "help.usage") + ":";
  std::string out;
  for (const auto& l :
       wrap_parts(synopsis_parts(cmd, prefix), view.width, usage + " ", std::string(kUsageRest))) {
    out += l + "\n";
  }
  out += wrap_paragraphs(tr(lang, cmd.help), view.width, kIndent);
  if (!cmd.subcommands.empty()) {
    const std::string own =
        prefix.empty() ? std::string(cmd.name) : prefix + " " + std::string(cmd.name);
    std::vector<HelpRow> rows;
    for (const auto& s : cmd.subcommands) {
      rows.push_back({synopsis_parts(s, own), tr(lang, s.help)});
    }
    out += section(lang, "help.commands", rows, view.width, HelpLayout::stacked);
  }
  if (cmd.takes_expression && !cmd.argument.empty()) {
    const std::vector<HelpRow> argument = {
        {{std::string(cmd.argument)}, tr(lang, cmd.argument_help)}};
    out += section(lang, "help.arguments", argument, view.width, HelpLayout::columns);
  }
  std::vector<HelpRow> options = option_rows(cmd.options, lang);
  // The prompt reads only --help.
  options.push_back({{view.command_line ? "-h, --help" : "--help"}, tr(lang, "opt.help")});
  out += section(lang, "help.options", options, view.width, HelpLayout::columns);
  if (view.command_line) {
    out += section(lang, "help.global_options", option_rows(global_options(), lang), view.width,
                   HelpLayout::columns);
  }
  return out;
}

}  // namespace tutor::cli
