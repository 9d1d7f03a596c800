#include "course/mastery.hpp"

#include <algorithm>
#include <cmath>

namespace tutor {

double bkt_update(double p, bool right) {
  const double known = right ? p * (1 - kBktSlip) : p * kBktSlip;
  const double unknown = right ? (1 - p) * kBktGuess : (1 - p) * (1 - kBktGuess);
  const double posterior = known / (known + unknown);
  return posterior + (1 - posterior) * kBktLearn;
}

bool is_mastered(double p) {
  return p >= kMasteryThreshold;
}

int level_for(double p) {
  return p < 0.4 ? 1 : p < 0.8 ? 2 : 3;
}

std::string mastery_bar(double p, bool ascii, int width) {
  const int full = static_cast<int>(std::lround(std::clamp(p, 0.0, 1.0) * width));
  std::string s;
  for (int i = 0; i < width; ++i) {
    if (ascii) {
      s += i < full ? "#" : ".";
    } else {
      s += i < full ? "█" : "░";
    }
  }
  return s;
}

}  // namespace tutor
