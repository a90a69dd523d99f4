// The exam plan against a model learner whose memory is FSRS-6 with known weights
// (srs::SimulateStudy): what docs/scheduling.md ("Exams") promises, measured.
#include <catch2/catch.hpp>
#include <algorithm>

#include "core/srs/exam_plan.h"

using namespace factdeck::srs;

namespace {

constexpr TimeMs kStart = 1767261600000; // 2026-01-01 10:00 UTC

std::vector<PlanCard> NewCards(size_t n, std::uint32_t exams = 1) {
  std::vector<PlanCard> cards(n);
  for (size_t i = 0; i < n; ++i) {
    cards[i].item = i;
    cards[i].exams = exams;
  }
  return cards;
}

// Both policies over several runs of the model learner: the mean share remembered on the day.
std::pair<double, double> PlanAndDueDates(const std::vector<PlanCard>& cards, const std::vector<PlanExam>& exams,
                                          int runs) {
  const Fsrs fsrs;
  PlanOptions options;
  double plan = 0, due = 0;
  for (int k = 0; k < runs; ++k) {
    plan += SimulateStudy(cards, exams, fsrs, kStart, StudyPolicy::ExamPlan, options, 100 + k).recallAtExams[0];
    due += SimulateStudy(cards, exams, fsrs, kStart, StudyPolicy::DueDates, options, 100 + k).recallAtExams[0];
  }
  return {plan / runs, due / runs};
}

} // namespace

TEST_CASE("an exam in 14 days on 300 cards at 30 minutes a day: at least 90 % remembered, more than by due dates",
          "[srs][exam]") {
  const std::vector<PlanExam> exams{{kStart + 14 * kDayMs, AnswersPerDay(30, 0, kDefaultAnswerSeconds)}};
  const auto [plan, due] = PlanAndDueDates(NewCards(300), exams, 8);
  WARN("plan " << plan << ", due dates " << due);
  CHECK(plan >= 0.9);
  CHECK(plan > due + 0.02);
}

TEST_CASE("a budget too small says so and what would suffice, and still beats due dates", "[srs][exam]") {
  const std::vector<PlanExam> exams{{kStart + 14 * kDayMs, AnswersPerDay(8, 0, kDefaultAnswerSeconds)}};
  const auto [plan, due] = PlanAndDueDates(NewCards(300), exams, 8);
  WARN("plan " << plan << ", due dates " << due);
  CHECK(plan > due);
  const ExamPlan made = MakeExamPlan(NewCards(300), exams, Fsrs{}, kStart, PlanOptions{});
  REQUIRE(made.exams.size() == 1);
  WARN("planned " << made.exams[0].recallPlanned << " needed " << made.exams[0].answersNeeded << " reaching "
                  << made.exams[0].recallAtMostBudget);
  CHECK(made.exams[0].recallPlanned < kExamTarget);
  CHECK(made.exams[0].answersNeeded > exams[0].answersPerDay);
  CHECK(made.exams[0].recallAtMostBudget >= kExamTarget);
}

TEST_CASE("two exams share the days: each gets its budget until its day, and a card on both counts for both",
          "[srs][exam]") {
  std::vector<PlanCard> cards = NewCards(200, 1);
  for (size_t i = 100; i < 200; ++i)
    cards[i].exams = 2;
  cards[0].exams = 3; // on both
  const std::vector<PlanExam> exams{{kStart + 5 * kDayMs, 120}, {kStart + 10 * kDayMs, 120}};
  const ExamPlan plan = MakeExamPlan(cards, exams, Fsrs{}, kStart, PlanOptions{});
  REQUIRE(plan.exams.size() == 2);
  CHECK(plan.exams[0].cards == 100);
  CHECK(plan.exams[1].cards == 101);
  REQUIRE(plan.days.size() == 10); // to the day before the later exam
  // Both budgets until the first exam's day, then the second's alone.
  CHECK(plan.days[0].answers == Approx(240).margin(1));
  CHECK(plan.days[6].answers <= 120.5);
  CHECK(plan.exams[0].recallPlanned >= kExamTarget);
  CHECK(plan.exams[1].recallPlanned >= kExamTarget);
  // Today's cards: no more than the day's answers, each card once.
  CHECK(plan.today.size() <= 240);
  std::vector<size_t> today = plan.today;
  std::sort(today.begin(), today.end());
  CHECK(std::adjacent_find(today.begin(), today.end()) == today.end());
}

