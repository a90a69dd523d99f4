// The question screen's intents: study, practice and exam runs, every way of answering,
// going on, the exam's timer and its report.
#include <filesystem>

#include "core/app/intent_fixture.h"

using namespace factdeck;
using test::IntentFixture;

namespace {

QuizOptions Quiz(QuizMode mode, std::vector<QuestionKind> kinds, size_t count = 3) {
  QuizOptions options;
  options.mode = mode;
  options.request.count = count;
  options.request.kinds = std::move(kinds);
  return options;
}

} // namespace

TEST_CASE("StartStudy opens the queue and each new question gets a new serial", "[intents][study]") {
  IntentFixture f;
  f.Apply(StartStudy{f.seedDeck});
  CHECK(f.state.screen == Screen::Study);
  REQUIRE(f.state.study);
  REQUIRE(f.state.study->study);
  CHECK_FALSE(f.state.study->quiz);
  const std::uint64_t first = f.state.study->shownSerial;
  CHECK(first > 0);
  CHECK(f.state.study->shownAt == f.now);
  f.now += 5000;
  f.Apply(StudyNext{});
  CHECK(f.state.study->shownSerial > first);
  CHECK(f.state.study->shownAt == f.now);
}

TEST_CASE("StudyChoose answers once: the chosen option is kept and a second choice changes nothing",
          "[intents][study]") {
  IntentFixture f;
  f.Apply(StartQuiz{f.seedDeck, Quiz(QuizMode::Practice, {QuestionKind::MultipleChoice})});
  REQUIRE(f.state.study);
  const QuestionRun& run = *f.state.study->session;
  const Question& q = *run.Current();
  const int wrong = (q.answer + 1) % static_cast<int>(q.options.size());
  f.now += 2000;
  f.Apply(StudyChoose{wrong});
  CHECK(f.state.study->chosen == std::vector<int>{wrong});
  REQUIRE(run.Feedback());
  CHECK_FALSE(run.Feedback()->correct);
  f.Apply(StudyChoose{q.answer});
  CHECK(f.state.study->chosen == std::vector<int>{wrong});
  CHECK_FALSE(run.Feedback()->correct);
  f.Apply(StudyNext{});
  CHECK(run.Position() == 1);
  CHECK(f.state.study->chosen.empty());
  CHECK_FALSE(run.Feedback());
}

TEST_CASE("StudySayGuessed turns a right study answer into a guess, once, and nothing else", "[intents][study]") {
  IntentFixture f;
  f.Apply(StudySayGuessed{}); // no run: nothing
  f.Apply(StartStudy{f.seedDeck});
  REQUIRE(f.state.study);
  const StudySession& study = *f.state.study->study;
  // To the first multiple-choice question (the others answered through the run itself).
  while (!study.Done() && (study.Current()->kind != QuestionKind::MultipleChoice || SelectAll(*study.Current()))) {
    f.Apply(StudySayGuessed{}); // before an answer: nothing
    CHECK_FALSE(study.Feedback());
    f.state.study->session->Grade(srs::Rating::Good, 1000, f.now);
    if (!study.Feedback()) f.state.study->session->AnswerYear("0", 1000, f.now);
    if (!study.Feedback()) f.state.study->session->AnswerOrder(study.Current()->order, 1000, f.now);
    if (!study.Feedback()) f.state.study->session->AnswerOption(0, 1000, f.now);
    f.Apply(StudyNext{});
  }
  REQUIRE_FALSE(study.Done());
  f.now += 3000;
  f.Apply(StudyChoose{study.Current()->answer});
  REQUIRE(study.Feedback());
  REQUIRE(study.Feedback()->correct);
  CHECK_FALSE(study.Feedback()->saidGuessed);
  const StudySummary before = study.Summary();
  f.Apply(StudySayGuessed{});
  CHECK(study.Feedback()->saidGuessed);
  CHECK(study.Feedback()->correct);
  CHECK(study.Summary().answered == before.answered); // the same answer, still right
  CHECK(study.Summary().correct == before.correct);
  f.Apply(StudyNext{});
  CHECK_FALSE(study.Feedback());
}

