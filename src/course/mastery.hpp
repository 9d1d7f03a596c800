// How well a learner knows each skill: Bayesian Knowledge Tracing (Corbett and Anderson,
// 1995), the model of the Cognitive Tutor. The estimate P(L) is the probability that the skill
// is learnt; each first try at a problem updates it by Bayes' rule, then adds the chance of
// learning from the problem itself:
//
//   right:  P(L | right) = P(L)(1 − slip) / (P(L)(1 − slip) + (1 − P(L)) guess)
//   wrong:  P(L | wrong) = P(L) slip / (P(L) slip + (1 − P(L))(1 − guess))
//   then:   P(L) ← P(L | answer) + (1 − P(L | answer)) learn
//
//   double p = tutor::bkt_update(tutor::kBktInit, true);   // 0.575
#pragma once

#include <string>

namespace tutor {

// Before any answer: a learner who has read the lessons may know a rule, but usually has not
// practised it; one in ten is the usual starting guess in the tracing literature.
inline constexpr double kBktInit = 0.1;
// The chance that one problem teaches the rule to a learner who did not know it: the answer
// and the worked derivation are shown after every problem, so somewhat more than the 0.1
// often fitted for silent drill.
inline constexpr double kBktLearn = 0.15;
// A learner who knows the rule still slips (a dropped sign, a typo that parses) on one
// answer in ten.
inline constexpr double kBktSlip = 0.1;
// Guessing a derivative that must be typed as a formula is rare, unlike a multiple choice's
// 0.25; one in ten allows for a lucky partial idea.
inline constexpr double kBktGuess = 0.1;
// A skill is mastered from this estimate on: with the values above, three right first tries
// in a row from the start (0.1 → 0.575 → 0.935 → 0.994), while two (0.935) are not enough.
inline constexpr double kMasteryThreshold = 0.95;

// P(L) after one first try, right or not, from P.
double bkt_update(double p, bool right);

bool is_mastered(double p);

// The difficulty level (1 to 3) to practise at with estimate P: 1 below 0.4, 2 below 0.8,
// 3 from there.
int level_for(double p);

// P as a bar of WIDTH cells, full for 1: "███████░░░" ("#######..." in ASCII).
std::string mastery_bar(double p, bool ascii, int width = 10);

}  // namespace tutor
