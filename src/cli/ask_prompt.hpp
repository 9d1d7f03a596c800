// The one place the tutor asks a question at the terminal: lessons, exercises, `quiz take`
// and `graph --practice` all call ask(), which shows the question, reads one line per try,
// and prints what the tutor::Ask state machine decides.
#pragma once

#include <optional>
#include <string>

#include "cli/command.hpp"
#include "course/ask.hpp"
#include "course/markdown.hpp"
#include "course/practice.hpp"

namespace tutor::cli {

struct AskStyle {
  // Lessons: the prompt, choices, hints, key and explanation are Markdown, rendered with
  // these options. Null: plain text.
  const MarkdownOptions* markdown = nullptr;
};

// How asking went, for the command to score and record.
struct Asked {
  bool solved = false;
  bool revealed = false;  // the key was shown before the answer was found
  bool quit = false;      // the learner typed quit
  bool ended = false;     // the input ran out (or Ctrl-C) before the question was over
  bool answered = false;  // any line was read for it
  int tries = 0;
  int score = 0;
  std::string answer;              // the last answer that was a try
  Outcome outcome;                 // how it was judged; status blank when there was none
  std::optional<Mistake> mistake;  // the first mistake named in a wrong try, if any
};

// Shows Q (prompt and choices) on ctx.out, then reads lines from ctx.in until the question
// is over: each answer is graded and answered, the hint word shows the next hint, an empty
// line or "solution" shows the answer, "quit" stops. On a terminal lines are prompted with
// "> "; otherwise each is echoed as "> line", so the output reads as a transcript. Throws
// tutor::Interrupted when Ctrl-C ended the input.
Asked ask(const Question& q, const AskRules& rules, Context& ctx, const AskStyle& style = {});

}  // namespace tutor::cli
