#include "course/lesson.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

#include "base/errors.hpp"
#include "base/files.hpp"
#include "base/text.hpp"
#include "course/markdown.hpp"
#include "course/practice.hpp"
#include "math/equivalence.hpp"
#include "math/syntax.hpp"

namespace tutor {

namespace {

// "key: value", with the key lowercased; nullopt when the line has no such colon.
std::optional<std::pair<std::string, std::string>> key_value(std::string_view line) {
  auto colon = line.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  std::string key = trim(line.substr(0, colon));
  if (key.empty() || key.find(' ') != std::string::npos) return std::nullopt;
  std::transform(key.begin(), key.end(), key.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::pair{key, trim(line.substr(colon + 1))};
}

class Parser {
 public:
  Parser(std::string_view text, const std::filesystem::path& file)
      : lines_(split_lines(text)), file_(file) {}

  ParsedLesson run() {
    lesson_.file = file_;
    std::size_t body = front_matter();
    if (problems_.empty()) sections(body);
    ParsedLesson out;
    out.problems = std::move(problems_);
    if (out.problems.empty()) out.lesson = std::move(lesson_);
    return out;
  }

 private:
  void problem(std::size_t line, std::string key, std::vector<std::string> args = {}) {
    problems_.push_back({file_, line, Message{std::move(key), std::move(args)}});
  }

  // The lines between the two "---"; returns the index of the first body line.
  std::size_t front_matter() {
    if (lines_.empty() || trim(lines_[0]) != "---") {
      problem(1, "lesson.no_front_matter");
      return 0;
    }
    std::size_t i = 1;
    bool closed = false;
    std::set<std::string> seen;
    for (; i < lines_.size(); ++i) {
      std::string t = trim(lines_[i]);
      if (t == "---") {
        closed = true;
        break;
      }
      if (t.empty() || t.starts_with("#")) continue;
      auto kv = key_value(t);
      if (!kv) {
        problem(i + 1, "lesson.bad_front_line", {sanitize(t)});
        continue;
      }
      seen.insert(kv->first);
      if (kv->first == "number") {
        char* end = nullptr;
        long n = std::strtol(kv->second.c_str(), &end, 10);
        if (kv->second.empty() || *end != '\0' || n < 1 || n > 999) {
          problem(i + 1, "lesson.bad_number", {sanitize(kv->second)});
        }
        lesson_.number = static_cast<int>(n);
      } else if (kv->first == "title") {
        lesson_.title = kv->second;
      } else if (kv->first == "lang") {
        auto lang = parse_lang(kv->second);
        if (!lang)
          problem(i + 1, "lesson.bad_lang", {sanitize(kv->second)});
        else
          lesson_.lang = *lang;
      }
      // Other keys (author, level, ...) are the teacher's own notes.
    }
    if (!closed) {
      problem(1, "lesson.unclosed_front_matter");
      return lines_.size();
    }
    for (std::string_view required : {"number", "title", "lang"}) {
      if (!seen.contains(std::string(required)))
        problem(1, "lesson.missing_key", {std::string(required)});
    }
    if (seen.contains("title") && lesson_.title.empty())
      problem(1, "lesson.missing_key", {"title"});
    return i + 1;
  }

  void flush_text(std::string& text, std::size_t line) {
    if (trim(text).empty()) {
      text.clear();
      return;
    }
    for (const auto& p : markdown_problems(text))
      problem(line + p.line, p.message.key, p.message.args);
    current().blocks.push_back({BlockKind::text, text, {}, line});
    text.clear();
  }

  Section& current() {
    if (lesson_.sections.empty()) lesson_.sections.push_back({lesson_.title, {}});
    return lesson_.sections.back();
  }

  void sections(std::size_t i) {
    std::string text;
    std::size_t text_line = i + 1;
    while (i < lines_.size()) {
      const std::string& l = lines_[i];
      std::string t = trim(l);
      if (t.starts_with("## ")) {
        flush_text(text, text_line);
        lesson_.sections.push_back({trim(t.substr(3)), {}});
        text = l + "\n";
        text_line = i + 1;
        ++i;
        continue;
      }
      if (t.starts_with("```")) {
        std::string info = trim(t.substr(3));
        std::size_t open = i;
        std::vector<std::string> body;
        for (++i; i < lines_.size() && !trim(lines_[i]).starts_with("```"); ++i)
          body.push_back(lines_[i]);
        if (i >= lines_.size()) {
          problem(open + 1, "lesson.unclosed_fence");
          return;
        }
        ++i;
        if (info == "tutor" || info == "question") {
          flush_text(text, text_line);
          if (info == "tutor")
            live(body, open + 1);
          else
            question(body, open + 1);
          text_line = i + 1;
        } else {
          text += l + "\n";
          for (const auto& b : body) text += b + "\n";
          text += lines_[i - 1] + "\n";
        }
        continue;
      }
      text += l + "\n";
      ++i;
    }
    flush_text(text, text_line);
    if (lesson_.sections.empty()) problem(1, "lesson.empty");
  }

  void live(const std::vector<std::string>& body, std::size_t line) {
    // Each non-blank line is a command of its own.
    bool any = false;
    for (std::size_t k = 0; k < body.size(); ++k) {
      std::string t = trim(body[k]);
      if (t.empty() || t.starts_with("#")) continue;
      if (t.starts_with("tutor ")) t = trim(t.substr(6));
      current().blocks.push_back({BlockKind::live, t, {}, line + 1 + k});
      any = true;
    }
    if (!any) problem(line, "lesson.empty_live");
  }

  // The value of a number question's answer: a number without variables ("54", "1/1024").
  static std::optional<double> number_of(const std::string& text) {
    try {
      SymbolTable scratch;
      Parsed p = parse(text, scratch);
      return p.variables.empty() ? evaluate(p.expr, {}) : std::nullopt;
    } catch (const std::exception&) {
      return std::nullopt;
    }
  }

  void question(const std::vector<std::string>& body, std::size_t line) {
    Question q;
    q.kind = AnswerKind::derivative;
    std::optional<int> exercise;
    std::string answer;
    std::vector<std::string> choices;
    std::string* last = nullptr;
    std::set<std::string> seen;
    bool bad_type = false;  // then the fields cannot be checked against a kind
    for (std::size_t k = 0; k < body.size(); ++k) {
      const std::string& l = body[k];
      const std::size_t at = line + 1 + k;
      if (trim(l).empty()) continue;
      if ((l.starts_with(" ") || l.starts_with("\t")) && last != nullptr) {
        *last += " " + trim(l);
        continue;
      }
      auto kv = key_value(l);
      if (!kv) {
        problem(at, "lesson.bad_question_line", {sanitize(trim(l))});
        continue;
      }
      auto& [key, value] = *kv;
      seen.insert(key);
      last = nullptr;
      if (key == "id") {
        q.id = value;
      } else if (key == "type") {
        static const std::map<std::string, AnswerKind> kinds = {
            {"derivative", AnswerKind::derivative},
            {"number", AnswerKind::number},
            {"choice", AnswerKind::choice}};
        auto it = kinds.find(value);
        if (it == kinds.end()) {
          problem(at, "lesson.bad_question_type", {sanitize(value)});
          bad_type = true;
        } else {
          q.kind = it->second;
        }
      } else if (key == "ask") {
        q.prompt = value;
        last = &q.prompt;
      } else if (key == "expr") {
        q.function = value;
      } else if (key == "wrt") {
        q.wrt = value;
      } else if (key == "answer") {
        answer = value;
      } else if (key == "hint") {
        q.hints.push_back(value);
        last = &q.hints.back();
      } else if (key == "choice") {
        choices.push_back(value);
        last = &choices.back();
      } else if (key == "explain") {
        q.explain = value;
        last = &q.explain;
      } else if (key == "exercise") {
        char* end = nullptr;
        long n = std::strtol(value.c_str(), &end, 10);
        if (value.empty() || *end != '\0' || n < 1)
          problem(at, "lesson.bad_number", {sanitize(value)});
        else
          exercise = static_cast<int>(n);
      } else if (key == "tolerance") {
        char* end = nullptr;
        double t = std::strtod(value.c_str(), &end);
        if (value.empty() || *end != '\0' || !(t >= 0))
          problem(at, "lesson.bad_number", {sanitize(value)});
        else
          q.tolerance = t;
      } else {
        problem(at, "lesson.unknown_question_key", {sanitize(key)});
      }
    }
    ++question_count_;
    if (q.id.empty()) q.id = "q" + std::to_string(question_count_);
    if (!ids_.insert(q.id).second) problem(line, "lesson.duplicate_question", {sanitize(q.id)});
    for (std::string_view required : {"ask", "answer"}) {
      if (!seen.contains(std::string(required)))
        problem(line, "lesson.missing_key", {std::string(required)});
    }
    for (const auto& text : {q.prompt, q.explain}) {
      for (const auto& p : markdown_problems(text)) problem(line, p.message.key, p.message.args);
    }
    for (auto& c : choices) q.choices.push_back(Choice{std::move(c), {}});
    q.key = answer;
    if (!bad_type) {
      if (auto bad = key_problem(q, answer)) {
        problem(line, bad->key, bad->args);
      } else if (auto wrong = question_problem(q)) {
        problem(line, wrong->key, wrong->args);
      }
    }
    current().blocks.push_back({BlockKind::question, {}, std::move(q), line, exercise});
  }

  // Reads ANSWER, the key as the author wrote it, into Q; what is wrong with it, or nullopt.
  static std::optional<Message> key_problem(Question& q, const std::string& answer) {
    switch (q.kind) {
      case AnswerKind::derivative:
        if (q.function.empty()) return Message{"lesson.missing_key", {"expr"}};
        break;
      case AnswerKind::number:
        if (auto v = number_of(answer)) {
          q.number = *v;
        } else if (!answer.empty()) {
          return Message{"lesson.not_a_number", {sanitize(answer)}};
        }
        break;
      case AnswerKind::choice:
        if (q.choices.size() < 2) return Message{"lesson.few_choices", {}};
        if (auto i = choice_named(q, answer)) {
          q.choice = *i;
        } else if (!answer.empty()) {
          return Message{"practice.no_such_choice",
                         {sanitize(answer), std::to_string(q.choices.size()),
                          choice_letter(q.choices.size() - 1)}};
        }
        break;
      case AnswerKind::expression:
        break;
    }
    return std::nullopt;
  }

  std::vector<std::string> lines_;
  std::filesystem::path file_;
  Lesson lesson_;
  std::vector<LessonProblem> problems_;
  std::set<std::string> ids_;
  int question_count_ = 0;
};

}  // namespace

namespace {

LessonProblem too_big(const std::filesystem::path& file) {
  return {file, 0, Message{"lesson.too_big", {std::to_string(kMaxLessonBytes / 1024)}}};
}

}  // namespace

ParsedLesson parse_lesson(std::string_view text, const std::filesystem::path& file) {
  if (text.size() > kMaxLessonBytes) {
    ParsedLesson out;
    out.problems.push_back(too_big(file));
    return out;
  }
  if (!valid_utf8(text)) {
    ParsedLesson out;
    out.problems.push_back({file, 0, Message{"lesson.not_utf8", {}}});
    return out;
  }
  return Parser(text, file).run();
}

LessonSet load_lessons(const std::filesystem::path& dir, Lang lang) {
  LessonSet set;
  std::filesystem::path folder = dir / std::string(lang_name(lang));
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->path().extension() == ".md") files.push_back(it->path());
  }
  // Files in name order, so "which one is left out" is the same on every machine.
  std::sort(files.begin(), files.end());
  if (files.size() > kMaxLessonFiles) {
    set.problems.push_back({files[kMaxLessonFiles], 0,
                            Message{"lesson.too_many_files", {std::to_string(kMaxLessonFiles)}}});
    files.resize(kMaxLessonFiles);
  }
  std::map<int, std::filesystem::path> numbers;
  for (const auto& f : files) {
    std::string text;
    try {
      text = read_bounded(f, kMaxLessonBytes);
    } catch (const Error& e) {
      set.problems.push_back({f, 0, e.message()});
      continue;
    }
    ParsedLesson p = parse_lesson(text, f);
    for (auto& problem : p.problems) set.problems.push_back(std::move(problem));
    if (!p.lesson) continue;
    if (p.lesson->lang != lang) {
      set.problems.push_back(
          {f, 1,
           Message{"lesson.wrong_lang",
                   {std::string(lang_name(p.lesson->lang)), std::string(lang_name(lang))}}});
      continue;
    }
    auto [it, fresh] = numbers.emplace(p.lesson->number, f);
    if (!fresh) {
      set.problems.push_back(
          {f, 1,
           Message{"lesson.duplicate_number",
                   {std::to_string(p.lesson->number), it->second.filename().string()}}});
      continue;
    }
    set.lessons.push_back(std::move(*p.lesson));
  }
  std::sort(set.lessons.begin(), set.lessons.end(),
            [](const Lesson& a, const Lesson& b) { return a.number < b.number; });
  return set;
}

