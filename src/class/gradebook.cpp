#include "class/gradebook.hpp"

#include <csv.h>
#include <fmt/format.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <set>
#include <thread>
#include <unordered_map>

#include "base/table.hpp"
#include "base/text.hpp"
#include "class/item_analysis.hpp"
#include "class/partial_credit.hpp"

namespace tutor {

namespace {

// Marks answers, remembering each question variant and each distinct answer to it: a class
// gives the same answer to the same variant again and again.
class Marker {
 public:
  explicit Marker(const Quiz& quiz) : quiz_(quiz) {}

  AnswerResult mark_one(std::size_t qi, std::uint64_t seed, const std::string& answer) {
    const QuizQuestion& q = quiz_.questions[qi];
    Variant v = draw_variant(q, seed);
    std::string vt = variant_text(v);
    AnswerResult r;
    r.id = q.id;
    r.answer = answer;
    r.points = q.points;
    r.variant = vt;
    std::string key = std::to_string(qi) + '\x1f' + vt + '\x1f' + answer;
    auto hit = marks_.find(key);
    if (hit == marks_.end()) {
      Outcome m;
      Credit c;
      const Question* p = posed(qi, v, vt);
      if (p == nullptr) {
        // A variant with no answer key (quiz check samples large ranges): nobody can be
        // marked right or wrong on it.
        m.status = answer.find_first_not_of(" \t\r\n") == std::string::npos ? Status::blank
                                                                            : Status::invalid;
      } else {
        m = grade(*p, answer);
        c = credit(q, *p, m, answer);
      }
      hit = marks_.emplace(std::move(key), Cached{m.status, m.mistake, c}).first;
    }
    r.status = hit->second.status;
    r.mistake = hit->second.mistake;
    r.score = hit->second.credit.score;
    r.partial = hit->second.credit.partial;
    return r;
  }

 private:
  struct Cached {
    Status status;
    std::optional<Mistake> mistake;
    Credit credit;
  };

  // The question for variant V, as it is marked (no language: a choice is named by its text
  // in either), or null when the variant has no answer key.
  const Question* posed(std::size_t qi, const Variant& v, const std::string& vt) {
    std::string key = std::to_string(qi) + '\x1f' + vt;
    auto it = posed_.find(key);
    if (it == posed_.end()) {
      std::optional<Question> p;
      try {
        SymbolTable syms;
        p = to_question(pose(quiz_.questions[qi], v, syms), Lang::en, false);
      } catch (const std::exception&) {
      }
      it = posed_.emplace(std::move(key), std::move(p)).first;
    }
    return it->second ? &*it->second : nullptr;
  }

  const Quiz& quiz_;
  std::unordered_map<std::string, std::optional<Question>> posed_;
  std::unordered_map<std::string, Cached> marks_;
};

std::vector<StudentResult> grade_range(const Quiz& quiz, const std::vector<Submission>& subs,
                                       std::size_t from, std::size_t to) {
  Marker marker(quiz);
  std::vector<StudentResult> out;
  out.reserve(to - from);
  for (std::size_t i = from; i < to; ++i) {
    const Submission& s = subs[i];
    StudentResult r;
    r.student = s.student;
    r.seed = variant_seed(quiz, s.student);
    for (std::size_t qi = 0; qi < quiz.questions.size(); ++qi) {
      auto it = s.answers.find(quiz.questions[qi].id);
      r.answers.push_back(
          marker.mark_one(qi, r.seed, it == s.answers.end() ? std::string() : it->second));
    }
    total_up(r, quiz);
    out.push_back(std::move(r));
  }
  return out;
}

// What a worker sends back: only what the parent cannot recompute cheaply.
nlohmann::json pack(const std::vector<StudentResult>& rs) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& r : rs) {
    nlohmann::json s = nlohmann::json::array();
    for (const auto& x : r.answers) {
      s.push_back({static_cast<int>(x.status), x.mistake ? static_cast<int>(*x.mistake) : -1,
                   x.score, x.partial});
    }
    a.push_back(s);
  }
  return a;
}