TEST_CASE("the last days' order: least likely remembered on the day first, topic weights counting", "[srs][exam]") {
  const Fsrs fsrs;
  std::vector<PlanCard> cards = NewCards(4);
  const TimeMs exam = kStart + 3 * kDayMs;
  for (size_t i = 0; i < 3; ++i) {
    cards[i].memory.state = CardState::Review;
    cards[i].memory.difficulty = 5;
    cards[i].memory.lastReview = kStart - kDayMs;
  }
  cards[0].memory.stability = 100; // sure
  cards[1].memory.stability = 2;   // weak
  cards[2].memory.stability = 20;  // fair
  // cards[3] is new: never seen, least likely of all
  CHECK(WeakestFirst(cards, 0, fsrs, exam) == std::vector<size_t>{3, 1, 2, 0});
  cards[2].weight = 10; // its topic counts ten times
  CHECK(WeakestFirst(cards, 0, fsrs, exam) == std::vector<size_t>{3, 2, 1, 0});
  CHECK(ExpectedRecallAt(cards, 0, fsrs, exam) > 0.5);
  CHECK(ExpectedRecallAt(cards, 1, fsrs, exam) == 0.0); // no card on exam 1
}

TEST_CASE("an exam with every card well known plans little, and one already past plans nothing", "[srs][exam]") {
  const Fsrs fsrs;
  std::vector<PlanCard> cards = NewCards(50);
  for (PlanCard& c : cards) {
    c.memory.state = CardState::Review;
    c.memory.stability = 1000;
    c.memory.difficulty = 3;
    c.memory.lastReview = kStart - kDayMs;
  }
  const ExamPlan calm = MakeExamPlan(cards, {{kStart + 7 * kDayMs, 180}}, fsrs, kStart, PlanOptions{});
  CHECK(calm.today.empty()); // nothing gains enough to be worth an answer
  CHECK(calm.exams[0].recallPlanned >= 0.99);
  CHECK(calm.exams[0].answersNeeded == 0);
  const ExamPlan past = MakeExamPlan(NewCards(50), {{kStart - kDayMs, 180}}, fsrs, kStart, PlanOptions{});
  CHECK(past.today.empty());
  CHECK(past.days.empty());
  CHECK(past.exams[0].recallPlanned == 0.0);
}

TEST_CASE("the budget: minutes at the learner's pace, or the cards given", "[srs][exam]") {
  CHECK(AnswersPerDay(30, 0, 10) == 180);
  CHECK(AnswersPerDay(30, 0, 15) == 120);
  CHECK(AnswersPerDay(30, 50, 10) == 50);
  CHECK(AnswersPerDay(-5, 0, 10) == 0);
}

TEST_CASE("each exam keeps its own daily time: a second exam does not take the first one's", "[srs][exam]") {
  const Fsrs fsrs;
  std::vector<PlanCard> small = NewCards(40, 1);
  const std::vector<PlanExam> alone{{kStart + 13 * kDayMs, 30}};
  const double before = MakeExamPlan(small, alone, fsrs, kStart, PlanOptions{}).exams[0].recallPlanned;
  std::vector<PlanCard> both = small;
  for (size_t i = 0; i < 385; ++i) {
    PlanCard c;
    c.item = 40 + i;
    c.exams = 2;
    both.push_back(c);
  }
  const std::vector<PlanExam> two{{kStart + 13 * kDayMs, 30}, {kStart + 13 * kDayMs, 120}};
  const ExamPlan plan = MakeExamPlan(both, two, fsrs, kStart, PlanOptions{});
  WARN("alone " << before << ", beside a larger exam " << plan.exams[0].recallPlanned);
  CHECK(before >= kExamTarget);
  CHECK(plan.exams[0].recallPlanned >= before - 0.02);
}

TEST_CASE("an exam within the day's time gets no more cards than the time before it holds", "[srs][exam]") {
  PlanOptions options;
  options.answerSeconds = 10;
  // 71 minutes away with 12 hours a day given: 11 minutes before the last hour, 66 answers.
  const ExamPlan plan = MakeExamPlan(NewCards(385), {{kStart + 71 * kMinuteMs, 4320}}, Fsrs{}, kStart, options);
  CHECK(!plan.today.empty());
  CHECK(plan.today.size() <= 67);
  REQUIRE(plan.days.size() == 1);
  CHECK(plan.days[0].answers <= 67);
  // Within the last hour: nothing.
  const ExamPlan late = MakeExamPlan(NewCards(385), {{kStart + 50 * kMinuteMs, 4320}}, Fsrs{}, kStart, options);
  CHECK(late.today.empty());
  CHECK(late.days.empty());
}
