#include "course/ask.hpp"

#include <algorithm>
#include <cctype>

#include "base/text.hpp"

namespace tutor {

namespace {

struct WordEntry {
  std::string_view text;
  Word word;
};

// The same words at every question, in both languages.
constexpr WordEntry kWords[] = {
    {"hint", Word::hint},   {"힌트", Word::hint},       {"?", Word::hint},
    {"", Word::reveal},     {"solution", Word::reveal}, {"give up", Word::reveal},
    {"풀이", Word::reveal}, {"정답", Word::reveal},     {"quit", Word::quit},
    {"exit", Word::quit},   {"q", Word::quit},          {"그만", Word::quit},
};

}  // namespace

Word word_of(std::string_view line) {
  const std::string t = trim(line);
  std::string lower = t;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const auto& w : kWords) {
    if (lower == w.text) return w.word;
  }
  return Word::answer;
}

Ask::Ask(const Question& q, AskRules rules) : q_(q), rules_(rules) {
  outcome_.status = Status::blank;
}

int Ask::score() const {
  return solved_ ? std::max(0, q_.points - (tries_ - 1)) : 0;
}

Turn Ask::take(std::string_view line) {
  Turn t;
  if (done_) {
    t.event = Event::quit;
    t.done = true;
    return t;
  }
  switch (word_of(line)) {
    case Word::hint:
      if (next_hint_ < q_.hints.size()) {
        t.event = Event::hint;
        t.hint = next_hint_++;
      } else {
        t.event = Event::no_more_hints;
      }
      return t;
    case Word::reveal:
      t.event = Event::revealed;
      t.show_key = true;
      t.done = done_ = true;
      revealed_ = true;
      return t;
    case Word::quit:
      t.event = Event::quit;
      t.done = done_ = quit_ = true;
      return t;
    case Word::answer:
      break;
  }
  t.outcome = grade(q_, trim(line));
  t.counted = t.outcome.status != Status::invalid || rules_.unreadable_is_a_try;
  if (t.counted) {
    ++tries_;
    answer_ = trim(line);
    outcome_ = t.outcome;
  }
  t.tries_left = std::max(0, rules_.tries - tries_);
  if (t.outcome.status == Status::correct) {
    t.done = done_ = solved_ = true;
  } else if (t.counted && t.tries_left == 0) {
    t.show_key = revealed_ = rules_.show_key_when_out;
    t.done = done_ = true;
  } else if (t.counted && next_hint_ < q_.hints.size()) {
    t.hint = next_hint_++;  // a wrong try earns the next hint
  } else if (!t.counted && q_.kind == AnswerKind::choice && next_hint_ < q_.hints.size()) {
    // Naming what is not among the choices ("0.5" for a rate) is being stuck on the question,
    // not a typing slip: it is still not a try, but it earns the next hint.
    t.hint = next_hint_++;
  }
  return t;
}

}  // namespace tutor
