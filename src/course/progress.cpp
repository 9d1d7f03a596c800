#include "course/progress.hpp"

#include <chrono>
#include <nlohmann/json.hpp>

#include "base/errors.hpp"
#include "base/files.hpp"

namespace tutor {

namespace {

nlohmann::ordered_json attempts_json(const std::map<std::string, Attempts>& m) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (const auto& [id, a] : m) {
    j[id] = {{"tries", a.tries}, {"solved", a.solved}, {"revealed", a.revealed}};
  }
  return j;
}

std::map<std::string, Attempts> attempts_from(const nlohmann::json& j) {
  std::map<std::string, Attempts> out;
  if (j.is_null()) return out;
  for (const auto& [id, v] : j.items()) {
    Attempts a;
    a.tries = v.at("tries").get<int>();
    a.solved = v.at("solved").get<bool>();
    a.revealed = v.value("revealed", false);
    out[id] = a;
  }
  return out;
}

nlohmann::ordered_json skills_json(const std::map<std::string, SkillRecord>& m) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (const auto& [id, r] : m) {
    j[id] = {
        {"mastery", r.mastery}, {"answered", r.answered}, {"right", r.right}, {"last", r.last}};
  }
  return j;
}

nlohmann::ordered_json history_json(const std::vector<PracticeEntry>& h) {
  nlohmann::ordered_json j = nlohmann::ordered_json::array();
  for (const auto& e : h) {
    nlohmann::ordered_json line = {
        {"skill", e.skill}, {"function", e.function}, {"wrt", e.wrt}, {"right", e.right}};
    if (!e.mistake.empty()) line["mistake"] = e.mistake;
    j.push_back(line);
  }
  return j;
}

}  // namespace

std::string progress_json(const Progress& p) {
  nlohmann::ordered_json j;
  j["version"] = 1;
  j["lessons_completed"] = p.lessons_completed;
  j["questions"] = attempts_json(p.questions);
  j["exercises"] = attempts_json(p.exercises);
  j["skills"] = skills_json(p.skills);
  j["practised"] = p.practised;
  j["history"] = history_json(p.history);
  return j.dump(2) + "\n";
}

Progress parse_progress(const std::string& text) {
  nlohmann::json j = nlohmann::json::parse(text);
  if (!j.is_object()) throw std::runtime_error("not an object");
  Progress p;
  for (const auto& n : j.value("lessons_completed", nlohmann::json::array())) {
    p.lessons_completed.insert(n.get<int>());
  }
  p.questions = attempts_from(j.value("questions", nlohmann::json()));
  p.exercises = attempts_from(j.value("exercises", nlohmann::json()));
  const nlohmann::json skills = j.value("skills", nlohmann::json::object());
  for (const auto& [id, v] : skills.items()) {
    SkillRecord r;
    r.mastery = v.at("mastery").get<double>();
    if (!(r.mastery >= 0 && r.mastery <= 1)) throw std::runtime_error("mastery out of range");
    r.answered = v.value("answered", 0);
    r.right = v.value("right", 0);
    r.last = v.value("last", 0);
    p.skills[id] = r;
  }
  p.practised = j.value("practised", 0);
  for (const auto& v : j.value("history", nlohmann::json::array())) {
    PracticeEntry e;
    e.skill = v.at("skill").get<std::string>();
    e.function = v.at("function").get<std::string>();
    e.wrt = v.value("wrt", "x");
    e.right = v.at("right").get<bool>();
    e.mistake = v.value("mistake", "");
    p.history.push_back(std::move(e));
  }
  return p;
}

LoadedProgress load_progress(const std::filesystem::path& file) {
  LoadedProgress out;
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) return out;
  try {
    out.progress = parse_progress(read_bounded(file, kMaxProgressBytes));
    return out;
  } catch (const std::exception&) {
    // Never silently discarded: the bad file is kept beside the new one.
    auto stamp = std::chrono::duration_cast<std::chrono::seconds>(
                     std::chrono::system_clock::now().time_since_epoch())
                     .count();
    std::filesystem::path aside = file;
    aside += ".corrupt-" + std::to_string(stamp);
    std::filesystem::rename(file, aside, ec);
    if (ec) throw Error(Message{"error.file_write", {aside.string(), ec.message()}});
    out.moved_aside = aside;
    return out;
  }
}

void save_progress(const std::filesystem::path& file, const Progress& progress) {
  write_atomically(file, progress_json(progress));
}

std::optional<std::filesystem::path> progress_path() {
  auto dir = data_dir();
  if (!dir) return std::nullopt;
  return *dir / "progress.json";
}

}  // namespace tutor
