// `tutor practice [SKILL] [--count N] [--seed S] [--guided] [--list] [--format text|json]`:
// generated problems (derivatives, graphs, descent, vanishing gradients), one skill at a time,
// that adapt to the learner's estimates and mistakes (course/drill.hpp), recorded in the
// progress file after every problem. A wrong first answer leads into a walk through the
// solution (course/guide.hpp), which --guided starts before any answer.
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <ostream>
#include <random>

#include "base/errors.hpp"
#include "base/table.hpp"
#include "base/text.hpp"
#include "cli/ask_prompt.hpp"
#include "cli/commands.hpp"
#include "cli/guided.hpp"
#include "cli/options.hpp"
#include "cli/output.hpp"
#include "cli/progress_file.hpp"
#include "course/drill.hpp"
#include "course/guide.hpp"
#include "course/lab_skills.hpp"
#include "course/mastery.hpp"
#include "course/skills.hpp"
#include "math/print.hpp"

namespace tutor::cli {

namespace {

constexpr int kDefaultCount = 10;
constexpr int kMaxCount = 1000;

std::vector<std::string_view> skill_words() {
  std::vector<std::string_view> out;
  for (const auto& s : skills()) out.push_back(s.id);
  return out;
}

std::string skill_list() {
  std::string s;
  for (const auto& k : skills()) s += (s.empty() ? "" : ", ") + std::string(k.id);
  return s;
}

// TEXT as a whole number from LO to HI, or nullopt.
std::optional<long long> whole(const std::string& text, long long lo, long long hi) {
  long long v = 0;
  const char* end = text.data() + text.size();
  auto [p, ec] = std::from_chars(text.data(), end, v);
  if (ec != std::errc() || p != end || v < lo || v > hi) return std::nullopt;
  return v;
}

std::string percent(double p) {
  return std::to_string(std::lround(p * 100)) + "%";
}

std::string title_of(Lang lang, const Skill& s) {
  return tr(lang, s.title);
}

int list(Context& ctx) {
  ProgressFile file(ctx);
  *ctx.out << tr(ctx.lang, "practice.list_heading") << "\n";
  TextTable table({.indent = "  "});
  for (const auto& s : skills()) {
    const double m = mastery_of(file.get(), s.id);
    std::string needs;
    for (auto pre : s.prerequisites) needs += (needs.empty() ? "" : ", ") + std::string(pre);
    table.add_row({std::string(s.id), title_of(ctx.lang, s), mastery_bar(m, ctx.ascii), percent(m),
                   needs.empty() ? "" : tr(ctx.lang, "practice.list_needs", needs)});
  }
  *ctx.out << table.str();
  *ctx.out << "\n" << tr(ctx.lang, "practice.start_hint") << "\n";
  return 0;
}

// What a program needs to answer P on its own, into J: the function and variable of a
// derivative; a graph's expression, point and node (with the node's expression in the
// variables, for an intermediate one); descent's function, start and rate; a layer problem's
// numbers. The key is a number for the number kinds, the verdict's name for a rate.
void setup_json(const PracticeProblem& p, nlohmann::ordered_json& j) {
  nlohmann::ordered_json point = nlohmann::ordered_json::object();
  for (const auto& [name, value] : p.point) point[name] = value;
  switch (p.kind) {
    case ProblemKind::derivative:
      j["function"] = p.function;
      j["wrt"] = p.wrt;
      j["key"] = p.key;
      return;
    case ProblemKind::node_value:
    case ProblemKind::node_gradient: {
      j["expression"] = p.function;
      j["point"] = point;
      j["node"] = p.wrt;
      if (p.kind == ProblemKind::node_value) {
        const Graph g = graph_of(p);
        j["node_expression"] =
            print(g.nodes[asked_node(g, p).value_or(g.output)].expr, Style::input);
      }
      break;
    }
    case ProblemKind::descent_step:
    case ProblemKind::rate_verdict:
      j["function"] = p.function;
      j["start"] = point;
      j["rate"] = p.rate;
      if (p.kind == ProblemKind::descent_step) j["asked"] = p.wrt;
      break;
    case ProblemKind::layer_bound:
    case ProblemKind::layers_below:
      j["activation"] = p.activation;
      j["weight"] = p.weight;
      if (p.kind == ProblemKind::layer_bound) j["layers"] = p.layers;
      if (p.kind == ProblemKind::layers_below) j["below"] = p.below;
      break;
    case ProblemKind::factor_product:
      j["factors"] = p.factors;
      break;
  }
  if (p.kind == ProblemKind::rate_verdict) {
    j["key"] = p.key;
  } else {
    j["key"] = p.value;
  }
}

// --format json: COUNT problems of each skill asked (or of every skill), with their keys,
// the levels and foci in turn, and what the generator set aside. Nothing is asked or
// recorded.
int problems_json(Context& ctx, const Skill* fixed, int count, std::uint32_t seed) {
  ProblemGenerator gen(seed);
  nlohmann::ordered_json j;
  j["seed"] = seed;
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  static constexpr std::string_view kFocus[] = {"none", "inner-factor", "minus-sign"};
  for (const auto& s : skills()) {
    if (fixed != nullptr && fixed != &s) continue;
    for (int i = 0; i < count; ++i) {
      const int level = i % kLevels + 1;
      const auto focus = static_cast<Focus>((i / kLevels) % 3);
      PracticeProblem p = gen.next(s, level, focus);
      nlohmann::ordered_json one = {{"skill", p.skill},
                                    {"kind", kind_name(p.kind)},
                                    {"level", p.level},
                                    {"focus", kFocus[static_cast<int>(p.focus)]}};
      setup_json(p, one);
      list.push_back(one);
    }
  }
  j["problems"] = list;
  j["given"] = gen.given();
  static constexpr std::string_view kUgly[] = {"degenerate", "wrong-rule", "huge-coefficient",
                                               "long-answer", "repeated"};
  nlohmann::ordered_json rejected = nlohmann::ordered_json::object();
  for (std::size_t k = 0; k < kUglyKinds; ++k) {
    rejected[std::string(kUgly[k])] = gen.rejected(static_cast<Ugly>(k));
  }
  j["rejected"] = rejected;
  *ctx.out << j.dump(2) << "\n";
  return 0;
}

// The walk through P's solution: a derivative's steps, or for a graph's node the graph's
// walk up to it; the other kinds have none.
std::vector<GuideStep> walk_of(const PracticeProblem& p, const Context& ctx) {
  switch (p.kind) {
    case ProblemKind::derivative:
      return guide(p.function, p.wrt, ctx.lang, ctx.ascii);
    case ProblemKind::node_value:
    case ProblemKind::node_gradient: {
      const Graph g = graph_of(p);
      const auto node = asked_node(g, p);
      if (!node) return {};
      return graph_guide_to(g, *node, p.kind == ProblemKind::node_gradient, ctx.lang, ctx.ascii);
    }
    default:
      return {};
  }
}

int drill(Context& ctx, const Skill* fixed, int count, std::uint32_t seed, bool guided) {
  std::ostream& out = *ctx.out;
  ProgressFile file(ctx);
  Drill d(seed, file.get(), fixed);
  out << tr(ctx.lang, "practice.drill.seed", std::to_string(seed)) << "\n";
  int answered = 0, right_first = 0, walked = 0;
  for (int i = 1; i <= count; ++i) {
    const Drill::Next n = d.next();
    const Skill& skill = *n.pick.skill;
    const std::string title = title_of(ctx.lang, skill);
    const double before = mastery_of(d.progress(), skill.id);
    out << "\n"
        << tr(ctx.lang, "practice.drill.heading", std::to_string(i), std::to_string(count), title,
              mastery_bar(before, ctx.ascii), percent(before))
        << "\n";
    if (auto key = reason_key(n.pick.reason); !key.empty()) out << tr(ctx.lang, key, title) << "\n";
    const Question q = question_of(n.problem, ctx.lang);
    const std::vector<GuideStep> steps = walk_of(n.problem, ctx);
    if (guided && !steps.empty()) {
      // Walked through before any answer: help, not a try, so mastery is left as it is.
      out << wrapped(ctx, sanitize(q.prompt, ctx.ascii) + "\n")
          << wrapped(ctx, tr(ctx.lang, "guide.start") + "\n");
      const WalkEnd end = walk_through(steps, ctx);
      if (end != WalkEnd::finished) break;
      ++walked;
      continue;
    }
    // Where the solution can be walked through, the first wrong answer leads into the walk
    // instead of more tries.
    AskRules rules;
    if (!steps.empty()) {
      rules.tries = 1;
      rules.show_key_when_out = false;
    }
    const Asked a = ask(q, rules, ctx);
    if (a.ended && ctx.interactive) out << "\n";  // after the "> " that was never answered
    // Leaving before any try, or before asking for the answer, says nothing about the skill.
    if (a.tries == 0 && !a.revealed) break;
    ++answered;
    const bool right = a.solved && a.tries == 1 && !a.revealed;
    right_first += right ? 1 : 0;
    d.record(n.problem, right, a.mistake);
    file.update([&](Progress& p) { record_practice(p, n.problem, right, a.mistake); });
    // Only the first try counts: the walk after it is help.
    WalkEnd end = a.quit ? WalkEnd::quit : a.ended ? WalkEnd::ended : WalkEnd::finished;
    if (!a.solved && !a.revealed && end == WalkEnd::finished && !steps.empty()) {
      out << wrapped(ctx, tr(ctx.lang, "guide.after_wrong") + "\n");
      end = walk_through(steps, ctx);
    }
    const double after = mastery_of(d.progress(), skill.id);
    out << tr(ctx.lang, "practice.drill.mastery", title, percent(before), percent(after)) << "\n";
    if (!is_mastered(before) && is_mastered(after))
      out << tr(ctx.lang, "practice.drill.mastered", title) << "\n";
    if (end != WalkEnd::finished) break;
  }
  out << "\n" << tr_count(ctx.lang, "practice.drill.summary", answered, right_first) << "\n";
  if (walked > 0) out << tr_count(ctx.lang, "guide.walked", walked) << "\n";
  out << tr_count(ctx.lang, "practice.drill.rejected",
                  d.generator().given() + d.generator().rejected(),
                  std::to_string(d.generator().rejected()))
      << "\n";
  return 0;
}

int run_practice(const Invocation& inv, Context& ctx) {
  const std::string name = trim(inv.expression);
  const Skill* fixed = nullptr;
  if (!name.empty()) {
    fixed = find_skill(name);
    if (fixed == nullptr)
      throw Error(Message{"practice.no_such_skill", {sanitize(name), skill_list()}});
  }
  int count = kDefaultCount;
  if (auto c = inv.value("--count")) {
    auto v = whole(*c, 1, kMaxCount);
    if (!v) throw Error(Message{"practice.bad_count", {sanitize(*c), std::to_string(kMaxCount)}});
    count = static_cast<int>(*v);
  }
  std::uint32_t seed = 0;
  if (auto s = inv.value("--seed")) {
    auto v = whole(*s, 0, 4294967295LL);
    if (!v) throw Error(Message{"practice.bad_seed", {sanitize(*s)}});
    seed = static_cast<std::uint32_t>(*v);
  } else {
    seed = std::random_device{}();
  }
  if (inv.has("--list")) return list(ctx);
  if (format_of(inv) == "json") return problems_json(ctx, fixed, count, seed);
  return drill(ctx, fixed, count, seed, inv.has("--guided"));
}

}  // namespace

Command practice_command() {
  Command c{"practice",
            "cmd.practice",
            {
                {"--count", "N", "opt.practice.count"},
                {"--seed", "S", "opt.practice.seed"},
                {"--guided", "", "opt.practice.guided"},
                {"--list", "", "opt.practice.list"},
                format_option({"text", "json"}),
            },
            true,
            run_practice,
            "[SKILL]",
            "arg.practice"};
  c.argument_words = skill_words;
  return c;
}

}  // namespace tutor::cli
