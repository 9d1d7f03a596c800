// How a view writes for its reader: the language, ASCII or Unicode, whether colour escapes
// are allowed, and how wide a line may be. The front ends fill it from --lang, --ascii,
// --color and the terminal's width; the views never ask the terminal themselves.
#pragma once

#include <cstddef>

#include "base/i18n.hpp"

namespace tutor {

struct ViewOptions {
  Lang lang = Lang::en;
  bool ascii = false;      // ASCII math and drawing only
  bool color = false;      // ANSI colour escapes allowed
  std::size_t width = 80;  // columns a line may take (Korean counts two a character)
};

}  // namespace tutor
