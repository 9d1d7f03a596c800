#include "base/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

#include "base/errors.hpp"
#include "base/text.hpp"

namespace tutor {

namespace {

[[noreturn]] void fail_write(const std::filesystem::path& path, int err) {
  throw Error(Message{"error.file_write", {path.string(), std::strerror(err)}});
}

[[noreturn]] void fail_read(const std::filesystem::path& path, int err) {
  throw Error(Message{"error.file_read", {sanitize(path.string()), std::strerror(err)}});
}

// "256 kB", "1 MB", "1000 bytes": a limit the way a person would say it.
std::string size_text(std::size_t bytes) {
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MB";
  if (bytes >= 1024 && bytes % 1024 == 0) return std::to_string(bytes / 1024) + " kB";
  return std::to_string(bytes) + " bytes";
}

}  // namespace

std::string read_bounded(const std::filesystem::path& path, std::size_t max_bytes) {
  std::error_code ec;
  // An ifstream opens a folder and then reads nothing, which would pass for an empty file.
  if (std::filesystem::is_directory(path, ec)) fail_read(path, EISDIR);
  std::ifstream in(path, std::ios::binary);
  if (!in) fail_read(path, errno != 0 ? errno : ENOENT);
  std::string text;
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    text.append(buf, static_cast<std::size_t>(in.gcount()));
    if (text.size() > max_bytes) {
      throw Error(Message{"error.file_too_big", {sanitize(path.string()), size_text(max_bytes)}});
    }
  }
  if (in.bad()) fail_read(path, EIO);
  return text;
}

bool is_file_error(const Message& message) {
  return message.key == "error.file_read" || message.key == "error.file_too_big";
}

void write_atomically(const std::filesystem::path& path, std::string_view content,
                      Overwrite overwrite) {
  std::error_code ec;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  if (overwrite == Overwrite::never && std::filesystem::exists(path)) {
    throw Error(Message{"error.file_exists", {path.string()}});
  }
  std::string tmp = path.string() + ".tmp-XXXXXX";
  int fd = mkstemp(tmp.data());
  if (fd < 0) fail_write(path, errno);
  const char* p = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      fail_write(path, err);
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  // mkstemp makes the file 0600; a tutor file is as readable as any other the user makes.
  mode_t mask = umask(0);
  umask(mask);
  fchmod(fd, 0666 & ~mask);
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    fail_write(path, err);
  }
  if (overwrite == Overwrite::never) {
    // link() fails if the target appeared meanwhile, so nothing is ever replaced.
    if (::link(tmp.c_str(), path.c_str()) != 0) {
      int err = errno;
      ::unlink(tmp.c_str());
      if (err == EEXIST) throw Error(Message{"error.file_exists", {path.string()}});
      fail_write(path, err);
    }
    ::unlink(tmp.c_str());
  } else if (::rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    fail_write(path, err);
  }
  // The rename itself is durable only once the folder is synced.
  int dir =
      ::open(path.has_parent_path() ? path.parent_path().c_str() : ".", O_RDONLY | O_DIRECTORY);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

std::string safe_file_name(std::string_view s) {
  std::string out;
  for (char c : s) {
    bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
    out += ok ? c : '_';
  }
  if (out.empty() || out.front() == '.') out.insert(out.begin(), '_');
  return out.substr(0, 80);
}

std::optional<std::filesystem::path> data_dir() {
  const char* xdg = std::getenv("XDG_DATA_HOME");
  if (xdg != nullptr && xdg[0] == '/') return std::filesystem::path(xdg) / "tutor";
  const char* home = std::getenv("HOME");
  if (home != nullptr && home[0] != '\0') {
    return std::filesystem::path(home) / ".local" / "share" / "tutor";
  }
  return std::nullopt;
}

}  // namespace tutor
