#include "class/feedback.hpp"

#include <array>
#include <optional>

#include "class/partial_credit.hpp"
#include "class/solution.hpp"

namespace tutor {

namespace {

// By Status, in its order.
constexpr std::array<std::string_view, 4> kStatusWords = {
    "paper.status.correct", "paper.status.incorrect", "paper.status.invalid", "paper.status.blank"};

std::string status_word(Lang lang, Status s) {
  return tr(lang, kStatusWords[static_cast<std::size_t>(s)]);
}

}  // namespace

// One question variant: posed once, its solution and the checker's words for each wrong
// answer kept per language.
struct FeedbackBuilder::Posing {
  SymbolTable syms;
  std::optional<Posed> posed;
  std::optional<Question> question;  // as grade_class marks it
  std::optional<Message> failure;    // why the variant has no answer key
  std::array<std::optional<std::vector<DocBlock>>, 2> solution;  // by Lang
  // The gradebook keeps verdicts only (its workers send back status, mistake and score), so
  // the words come from marking the answer again, once per distinct answer.
  std::unordered_map<std::string, Message> said;
};

FeedbackBuilder::FeedbackBuilder(const Quiz& quiz) : quiz_(quiz) {}
FeedbackBuilder::~FeedbackBuilder() = default;

FeedbackBuilder::Posing& FeedbackBuilder::posing(std::size_t qi, const StudentResult& r) {
  const QuizQuestion& q = quiz_.questions[qi];
  Variant v = draw_variant(q, r.seed);
  std::string key = std::to_string(qi) + '\x1f' + variant_text(v);
  auto it = posed_.find(key);
  if (it != posed_.end()) return *it->second;
  auto p = std::make_unique<Posing>();
  try {
    p->posed = pose(q, v, p->syms);
    p->question = to_question(*p->posed, Lang::en, false);
  } catch (const Error& e) {
    p->posed.reset();
    p->failure = e.message();
  } catch (const std::exception&) {
    p->posed.reset();
    p->failure = Message{"error.too_big", {}};
  }
  return *posed_.emplace(std::move(key), std::move(p)).first->second;
}

std::string FeedbackBuilder::explanation(Posing& p, const std::string& answer, Lang lang) {
  auto it = p.said.find(answer);
  if (it == p.said.end()) {
    it = p.said.emplace(answer, grade(*p.question, answer).feedback).first;
  }
  return render(lang, it->second);
}

Document FeedbackBuilder::build(const StudentResult& r, Lang lang) {
  Document d;
  d.title = quiz_.title;
  d.blocks.push_back(doc::paragraph({doc::text(tr(lang, "paper.student", r.student))}));
  // Scores are written as the reports write percentages (at most two decimals), so that a
  // fractional score reads the same here as in the gradebook.
  d.blocks.push_back(doc::paragraph(
      {doc::strong(tr(lang, "quiz.score", format_percent(r.total), r.max, format_percent(r.percent),
                      tr(lang, r.passed ? "quiz.passed" : "quiz.not_passed")))}));
  const std::size_t n = quiz_.questions.size();
  for (std::size_t qi = 0; qi < n && qi < r.answers.size(); ++qi) {
    const QuizQuestion& q = quiz_.questions[qi];
    const AnswerResult& a = r.answers[qi];
    Posing& p = posing(qi, r);
    d.blocks.push_back(
        doc::heading(2, {doc::text(tr(lang, "quiz.question_heading", qi + 1, n, q.points))}));
    if (!p.posed) {
      d.blocks.push_back(
          doc::paragraph({doc::text(tr(lang, "paper.no_key", q.id, render(lang, *p.failure)))}));
      continue;
    }
    d.blocks.push_back(doc::paragraph({doc::text(p.posed->prompt(lang, false))}));
    for (std::size_t c = 0; c < q.choices.size(); ++c) {
      d.blocks.push_back(doc::item({doc::text(
          choice_letter(c) + ") " + substitute(q.choices[c].in(lang), p.posed->variant, false))}));
    }
    std::vector<DocSpan> answer{doc::strong(tr(lang, "paper.your_answer")), doc::text(" ")};
    answer.push_back(a.status == Status::blank ? doc::text(tr(lang, "paper.no_answer"))
                                               : doc::code(a.answer));
    d.blocks.push_back(doc::paragraph(std::move(answer)));
    d.blocks.push_back(
        doc::paragraph({doc::strong(tr(lang, "paper.verdict")), doc::text(" "),
                        doc::text(tr(lang, "paper.verdict_score", status_word(lang, a.status),
                                     format_percent(a.score), a.points))}));
    if (!a.partial.empty()) {
      d.blocks.push_back(
          doc::paragraph({doc::text(credit_note(lang, a.score, a.points, a.partial))}));
    }
    if (a.status == Status::incorrect || a.status == Status::invalid) {
      std::string why = explanation(p, a.answer, lang);
      if (a.mistake) why = mistake_name(lang, *a.mistake) + ": " + why;
      d.blocks.push_back(doc::paragraph(
          {doc::strong(tr(lang, "paper.what_went_wrong")), doc::text(" "), doc::text(why)}));
    }
    auto& solution = p.solution[static_cast<std::size_t>(lang)];
    if (!solution) solution = worked_solution(*p.posed, lang, p.syms);
    d.blocks.push_back(doc::paragraph({doc::strong(tr(lang, "paper.solution"))}));
    d.blocks.insert(d.blocks.end(), solution->begin(), solution->end());
  }
  return d;
}

}  // namespace tutor
