// A point typed on the command line: "x=1,y=-2/3" for `graph --at`, `diff --at` and
// `descent --from`, one value per variable of the expression. Names may be written as
// Greek letters (θ=1 is theta=1), and values as any real number the parser reads (pi/2).
//
//   tutor::parse_point("θ=pi/2, w=3", {"theta", "w"})   // {theta: π/2, w: 3}
//   tutor::parse_point("5", {"x"}, tutor::PointOption::from)   // {x: 5}
#pragma once

#include <ginac/ginac.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tutor {

// Which option the point was given to: its messages name it, and `--from` also takes a bare
// number when the expression has one variable.
enum class PointOption { at, from };

// Reads TEXT as a value for each of VARIABLES. Values stay as typed (π/2, not 1.5707…) once
// they are known to be finite real numbers. Throws tutor::Error naming OPTION for an item
// that is not V=N, a name that is not one of VARIABLES, a variable given twice, a value that
// is not a real number, and a variable left out. Costs one parse per value.
std::map<std::string, GiNaC::ex> parse_point(std::string_view text,
                                             const std::vector<std::string>& variables,
                                             PointOption option = PointOption::at);

// E as a number: exact while it is rational, else floating point. Nullopt when it is not a
// finite real number (a variable left in it, √−1, a pole).
std::optional<GiNaC::ex> real_number(const GiNaC::ex& e);

}  // namespace tutor
