// libFuzzer: the expression parser, printer and step engine (see targets.hpp).
#include <cstddef>
#include <cstdint>

#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  tutor::fuzz::parse_target({reinterpret_cast<const char*>(data), size});
  return 0;
}
