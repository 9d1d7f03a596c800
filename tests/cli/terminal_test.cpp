// The terminal's width, when the output is not a terminal.
#include "cli/terminal.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <sstream>
#include <string>

namespace tutor::cli {
namespace {

class Columns {
 public:
  explicit Columns(const char* value) {
    if (const char* old = std::getenv("COLUMNS")) saved_ = old;
    if (value) {
      setenv("COLUMNS", value, 1);
    } else {
      unsetenv("COLUMNS");
    }
  }
  ~Columns() {
    if (saved_) {
      setenv("COLUMNS", saved_->c_str(), 1);
    } else {
      unsetenv("COLUMNS");
    }
  }

 private:
  std::optional<std::string> saved_;
};

TEST(Terminal, WidthFromColumnsWithinBounds) {
  std::ostringstream out;
  Context ctx;
  ctx.out = &out;
  {
    Columns c(nullptr);
    EXPECT_EQ(terminal_width(ctx), 80u);
  }
  {
    Columns c("60");
    EXPECT_EQ(terminal_width(ctx), 60u);
  }
  {
    Columns c("5");
    EXPECT_EQ(terminal_width(ctx), 20u);
  }
  {
    Columns c("300");
    EXPECT_EQ(terminal_width(ctx), kMaxWidth);
  }
  {
    Columns c("wide");
    EXPECT_EQ(terminal_width(ctx), 80u);
  }
}

}  // namespace
}  // namespace tutor::cli
