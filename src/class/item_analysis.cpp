#include "class/item_analysis.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>
#include <unordered_map>

#include "base/table.hpp"
#include "base/text.hpp"
#include "math/equivalence.hpp"
#include "math/syntax.hpp"

namespace tutor {

namespace {

// A wrong answer as it can be compared: a number, a choice, or an expression with its values
// at a few fixed points (answers that differ there need no full comparison).
struct Form {
  std::optional<double> number;
  std::optional<std::size_t> choice;
  std::optional<GiNaC::ex> expr;
  std::vector<std::string> variables;
  std::vector<std::optional<double>> fingerprint;
};

constexpr int kFingerprintPoints = 3;

// The value every answer gives variable NAME at fingerprint point K: the same for the same
// name, different for different names, so x·y and x² do not look alike.
double point_value(const std::string& name, int k) {
  unsigned h = 0;
  for (unsigned char c : name) h = h * 31 + c;
  return 0.37 + 0.61 * k + 0.043 * (h % 13);
}

bool is_number_kind(QuizKind k) {
  return k == QuizKind::value || k == QuizKind::gradient || k == QuizKind::descent;
}

// Groups the wrong answers to one question, remembering what it parsed.
class Grouper {
 public:
  explicit Grouper(const QuizQuestion& q) : q_(q) {}

  Form form(const std::string& text, std::uint64_t seed) {
    Form f;
    try {
      if (q_.kind == QuizKind::choice) {
        if (const Question* asked = choice_question(seed)) f.choice = choice_named(*asked, text);
        return f;
      }
      Parsed p = parse(text, syms_);
      if (is_number_kind(q_.kind)) {
        if (p.variables.empty()) f.number = evaluate(p.expr, {});
        return f;
      }
      f.expr = p.expr;
      f.variables = p.variables;
      for (int k = 0; k < kFingerprintPoints; ++k) {
        GiNaC::exmap point;
        for (const auto& v : p.variables) point[syms_.get(v)] = point_value(v, k);
        f.fingerprint.push_back(evaluate(p.expr, point));
      }
    } catch (const std::exception&) {
      // Unreadable: it stays a group of its own spelling.
    }
    return f;
  }

  bool same(const Form& a, const Form& b) {
    if (a.number && b.number) return numbers_match(*a.number, *b.number, q_.tolerance);
    if (a.choice && b.choice) return *a.choice == *b.choice;
    if (!a.expr || !b.expr) return false;
    for (int k = 0; k < kFingerprintPoints; ++k) {
      const auto& x = a.fingerprint[k];
      const auto& y = b.fingerprint[k];
      if (x && y && !numbers_match(*x, *y, 1e-6)) return false;
    }
    std::set<std::string> names(a.variables.begin(), a.variables.end());
    names.insert(b.variables.begin(), b.variables.end());
    std::vector<GiNaC::ex> vars;
    for (const auto& n : names) vars.push_back(syms_.get(n));
    if (vars.empty()) vars.push_back(syms_.get("x"));
    try {
      return compare_functions(*a.expr, *b.expr, vars).verdict == Agreement::equal;
    } catch (const std::exception&) {
      return false;
    }
  }

 private:
  // A choice question as it is marked, for naming choices by number, letter or text.
  const Question* choice_question(std::uint64_t seed) {
    Variant v = draw_variant(q_, seed);
    std::string key = variant_text(v);
    auto it = choices_.find(key);
    if (it == choices_.end()) {
      std::optional<Question> asked;
      try {
        SymbolTable syms;
        asked = to_question(pose(q_, v, syms), Lang::en, false);
      } catch (const std::exception&) {
      }
      it = choices_.emplace(key, std::move(asked)).first;
    }
    return it->second ? &*it->second : nullptr;
  }

