// Asking one question: the tries, the hint word, showing the answer, and quitting, as a
// state machine the front ends drive one typed line at a time. It returns what happened and
// never prints, so lessons, exercises, `quiz take` and `graph --practice` all behave the same.
//
//   tutor::Ask ask(question);            // three tries
//   tutor::Turn t = ask.take("?");       // t.event == Event::hint, t.hint == 0
//   t = ask.take("2x cos(x^2)");         // t.event == Event::graded, t.done when correct
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "calculus/outcome.hpp"
#include "course/practice.hpp"

namespace tutor {

// What a typed line is: an answer, or one of the words that work at every question in both
// languages. hint: "hint", "힌트", "?". reveal (show the answer): an empty line, "solution",
// "give up", "풀이", "정답". quit: "quit", "exit", "q", "그만".
enum class Word { answer, hint, reveal, quit };

// The word LINE is (after trimming), or Word::answer. Never throws.
Word word_of(std::string_view line);

struct AskRules {
  int tries = 3;  // answers graded before the key is shown
  // Whether an answer that cannot be read is a try: only where each line answers its own
  // question (`quiz take` from a script), so that the answers stay in step.
  bool unreadable_is_a_try = false;
  // Whether the key is shown when the last try is wrong: not where a walk through the
  // solution follows, which ends in the key.
  bool show_key_when_out = true;
};

enum class Event {
  hint,           // show hint number `hint`
  no_more_hints,  // the hint word, with every hint shown
  graded,         // an answer: `outcome` says how it was judged
  revealed,       // the learner asked to see the answer
  quit,           // the learner left
};

struct Turn {
  Event event = Event::graded;
  Outcome outcome;                  // graded
  std::optional<std::size_t> hint;  // hint, graded wrong, or no such choice: the hint (0-based)
  int tries_left = 0;               // graded: tries left after this one
  bool counted = false;             // graded: the answer was a try
  bool show_key = false;            // show the key now: revealed, or the last try was wrong
  bool done = false;                // the question is over
};

class Ask {
 public:
  explicit Ask(const Question& q, AskRules rules = {});

  // Takes one line the learner typed. After done() every line is ignored (Event::quit, done).
  // Never throws. Costs one grade() for an answer.
  Turn take(std::string_view line);

  bool done() const { return done_; }
  bool solved() const { return solved_; }
  bool revealed() const { return revealed_; }  // the key was shown before it was found
  bool quit() const { return quit_; }
  int tries() const { return tries_; }
  // The question's points less one for each wrong try before the right answer; 0 unsolved.
  int score() const;
  // The last answer that was a try, and how it was judged (status blank before any).
  const std::string& answer() const { return answer_; }
  const Outcome& outcome() const { return outcome_; }

 private:
  const Question& q_;
  AskRules rules_;
  std::size_t next_hint_ = 0;
  int tries_ = 0;
  bool done_ = false, solved_ = false, revealed_ = false, quit_ = false;
  std::string answer_;
  Outcome outcome_;
};

}  // namespace tutor
