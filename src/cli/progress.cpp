// `tutor progress [--reset] [--yes] [--format text|json]`: what the learner has done, and
// starting over. A reset asks first on a terminal, needs --yes otherwise, and always keeps
// the old file as progress.json.bak-<time>.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <ctime>
#include <iostream>

#include "base/errors.hpp"
#include "base/files.hpp"
#include "base/interrupt.hpp"
#include "base/table.hpp"
#include "base/text.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/output.hpp"
#include "cli/progress_file.hpp"
#include "course/drill.hpp"
#include "course/lesson.hpp"
#include "course/mastery.hpp"
#include "course/skills.hpp"

namespace tutor::cli {

namespace {

constexpr int kExercises = 3;  // the course's three exercises

std::string utc_stamp() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
  return buf;
}

bool agreed(std::string answer) {
  for (char& c : answer) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const std::string_view kYes[] = {"y", "yes", "예", "네", "응", "ㅇ"};
  for (auto y : kYes) {
    if (answer == y) return true;
  }
  return false;
}

int reset(const Invocation& inv, Context& ctx, const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    *ctx.out << tr(ctx.lang, "progress.nothing_to_reset") << "\n";
    return 0;
  }
  if (!inv.has("--yes")) {
    if (!ctx.interactive) throw Error(Message{"progress.reset_needs_yes", {}});
    *ctx.out << tr(ctx.lang, "progress.reset_ask", sanitize(path.string())) << " " << std::flush;
    std::string answer;
    const bool answered = static_cast<bool>(std::getline(*ctx.in, answer));
    if (!answered) poll_interrupt();  // Ctrl-C: "interrupted", and nothing is reset
    if (!answered || !agreed(answer)) {
      *ctx.out << tr(ctx.lang, "progress.reset_cancelled") << "\n";
      return 0;
    }
  }
  const std::string content = read_bounded(path, kMaxProgressBytes);
  std::filesystem::path backup = path;
  backup += ".bak-" + utc_stamp();
  // Two resets in one second must not overwrite the first backup.
  for (int k = 2; std::filesystem::exists(backup, ec); ++k) {
    backup = path;
    backup += ".bak-" + utc_stamp() + "-" + std::to_string(k);
  }
  write_atomically(backup, content, Overwrite::never);
  save_progress(path, Progress{});
  *ctx.out << tr(ctx.lang, "progress.reset_done", sanitize(backup.string())) << "\n";
  return 0;
}

std::string tries_text(Lang lang, const Attempts& a) {
  std::string s = tr_count(lang, "progress.tries", a.tries);
  if (a.revealed && !a.solved) s += ", " + tr(lang, "progress.revealed");
  return s;
}

void show(const Progress& p, const std::filesystem::path& path, Context& ctx) {
  std::ostream& out = *ctx.out;
  const std::string yes = ctx.ascii ? "[x]" : " ✓ ";
  const std::string no = "   ";

  // Lesson titles when the lessons can be found; numbers alone otherwise.
  std::vector<std::pair<int, std::string>> lessons;
  if (auto dir = find_lessons_dir(std::nullopt)) {
    for (const auto& l : load_lessons(*dir, ctx.lang).lessons)
      lessons.emplace_back(l.number, l.title);
  }
  for (int n : p.lessons_completed) {
    bool known =
        std::any_of(lessons.begin(), lessons.end(), [&](const auto& l) { return l.first == n; });
    if (!known) lessons.emplace_back(n, "");
  }
  std::sort(lessons.begin(), lessons.end());

  out << tr(ctx.lang, "progress.file", sanitize(path.string())) << "\n\n";
  out << tr(ctx.lang, "progress.lessons", p.lessons_completed.size(), lessons.size()) << "\n";
  for (const auto& [n, title] : lessons) {
    out << "  " << (p.lessons_completed.contains(n) ? yes : no) << " " << n << ". "
        << sanitize(title, ctx.ascii) << "\n";
  }

  int answered = 0, correct = 0, tries = 0;
  for (const auto& [id, a] : p.questions) {
    if (a.tries == 0 && !a.revealed) continue;
    ++answered;
    correct += a.solved ? 1 : 0;
    tries += a.tries;
  }
  out << "\n"
      << render(ctx.lang, Message{"progress.questions",
                                  {to_arg(answered), to_arg(correct), to_arg(tries)},
                                  tries})
      << "\n";

  int solved = 0;
  for (const auto& [id, a] : p.exercises) solved += a.solved ? 1 : 0;
  out << "\n" << tr(ctx.lang, "progress.exercises", solved, kExercises) << "\n";
  for (int n = 1; n <= kExercises; ++n) {
    auto it = p.exercises.find(std::to_string(n));
    out << "  " << (it != p.exercises.end() && it->second.solved ? yes : no) << " "
        << tr(ctx.lang, "progress.exercise", n);
    if (it != p.exercises.end()) out << " (" << tries_text(ctx.lang, it->second) << ")";
    out << "\n";
  }

  // The skills of `tutor practice`, each with its estimate as a bar.
  int mastered = 0;
  for (const auto& s : skills()) mastered += is_mastered(mastery_of(p, s.id)) ? 1 : 0;
  out << "\n" << tr(ctx.lang, "progress.skills", mastered, skills().size()) << "\n";
  TextTable table({.indent = "  "});
  for (const auto& s : skills()) {
    const double m = mastery_of(p, s.id);
    auto it = p.skills.find(std::string(s.id));
    const int answered = it == p.skills.end() ? 0 : it->second.answered;
    table.add_row({mastery_bar(m, ctx.ascii), std::to_string(std::lround(m * 100)) + "%",
                   std::string(s.id), tr(ctx.lang, s.title),
                   answered == 0 ? "" : tr_count(ctx.lang, "progress.skill_answered", answered)});
  }
  out << table.str();
}

int run_progress(const Invocation& inv, Context& ctx) {
  auto path = progress_path();
  if (!path) throw Error(Message{"progress.no_place", {}});
  if (inv.has("--reset")) return reset(inv, ctx, *path);
  ProgressFile file(ctx);
  if (format_of(inv) == "json") {
    *ctx.out << progress_json(file.get());
    return 0;
  }
  show(file.get(), *path, ctx);
  return 0;
}

}  // namespace

Command progress_command() {
  return Command{
      "progress",
      "cmd.progress",
      {
          {"--reset", "", "opt.progress.reset"},
          {"--yes", "", "opt.progress.yes"},
          format_option({"text", "json"}),
      },
      false,
      run_progress,
  };
}

}  // namespace tutor::cli
