// Running the tutor from tests: in process through the command table, or as the real binary.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace tutor::testing {

struct RunResult {
  int status = -1;
  std::string out;
  std::string err;
};

// cli::run with ARGS and INPUT on string streams. Language and ASCII come from ARGS only:
// the environment's TUTOR_LANG and locale are set to English UTF-8, and COLUMNS to 80, for
// the call.
RunResult run_in_process(const std::vector<std::string>& args, const std::string& input = "");

// run_in_process for a run that must succeed: its stdout. Any other exit status throws,
// which fails the calling test with the status and stderr.
std::string run_ok(const std::vector<std::string>& args, const std::string& input = "");

// run_ok's stdout read as JSON.
nlohmann::json run_json(const std::vector<std::string>& args, const std::string& input = "");

// The built `tutor` binary with ARGS, INPUT on stdin, and ENV added to a clean environment
// (LANG=C.UTF-8, no TUTOR_LANG). Waits at most TIMEOUT_S seconds, then kills it (status -1).
RunResult run_binary(const std::vector<std::string>& args, const std::string& input = "",
                     const std::map<std::string, std::string>& env = {}, double timeout_s = 20);

// Any program at PATH, run the way run_binary runs the tutor.
RunResult run_program(const std::string& path, const std::vector<std::string>& args,
                      const std::string& input = "",
                      const std::map<std::string, std::string>& env = {}, double timeout_s = 20);

// TEXT with every run of white space, line breaks included, made one space, so that prose is
// compared whatever width the views wrapped it at.
std::string flowed(std::string_view text);

// Whether TEXT, flowed, contains PART, flowed.
bool has_flowed(std::string_view text, std::string_view part);

}  // namespace tutor::testing
