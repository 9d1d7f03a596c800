// Where the prompt keeps its history.
#include "repl/history.hpp"

#include <gtest/gtest.h>

namespace tutor::repl {
namespace {

TEST(History, XdgStateHomeFirst) {
  EXPECT_EQ(history_path("/state", "/home/me"), std::filesystem::path("/state/tutor/history"));
}

TEST(History, HomeWhenXdgIsUnsetEmptyOrRelative) {
  const std::filesystem::path home = "/home/me/.local/state/tutor/history";
  EXPECT_EQ(history_path(nullptr, "/home/me"), home);
  EXPECT_EQ(history_path("", "/home/me"), home);
  EXPECT_EQ(history_path("relative/dir", "/home/me"), home);
}

TEST(History, NowhereWithoutEither) {
  EXPECT_EQ(history_path(nullptr, nullptr), std::nullopt);
  EXPECT_EQ(history_path("", ""), std::nullopt);
}

}  // namespace
}  // namespace tutor::repl
