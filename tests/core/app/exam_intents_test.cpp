// Exams to revise for, without a window: PlanExam and its refusals, the plan on the home
// screen's state, StartStudy following the plan or revising the weakest cards first,
// RemoveExam, and the plan read again after a restart.
#include <algorithm>
#include <cstdio>

#include "core/app/intent_fixture.h"
#include "core/app/reducer.h"
#include "core/base/calendar.h"

using namespace factdeck;
using test::IntentFixture;

namespace {

// The fixture's day plus `days`, as typed in the form.
std::string DateIn(const IntentFixture& f, int days, const char* hour = "09:00") {
  int y = 0, m = 0, d = 0;
  srs::StudyDay midnight = srs::LocalStudyDay(0);
  CivilFromDays(midnight.DayOf(f.now) + days, y, m, d);
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d %s", y, m, d, hour);
  return text;
}

} // namespace

TEST_CASE("PlanExam refuses what is no plan, saying why, and saves nothing, and a budget may be cards",
          "[intents][exam]") {
  IntentFixture f;
  auto refused = [&](PlanExam plan, const char* why) {
    f.state.notices.clear();
    f.Apply(std::move(plan));
    REQUIRE(f.state.notices.size() == 1);
    CHECK_THAT(f.state.notices[0], Catch::Contains(why));
  };
  refused(PlanExam{"Test", "next friday", f.seedDeck, "", 30, ""}, "is no date; write it as 2027-01-20");
  refused(PlanExam{"Test", "2026-02-30", f.seedDeck, "", 30, ""}, "is no date");
  refused(PlanExam{"Test", "2025-12-01", f.seedDeck, "", 30, ""}, "the exam's date has passed");
  refused(PlanExam{"Test", DateIn(f, 10), f.seedDeck, "", 0, ""}, "between 1 and 720 minutes");
  refused(PlanExam{"Test", DateIn(f, 10), f.seedDeck, "", 30, "algebra=lots"}, "\"algebra=lots\" is no topic weight");
  refused(PlanExam{"Test", DateIn(f, 10), f.state.decks.size(), "", 30, ""}, "choose a deck first");
  refused(PlanExam{"Test", DateIn(f, 10), f.seedDeck, "", 30, "", -3}, "between 1 and 5,000 cards a day");
  refused(PlanExam{"Test", "2207-01-20", f.seedDeck, "", 30, ""}, "up to 400 days ahead; is the year right?");
  refused(PlanExam{"Test", DateIn(f, 10), f.seedDeck, "Lipetsk", 30, ""},
          "no item of the deck has the tag \"Lipetsk\" (its tags are, e.g., ");
  refused(PlanExam{"Test", DateIn(f, 10), f.seedDeck, "", 30, "nosuch=2"},
          "no item of the deck has the tag \"nosuch\"");
  refused(PlanExam{"Test", DateIn(f, 10), f.seedDeck, "", 30, "treaty=2x"}, "\"treaty=2x\" is no topic weight");
  refused(PlanExam{"Test", DateIn(f, 10), f.seedDeck, "", 30, "treaty=0"}, "\"treaty=0\" is no topic weight");
  CHECK(f.state.store->Exams(f.state.profile).empty());
  CHECK(f.state.exams.exams.empty());

  // A budget in cards instead of minutes: the minutes are not asked for then.
  f.Apply(PlanExam{"Cards", DateIn(f, 10), f.seedDeck, "", 0, "", 60});
  REQUIRE(f.state.exams.exams.size() == 1);
  CHECK(f.state.exams.exams[0].exam.cards == 60);
  CHECK(f.state.exams.exams[0].exam.minutes == 0);
  CHECK(f.state.exams.exams[0].answersPerDay == 60);
}

