// The variants of a quiz question: the random integers each student gets, drawn from the
// question's ranges, and the {name} placeholders of its texts filled in with them.
//
//   tutor::Variant v = tutor::draw_variant(question, tutor::variant_seed(quiz, "kim"));
//   tutor::substitute("x^{a} + {b}x", v, true)   // "x^(-2) + 3x" for a = -2, b = 3
//
// Everything here is deterministic, the same on every machine, and costs time in the size
// of its text or the number of ranges only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "class/quiz_file.hpp"

namespace tutor {

// The random integers of one question for one student, by name.
using Variant = std::map<std::string, long long>;

// The student's variant seed: FNV-1a of the quiz title, its `seed` text and STUDENT, so the
// same student always gets the same variant of the same quiz, on any machine.
std::uint64_t variant_seed(const Quiz& quiz, std::string_view student);

// The seed as the reports write it: 16 hexadecimal digits.
std::string seed_text(std::uint64_t seed);

// The quiz's version as a result file records it, so that `quiz grade` never marks answers
// against another version's key: FNV-1a 64 (seed_text form) over a canonical text of
// "tutor-quiz-version-1" and, per question, its id, kind and everything that makes its answer
// key: expression, wrt, order, at, from, lr, steps, tolerance, choices, answer and random
// ranges, fields separated by U+001F and questions by U+001E (numbers as %.17g). Points,
// prompts, hints, feedback and column names are left out: they change no answer's mark.
std::string quiz_version(const Quiz& quiz);

// The question's random integers for SEED (empty when it has none).
Variant draw_variant(const QuizQuestion& q, std::uint64_t seed);

// "a=2, b=-3", or "" for no random integers.
std::string variant_text(const Variant& v);

// TEXT with each {name} replaced by its value. In an expression a negative value is put in
// parentheses, so x^{a} stays a power of x. Throws tutor::Error ("quiz.unknown_placeholder")
// for a placeholder that names no random integer.
std::string substitute(const std::string& text, const Variant& v, bool expression);

// The variants that `quiz check` tries, at most MAX (at least 2): all of them when there
// are few, else a fixed sample that includes the corners (every range at its low end, every
// range at its high end). One empty variant for a question without ranges.
std::vector<Variant> variants_to_check(const QuizQuestion& q, std::size_t max);

}  // namespace tutor
