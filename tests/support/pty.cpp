#include "support/pty.hpp"

#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>

namespace tutor::testing {

Pty::Pty(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
         unsigned short cols) {
  winsize size{24, cols, 0, 0};
  pid_ = forkpty(&fd_, nullptr, nullptr, &size);
  if (pid_ == 0) {
    clearenv();
    setenv("PATH", "/usr/bin:/bin", 1);
    setenv("LANG", "C.UTF-8", 1);
    setenv("TERM", "dumb", 1);
    for (const auto& [k, v] : env) setenv(k.c_str(), v.c_str(), 1);
    std::vector<std::string> copy = args;
    std::vector<char*> argv{const_cast<char*>("tutor")};
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(TUTOR_BINARY, argv.data());
    _exit(127);
  }
}

Pty::~Pty() {
  if (pid_ > 0 && !exited_) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  if (fd_ >= 0) close(fd_);
}

bool Pty::wait_for(std::string_view text, double timeout_s) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_s);
  while (seen_.find(text, mark_) == std::string::npos) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd_, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
    char buf[4096];
    ssize_t n = read(fd_, buf, sizeof buf);
    if (n <= 0) return false;
    seen_.append(buf, static_cast<std::size_t>(n));
  }
  return true;
}

std::string Pty::take() {
  std::string out = seen_.substr(mark_);
  mark_ = seen_.size();
  return out;
}

bool Pty::type(std::string_view keys) {
  return write(fd_, keys.data(), keys.size()) == static_cast<ssize_t>(keys.size());
}

int Pty::wait_exit(double timeout_s) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_s);
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      exited_ = true;
      return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    // Keep draining, so the child never blocks on a full terminal.
    pollfd p{fd_, POLLIN, 0};
    if (poll(&p, 1, 50) > 0) {
      char buf[4096];
      ssize_t n = read(fd_, buf, sizeof buf);
      if (n > 0)
        seen_.append(buf, static_cast<std::size_t>(n));
      else
        usleep(10000);
    }
  }
  return -1;
}

}  // namespace tutor::testing
