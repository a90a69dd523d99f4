#include <catch2/catch.hpp>

#include "core/base/iso_time.h"
#include "core/srs/study.h"
#include "core/srs/study_day.h"

using namespace factdeck;
using namespace factdeck::srs;

namespace {

TimeMs At(const char* iso) {
  auto time = ParseIsoTime(iso);
  REQUIRE(time);
  return *time;
}

StudyCard Review(size_t item, TimeMs lastReview, double stability, TimeMs due,
                 QuestionKind kind = QuestionKind::MultipleChoice) {
  StudyCard card;
  card.item = item;
  card.kind = kind;
  card.memory.state = CardState::Review;
  card.memory.stability = stability;
  card.memory.difficulty = 5;
  card.memory.lastReview = lastReview;
  card.memory.due = due;
  card.memory.reps = 3;
  return card;
}

StudyCard New(size_t item, QuestionKind kind = QuestionKind::MultipleChoice) {
  StudyCard card;
  card.item = item;
  card.kind = kind;
  return card;
}

std::vector<size_t> Cards(const std::vector<QueueEntry>& queue) {
  std::vector<size_t> cards;
  for (const QueueEntry& e : queue)
    cards.push_back(e.card);
  return cards;
}

} // namespace

TEST_CASE("card keys are deck/item/kind and kind names round-trip", "[study]") {
  CHECK(CardKey("gsmc", "lipetsk.opened", QuestionKind::When) == "gsmc/lipetsk.opened/when");
  for (auto kind : {QuestionKind::MultipleChoice, QuestionKind::MultipleChoiceReverse, QuestionKind::When,
                    QuestionKind::WhichFirst, QuestionKind::Ordering, QuestionKind::TypedYear, QuestionKind::Flashcard})
    CHECK(QuestionKindFromName(QuestionKindName(kind)) == kind);
  CHECK_FALSE(QuestionKindFromName("essay"));
  CHECK(RecallLevel(QuestionKind::TypedYear) > RecallLevel(QuestionKind::MultipleChoice));
}

TEST_CASE("a right answer counts by how much it shows: the guess chance against the card's recall", "[study]") {
  CHECK(GuessChance(QuestionKind::WhichFirst, 2) == Approx(0.5));
  CHECK(GuessChance(QuestionKind::MultipleChoice, 4) == Approx(0.25));
  CHECK(GuessChance(QuestionKind::When, 3) == Approx(1.0 / 3));
  CHECK(GuessChance(QuestionKind::MultipleChoice, 4, true) == Approx(1.0 / 15)); // any non-empty set of four
  CHECK(GuessChance(QuestionKind::Ordering, 4) == Approx(1.0 / 24));
  CHECK(GuessChance(QuestionKind::TypedYear, 0) == 0.0);
  CHECK(GuessChance(QuestionKind::Flashcard, 0) == 0.0);

  // Bayes: a card recalled with 1/2 right at which-first is known with odds 2:1, at one of
  // four with odds 4:1; a card recalled with 90 % is sure either way.
  CHECK(EvidenceOfRecall(0.5, 0.5) == Approx(2.0 / 3));
  CHECK(EvidenceOfRecall(0.5, 0.25) == Approx(0.8));
  CHECK(EvidenceOfRecall(0.9, 0.5) == Approx(0.9 / 0.95));
  CHECK(EvidenceOfRecall(0.3, 0.0) == 1.0); // nothing can be guessed
  CHECK(EvidenceOfRecall(0.0, 0.5) == 0.0); // nothing is remembered

  const double unsure = EvidenceOfRecall(0.5, 0.5);
  REQUIRE(unsure < kSureEvidence);
  CHECK(RateAnswer(true, 5000, 4000, {unsure, false}) == Rating::Hard); // slower than typical
  CHECK(RateAnswer(true, 4000, 4000, {unsure, false}) == Rating::Good); // within the typical time
  CHECK(RateAnswer(true, 1000, 4000, {unsure, false}) == Rating::Good); // fast: Good at most
  CHECK(RateAnswer(true, 1000, 0, {unsure, false}) == Rating::Hard);    // no typical time yet
  CHECK(RateAnswer(false, 1000, 4000, {unsure, false}) == Rating::Again);
  // The learner said it was a guess: Hard, however fast or sure; never a lapse.
  CHECK(RateAnswer(true, 1000, 4000, {1.0, true}) == Rating::Hard);
  CHECK(RateAnswer(true, 1000, 4000, {0.95, false}) == Rating::Easy);
}

