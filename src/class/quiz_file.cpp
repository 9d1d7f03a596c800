#include "class/quiz_file.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "base/files.hpp"
#include "base/text.hpp"
#include "class/partial_credit.hpp"
#include "class/quiz_marking.hpp"
#include "class/quiz_variants.hpp"
#include "labs/descent.hpp"
#include "math/print.hpp"
#include "math/steps.hpp"
#include "math/syntax.hpp"

namespace tutor {

namespace {

constexpr std::array<std::string_view, 6> kKindIds = {"derivative", "value",  "gradient",
                                                      "descent",    "choice", "expression"};

// Which keys a question of each kind takes, and which it must have. A bit per kind.
constexpr unsigned bit(QuizKind k) {
  return 1u << static_cast<unsigned>(k);
}
constexpr unsigned kAll = 0x3F;
constexpr unsigned kFunctionKinds = bit(QuizKind::derivative) | bit(QuizKind::value) |
                                    bit(QuizKind::gradient) | bit(QuizKind::descent);
constexpr unsigned kPointKinds = bit(QuizKind::value) | bit(QuizKind::gradient);
constexpr unsigned kDescent = bit(QuizKind::descent);
constexpr unsigned kNumberKinds = kPointKinds | kDescent;
constexpr unsigned kPromptNeeded = bit(QuizKind::choice) | bit(QuizKind::expression);

struct KeyRule {
  std::string_view key;
  unsigned allowed;   // kinds that take the key
  unsigned required;  // kinds that must have it
};

constexpr KeyRule kQuestionKeys[] = {
    {"id", kAll, kAll},
    {"kind", kAll, kAll},
    {"points", kAll, 0},
    {"prompt", kAll, kPromptNeeded},
    {"hints", kAll, 0},
    {"feedback", kAll, 0},
    {"partial", kAll, 0},
    {"random", kAll, 0},
    {"expression", kFunctionKinds, kFunctionKinds},
    {"wrt", kFunctionKinds, 0},
    {"order", bit(QuizKind::derivative) | bit(QuizKind::value), 0},
    {"at", kPointKinds, kPointKinds},
    {"from", kDescent, kDescent},
    {"lr", kDescent, kDescent},
    {"tolerance", kNumberKinds, 0},
    {"tolerance_partial", kNumberKinds, 0},
    {"steps", kDescent, kDescent},
    {"choices", bit(QuizKind::choice), bit(QuizKind::choice)},
    {"answer", bit(QuizKind::choice) | bit(QuizKind::expression),
     bit(QuizKind::choice) | bit(QuizKind::expression)},
};

constexpr std::string_view kTopKeys[] = {"title", "pass", "seed", "question"};

// Gradebook columns, which a question id must not take.
constexpr std::string_view kReservedIds[] = {"student", "total", "max", "percent", "passed"};

std::string key_list(auto const& keys) {
  std::string out;
  for (const auto& k : keys) {
    std::string_view name;
    if constexpr (std::is_same_v<std::decay_t<decltype(k)>, KeyRule>)
      name = k.key;
    else
      name = k;
    out += (out.empty() ? "" : ", ") + std::string(name);
  }
  return out;
}

Location where_of(const toml::source_region& r) {
  return {r.begin.line, r.begin.column};
}
Location where_of(const toml::node& n) {
  return where_of(n.source());
}

bool valid_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
  });
}

bool valid_random_name(std::string_view name) {
  if (name.empty() || name.size() > 16 || !std::isalpha(static_cast<unsigned char>(name[0]))) {
    return false;
  }
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
}

// Reads one quiz file into a Quiz, collecting problems instead of stopping at the first.
class Reader {
 public:
  Reader(std::string_view file, const QuizLimits& limits, QuizLoad& out)
      : limits_(limits), out_(out) {
    out_.quiz.file = std::string(file);
  }

