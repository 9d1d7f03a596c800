#include "repl/repl.hpp"

#include <signal.h>
#include <sys/select.h>
#include <unistd.h>

// readline's headers need stdio first.
#include <readline/history.h>
#include <readline/readline.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <istream>
#include <memory>
#include <ostream>
#include <string>

#include "base/interrupt.hpp"
#include "base/text.hpp"
#include "cli/terminal.hpp"
#include "repl/complete.hpp"
#include "repl/help.hpp"
#include "repl/history.hpp"
#include "repl/paint.hpp"
#include "repl/session.hpp"

namespace tutor::repl {

namespace {

// A script: one line at a time, no prompt, no greeting, no colour. Every line runs even
// after one fails; the status is the worst one seen (2 for bad input, 1 for a wrong answer).
int run_script(cli::Context& ctx) {
  ctx.color = false;
  int status = 0;
  std::string text;
  for (std::size_t number = 1; std::getline(*ctx.in, text); ++number) {
    if (!text.empty() && text.back() == '\r') text.pop_back();
    Outcome o = run_line(text, ctx, number);
    ctx.out->flush();
    status = std::max(status, o.status);
    if (o.quit) break;
  }
  return status;
}

// Readline calls plain functions, so the terminal session they act on has to be reachable
// from a file-level pointer. It is set only while run_terminal runs.
struct Terminal {
  cli::Context* ctx;
  std::unique_ptr<History> history;
  bool done = false;
};
Terminal* current = nullptr;

volatile sig_atomic_t interrupted = 0;
volatile sig_atomic_t resized = 0;
void on_sigint(int) {
  interrupted = 1;
  request_interrupt();  // only read by a running command: SIGINT is blocked otherwise
}
void on_sigwinch(int) {
  resized = 1;
}

// The handler has no SA_RESTART (pselect must wake up), so a Ctrl-C during a command can
// also cut a read of an answer (the command sees no input and polls: see cli/) or a write
// short. Either leaves the stream failed for every later command; start them afresh.
void recover_streams(cli::Context& ctx) {
  for (std::ios* s : {static_cast<std::ios*>(ctx.in), static_cast<std::ios*>(ctx.out),
                      static_cast<std::ios*>(ctx.err)}) {
    if (s != nullptr) s->clear();
  }
  std::clearerr(stdin);
  std::clearerr(stdout);
  std::clearerr(stderr);
}

void on_line(char* raw) {
  Terminal& t = *current;
  if (raw == nullptr) {  // Ctrl-D on an empty line
    *t.ctx->out << "\n";
    t.done = true;
    rl_callback_handler_remove();
    return;
  }
  std::string line(raw);
  std::free(raw);
  t.history->add(line);
  // Ctrl-C during a command stops it at the engine's next poll_interrupt(), and run_line
  // says "interrupted". SIGINT is let through for the command's run only.
  sigset_t sigint, old;
  sigemptyset(&sigint);
  sigaddset(&sigint, SIGINT);
  clear_interrupt();
  sigprocmask(SIG_UNBLOCK, &sigint, &old);
  Outcome o = run_line(line, *t.ctx);
  sigprocmask(SIG_SETMASK, &old, nullptr);
  if (interrupted) {
    // Spent on this command: a Ctrl-C that came after its last poll must neither stop the
    // next command nor clear the next line typed.
    interrupted = 0;
    clear_interrupt();
    recover_streams(*t.ctx);
  }
  t.ctx->out->flush();
  t.ctx->err->flush();
  if (o.quit) {
    t.done = true;
    rl_callback_handler_remove();
  }
}

char* break_characters() {
  // Readline keeps the pointer, so the strings must outlive the call.
  static std::string breaks;
  breaks = std::string(word_breaks(std::string_view(rl_line_buffer, rl_end), rl_point));
  return breaks.data();
}

char* copy(const std::string& s) {
  char* p = static_cast<char*>(std::malloc(s.size() + 1));
  std::memcpy(p, s.c_str(), s.size() + 1);
  return p;
}

// Readline's contract: a malloc'd, NULL-terminated array whose first entry replaces the
// word (the common prefix of all matches, or the single match) and the rest are listed.
char** complete(const char* text, int start, int) {
  rl_attempted_completion_over = 1;  // never fall back to file names
  const std::string_view line(rl_line_buffer, rl_end);
  const auto found =
      completions(line.substr(0, static_cast<std::size_t>(start)), text, *current->ctx);
  if (found.empty()) return nullptr;
  auto** matches = static_cast<char**>(std::malloc((found.size() + 2) * sizeof(char*)));
  if (found.size() == 1) {
    matches[0] = copy(found[0]);
    matches[1] = nullptr;
    // "sin(" is ready for its argument; a space after it would be in the way.
    if (found[0].ends_with("(")) rl_completion_suppress_append = 1;
    return matches;
  }
  std::string common = found.front();
  for (const auto& f : found) {
    std::size_t n = 0;
    while (n < common.size() && n < f.size() && common[n] == f[n]) ++n;
    common.resize(n);
  }
  matches[0] = copy(common);
  for (std::size_t i = 0; i < found.size(); ++i) matches[i + 1] = copy(found[i]);
  matches[found.size() + 1] = nullptr;
  return matches;
}

void clear_line_after_ctrl_c() {
  rl_free_line_state();
  rl_callback_sigcleanup();
  rl_replace_line("", 0);
  rl_crlf();
  rl_on_new_line();
  rl_redisplay();
}

int run_terminal(cli::Context& ctx) {
  Terminal t{&ctx, nullptr};
  auto path = history_path(std::getenv("XDG_STATE_HOME"), std::getenv("HOME"));
  t.history = std::make_unique<History>(path ? *path : std::filesystem::path());
  if (path && !t.history->error().empty()) {
    *ctx.err << paint_errors(
        tr(ctx.lang, "error.prefix") + ": " +
            tr(ctx.lang, "repl.history_failed", sanitize(path->string()), t.history->error()) +
            "\n",
        ctx.lang, ctx.color);
  }
  current = &t;

  rl_readline_name = "tutor";
  rl_attempted_completion_function = complete;
  rl_completion_word_break_hook = break_characters;
  rl_basic_word_break_characters = kMathBreaks.data();
  // Signals are ours: readline's own handlers would end the session on Ctrl-C.
  rl_catch_signals = 0;
  rl_catch_sigwinch = 0;
  struct sigaction sa {
  }, old_int{}, old_winch{};
  sigemptyset(&sa.sa_mask);
  sa.sa_handler = on_sigint;  // no SA_RESTART: pselect must wake up
  sigaction(SIGINT, &sa, &old_int);
  sa.sa_handler = on_sigwinch;
  sigaction(SIGWINCH, &sa, &old_winch);

  // The signals stay blocked except inside pselect(), which unblocks them atomically: a
  // Ctrl-C that lands between the flag check and the wait can then never be lost.
  sigset_t waiting, blocked;
  sigemptyset(&blocked);
  sigaddset(&blocked, SIGINT);
  sigaddset(&blocked, SIGWINCH);
  sigprocmask(SIG_BLOCK, &blocked, &waiting);
  sigdelset(&waiting, SIGINT);
  sigdelset(&waiting, SIGWINCH);

  *ctx.out << greeting(ctx.lang, ctx.color) << std::flush;
  const std::string prompt = prompt_text(ctx.color);
  rl_callback_handler_install(prompt.c_str(), on_line);
  const int fd = fileno(rl_instream ? rl_instream : stdin);
  while (!t.done) {
    fd_set fds;
    FD_ZERO(&fds);
    FD_SET(fd, &fds);
    int ready = pselect(fd + 1, &fds, nullptr, nullptr, nullptr, &waiting);
    if (resized) {
      resized = 0;
      rl_resize_terminal();
      ctx.width = cli::terminal_width(ctx);
    }
    if (interrupted) {
      interrupted = 0;
      clear_line_after_ctrl_c();
    }
    if (ready < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (ready > 0) rl_callback_read_char();
  }
  if (!t.done) rl_callback_handler_remove();
  sigprocmask(SIG_UNBLOCK, &blocked, nullptr);

  sigaction(SIGINT, &old_int, nullptr);
  sigaction(SIGWINCH, &old_winch, nullptr);
  current = nullptr;
  return 0;
}

}  // namespace

int run(cli::Context& ctx) {
  if (ctx.interactive) return run_terminal(ctx);
  return run_script(ctx);
}

}  // namespace tutor::repl
