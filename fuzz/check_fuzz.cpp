// libFuzzer: answer checking, question × answer (see targets.hpp).
#include <cstddef>
#include <cstdint>

#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  tutor::fuzz::check_target({reinterpret_cast<const char*>(data), size});
  return 0;
}
