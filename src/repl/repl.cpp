#include "repl/repl.hpp"

#include <ostream>

#include "cli/help.hpp"

namespace tutor::repl {

int run(cli::Context& ctx) {
  *ctx.out << cli::overview(ctx.lang);
  return 0;
}

}  // namespace tutor::repl
