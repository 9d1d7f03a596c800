// The ask state machine: tries, the hint words, showing the answer, quitting, and the score.
#include "tutor/ask.hpp"

#include <gtest/gtest.h>

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

TEST(Ask, HintsOneAtATimeThenNoMore) {
  Question q = inner();
  Ask a(q);
  EXPECT_EQ(a.take("hint").hint, 0u);
  EXPECT_EQ(a.take("?").hint, 1u);
  EXPECT_EQ(a.take("힌트").event, Event::no_more_hints);
  EXPECT_EQ(a.tries(), 0);
}

TEST(Ask, AWrongTryEarnsTheNextHintAndCostsAPoint) {
  Question q = inner();
  Ask a(q);
  Turn t = a.take("cos(x^2)");
  EXPECT_EQ(t.event, Event::graded);
  EXPECT_EQ(t.outcome.mistake, Mistake::missing_inner_derivative);
  EXPECT_EQ(t.hint, 0u);
  EXPECT_EQ(t.tries_left, 2);
  EXPECT_FALSE(t.done);
  t = a.take("2x cos(x^2)");
  EXPECT_TRUE(t.done);
  EXPECT_TRUE(a.solved());
  EXPECT_EQ(a.tries(), 2);
  EXPECT_EQ(a.score(), 2);
}

TEST(Ask, AnUnreadableAnswerIsNotATry) {
  Question q = inner();
  Ask a(q);
  Turn t = a.take("2x cos(");
  EXPECT_EQ(t.outcome.status, Status::invalid);
  EXPECT_FALSE(t.counted);
  EXPECT_FALSE(t.hint);  // a typing slip spends no hint
  EXPECT_EQ(a.tries(), 0);
  Ask script(q, AskRules{1, true});
  t = script.take("2x cos(");
  EXPECT_TRUE(t.counted);
  EXPECT_TRUE(t.done);
  EXPECT_EQ(script.outcome().status, Status::invalid);
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
  Turn t = a.take("0.5");
  EXPECT_EQ(t.outcome.status, Status::invalid);
  EXPECT_FALSE(t.counted);
  EXPECT_EQ(t.hint, 0u);
  EXPECT_EQ(a.tries(), 0);
  t = a.take("b");
  EXPECT_TRUE(t.counted);
  EXPECT_EQ(t.hint, 1u);
  t = a.take("7");
  EXPECT_FALSE(t.hint);  // no hints left
  EXPECT_TRUE(a.take("c").done);
  EXPECT_TRUE(a.solved());
}

TEST(Ask, OutOfTriesShowsTheKey) {
  Question q = inner();
  Ask a(q, AskRules{2});
  a.take("cos(x^2)");
  Turn t = a.take("cos(x)");
  EXPECT_TRUE(t.done);
  EXPECT_TRUE(t.show_key);
  EXPECT_TRUE(a.revealed());
  EXPECT_EQ(a.score(), 0);
}

TEST(Ask, RevealAndQuit) {
  Question q = inner();
  Ask a(q);
  Turn t = a.take("");
  EXPECT_EQ(t.event, Event::revealed);
  EXPECT_TRUE(t.show_key);
  EXPECT_TRUE(a.done());
  EXPECT_EQ(a.outcome().status, Status::blank);
  Ask b(q);
  EXPECT_EQ(b.take("그만").event, Event::quit);
  EXPECT_TRUE(b.quit());
  EXPECT_FALSE(b.revealed());
}

}  // namespace
}  // namespace tutor