TEST_CASE("answers become ratings without asking the learner", "[study]") {
  CHECK(RateAnswer(false, 500, 4000) == Rating::Again);
  CHECK(RateAnswer(true, 3000, 4000) == Rating::Good);
  CHECK(RateAnswer(true, 2000, 4000) == Rating::Easy); // half the typical time
  CHECK(RateAnswer(true, 2001, 4000) == Rating::Good);
  CHECK(RateAnswer(true, 100, 0) == Rating::Good); // no typical time yet: never Easy

  CHECK(TypicalResponseMs({1000, 2000, 3000}) == 0); // too few answers
  std::vector<int> times{9000, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 10000, 11000};
  CHECK(TypicalResponseMs(times) == 6000);
}

TEST_CASE("an ordering answer rates each event and earns Kendall tau credit", "[study]") {
  CHECK(OrderingCredit({0, 1, 2, 3}) == 1.0);
  CHECK(OrderingCredit({3, 2, 1, 0}) == 0.0);
  CHECK(OrderingCredit({1, 0, 2, 3}) == Approx(1.0 - 1.0 / 6.0));
  CHECK(RateOrdering({0, 1, 2, 3}) == std::vector<Rating>(4, Rating::Good));
  // Events 0 and 1 swapped: both are wrong against each other, 2 and 3 are right.
  CHECK(RateOrdering({1, 0, 2, 3}) == std::vector<Rating>{Rating::Again, Rating::Again, Rating::Good, Rating::Good});
  // Event 3 placed first: it is wrong against all; the others keep their order among themselves.
  CHECK(RateOrdering({3, 0, 1, 2}) == std::vector<Rating>{Rating::Again, Rating::Again, Rating::Again, Rating::Again});
}

TEST_CASE("the study day starts at the learner's local day-start hour", "[study]") {
  // 02:30 UTC is 03:30 in UTC+1: before 04:00, so still the previous day, which began at 03:00 UTC.
  CHECK(FormatIsoTime(StudyDay{60, 4}.StartOf(At("2024-03-05T02:30:00Z"))) == "2024-03-04T03:00:00.000Z");
  CHECK(FormatIsoTime(StudyDay{60, 4}.StartOf(At("2024-03-05T03:30:00Z"))) == "2024-03-05T03:00:00.000Z");
  CHECK(FormatIsoTime(StudyDay{-300, 0}.StartOf(At("2024-03-05T12:00:00Z"))) == "2024-03-05T05:00:00.000Z");
  // Day numbers agree with the starts: 03:30 in UTC+1 is the day before 04:30.
  const StudyDay day{60, 4};
  CHECK(day.DayOf(At("2024-03-05T02:30:00Z")) + 1 == day.DayOf(At("2024-03-05T03:30:00Z")));
  CHECK(day.StartOf(At("2024-03-05T03:30:00Z")) ==
        day.DayOf(At("2024-03-05T03:30:00Z")) * kDayMs + 3 * 3600000); // 04:00 at UTC+1
}

