// What a class hands in for one quiz: CSV exports and the JSON results `quiz take --out`
// writes, given as files or folders of them, read into submissions; then one submission per
// student, as the teacher chooses when someone handed in twice.
//
//   tutor::HandedIn h = tutor::read_handed_in(quiz, {"results/", "late.csv"});
//   auto subs = tutor::keep_one_each(quiz, std::move(h.submissions), tutor::Keep::last,
//                                    h.problems);
//   tutor::Gradebook g = tutor::grade_class(quiz, subs);
//
// A JSON result's answers are marked again against the student's own variant: its scores
// (and its tries) are never trusted. A result from another version of the quiz (its title,
// seed or version differ; for a file without a version, its question ids) is reported and
// left out, never marked against the wrong key.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/i18n.hpp"
#include "class/quiz_file.hpp"
#include "class/responses.hpp"

namespace tutor {

// Which of a student's submissions counts when there are several: the first read, the last
// read (the default), or the one with the highest total once marked (the later one on a tie).
enum class Keep { first, last, best };

std::optional<Keep> parse_keep(std::string_view word);

// Something in what was handed in, and where: FILE, then a LINE (a CSV row, the place of a
// JSON syntax error) or a FIELD of a JSON result ("answers[2].answer"), or neither.
struct HandInProblem {
  std::string file;  // empty: MESSAGE names the file (one that cannot be read)
  std::size_t line = 0;
  std::string field;
  Message message;
  bool notice = false;  // told, but nothing was left out
};

struct HandedIn {
  std::vector<Submission> submissions;  // in reading order, repeats included
  std::vector<HandInProblem> problems;  // in reading order
};

// The JSON result TEXT (FILE names it) for QUIZ: one submission, or problems and none.
void collect_result(std::string_view text, const Quiz& quiz, std::string_view file, HandedIn& out);

// Reads each of PATHS: a file as given (JSON when its first character is "{", else CSV), a
// folder's *.json and *.csv files in name order (not its subfolders, nor hidden files).
// Never throws: a path that cannot be read is a problem, and reading goes on.
HandedIn read_handed_in(const Quiz& quiz, const std::vector<std::string>& paths);

// One submission per student, in the order of the ones kept; each student handed in more
// than once is told in PROBLEMS (a notice), with which one counts. Keep::best marks the
// repeated students' submissions to compare their totals.
std::vector<Submission> keep_one_each(const Quiz& quiz, std::vector<Submission> subs, Keep keep,
                                      std::vector<HandInProblem>& problems);

// "file:line: message" or "file: field: message", in LANG, sanitized. No newline.
std::string format_hand_in_problem(Lang lang, const HandInProblem& p);

}  // namespace tutor
