#include "cli/parse_error.hpp"

#include <algorithm>
#include <regex>
#include <vector>

#include "base/text.hpp"

namespace tutor::cli {
namespace {

// CLI11's wording of each kind (CLI/Error.hpp), read back for its parts.
const std::regex kExtras(R"(The following arguments? (?:was|were) not expected: (.*))");
const std::regex kNotMember(R"((\S+): (.*) not in \{(.*)\})");
const std::regex kMissing(R"((\S+): \d+ required (.*) missing)");

// Whether LIST, arguments joined with spaces, holds ARG as one of them.
bool lists(const std::string& list, const std::string& arg) {
  for (std::size_t at = list.find(arg); at != std::string::npos; at = list.find(arg, at + 1)) {
    const std::size_t end = at + arg.size();
    if ((at == 0 || list[at - 1] == ' ') && (end == list.size() || list[end] == ' ')) return true;
  }
  return false;
}

}  // namespace

std::string parse_error_text(const CLI::ParseError& e, const std::vector<std::string>& args,
                             Lang lang) {
  const std::string what = sanitize(e.what());
  std::smatch m;
  if (dynamic_cast<const CLI::ExtrasError*>(&e) && std::regex_match(what, m, kExtras)) {
    // CLI11 joins them with spaces, last first (it parses the arguments reversed), and an
    // argument may hold spaces itself: name the arguments it lists, in the order typed.
    const std::string listed = m[1];
    std::vector<std::string> named;
    for (const auto& a : args) {
      if (!a.empty() && lists(listed, a)) named.push_back(a);
    }
    if (named.empty()) named.push_back(listed);
    return tr_plural(lang, "cli.not_expected", static_cast<long long>(named.size()),
                     join(named, " "));
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
