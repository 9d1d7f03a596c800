// The command line's parse errors, in both languages, through the real command table.
#include "cli/parse_error.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/run.hpp"

namespace tutor {
namespace {

using testing::run_in_process;

struct Case {
  std::vector<std::string> args;
  std::string en;
  std::string ko;
};

TEST(ParseError, SaidInTheLearnersLanguage) {
  const std::vector<Case> cases = {
      {{"diff", "x", "--plot"},
       "error: this argument was not expected: --plot\n",
       "오류: 예상하지 못한 인자입니다: --plot\n"},
      // In the order they were typed.
      {{"diff", "x", "--plot", "--zz"},
       "error: these arguments were not expected: --plot --zz\n",
       "오류: 예상하지 못한 인자입니다: --plot --zz\n"},
      // One argument with spaces in it; x is not taken for a part of --max.
      {{"diff", "x", "-x^3 - 2*x", "--max"},
       "error: these arguments were not expected: -x^3 - 2*x --max\n"
       "an expression that starts with '-' goes after '--': tutor diff -- -x^3 - 2*x\n",
       "오류: 예상하지 못한 인자입니다: -x^3 - 2*x --max\n"
       "'-'로 시작하는 식은 '--' 뒤에 쓰세요: tutor diff -- -x^3 - 2*x\n"},
      {{"diff", "x", "--format", "html"},
       "error: --format: 'html' is not one of text, json, latex\n",
       "오류: --format: 'html'은 text, json, latex 중 하나가 아닙니다\n"},
      {{"diff", "x", "--at"},
       "error: --at needs a value, such as V=N,...\n",
       "오류: --at 뒤에 값을 쓰세요 (V=N,... 꼴)\n"},
  };
  for (const auto& c : cases) {
    auto args = c.args;
    const auto en = run_in_process(args);
    EXPECT_EQ(en.status, 2);
    EXPECT_EQ(en.err, c.en);
    args.insert(args.begin(), {"--lang", "ko"});
    const auto ko = run_in_process(args);
    EXPECT_EQ(ko.status, 2);
    EXPECT_EQ(ko.err, c.ko);
  }
}

// A kind the catalogue does not word is passed through as CLI11 wrote it.
TEST(ParseError, OtherKindsPassThrough) {
  const CLI::ParseError e("something unusual", CLI::ExitCodes::BaseClass);
  EXPECT_EQ(cli::parse_error_text(e, {"diff", "x"}, Lang::ko), "something unusual");
}

}  // namespace
}  // namespace tutor
