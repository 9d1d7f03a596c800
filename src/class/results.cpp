#include "class/results.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "base/errors.hpp"
#include "base/files.hpp"
#include "base/text.hpp"
#include "class/gradebook.hpp"
#include "class/quiz_variants.hpp"

namespace tutor {

namespace {

// A class's CSV export stays far below this; anything larger is not what students handed in.
constexpr std::size_t kMaxHandInBytes = 64u << 20;

// `quiz take` refuses longer student ids.
constexpr std::size_t kMaxStudentBytes = 200;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return s;
}

// Line and column (in characters, both 1-based) of the byte before BYTE, where nlohmann's
// parser stopped.
std::pair<std::size_t, std::size_t> place_of(std::string_view text, std::size_t byte) {
  const std::size_t end = std::min(text.size(), byte > 0 ? byte - 1 : 0);
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {line, column};
}

// Reads one result's fields, noting every problem rather than stopping at the first.
class ResultReader {
 public:
  ResultReader(const nlohmann::json& j, std::string_view file, HandedIn& out)
      : j_(j), file_(file), out_(out) {}

  void problem(std::string field, Message m, bool notice = false) {
    out_.problems.push_back({file_, 0, std::move(field), std::move(m), notice});
    if (!notice) bad_ = true;
  }
  bool bad() const { return bad_; }

  std::optional<std::string> text(const nlohmann::json& object, const std::string& key,
                                  const std::string& field, bool required) {
    auto it = object.find(key);
    if (it == object.end()) {
      if (required) problem(field, Message{"results.missing", {}});
      return std::nullopt;
    }
    if (!it->is_string()) {
      problem(field, Message{"results.not_string", {}});
      return std::nullopt;
    }
    return it->get<std::string>();
  }
  std::optional<std::string> text(const std::string& key, bool required) {
    return text(j_, key, key, required);
  }

 private:
  const nlohmann::json& j_;
  std::string file_;
  HandedIn& out_;
  bool bad_ = false;
};

void read_one(const Quiz& quiz, const std::string& path, HandedIn& out) {
  std::string text;
  try {
    text = read_bounded(path, kMaxHandInBytes);
  } catch (const Error& e) {
    out.problems.push_back({{}, 0, {}, e.message()});
    return;
  }
  std::string_view rest = text;
  if (rest.starts_with("\xEF\xBB\xBF")) rest.remove_prefix(3);
  const std::size_t first = rest.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && rest[first] == '{') {
    collect_result(text, quiz, path, out);
    return;
  }
  Responses r;
  collect_responses(read_csv(text), quiz, path, r);
  for (auto& s : r.submissions) out.submissions.push_back(std::move(s));
  for (auto& p : r.problems) out.problems.push_back({path, p.line, {}, p.message, p.notice});
}

std::string place_of(const Submission& s) {
  return s.line > 0 ? s.source + ":" + std::to_string(s.line) : s.source;
}

}  // namespace

std::optional<Keep> parse_keep(std::string_view word) {
  if (word == "first") return Keep::first;
  if (word == "last") return Keep::last;
  if (word == "best") return Keep::best;
  return std::nullopt;
}

void collect_result(std::string_view text, const Quiz& quiz, std::string_view file, HandedIn& out) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    auto [line, column] = place_of(text, e.byte);
    out.problems.push_back(
        {std::string(file), line, {}, Message{"results.bad_json", {std::to_string(column)}}});
    return;
  }
  ResultReader r(j, file, out);
  if (!j.is_object()) {
    r.problem({}, Message{"results.not_object", {}});
    return;
  }
  const auto title = r.text("quiz", true);
  const auto student = r.text("student", true);
  const auto seed = r.text("seed", false);
  const auto quiz_seed = r.text("quiz_seed", false);
  const auto version = r.text("version", false);
  if (student && (trim(*student).empty() || student->size() > kMaxStudentBytes)) {
    r.problem("student", Message{"results.bad_student", {}});
  }
  std::map<std::string, std::string> answers;
  std::vector<std::string> ids;
  auto list = j.find("answers");
  if (list == j.end()) {
    r.problem("answers", Message{"results.missing", {}});
  } else if (!list->is_array()) {
    r.problem("answers", Message{"results.not_array", {}});
  } else {
    for (std::size_t i = 0; i < list->size(); ++i) {
      const auto& a = (*list)[i];
      const std::string at = "answers[" + std::to_string(i) + "]";
      if (!a.is_object()) {
        r.problem(at, Message{"results.not_object", {}});
        continue;
      }
      auto id = r.text(a, "id", at + ".id", true);
      auto answer = r.text(a, "answer", at + ".answer", true);
      if (!id || !answer) continue;
      if (!answers.emplace(*id, *answer).second) {
        r.problem(at + ".id", Message{"results.repeated_id", {sanitize(*id)}});
      }
      ids.push_back(*id);
    }
  }
  if (r.bad()) return;

  // The same quiz, the same version: otherwise the answers would meet another key.
  if (*title != quiz.title) {
    r.problem("quiz", Message{"results.other_title", {sanitize(*title), sanitize(quiz.title)}});
    return;
  }
  if (quiz_seed && *quiz_seed != quiz.seed) {
    r.problem("quiz_seed", Message{"results.other_quiz_seed", {}});
    return;
  }
  // The variant seed follows from the title, the quiz's seed and the student: a file without
  // quiz_seed still shows a changed seed here.
  if (seed && *seed != seed_text(variant_seed(quiz, *student))) {
    r.problem("seed", Message{"results.other_variant", {sanitize(*seed)}});
    return;
  }
  const std::string ours = quiz_version(quiz);
  if (version && *version != ours) {
    r.problem("version", Message{"results.other_version", {sanitize(*version), ours}});
    return;
  }
  std::vector<std::string> want;
  for (const auto& q : quiz.questions) want.push_back(q.id);
  if (ids != want) {
    r.problem("answers", Message{"results.other_questions", {}});
    return;
  }
  if (!version) r.problem("version", Message{"results.no_version", {}}, true);

  Submission s;
  s.student = *student;
  s.source = std::string(file);
  s.answers = std::move(answers);
  out.submissions.push_back(std::move(s));
}

