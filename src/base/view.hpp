// How a view writes for its reader: the language, ASCII or Unicode, and whether colour
// escapes are allowed. The front ends fill it from --lang, --ascii and --color.
#pragma once

#include "base/i18n.hpp"

namespace tutor {

struct ViewOptions {
  Lang lang = Lang::en;
  bool ascii = false;  // ASCII math and drawing only
  bool color = false;  // ANSI colour escapes allowed
};

}  // namespace tutor
