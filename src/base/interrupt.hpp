// Cooperative interruption: Ctrl-C at the prompt stops a long computation between two steps.
//
// GiNaC cannot be stopped safely from outside: a signal handler that unwound or jumped out
// of it would leave its reference counts and caches half-updated. So the prompt's SIGINT
// handler only raises a flag (request_interrupt), and the engine's own loops look at it
// (poll_interrupt) at points where nothing is half-done, throwing Interrupted there. The
// front end catches it, says "interrupted", and clears the flag. The library never prints.
//
// Only the prompt ever calls request_interrupt. On the command line and in scripts SIGINT
// keeps its default action, so the flag stays down and poll_interrupt never throws.
#pragma once

namespace tutor {

// Thrown by poll_interrupt once an interrupt has been requested.
//
// Deliberately not derived from std::exception (nor from tutor::Error): the engine has
// many `catch (const std::exception&)` around GiNaC calls that turn a math failure into
// "no value here" (equivalence.cpp, graph.cpp, check.cpp, descent.cpp, ...). An
// Interrupted derived from std::exception would be swallowed by each of them, and by any
// such handler added later, so Ctrl-C would quietly become a wrong answer. Outside that
// hierarchy only `catch (...)` can stop it, and only the front end catches it by name.
class Interrupted {};

// Asks the running computation to stop at its next poll_interrupt. Async-signal-safe (a
// store to a lock-free atomic): meant to be called from a SIGINT handler. Never throws.
void request_interrupt() noexcept;

// Lowers the flag, so that the next computation runs to its end. Never throws.
void clear_interrupt() noexcept;

// Throws Interrupted when an interrupt has been requested; the flag stays raised until
// clear_interrupt, so every later poll in the same computation throws too. Costs one
// relaxed atomic load, cheap enough for the innermost loops of the engine.
//
// For tests only: when the environment variable TUTOR_TEST_SLOW_MS is set to N (read
// once, at the first call), every call first sleeps N milliseconds, so an ordinary input
// becomes a long computation that a test can interrupt.
void poll_interrupt();

}  // namespace tutor
