// tutor: an interactive calculus tutor. Everything happens in the front end and the core.
#include <clocale>
#include <iostream>
#include <string>
#include <vector>

#include "cli/app.hpp"

int main(int argc, char** argv) {
  std::setlocale(LC_ALL, "");
  std::vector<std::string> args(argv + 1, argv + argc);
  return tutor::cli::run(args, std::cin, std::cout, std::cerr);
}
