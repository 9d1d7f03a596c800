// Help drawn from the command table, in one layout.
#include "cli/help.hpp"

#include <gtest/gtest.h>

#include "base/text.hpp"
#include "cli/synopsis.hpp"
#include "repl/help.hpp"

namespace tutor::cli {
namespace {

// The widest line of TEXT, in display columns.
std::size_t widest(const std::string& text) {
  std::size_t w = 0;
  for (const auto& l : split_lines(text)) w = std::max(w, display_width(l));
  return w;
}

TEST(Help, RowsStackedAndInColumns) {
  const std::vector<HelpRow> rows = {{{"diff", "EXPR", "[--brief]"}, "Differentiate."},
                                     {{"--wrt", "V"}, "the variable"}};
  EXPECT_EQ(help_rows(rows, 80, HelpLayout::stacked),
            "  diff EXPR [--brief]\n      Differentiate.\n  --wrt V\n      the variable\n");
  EXPECT_EQ(help_rows(rows, 80, HelpLayout::columns),
            "  diff EXPR [--brief]  Differentiate.\n  --wrt V              the variable\n");
  // A long usage breaks between its pieces, under the first argument.
  EXPECT_EQ(help_rows({{{{"diff", "EXPR", "[--brief]"}, "d"}}}, 16, HelpLayout::stacked),
            "  diff EXPR\n          [--brief]\n      d\n");
}

TEST(Help, ColumnsWrapTheTextAndLetWideUsagesStandAlone) {
  const std::vector<HelpRow> rows = {
      {{"--at", "V=N,..."}, "also give the derivative's value at this point"},
      {{"--a-very-long-option-name", "VALUE"}, "short"}};
  EXPECT_EQ(help_rows(rows, 44, HelpLayout::columns),
            "  --at V=N,...  also give the derivative's\n"
            "                value at this point\n"
            "  --a-very-long-option-name VALUE\n"
            "                short\n");
}

TEST(Help, ChoicesReadAsAList) {
  const std::string_view three[] = {"text", "json", "latex"};
  EXPECT_EQ(choice_list(Lang::en, three), "text, json or latex");
  EXPECT_EQ(choice_list(Lang::ko, three), "text, json, latex");
  const std::string_view one[] = {"text"};
  EXPECT_EQ(choice_list(Lang::en, one), "text");
  EXPECT_EQ(option_text(*find_option(*find_command("diff"), "--format"), Lang::en),
            "output format: text, json or latex");
}

TEST(Help, EveryHelpFitsEightyColumnsInBothLanguages) {
  for (Lang lang : {Lang::en, Lang::ko}) {
    for (bool command_line : {true, false}) {
      const HelpView view{lang, 80, command_line};
      EXPECT_LE(widest(overview(view)), 80u);
      for (const auto& c : command_table()) {
        EXPECT_LE(widest(command_help(c, view)), 80u) << c.name;
        for (const auto& s : c.subcommands) {
          EXPECT_LE(widest(command_help(s, view, c.name)), 80u) << c.name << " " << s.name;
        }
      }
    }
    EXPECT_LE(widest(repl::prompt_help(lang, false, 80)), 80u);
  }
}

TEST(Help, OverviewListsEveryCommandAndSubcommand) {
  const std::string text = overview({Lang::en, 200, true});
  for (const auto& c : command_table()) {
    if (c.subcommands.empty()) {
      EXPECT_NE(text.find(synopsis(c, "tutor")), std::string::npos) << c.name;
    }
    for (const auto& s : c.subcommands) {
      EXPECT_NE(text.find(synopsis(s, "tutor " + std::string(c.name))), std::string::npos)
          << s.name;
    }
  }
  EXPECT_NE(text.find("--version"), std::string::npos);
}

TEST(Help, OneCommandInFull) {
  const std::string en = command_help(*find_command("check"), {Lang::en, 80, true});
  EXPECT_EQ(en.rfind("usage: tutor check EXPR --answer TEXT", 0), 0u) << en;
  EXPECT_NE(en.find("  --answer TEXT    the derivative to check\n"), std::string::npos) << en;
  EXPECT_NE(en.find("Options of every command:"), std::string::npos);
  const std::string prompt = command_help(*find_command("check"), {Lang::ko, 80, false});
  EXPECT_EQ(prompt.rfind("사용법: check EXPR", 0), 0u) << prompt;
  EXPECT_NE(prompt.find("확인할 도함수"), std::string::npos);
  EXPECT_EQ(prompt.find("모든 명령의 옵션"), std::string::npos);
  const Command* quiz = find_command("quiz");
  const std::string take = command_help(quiz->subcommands[1], {Lang::en, 80, false}, "quiz");
  EXPECT_EQ(take.rfind("usage: quiz take FILE", 0), 0u) << take;
  EXPECT_NE(take.find("--student ID"), std::string::npos);
  EXPECT_NE(command_help(*quiz, {Lang::en, 80, true}).find("tutor quiz grade FILE"),
            std::string::npos);
}

}  // namespace
}  // namespace tutor::cli
