#include "class/partial_credit.hpp"

#include <cmath>

#include "class/gradebook.hpp"
#include "class/quiz_file.hpp"

namespace tutor {

double share_of(int points, double share) {
  return std::round(points * share * 100) / 100;
}

Credit credit(const QuizQuestion& q, const Question& asked, const Outcome& outcome,
              std::string_view answer) {
  if (outcome.status == Status::correct) return {static_cast<double>(q.points), {}};
  if (outcome.status != Status::incorrect) return {};
  if (outcome.mistake) {
    auto it = q.partial.find(*outcome.mistake);
    if (it != q.partial.end()) {
      return {share_of(q.points, it->second), std::string(mistake_id(*outcome.mistake))};
    }
  }
  if (q.tolerance_partial > 0 && asked.kind == AnswerKind::number) {
    // The same number comparison as the full mark, only looser.
    Question loose = asked;
    loose.tolerance = q.tolerance_partial;
    if (grade(loose, answer).status == Status::correct) {
      return {share_of(q.points, q.tolerance_share), std::string(kTolerancePartial)};
    }
  }
  return {};
}

std::string credit_note(Lang lang, double score, int points, const std::string& partial) {
  const auto m = parse_mistake(partial);
  return tr(lang, "partial.awarded", format_percent(score), points,
            m ? mistake_name(lang, *m) : tr(lang, "partial.within_tolerance"));
}

}  // namespace tutor
