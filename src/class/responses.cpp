#include "class/responses.hpp"

#include <csv.h>

#include <algorithm>
#include <cctype>
#include <optional>

#include "base/text.hpp"

namespace tutor {

namespace {

// libcsv calls back once per field and once per record; this collects them.
struct Collector {
  std::vector<std::string> fields;
  std::vector<std::vector<std::string>> records;  // completed in this chunk
};

void on_field(void* data, std::size_t len, void* self) {
  static_cast<Collector*>(self)->fields.emplace_back(static_cast<const char*>(data), len);
}

void on_record(int, void* self) {
  auto* c = static_cast<Collector*>(self);
  c->records.push_back(std::move(c->fields));
  c->fields.clear();
}

bool blank(std::string_view line) {
  return line.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

class Parser {
 public:
  Parser() { reset(); }
  ~Parser() { csv_free(&p_); }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  void reset() {
    if (ready_) csv_free(&p_);
    csv_init(&p_, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
    ready_ = true;
  }
  // Feeds one physical line (with its line end); false on a quoting error.
  bool feed(std::string_view chunk, Collector& c) {
    return csv_parse(&p_, chunk.data(), chunk.size(), on_field, on_record, &c) == chunk.size();
  }
  bool finish(Collector& c) { return csv_fini(&p_, on_field, on_record, &c) == 0; }

 private:
  csv_parser p_{};
  bool ready_ = false;
};

}  // namespace

CsvTable read_csv(std::string_view text) {
  CsvTable t;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  Parser parser;
  Collector c;
  std::size_t line = 0;
  std::size_t start = 0;  // the line the record being read started on (0: none yet)
  bool have_header = false;

  auto take = [&](std::size_t record_line) {
    for (auto& rec : c.records) {
      if (!have_header) {
        t.header = std::move(rec);
        t.header_line = record_line;
        have_header = true;
        continue;
      }
      bool utf8 =
          std::all_of(rec.begin(), rec.end(), [](const std::string& f) { return valid_utf8(f); });
      if (!utf8) {
        t.problems.push_back({record_line, Message{"csv.not_utf8", {}}});
      } else if (rec.size() != t.header.size()) {
        t.problems.push_back(
            {record_line, Message{"csv.field_count",
                                  {std::to_string(rec.size()), std::to_string(t.header.size())}}});
      } else {
        t.rows.push_back(CsvRow{record_line, std::move(rec)});
      }
    }
    c.records.clear();
  };

  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    end = end == std::string_view::npos ? text.size() : end + 1;
    std::string_view chunk = text.substr(pos, end - pos);
    pos = end;
    ++line;
    if (start == 0) {
      if (blank(chunk)) continue;
      start = line;
    }
    if (!parser.feed(chunk, c)) {
      // Bad quoting: drop this record and start again on the next line.
      t.problems.push_back({start, Message{"csv.bad_quoting", {std::to_string(line)}}});
      c.fields.clear();
      c.records.clear();
      parser.reset();
      start = 0;
      continue;
    }
    if (!c.records.empty()) {
      take(start);
      start = 0;
    }
  }
  if (start != 0) {
    if (!parser.finish(c)) {
      t.problems.push_back({start, Message{"csv.bad_quoting", {std::to_string(line)}}});
      c.records.clear();
    }
    take(start);
  }
  if (!have_header) t.problems.push_back({0, Message{"csv.empty", {}}});
  return t;
}

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return s;
}

bool named(const std::vector<Field>& names, const std::string& key) {
  return std::any_of(names.begin(), names.end(),
                     [&](const Field& f) { return header_key(f.text) == key; });
}

// The student's column, each question's column and a "lang" column, by the quiz's mapping; false (and a
// problem) when there is no student column.
bool map_columns(const CsvTable& table, const Quiz& quiz, std::size_t& student,
                 std::map<std::string, std::size_t>& column, std::optional<std::size_t>& lang,
                 std::vector<CsvProblem>& problems) {
  std::optional<std::size_t> found;
  std::vector<std::string> ignored;
  for (std::size_t i = 0; i < table.header.size(); ++i) {
    const std::string key = header_key(table.header[i]);
    const bool is_student =
        quiz.student_column.empty() ? lower(key) == "student" : named(quiz.student_column, key);
    if (is_student && !found) {
      found = i;
      continue;
    }
    const QuizQuestion* q = nullptr;
    for (const auto& candidate : quiz.questions) {
      if (candidate.column.empty() ? candidate.id == key : named(candidate.column, key)) {
        q = &candidate;
      }
    }
    if (q == nullptr && !lang && lower(key) == "lang") {
      lang = i;
    } else if (q == nullptr) {
      ignored.push_back("\"" + sanitize(table.header[i]) + "\"");
    } else if (!column.emplace(q->id, i).second) {
      problems.push_back({table.header_line, Message{"csv.duplicate_column", {sanitize(key)}}});
    }
  }
  if (!found) {
    std::vector<std::string> names;
    for (const auto& f : quiz.student_column) names.push_back("\"" + sanitize(f.text) + "\"");
    if (names.empty()) names.push_back("\"student\"");
    problems.push_back(
        {table.header_line, Message{"results.no_student_column", {join(names, ", ")}}});
    return false;
  }
  student = *found;
  if (!ignored.empty()) {
    problems.push_back({table.header_line,
                        count_message("results.ignored_columns",
                                      static_cast<long long>(ignored.size()), join(ignored, ", ")),
                        true});
  }
  return true;
}

}  // namespace