bool unpack(const std::string& text, const Quiz& quiz, const std::vector<Submission>& subs,
            std::size_t from, std::size_t to, std::vector<StudentResult>& out) {
  nlohmann::json a = nlohmann::json::parse(text, nullptr, false);
  if (a.is_discarded() || !a.is_array() || a.size() != to - from) return false;
  for (std::size_t i = from; i < to; ++i) {
    const auto& s = a[i - from];
    if (!s.is_array() || s.size() != quiz.questions.size()) return false;
    for (const auto& x : s) {
      if (!x.is_array() || x.size() != 4 || !x[2].is_number() || !x[3].is_string()) return false;
    }
    StudentResult r;
    r.student = subs[i].student;
    r.seed = variant_seed(quiz, r.student);
    for (std::size_t qi = 0; qi < quiz.questions.size(); ++qi) {
      const QuizQuestion& q = quiz.questions[qi];
      AnswerResult x;
      x.id = q.id;
      auto it = subs[i].answers.find(q.id);
      x.answer = it == subs[i].answers.end() ? std::string() : it->second;
      x.points = q.points;
      x.variant = variant_text(draw_variant(q, r.seed));
      x.status = static_cast<Status>(s[qi][0].get<int>());
      int m = s[qi][1].get<int>();
      if (m >= 0) x.mistake = static_cast<Mistake>(m);
      x.score = s[qi][2].get<double>();
      x.partial = s[qi][3].get<std::string>();
      r.answers.push_back(std::move(x));
    }
    total_up(r, quiz);
    out.push_back(std::move(r));
  }
  return true;
}

struct Worker {
  pid_t pid = -1;
  int fd = -1;
  std::size_t from = 0;
  std::size_t to = 0;
};

// Grades [from, to) in a child process; pid -1 when it could not be started.
Worker start_worker(const Quiz& quiz, const std::vector<Submission>& subs, std::size_t from,
                    std::size_t to) {
  Worker w{-1, -1, from, to};
  int fds[2];
  if (pipe(fds) != 0) return w;
  pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return w;
  }
  if (pid == 0) {
    close(fds[0]);
    int status = 1;
    try {
      std::string text = pack(grade_range(quiz, subs, from, to)).dump();
      std::size_t done = 0;
      while (done < text.size()) {
        ssize_t n = write(fds[1], text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
      }
      status = done == text.size() ? 0 : 1;
    } catch (...) {
    }
    close(fds[1]);
    // _exit: the parent's buffered output and destructors belong to the parent.
    _exit(status);
  }
  close(fds[1]);
  w.pid = pid;
  w.fd = fds[0];
  return w;
}

bool finish_worker(Worker& w, std::string& text) {
  char buf[65536];
  while (true) {
    ssize_t n = read(w.fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    text.append(buf, static_cast<std::size_t>(n));
  }
  close(w.fd);
  int status = 0;
  while (waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {
  }
  w.pid = -1;  // reaped
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// Workers still running when grading ends by an exception (Ctrl-C at the prompt throws
// Interrupted from this process's share) are stopped and reaped, so that a long session
// collects no zombies and no open pipes.
struct Reaper {
  std::vector<Worker>& workers;
  ~Reaper() {
    for (auto& w : workers) {
      if (w.pid <= 0) continue;
      close(w.fd);
      kill(w.pid, SIGKILL);
      while (waitpid(w.pid, nullptr, 0) < 0 && errno == EINTR) {
      }
    }
  }
};

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos && !s.starts_with(' ') && !s.ends_with(' ')) {
    return s;
  }
  std::string out(s.size() * 2 + 2, '\0');
  out.resize(csv_write(out.data(), out.size(), s.data(), s.size()));
  return out;
}

// Distinct answers (about 0.1 ms each to mark) that make a second process worth starting.
constexpr std::size_t kDistinctPerWorker = 500;

double rounded_percent(double p) {
  return std::round(p * 100) / 100;
}

// The count of S that an answer with STATUS adds to.
int& tally(QuestionSummary& s, Status status) {
  switch (status) {
    case Status::correct:
      return s.correct;
    case Status::incorrect:
      return s.incorrect;
    case Status::invalid:
      return s.invalid;
    case Status::blank:
      break;
  }
  return s.blank;
}

}  // namespace

void total_up(StudentResult& r, const Quiz& quiz) {
  r.total = 0;
  for (const auto& a : r.answers) r.total += a.score;
  r.max = quiz.max_points();
  r.percent = r.max > 0 ? 100.0 * r.total / r.max : 0;
  // Compared in whole numbers where possible so 60% of 5 points passes a pass mark of 60.
  r.passed = r.max > 0 && 100.0 * r.total >= quiz.pass * r.max - 1e-9;
}