TEST_CASE("the queue: learning first, most forgotten reviews next, new cards spread, limits kept", "[study]") {
  const TimeMs now = At("2024-06-10T12:00:00Z");
  const Fsrs fsrs;
  std::vector<StudyCard> cards;
  cards.push_back(Review(0, now - 3 * kDayMs, 3, now - kDayMs));       // 0: overdue, R lower
  cards.push_back(Review(1, now - 20 * kDayMs, 30, now + 3 * kDayMs)); // 1: not due
  cards.push_back(Review(2, now - 2 * kDayMs, 10, now - kDayMs));      // 2: due, R higher than 0
  StudyCard learning = New(3);
  learning.memory.state = CardState::Learning;
  learning.memory.stability = 2;
  learning.memory.difficulty = 5;
  learning.memory.lastReview = now - 10 * kMinuteMs;
  learning.memory.due = now + 5 * kMinuteMs;
  cards.push_back(learning); // 3: learning, due soon
  cards.push_back(New(4));   // 4: new
  cards.push_back(New(5));   // 5: new

  QueueOptions options;
  options.newPerDay = 1;
  auto queue = BuildDailyQueue(cards, fsrs, now, options);
  REQUIRE(queue.size() == 4);
  CHECK(queue[0].card == 3);
  CHECK(queue[0].slot == QueueSlot::Learning);
  CHECK(Cards(queue) == std::vector<size_t>{3, 0, 4, 2}); // the new card between the reviews
  for (const QueueEntry& e : queue)
    CHECK(e.reschedule);

  options.newDoneToday = 1;  // today's new card already introduced
  options.reviewsPerDay = 1; // and room for one review only
  CHECK(Cards(BuildDailyQueue(cards, fsrs, now, options)) == std::vector<size_t>{3, 0});

  options = {};
  options.mode = QueueMode::StudyAhead;
  options.aheadDays = 5;
  auto ahead = Cards(BuildDailyQueue(cards, fsrs, now, options));
  CHECK(std::find(ahead.begin(), ahead.end(), 1) != ahead.end());
}

TEST_CASE("siblings are buried: one card per item a day, none of an item studied today", "[study]") {
  const TimeMs now = At("2024-06-10T12:00:00Z");
  const Fsrs fsrs;
  std::vector<StudyCard> cards;
  cards.push_back(Review(0, now - 5 * kDayMs, 4, now - kDayMs, QuestionKind::MultipleChoice));
  cards.push_back(Review(0, now - 5 * kDayMs, 4, now - kDayMs, QuestionKind::When));
  cards.push_back(New(0, QuestionKind::WhichFirst));
  cards.push_back(Review(1, now - 5 * kDayMs, 4, now - kDayMs));
  cards.push_back(Review(1, now - 2 * kMinuteMs * 60, 9, now + 9 * kDayMs, QuestionKind::When)); // studied today
  auto queue = Cards(BuildDailyQueue(cards, fsrs, now, {}));
  CHECK(queue.size() == 1);
  CHECK((queue[0] == 0 || queue[0] == 1));
}

TEST_CASE("recall cards wait until the item is recognised", "[study]") {
  const TimeMs now = At("2024-06-10T12:00:00Z");
  const Fsrs fsrs;
  std::vector<StudyCard> cards;
  cards.push_back(Review(0, now - 30 * kDayMs, kRecallUnlockStability - 1, now + 2 * kDayMs));
  cards.push_back(New(0, QuestionKind::TypedYear));
  cards.push_back(Review(1, now - 30 * kDayMs, kRecallUnlockStability + 1, now + 2 * kDayMs));
  cards.push_back(New(1, QuestionKind::TypedYear));
  CHECK(Cards(BuildDailyQueue(cards, fsrs, now, {})) == std::vector<size_t>{3});
}

TEST_CASE("cram shows every card in a repeatable shuffle and never reschedules", "[study]") {
  const TimeMs now = At("2024-06-10T12:00:00Z");
  const Fsrs fsrs;
  std::vector<StudyCard> cards;
  for (size_t i = 0; i < 30; ++i)
    cards.push_back(Review(i, now - kDayMs, 40, now + 30 * kDayMs));
  cards[7].suspended = true;
  QueueOptions options;
  options.mode = QueueMode::Cram;
  options.seed = 42;
  auto first = BuildDailyQueue(cards, fsrs, now, options);
  CHECK(first.size() == 29);
  for (const QueueEntry& e : first) {
    CHECK_FALSE(e.reschedule);
    CHECK(e.card != 7);
  }
  CHECK(Cards(first) == Cards(BuildDailyQueue(cards, fsrs, now, options)));
  std::vector<size_t> sorted = Cards(first);
  std::sort(sorted.begin(), sorted.end());
  CHECK(sorted != Cards(first)); // shuffled
}
