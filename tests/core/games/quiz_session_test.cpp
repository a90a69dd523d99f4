#include <catch2/catch.hpp>

#include "core/import/csv.h"
#include "core/base/paths.h"
#include "support/seed_deck.h"
#include "core/games/quiz_session.h"
#include "core/questions/worksheet.h"
#include "support/temp_dir.h"

using namespace factdeck;

namespace {
constexpr srs::TimeMs kNow = 1767268800000;

using test::SeedDeck;

QuizOptions Options(QuizMode mode, size_t count, std::vector<QuestionKind> kinds = {QuestionKind::MultipleChoice}) {
  QuizOptions o;
  o.mode = mode;
  o.request.count = count;
  o.request.kinds = std::move(kinds);
  o.request.seed = 11;
  return o;
}

int Wrong(const Question& q) { return (q.answer + 1) % static_cast<int>(q.options.size()); }
} // namespace

TEST_CASE("practice points: 100 a right answer, a streak multiplier up to x3, partial credit for orderings", "[quiz]") {
  Judgement right{true, 1.0, "", ""}, wrong{false, 0.0, "", ""}, partly{false, 0.8, "", ""};
  CHECK(PracticePoints(right, 0, true) == 100);
  CHECK(PracticePoints(right, 1, true) == 150);
  CHECK(PracticePoints(right, 4, true) == 300);
  CHECK(PracticePoints(right, 9, true) == 300);
  CHECK(PracticePoints(right, 9, false) == 100);
  CHECK(PracticePoints(wrong, 3, true) == 0);
  CHECK(PracticePoints(partly, 3, true) == 80);
}

TEST_CASE("a practice quiz: points and streak, mistakes kept, a personal best, the schedule untouched", "[quiz]") {
  const Deck deck = SeedDeck();
  test::TempDir dir;
  auto store = ProfileStore::Open(dir.Path(), kNow).store;
  REQUIRE(store);
  const auto profile = store->DefaultProfile();
  QuizSession quiz(deck, store.get(), profile, kNow, Options(QuizMode::Practice, 5));
  REQUIRE(quiz.Total() == 5);
  srs::TimeMs now = kNow;
  for (int i = 0; i < 5; ++i) {
    const Question& q = *quiz.Current();
    quiz.AnswerOption(i == 3 ? Wrong(q) : q.answer, 2000, now += 5000);
    REQUIRE(quiz.Feedback());
    quiz.Next(now);
  }
  CHECK(quiz.Done());
  CHECK(quiz.Score() == 100 + 150 + 200 + 0 + 100);
  CHECK(quiz.Right() == 4);
  CHECK(quiz.NewBest());
  CHECK(store->PersonalBest(profile, "practice", deck.id) == 550);
  // Logged, not scheduled: the cards keep a new state.
  CHECK(store->Stats(profile, now).answers == 5);
  for (const StoredCard& c : store->Cards(profile, deck.id))
    CHECK(c.memory.state == srs::CardState::New);

  QuizSession again(deck, store.get(), profile, now, Options(QuizMode::Practice, 3));
  CHECK(again.PreviousBest() == 550);
}

TEST_CASE("a practice timer counts a question left too long as wrong", "[quiz]") {
  const Deck deck = SeedDeck();
  QuizOptions options = Options(QuizMode::Practice, 3);
  options.secondsPerQuestion = 10;
  QuizSession quiz(deck, nullptr, 0, kNow, options);
  CHECK(*quiz.SecondsLeft(kNow + 4000) == Approx(6.0));
  quiz.Tick(kNow + 9000);
  CHECK_FALSE(quiz.Feedback());
  quiz.Tick(kNow + 10000);
  REQUIRE(quiz.Feedback());
  CHECK_FALSE(quiz.Feedback()->correct);
  CHECK(quiz.Answers().back().timedOut);
}

TEST_CASE("an exam: no feedback, a report by tag, mistakes rescheduled into study, a time limit", "[quiz]") {
  const Deck deck = SeedDeck();
  test::TempDir dir;
  auto store = ProfileStore::Open(dir.Path(), kNow).store;
  const auto profile = store->DefaultProfile();
  QuizOptions options = Options(QuizMode::Exam, 6, {QuestionKind::MultipleChoice, QuestionKind::When});
  options.timeLimitSeconds = 600;
  QuizSession exam(deck, store.get(), profile, kNow, options);
  REQUIRE(exam.Total() == 6);
  for (int i = 0; i < 3; ++i) {
    const Question& q = *exam.Current();
    exam.AnswerOption(i == 0 ? Wrong(q) : q.answer, 3000, kNow + i * 1000);
    CHECK_FALSE(exam.Feedback()); // straight on
    CHECK(exam.Position() == static_cast<size_t>(i + 1));
  }
  exam.Tick(kNow + 601000); // the time is up: the rest count as wrong
  CHECK(exam.Done());
  CHECK(exam.Right() == 2);
  CHECK(exam.Answers().size() == 6);
  auto tags = exam.ByTag();
  REQUIRE_FALSE(tags.empty());
  for (size_t i = 1; i < tags.size(); ++i)
    CHECK(static_cast<double>(tags[i - 1].right) / tags[i - 1].total <=
          static_cast<double>(tags[i].right) / tags[i].total);
  // The mistake is rescheduled: its card is relearning, due within the day.
  const Question& missed = exam.Answers()[0].question;
  auto card = store->Card(profile, deck.id, missed.items[0], missed.kind);
  REQUIRE(card);
  CHECK(card->state == srs::CardState::Learning);
  CHECK(card->due < kNow + srs::kDayMs);

  const std::string csv = exam.ReportCsv();
  CsvParse parsed = ParseCsv(csv, "report.csv");
  CHECK(parsed.table.records.size() == 7);
  const std::string html = exam.ReportHtml("Exam <1>");
  CHECK_THAT(html, Catch::Contains("Exam &lt;1&gt;") && Catch::Contains("By tag, weakest first") &&
                       Catch::Contains("Time ran out. 3 questions were not answered.") &&
                       Catch::Contains("(not answered)"));
  CHECK(exam.TimeRanOut());
  CHECK(exam.Given(exam.Answers()[5]) == "(not answered)");
}

