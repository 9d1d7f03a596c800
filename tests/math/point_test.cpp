// Points typed on the command line (--at, --from): every rule of the one reader, with the
// values and message keys worked out by hand.
#include "math/point.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "base/errors.hpp"
#include "math/print.hpp"

namespace tutor {
namespace {

const std::vector<std::string> kXY = {"x", "y"};

// The point as "name=value;…" in input form, or the key of the error it raises.
std::string read(const std::string& text, const std::vector<std::string>& vars,
                 PointOption option = PointOption::at) {
  try {
    std::string out;
    for (const auto& [name, value] : parse_point(text, vars, option)) {
      out += name + "=" + print(value, Style::input) + ";";
    }
    return out;
  } catch (const Error& e) {
    return e.key();
  }
}

TEST(Point, ValuesStayAsTyped) {
  EXPECT_EQ(read("x=1/2, y=-3", kXY), "x=1/2;y=-3;");
  EXPECT_EQ(read(" y = pi/2 ,x=0.5", kXY), "x=0.5;y=pi/2;");
  EXPECT_EQ(read("x=1,y=2,", kXY), "x=1;y=2;");  // a trailing comma is forgiven
}

TEST(Point, GreekNamesAreTheirLetters) {
  const std::vector<std::string> vars = {"theta", "w"};
  EXPECT_EQ(read("θ=1,w=2", vars), "theta=1;w=2;");
  EXPECT_EQ(read("theta=1,w=2", vars), "theta=1;w=2;");
  EXPECT_EQ(read("θ=1,w=2", vars, PointOption::from), "theta=1;w=2;");
  EXPECT_EQ(read("η=1", {"eta"}, PointOption::from), "eta=1;");
}

TEST(Point, EveryMistakeHasItsMessage) {
  EXPECT_EQ(read("x=1", kXY), "graph.at_missing");
  EXPECT_EQ(read("x=1,y=abc", kXY), "graph.at_not_number");
  EXPECT_EQ(read("x=1,y=sqrt(-1)", kXY), "graph.at_not_number");
  EXPECT_EQ(read("x=1,y=1/0", kXY), "graph.at_not_number");
  EXPECT_EQ(read("x=1,y=2,x=3", kXY), "graph.at_duplicate");
  EXPECT_EQ(read("x=1,y=2,z=3", kXY), "graph.at_unknown");
  EXPECT_EQ(read("x=1,y", kXY), "graph.at_syntax");
  EXPECT_EQ(read("=1,y=2", kXY), "graph.at_syntax");
  EXPECT_EQ(read("5", {"x"}), "graph.at_syntax");  // --at always names its variables
}

TEST(Point, FromTakesABareNumberForOneVariable) {
  EXPECT_EQ(read("5", {"x"}, PointOption::from), "x=5;");
  EXPECT_EQ(read(" -2.5 ", {"theta"}, PointOption::from), "theta=-2.5;");
  EXPECT_EQ(read("5", kXY, PointOption::from), "descent.from_needs_names");
  EXPECT_EQ(read("abc", {"x"}, PointOption::from), "descent.from_not_number");
}

TEST(Point, FromHasItsOwnWords) {
  EXPECT_EQ(read("x=1", kXY, PointOption::from), "descent.from_missing");
  EXPECT_EQ(read("x=1,y=inf", kXY, PointOption::from), "descent.from_not_number");
  EXPECT_EQ(read("x=1,x=2,y=3", kXY, PointOption::from), "descent.from_duplicate");
  EXPECT_EQ(read("x=1,z=2", kXY, PointOption::from), "descent.from_unknown");
  EXPECT_EQ(read("x=1,y", kXY, PointOption::from), "descent.from_bad_item");
}

TEST(Point, RealNumbersOnly) {
  EXPECT_TRUE(real_number(GiNaC::numeric(1, 3)));
  EXPECT_TRUE(real_number(GiNaC::Pi));
  EXPECT_FALSE(real_number(GiNaC::sqrt(GiNaC::ex(-1))));
  EXPECT_FALSE(real_number(GiNaC::symbol("x")));
}

}  // namespace
}  // namespace tutor
