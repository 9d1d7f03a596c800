#include "support/temp_dir.hpp"

#include <stdlib.h>

#include <fstream>
#include <iterator>
#include <stdexcept>

namespace tutor::testing {

TempDir::TempDir() {
  char t[] = "/tmp/tutor-test-XXXXXX";
  if (mkdtemp(t) == nullptr) throw std::runtime_error("mkdtemp failed");
  path = t;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path, ec);
}

std::string TempDir::write(const std::string& name, const std::string& content) const {
  const std::filesystem::path file = path / name;
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << content;
  return file.string();
}

std::map<std::string, std::string> TempDir::env() const {
  return {{"XDG_DATA_HOME", path.string()}};
}

std::filesystem::path TempDir::progress() const {
  return path / "tutor" / "progress.json";
}

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace tutor::testing
