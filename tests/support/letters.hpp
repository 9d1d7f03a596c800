// A fixture with one symbol table and the letters most tests build expressions from.
#pragma once

#include <gtest/gtest.h>

#include "math/symbols.hpp"

namespace tutor::testing {

class Letters : public ::testing::Test {
 protected:
  SymbolTable syms;
  GiNaC::ex x = syms.get("x");
  GiNaC::ex y = syms.get("y");
  GiNaC::ex z = syms.get("z");
};

}  // namespace tutor::testing
