// tutor_batch: the tutor's work on many inputs in one process, for bench/compare_sympy.py.
// Start-up is measured separately; this times only the work itself.
//
//   tutor_batch diff  < expressions       one expression a line: parse, steps, explanation
//   tutor_batch check < questions+answers  "question<TAB>answer" a line: parse, check
//
// Prints one JSON object: {"mode", "count", "failed", "seconds", "cpu_seconds"}; CPU time
// is what compare_sympy.py compares, since a busy machine inflates wall time.
#include <chrono>
#include <ctime>
#include <iostream>
#include <string>
#include <vector>

#include "calculus/check.hpp"
#include "calculus/explain.hpp"
#include "math/steps.hpp"
#include "math/syntax.hpp"

namespace {

// Every variable's derivative with its steps and explanation, as `tutor diff` shows them.
bool diff_line(const std::string& line) {
  tutor::SymbolTable syms;
  tutor::Parsed p = tutor::parse(line, syms);
  if (p.variables.empty()) p.variables.push_back("x");
  std::size_t chars = 0;
  for (const auto& v : p.variables) {
    tutor::Step s = tutor::differentiate(p.expr, syms.get(v));
    chars += tutor::explain_text(s, tutor::ExplainOptions{}).size();
  }
  return chars > 0;
}

bool check_line(const std::string& line) {
  auto tab = line.find('\t');
  if (tab == std::string::npos) return false;
  tutor::SymbolTable syms;
  tutor::Parsed p = tutor::parse(line.substr(0, tab), syms);
  GiNaC::ex x = syms.get(p.variables.empty() ? "x" : p.variables.front());
  tutor::Outcome v = tutor::check(p.expr, x, line.substr(tab + 1), syms);
  return v.status != tutor::Status::invalid;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode != "diff" && mode != "check") {
    std::cerr << "usage: tutor_batch diff|check < lines\n";
    return 2;
  }
  std::vector<std::string> lines;
  for (std::string line; std::getline(std::cin, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  std::size_t failed = 0;
  const auto start = std::chrono::steady_clock::now();
  const std::clock_t cpu_start = std::clock();
  for (const auto& line : lines) {
    try {
      if (!(mode == "diff" ? diff_line(line) : check_line(line))) ++failed;
    } catch (const std::exception& e) {
      std::cerr << "tutor_batch: " << line << ": " << e.what() << "\n";
      ++failed;
    }
  }
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  const double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  std::cout << "{\"mode\": \"" << mode << "\", \"count\": " << lines.size()
            << ", \"failed\": " << failed << ", \"seconds\": " << took.count()
            << ", \"cpu_seconds\": " << cpu << "}\n";
  return failed == 0 ? 0 : 1;
}
