// Small helpers the front ends share for laying out text.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "cli/command.hpp"
#include "tutor/print.hpp"

namespace tutor::cli {

// "label:  value" lines with the values aligned, measuring labels in display columns so
// Korean labels line up too.
std::string aligned(const std::vector<std::pair<std::string, std::string>>& rows);

// The style for math shown to the learner in this context.
Style math_style(const Context& ctx);

// JSON text as every command writes it: two-space indent, UTF-8 kept as is.
std::string json_text(const nlohmann::ordered_json& j);

// The value of --format, defaulting to "text".
std::string format_of(const Invocation& inv);

}  // namespace tutor::cli