std::size_t distinct_answers(const Quiz& quiz, const std::vector<Submission>& subs,
                             std::size_t stop_at) {
  std::set<std::string> distinct;
  for (const auto& s : subs) {
    std::uint64_t seed = variant_seed(quiz, s.student);
    for (const auto& q : quiz.questions) {
      auto it = s.answers.find(q.id);
      if (it == s.answers.end() || it->second.empty()) continue;
      distinct.insert(q.id + '\x1f' + variant_text(draw_variant(q, seed)) + '\x1f' + it->second);
      if (distinct.size() >= stop_at) return distinct.size();
    }
  }
  return distinct.size();
}

Gradebook grade_class(const Quiz& quiz, const std::vector<Submission>& subs,
                      const GradeOptions& options) {
  Gradebook g;
  g.title = quiz.title;
  g.pass = quiz.pass;
  g.max = quiz.max_points();
  for (const auto& q : quiz.questions) {
    g.ids.push_back(q.id);
    if (!q.partial.empty() || q.tolerance_partial > 0) g.partial_credit = true;
  }

  unsigned workers = options.workers;
  if (workers == 0) {
    // Repeated answers are marked once, so a class's cost is its distinct answers. Starting
    // a worker only pays off when there are enough of them.
    workers = distinct_answers(quiz, subs, kDistinctPerWorker) >= kDistinctPerWorker
                  ? std::max(1u, std::thread::hardware_concurrency())
                  : 1;
  }
  workers = static_cast<unsigned>(
      std::min<std::size_t>(std::max(1u, workers), std::max<std::size_t>(1, subs.size())));
  // Contiguous shares, so that putting the pieces back in order keeps the input order.
  std::vector<std::size_t> bounds;
  for (unsigned i = 0; i <= workers; ++i) bounds.push_back(subs.size() * i / workers);
  std::vector<Worker> started;
  const Reaper reaper{started};
  for (unsigned i = 1; i < workers; ++i)
    started.push_back(start_worker(quiz, subs, bounds[i], bounds[i + 1]));
  g.students = grade_range(quiz, subs, bounds[0], bounds[1]);
  for (auto& w : started) {
    std::string text;
    bool ok =
        w.pid > 0 && finish_worker(w, text) && unpack(text, quiz, subs, w.from, w.to, g.students);
    // A worker that failed (no fork, a crash) leaves its share to this process.
    if (!ok) {
      auto rest = grade_range(quiz, subs, w.from, w.to);
      g.students.insert(g.students.end(), rest.begin(), rest.end());
    }
  }

  for (std::size_t qi = 0; qi < quiz.questions.size(); ++qi) {
    QuestionSummary s;
    s.id = quiz.questions[qi].id;
    s.points = quiz.questions[qi].points;
    for (const auto& st : g.students) {
      const AnswerResult& a = st.answers[qi];
      ++s.students;
      ++tally(s, a.status);
      if (a.mistake) ++s.mistakes[std::string(mistake_id(*a.mistake))];
    }
    s.correct_rate = s.students > 0 ? static_cast<double>(s.correct) / s.students : 0;
    g.questions.push_back(std::move(s));
  }
  return g;
}

std::string format_percent(double percent) {
  std::string s = fmt::format("{:.2f}", rounded_percent(percent));
  while (s.ends_with('0')) s.pop_back();
  if (s.ends_with('.')) s.pop_back();
  return s == "-0" ? "0" : s;
}

nlohmann::ordered_json score_json(double score) {
  const double hundredths = std::round(score * 100);
  if (std::fmod(hundredths, 100) == 0) return static_cast<long long>(hundredths / 100);
  return hundredths / 100;
}

nlohmann::ordered_json answer_json(const AnswerResult& a) {
  nlohmann::ordered_json j{
      {"id", a.id},
      {"score", score_json(a.score)},
      {"points", a.points},
      {"status", status_id(a.status)},
      {"mistake", a.mistake ? nlohmann::ordered_json(mistake_id(*a.mistake)) : nullptr},
      {"partial", a.partial.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(a.partial)},
      // Answers come from students: invalid UTF-8 would make the JSON unreadable.
      {"answer", valid_utf8(a.answer) ? a.answer : sanitize(a.answer)}};
  if (!a.variant.empty()) j["variant"] = a.variant;
  return j;
}

nlohmann::ordered_json student_json(const StudentResult& r) {
  nlohmann::ordered_json answers = nlohmann::ordered_json::array();
  for (const auto& a : r.answers) answers.push_back(answer_json(a));
  return {{"student", r.student},
          {"seed", seed_text(r.seed)},
          {"total", score_json(r.total)},
          {"max", r.max},
          {"percent", rounded_percent(r.percent)},
          {"passed", r.passed},
          {"answers", std::move(answers)}};
}

