// Reading a class's answers: CSV as forms and learning systems export it (RFC 4180: quoted
// fields, commas, quotes and line breaks inside quotes, UTF-8, a byte-order mark and CRLF
// line ends tolerated). The first column is the student; the other headers are question ids,
// in any order. A quiz file may instead name the columns of a form export (student_column,
// and column per question), whose headers are question texts among Timestamp, Score and the
// like.
//
//   tutor::CsvTable t = tutor::read_csv("student,d1\nkim,\"2x cos(x^2)\"\n");
//   // t.header == {"student", "d1"}, t.rows[0].fields == {"kim", "2x cos(x^2)"}, line 2
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/i18n.hpp"
#include "class/quiz_marking.hpp"

namespace tutor {

struct CsvRow {
  std::size_t line = 0;  // the line the record starts on, 1-based
  std::vector<std::string> fields;
};

// A record that was skipped, and why.
struct CsvProblem {
  std::size_t line = 0;  // 0: the file as a whole
  Message message;
  bool notice = false;  // nothing was skipped: columns a form export adds, ignored
};

struct CsvTable {
  std::vector<std::string> header;
  std::size_t header_line = 0;
  std::vector<CsvRow> rows;          // well-formed records after the header, in order
  std::vector<CsvProblem> problems;  // skipped records, in order
};

// Parses TEXT with libcsv in strict mode. A record with bad quoting, with invalid UTF-8, or
// with another number of fields than the header is reported with its line and skipped;
// reading goes on with the next line. Never throws.
CsvTable read_csv(std::string_view text);

// One student's answers, by question id.
struct Submission {
  std::string student;
  std::size_t line = 0;
  std::string source;  // the file it came from
  std::map<std::string, std::string> answers;
  std::optional<Lang> lang;  // from a `lang` column (ko or en), for the feedback files
};

struct Responses {
  std::vector<Submission> submissions;  // in file order
  std::vector<CsvProblem> problems;     // skipped rows, unknown or missing columns
};

// The submissions in TABLE for QUIZ, every row (a student's repeats are kept: results.hpp
// chooses among them). The first header must be "student" (any case), and a header that is
// not a question id is reported and its column ignored. When QUIZ maps columns, the student
// is in the column student_column names ("student" without it), a question in the one its
// column key names (its id without it), and the other columns are ignored with one notice
// naming them all. A question without a column is reported and scores 0 for everyone. A column named
// "lang" (when no question is) gives each student's language, ko or en; another value is
// reported and the row kept. A row without a student id is skipped.
void collect_responses(const CsvTable& table, const Quiz& quiz, std::string_view source,
                       Responses& out);

}  // namespace tutor
