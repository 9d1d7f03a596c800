#include "class/worksheet.hpp"

#include "class/quiz_marking.hpp"
#include "class/quiz_variants.hpp"
#include "class/solution.hpp"

namespace tutor {

namespace {

// Room to write in: a line for a choice or a number, more for a derivation.
double room_cm(QuizKind kind) {
  switch (kind) {
    case QuizKind::choice:
      return 1.5;
    case QuizKind::value:
    case QuizKind::expression:
      return 3;
    default:
      return 5;
  }
}

}  // namespace

Document worksheet(const Quiz& quiz, std::string_view student, Lang lang, bool key) {
  Document d;
  d.title = quiz.title;
  const std::uint64_t seed = variant_seed(quiz, student);
  d.blocks.push_back(doc::paragraph({doc::text(tr(lang, "paper.student", std::string(student)))}));
  if (key) {
    d.blocks.push_back(doc::paragraph({doc::strong(tr(lang, "paper.key_heading"))}));
  } else {
    d.blocks.push_back(doc::paragraph({doc::text(tr(lang, "paper.name_line"))}));
  }
  const std::string questions =
      tr_count(lang, "quiz.n_questions", static_cast<long long>(quiz.questions.size()));
  const std::string points = tr_count(lang, "quiz.n_points", quiz.max_points());
  // The answer sheet has no room to write in, so no instruction to.
  d.blocks.push_back(doc::paragraph({doc::text(
      key ? questions + ", " + points : tr(lang, "paper.sheet_intro", questions, points))}));
  const std::size_t n = quiz.questions.size();
  for (std::size_t i = 0; i < n; ++i) {
    const QuizQuestion& q = quiz.questions[i];
    d.blocks.push_back(
        doc::heading(2, {doc::text(tr(lang, "quiz.question_heading", i + 1, n, q.points))}));
    SymbolTable syms;
    std::optional<Posed> p;
    try {
      p = pose(q, draw_variant(q, seed), syms);
    } catch (const Error& e) {
      d.blocks.push_back(
          doc::paragraph({doc::text(tr(lang, "paper.no_key", q.id, render(lang, e.message())))}));
      continue;
    } catch (const std::exception&) {
      d.blocks.push_back(doc::paragraph(
          {doc::text(tr(lang, "paper.no_key", q.id, render(lang, Message{"error.too_big", {}})))}));
      continue;
    }
    d.blocks.push_back(doc::paragraph({doc::text(p->prompt(lang, false))}));
    for (std::size_t c = 0; c < q.choices.size(); ++c) {
      d.blocks.push_back(doc::item({doc::text(
          choice_letter(c) + ") " + substitute(q.choices[c].in(lang), p->variant, false))}));
    }
    if (!key) {
      d.blocks.push_back(doc::space(room_cm(q.kind)));
      continue;
    }
    d.blocks.push_back(doc::paragraph({doc::strong(tr(lang, "paper.solution"))}));
    for (auto& b : worked_solution(*p, lang, syms)) d.blocks.push_back(std::move(b));
  }
  return d;
}

}  // namespace tutor
