#include "cli/parse_error.hpp"

#include <algorithm>
#include <regex>
#include <sstream>
#include <vector>

#include "base/text.hpp"

namespace tutor::cli {
namespace {

// CLI11's wording of each kind (CLI/Error.hpp), read back for its parts.
const std::regex kExtras(R"(The following arguments? (?:was|were) not expected: (.*))");
const std::regex kNotMember(R"((\S+): (.*) not in \{(.*)\})");
const std::regex kMissing(R"((\S+): \d+ required (.*) missing)");

std::vector<std::string> words_of(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

}  // namespace

std::string parse_error_text(const CLI::ParseError& e, Lang lang) {
  const std::string what = sanitize(e.what());
  std::smatch m;
  if (dynamic_cast<const CLI::ExtrasError*>(&e) && std::regex_match(what, m, kExtras)) {
    // CLI11 lists them last first (it parses the arguments reversed).
    std::vector<std::string> words = words_of(m[1]);
    std::reverse(words.begin(), words.end());
    return tr_plural(lang, "cli.not_expected", static_cast<long long>(words.size()),
                     join(words, " "));
  }
  if (dynamic_cast<const CLI::ValidationError*>(&e) && std::regex_match(what, m, kNotMember)) {
    std::vector<std::string> choices;
    std::string list = m[3];
    for (std::size_t at = 0; at <= list.size();) {
      const std::size_t comma = std::min(list.find(',', at), list.size());
      choices.push_back(list.substr(at, comma - at));
      at = comma + 1;
    }
    return tr(lang, "cli.bad_value", m[1].str(), m[2].str(), join(choices, ", "));
  }
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) && std::regex_match(what, m, kMissing)) {
    return tr(lang, "cli.needs_value_like", m[1].str(), m[2].str());
  }
  return what;
}

}  // namespace tutor::cli
