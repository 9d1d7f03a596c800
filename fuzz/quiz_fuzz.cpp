// libFuzzer: the quiz loader (TOML), posing and marking (see targets.hpp).
#include <cstddef>
#include <cstdint>

#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  tutor::fuzz::quiz_target({reinterpret_cast<const char*>(data), size});
  return 0;
}
