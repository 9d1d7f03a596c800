// write_atomically under SIGKILL: a child rewrites large files in a loop and is killed at
// random moments, many times; the target must always hold one whole version, never a
// truncated or mixed one.
#include "tutor/atomic_file.hpp"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>

#include "tutor/errors.hpp"
#include "tutor/progress.hpp"

namespace tutor {
namespace {

namespace fs = std::filesystem;

struct TempDir {
  fs::path path;
  TempDir() {
    char t[] = "/tmp/tutor-atomic-XXXXXX";
    path = mkdtemp(t);
  }
  ~TempDir() { fs::remove_all(path); }
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Version N: a header with N and the length, then filler that depends on N, so that a
// short file, a file of two versions and a file of zeros are all told apart.
std::string version(int n) {
  std::size_t size = (1u << 20) + static_cast<std::size_t>(n % 97) * 4099;
  std::string body(size, static_cast<char>('a' + n % 26));
  return "v" + std::to_string(n) + " " + std::to_string(size) + "\n" + body + "\nend\n";
}

bool whole(const std::string& text) {
  if (text.empty() || text[0] != 'v') return false;
  int n = std::stoi(text.substr(1));
  return text == version(n);
}

// Forks a child that runs WORK forever, kills it after a random delay, and reaps it.
template <typename Work>
void kill_mid_write(std::mt19937& gen, Work work) {
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    for (int n = 1;; ++n) work(n);
  }
  std::this_thread::sleep_for(
      std::chrono::microseconds(std::uniform_int_distribution<int>(200, 40000)(gen)));
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the writer should have been killed, not have exited";
}

TEST(AtomicFile, KilledWritersNeverLeaveATruncatedFile) {
  TempDir d;
  const fs::path target = d.path / "results" / "class.csv";
  write_atomically(target, version(0));
  std::mt19937 gen(20240611);
  for (int round = 0; round < 60; ++round) {
    kill_mid_write(gen, [&](int n) {
      try {
        write_atomically(target, version(n));
      } catch (...) {
        _exit(3);
      }
    });
    ASSERT_TRUE(whole(slurp(target))) << "round " << round << ": " << slurp(target).substr(0, 40);
  }
  // Killed writers leave their temporary files behind, but never in place of the target.
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(target.parent_path())) {
    ++files;
    if (entry.path() != target)
      EXPECT_NE(entry.path().filename().string().find(".tmp-"), std::string::npos);
  }
  EXPECT_GE(files, 1u);
}

TEST(AtomicFile, KilledProgressSavesAlwaysLoadCleanly) {
  TempDir d;
  const fs::path file = d.path / "progress.json";
  std::mt19937 gen(7);
  for (int round = 0; round < 40; ++round) {
    kill_mid_write(gen, [&](int n) {
      Progress p;
      // Large enough that a write takes a while: many answered questions.
      for (int q = 0; q < 3000; ++q)
        p.questions["lesson-" + std::to_string(q) + "/q1"] = {n, true, false};
      p.exercises["1"] = {n, n % 2 == 0, false};
      try {
        save_progress(file, p);
      } catch (...) {
        _exit(3);
      }
    });
    if (!fs::exists(file)) continue;  // killed before the first save finished
    LoadedProgress loaded = load_progress(file);
    ASSERT_FALSE(loaded.moved_aside) << "round " << round << ": the file was corrupt";
    const auto& qs = loaded.progress.questions;
    ASSERT_EQ(qs.size(), 3000u) << "round " << round;
    // One version throughout: every question has the same number of tries.
    int tries = qs.begin()->second.tries;
    for (const auto& [id, a] : qs) ASSERT_EQ(a.tries, tries) << id;
    EXPECT_EQ(loaded.progress.exercises.at("1").tries, tries);
  }
}

TEST(AtomicFile, NeverOverwritesWithoutPermission) {
  TempDir d;
  const fs::path target = d.path / "report.txt";
  write_atomically(target, "first", Overwrite::never);
  EXPECT_THROW(write_atomically(target, "second", Overwrite::never), Error);
  EXPECT_EQ(slurp(target), "first");
  write_atomically(target, "second", Overwrite::allowed);
  EXPECT_EQ(slurp(target), "second");
}

}  // namespace
}  // namespace tutor
