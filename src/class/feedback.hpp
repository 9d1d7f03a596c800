// Feedback for each student of a graded class (`tutor quiz grade --feedback DIR`): every
// question in the student's own variant, their answer and its verdict, the diagnosed mistake
// with the checker's explanation (or the teacher's words for it), and the worked solution.
// The core builds the document; the front end renders it (document.hpp) and writes the file.
//
//   tutor::Gradebook g = tutor::grade_class(quiz, submissions);
//   tutor::FeedbackBuilder fb(quiz);
//   std::string md = tutor::document_markdown(fb.build(g.students[0], tutor::Lang::ko));
#pragma once

#include <memory>
#include <string>
#include <unordered_map>

#include "base/i18n.hpp"
#include "class/document.hpp"
#include "class/gradebook.hpp"

namespace tutor {

class FeedbackBuilder {
 public:
  // QUIZ must outlive the builder.
  explicit FeedbackBuilder(const Quiz& quiz);
  ~FeedbackBuilder();
  FeedbackBuilder(const FeedbackBuilder&) = delete;
  FeedbackBuilder& operator=(const FeedbackBuilder&) = delete;

  // R's feedback in LANG. R comes from grade_class on the same quiz. Each question variant
  // is posed and solved once, and each distinct wrong answer to it explained once, however
  // many students share them. Never throws for any answer text.
  Document build(const StudentResult& r, Lang lang);

 private:
  struct Posing;
  // The question QI for the variant that R's seed draws, posed (or failed to pose).
  Posing& posing(std::size_t qi, const StudentResult& r);
  // Why ANSWER to the posed question is not right, in LANG.
  std::string explanation(Posing& p, const std::string& answer, Lang lang);

  const Quiz& quiz_;
  std::unordered_map<std::string, std::unique_ptr<Posing>> posed_;
};

}  // namespace tutor