TEST_CASE("an exam: answers changed until handed in, questions visited in any order, flags, judged kinds only",
          "[quiz]") {
  const Deck deck = SeedDeck();
  test::TempDir dir;
  auto store = ProfileStore::Open(dir.Path(), kNow).store;
  const auto profile = store->DefaultProfile();
  QuizOptions options =
      Options(QuizMode::Exam, 8, {QuestionKind::MultipleChoice, QuestionKind::When, QuestionKind::Flashcard});
  QuizSession exam(deck, store.get(), profile, kNow, options);
  REQUIRE(exam.Total() == 8);
  for (size_t i = 0; i < exam.Total(); ++i)
    CHECK(exam.At(i).kind != QuestionKind::Flashcard); // a self-graded card is no exam question
  // The first answered wrong, then changed to right from the last question.
  const Question& first = *exam.Current();
  REQUIRE_FALSE(first.options.empty());
  exam.AnswerOption(Wrong(first), 2000, kNow + 1000);
  CHECK(exam.Position() == 1); // on to the next one not answered
  REQUIRE(exam.Draft(0));
  exam.ToggleFlag();
  CHECK(exam.Flagged(1));
  exam.GoTo(7, kNow + 2000);
  CHECK(exam.Position() == 7);
  exam.GoTo(0, kNow + 3000);
  CHECK(exam.Draft(0)->options == std::vector<int>{Wrong(first)}); // what was chosen, shown again
  exam.AnswerOption(first.answer, 2000, kNow + 4000);
  CHECK(exam.Draft(0)->options == std::vector<int>{first.answer});
  CHECK(exam.Unanswered() == 7);
  CHECK(store->Stats(profile, kNow + 5000).answersToday == 0); // nothing saved before the hand-in
  CHECK_FALSE(exam.Done());
  exam.HandIn(kNow + 6000);
  CHECK(exam.Done());
  CHECK_FALSE(exam.TimeRanOut());
  REQUIRE(exam.Answers().size() == 8);
  CHECK(exam.Answers()[0].judgement.correct);
  CHECK(exam.Right() == 1);
  for (size_t i = 1; i < 8; ++i)
    CHECK(exam.Answers()[i].timedOut); // not answered
  const StoreStats handedIn = store->Stats(profile, kNow + 7000);
  CHECK(handedIn.answersToday == 8); // one answer a question, however many cards it reviews
  CHECK(handedIn.cardReviewsToday >= 8);
  // After the hand-in nothing changes it.
  exam.GoTo(1, kNow + 8000);
  exam.AnswerOption(0, 1000, kNow + 8000);
  CHECK(exam.Right() == 1);
}

TEST_CASE("a question reported during a quiz is named beside it in the report", "[quiz][report]") {
  const Deck deck = SeedDeck();
  QuizSession quiz(deck, nullptr, 0, kNow, Options(QuizMode::Practice, 3));
  REQUIRE(quiz.Total() == 3);
  srs::TimeMs now = kNow;
  std::string reportedPrompt;
  for (int i = 0; i < 3; ++i) {
    const Question& q = *quiz.Current();
    if (i == 1) {
      quiz.NoteReport("Two right answers: both happened near Kazan");
      reportedPrompt = q.prompt;
    }
    quiz.AnswerOption(q.answer, 2000, now += 5000);
    quiz.Next(now);
  }
  REQUIRE(quiz.Done());
  REQUIRE(quiz.Reported().size() == 1);
  const std::string csv = quiz.ReportCsv();
  CHECK(csv.find(",source,reported") != std::string::npos);
  CHECK(csv.find("Two right answers: both happened near Kazan") != std::string::npos);
  const std::string html = quiz.ReportHtml("Practice");
  const size_t note = html.find("You reported this question: Two right answers");
  REQUIRE(note != std::string::npos);
  // Beside its own question: the last prompt before the note is the reported one.
  CHECK(html.rfind("<li><p>", note) == html.find("<li><p>" + EscapeHtml(reportedPrompt)));
}
