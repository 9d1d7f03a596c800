// Reading within a limit: the whole file, or an error that names it; and write_atomically
// under SIGKILL: a child rewrites large files in a loop and is killed at random moments,
// many times; the target must always hold one whole version, never a truncated or mixed one.
#include "base/files.hpp"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <string>
#include <thread>

#include "base/errors.hpp"
#include "course/progress.hpp"
#include "support/temp_dir.hpp"

namespace tutor {
namespace {

namespace fs = std::filesystem;

using testing::slurp;
using testing::TempDir;

// The Error read_bounded throws for PATH, or an empty message when it reads.
Message read_error(const fs::path& path, std::size_t max) {
  try {
    (void)read_bounded(path, max);
  } catch (const Error& e) {
    return e.message();
  }
  return {};
}

TEST(ReadBounded, ReadsTheWholeFileUpToItsLimit) {
  TempDir d;
  const std::string text = std::string("line one\n\0line two", 18) + std::string(70000, 'x');
  const std::string file = d.write("a.txt", text);
  EXPECT_EQ(read_bounded(file, text.size()), text);
  EXPECT_EQ(read_bounded(d.write("empty.txt", ""), 0), "");
}

TEST(ReadBounded, ALargerFileIsRefusedWithItsNameAndTheLimit) {
  TempDir d;
  const std::string file = d.write("big.toml", std::string(1025, 'a'));
  Message m = read_error(file, 1024);
  EXPECT_EQ(m.key, "error.file_too_big");
  EXPECT_TRUE(is_file_error(m));
  EXPECT_EQ(render(Lang::en, m), file + ": the file is larger than 1 kB");
  EXPECT_EQ(render(Lang::en, read_error(file, 1000)),
            file + ": the file is larger than 1000 bytes");
  EXPECT_EQ(render(Lang::en, read_error(file, 0)), file + ": the file is larger than 0 bytes");
}

TEST(ReadBounded, StopsReadingAnEndlessFileAtItsLimit) {
  Message m = read_error("/dev/zero", 1u << 20);
  EXPECT_EQ(render(Lang::en, m), "/dev/zero: the file is larger than 1 MB");
}

TEST(ReadBounded, AMissingFileOrAFolderCannotBeRead) {
  TempDir d;
  EXPECT_EQ(render(Lang::en, read_error(d.path / "none.csv", 10)),
            "cannot read " + (d.path / "none.csv").string() + ": No such file or directory");
  EXPECT_EQ(render(Lang::en, read_error(d.path, 10)),
            "cannot read " + d.path.string() + ": Is a directory");
  EXPECT_TRUE(is_file_error(read_error(d.path, 10)));
  EXPECT_FALSE(is_file_error(Message{"error.file_write", {}}));
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
