// The hand-written tables in tests/data: tab-separated rows, '#' comment lines.
#pragma once

#include <string>
#include <vector>

namespace tutor::testing {

struct TsvRow {
  int line = 0;                     // 1-based, for messages
  std::vector<std::string> fields;  // padded with empty fields to the width asked for
};

// The rows of tests/data/NAME, skipping blank and '#' lines, each padded to WIDTH fields.
std::vector<TsvRow> read_tsv(const std::string& name, std::size_t width);

}  // namespace tutor::testing