TEST_CASE("an exam planned shows its plan, StartStudy follows it, and it survives a restart until removed",
          "[intents][exam]") {
  IntentFixture f;
  f.Apply(PlanExam{"", DateIn(f, 12), f.seedDeck, "", 30, ""});
  REQUIRE(f.state.exams.exams.size() == 1);
  const ExamView view = f.state.exams.exams[0];             // a copy: the home screen plans again
  CHECK(view.exam.name == f.state.decks[f.seedDeck].title); // no name: the deck's title
  CHECK(view.daysLeft == 12);
  CHECK(f.state.confirmations.back() == "Exam planned: " + view.exam.name + ", in 12 days, 30 minutes a day.");
  CHECK(view.outlook.cards > 100);
  CHECK(view.outlook.recallNow == 0.0); // nothing studied yet
  CHECK(view.outlook.recallPlanned > 0.5);
  CHECK(view.chart.size() == 12); // a point a study day, today to the day before
  CHECK(std::is_sorted(view.chart.begin(), view.chart.end()));
  CHECK(f.state.exams.todayNew > 0);
  CHECK(f.state.exams.todayReviews == 0);
  CHECK_THAT(ExamSummaryText(view, f.state.exams), Catch::StartsWith(view.exam.name + " in 12 days: "));

  // Study today's plan: the session asks planned cards only, first the first of them that can be asked.
  const auto planned = reducer::ExamCards(f.state, view.exam.id, f.state.decks[f.seedDeck].id, false);
  REQUIRE(planned.size() == f.state.exams.today.size());
  f.Apply(StartStudy{f.seedDeck, 0, false, view.exam.id, false});
  REQUIRE(f.state.study);
  const Question* q = f.state.study->session->Current();
  REQUIRE(q);
  CHECK(std::find(planned.begin(), planned.end(), std::make_pair(q->card, q->kind)) != planned.end());
  CHECK(f.state.study->study->Queued() <= planned.size());
  // Answered right: back home, the plan is made again from the answer (that card is in its
  // learning steps now); home once more with nothing changed keeps the plan as it is.
  const std::string keyBefore = f.state.examsKey;
  f.Apply(StudyChoose{q->answer});
  f.Apply(GoToScreen{Screen::Home});
  CHECK(f.state.examsKey != keyBefore);
  CHECK(f.state.exams.exams[0].outlook.recallNow > 0.0);
  const std::string keyAfter = f.state.examsKey;
  f.Apply(GoToScreen{Screen::Home});
  CHECK(f.state.examsKey == keyAfter);

  // A restart (the window closed: its store too) reads the exam back and plans it the same way.
  f.state = AppState{};
  AppState again = LoadAppState(f.dir.Path());
  REQUIRE(again.store);
  again.clock = [&f] { return f.now; };
  RefreshProgress(again);
  REQUIRE(again.exams.exams.size() == 1);
  CHECK(again.exams.exams[0].exam.id == view.exam.id);
  CHECK(again.exams.exams[0].exam.at == view.exam.at);
  CHECK(again.exams.exams[0].outlook.cards == view.outlook.cards);

  again.Post(RemoveExam{view.exam.id});
  ApplyIntents(again);
  CHECK(again.exams.exams.empty());
  CHECK(again.store->Exams(again.profile).empty());
}

TEST_CASE("revising for an exam asks the cards least likely remembered on the day first", "[intents][exam]") {
  IntentFixture f;
  f.Apply(PlanExam{"Treaties", DateIn(f, 2), f.seedDeck, "treaty", 20, ""});
  REQUIRE(f.state.exams.exams.size() == 1);
  const std::vector<ExamCard> cards = f.state.exams.exams[0].weakest;
  REQUIRE(cards.size() >= 3);
  // Every card well known but one, which was learned once, weeks ago.
  const std::string& deck = f.state.decks[f.seedDeck].id;
  for (size_t i = 0; i < cards.size(); ++i) {
    AnswerRecord answer;
    answer.profile = f.state.profile;
    answer.deck = deck;
    answer.item = cards[i].item;
    answer.kind = cards[i].kind;
    answer.time = f.now - (i == 1 ? 30 : 1) * srs::kDayMs;
    answer.correct = true;
    answer.after.state = srs::CardState::Review;
    answer.after.stability = i == 1 ? 1.0 : 400.0;
    answer.after.difficulty = 5.0;
    answer.after.lastReview = answer.time;
    answer.after.due = answer.time + static_cast<srs::TimeMs>(answer.after.stability) * srs::kDayMs;
    answer.after.reps = 3;
    REQUIRE(f.state.store->RecordAnswer(answer));
  }
  RefreshExams(f.state);
  REQUIRE(f.state.exams.exams.size() == 1);
  const ExamView view = f.state.exams.exams[0]; // a copy: the home screen plans again
  REQUIRE(view.weakest.front().item == cards[1].item);
  CHECK(view.weakest.front().kind == cards[1].kind);
  CHECK(view.outlook.recallNow > 0.8);

  f.Apply(StartStudy{f.seedDeck, 0, false, view.exam.id, true});
  REQUIRE(f.state.study);
  const Question* q = f.state.study->session->Current();
  REQUIRE(q);
  CHECK(q->card == cards[1].item);
  CHECK(q->kind == cards[1].kind);
}

