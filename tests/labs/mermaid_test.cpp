// Mermaid flowcharts for the terminal: the tutor's drawing when the block names an expression,
// the edges otherwise.
#include "labs/mermaid.hpp"

#include <gtest/gtest.h>

namespace tutor {
namespace {

using Lines = std::vector<std::string>;

TEST(Mermaid, EdgesWithTheirLabels) {
  EXPECT_EQ(mermaid_text("graph LR\n  a --> add[\"(+)\"]\n  add --> y\n", false),
            (Lines{"a ──▶ (+)", "(+) ──▶ y"}));
}

TEST(Mermaid, AsciiArrows) {
  EXPECT_EQ(mermaid_text("graph LR\n  x(in) --> y\n", true), (Lines{"in ---> y"}));
}

TEST(Mermaid, CommentsAndHeaderAreNotEdges) {
  EXPECT_EQ(mermaid_text("graph LR\n%% a --> b\n", false), Lines{});
}

TEST(Mermaid, AnExpressionIsDrawnAsTutorGraphDrawsIt) {
  Lines out = mermaid_text("%% tutor: (a+b)*c\ngraph LR\n  a --> add\n", false);
  std::string all;
  for (const auto& l : out) all += l + "\n";
  EXPECT_NE(all.find("(+)"), std::string::npos) << all;
  EXPECT_NE(all.find("(×)"), std::string::npos) << all;
  EXPECT_EQ(all.find("──▶"), std::string::npos) << all;
}

TEST(Mermaid, AnExpressionThatDoesNotParseFallsBackToTheEdges) {
  EXPECT_EQ(mermaid_text("%% tutor: sin(\n  a --> b\n", false), (Lines{"a ──▶ b"}));
}

}  // namespace
}  // namespace tutor