HandedIn read_handed_in(const Quiz& quiz, const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  HandedIn out;
  for (const auto& path : paths) {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
      read_one(quiz, path, out);
      continue;
    }
    std::vector<std::string> names;
    for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
      const std::string name = it->path().filename().string();
      const std::string ext = lower(it->path().extension().string());
      std::error_code kind;
      // Hidden files are editors' and file managers' leftovers, not hand-ins.
      if (!name.starts_with('.') && (ext == ".json" || ext == ".csv") &&
          it->is_regular_file(kind)) {
        names.push_back(name);
      }
    }
    if (ec) {
      out.problems.push_back({path, 0, {}, Message{"results.folder_unreadable", {}}});
      continue;
    }
    if (names.empty()) {
      out.problems.push_back({path, 0, {}, Message{"results.empty_folder", {}}});
      continue;
    }
    std::sort(names.begin(), names.end());
    for (const auto& name : names) read_one(quiz, (fs::path(path) / name).string(), out);
  }
  return out;
}

std::vector<Submission> keep_one_each(const Quiz& quiz, std::vector<Submission> subs, Keep keep,
                                      std::vector<HandInProblem>& problems) {
  std::map<std::string, std::vector<std::size_t>> by_student;
  std::vector<std::string> order;  // students by first appearance
  for (std::size_t i = 0; i < subs.size(); ++i) {
    auto& seen = by_student[subs[i].student];
    if (seen.empty()) order.push_back(subs[i].student);
    seen.push_back(i);
  }
  // Totals of the repeated students' submissions, by index.
  std::map<std::size_t, double> totals;
  if (keep == Keep::best) {
    std::vector<Submission> repeated;
    std::vector<std::size_t> index;
    for (const auto& [student, seen] : by_student) {
      if (seen.size() < 2) continue;
      for (std::size_t i : seen) {
        repeated.push_back(subs[i]);
        index.push_back(i);
      }
    }
    if (!repeated.empty()) {
      const Gradebook g = grade_class(quiz, repeated);
      for (std::size_t k = 0; k < index.size(); ++k) totals[index[k]] = g.students[k].total;
    }
  }
  std::vector<bool> kept(subs.size(), false);
  for (const auto& student : order) {
    const auto& seen = by_student[student];
    std::size_t pick = keep == Keep::first ? seen.front() : seen.back();
    if (keep == Keep::best) {
      pick = seen.front();
      for (std::size_t i : seen) {
        if (totals[i] >= totals[pick]) pick = i;
      }
    }
    kept[pick] = true;
    if (seen.size() < 2) continue;
    std::vector<std::string> places;
    for (std::size_t i : seen) places.push_back(sanitize(place_of(subs[i])));
    static constexpr std::string_view kKeys[] = {"results.repeated_first", "results.repeated_last",
                                                 "results.repeated_best"};
    problems.push_back({{},
                        0,
                        {},
                        Message{std::string(kKeys[static_cast<int>(keep)]),
                                {sanitize(student), std::to_string(seen.size()), join(places, ", "),
                                 sanitize(place_of(subs[pick]))}},
                        true});
  }
  std::vector<Submission> out;
  for (std::size_t i = 0; i < subs.size(); ++i) {
    if (kept[i]) out.push_back(std::move(subs[i]));
  }
  return out;
}

std::string format_hand_in_problem(Lang lang, const HandInProblem& p) {
  std::string out;
  if (!p.file.empty()) {
    out = sanitize(p.file);
    if (p.line > 0) out += ":" + std::to_string(p.line);
    if (!p.field.empty()) out += ": " + p.field;
    out += ": ";
  }
  return out + sanitize(render(lang, p.message));
}

}  // namespace tutor
