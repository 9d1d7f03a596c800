// The option rows several commands share.
#include "cli/options.hpp"

#include <gtest/gtest.h>

namespace tutor::cli {
namespace {

TEST(Options, FormatTakesItsChoices) {
  OptionSpec f = format_option({"text", "json"});
  EXPECT_EQ(f.name, "--format");
  EXPECT_EQ(f.value_name, "FORMAT");
  EXPECT_EQ(f.choices, (std::vector<std::string_view>{"text", "json"}));
  EXPECT_FALSE(f.repeatable);
}

TEST(Options, EveryCommandsFormatIsTheSharedRow) {
  for (const auto& c : command_table()) {
    if (const OptionSpec* f = find_option(c, "--format")) {
      const OptionSpec shared = format_option(f->choices);
      EXPECT_EQ(f->help, shared.help) << c.name;
      EXPECT_EQ(f->value_name, shared.value_name) << c.name;
    }
    if (const OptionSpec* o = find_option(c, "--order")) EXPECT_EQ(o->help, order_option().help);
  }
}

TEST(Options, OutAndForceTakeAFileAndNothing) {
  EXPECT_EQ(out_option().value_name, "FILE");
  EXPECT_TRUE(force_option().value_name.empty());
}

}  // namespace
}  // namespace tutor::cli