TEST_CASE("an exam's date as typed, and the home screen's words for a plan", "[intents][exam]") {
  srs::StudyDay utc;
  utc.utcOffsetMinutes = 0;
  CHECK(ParseExamTime("2027-01-20", utc) == 1800435600000); // 9:00 unless given
  CHECK(ParseExamTime("2027-01-20 14:30", utc) == 1800455400000);
  srs::StudyDay berlin;
  berlin.utcOffsetMinutes = 60;
  CHECK(ParseExamTime("2027-01-20 14:30", berlin) == 1800451800000);
  CHECK_FALSE(ParseExamTime("2027-02-29", utc)); // not a leap year
  CHECK_FALSE(ParseExamTime("20 January", utc));
  CHECK_FALSE(ParseExamTime("2027-01-20 25:00", utc));
  CHECK(ParseExamTime("2027-01-20T14:30", utc) == 1800455400000);
  CHECK_FALSE(ParseExamTime("2027-01-20T14:30x", utc)); // nothing after it is dropped unread
  CHECK_FALSE(ParseExamTime("2027-01-20x", utc));
  CHECK_FALSE(ParseExamTime("20/01/2027", utc));
  CHECK(DaysText(0) == "today");
  CHECK(DaysText(1) == "tomorrow");
  CHECK(DaysText(12) == "in 12 days");

  ExamView view;
  view.exam.name = "Biology";
  view.exam.minutes = 30;
  view.daysLeft = 12;
  view.answerSeconds = 10;
  view.outlook.cards = 240;
  view.outlook.recallPlanned = 0.77;
  view.outlook.unseen = 26;
  view.outlook.answersNeeded = 260;
  view.outlook.recallAtMostBudget = 0.91;
  view.studyToday = true;
  ExamPlanning planning;
  planning.todayReviews = 35;
  planning.todayNew = 12;
  planning.todayMinutes = 24;
  planning.exams = {view};
  CHECK(ExamSummaryText(view, planning) == "Biology in 12 days: 185 of 240 cards likely remembered on the day (77 %); "
                                           "today: 35 reviews and 12 new cards, about 24 minutes");
  CHECK(ExamTodayText(planning).empty()); // one exam: today's part is on its line
  planning.exams.push_back(view);
  CHECK(ExamTodayText(planning) == "Today, for 2 exams: 35 reviews and 12 new cards, about 24 minutes");
  CHECK(ExamSummaryText(view, planning) == "Biology in 12 days: 185 of 240 cards likely remembered on the day (77 %)");
  CHECK(ExamBudgetAdvice(view) == "30 minutes a day leaves about 26 cards unseen before the exam; about 45 minutes a "
                                  "day would have 91 % likely remembered.");
  view.outlook.answersNeeded = -1;
  view.outlook.recallAtMostBudget = 0.84;
  CHECK_THAT(ExamBudgetAdvice(view),
             Catch::EndsWith("too little time is left for 90 % with any time a day (at most about 84 %, a study "
                             "session a day at this hour)."));
  view.outlook.recallPlanned = 0.95;
  CHECK(ExamBudgetAdvice(view).empty());
  view.closing = true;
  CHECK(ExamSummaryText(view, planning) ==
        "Biology begins within the hour: nothing more is planned; revise the weakest cards first");
}

TEST_CASE("an exam too far ahead is listed unplanned, and one whose tags match nothing adds no time to others",
          "[intents][exam]") {
  IntentFixture f;
  ExamRecord far;
  far.profile = f.state.profile;
  far.name = "Typo";
  far.at = f.now + 80000 * srs::kDayMs; // a year mistyped, stored before it was refused
  far.decks = {f.state.decks[f.seedDeck].id};
  far.minutes = 30;
  REQUIRE(f.state.store->AddExam(far));
  ExamRecord empty = far;
  empty.name = "Empty";
  empty.at = f.now + 5 * srs::kDayMs;
  empty.tags = {"no-such-tag"};
  REQUIRE(f.state.store->AddExam(empty));
  f.Apply(PlanExam{"Real", DateIn(f, 5), f.seedDeck, "", 10, ""});
  REQUIRE(f.state.exams.exams.size() == 3);
  auto named = [&](const std::string& name) -> const ExamView& {
    for (const ExamView& v : f.state.exams.exams)
      if (v.exam.name == name) return v;
    FAIL("no exam " << name);
    return f.state.exams.exams.front();
  };
  const ExamView& real = named("Real");
  const ExamView& none = named("Empty");
  const ExamView& typo = named("Typo");
  CHECK(real.outlook.cards > 100);
  CHECK(none.outlook.cards == 0);
  CHECK(none.answersPerDay == 0);
  CHECK(ExamSummaryText(none, f.state.exams) == "Empty in 5 days: no card of its decks has the exam's tags");
  CHECK(ExamBudgetAdvice(none).empty());
  CHECK(typo.tooFar);
  CHECK_THAT(ExamSummaryText(typo, f.state.exams), Catch::EndsWith("too far ahead to plan yet (FactDeck plans 400 days "
                                                                   "ahead); ordinary study until then"));
  // Only the real exam's ten minutes make today's plan.
  CHECK(f.state.exams.todayMinutes <= 11);
  CHECK(f.state.exams.todayMinutes >= 9);
}
