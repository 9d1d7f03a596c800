// Synopses generated from the command table's rows.
#include "cli/synopsis.hpp"

#include <gtest/gtest.h>

#include "cli/command.hpp"

namespace tutor::cli {
namespace {

TEST(Synopsis, OptionShapes) {
  EXPECT_EQ(option_usage({"--brief", "", "opt.diff.brief"}), "[--brief]");
  EXPECT_EQ(option_usage({"--order", "N", "opt.order"}), "[--order N]");
  EXPECT_EQ(option_usage({"--wrt", "V", "opt.diff.wrt", true}), "[--wrt V]...");
  EXPECT_EQ(option_usage({"--format", "FORMAT", "opt.format", false, {"text", "json"}}),
            "[--format text|json]");
  EXPECT_EQ(option_usage({"--answer", "TEXT", "opt.check.answer", false, {}, true}),
            "--answer TEXT");
  EXPECT_EQ(option_usage({"--lr", "R", "opt.descent.lr", true, {}, true}), "--lr R [--lr R]...");
}

TEST(Synopsis, ArgumentThenRequiredThenOptionalOptions) {
  const Command cmd{"try",
                    "cmd.diff",
                    {{"--brief", "", "opt.diff.brief"},
                     {"--answer", "TEXT", "opt.check.answer", false, {}, true},
                     {"--wrt", "V", "opt.diff.wrt", true}},
                    true,
                    nullptr,
                    "[N]"};
  EXPECT_EQ(synopsis(cmd), "try [N] --answer TEXT [--brief] [--wrt V]...");
  EXPECT_EQ(synopsis(cmd, "tutor"), "tutor try [N] --answer TEXT [--brief] [--wrt V]...");
  Command bare = cmd;
  bare.takes_expression = false;
  EXPECT_EQ(synopsis(bare), "try --answer TEXT [--brief] [--wrt V]...");
}

TEST(Synopsis, SubcommandsAreNamed) {
  const Command* quiz = find_command("quiz");
  ASSERT_NE(quiz, nullptr);
  EXPECT_EQ(synopsis(*quiz), "quiz check|take|grade|print ...");
  EXPECT_EQ(synopsis(quiz->subcommands[1], "quiz"),
            "quiz take FILE [--student ID] [--out FILE] [--force]");
  EXPECT_EQ(synopsis(quiz->subcommands[3], "quiz"),
            "quiz print FILE --student ID [--key] [--out FILE] [--force]");
}

TEST(Synopsis, TheTablesCommands) {
  EXPECT_EQ(synopsis(*find_command("diff")),
            "diff EXPR [--wrt V]... [--order N] [--at V=N,...] [--brief] "
            "[--format text|json|latex]");
  EXPECT_EQ(synopsis(*find_command("descent")),
            "descent EXPR --from N|V=N,... --lr R [--lr R]... [--steps K] [--tol T] "
            "[--format text|json|csv] [--plot]");
  EXPECT_EQ(synopsis(*find_command("gradients")),
            "gradients --activation sigmoid|tanh|relu|linear --layers N [--weight W] [--input X] "
            "[--clip C] [--residual] [--format text|json|csv]");
}

// Each piece of every synopsis is the name, the argument, or one option as option_usage
// writes it, and every option has its piece.
TEST(Synopsis, EveryCommandShowsEachOfItsOptions) {
  auto check = [](const Command& c, std::string_view path) {
    const auto parts = synopsis_parts(c, path);
    std::size_t i = path.empty() ? 0 : 1;
    ASSERT_GT(parts.size(), i);
    EXPECT_EQ(parts[i++], c.name);
    if (c.takes_expression) EXPECT_EQ(parts[i++], c.argument) << c.name;
    std::vector<std::string> options(parts.begin() + static_cast<long>(i), parts.end());
    ASSERT_EQ(options.size(), c.options.size()) << c.name;
    for (const auto& o : c.options) {
      EXPECT_NE(std::find(options.begin(), options.end(), option_usage(o)), options.end())
          << c.name << " " << o.name;
    }
  };
  for (const auto& c : command_table()) {
    if (c.subcommands.empty()) check(c, "");
    for (const auto& s : c.subcommands) check(s, c.name);
  }
}

}  // namespace
}  // namespace tutor::cli
