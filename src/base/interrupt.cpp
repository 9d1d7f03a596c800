#include "base/interrupt.hpp"

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <thread>

namespace tutor {

namespace {

// A signal handler may only touch lock-free atomics (or volatile sig_atomic_t).
static_assert(std::atomic<bool>::is_always_lock_free);
std::atomic<bool> requested{false};

// TUTOR_TEST_SLOW_MS, or 0 when unset or not a whole number of milliseconds.
std::chrono::milliseconds test_delay() {
  const char* text = std::getenv("TUTOR_TEST_SLOW_MS");
  if (text == nullptr || *text == '\0') return std::chrono::milliseconds(0);
  char* end = nullptr;
  const long ms = std::strtol(text, &end, 10);
  if (*end != '\0' || ms <= 0) return std::chrono::milliseconds(0);
  return std::chrono::milliseconds(ms);
}

}  // namespace

void request_interrupt() noexcept {
  requested.store(true, std::memory_order_relaxed);
}

void clear_interrupt() noexcept {
  requested.store(false, std::memory_order_relaxed);
}

void poll_interrupt() {
  // Read once: a getenv on every poll would cost more than the poll itself.
  static const std::chrono::milliseconds delay = test_delay();
  // The flag is read after the sleep (which resumes after a signal), so a test's Ctrl-C is
  // seen at most one delay late.
  if (delay.count() > 0) std::this_thread::sleep_for(delay);
  if (requested.load(std::memory_order_relaxed)) throw Interrupted();
}

}  // namespace tutor
