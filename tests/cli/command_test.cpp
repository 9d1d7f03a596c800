// The command table: lookups, subcommands, and "did you mean".
#include "cli/command.hpp"

#include <gtest/gtest.h>

namespace tutor::cli {
namespace {

TEST(Command, FindsCommandsSubcommandsAndOptions) {
  const Command* quiz = find_command("quiz");
  ASSERT_NE(quiz, nullptr);
  EXPECT_EQ(find_command("nope"), nullptr);
  const Command* take = find_subcommand(*quiz, "take");
  ASSERT_NE(take, nullptr);
  EXPECT_NE(find_option(*take, "--student"), nullptr);
  EXPECT_EQ(find_option(*take, "--report"), nullptr);
  EXPECT_NE(find_option(*find_subcommand(*quiz, "grade"), "--report"), nullptr);
  EXPECT_EQ(find_subcommand(*quiz, "diff"), nullptr);
}

TEST(Command, UnknownSubcommandSuggestsTheClosest) {
  const Command& quiz = *find_command("quiz");
  EXPECT_EQ(render(Lang::en, unknown_subcommand(quiz, "chek")),
            "unknown quiz command 'chek'; did you mean check? (check, take, grade, print)");
  EXPECT_EQ(render(Lang::en, unknown_subcommand(quiz, "zzzzzz")),
            "unknown quiz command 'zzzzzz'; did you mean check? (check, take, grade, print)");
}

TEST(Command, SimilarCommands) {
  EXPECT_EQ(similar_commands("dif").front(), "diff");
  EXPECT_TRUE(similar_commands("zzzzzz").empty());
}

}  // namespace
}  // namespace tutor::cli
