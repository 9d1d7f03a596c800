// A fresh folder under /tmp for one test, removed with everything in it when the test ends;
// also the tutor's data folder (XDG_DATA_HOME) for a run of the binary that records progress.
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace tutor::testing {

struct TempDir {
  std::filesystem::path path;

  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // Writes CONTENT to NAME below the folder (creating its folders), byte for byte; returns
  // the file's full path.
  std::string write(const std::string& name, const std::string& content) const;

  // {XDG_DATA_HOME: the folder}, for run_binary: the tutor keeps its progress here.
  std::map<std::string, std::string> env() const;

  // Where the tutor keeps its progress with env().
  std::filesystem::path progress() const;
};

// The whole content of the file at PATH ("" when it cannot be read).
std::string slurp(const std::filesystem::path& path);

}  // namespace tutor::testing
