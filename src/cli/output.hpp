// Small helpers the front ends share for laying out text.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "cli/command.hpp"
#include "math/print.hpp"

namespace tutor::cli {

// "label:  value" lines with the values aligned, measuring labels in display columns so
// Korean labels line up too.
std::string aligned(const std::vector<std::pair<std::string, std::string>>& rows);

// TEXT's lines wrapped at ctx.width (tutor::wrap_lines) as they show there: under --ascii
// spelled out first, as the output stream spells them, so θ takes the columns of "theta".
std::string wrapped(const Context& ctx, const std::string& text);

// The style for math shown to the learner in this context.
Style math_style(const Context& ctx);

// JSON text as every command writes it: two-space indent, UTF-8 kept as is.
std::string json_text(const nlohmann::ordered_json& j);

// The value of --format, defaulting to "text".
std::string format_of(const Invocation& inv);

// The order N of --order N: a whole number from 1 to kMaxOrder. Throws tutor::Error with a
// caret under TEXT otherwise.
int parse_order(const std::string& text);

// N itself when it is an order from 1 to kMaxOrder; throws tutor::Error with a caret under
// WHERE otherwise.
int checked_order(int n, const std::string& where);

}  // namespace tutor::cli