void collect_responses(const CsvTable& table, const Quiz& quiz, std::string_view source,
                       Responses& out) {
  if (table.header.empty()) {
    for (const auto& p : table.problems) out.problems.push_back(p);
    return;
  }
  std::vector<CsvProblem> header_problems;
  // Column index per question id.
  std::map<std::string, std::size_t> column;
  std::optional<std::size_t> lang_column;
  std::size_t student_column = 0;
  if (quiz.maps_columns()) {
    if (!map_columns(table, quiz, student_column, column, lang_column, header_problems)) {
      out.problems.insert(out.problems.end(), header_problems.begin(), header_problems.end());
      return;
    }
  } else {
    if (lower(table.header[0]) != "student") {
      out.problems.push_back(
          {table.header_line, Message{"csv.no_student", {sanitize(table.header[0])}}});
      return;
    }
    for (std::size_t i = 1; i < table.header.size(); ++i) {
      const std::string& h = table.header[i];
      if (quiz.find(h) == nullptr && !lang_column && lower(h) == "lang") {
        lang_column = i;
      } else if (quiz.find(h) == nullptr) {
        header_problems.push_back(
            {table.header_line, Message{"csv.unknown_column", {sanitize(h)}}});
      } else if (!column.emplace(h, i).second) {
        header_problems.push_back(
            {table.header_line, Message{"csv.duplicate_column", {sanitize(h)}}});
      }
    }
  }
  out.problems.insert(out.problems.end(), header_problems.begin(), header_problems.end());
  for (const auto& q : quiz.questions) {
    if (!column.contains(q.id)) {
      out.problems.push_back({table.header_line, Message{"csv.missing_column", {q.id}}});
    }
  }
  // Problems of the table and of its rows, in line order.
  std::vector<CsvProblem> row_problems = table.problems;
  for (const auto& row : table.rows) {
    std::string student = trim(row.fields[student_column]);
    if (student.empty()) {
      row_problems.push_back({row.line, Message{"csv.no_student_id", {}}});
      continue;
    }
    Submission s;
    s.student = student;
    s.line = row.line;
    s.source = std::string(source);
    // A form keeps the line end a paragraph answer was typed with.
    for (const auto& [id, i] : column) s.answers[id] = trim(row.fields[i]);
    if (lang_column) {
      const std::string lang = trim(row.fields[*lang_column]);
      s.lang = parse_lang(lang);
      if (!lang.empty() && !s.lang) {
        row_problems.push_back({row.line, Message{"paper.bad_lang", {sanitize(lang)}}});
      }
    }
    out.submissions.push_back(std::move(s));
  }
  std::stable_sort(row_problems.begin(), row_problems.end(),
                   [](const CsvProblem& a, const CsvProblem& b) { return a.line < b.line; });
  out.problems.insert(out.problems.end(), row_problems.begin(), row_problems.end());
}

}  // namespace tutor
