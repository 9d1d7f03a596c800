// Option rows that several commands share, written once so that their names, value names and
// help cannot drift apart between commands.
#pragma once

#include <string_view>
#include <vector>

#include "cli/command.hpp"

namespace tutor::cli {

// --format FORMAT with CHOICES, the first of them the default ("output format: text or json").
OptionSpec format_option(std::vector<std::string_view> choices);

// --order N: the Nth derivative, 1 to kMaxOrder.
OptionSpec order_option();

// --out FILE: where a command writes its result instead of the default place.
OptionSpec out_option();

// --force: overwrite the --out file.
OptionSpec force_option();

}  // namespace tutor::cli
