// The skills of `tutor practice`: named families of generated derivative problems, each with
// its prerequisites and three difficulty levels, and the generator that draws them.
//
// A template only proposes a function from random coefficients; the step engine
// differentiates it, and the proposal is kept only when the engine's derivation uses the
// skill's rule and the derivative is fit to type (see Ugly). The key of every problem is the
// engine's derivative, never the template's.
//
//   tutor::ProblemGenerator gen(42);
//   tutor::PracticeProblem p = gen.next(*tutor::find_skill("chain2"), 1, tutor::Focus::none);
//   // p.function == "sin(3*x+2)" or the like; the same seed gives the same problems
#pragma once

#include <array>
#include <cstdint>
#include <random>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/i18n.hpp"
#include "course/practice.hpp"
#include "math/steps.hpp"

namespace tutor {

// What a problem is drawn to show, when a mistake asks for it: the inner factor of a chain
// made prominent (a coefficient of 2 or more, a polynomial inside), or a minus sign inside.
enum class Focus { none, inner_factor, minus_sign };

// The engine: std::mt19937's raw output is fixed by the standard, so the same seed gives the
// same numbers everywhere. Integers are drawn with draw() below, never with
// std::uniform_int_distribution, whose mapping differs between standard libraries.
using Rng = std::mt19937;

// An integer from LO to HI (inclusive) from one raw draw of RNG (the small modulo bias does
// not matter here; being the same everywhere does).
int draw(Rng& rng, int lo, int hi);

inline constexpr int kLevels = 3;  // difficulty levels of every skill, 1 to 3

// Why a proposed problem was not given.
enum class Ugly {
  degenerate,        // the variable vanished, the derivative is 0, or it is real on less
                     // than kMinRealShare of [-3, 3]
  wrong_rule,        // the engine's derivation does not use the skill's rule (3x²+2x² is x⁵)
  huge_coefficient,  // a number in the derivative beyond kMaxCoefficient
  long_answer,       // the derivative takes more than kMaxAnswerLength characters to write
  repeated,          // given before in this run
};
inline constexpr std::size_t kUglyKinds = 5;
inline constexpr int kMaxCoefficient = 100;
inline constexpr std::size_t kMaxAnswerLength = 60;
// The least share of the points of a grid over [-3, 3] where the derivative must be real.
inline constexpr double kMinRealShare = 0.25;

struct Skill {
  std::string_view id;     // the short name typed: "chain2"
  std::string_view title;  // catalogue key
  std::string_view hint;   // catalogue key: the rule, said once
  std::vector<std::string_view> prerequisites;
  // Proposes a function of x (and y for partial derivatives) at LEVEL (1 to kLevels) with
  // FOCUS, in input syntax; sets WRT to the variable asked for.
  std::string (*propose)(Rng& rng, int level, Focus focus, std::string& wrt);
  // Whether the engine's derivation STEP exercises the skill.
  bool (*fits)(const Step& step);
};

// Every skill, prerequisites before the skills that need them.
std::span<const Skill> skills();
// The skill called ID, or nullptr.
const Skill* find_skill(std::string_view id);

struct PracticeProblem {
  std::string skill;     // its id
  std::string function;  // input syntax, as the engine prints it back
  std::string wrt;       // "x", or "y" for some partial derivatives
  int level = 1;
  Focus focus = Focus::none;
  std::string key;  // the engine's derivative, input syntax
};

// The question that asks P in LANG: its derivative, graded by tutor::check, with the skill's
// hint. Never throws.
Question question_of(const PracticeProblem& p, Lang lang);

class ProblemGenerator {
 public:
  explicit ProblemGenerator(std::uint32_t seed) : rng_(seed) {}

  // A problem of SKILL at LEVEL with FOCUS that this generator has not given before.
  // Proposals that are ugly are drawn again (and counted); after kMaxProposals in a row the
  // level is raised, and past the last level tutor::Error practice.exhausted is thrown.
  PracticeProblem next(const Skill& skill, int level, Focus focus);

  int given() const { return given_; }
  int rejected() const;  // every proposal not given
  int rejected(Ugly why) const { return rejected_[static_cast<std::size_t>(why)]; }

 private:
  Rng rng_;
  std::set<std::string> seen_;  // "skill|wrt|function"
  int given_ = 0;
  std::array<int, kUglyKinds> rejected_{};
};

inline constexpr int kMaxProposals = 200;

// Why FUNCTION (input syntax) differentiated by WRT is no problem for SKILL, or nullopt;
// KEY receives the derivative in input syntax. Never throws (a function the engine refuses
// is degenerate).
std::optional<Ugly> ugliness(const Skill& skill, const std::string& function,
                             const std::string& wrt, std::string& key);

}  // namespace tutor