std::optional<std::filesystem::path> find_lessons_dir(std::optional<std::string_view> flag) {
  // An explicit folder (the flag, or the variable) is the only one looked at: a typo must
  // not fall back silently to other lessons.
  std::vector<std::filesystem::path> candidates;
  const char* env = std::getenv("TUTOR_LESSONS");
  if (flag) {
    candidates.emplace_back(std::string(*flag));
  } else if (env != nullptr && *env != '\0') {
    candidates.emplace_back(env);
  } else {
#ifdef TUTOR_INSTALL_LESSONS
    candidates.emplace_back(TUTOR_INSTALL_LESSONS);
#endif
#ifdef TUTOR_SOURCE_LESSONS
    candidates.emplace_back(TUTOR_SOURCE_LESSONS);
#endif
  }
  for (const auto& c : candidates) {
    std::error_code ec;
    if (std::filesystem::is_directory(c, ec)) return c;
  }
  return std::nullopt;
}

std::string format_problem(Lang lang, const LessonProblem& p) {
  // A file that cannot be read is named by its own message.
  if (p.line == 0 && is_file_error(p.message)) return render(lang, p.message);
  std::string where = sanitize(p.file.string());
  if (p.line > 0) where += ":" + std::to_string(p.line);
  return where + ": " + render(lang, p.message);
}

}  // namespace tutor
