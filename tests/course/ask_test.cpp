// The ask state machine: tries, the hint words, showing the answer, quitting, and the score.
#include "course/ask.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace tutor {
namespace {

Question inner() {
  Question q;
  q.kind = AnswerKind::derivative;
  q.function = "sin(x^2)";
  q.hints = {"first", "second"};
  q.points = 3;
  return q;
}

TEST(Word, TheSameWordsEverywhereInBothLanguages) {
  for (const char* w : {"hint", "힌트", "?", " HINT "}) EXPECT_EQ(word_of(w), Word::hint) << w;
  for (const char* w : {"", "  ", "solution", "give up", "풀이", "정답"}) {
    EXPECT_EQ(word_of(w), Word::reveal) << w;
  }
  for (const char* w : {"quit", "exit", "q", "그만"}) EXPECT_EQ(word_of(w), Word::quit) << w;
  EXPECT_EQ(word_of("2x cos(x^2)"), Word::answer);
}

// A turn in a few words, so that an exchange reads as a script: the event, then for a graded
// answer its status, mistake, whether it was a try and the tries left, then the hint shown,
// whether the key is shown, and whether the question is over.
std::string brief(const Turn& t) {
  static const char* const kEvents[] = {"hint", "no-more-hints", "graded", "revealed", "quit"};
  std::string s = kEvents[static_cast<int>(t.event)];
  if (t.event == Event::graded) {
    s += " " + std::string(status_id(t.outcome.status));
    if (t.outcome.mistake) s += " " + std::string(mistake_id(*t.outcome.mistake));
    s += t.counted ? " try, " + std::to_string(t.tries_left) + " left" : " free";
  }
  if (t.hint) s += ", hint " + std::to_string(*t.hint);
  if (t.show_key) s += ", key";
  if (t.done) s += ", done";
  return s;
}

// Lines typed at one question, each with the turn it must give, and the state at the end.
struct Script {
  std::string name;
  AskRules rules;
  std::vector<std::pair<std::string, std::string>> turns;
  int tries;
  int score;
  bool solved, revealed, quit;
  Status status;  // of the last try
};

TEST(Ask, Scripts) {
  const AskRules three, two{2}, script{1, true};
  const std::vector<Script> scripts = {
      {"hints one at a time, then no more",
       three,
       {{"hint", "hint, hint 0"}, {"?", "hint, hint 1"}, {"힌트", "no-more-hints"}},
       0,
       0,
       false,
       false,
       false,
       Status::blank},
      {"a wrong try earns the next hint and costs a point",
       three,
       {{"cos(x^2)", "graded incorrect missing-inner-derivative try, 2 left, hint 0"},
        {"2x cos(x^2)", "graded correct try, 1 left, done"}},
       2,
       2,
       true,
       false,
       false,
       Status::correct},
      {"an unreadable answer is not a try",
       three,
       {{"2x cos(", "graded invalid free"}},
       0,
       0,
       false,
       false,
       false,
       Status::blank},
      {"unless each line answers its own question",
       script,
       {{"2x cos(", "graded invalid try, 0 left, key, done"}},
       1,
       0,
       false,
       true,
       false,
       Status::invalid},
      {"out of tries shows the key",
       two,
       {{"cos(x^2)", "graded incorrect missing-inner-derivative try, 1 left, hint 0"},
        {"cos(x)", "graded incorrect try, 0 left, key, done"}},
       2,
       0,
       false,
       true,
       false,
       Status::incorrect},
      {"an empty line shows the answer",
       three,
       {{"", "revealed, key, done"}},
       0,
       0,
       false,
       true,
       false,
       Status::blank},
      {"quitting", three, {{"그만", "quit, done"}}, 0, 0, false, false, true, Status::blank},
  };
  const Question q = inner();
  for (const auto& sc : scripts) {
    SCOPED_TRACE(sc.name);
    Ask a(q, sc.rules);
    for (const auto& [line, turn] : sc.turns) EXPECT_EQ(brief(a.take(line)), turn) << line;
    EXPECT_EQ(a.tries(), sc.tries);
    EXPECT_EQ(a.score(), sc.score);
    EXPECT_EQ(a.solved(), sc.solved);
    EXPECT_EQ(a.revealed(), sc.revealed);
    EXPECT_EQ(a.quit(), sc.quit);
    EXPECT_EQ(a.outcome().status, sc.status);
  }
}

// Exercise 3's rates: "0.5" names none of them. It is not a try, but the learner is stuck on
// the question, so the next hint comes as it would after a wrong choice.
TEST(Ask, NamingNoChoiceIsNotATryButEarnsTheNextHint) {
  Question q;
  q.kind = AnswerKind::choice;
  q.choices = {Choice{"0.001", {}}, Choice{"0.1", {}}, Choice{"10", {}}};
  q.choice = 2;
  q.hints = {"first", "second"};
  Ask a(q);
  EXPECT_EQ(brief(a.take("0.5")), "graded invalid free, hint 0");
  EXPECT_EQ(brief(a.take("b")), "graded incorrect try, 2 left, hint 1");
  EXPECT_EQ(brief(a.take("7")), "graded invalid free");  // no hints left
  EXPECT_EQ(brief(a.take("c")), "graded correct try, 1 left, done");
  EXPECT_TRUE(a.solved());
}

// Where a walk through the solution follows, the last wrong try ends the question without
// showing the key.
TEST(Ask, OutOfTriesWithoutTheKey) {
  const Question q = inner();
  Ask a(q, AskRules{.tries = 1, .show_key_when_out = false});
  const Turn t = a.take("cos(x^2)");
  EXPECT_EQ(brief(t), "graded incorrect missing-inner-derivative try, 0 left, done");
  EXPECT_FALSE(t.show_key);
  EXPECT_FALSE(a.revealed());
  EXPECT_FALSE(a.solved());
  EXPECT_EQ(a.tries(), 1);
}

}  // namespace
}  // namespace tutor