  void read(const toml::table& doc) {
    for (auto&& [k, v] : doc) {
      if (std::find(std::begin(kTopKeys), std::end(kTopKeys), k.str()) == std::end(kTopKeys)) {
        problem(where_of(k.source()), "quiz.unknown_key",
                {std::string(k.str()), key_list(kTopKeys)});
      }
    }
    Quiz& quiz = out_.quiz;
    if (const auto* t = doc.get("title")) {
      if (auto s = string_of(*t, "title")) quiz.title = *s;
    } else {
      problem({1, 1}, "quiz.missing_key", {"title"});
    }
    if (const auto* p = doc.get("pass")) {
      auto v = number_of(*p, "pass");
      if (v && (*v < 0 || *v > 100))
        problem(where_of(*p), "quiz.bad_pass", {});
      else if (v)
        quiz.pass = *v;
    }
    if (const auto* s = doc.get("seed")) {
      if (auto t = string_of(*s, "seed")) quiz.seed = *t;
    }
    const auto* qs = doc.get("question");
    if (qs == nullptr) {
      problem({1, 1}, "quiz.no_questions", {});
      return;
    }
    const auto* arr = qs->as_array();
    if (arr == nullptr || !arr->is_array_of_tables()) {
      problem(where_of(*qs), "quiz.need_questions", {});
      return;
    }
    if (arr->size() > limits_.max_questions) {
      problem(where_of(*qs), "quiz.too_many",
              {"[[question]]", std::to_string(limits_.max_questions)});
      return;
    }
    for (const auto& node : *arr) quiz.questions.push_back(question(*node.as_table()));
  }

 private:
  void problem(Location at, std::string key, std::vector<std::string> args) {
    out_.problems.push_back(Problem{at, Message{std::move(key), std::move(args)}, std::nullopt});
  }

  std::optional<std::string> string_of(const toml::node& n, std::string_view name) {
    if (!n.is_string()) {
      problem(where_of(n), "quiz.need_string", {std::string(name)});
      return std::nullopt;
    }
    std::string s = n.as_string()->get();
    if (s.size() > limits_.max_text_bytes) {
      problem(where_of(n), "quiz.text_too_long",
              {std::string(name), std::to_string(limits_.max_text_bytes)});
      return std::nullopt;
    }
    if (!valid_utf8(s)) {
      problem(where_of(n), "quiz.not_utf8", {std::string(name)});
      return std::nullopt;
    }
    return s;
  }

  std::optional<double> number_of(const toml::node& n, std::string_view name) {
    if (n.is_integer()) return static_cast<double>(n.as_integer()->get());
    if (n.is_floating_point()) {
      double d = n.as_floating_point()->get();
      if (std::isfinite(d)) return d;
    }
    problem(where_of(n), "quiz.need_number", {std::string(name)});
    return std::nullopt;
  }

  std::optional<long long> integer_of(const toml::node& n, std::string_view name) {
    if (n.is_integer()) return n.as_integer()->get();
    problem(where_of(n), "quiz.need_integer", {std::string(name)});
    return std::nullopt;
  }

  // A number or a string, as expression text: at values and the descent start.
  Field value_field(const toml::node& n, std::string_view name) {
    Field f{{}, where_of(n), true};
    if (n.is_integer())
      f.text = std::to_string(n.as_integer()->get());
    else if (n.is_floating_point())
      f.text = format_number(n.as_floating_point()->get());
    else if (auto s = string_of(n, name))
      f.text = *s;
    else
      f.given = false;
    return f;
  }

  // "text", or a table { ko = "…", en = "…" }.
  Localized localized(const toml::node& n, std::string_view name) {
    Localized l;
    l.where = where_of(n);
    if (n.is_string()) {
      if (auto s = string_of(n, name)) {
        l.text = *s;
        l.given = true;
      }
      return l;
    }
    const auto* t = n.as_table();
    if (t == nullptr) {
      problem(l.where, "quiz.need_text", {std::string(name)});
      return l;
    }
    for (auto&& [k, v] : *t) {
      std::string full = std::string(name) + "." + std::string(k.str());
      if (k.str() != "ko" && k.str() != "en") {
        problem(where_of(k.source()), "quiz.unknown_key", {full, "ko, en"});
        continue;
      }
      if (auto s = string_of(v, full)) {
        (k.str() == "ko" ? l.ko : l.en) = *s;
        l.given = true;
      }
    }
    return l;
  }

