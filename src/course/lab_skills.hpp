// The skills of `tutor practice` whose problems come from the labs rather than from the step
// engine: values and gradients on a computational graph (labs/graph), a gradient-descent step
// and the verdict on a learning rate (labs/descent), and how far a gradient can shrink through
// layers (labs/gradients). Each is a pose (the template: a setup from random draws) and a solve
// (the engine's answer, or why the setup is no problem); course/skills.cpp puts them in the
// skill table.
//
//   tutor::PracticeProblem p;
//   tutor::Rng rng(4);
//   tutor::pose_graph_backward(rng, 2, p);   // p.function == "(a+b)*(b+c)", p.wrt == "b", ...
//   tutor::solve_graph(p);                   // p.value: dy/db from the graph's backward pass
//
// The rules for a number to be fit to type (Ugly in skills.hpp): not 0 (a graph's value or
// gradient, a factor), at most kMaxCoefficient in size, and when exact at most kMaxDecimals
// decimals; a value that is not rational (σ(1)) is typed rounded and must be at least
// kMinRounded in size. A layer factor such as 0.25⁵ may be typed as the power itself (and a
// product of factors as the product), so it needs no decimals rule, only to stay above
// kMinFactor and below 1 (a factor of 1 or more vanishes nothing).
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "course/skills.hpp"
#include "labs/graph.hpp"

namespace tutor {

// The smallest size of an answer typed rounded: three significant digits of it still mean
// something.
inline constexpr double kMinRounded = 0.01;
// The smallest layer factor asked for: below it the numbers stop saying anything new.
inline constexpr double kMinFactor = 1e-6;
// The most steps a learning-rate verdict looks at: any rate the templates draw that does not
// diverge or bounce has converged long before.
inline constexpr int kVerdictSteps = 1000;

void pose_graph_forward(Rng& rng, int level, PracticeProblem& p);
void pose_graph_backward(Rng& rng, int level, PracticeProblem& p);
// Both graph skills: the value or gradient asked, from build_graph and evaluate. A backward
// problem above level 1 must ask an input that feeds two nodes (wrong_rule otherwise).
std::optional<Ugly> solve_graph(PracticeProblem& p);

void pose_descent_step(Rng& rng, int level, PracticeProblem& p);
// The coordinate asked after one step of descend(); degenerate when its partial derivative
// is 0 at the start.
std::optional<Ugly> solve_descent_step(PracticeProblem& p);

void pose_learning_rate(Rng& rng, int level, PracticeProblem& p);
// The verdict of descend() over kVerdictSteps steps: converged (steady, or zigzag when a
// coordinate reverses direction between the first steps), oscillating or diverged. A slow
// run, one that lands on the minimum within two steps, or a function that is not a quadratic
// is no problem (degenerate).
std::optional<Ugly> solve_learning_rate(PracticeProblem& p);

void pose_vanishing(Rng& rng, int level, PracticeProblem& p);
// The bound of run_chain, the product of the factors, or the fewest layers whose bound is
// below 10^−below.
std::optional<Ugly> solve_vanishing(PracticeProblem& p);

// The graph of P's function evaluated at P's point. Throws tutor::Error as parse, build_graph
// and evaluate do.
Graph graph_of(const PracticeProblem& p);
// The node P asks about in G (its value, or its gradient), or nullopt.
std::optional<std::size_t> asked_node(const Graph& g, const PracticeProblem& p);

// f″ along each variable of P's function when it is a quadratic (labs/descent's Quadratic),
// else empty. Throws tutor::Error as parse and descend do.
std::vector<double> curvature_of(const PracticeProblem& p);

}  // namespace tutor
