// A run of `tutor practice`: which skill comes next and why, the problems drawn for it, and
// what each first try does to the learner's estimates.
//
// The next problem is, in this order:
//   1. steered by the mistake of the last answer: a missing inner derivative brings a chain
//      with a prominent inner factor, a product-rule mistake a product, a quotient-rule
//      mistake a quotient, a power-rule mistake a sum of powers, a sign error in a derivative
//      the same skill with a minus sign inside;
//   2. every kReviewEvery-th problem of a run, a review of the mastered skill practised
//      longest ago (a fixed spacing, not a forgetting model);
//   3. the least-mastered skill whose prerequisites are all mastered (ties: the table's order);
//      when every skill is mastered, the review of (2).
// With a skill named, every problem is of that skill; a mistake may still set its focus.
//
//   tutor::Drill d(7, progress, nullptr);
//   tutor::Drill::Next n = d.next();   // n.pick.skill->id == "power" for a new learner
//   d.record(n.problem, false, tutor::Mistake::power_rule);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "calculus/outcome.hpp"
#include "course/progress.hpp"
#include "course/skills.hpp"

namespace tutor {

inline constexpr int kReviewEvery = 5;

enum class Reason {
  chosen,         // the learner named the skill
  weakest,        // the least-mastered skill that is ready
  review,         // a mastered skill, brought back
  inner_factor,   // the last answer forgot an inner factor
  product_rule,   // the last answer broke the product rule
  quotient_rule,  // the last answer broke the quotient rule
  power_rule,     // the last answer broke the power rule
  sign_error,     // the last answer had a wrong sign
};

// The catalogue key of the sentence that says why a problem was chosen ("You forgot an inner
// factor last time ..."), empty for chosen and weakest. {0} in it is the skill's title.
std::string_view reason_key(Reason reason);

struct Pick {
  const Skill* skill = nullptr;
  Focus focus = Focus::none;
  Reason reason = Reason::weakest;
};

// Whether every prerequisite of SKILL is mastered in PROGRESS.
bool ready(const Skill& skill, const Progress& progress);

// The estimate of skill ID in PROGRESS (kBktInit when never practised).
double mastery_of(const Progress& progress, std::string_view id);

// The pick for problem number N (1-based) of a run, after an answer with LAST_MISTAKE to a
// problem of LAST_SKILL, as the header says. FIXED: the skill the learner named, or nullptr.
Pick pick_next(const Progress& progress, int n, std::optional<Mistake> last_mistake,
               std::string_view last_skill, const Skill* fixed);

// Records one first try at P in PROGRESS: the skill's estimate (bkt_update), its counts, the
// practice number it was last seen at (for reviews), and a line of history (the last
// kMaxHistory are kept).
void record_practice(Progress& progress, const PracticeProblem& p, bool right,
                     std::optional<Mistake> mistake);

class Drill {
 public:
  // PROGRESS: the learner's estimates so far (copied). FIXED: a named skill, or nullptr.
  Drill(std::uint32_t seed, Progress progress, const Skill* fixed);

  struct Next {
    PracticeProblem problem;
    Pick pick;
  };
  // The next problem. Throws tutor::Error practice.exhausted only when a skill has no new
  // problem left at any level (the smallest, activation, has over a thousand).
  Next next();
  // The first try at the problem next() gave: right or not, and its mistake.
  void record(const PracticeProblem& p, bool right, std::optional<Mistake> mistake);

  const Progress& progress() const { return progress_; }
  const ProblemGenerator& generator() const { return generator_; }
  int asked() const { return asked_; }

 private:
  ProblemGenerator generator_;
  Progress progress_;
  const Skill* fixed_;
  int asked_ = 0;
  std::optional<Mistake> last_mistake_;
  std::string last_skill_;
};

}  // namespace tutor