  std::vector<Localized> localized_list(const toml::node& n, std::string_view name,
                                        std::size_t max) {
    std::vector<Localized> out;
    if (const auto* arr = n.as_array()) {
      if (arr->size() > max) {
        problem(where_of(n), "quiz.too_many", {std::string(name), std::to_string(max)});
        return out;
      }
      for (const auto& item : *arr) out.push_back(localized(item, name));
      return out;
    }
    // hints.ko = [...] and hints.en = [...]: zipped by position.
    const auto* t = n.as_table();
    if (t == nullptr) {
      problem(where_of(n), "quiz.need_list", {std::string(name)});
      return out;
    }
    for (auto&& [k, v] : *t) {
      std::string full = std::string(name) + "." + std::string(k.str());
      if (k.str() != "ko" && k.str() != "en") {
        problem(where_of(k.source()), "quiz.unknown_key", {full, "ko, en"});
        continue;
      }
      const auto* arr = v.as_array();
      if (arr == nullptr) {
        problem(where_of(v), "quiz.need_list", {full});
        continue;
      }
      if (arr->size() > max) {
        problem(where_of(v), "quiz.too_many", {full, std::to_string(max)});
        continue;
      }
      for (std::size_t i = 0; i < arr->size(); ++i) {
        if (out.size() <= i) out.emplace_back().where = where_of((*arr)[i]);
        if (auto s = string_of((*arr)[i], full)) {
          (k.str() == "ko" ? out[i].ko : out[i].en) = *s;
          out[i].given = true;
        }
      }
    }
    return out;
  }

