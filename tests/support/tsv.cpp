#include "support/tsv.hpp"

#include <fstream>
#include <sstream>

namespace tutor::testing {

std::vector<TsvRow> read_tsv(const std::string& name, std::size_t width) {
  std::ifstream in(std::string(TUTOR_TEST_DATA) + "/" + name);
  std::vector<TsvRow> out;
  std::string row;
  for (int line = 1; std::getline(in, row); ++line) {
    if (row.empty() || row[0] == '#') continue;
    TsvRow r{line, {}};
    std::stringstream ss(row);
    for (std::string cell; std::getline(ss, cell, '\t');) r.fields.push_back(cell);
    if (r.fields.size() < width) r.fields.resize(width);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace tutor::testing
