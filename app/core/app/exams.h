// The learner's exams planned (srs/exam_plan.h) on their decks' cards and stored progress:
// what the home screen and `factdeck plan` show, and which cards a study session for an
// exam asks today or in the last days' revision. docs/scheduling.md, "Exams".
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/deck/deck.h"
#include "core/srs/exam_plan.h"
#include "core/srs/study.h"
#include "core/store/profile_store.h"

namespace factdeck {

// One card of an exam, by its key parts.
struct ExamCard {
  std::string deck, item;
  srs::QuestionKind kind = srs::QuestionKind::MultipleChoice;
};

struct ExamView {
  ExamRecord exam;
  srs::ExamOutlook outlook;
  int daysLeft = 0;                 // calendar days to the exam's date (0: today)
  double answersPerDay = 0;         // the budget, in answers
  int answerSeconds = 0;            // the time an answer is taken to need
  std::vector<double> chart;        // expected share remembered on the day, after each planned day
  std::vector<std::string> missing; // decks of the exam that are not listed (not planned)
  std::vector<ExamCard> weakest;    // the exam's cards, least likely remembered on the day first
  bool tooFar = false;              // more than srs::kMaxPlanDays ahead: not planned yet
  bool closing = false;             // it begins within srs::kExamMargin: nothing more is planned
  bool studyToday = false;          // today's plan has cards of this exam
};

// Exams planned at once, at most (a card's exams are bits of a 32-bit mask).
inline constexpr size_t kMaxExams = 32;

struct ExamPlanning {
  std::vector<ExamView> exams; // the learner's exams not yet past, soonest first
  std::vector<ExamCard> today; // today's cards of all of them, most useful first
  int todayNew = 0, todayReviews = 0;
  int todayMinutes = 0; // what today's answers are expected to take
};

struct ExamPlanInput {
  std::vector<ExamRecord> exams;
  // The deck with this id, or null when it is not listed.
  std::function<std::shared_ptr<const Deck>(const std::string& id)> deck;
  ProfileStore* store = nullptr; // may be null: every card is new
  std::int64_t profile = 0;
  srs::FsrsParameters fsrs;
  srs::StudyDay day;
  srs::TimeMs now = 0;
  bool findBudget = true;
};

ExamPlanning PlanExams(const ExamPlanInput& input);

// Calendar days from `now` to `at` in the learner's time zone (midnight to midnight).
int CalendarDaysUntil(srs::TimeMs now, srs::TimeMs at, const srs::StudyDay& day);
// "in 12 days", "tomorrow", "today", "3 days ago"
std::string DaysText(int days);
// The home screen's line: "Biology in 12 days: 184 of 240 cards likely remembered on the day
// (77 %); today: 35 reviews and 12 new cards" (today's part when it is the only exam).
std::string ExamSummaryText(const ExamView& view, const ExamPlanning& planning);
// Today's part for all exams together: "Today, for 2 exams: 35 reviews and 12 new cards,
// about 30 minutes"; empty with fewer than two exams planned.
std::string ExamTodayText(const ExamPlanning& planning);
// When the budget is short: "30 minutes a day leaves 26 cards unseen; about 45 minutes a day
// would have 90 % likely remembered." Empty when the budget suffices.
std::string ExamBudgetAdvice(const ExamView& view);

// Reads "2027-01-20" or "2027-01-20 09:00" as the learner's local time (`day` gives the
// offset); nullopt when it is no such date.
std::optional<srs::TimeMs> ParseExamTime(const std::string& text, const srs::StudyDay& day);

} // namespace factdeck
