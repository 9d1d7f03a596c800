// Replays every fuzz input kept in the repository (the seed corpora and each finding in
// fuzz/regressions/) through the fuzz targets' own code, so a fixed bug stays fixed in the
// normal build too. A finding that used to hang gets the same 1 s libFuzzer allowed it,
// with room for a busy machine.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include "../../fuzz/targets.hpp"
#include "support/run.hpp"

namespace tutor {
namespace {

namespace fs = std::filesystem;

const fs::path kFuzz = fs::path(TUTOR_TEST_DATA).parent_path().parent_path() / "fuzz";

void replay(const std::string& target, const std::function<void(std::string_view)>& run) {
  std::size_t count = 0;
  for (const char* kind : {"corpus", "regressions"}) {
    fs::path dir = kFuzz / kind / target;
    if (!fs::exists(dir)) continue;
    for (const auto& entry : fs::directory_iterator(dir)) {
      std::ifstream in(entry.path(), std::ios::binary);
      std::string data(std::istreambuf_iterator<char>(in), {});
      auto start = std::chrono::steady_clock::now();
      EXPECT_NO_THROW(run(data)) << entry.path();
      std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
      EXPECT_LT(took.count(), 5.0) << entry.path();
      ++count;
    }
  }
  EXPECT_GT(count, 0u) << "no inputs for " << target;
}

TEST(FuzzRegression, Parse) {
  replay("parse", fuzz::parse_target);
}
TEST(FuzzRegression, Check) {
  replay("check", fuzz::check_target);
}
TEST(FuzzRegression, Quiz) {
  replay("quiz", fuzz::quiz_target);
}
TEST(FuzzRegression, Responses) {
  replay("responses", fuzz::responses_target);
}
TEST(FuzzRegression, Results) {
  replay("results", fuzz::results_target);
}
TEST(FuzzRegression, Lesson) {
  replay("lesson", fuzz::lesson_target);
}

// Through the commands too: a finding must never come back as an "internal error".
TEST(FuzzRegression, CommandsNeverReportAnInternalError) {
  for (std::string target : {"parse", "check"}) {
    for (const auto& entry : fs::directory_iterator(kFuzz / "regressions" / target)) {
      std::ifstream in(entry.path(), std::ios::binary);
      std::string data(std::istreambuf_iterator<char>(in), {});
      std::vector<std::string> args{"diff", data};
      if (target == "check") {
        auto nl = data.find('\n');
        args = {"check", data.substr(0, nl), "--answer",
                nl == std::string::npos ? "" : data.substr(nl + 1)};
      }
      auto r = testing::run_in_process(args);
      EXPECT_EQ(r.err.find("internal error"), std::string::npos) << entry.path() << "\n" << r.err;
      EXPECT_TRUE(r.status >= 0 && r.status <= 2) << entry.path();
    }
  }
}

}  // namespace
}  // namespace tutor