  QuizQuestion question(const toml::table& t) {
    QuizQuestion q;
    q.where = where_of(t);
    // The kind first: which other keys belong depends on it.
    std::optional<QuizKind> kind;
    if (const auto* k = t.get("kind")) {
      if (auto s = string_of(*k, "kind")) {
        kind = parse_kind(*s);
        if (!kind) problem(where_of(*k), "quiz.unknown_kind", {*s, key_list(kKindIds)});
      }
    }
    if (kind) q.kind = *kind;
    for (auto&& [k, v] : t) {
      const KeyRule* rule = nullptr;
      for (const auto& r : kQuestionKeys) {
        if (r.key == k.str()) rule = &r;
      }
      if (rule == nullptr) {
        problem(where_of(k.source()), "quiz.unknown_key",
                {std::string(k.str()), key_list(kQuestionKeys)});
      } else if (kind && (rule->allowed & bit(*kind)) == 0) {
        problem(where_of(k.source()), "quiz.key_not_for_kind",
                {std::string(k.str()), std::string(kind_id(*kind))});
      }
    }
    for (const auto& r : kQuestionKeys) {
      if (t.get(r.key) != nullptr) continue;
      if (r.key == "kind" || (kind && (r.required & bit(*kind)) != 0) || r.key == "id") {
        problem(q.where, kind ? "quiz.missing_key_for_kind" : "quiz.missing_key",
                {std::string(r.key), kind ? std::string(kind_id(*kind)) : std::string()});
      }
    }
    if (const auto* n = t.get("id")) {
      if (auto s = string_of(*n, "id")) {
        q.id = *s;
        if (!valid_id(q.id))
          problem(where_of(*n), "quiz.bad_id", {sanitize(q.id)});
        else if (std::find(std::begin(kReservedIds), std::end(kReservedIds), q.id) !=
                 std::end(kReservedIds)) {
          problem(where_of(*n), "quiz.reserved_id", {q.id});
        }
      }
    }
    if (const auto* n = t.get("points")) {
      auto v = integer_of(*n, "points");
      if (v && (*v < 1 || *v > limits_.max_points)) {
        problem(where_of(*n), "quiz.bad_points", {std::to_string(limits_.max_points)});
      } else if (v) {
        q.points = static_cast<int>(*v);
      }
    }
    if (const auto* n = t.get("expression")) {
      if (auto s = string_of(*n, "expression")) q.expression = Field{*s, where_of(*n), true};
    }
    if (const auto* n = t.get("order")) {
      auto v = integer_of(*n, "order");
      if (v && (*v < 1 || *v > kMaxOrder)) {
        problem(where_of(*n), "quiz.bad_order", {std::to_string(kMaxOrder)});
      } else if (v) {
        q.order = static_cast<int>(*v);
      }
    }
    if (const auto* n = t.get("wrt")) {
      if (auto s = string_of(*n, "wrt")) {
        if (!is_variable_name(*s))
          problem(where_of(*n), "quiz.bad_wrt", {sanitize(*s)});
        else
          q.wrt = *s;
      }
    }
    if (const auto* n = t.get("at")) {
      if (const auto* at = n->as_table()) {
        for (auto&& [k, v] : *at) {
          std::string name(k.str());
          if (!is_variable_name(name)) {
            problem(where_of(k.source()), "quiz.bad_wrt", {sanitize(name)});
            continue;
          }
          Field f = value_field(v, "at." + name);
          if (f.given) q.at.emplace_back(name, std::move(f));
        }
        std::sort(q.at.begin(), q.at.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
      } else {
        problem(where_of(*n), "quiz.need_table", {"at"});
      }
    }
    if (const auto* n = t.get("from")) {
      if (const auto* from = n->as_table()) {
        // from = { x = 1, y = 2 }: the same text --from takes.
        Field f{{}, where_of(*n), true};
        for (auto&& [k, v] : *from) {
          Field item = value_field(v, "from." + std::string(k.str()));
          if (!item.given) f.given = false;
          f.text += (f.text.empty() ? "" : ",") + std::string(k.str()) + "=" + item.text;
        }
        q.from = f;
      } else {
        q.from = value_field(*n, "from");
      }
    }
    if (const auto* n = t.get("lr")) {
      auto v = number_of(*n, "lr");
      if (v && !(*v > 0))
        problem(where_of(*n), "quiz.bad_lr", {});
      else if (v)
        q.lr = *v;
    }
    if (const auto* n = t.get("tolerance")) {
      auto v = number_of(*n, "tolerance");
      if (v && !(*v > 0 && *v < 1))
        problem(where_of(*n), "quiz.bad_tolerance", {});
      else if (v)
        q.tolerance = *v;
    }
    if (const auto* n = t.get("steps")) {
      auto v = integer_of(*n, "steps");
      if (v && (*v < 1 || *v > kMaxDescentSteps)) {
        problem(where_of(*n), "quiz.bad_steps", {std::to_string(kMaxDescentSteps)});
      } else if (v) {
        q.steps = static_cast<int>(*v);
      }
    }
    if (const auto* n = t.get("choices")) {
      q.choices = localized_list(*n, "choices", limits_.max_choices);
      if (q.choices.empty()) problem(where_of(*n), "quiz.no_choices", {});
    }
    if (const auto* n = t.get("answer")) {
      if (kind == QuizKind::choice) {
        auto v = integer_of(*n, "answer");
        if (v && (*v < 1 || *v > static_cast<long long>(q.choices.size()))) {
          problem(where_of(*n), "quiz.bad_choice_answer", {std::to_string(q.choices.size())});
        } else if (v) {
          q.answer_index = static_cast<int>(*v);
        }
      } else if (kind == QuizKind::expression) {
        if (auto s = string_of(*n, "answer")) q.answer = Field{*s, where_of(*n), true};
      }
    }
    if (const auto* n = t.get("prompt")) q.prompt = localized(*n, "prompt");
    if (const auto* n = t.get("hints")) q.hints = localized_list(*n, "hints", limits_.max_hints);
    if (const auto* n = t.get("feedback")) {
      if (const auto* fb = n->as_table()) {
        std::vector<std::string_view> tags;
        for (int m = 0; m <= static_cast<int>(Mistake::question_echo); ++m) {
          tags.push_back(mistake_id(static_cast<Mistake>(m)));
        }
        for (auto&& [k, v] : *fb) {
          auto m = parse_mistake(k.str());
          if (!m) {
            problem(where_of(k.source()), "quiz.unknown_tag",
                    {sanitize(std::string(k.str())), key_list(tags)});
            continue;
          }
          Localized l = localized(v, "feedback." + std::string(k.str()));
          if (l.given) q.feedback[*m] = l;
        }
      } else {
        problem(where_of(*n), "quiz.need_table", {"feedback"});
      }
    }
    read_partial(t, q);
    if (const auto* n = t.get("random")) {
      if (const auto* r = n->as_table()) {
        if (r->size() > limits_.max_random) {
          problem(where_of(*n), "quiz.too_many", {"random", std::to_string(limits_.max_random)});
        }
        for (auto&& [k, v] : *r) {
          std::string name(k.str());
          if (!valid_random_name(name)) {
            problem(where_of(k.source()), "quiz.bad_random_name", {sanitize(name)});
            continue;
          }
          const auto* range = v.as_array();
          if (range == nullptr || range->size() != 2 || !(*range)[0].is_integer() ||
              !(*range)[1].is_integer()) {
            problem(where_of(v), "quiz.need_range", {name});
            continue;
          }
          long long lo = (*range)[0].as_integer()->get();
          long long hi = (*range)[1].as_integer()->get();
          if (lo > hi || std::max(std::abs(lo), std::abs(hi)) > limits_.max_random_magnitude) {
            problem(where_of(v), "quiz.need_range", {name});
            continue;
          }
          q.random.push_back(RandomRange{name, lo, hi, where_of(v)});
        }
        std::sort(q.random.begin(), q.random.end(),
                  [](const auto& a, const auto& b) { return a.name < b.name; });
      } else {
        problem(where_of(*n), "quiz.need_table", {"random"});
      }
    }
    return q;
  }

  // [question.partial] and tolerance_partial: shares of the points, each above 0 and below 1;
  // "tolerance" only for a number question, and only together with tolerance_partial.
  void read_partial(const toml::table& t, QuizQuestion& q) {
    const bool numeric = (kNumberKinds & bit(q.kind)) != 0;
    // Elsewhere tolerance_partial is already reported as a key the kind does not take.
    const auto* loose = numeric ? t.get("tolerance_partial") : nullptr;
    if (loose != nullptr) {
      auto v = number_of(*loose, "tolerance_partial");
      if (v && !(*v > q.tolerance && *v < 1))
        problem(where_of(*loose), "partial.bad_tolerance", {format_number(q.tolerance)});
      else if (v)
        q.tolerance_partial = *v;
    }
    const auto* n = t.get("partial");
    const auto* table = n != nullptr ? n->as_table() : nullptr;
    if (n != nullptr && table == nullptr) {
      problem(where_of(*n), "quiz.need_table", {"partial"});
      return;
    }
    if (table == nullptr) {
      if (loose != nullptr) problem(where_of(*loose), "partial.needs_share", {});
      return;
    }
    std::vector<std::string_view> tags;
    for (int m = 0; m <= static_cast<int>(Mistake::question_echo); ++m) {
      tags.push_back(mistake_id(static_cast<Mistake>(m)));
    }
    if (numeric) tags.push_back(kTolerancePartial);
    bool tolerance_given = false;
    for (auto&& [k, v] : *table) {
      const std::string tag(k.str());
      auto m = parse_mistake(tag);
      const bool tolerance = numeric && tag == kTolerancePartial;
      if (!m && !tolerance) {
        problem(where_of(k.source()), "quiz.unknown_tag", {sanitize(tag), key_list(tags)});
        continue;
      }
      auto share = number_of(v, "partial." + tag);
      if (!share) continue;
      if (!(*share > 0 && *share < 1)) {
        problem(where_of(v), "partial.bad_share", {"partial." + tag});
        continue;
      }
      if (tolerance) {
        tolerance_given = true;
        if (loose == nullptr)
          problem(where_of(k.source()), "partial.needs_tolerance", {});
        else
          q.tolerance_share = *share;
      } else {
        q.partial[*m] = *share;
      }
    }
    if (loose != nullptr && !tolerance_given) {
      problem(where_of(*loose), "partial.needs_share", {});
    }
  }

  const QuizLimits& limits_;
  QuizLoad& out_;
};

// The placeholders in TEXT that name no random integer of Q.
void check_placeholders(const QuizQuestion& q, const std::string& text, Location where,
                        std::vector<Problem>& problems) {
  Variant names;
  for (const auto& r : q.random) names[r.name] = 0;
  try {
    (void)substitute(text, names, false);
  } catch (const Error& e) {
    problems.push_back(Problem{where, e.message(), std::nullopt});
  }
}

// Every text of Q that may hold placeholders, with where it is.
std::vector<std::pair<const std::string*, Location>> templates(const QuizQuestion& q) {
  std::vector<std::pair<const std::string*, Location>> out;
  auto add_field = [&](const Field& f) {
    if (f.given) out.emplace_back(&f.text, f.where);
  };
  auto add_loc = [&](const Localized& l) {
    for (const std::string* s : {&l.text, &l.ko, &l.en}) {
      if (!s->empty()) out.emplace_back(s, l.where);
    }
  };
  add_field(q.expression);
  for (const auto& [name, f] : q.at) add_field(f);
  add_field(q.from);
  add_field(q.answer);
  add_loc(q.prompt);
  for (const auto& h : q.hints) add_loc(h);
  for (const auto& c : q.choices) add_loc(c);
  for (const auto& [m, l] : q.feedback) add_loc(l);
  return out;
}

// The column in the file of byte OFFSET of a string value that starts (with its quote) at
// WHERE. Exact for one-line strings without escapes, which expressions are.
Location inside(Location where, std::size_t offset) {
  if (where.line == 0) return where;
  return {where.line, where.column + 1 + offset};
}

void check_question(const QuizQuestion& q, std::size_t max_variants,
                    std::vector<Problem>& problems) {
  std::size_t before = problems.size();
  for (const auto& [text, where] : templates(q)) check_placeholders(q, *text, where, problems);
  if (problems.size() != before) return;
  for (const Variant& v : variants_to_check(q, max_variants)) {
    SymbolTable syms;
    try {
      (void)pose(q, v, syms);
    } catch (const Error& e) {
      // Which field failed decides where the problem is shown.
      Location where = q.where;
      std::string field = "expression";
      if (const auto* fe = dynamic_cast<const QuizFieldError*>(&e)) field = fe->field();
      if (field == "answer" && q.answer.given)
        where = q.answer.where;
      else if (field == "expression" && q.expression.given)
        where = q.expression.where;
      else if (field == "from" && q.from.given)
        where = q.from.where;
      else if (field.starts_with("at.")) {
        for (const auto& [name, f] : q.at) {
          if ("at." + name == field) where = f.where;
        }
      } else if (field == "at" && !q.at.empty()) {
        where = q.at.front().second.where;
      }
      // A syntax error in a field without placeholders points at its column.
      if (e.span() && v.empty()) where = inside(where, e.span()->begin);
      Message context = v.empty() ? Message{} : Message{"quiz.variant_failed", {variant_text(v)}};
      problems.push_back(Problem{where, context, e});
      return;
    } catch (const std::exception& e) {
      // GiNaC's own errors (a pole, an overflow) when computing the key.
      problems.push_back(Problem{q.expression.given ? q.expression.where : q.where,
                                 Message{"quiz.variant_failed", {variant_text(v)}},
                                 Error(Message{"quiz.no_key", {e.what()}})});
      return;
    }
  }
}

}  // namespace

