#include "calculus/outcome.hpp"

#include <array>
#include <string>

namespace tutor {

namespace {

constexpr std::array<std::string_view, 4> kStatusIds = {"correct", "incorrect", "invalid", "blank"};

constexpr std::array<std::string_view, 8> kMistakeIds = {
    "missing-inner-derivative",
    "sign-error",
    "power-rule",
    "product-rule",
    "quotient-rule",
    "constant-factor",
    "not-differentiated",
    "question-echo",
};

}  // namespace

std::string_view status_id(Status status) {
  return kStatusIds[static_cast<std::size_t>(status)];
}

std::string_view mistake_id(Mistake mistake) {
  return kMistakeIds[static_cast<std::size_t>(mistake)];
}

std::string mistake_name(Lang lang, Mistake mistake) {
  return tr(lang, "mistake." + std::string(mistake_id(mistake)));
}

std::optional<Mistake> parse_mistake(std::string_view tag) {
  for (std::size_t i = 0; i < kMistakeIds.size(); ++i) {
    if (kMistakeIds[i] == tag) return static_cast<Mistake>(i);
  }
  return std::nullopt;
}

}  // namespace tutor
