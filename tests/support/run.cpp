#include "support/run.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <sstream>
#include <stdexcept>

#include "cli/app.hpp"

namespace tutor::testing {

RunResult run_in_process(const std::vector<std::string>& args, const std::string& input) {
  setenv("LANG", "C.UTF-8", 1);
  unsetenv("LC_ALL");
  unsetenv("LC_MESSAGES");
  unsetenv("TUTOR_LANG");
  setenv("NO_COLOR", "1", 1);
  setenv("COLUMNS", "80", 1);
  std::istringstream in(input);
  std::ostringstream out;
  std::ostringstream err;
  RunResult r;
  r.status = cli::run(args, in, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

std::string run_ok(const std::vector<std::string>& args, const std::string& input) {
  RunResult r = run_in_process(args, input);
  if (r.status != 0) {
    throw std::runtime_error("exit " + std::to_string(r.status) + ": " + r.err);
  }
  return r.out;
}

nlohmann::json run_json(const std::vector<std::string>& args, const std::string& input) {
  return nlohmann::json::parse(run_ok(args, input));
}

RunResult run_binary(const std::vector<std::string>& args, const std::string& input,
                     const std::map<std::string, std::string>& env, double timeout_s) {
  return run_program(TUTOR_BINARY, args, input, env, timeout_s);
}

RunResult run_program(const std::string& path, const std::vector<std::string>& args,
                      const std::string& input, const std::map<std::string, std::string>& env,
                      double timeout_s) {
  int in_pipe[2], out_pipe[2], err_pipe[2];
  if (pipe(in_pipe) != 0 || pipe(out_pipe) != 0 || pipe(err_pipe) != 0) return {};
  pid_t pid = fork();
  if (pid == 0) {
    dup2(in_pipe[0], 0);
    dup2(out_pipe[1], 1);
    dup2(err_pipe[1], 2);
    for (int fd : {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]})
      close(fd);
    clearenv();
    setenv("PATH", "/usr/bin:/bin", 1);
    setenv("LANG", "C.UTF-8", 1);
    setenv("HOME", "/tmp", 1);
    for (const auto& [k, v] : env) setenv(k.c_str(), v.c_str(), 1);
    std::vector<char*> argv;
    std::string bin = path;
    argv.push_back(bin.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(bin.c_str(), argv.data());
    _exit(127);
  }
  close(in_pipe[0]);
  close(out_pipe[1]);
  close(err_pipe[1]);
  signal(SIGPIPE, SIG_IGN);
  // Feed stdin and drain both outputs together, so a large output cannot deadlock.
  std::size_t written = 0;
  if (input.empty()) close(in_pipe[1]);
  fcntl(in_pipe[1], F_SETFL, O_NONBLOCK);
  RunResult r;
  bool out_open = true, err_open = true, in_open = !input.empty();
  auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_s);
  while (out_open || err_open) {
    std::vector<pollfd> fds;
    if (out_open) fds.push_back({out_pipe[0], POLLIN, 0});
    if (err_open) fds.push_back({err_pipe[0], POLLIN, 0});
    if (in_open) fds.push_back({in_pipe[1], POLLOUT, 0});
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      kill(pid, SIGKILL);
      waitpid(pid, nullptr, 0);
      r.status = -1;
      return r;
    }
    poll(fds.data(), fds.size(), static_cast<int>(left.count()));
    for (auto& p : fds) {
      if (!(p.revents & (POLLIN | POLLHUP | POLLOUT | POLLERR))) continue;
      if (p.fd == in_pipe[1]) {
        ssize_t n = write(in_pipe[1], input.data() + written, input.size() - written);
        if (n > 0) written += static_cast<std::size_t>(n);
        if (n < 0 || written == input.size()) {
          close(in_pipe[1]);
          in_open = false;
        }
        continue;
      }
      char buf[4096];
      ssize_t n = read(p.fd, buf, sizeof buf);
      std::string& dest = p.fd == out_pipe[0] ? r.out : r.err;
      if (n > 0) {
        dest.append(buf, static_cast<std::size_t>(n));
      } else {
        close(p.fd);
        (p.fd == out_pipe[0] ? out_open : err_open) = false;
      }
    }
  }
  if (in_open) close(in_pipe[1]);
  int status = 0;
  waitpid(pid, &status, 0);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string flowed(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

bool has_flowed(std::string_view text, std::string_view part) {
  return flowed(text).find(flowed(part)) != std::string::npos;
}

}  // namespace tutor::testing