nlohmann::ordered_json question_json(const QuestionSummary& q) {
  nlohmann::ordered_json mistakes = nlohmann::ordered_json::object();
  for (const auto& [tag, n] : q.mistakes) mistakes[tag] = n;
  return {{"id", q.id},
          {"points", q.points},
          {"students", q.students},
          {"correct", q.correct},
          {"correct_rate", std::round(q.correct_rate * 10000) / 10000},
          {"mistakes", std::move(mistakes)},
          {"incorrect", q.incorrect},
          {"invalid", q.invalid},
          {"blank", q.blank}};
}

std::string gradebook_json(const Gradebook& g, const ItemAnalysis* items) {
  nlohmann::ordered_json students = nlohmann::ordered_json::array();
  for (const auto& s : g.students) students.push_back(student_json(s));
  nlohmann::ordered_json questions = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < g.questions.size(); ++i) {
    nlohmann::ordered_json q = question_json(g.questions[i]);
    if (items != nullptr && i < items->items.size()) {
      const nlohmann::ordered_json stats = item_json(items->items[i]);
      for (const auto& [k, v] : stats.items()) q[k] = v;
    }
    questions.push_back(std::move(q));
  }
  const nlohmann::ordered_json j{{"quiz", g.title},
                                 {"pass", g.pass},
                                 {"max", g.max},
                                 {"students", std::move(students)},
                                 {"questions", std::move(questions)}};
  return j.dump(2) + "\n";
}

std::string gradebook_csv(const Gradebook& g) {
  std::string out = "student";
  for (const auto& id : g.ids) out += "," + csv_field(id);
  out += ",total,max,percent,passed";
  out += g.partial_credit ? ",partial\r\n" : "\r\n";
  for (const auto& s : g.students) {
    out += csv_field(valid_utf8(s.student) ? s.student : sanitize(s.student));
    std::string partial;
    for (const auto& a : s.answers) {
      out += "," + format_percent(a.score);
      if (!a.partial.empty()) partial += (partial.empty() ? "" : "; ") + a.id + "=" + a.partial;
    }
    out += "," + format_percent(s.total) + "," + std::to_string(s.max) + "," +
           format_percent(s.percent) + "," + (s.passed ? "yes" : "no");
    out += g.partial_credit ? "," + csv_field(partial) + "\r\n" : "\r\n";
  }
  return out;
}

std::string gradebook_text(const Gradebook& g, Lang lang, const ItemAnalysis* items) {
  // Names left-aligned, numbers (and the pass word) right-aligned.
  TextTable t;
  std::vector<std::string> head{tr(lang, "grade.student")};
  for (const auto& id : g.ids) head.push_back(id);
  for (const char* k : {"grade.total", "grade.max", "grade.percent", "grade.passed"})
    head.push_back(tr(lang, k));
  for (std::size_t i = 1; i < head.size(); ++i) t.align(i, Align::right);
  t.add_row(head);
  for (const auto& s : g.students) {
    std::vector<std::string> r{sanitize(s.student)};
    for (const auto& a : s.answers) r.push_back(format_percent(a.score));
    r.push_back(format_percent(s.total));
    r.push_back(std::to_string(s.max));
    r.push_back(format_percent(s.percent) + "%");
    r.push_back(tr(lang, s.passed ? "grade.yes" : "grade.no"));
    t.add_row(r);
  }
  std::size_t passed = 0;
  for (const auto& s : g.students) passed += s.passed ? 1 : 0;
  std::string out =
      tr(lang, "grade.heading", sanitize(g.title),
         tr_count(lang, "grade.n_students", static_cast<long long>(g.students.size())),
         tr_count(lang, "quiz.n_points", g.max), format_percent(g.pass), passed) +
      "\n\n" + t.str();
  out += "\n" + tr(lang, "grade.summary") + "\n";
  for (const auto& q : g.questions) {
    std::string line = "  " + q.id + ": " +
                       tr(lang, "grade.correct_share", q.correct, q.students,
                          format_percent(100 * q.correct_rate));
    for (const auto& [tag, n] : q.mistakes) {
      const auto m = parse_mistake(tag);
      line += ", " + (m ? mistake_name(lang, *m) : tag) + " " + std::to_string(n);
    }
    if (q.invalid > 0) line += ", " + tr(lang, "grade.invalid", q.invalid);
    if (q.blank > 0) line += ", " + tr(lang, "grade.blank", q.blank);
    out += line + "\n";
  }
  if (items != nullptr) out += "\n" + item_analysis_text(*items, lang);
  return out;
}

}  // namespace tutor
