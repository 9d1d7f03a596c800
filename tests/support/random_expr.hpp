// Random expressions for property tests: every function and operator the parser accepts,
// from a fixed seed so that a failure reproduces.
#pragma once

#include <ginac/ginac.h>

#include <random>
#include <vector>

namespace tutor::testing {

class RandomExpr {
 public:
  RandomExpr(std::vector<GiNaC::ex> vars, unsigned seed) : vars_(std::move(vars)), gen_(seed) {}
  // A tree of at most DEPTH levels.
  GiNaC::ex make(int depth);

 private:
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(gen_); }
  GiNaC::ex leaf();

  std::vector<GiNaC::ex> vars_;
  std::mt19937 gen_;
};

}  // namespace tutor::testing
