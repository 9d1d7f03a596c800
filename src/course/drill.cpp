#include "course/drill.hpp"

#include <utility>

#include "course/mastery.hpp"

namespace tutor {

namespace {

bool chain_skill(std::string_view id) {
  return id == "chain2" || id == "chain-long" || id == "activation";
}

// The mastered skill practised longest ago, or nullptr.
const Skill* due_review(const Progress& progress) {
  const Skill* best = nullptr;
  int best_last = 0;
  for (const auto& s : skills()) {
    auto it = progress.skills.find(std::string(s.id));
    if (it == progress.skills.end() || !is_mastered(it->second.mastery)) continue;
    if (best == nullptr || it->second.last < best_last) {
      best = &s;
      best_last = it->second.last;
    }
  }
  return best;
}

// The steering of a mistake made at LAST_SKILL, or nullopt.
std::optional<Pick> steered(Mistake m, std::string_view last_skill, const Skill* fixed) {
  const Skill* last = find_skill(last_skill);
  std::optional<Pick> pick;
  switch (m) {
    case Mistake::missing_inner_derivative:
      pick = Pick{find_skill("chain2"), Focus::inner_factor, Reason::inner_factor};
      break;
    case Mistake::product_rule:
      pick = Pick{find_skill("product"), Focus::none, Reason::product_rule};
      break;
    case Mistake::quotient_rule:
      pick = Pick{find_skill("quotient"), Focus::none, Reason::quotient_rule};
      break;
    case Mistake::power_rule:
      pick = Pick{find_skill("power"), Focus::none, Reason::power_rule};
      break;
    case Mistake::sign_error:
      // Only a derivative's template can put a minus sign inside; a number of the wrong sign
      // elsewhere (a gradient) is left to the usual pick.
      if (last != nullptr && last->derivative())
        pick = Pick{last, Focus::minus_sign, Reason::sign_error};
      break;
    default:
      break;
  }
  if (!pick || fixed == nullptr) return pick;
  // A named skill stays; a mistake may still set what its problem shows.
  if (pick->reason == Reason::sign_error) {
    if (!fixed->derivative()) return std::nullopt;
    return Pick{fixed, Focus::minus_sign, pick->reason};
  }
  if (pick->reason == Reason::inner_factor && chain_skill(fixed->id))
    return Pick{fixed, Focus::inner_factor, pick->reason};
  if (pick->skill == fixed) return pick;
  return std::nullopt;
}

}  // namespace

std::string_view reason_key(Reason reason) {
  switch (reason) {
    case Reason::chosen:
    case Reason::weakest:
      return "";
    case Reason::review:
      return "practice.why.review";
    case Reason::inner_factor:
      return "practice.why.inner_factor";
    case Reason::product_rule:
      return "practice.why.product_rule";
    case Reason::quotient_rule:
      return "practice.why.quotient_rule";
    case Reason::power_rule:
      return "practice.why.power_rule";
    case Reason::sign_error:
      return "practice.why.sign_error";
  }
  return "";
}

double mastery_of(const Progress& progress, std::string_view id) {
  auto it = progress.skills.find(std::string(id));
  return it == progress.skills.end() ? kBktInit : it->second.mastery;
}

bool ready(const Skill& skill, const Progress& progress) {
  for (auto pre : skill.prerequisites) {
    if (!is_mastered(mastery_of(progress, pre))) return false;
  }
  return true;
}

Pick pick_next(const Progress& progress, int n, std::optional<Mistake> last_mistake,
               std::string_view last_skill, const Skill* fixed) {
  if (last_mistake) {
    if (auto pick = steered(*last_mistake, last_skill, fixed)) return *pick;
  }
  if (fixed != nullptr) return Pick{fixed, Focus::none, Reason::chosen};
  const Skill* review = due_review(progress);
  if (review != nullptr && n % kReviewEvery == 0) return Pick{review, Focus::none, Reason::review};
  const Skill* weakest = nullptr;
  double least = 2;
  for (const auto& s : skills()) {
    const double m = mastery_of(progress, s.id);
    if (is_mastered(m) || !ready(s, progress)) continue;
    if (m < least) {
      least = m;
      weakest = &s;
    }
  }
  if (weakest != nullptr) return Pick{weakest, Focus::none, Reason::weakest};
  // Everything is mastered: keep it so, oldest first. (With nothing ready and nothing
  // mastered the first skill has no prerequisites, so this is never reached empty.)
  if (review != nullptr) return Pick{review, Focus::none, Reason::review};
  return Pick{&skills().front(), Focus::none, Reason::weakest};
}

void record_practice(Progress& progress, const PracticeProblem& p, bool right,
                     std::optional<Mistake> mistake) {
  auto [it, fresh] = progress.skills.try_emplace(p.skill);
  SkillRecord& r = it->second;
  if (fresh) r.mastery = kBktInit;
  r.mastery = bkt_update(r.mastery, right);
  ++r.answered;
  r.right += right ? 1 : 0;
  r.last = ++progress.practised;
  // A derivative is its function; any other problem is its whole setup.
  const std::string asked = p.kind == ProblemKind::derivative ? p.function : problem_id(p);
  progress.history.push_back(PracticeEntry{p.skill, asked, p.wrt, right,
                                           mistake ? std::string(mistake_id(*mistake)) : ""});
  if (progress.history.size() > kMaxHistory) {
    progress.history.erase(progress.history.begin(),
                           progress.history.begin() +
                               static_cast<std::ptrdiff_t>(progress.history.size() - kMaxHistory));
  }
}

Drill::Drill(std::uint32_t seed, Progress progress, const Skill* fixed)
    : generator_(seed), progress_(std::move(progress)), fixed_(fixed) {}

Drill::Next Drill::next() {
  const Pick pick = pick_next(progress_, asked_ + 1, last_mistake_, last_skill_, fixed_);
  int level = level_for(mastery_of(progress_, pick.skill->id));
  Next n{generator_.next(*pick.skill, level, pick.focus), pick};
  ++asked_;
  return n;
}

void Drill::record(const PracticeProblem& p, bool right, std::optional<Mistake> mistake) {
  record_practice(progress_, p, right, mistake);
  last_mistake_ = right ? std::nullopt : mistake;
  last_skill_ = p.skill;
}

}  // namespace tutor
