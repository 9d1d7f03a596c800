// The one result type: its status ids and mistake tags, as the JSON and the reports write them.
#include "calculus/outcome.hpp"

#include <gtest/gtest.h>

namespace tutor {
namespace {

TEST(Outcome, StatusIds) {
  EXPECT_EQ(status_id(Status::correct), "correct");
  EXPECT_EQ(status_id(Status::incorrect), "incorrect");
  EXPECT_EQ(status_id(Status::invalid), "invalid");
  EXPECT_EQ(status_id(Status::blank), "blank");
}

TEST(Outcome, MistakeTagsRoundTrip) {
  for (int i = 0; i <= static_cast<int>(Mistake::question_echo); ++i) {
    auto m = static_cast<Mistake>(i);
    EXPECT_EQ(parse_mistake(mistake_id(m)), m);
  }
  EXPECT_EQ(mistake_id(Mistake::missing_inner_derivative), "missing-inner-derivative");
  EXPECT_EQ(parse_mistake("no-such-tag"), std::nullopt);
}

}  // namespace
}  // namespace tutor
