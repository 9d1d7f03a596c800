// The skills of `tutor practice`: named families of generated problems, each with its
// prerequisites and three difficulty levels, and the generator that draws them. Most skills
// ask a derivative; the others (course/lab_skills.hpp) ask a number or a choice about a
// computational graph, a gradient-descent step, a learning rate or a vanishing gradient.
//
// A template only proposes a function (or a setup) from random coefficients; an engine
// answers it (the step engine differentiates, the labs evaluate graphs, run descent, multiply
// layer factors), and the proposal is kept only when the answer exercises the skill and is
// fit to type (see Ugly). The key of every problem is the engine's, never the template's.
//
//   tutor::ProblemGenerator gen(42);
//   tutor::PracticeProblem p = gen.next(*tutor::find_skill("chain2"), 1, tutor::Focus::none);
//   // p.function == "sin(3*x+2)" or the like; the same seed gives the same problems
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <random>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
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

// Why a proposed problem was not given. For a derivative:
enum class Ugly {
  degenerate,        // the variable vanished, the derivative is 0, or it is real on less
                     // than kMinRealShare of [-3, 3]; for the other skills, an answer of 0,
                     // a value the engine cannot compute, a step that does not move
  wrong_rule,        // the engine's derivation does not use the skill's rule (3x²+2x² is x⁵);
                     // a graph without the shared path its level asks for
  huge_coefficient,  // a number in the derivative (or the answer) beyond kMaxCoefficient
  long_answer,       // the derivative takes more than kMaxAnswerLength characters to write;
                     // an exact answer with more than kMaxDecimals decimals
  repeated,          // given before in this run
};
inline constexpr std::size_t kUglyKinds = 5;
inline constexpr int kMaxCoefficient = 100;
inline constexpr std::size_t kMaxAnswerLength = 60;
// The least share of the points of a grid over [-3, 3] where the derivative must be real.
inline constexpr double kMinRealShare = 0.25;

// An exact answer may have at most this many decimals (2.4, 0.0625); a value that is not
// rational is typed rounded (course/practice.hpp, rounds_to) and needs none of this.
inline constexpr int kMaxDecimals = 4;

// What a problem asks.
enum class ProblemKind {
  derivative,      // d/d(wrt) of function
  node_value,      // the value of node wrt of the graph of function at point
  node_gradient,   // ∂(output)/∂(input wrt) of the graph of function at point
  descent_step,    // wrt₁ after one gradient-descent step on function from point with rate
  rate_verdict,    // what gradient descent on function from point with rate does (a choice)
  layer_bound,     // the largest factor n layers of an activation with |W| ≤ weight allow
  factor_product,  // what the local factors multiply a gradient of 1 to
  layers_below,    // the fewest layers after which that largest factor is below 10^−below
};
inline constexpr std::size_t kProblemKinds = 8;
// "derivative", "node-value", ...: the names --format json uses.
std::string_view kind_name(ProblemKind kind);

// What gradient descent does, as the choices of a rate_verdict problem offer it, in this
// order: `tutor descent`'s converged (split by whether a coordinate reverses direction on the
// way), oscillating and diverged.
enum class RateVerdict { steady, zigzag, oscillating, diverged };
inline constexpr std::size_t kRateVerdicts = 4;
std::string_view rate_verdict_name(RateVerdict v);  // "steady", "zigzag", ...

struct PracticeProblem {
  std::string skill;  // its id
  ProblemKind kind = ProblemKind::derivative;
  // A derivative's function, a graph's expression, the f of descent (input syntax, as the
  // engine prints it back); empty for the layer kinds.
  std::string function;
  // A derivative's variable ("x", or "y" for some partial derivatives); the node whose value
  // or gradient is asked ("y", "d", "b"); the coordinate of a descent step ("x").
  std::string wrt;
  // A graph's point, the start of descent: variable and value, sorted by name.
  std::vector<std::pair<std::string, std::string>> point;
  std::string rate;  // η of descent, as shown ("0.1")
  // The layer kinds: the activation, the number of layers and the bound on |W|
  // (layer_bound, layers_below); the local factors (factor_product); k of 10^−k
  // (layers_below).
  std::string activation;
  int layers = 0;
  std::string weight;
  std::vector<std::string> factors;
  int below = 0;
  int level = 1;
  Focus focus = Focus::none;
  // The engine's answer: a derivative in input syntax, a number as format_number writes it
  // (value below), or the rate_verdict_name of the right choice.
  std::string key;
  double value = 0;  // a number's key in full precision
};

struct Skill {
  std::string_view id;     // the short name typed: "chain2"
  std::string_view title;  // catalogue key
  std::string_view hint;   // catalogue key: the rule, said once
  std::vector<std::string_view> prerequisites;
  // A derivative skill proposes a function of x (and y for partial derivatives) at LEVEL
  // (1 to kLevels) with FOCUS, in input syntax, and sets WRT to the variable asked for...
  std::string (*propose)(Rng& rng, int level, Focus focus, std::string& wrt) = nullptr;
  // ...and says whether the engine's derivation STEP exercises the skill.
  bool (*fits)(const Step& step) = nullptr;
  // Any other skill poses a problem at LEVEL: its kind and setup, everything but the key...
  void (*pose)(Rng& rng, int level, PracticeProblem& p) = nullptr;
  // ...and has the engine answer it: the key, or why P is no problem. Never throws.
  std::optional<Ugly> (*solve)(PracticeProblem& p) = nullptr;

  bool derivative() const { return propose != nullptr; }
};

// Every skill, prerequisites before the skills that need them.
std::span<const Skill> skills();
// The skill called ID, or nullptr.
const Skill* find_skill(std::string_view id);

// What tells P from every other problem: its kind and setup, in one line. A derivative's is
// "x|sin(3*x+1)".
std::string problem_id(const PracticeProblem& p);

// The question that asks P in LANG, graded by grade(): a derivative checked by tutor::check,
// a number, or a choice, with the skill's hint. The one place a problem becomes a question.
// Never throws.
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
  std::set<std::string> seen_;  // problem_id
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
