// Progress survives crashes and corrupt files, and is never silently lost.
#include "course/progress.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "base/errors.hpp"
#include "base/files.hpp"
#include "support/temp_dir.hpp"

namespace tutor {
namespace {

using testing::slurp;
using testing::TempDir;

TEST(Progress, RoundTrip) {
  TempDir d;
  Progress p;
  p.lessons_completed = {1, 3};
  p.exercises["1"] = Attempts{2, true, false};
  p.questions["lesson-2/q1"] = Attempts{1, false, true};
  save_progress(d.path / "progress.json", p);
  LoadedProgress back = load_progress(d.path / "progress.json");
  EXPECT_FALSE(back.moved_aside);
  EXPECT_EQ(back.progress.lessons_completed, (std::set<int>{1, 3}));
  EXPECT_EQ(back.progress.exercises["1"].tries, 2);
  EXPECT_TRUE(back.progress.exercises["1"].solved);
  EXPECT_TRUE(back.progress.questions["lesson-2/q1"].revealed);
}

TEST(Progress, PracticeRoundTrips) {
  TempDir d;
  Progress p;
  p.skills["chain2"] = SkillRecord{0.575, 1, 1, 4};
  p.practised = 4;
  p.history.push_back(PracticeEntry{"chain2", "sin(3*x+1)", "x", false, "sign-error"});
  save_progress(d.path / "progress.json", p);
  Progress back = load_progress(d.path / "progress.json").progress;
  EXPECT_DOUBLE_EQ(back.skills["chain2"].mastery, 0.575);
  EXPECT_EQ(back.skills["chain2"].last, 4);
  EXPECT_EQ(back.practised, 4);
  ASSERT_EQ(back.history.size(), 1u);
  EXPECT_EQ(back.history[0].function, "sin(3*x+1)");
  EXPECT_EQ(back.history[0].mistake, "sign-error");
  EXPECT_FALSE(back.history[0].right);
}

TEST(Progress, FilesFromBeforePracticeStillLoad) {
  Progress p = parse_progress(R"({"version": 1, "lessons_completed": [2], "questions": {},
                                  "exercises": {"1": {"tries": 1, "solved": true}}})");
  EXPECT_EQ(p.lessons_completed, (std::set<int>{2}));
  EXPECT_TRUE(p.skills.empty());
  EXPECT_EQ(p.practised, 0);
  EXPECT_TRUE(p.history.empty());
  // A mastery that is no probability is a corrupt file, not a number to trust.
  EXPECT_THROW(parse_progress(R"({"skills": {"trig": {"mastery": 7}}})"), std::exception);
}

TEST(Progress, MissingFileIsEmpty) {
  TempDir d;
  LoadedProgress p = load_progress(d.path / "nothing.json");
  EXPECT_TRUE(p.progress.exercises.empty());
  EXPECT_FALSE(p.moved_aside);
}

TEST(Progress, CorruptFileIsMovedAsideNotLost) {
  TempDir d;
  auto file = d.path / "progress.json";
  std::ofstream(file) << "{\"exercises\": {\"1\": {\"tries\": ";  // cut off mid-write
  LoadedProgress p = load_progress(file);
  ASSERT_TRUE(p.moved_aside);
  EXPECT_FALSE(std::filesystem::exists(file));
  EXPECT_EQ(slurp(*p.moved_aside), "{\"exercises\": {\"1\": {\"tries\": ");
  EXPECT_TRUE(p.progress.exercises.empty());
}

TEST(Progress, ACrashBeforeTheRenameLeavesTheOldFileIntact) {
  // A crash mid-write leaves only a temporary file behind; the real file is untouched.
  TempDir d;
  auto file = d.path / "progress.json";
  Progress p;
  p.exercises["1"] = Attempts{1, true, false};
  save_progress(file, p);
  std::ofstream(d.path / "progress.json.tmp-abc123") << "{\"exer";
  LoadedProgress back = load_progress(file);
  EXPECT_FALSE(back.moved_aside);
  EXPECT_TRUE(back.progress.exercises["1"].solved);
}

TEST(AtomicFile, NeverOverwritesWithoutPermission) {
  TempDir d;
  auto file = d.path / "sub" / "result.json";
  write_atomically(file, "first", Overwrite::never);
  EXPECT_THROW(write_atomically(file, "second", Overwrite::never), Error);
  EXPECT_EQ(slurp(file), "first");
  write_atomically(file, "third", Overwrite::allowed);
  EXPECT_EQ(slurp(file), "third");
  // No temporary files are left behind.
  int entries = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(d.path / "sub"))
    ++entries;
  EXPECT_EQ(entries, 1);
}

TEST(AtomicFile, UnwritableFolderIsAnError) {
  EXPECT_THROW(write_atomically("/proc/tutor-cannot-write-here/x.json", "x"), Error);
}

}  // namespace
}  // namespace tutor