TEST_CASE("StudyOrder and StudyTypeYear answer ordering and typed-year questions", "[intents][study]") {
  IntentFixture f;
  f.Apply(StartQuiz{f.seedDeck, Quiz(QuizMode::Practice, {QuestionKind::Ordering})});
  REQUIRE(f.state.study);
  const Question& ordering = *f.state.study->session->Current();
  REQUIRE(ordering.kind == QuestionKind::Ordering);
  f.Apply(StudyOrder{ordering.order});
  REQUIRE(f.state.study->session->Feedback());
  CHECK(f.state.study->session->Feedback()->correct);

  f.Apply(StartQuiz{f.seedDeck, Quiz(QuizMode::Practice, {QuestionKind::TypedYear})});
  const Question& typed = *f.state.study->session->Current();
  REQUIRE(typed.kind == QuestionKind::TypedYear);
  f.Apply(StudyTypeYear{"1066"}); // no event of this deck is from 1066
  REQUIRE(f.state.study->session->Feedback());
  CHECK_FALSE(f.state.study->session->Feedback()->correct);
}

TEST_CASE("StudyGrade counts only after StudyReveal shows the card's back", "[intents][study]") {
  IntentFixture f;
  f.Apply(StartQuiz{f.seedDeck, Quiz(QuizMode::Practice, {QuestionKind::Flashcard})});
  REQUIRE(f.state.study);
  REQUIRE(f.state.study->session->Current()->kind == QuestionKind::Flashcard);
  f.Apply(StudyGrade{srs::Rating::Good});
  CHECK_FALSE(f.state.study->session->Feedback());
  f.Apply(StudyReveal{});
  CHECK(f.state.study->revealed);
  const std::uint64_t serial = f.state.study->shownSerial;
  f.Apply(StudyGrade{srs::Rating::Good});
  // The grade was the answer: the next card shows at once, with no feedback screen between.
  CHECK(f.state.study->session->Position() == 1);
  CHECK_FALSE(f.state.study->session->Feedback());
  CHECK(f.state.study->shownSerial > serial);
  CHECK_FALSE(f.state.study->revealed);
}

TEST_CASE("an exam moves on by itself and StudyTick ends it when time runs out", "[intents][study]") {
  IntentFixture f;
  QuizOptions exam = Quiz(QuizMode::Exam, {QuestionKind::MultipleChoice, QuestionKind::When}, 4);
  exam.timeLimitSeconds = 60;
  f.Apply(StartQuiz{f.seedDeck, exam});
  REQUIRE(f.state.study);
  REQUIRE(f.state.study->quiz);
  const QuestionRun& run = *f.state.study->session;
  const std::uint64_t serial = f.state.study->shownSerial;
  f.Apply(StudyChoose{run.Current()->answer});
  CHECK(run.Position() == 1);
  CHECK_FALSE(run.Feedback()); // no feedback in an exam
  CHECK(f.state.study->shownSerial > serial);
  // Back to the first question, flagged for review; a new question is shown each time.
  const std::uint64_t before = f.state.study->shownSerial;
  f.Apply(ExamGoTo{0});
  CHECK(run.Position() == 0);
  CHECK(f.state.study->shownSerial > before);
  f.Apply(ExamFlag{});
  CHECK(f.state.study->quiz->Flagged(0));
  f.Apply(ExamGoTo{99}); // no such question: nothing moves
  CHECK(run.Position() == 0);
  f.now += 30000;
  f.Apply(StudyTick{});
  CHECK_FALSE(run.Done());
  f.now += 31000;
  f.Apply(StudyTick{});
  CHECK(run.Done());
}

TEST_CASE("ExportQuizReport writes the exam's report once and never over an existing file", "[intents][study]") {
  IntentFixture f;
  f.Apply(StartQuiz{f.seedDeck, Quiz(QuizMode::Exam, {QuestionKind::MultipleChoice}, 2)});
  REQUIRE(f.state.study);
  f.Apply(StudyChoose{0});
  f.Apply(StudyChoose{0});
  CHECK_FALSE(f.state.study->session->Done()); // answered, not yet handed in
  f.Apply(ExamHandIn{});
  REQUIRE(f.state.study->session->Done());
  f.Apply(ExportQuizReport{true});
  f.Apply(ExportQuizReport{false});
  const auto reports = f.dir.Path() / "reports";
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(reports)) {
    ++files;
    CHECK(entry.path().filename().string().rfind("exam-german-soviet-military-cooperation-", 0) == 0);
  }
  CHECK(files == 2);
  REQUIRE(f.state.confirmations.size() == 2); // "Report saved", "Answers saved": done, not warnings
  CHECK(f.state.confirmations[0].find(" saved: ") != std::string::npos);
  CHECK(f.state.notices.empty());
  const auto written = std::filesystem::last_write_time(*std::filesystem::directory_iterator(reports));
  f.Apply(ExportQuizReport{true}); // same second: the same name
  REQUIRE(f.state.notices.size() == 1);
  CHECK(f.state.notices[0].find("already exists") != std::string::npos);
  CHECK(std::filesystem::last_write_time(*std::filesystem::directory_iterator(reports)) == written);
}

