// Revising for a date: which cards to study each day so that as many as possible of an
// exam's cards are remembered on the exam day, within the time the learner gives a day.
// docs/scheduling.md ("Exams") explains the rules; this header is their code.
//
// The plan works on FSRS-6's memory model: each card's probability of recall at any future
// time, and what a review now does to it. Each day it takes the reviews and new cards that
// raise the expected recall at the exam most for the answers they cost, until the day's
// budget is spent. Its forecast (the chart, the "likely remembered on the day" figure, the
// budget that would suffice) is the plan followed by a model learner whose memory is the
// model itself, averaged over several runs.
#pragma once

#include <cstdint>
#include <vector>

#include "core/srs/fsrs.h"
#include "core/srs/study_day.h"

namespace factdeck::srs {

// One card as the planner sees it.
struct PlanCard {
  MemoryState memory;
  size_t item = 0;         // cards of one item are not planned on the same day
  std::uint32_t exams = 0; // bit e: the card is on exam e (up to 32 exams)
  double weight = 1.0;     // how much its topic counts (the learner's topic weights)
};

struct PlanExam {
  TimeMs at = 0;            // when the exam begins
  double answersPerDay = 0; // the learner's daily budget for it, in answers
};

// The share of an exam's cards the plan aims to have remembered on the day: under it, the
// plan says the budget is short and what budget would reach it.
inline constexpr double kExamTarget = 0.9;

// An exam is studied for until this long before it begins, and planned at most this many days ahead.
inline constexpr TimeMs kExamMargin = 60 * kMinuteMs;
inline constexpr int kMaxPlanDays = 400;

// Seconds an answer takes when the learner's own time is not known yet.
inline constexpr int kDefaultAnswerSeconds = 10;

// Answers a day for a budget in minutes (or the cards given, when set), at `answerSeconds`.
double AnswersPerDay(int minutes, int cards, int answerSeconds);

struct PlanOptions {
  StudyDay day;
  int answersDoneToday = 0;                  // answers already given today to the exams' cards
  int samples = 0;                           // forecast runs; 0: enough for a steady figure (at most 16)
  std::uint64_t seed = 1;                    // the forecast's model learner
  bool findBudget = true;                    // when an exam falls short, search the budget that would suffice
  int answerSeconds = kDefaultAnswerSeconds; // the learner's pace (the time left before an exam holds so many)
};

// One day of the forecast.
struct PlanDay {
  std::int64_t day = 0; // the learner's day number (StudyDay::DayOf)
  TimeMs at = 0;        // the day's study time (the first: now)
  double answers = 0, reviews = 0, newCards = 0;
  double reached = 0;                // cards of the day's list reached within its answers
  std::vector<double> recallAtExams; // by exam: expected share remembered on its day if study stopped here
};

struct ExamOutlook {
  size_t cards = 0;
  double recallNow = 0;          // expected share remembered on the day with no more study
  double recallPlanned = 0;      // ... following the plan within the budget
  double unseen = 0;             // cards the plan cannot introduce before the exam (expected)
  int answersNeeded = 0;         // answers a day that would reach kExamTarget: 0 when the budget does,
                                 // -1 when no budget can (too few days left)
  double recallAtMostBudget = 0; // with answersNeeded (or, at -1, with the largest budget tried)
};

struct ExamPlan {
  // Today's cards (indices into the cards given), most useful first: cards in their
  // learning steps, then reviews and new cards by expected gain at the exams per answer; as
  // many as the day's answers are expected to reach (the forecast's first day).
  std::vector<size_t> today;
  int todayNew = 0, todayReviews = 0;
  std::vector<ExamOutlook> exams; // as given
  std::vector<PlanDay> days;      // a study session a day, from now to the last before the last exam
};

ExamPlan MakeExamPlan(const std::vector<PlanCard>& cards, const std::vector<PlanExam>& exams, const Fsrs& fsrs,
                      TimeMs now, const PlanOptions& options);

// The expected share of `exam`'s cards (bit `exam` of PlanCard::exams) remembered at `at`
// with no more study, weighted by topic.
double ExpectedRecallAt(const std::vector<PlanCard>& cards, int exam, const Fsrs& fsrs, TimeMs at);

// The final days' revision: the exam's cards by probability of recall at `examAt` times
// their topic weight, least likely first (new cards first of all).
std::vector<size_t> WeakestFirst(const std::vector<PlanCard>& cards, int exam, const Fsrs& fsrs, TimeMs examAt);

// --- The model learner ---------------------------------------------------------------
//
// A learner whose memory is FSRS-6 with the given weights: a card is recalled with the
// model's probability at the time asked (new cards are not known at first sight), rated Good
// when recalled and Again when not, and learning steps come back the same day. Each day's
// answers stop at the exams' budget. For the plan's tests and its forecast.

enum class StudyPolicy {
  ExamPlan, // the plan above
  DueDates, // ordinary scheduling: learning, due reviews (most forgotten first), new cards
};

struct SimulationResult {
  std::vector<double> recallAtExams; // by exam: expected share remembered on the day
  std::vector<double> unseen;        // by exam: cards never studied
  std::vector<PlanDay> days;
  long long answers = 0;
};

SimulationResult SimulateStudy(std::vector<PlanCard> cards, const std::vector<PlanExam>& exams, const Fsrs& fsrs,
                               TimeMs now, StudyPolicy policy, const PlanOptions& options, std::uint64_t seed);

} // namespace factdeck::srs
