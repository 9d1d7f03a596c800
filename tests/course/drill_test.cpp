// What comes next in `tutor practice`: the weakest ready skill, reviews on a schedule, and
// problems steered by mistakes; and scripted learners run through the real grading.
#include "course/drill.hpp"

#include <gtest/gtest.h>

#include <map>

#include "course/mastery.hpp"
#include "math/print.hpp"
#include "math/steps.hpp"
#include "math/symbols.hpp"
#include "math/syntax.hpp"

namespace tutor {
namespace {

Progress with(std::initializer_list<std::pair<const char*, double>> estimates) {
  Progress p;
  for (const auto& [id, m] : estimates) p.skills[id] = SkillRecord{m, 3, 3, 0};
  return p;
}

TEST(PickNext, NewLearnerStartsWithPowers) {
  Pick p = pick_next(Progress{}, 1, std::nullopt, "", nullptr);
  EXPECT_EQ(p.skill->id, "power");
  EXPECT_EQ(p.reason, Reason::weakest);
}

TEST(PickNext, LeastMasteredAmongTheReady) {
  // power mastered: exp-log, trig, product and descent-step are ready; chain2 is not (needs
  // exp-log, trig).
  Progress p = with(
      {{"power", 0.99}, {"exp-log", 0.5}, {"trig", 0.3}, {"product", 0.4}, {"descent-step", 0.6}});
  EXPECT_EQ(pick_next(p, 1, std::nullopt, "", nullptr).skill->id, "trig");
  p.skills["trig"].mastery = 0.97;
  p.skills["exp-log"].mastery = 0.96;
  // Now chain2 (never practised, 0.1) is the weakest that is ready.
  EXPECT_EQ(pick_next(p, 1, std::nullopt, "", nullptr).skill->id, "chain2");
  EXPECT_TRUE(ready(*find_skill("chain2"), p));
  EXPECT_FALSE(ready(*find_skill("chain-long"), p));
}

TEST(PickNext, EveryFifthProblemReviewsTheOldestMastered) {
  Progress p = with({{"power", 0.99}, {"trig", 0.97}});
  p.skills["power"].last = 8;
  p.skills["trig"].last = 3;
  Pick r = pick_next(p, kReviewEvery, std::nullopt, "", nullptr);
  EXPECT_EQ(r.skill->id, "trig");
  EXPECT_EQ(r.reason, Reason::review);
  EXPECT_EQ(reason_key(r.reason), "practice.why.review");
  EXPECT_NE(pick_next(p, kReviewEvery + 1, std::nullopt, "", nullptr).reason, Reason::review);
  // Nothing mastered: nothing to review.
  EXPECT_NE(pick_next(Progress{}, kReviewEvery, std::nullopt, "", nullptr).reason, Reason::review);
}

TEST(PickNext, MistakesSteer) {
  const Progress p;
  Pick a = pick_next(p, 2, Mistake::missing_inner_derivative, "power", nullptr);
  EXPECT_EQ(a.skill->id, "chain2");
  EXPECT_EQ(a.focus, Focus::inner_factor);
  EXPECT_EQ(reason_key(a.reason), "practice.why.inner_factor");
  EXPECT_EQ(pick_next(p, 2, Mistake::product_rule, "trig", nullptr).skill->id, "product");
  EXPECT_EQ(pick_next(p, 2, Mistake::quotient_rule, "trig", nullptr).skill->id, "quotient");
  EXPECT_EQ(pick_next(p, 2, Mistake::power_rule, "trig", nullptr).skill->id, "power");
  Pick s = pick_next(p, 2, Mistake::sign_error, "trig", nullptr);
  EXPECT_EQ(s.skill->id, "trig");
  EXPECT_EQ(s.focus, Focus::minus_sign);
  // A number of the wrong sign has no minus sign to put inside a graph: the usual pick.
  EXPECT_EQ(pick_next(p, 2, Mistake::sign_error, "graph-backward", nullptr).reason,
            Reason::weakest);
  // A mistake without a steer: the usual pick.
  EXPECT_EQ(pick_next(p, 2, Mistake::constant_factor, "trig", nullptr).reason, Reason::weakest);
  // Steering comes before the review schedule.
  EXPECT_EQ(
      pick_next(with({{"power", 0.99}}), kReviewEvery, Mistake::product_rule, "", nullptr).reason,
      Reason::product_rule);
}

TEST(PickNext, ANamedSkillStaysAndTakesTheFocus) {
  const Skill* act = find_skill("activation");
  Pick a = pick_next(Progress{}, 2, Mistake::missing_inner_derivative, "activation", act);
  EXPECT_EQ(a.skill, act);
  EXPECT_EQ(a.focus, Focus::inner_factor);
  const Skill* trig = find_skill("trig");
  EXPECT_EQ(pick_next(Progress{}, 2, Mistake::product_rule, "trig", trig).reason, Reason::chosen);
  EXPECT_EQ(pick_next(Progress{}, 2, Mistake::sign_error, "trig", trig).focus, Focus::minus_sign);
  const Skill* step = find_skill("descent-step");
  Pick d = pick_next(Progress{}, 2, Mistake::sign_error, "descent-step", step);
  EXPECT_EQ(d.skill, step);
  EXPECT_EQ(d.reason, Reason::chosen);
  EXPECT_EQ(d.focus, Focus::none);
}

TEST(RecordPractice, UpdatesTheEstimateAndKeepsABoundedHistory) {
  Progress p;
  PracticeProblem pr;
  pr.skill = "trig";
  pr.function = "sin(x)";
  pr.wrt = "x";
  record_practice(p, pr, true, std::nullopt);
  EXPECT_NEAR(p.skills["trig"].mastery, 0.575, 1e-12);
  record_practice(p, pr, false, Mistake::sign_error);
  EXPECT_EQ(p.skills["trig"].answered, 2);
  EXPECT_EQ(p.skills["trig"].right, 1);
  EXPECT_EQ(p.skills["trig"].last, 2);
  ASSERT_EQ(p.history.size(), 2u);
  EXPECT_EQ(p.history[1].mistake, "sign-error");
  for (std::size_t i = 0; i < kMaxHistory + 5; ++i) record_practice(p, pr, true, std::nullopt);
  EXPECT_EQ(p.history.size(), kMaxHistory);
  EXPECT_EQ(p.practised, static_cast<int>(kMaxHistory) + 7);
}

// The derivative of F with the innermost factor of its chain left out, when F is a chain
// (under a constant factor at most): what a learner who forgets inner factors writes.
std::optional<std::string> without_inner_factor(const PracticeProblem& p) {
  if (p.kind != ProblemKind::derivative) return std::nullopt;
  SymbolTable syms;
  const GiNaC::ex e = parse(p.function, syms).expr;
  Step s = differentiate(e, syms.get(p.wrt));
  const Step* chain = &s;
  if (chain->rule == Rule::constant_multiple && !chain->substeps.empty())
    chain = &chain->substeps.back();
  if (chain->rule != Rule::chain) return std::nullopt;
  return print(GiNaC::normal(s.derivative / chain->links.back().factor), Style::input);
}

// A learner who knows every rule but always forgets the inner factor of a chain.
TEST(Drill, ForgettingTheInnerFactorIsSteeredToChains) {
  Drill d(11, Progress{}, nullptr);
  std::map<std::string, int> given;
  int steered = 0, tagged = 0;
  bool after_first_mistake = false;
  int after = 0, chains_after = 0;
  // Problems that follow a forgotten inner factor, and how many of them say so.
  bool forgot = false;
  int following = 0, steered_after = 0;
  for (int i = 0; i < 44; ++i) {
    Drill::Next n = d.next();
    if (forgot) {
      ++following;
      steered_after += n.pick.reason == Reason::inner_factor ? 1 : 0;
    }
    ++given[n.problem.skill];
    if (after_first_mistake) {
      ++after;
      chains_after += n.problem.skill == "chain2" ? 1 : 0;
    }
    if (n.pick.reason == Reason::inner_factor) {
      ++steered;
      EXPECT_EQ(n.problem.focus, Focus::inner_factor);
    }
    const Question q = question_of(n.problem, Lang::en);
    auto wrong = without_inner_factor(n.problem);
    const Outcome o = grade(q, wrong.value_or(n.problem.key));
    if (o.mistake == Mistake::missing_inner_derivative) {
      ++tagged;
      after_first_mistake = true;
    }
    forgot = o.mistake == Mistake::missing_inner_derivative;
    d.record(n.problem, o.status == Status::correct, o.mistake);
  }
  // Every forgotten inner factor steers the next problem, and says why.
  EXPECT_EQ(steered_after, following);
  EXPECT_GE(following, 20);
  // Sixteen problems master power, exp-log and trig (three each, taking turns with product
  // and descent-step, which are ready too, and two reviews between), and the first chain is
  // missed; every problem after that is a chain with its inner factor in focus.
  EXPECT_GE(tagged, 25);
  EXPECT_EQ(chains_after, after);
  EXPECT_GE(given["chain2"], 25);
  EXPECT_GE(steered, 20);
  EXPECT_FALSE(is_mastered(mastery_of(d.progress(), "chain2")));
  EXPECT_EQ(given.count("activation"), 0u);  // chain2 is never mastered, so never unlocked
}

// A learner who answers everything right at the first try masters all fourteen skills in
// kProblemsToMasterAll problems: three right first tries per skill (42) and a review of a
// mastered skill every fifth problem.
constexpr int kProblemsToMasterAll = 52;

TEST(Drill, AlwaysRightMastersEverySkill) {
  Drill d(5, Progress{}, nullptr);
  int n = 0;
  auto all_mastered = [&] {
    for (const auto& s : skills()) {
      if (!is_mastered(mastery_of(d.progress(), s.id))) return false;
    }
    return true;
  };
  int reviews = 0;
  while (!all_mastered() && n < 200) {
    Drill::Next next = d.next();
    reviews += next.pick.reason == Reason::review ? 1 : 0;
    const Outcome o = grade(question_of(next.problem, Lang::en), next.problem.key);
    ASSERT_EQ(o.status, Status::correct) << next.problem.function;
    d.record(next.problem, true, std::nullopt);
    ++n;
  }
  EXPECT_EQ(n, kProblemsToMasterAll);
  EXPECT_EQ(reviews, kProblemsToMasterAll - 42);
  // Mastered everything: what follows is review.
  EXPECT_EQ(d.next().pick.reason, Reason::review);
}

TEST(Drill, SameSeedSameRun) {
  Drill a(99, Progress{}, nullptr), b(99, Progress{}, nullptr);
  for (int i = 0; i < 12; ++i) {
    Drill::Next x = a.next(), y = b.next();
    EXPECT_EQ(x.problem.function, y.problem.function);
    const bool right = i % 3 != 1;
    a.record(x.problem, right, right ? std::nullopt : std::optional(Mistake::sign_error));
    b.record(y.problem, right, right ? std::nullopt : std::optional(Mistake::sign_error));
  }
}

}  // namespace
}  // namespace tutor