  const QuizQuestion& q_;
  SymbolTable syms_;
  std::unordered_map<std::string, std::optional<Question>> choices_;
};

struct Spelling {
  WrongAnswer answer;
  std::uint64_t seed = 0;  // a student who gave it: their variant
};

std::vector<WrongAnswer> common_wrong_answers(const QuizQuestion& q, std::size_t qi,
                                              const Gradebook& g) {
  std::vector<Spelling> spellings;
  std::unordered_map<std::string, std::size_t> index;
  for (const auto& s : g.students) {
    const AnswerResult& a = s.answers[qi];
    if (a.status != Status::incorrect) continue;
    const std::string text = trim(a.answer);
    auto [it, fresh] = index.emplace(a.variant + '\x1f' + text, spellings.size());
    if (fresh) spellings.push_back(Spelling{WrongAnswer{text, a.variant, 0, a.mistake}, s.seed});
    ++spellings[it->second].answer.count;
  }
  auto by_count = [](const WrongAnswer& a, const WrongAnswer& b) {
    return std::tie(b.count, a.variant, a.answer) < std::tie(a.count, b.variant, b.answer);
  };
  std::sort(spellings.begin(), spellings.end(),
            [&](const Spelling& a, const Spelling& b) { return by_count(a.answer, b.answer); });

  Grouper grouper(q);
  std::vector<WrongAnswer> groups;
  std::vector<Form> forms;  // of the groups that were examined
  for (std::size_t i = 0; i < spellings.size(); ++i) {
    const WrongAnswer& w = spellings[i].answer;
    if (i >= kWrongAnswersExamined) {
      groups.push_back(w);
      continue;
    }
    Form f = grouper.form(w.answer, spellings[i].seed);
    bool merged = false;
    for (std::size_t k = 0; k < forms.size() && !merged; ++k) {
      if (groups[k].variant == w.variant && grouper.same(forms[k], f)) {
        groups[k].count += w.count;
        merged = true;
      }
    }
    if (!merged) {
      groups.push_back(w);
      forms.push_back(std::move(f));
    }
  }
  std::stable_sort(groups.begin(), groups.end(), by_count);
  if (groups.size() > kWrongAnswersShown) groups.resize(kWrongAnswersShown);
  return groups;
}

double rounded(double v, double scale) {
  return std::round(v * scale) / scale;
}

nlohmann::ordered_json maybe(const std::optional<double>& v) {
  return v ? nlohmann::ordered_json(rounded(*v, 10000)) : nlohmann::ordered_json();
}

constexpr const char* kFlagIds[] = {nullptr, "low-discrimination", "negative-discrimination"};
constexpr const char* kFlagReasons[] = {nullptr, "analysis.low", "analysis.negative"};

}  // namespace

std::optional<double> pearson(const std::vector<double>& x, const std::vector<double>& y) {
  const std::size_t n = std::min(x.size(), y.size());
  if (n < 2) return std::nullopt;
  const double mx = std::accumulate(x.begin(), x.begin() + n, 0.0) / n;
  const double my = std::accumulate(y.begin(), y.begin() + n, 0.0) / n;
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < n; ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  // Scores are kept in hundredths, so a variance this small is none at all.
  if (sxx < 1e-9 || syy < 1e-9) return std::nullopt;
  return std::clamp(sxy / std::sqrt(sxx * syy), -1.0, 1.0);
}

ItemAnalysis analyse_items(const Quiz& quiz, const Gradebook& g) {
  ItemAnalysis out;
  const std::size_t n = g.students.size();
  for (std::size_t qi = 0; qi < quiz.questions.size(); ++qi) {
    const QuizQuestion& q = quiz.questions[qi];
    ItemStats item;
    item.id = q.id;
    item.students = static_cast<int>(n);
    std::vector<double> score(n), rest(n);
    for (std::size_t i = 0; i < n; ++i) {
      score[i] = g.students[i].answers[qi].score;
      rest[i] = g.students[i].total - score[i];
    }
    if (n > 0 && q.points > 0) {
      item.facility = std::accumulate(score.begin(), score.end(), 0.0) / n / q.points;
    }
    item.discrimination = pearson(score, rest);
    if (item.discrimination && *item.discrimination < 0) {
      item.flag = ItemFlag::negative_discrimination;
    } else if (item.discrimination && *item.discrimination < kLowDiscrimination) {
      item.flag = ItemFlag::low_discrimination;
    }
    item.wrong = common_wrong_answers(q, qi, g);
    out.items.push_back(std::move(item));
  }
  return out;
}

nlohmann::ordered_json item_json(const ItemStats& item) {
  nlohmann::ordered_json wrong = nlohmann::ordered_json::array();
  for (const auto& w : item.wrong) {
    nlohmann::ordered_json j{
        {"answer", valid_utf8(w.answer) ? w.answer : sanitize(w.answer)},
        {"count", w.count},
        {"mistake", w.mistake ? nlohmann::ordered_json(mistake_id(*w.mistake)) : nullptr}};
    if (!w.variant.empty()) j["variant"] = w.variant;
    wrong.push_back(std::move(j));
  }
  const char* flag = kFlagIds[static_cast<std::size_t>(item.flag)];
  return {{"facility", maybe(item.facility)},
          {"discrimination", maybe(item.discrimination)},
          {"flag", flag != nullptr ? nlohmann::ordered_json(flag) : nullptr},
          {"wrong_answers", std::move(wrong)}};
}

std::string item_analysis_text(const ItemAnalysis& a, Lang lang) {
  auto number = [](const std::optional<double>& v) {
    return v ? format_percent(*v) : std::string("-");
  };
  TextTable t({.indent = "  "});
  t.add_row({tr(lang, "analysis.question"), tr(lang, "analysis.facility"),
             tr(lang, "analysis.discrimination")});
  t.align(1, Align::right);
  t.align(2, Align::right);
  for (const auto& item : a.items) {
    t.add_row({item.id, number(item.facility), number(item.discrimination)});
  }
  std::string out = tr(lang, "analysis.heading") + "\n" + t.str();

  std::string wrong;
  for (const auto& item : a.items) {
    if (item.wrong.empty()) continue;
    std::string line;
    for (const auto& w : item.wrong) {
      std::string entry = tr(lang, "analysis.wrong_count", sanitize(w.answer), w.count);
      if (!w.variant.empty()) entry += " [" + w.variant + "]";
      if (w.mistake) entry += " (" + mistake_name(lang, *w.mistake) + ")";
      line += (line.empty() ? "" : ", ") + entry;
    }
    wrong += "  " + item.id + ": " + line + "\n";
  }
  if (!wrong.empty()) out += "\n" + tr(lang, "analysis.wrong_heading") + "\n" + wrong;

  std::string flags;
  for (const auto& item : a.items) {
    const char* reason = kFlagReasons[static_cast<std::size_t>(item.flag)];
    if (reason == nullptr) continue;
    flags += "  " + item.id + ": " + tr(lang, reason, number(item.discrimination)) + "\n";
  }
  if (!flags.empty()) {
    out += "\n" + tr(lang, "analysis.flags_heading", format_percent(kLowDiscrimination)) + "\n" +
           flags;
  }
  return out;
}

}  // namespace tutor