std::string_view kind_id(QuizKind kind) {
  return kKindIds[static_cast<std::size_t>(kind)];
}

std::optional<QuizKind> parse_kind(std::string_view id) {
  for (std::size_t i = 0; i < kKindIds.size(); ++i) {
    if (kKindIds[i] == id) return static_cast<QuizKind>(i);
  }
  return std::nullopt;
}

const std::string& Localized::in(Lang lang) const {
  const std::string& own = lang == Lang::ko ? ko : en;
  const std::string& other = lang == Lang::ko ? en : ko;
  if (!own.empty()) return own;
  if (!text.empty()) return text;
  return other;
}

int Quiz::max_points() const {
  int total = 0;
  for (const auto& q : questions) total += q.points;
  return total;
}

const QuizQuestion* Quiz::find(std::string_view id) const {
  for (const auto& q : questions) {
    if (q.id == id) return &q;
  }
  return nullptr;
}

QuizLoad load_quiz(std::string_view text, std::string_view file, const QuizLimits& limits) {
  QuizLoad out;
  out.quiz.file = std::string(file);
  if (text.size() > limits.max_file_bytes) {
    out.problems.push_back(Problem{
        {}, Message{"quiz.file_too_big", {std::to_string(limits.max_file_bytes)}}, std::nullopt});
    return out;
  }
  toml::table doc;
  try {
    doc = toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    out.problems.push_back(Problem{where_of(e.source()),
                                   Message{"quiz.toml_error", {std::string(e.description())}},
                                   std::nullopt});
    return out;
  }
  auto in_file_order = [&] {
    std::stable_sort(
        out.problems.begin(), out.problems.end(), [](const Problem& a, const Problem& b) {
          return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
        });
  };
  Reader(file, limits, out).read(doc);
  // The rest needs well-formed questions: report the reading problems first.
  if (!out.problems.empty()) {
    in_file_order();
    return out;
  }

  std::map<std::string, Location> seen;
  for (const auto& q : out.quiz.questions) {
    auto [it, fresh] = seen.emplace(q.id, q.where);
    if (!fresh) {
      out.problems.push_back(
          Problem{q.where, Message{"quiz.duplicate_id", {q.id, std::to_string(it->second.line)}},
                  std::nullopt});
    }
  }
  std::size_t randomised = 0;
  for (const auto& q : out.quiz.questions) randomised += q.random.empty() ? 0 : 1;
  const std::size_t share = std::clamp<std::size_t>(
      limits.max_checked_variants_total / std::max<std::size_t>(1, randomised), 2,
      limits.max_checked_variants);
  for (const auto& q : out.quiz.questions) check_question(q, share, out.problems);
  in_file_order();
  return out;
}

