// libFuzzer: the lesson loader, its Markdown and its questions (see targets.hpp).
#include <cstddef>
#include <cstdint>

#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  tutor::fuzz::lesson_target({reinterpret_cast<const char*>(data), size});
  return 0;
}