TEST_CASE("answers without a run in progress change nothing", "[intents][study]") {
  IntentFixture f;
  f.Apply(StudyChoose{0});
  f.Apply(StudyOrder{{0, 1, 2}});
  f.Apply(StudyTypeYear{"1922"});
  f.Apply(StudyReveal{});
  f.Apply(StudyGrade{srs::Rating::Easy});
  f.Apply(StudyNext{});
  f.Apply(StudyTick{});
  f.Apply(ExportQuizReport{true});
  CHECK_FALSE(f.state.study);
  CHECK(f.state.screen == Screen::Home);
  CHECK_FALSE(std::filesystem::exists(f.dir.Path() / "reports"));
}

TEST_CASE("StudyChooseAll answers a select-all question with every option marked: all right ones, or it is wrong",
          "[intents][study][choice]") {
  const std::filesystem::path quiz = std::filesystem::path(FACTDECK_SOURCE_DIR) / "tests/data/quiz-numbered.csv";
  IntentFixture f(quiz);
  f.Apply(StartQuiz{f.DeckFrom(quiz), Quiz(QuizMode::Practice, {QuestionKind::MultipleChoice}, 20)});
  REQUIRE(f.state.study);
  const QuestionRun& run = *f.state.study->session;
  int selectAll = 0;
  while (!run.Done()) {
    const Question& q = *run.Current();
    if (SelectAll(q)) {
      REQUIRE(q.answers.size() >= 2);
      // The first: one right option short is wrong; the others: every right one is right.
      std::vector<int> marked = q.answers;
      if (selectAll++ == 0) marked.pop_back();
      f.Apply(StudyChooseAll{marked});
      REQUIRE(run.Feedback());
      CHECK(run.Feedback()->correct == (selectAll > 1));
      CHECK(f.state.study->chosen == marked);
      f.Apply(StudyChooseAll{q.answers}); // a second answer changes nothing
      CHECK(f.state.study->chosen == marked);
    } else {
      f.Apply(StudyChoose{q.answer});
    }
    f.Apply(StudyNext{});
  }
  CHECK(selectAll >= 2);
}

TEST_CASE("ReportQuestion keeps the report for the deck's author: study sets the question aside, an exam notes it",
          "[intents][study]") {
  IntentFixture f;
  f.Apply(StartStudy{f.seedDeck});
  REQUIRE(f.state.study);
  const Question reported = *f.state.study->session->Current();
  f.Apply(ReportQuestion{ReportReason::TwoRight, "two options fit"});
  REQUIRE(f.state.confirmations.size() == 1);
  CHECK_THAT(f.state.confirmations[0], Catch::Contains("set aside"));
  const auto reports = f.state.store->Reports(f.state.decks[f.seedDeck].id);
  REQUIRE(reports.size() == 1);
  CHECK(reports[0].prompt == reported.prompt);
  CHECK(reports[0].item == reported.card);
  CHECK(reports[0].reason == ReportReason::TwoRight);
  CHECK(reports[0].note == "two options fit");
  CHECK(reports[0].mode == "study");
  // Set aside: the question on the screen now is another.
  REQUIRE(f.state.study->session->Current());
  CHECK(f.state.study->session->Current()->card != reported.card);

  f.Apply(StartQuiz{f.seedDeck, Quiz(QuizMode::Exam, {QuestionKind::MultipleChoice})});
  const Question examQuestion = *f.state.study->session->Current();
  f.Apply(ReportQuestion{ReportReason::Wrong, ""});
  REQUIRE_FALSE(f.state.confirmations.empty());
  CHECK_THAT(f.state.confirmations.back(), Catch::Contains("listed in the report"));
  CHECK(f.state.study->session->Current()->prompt == examQuestion.prompt); // the exam keeps it
  CHECK(f.state.store->Reports(f.state.decks[f.seedDeck].id).size() == 2);

  // Without a store nothing is kept, and the learner is told.
  f.state.store.reset();
  f.Apply(ReportQuestion{ReportReason::Wrong, ""});
  REQUIRE_FALSE(f.state.notices.empty());
  CHECK_THAT(f.state.notices.back(), Catch::Contains("not kept"));
}