QuizLoad read_quiz(const std::filesystem::path& path, const QuizLimits& limits) {
  std::string text;
  try {
    text = read_bounded(path, limits.max_file_bytes);
  } catch (const Error& e) {
    QuizLoad out;
    out.quiz.file = path.string();
    out.problems.push_back(Problem{{}, {}, e});
    return out;
  }
  return load_quiz(text, path.string(), limits);
}

std::string format_problem(Lang lang, std::string_view file, const Problem& p, bool ascii) {
  // A file that cannot be read is named by its own message.
  if (p.where.line == 0 && p.message.key.empty() && p.error && is_file_error(p.error->message())) {
    return sanitize(render(lang, p.error->message()), ascii) + "\n";
  }
  std::string out = sanitize(file, ascii);
  if (p.where.line > 0)
    out += ":" + std::to_string(p.where.line) + ":" + std::to_string(p.where.column);
  std::string text = p.message.key.empty() ? std::string() : render(lang, p.message);
  if (p.error) text += (text.empty() ? "" : ": ") + render(lang, p.error->message());
  out += ": " + sanitize(text, ascii) + "\n";
  if (p.error && p.error->span()) {
    std::string caret = format_error(lang, *p.error, ascii);
    out += caret.substr(caret.find('\n') + 1);
  }
  return out;
}

}  // namespace tutor
