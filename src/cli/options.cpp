#include "cli/options.hpp"

#include <utility>

namespace tutor::cli {

OptionSpec format_option(std::vector<std::string_view> choices) {
  return {"--format", "FORMAT", "opt.format", false, std::move(choices)};
}

OptionSpec order_option() {
  return {"--order", "N", "opt.order"};
}

OptionSpec out_option() {
  return {"--out", "FILE", "opt.out"};
}

OptionSpec force_option() {
  return {"--force", "", "opt.force"};
}

}  // namespace tutor::cli
