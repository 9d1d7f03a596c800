// Compiled into every program of a sanitizer build (TUTOR_SANITIZE or TUTOR_FUZZ), so the
// tutor, the tests (and the tutor they start) and the fuzz targets all run with the same
// settings without any environment variable.

extern "C" {

// CLN keeps some numbers it computes once (the first time 2^x is evaluated, for example)
// in its own caches for the life of the process; LeakSanitizer sees them as leaks because
// CLN is not instrumented. GiNaC loses the half-built objects of an evaluation that throws
// (a pole, log(0), a division by zero at a sample point) in many of its functions: the
// suite found five, the fuzzer more (power::map), so allocations made inside libginac are
// excused as a whole, and so are those of GiNaC::dynallocate, the header function through
// which pow(), sin() and the like allocate when clang inlines them into the caller (a
// pow(0, -1) that throws leaks its power object that way). Memory errors anywhere are
// still reported; so are leaks of objects the tutor's own code allocates outside GiNaC.
const char* __lsan_default_suppressions() {
  return "leak:libcln.so\n"
         "leak:libginac.so\n"
         "leak:GiNaC::dynallocate\n";
}

// Excused leaks are not listed on stderr: tests compare the tutor's stderr exactly.
const char* __lsan_default_options() {
  return "print_suppressions=0";
}

// Stop at the first report, and give the whole stack.
const char* __asan_default_options() {
  return "halt_on_error=1:abort_on_error=0:detect_stack_use_after_return=0";
}
const char* __ubsan_default_options() {
  return "halt_on_error=1:print_stacktrace=1";
}
}
