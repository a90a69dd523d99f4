// The study screen, driven through the real window with keys and clicks.
#include <GLFW/glfw3.h>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "harness.h"
#include "support/process.h"
#include "core/base/sqlite_db.h"
#include "support/temp_dir.h"

using namespace factdeck;
using test::SeedDeckIndex;
using test::UiHarness;

namespace {

std::int64_t Reviews(UiHarness& ui) {
  sql::Database db(ui.State().store->File().string(), sql::Database::Mode::ReadOnly);
  return db.QueryInt("SELECT COUNT(*) FROM review").value_or(-1);
}

// Answers the current question the right way, with the keys a learner would press. False
// when the run has moved on by itself (a flashcard's grade is its answer: no feedback
// follows), true when the feedback is showing.
bool AnswerRight(UiHarness& ui) {
  const QuestionRun& run = *ui.State().study->session;
  const Question& q = *run.Current();
  switch (q.kind) {
  case QuestionKind::Flashcard: {
    ui.Frames(1);
    CHECK(ui.Has("study/reveal"));
    ui.PressKey(GLFW_KEY_SPACE);
    REQUIRE(ui.State().study->revealed);
    CHECK(ui.Has("study/grade/3"));
    const size_t position = run.Position();
    ui.PressKey(GLFW_KEY_3);
    CHECK_FALSE(run.Feedback());
    CHECK((run.Position() == position + 1 || run.Done()));
    return false;
  }
  case QuestionKind::TypedYear:
    ui.TypeText(q.answerText);
    ui.PressKey(GLFW_KEY_ENTER);
    break;
  case QuestionKind::Ordering: {
    // Move each event into place with its number key and the arrow keys.
    for (size_t place = 0; place < q.order.size(); ++place) {
      const auto& order = ui.Widgets().study.order;
      const size_t at = static_cast<size_t>(std::find(order.begin(), order.end(), q.order[place]) - order.begin());
      ui.PressKey(GLFW_KEY_1 + static_cast<int>(at));
      for (size_t step = at; step > place; --step)
        ui.PressKey(GLFW_KEY_UP);
    }
    ui.PressKey(GLFW_KEY_ENTER);
    break;
  }
  default: ui.PressKey(GLFW_KEY_1 + q.answer);
  }
  return true;
}

} // namespace

TEST_CASE("studying a deck from the keyboard: every answer saved, right ones marked right", "[ui][study]") {
  UiHarness ui(1280, 800);
  REQUIRE(ui.State().store);
  ui.Click("home/deck/" + std::to_string(SeedDeckIndex(ui)) + "/study");
  REQUIRE(ui.State().screen == Screen::Study);
  REQUIRE(ui.State().study);
  QuestionRun& session = *ui.State().study->session;
  REQUIRE(ui.State().study->study->Queued() == 20); // today's new cards
  CHECK(ui.Has("study/prompt"));
  ui.SaveScreenshot("study-question");

  std::set<QuestionKind> kinds;
  for (int n = 0; n < 8; ++n) {
    kinds.insert(session.Current()->kind);
    INFO("kind " << QuestionKindName(session.Current()->kind) << ": " << session.Current()->prompt);
    const std::int64_t before = Reviews(ui);
    const bool waits = AnswerRight(ui);
    REQUIRE(ui.State().screen == Screen::Study);
    CHECK(Reviews(ui) > before);
    if (!waits) continue; // a flashcard: graded and gone
    REQUIRE(session.Feedback());
    CHECK(session.Feedback()->correct);
    CHECK(Reviews(ui) > before); // saved before the feedback shows
    CHECK(ui.Has("study/verdict"));
    if (n == 0) ui.SaveScreenshot("study-feedback");
    ui.PressKey(GLFW_KEY_SPACE);
    INFO("position " << session.Position() << " of " << session.Total() << ", done " << session.Done());
    REQUIRE(ui.State().screen == Screen::Study);
  }
  CHECK(kinds.size() >= 4);

  // A wrong answer is marked, with the right one shown.
  auto chooses = [](QuestionKind k) {
    return k == QuestionKind::MultipleChoice || k == QuestionKind::MultipleChoiceReverse || k == QuestionKind::When;
  };
  while (!chooses(session.Current()->kind)) {
    if (AnswerRight(ui)) ui.PressKey(GLFW_KEY_SPACE);
  }
  const int wrong = (session.Current()->answer + 1) % 4;
  ui.Click("study/option/" + std::to_string(wrong));
  REQUIRE(session.Feedback());
  CHECK_FALSE(session.Feedback()->correct);
  ui.SaveScreenshot("study-wrong");

  // Esc leaves; the home screen now counts the deck's cards in learning.
  ui.PressKey(GLFW_KEY_ESCAPE);
  CHECK(ui.State().screen == Screen::Home);
  bool counted = false;
  for (const DeckProgress& p : ui.State().progress)
    counted = counted || (p.deck == "german-soviet-military-cooperation" && p.learning > 0);
  CHECK(counted);
}

TEST_CASE("the stats screen charts what was studied", "[ui][stats]") {
  UiHarness ui(1280, 900);
  ui.Click("home/deck/" + std::to_string(SeedDeckIndex(ui)) + "/study");
  QuestionRun& session = *ui.State().study->session;
  int severalCards = 0; // answers that review several events' cards
  while (!session.Done()) {
    severalCards += session.Current()->items.size() > 1;
    if (AnswerRight(ui)) ui.PressKey(GLFW_KEY_SPACE);
  }
  const int answered = ui.State().study->study->Summary().answered;
  REQUIRE(severalCards > 0);
  CHECK(answered >= 20);       // new cards answered Good come back for their next learning step
  ui.PressKey(GLFW_KEY_SPACE); // leave the summary
  REQUIRE(ui.State().screen == Screen::Home);
  ui.Click("home/stats");
  REQUIRE(ui.State().screen == Screen::Stats);
  REQUIRE(ui.State().stats);
  const StatsView& v = *ui.State().stats;
  CHECK(v.totals.answersToday == answered); // one answer each, orderings too
  CHECK(v.totals.cardReviewsToday > v.totals.answersToday);
  REQUIRE(v.sessions.size() == 1);
  CHECK(v.sessions[0].questions == answered);
  CHECK(v.sessions[0].score == 100);
  CHECK_FALSE(v.tags.empty());
  for (const char* chart : {"stats/calendar", "stats/forecast", "stats/retention", "stats/tags"})
    CHECK(ui.Has(chart));
  // Hovering today's square in the calendar shows its count.
  ui.MoveMouse(ImVec2(ui.Item("stats/calendar").max.x - 8, ui.Item("stats/calendar").min.y + 6));
  ui.SaveScreenshot("stats");
}

TEST_CASE("practice and exam from the home screen: set up, answer by keys, score, report saved", "[ui][quiz]") {
  UiHarness ui(1280, 900);
  const std::string deck = "home/deck/" + std::to_string(SeedDeckIndex(ui));
  ui.Widgets().home.count = 4;
  ui.Click(deck + "/practice");
  REQUIRE(ui.Has("home/practice/start"));
  ui.Click("home/practice/start");
  REQUIRE(ui.State().screen == Screen::Study);
  REQUIRE(ui.State().study->quiz);
  QuestionRun& practice = *ui.State().study->session;
  REQUIRE(practice.Total() == 4);
  while (!practice.Done()) {
    if (!AnswerRight(ui)) continue;
    REQUIRE(practice.Feedback());
    CHECK(practice.Feedback()->points >= 100);
    ui.PressKey(GLFW_KEY_SPACE);
  }
  CHECK(ui.State().study->quiz->Score() == 100 + 150 + 200 + 250);
  CHECK(ui.Has("study/score"));
  ui.SaveScreenshot("practice-summary");
  ui.Click("study/done");

  ui.Click(deck + "/exam");
  ui.Click("home/exam/start");
  QuestionRun& exam = *ui.State().study->session;
  QuizSession& quiz = *ui.State().study->quiz;
  REQUIRE(exam.Total() == 4);
  CHECK(ui.Has("study/timer"));
  // The first answered wrong, the rest right; then back to the first by its number, flagged,
  // and changed; the last one left unanswered.
  const Question& first = *exam.Current();
  const bool firstHasOptions = !first.options.empty() && first.kind != QuestionKind::Ordering;
  if (firstHasOptions)
    ui.PressKey(GLFW_KEY_1 + (first.answer + 1) % static_cast<int>(first.options.size()));
  else
    AnswerRight(ui);
  REQUIRE(quiz.Draft(0));
  CHECK(exam.Position() == 1);
  for (int n = 0; n < 2; ++n) {
    REQUIRE_FALSE(exam.Feedback());
    AnswerRight(ui);
  }
  CHECK(quiz.Unanswered() == 1);
  ui.Click("exam/question/0");
  CHECK(exam.Position() == 0);
  ui.Click("exam/flag");
  CHECK(quiz.Flagged(0));
  ui.SaveScreenshot("exam-navigator");
  AnswerRight(ui); // changed to the right answer
  ui.Click("exam/hand-in");
  REQUIRE(ui.Has("exam/hand-in/confirm"));
  ui.SaveScreenshot("exam-hand-in");
  ui.Click("exam/hand-in/confirm");
  REQUIRE(exam.Done());
  CHECK(quiz.Right() == 3);
  ui.Frames(2);
  CHECK(ui.Has("study/not-answered")); // the report says one was not answered, not a mistake
  CHECK_FALSE(ui.Has("study/mistakes"));
  ui.Frames(2);
  CHECK(ui.Has("study/by-tag"));
  ui.SaveScreenshot("exam-report");
  ui.Click("study/export-html");
  bool saved = false;
  for (const auto& entry : std::filesystem::directory_iterator(ui.DataDir() / "reports"))
    saved = saved || entry.path().extension() == ".html";
  CHECK(saved);
}

TEST_CASE("the timeline game is played with the arrow keys and Enter", "[ui][timeline]") {
  UiHarness ui(1280, 900);
  ui.Click("home/deck/" + std::to_string(SeedDeckIndex(ui)) + "/timeline");
  REQUIRE(ui.State().screen == Screen::Timeline);
  TimelineGame& game = *ui.State().timeline->game;
  const Deck& deck = game.GetDeck();
  for (int round = 0; round < 4; ++round) {
    const Event& e = deck.events[*game.Current()];
    size_t slot = 0;
    for (size_t placed : game.Timeline())
      slot += deck.events[placed].date.LastDay() < e.date.FirstDay() ? 1 : 0;
    while (ui.Widgets().timeline.slot > slot)
      ui.PressKey(GLFW_KEY_UP);
    while (ui.Widgets().timeline.slot < slot)
      ui.PressKey(GLFW_KEY_DOWN);
    ui.PressKey(GLFW_KEY_ENTER);
    REQUIRE(game.Last());
    CHECK(game.Last()->right);
  }
  CHECK(game.Score() == 4);
  CHECK(ui.Has("timeline/last"));
  ui.SaveScreenshot("timeline");
  ui.Click("timeline/slot/0"); // a click places too
  CHECK(game.Timeline().size() == 6);
}

TEST_CASE("an ordering item dragged with the mouse moves to where it is dropped", "[ui][ordering]") {
  UiHarness ui(1280, 900);
  ui.Widgets().home.count = 1;
  ui.Widgets().home.kinds = {false, false, false, false, true, false, false}; // ordering only
  ui.Click("home/deck/" + std::to_string(SeedDeckIndex(ui)) + "/practice");
  ui.Click("home/practice/start");
  REQUIRE(ui.State().study);
  const Question& q = *ui.State().study->session->Current();
  REQUIRE(q.kind == QuestionKind::Ordering);
  const std::vector<int> before = ui.Widgets().study.order;
  // Drag the last item onto the first place.
  const size_t last = before.size() - 1;
  ui.Drag(ui.Item("study/order/" + std::to_string(last)).Center(), ui.Item("study/order/0").Center());
  const std::vector<int>& after = ui.Widgets().study.order;
  REQUIRE(after.size() == before.size());
  CHECK(after[0] == before[last]);
  CHECK(after[1] == before[0]);
  // Then Enter submits it, and the result marks each place.
  ui.PressKey(GLFW_KEY_ENTER);
  REQUIRE(ui.State().study->session->Feedback());
  ui.SaveScreenshot("ordering-feedback");
}

TEST_CASE("end to end: a new learner studies 20 cards, quits, and the next day's queue is right", "[ui][e2e]") {
  test::TempDir data;
  srs::TimeMs now = 1767268800000;  // 2026-01-01T12:00:00Z
  std::vector<std::string> studied; // card keys answered on the first day
  {
    UiHarness ui(1280, 900, data.Path());
    ui.State().clock = [&now] { return now; };
    ui.Click("home/deck/" + std::to_string(SeedDeckIndex(ui)) + "/study");
    QuestionRun& session = *ui.State().study->session;
    REQUIRE(ui.State().study->study->Queued() == 20);
    bool dragged = false, clicked = false;
    while (!session.Done()) {
      now += 15000;
      const Question& q = *session.Current();
      studied.push_back(q.card + "/" + QuestionKindName(CardKind(q)));
      if (q.kind == QuestionKind::Ordering && !dragged) {
        // One drag-and-drop: the earliest event dragged to the top, the rest by keys.
        const auto& order = ui.Widgets().study.order;
        const size_t at = static_cast<size_t>(std::find(order.begin(), order.end(), q.order[0]) - order.begin());
        if (at != 0) ui.Drag(ui.Item("study/order/" + std::to_string(at)).Center(), ui.Item("study/order/0").Center());
        CHECK(ui.Widgets().study.order[0] == q.order[0]);
        dragged = true;
        AnswerRight(ui);
      } else if (!clicked && (q.kind == QuestionKind::MultipleChoice || q.kind == QuestionKind::When)) {
        ui.Click("study/option/" + std::to_string(q.answer));
        clicked = true;
      } else if (!AnswerRight(ui)) {
        continue; // a flashcard: graded and gone
      }
      REQUIRE(session.Feedback());
      CHECK(session.Feedback()->correct);
      ui.PressKey(GLFW_KEY_SPACE);
    }
    CHECK(dragged);
    CHECK(clicked);
    ui.PressKey(GLFW_KEY_SPACE); // the summary's "back to the decks"
    CHECK(ui.State().screen == Screen::Home);
  } // quit: the window closes, the store with it

  // The next day: yesterday's cards are due (learning steps long past), and 20 new ones.
  now += srs::kDayMs;
  UiHarness ui(1280, 900, data.Path());
  ui.State().clock = [&now] { return now; };
  REQUIRE(ui.State().store);
  const auto cards = ui.State().store->Cards(ui.State().profile, "german-soviet-military-cooperation");
  size_t due = 0;
  for (const StoredCard& c : cards)
    due += c.memory.due <= now + srs::kDayMs ? 1 : 0;
  CHECK(cards.size() >= 20);
  CHECK(due > 0);
  ui.Click("home/deck/" + std::to_string(SeedDeckIndex(ui)) + "/study");
  QuestionRun& next = *ui.State().study->session;
  size_t fresh = 0, again = 0;
  const size_t queued = ui.State().study->study->Queued(); // what comes back for a step comes after these
  for (size_t i = 0; i < queued; ++i) {
    const Question& q = *next.Current();
    bool stored = false;
    for (const StoredCard& c : cards)
      stored = stored || (c.kind == CardKind(q) && c.item == q.card); // (asked from memory: the card's own kind)
    bool seen =
        std::find(studied.begin(), studied.end(), q.card + "/" + QuestionKindName(CardKind(q))) != studied.end();
    // A card met again is one of yesterday's, or a sibling event an ordering touched.
    CHECK((seen || !stored || CardKind(q) == QuestionKind::Ordering || CardKind(q) == QuestionKind::WhichFirst));
    seen = stored;
    (seen ? again : fresh) += 1;
    now += 10000;
    if (AnswerRight(ui)) ui.PressKey(GLFW_KEY_SPACE);
  }
  CHECK(fresh == 20); // today's new cards
  CHECK(again >= 1);  // and yesterday's, due again
  CHECK(again <= due);
}

TEST_CASE("end to end: a timeline game played to game over", "[ui][e2e]") {
  UiHarness ui(1280, 900);
  ui.Click("home/deck/" + std::to_string(SeedDeckIndex(ui)) + "/timeline");
  TimelineGame& game = *ui.State().timeline->game;
  const Deck& deck = game.GetDeck();
  int placements = 0;
  while (!game.Over() && placements++ < 100) {
    const Event& e = deck.events[*game.Current()];
    size_t right = 0;
    for (size_t placed : game.Timeline())
      right += deck.events[placed].date.LastDay() < e.date.FirstDay() ? 1 : 0;
    // Right twice, then wrong every time.
    const size_t slot = placements <= 2 ? right : (right == 0 ? game.Timeline().size() : 0);
    ui.Click("timeline/slot/" + std::to_string(slot));
  }
  CHECK(game.Over());
  CHECK(game.Lives() == 0);
  CHECK(game.Score() == 2);
  CHECK(ui.Has("timeline/over"));
  ui.SaveScreenshot("timeline-over");
  ui.PressKey(GLFW_KEY_ENTER);
  CHECK(ui.State().screen == Screen::Home);
}

TEST_CASE("without a mouse: the home screen's keyboard navigation reaches Study", "[ui][keyboard]") {
  UiHarness ui(1280, 800);
  // Arrow keys move ImGui's keyboard focus from item to item; Space presses the focused one.
  bool reached = false;
  for (int step = 0; step < 30 && !reached; ++step) {
    ui.PressKey(GLFW_KEY_DOWN);
    ui.PressKey(GLFW_KEY_SPACE);
    if (ui.State().screen == Screen::Study)
      reached = true;
    else if (ui.State().screen != Screen::Home)
      ui.PressKey(GLFW_KEY_ESCAPE); // another screen: back, go on
  }
  CHECK(reached);
}

TEST_CASE("a 3-team buzzer match run from the keyboard: penalty, steal, leaderboard, podium, saved",
          "[ui][classroom]") {
  UiHarness ui(1280, 900);
  srs::TimeMs now = 1767268800000;
  ui.State().clock = [&now] { return now; };
  ui.Click("home/deck/" + std::to_string(SeedDeckIndex(ui)) + "/classroom");
  REQUIRE(ui.State().screen == Screen::Classroom);
  ui.Widgets().classroom.questions = 3;
  ui.SaveScreenshot("classroom-setup");
  ui.PressKey(GLFW_KEY_ENTER);
  REQUIRE(ui.State().classroom->match);
  ClassroomMatch& match = *ui.State().classroom->match;
  REQUIRE(match.QuestionCount() == 3);
  REQUIRE(match.Teams().size() == 3);

  // Question 1: team 1 (key Q) buzzes too early; team 2 (P) buzzes and answers wrong; team 3 (Z) steals.
  ui.PressKey('Q');
  CHECK(match.Teams()[0].score == -kEarlyBuzzPenalty);
  now += 3000;
  ui.Frames(2);
  CHECK(match.GetPhase() == ClassroomMatch::Phase::Answering);
  ui.SaveScreenshot("classroom-question");
  now += 2000;
  ui.PressKey('P');
  REQUIRE(match.Answering() == 1u);
  ui.PressKey(GLFW_KEY_1 + (match.Current()->answer + 1) % static_cast<int>(match.Current()->options.size()));
  CHECK(match.LockedOut(1));
  now += 1000;
  ui.PressKey('Z');
  REQUIRE(match.Answering() == 2u);
  ui.PressKey(GLFW_KEY_1 + match.Current()->answer);
  CHECK(match.GetPhase() == ClassroomMatch::Phase::Revealed);
  CHECK(match.Teams()[2].score > 0);
  ui.PressKey(GLFW_KEY_SPACE); // the leaderboard
  CHECK(ui.Has("classroom/leaderboard"));
  ui.PressKey(GLFW_KEY_SPACE); // question 2

  // Questions 2 and 3: team 1 buzzes first and is right.
  for (int q = 0; q < 2; ++q) {
    now += 3000;
    ui.Frames(2);
    now += 1500;
    ui.PressKey('Q');
    REQUIRE(match.Answering() == 0u);
    ui.PressKey(GLFW_KEY_1 + match.Current()->answer);
    if (q == 0) {
      ui.PressKey(GLFW_KEY_SPACE);
      ui.Frames(3);
      ui.SaveScreenshot("leaderboard");
    }
    ui.PressKey(GLFW_KEY_SPACE);
  }
  REQUIRE(match.GetPhase() == ClassroomMatch::Phase::Finished);
  CHECK(ui.Has("classroom/podium"));
  ui.SaveScreenshot("podium");
  const auto ranking = match.Ranking();
  CHECK(ranking.front() == 0u); // two fast right answers beat one steal, penalty or not
  CHECK(match.RankOf(1) == 3);  // never right
  // Saved with every answer.
  auto matches = ui.State().store->Matches();
  REQUIRE(matches.size() == 1);
  CHECK(matches[0].mode == "buzzer");
  REQUIRE(matches[0].players.size() == 3);
  CHECK(matches[0].players[0].name == "Team 1");
  CHECK(matches[0].players[0].rank == 1);
  sql::Database db(ui.State().store->File().string(), sql::Database::Mode::ReadOnly);
  CHECK(db.QueryInt("SELECT COUNT(*) FROM match_answer").value_or(0) == 4);
  ui.Click("classroom/export");
  CHECK_THAT(ui.State().confirmations.back(), Catch::Contains("Results saved"));
}

TEST_CASE("a term list plays as a classroom match, and a deck with nothing to ask says why", "[ui][classroom][cards]") {
  test::TempDir dir;
  const auto capitals = std::filesystem::path(FACTDECK_SOURCE_DIR) / "tests/data/capitals.csv";
  {
    UiHarness ui(1280, 900, {}, capitals);
    srs::TimeMs now = 1767268800000;
    ui.State().clock = [&now] { return now; };
    REQUIRE(ui.State().decks[0].summary.cards > 60);
    ui.Click("home/deck/0/classroom");
    REQUIRE(ui.State().screen == Screen::Classroom);
    const auto& counts = ui.State().classroom->kindCounts;
    REQUIRE(counts.size() == std::size(kClassroomKinds));
    for (size_t k = 0; k < counts.size(); ++k) {
      INFO(QuestionKindName(kClassroomKinds[k]));
      const bool choice = kClassroomKinds[k] == QuestionKind::MultipleChoice ||
                          kClassroomKinds[k] == QuestionKind::MultipleChoiceReverse;
      CHECK((counts[k] > 0) == choice); // a term list has no dated events
    }
    CHECK_FALSE(ui.Has("classroom/nothing-to-ask"));
    ui.Widgets().classroom.questions = 4;
    ui.SaveScreenshot("classroom-setup-term-list");
    ui.PressKey(GLFW_KEY_ENTER);
    REQUIRE(ui.State().classroom->match);
    ClassroomMatch& match = *ui.State().classroom->match;
    REQUIRE(match.QuestionCount() == 4);
    now += 3000;
    ui.Frames(2);
    REQUIRE(match.Current());
    CHECK((match.Current()->kind == QuestionKind::MultipleChoice ||
           match.Current()->kind == QuestionKind::MultipleChoiceReverse));
    CHECK(match.Current()->options.size() == 4);
    ui.SaveScreenshot("classroom-term-list-question");
  } // one window at a time

  // Three cards cannot make a four-option question: the set-up says so and starts nothing.
  const auto few = dir / "few.csv";
  std::ofstream(few) << "front,back\nParis,France\nRome,Italy\nMadrid,Spain\n";
  UiHarness small(1280, 900, {}, few);
  small.Click("home/deck/0/classroom");
  REQUIRE(small.State().screen == Screen::Classroom);
  REQUIRE(small.Has("classroom/nothing-to-ask"));
  small.PressKey(GLFW_KEY_ENTER);
  small.State().Post(StartMatch{small.Widgets().classroom.ToSetup()});
  small.Frames(2);
  CHECK_FALSE(small.State().classroom->match);
  CHECK_THAT(small.State().classroom->setupMessage, Catch::Contains("No ") && Catch::Contains("3 cards"));
  small.SaveScreenshot("classroom-nothing-to-ask");
  // Practice can still ask them as flashcards: its set-up offers that kind alone.
  small.PressKey(GLFW_KEY_ESCAPE);
  small.Click("home/deck/0/practice");
  small.Frames(2);
  REQUIRE(small.Has("home/practice/start"));
  CHECK_FALSE(small.Has("home/practice/nothing-to-ask"));
  const auto& kinds = AllQuestionKinds();
  const auto& counts = small.State().decks[0].kindCounts;
  REQUIRE(counts.size() == kinds.size());
  for (size_t k = 0; k < kinds.size(); ++k)
    CHECK((counts[k] > 0) == (kinds[k] == QuestionKind::Flashcard));
  small.SaveScreenshot("practice-setup-three-cards");
}

TEST_CASE("a teacher's quiz spreadsheet in either layout plays as a classroom match, select-all questions too",
          "[ui][classroom][choice]") {
  for (const char* file : {"quiz-numbered.csv", "quiz-correct-incorrect.csv"}) {
    INFO(file);
    const std::string layout = std::filesystem::path(file).stem().string();
    UiHarness ui(1280, 900, {}, std::filesystem::path(FACTDECK_SOURCE_DIR) / "tests/data" / file);
    srs::TimeMs now = 1767268800000;
    ui.State().clock = [&now] { return now; };
    REQUIRE(ui.State().decks[0].summary.choices == 20);
    ui.Click("home/deck/0/classroom");
    REQUIRE(ui.State().screen == Screen::Classroom);
    CHECK_FALSE(ui.Has("classroom/nothing-to-ask"));
    ui.Widgets().classroom.questions = 20;
    ui.PressKey(GLFW_KEY_ENTER);
    REQUIRE(ui.State().classroom->match);
    ClassroomMatch& match = *ui.State().classroom->match;
    REQUIRE(match.QuestionCount() == 20);
    int selectAll = 0;
    for (size_t n = 0; n < 20; ++n) {
      now += 3000; // the question alone, then the tiles
      ui.Frames(2);
      REQUIRE(match.GetPhase() == ClassroomMatch::Phase::Answering);
      const Question& q = *match.Current();
      INFO(q.prompt);
      // The question's own time limit runs, not the match's 20 seconds.
      const double limit = q.seconds > 0 ? q.seconds : 20;
      CHECK(match.SecondsLeft(now) == Approx(limit).margin(0.01));
      ui.PressKey('Q');
      REQUIRE(match.Answering() == 0u);
      if (SelectAll(q)) {
        // Marked by a click and a key, then locked in; nothing is judged before that.
        ui.Click("classroom/tile/" + std::to_string(q.answers[0]));
        ui.PressKey(GLFW_KEY_1 + q.answers[1]);
        CHECK(ui.Widgets().classroom.marked.size() == 2);
        CHECK(match.GetPhase() == ClassroomMatch::Phase::Answering);
        if (selectAll++ == 0) ui.SaveScreenshot("classroom-select-all-" + layout);
        ui.Click("classroom/lock-in");
      } else {
        ui.PressKey(GLFW_KEY_1 + q.answer);
      }
      REQUIRE(match.GetPhase() == ClassroomMatch::Phase::Revealed);
      if (n == 0) ui.SaveScreenshot("classroom-spreadsheet-revealed-" + layout);
      ui.PressKey(GLFW_KEY_SPACE); // the leaderboard
      ui.PressKey(GLFW_KEY_SPACE); // the next question, or the podium
    }
    REQUIRE(match.GetPhase() == ClassroomMatch::Phase::Finished);
    CHECK(match.Teams()[0].right == 20);
    CHECK(selectAll == (layout == "quiz-numbered" ? 3 : 0));
    CHECK(ui.Has("classroom/podium"));
  }
}

TEST_CASE("practice on a quiz spreadsheet: a select-all question is answered by marking options, then Check",
          "[ui][quiz][choice]") {
  UiHarness ui(1280, 900, {}, std::filesystem::path(FACTDECK_SOURCE_DIR) / "tests/data/quiz-numbered.csv");
  ui.Widgets().home.count = 20;
  ui.Click("home/deck/0/practice");
  REQUIRE(ui.Has("home/practice/start"));
  ui.Click("home/practice/start");
  REQUIRE(ui.State().study);
  QuestionRun& practice = *ui.State().study->session;
  REQUIRE(practice.Total() == 20);
  int marked = 0;
  while (!practice.Done()) {
    const Question& q = *practice.Current();
    if (!SelectAll(q)) {
      AnswerRight(ui);
    } else if (marked++ == 0) {
      // First one wrong: only one of its right options marked.
      ui.Click("study/option/" + std::to_string(q.answers[0]));
      REQUIRE_FALSE(practice.Feedback());
      ui.Click("study/check");
      REQUIRE(practice.Feedback());
      CHECK_FALSE(practice.Feedback()->correct);
      ui.SaveScreenshot("practice-select-all-feedback");
    } else {
      ui.PressKey(GLFW_KEY_1 + q.answers[0]);
      ui.PressKey(GLFW_KEY_1 + q.answers[1]);
      ui.PressKey(GLFW_KEY_1 + q.answers[1]); // unmarked again
      ui.PressKey(GLFW_KEY_1 + q.answers[1]); // and marked
      ui.PressKey(GLFW_KEY_ENTER);
      REQUIRE(practice.Feedback());
      CHECK(practice.Feedback()->correct);
    }
    REQUIRE(practice.Feedback());
    ui.PressKey(GLFW_KEY_SPACE);
  }
  CHECK(marked == 3);
  CHECK(ui.State().study->quiz->Right() == 19);
}

TEST_CASE("study shows the questions left, counting down, and takes 'I guessed' (G) after a right answer",
          "[ui][study]") {
  UiHarness ui(1280, 800);
  srs::TimeMs now = 1767268800000;
  ui.State().clock = [&now] { return now; };
  ui.Click("home/deck/" + std::to_string(SeedDeckIndex(ui)) + "/study");
  REQUIRE(ui.State().study);
  const StudySession& study = *ui.State().study->study;
  const size_t total = study.Left();
  CHECK(total >= 20); // twenty new cards, some coming back for a learning step
  CHECK(ui.Has("study/left/" + std::to_string(total)));
  // Right answers count down one by one; the size stays.
  for (int n = 0; n < 3; ++n) {
    const size_t left = study.Left();
    now += 5000;
    if (AnswerRight(ui)) {
      ui.Frames(1);
      CHECK(study.Left() == left - 1);
      ui.PressKey(GLFW_KEY_SPACE);
    }
    ui.Frames(1);
    CHECK(ui.Has("study/left/" + std::to_string(study.Left())));
    CHECK(study.Total() <= total);
  }
  // The first multiple-choice question, answered right: "I guessed" is offered; G takes it.
  while (!study.Done() && (study.Current()->kind != QuestionKind::MultipleChoice || SelectAll(*study.Current()))) {
    now += 5000;
    if (AnswerRight(ui)) ui.PressKey(GLFW_KEY_SPACE);
  }
  REQUIRE_FALSE(study.Done());
  const Question q = *study.Current();
  now += 5000;
  REQUIRE(AnswerRight(ui));
  ui.Frames(1);
  REQUIRE(ui.Has("study/guessed-button"));
  ui.PressKey(GLFW_KEY_G);
  REQUIRE(study.Feedback());
  CHECK(study.Feedback()->saidGuessed);
  ui.Frames(1);
  CHECK(ui.Has("study/guessed"));
  CHECK_FALSE(ui.Has("study/guessed-button"));
  ui.SaveScreenshot("study-said-guessed");
  {
    sql::Database db(ui.State().store->File().string(), sql::Database::Mode::ReadOnly);
    CHECK(db.QueryInt("SELECT rating FROM review ORDER BY id DESC LIMIT 1") == 2); // Hard
  }
  const auto card = ui.State().store->Card(ui.State().profile, ui.State().study->deck->id, q.items[0], q.kind);
  REQUIRE(card);
  CHECK(card->lapses == 0);
  // A wrong answer offers no "I guessed".
  ui.PressKey(GLFW_KEY_SPACE);
  while (!study.Done() && (study.Current()->options.empty() || study.Current()->kind == QuestionKind::Ordering ||
                           SelectAll(*study.Current()))) {
    now += 5000;
    if (AnswerRight(ui)) ui.PressKey(GLFW_KEY_SPACE);
  }
  if (!study.Done()) {
    ui.PressKey(GLFW_KEY_1 + (study.Current()->answer + 1) % static_cast<int>(study.Current()->options.size()));
    ui.Frames(1);
    REQUIRE(study.Feedback());
    CHECK_FALSE(study.Feedback()->correct);
    CHECK_FALSE(ui.Has("study/guessed-button"));
  }
}

TEST_CASE("a card answered wrong comes back in the same session, and study more offers new cards at the end",
          "[ui][study]") {
  UiHarness ui(1280, 900);
  srs::TimeMs now = 1767268800000;
  ui.State().clock = [&now] { return now; };
  ui.Click("home/deck/" + std::to_string(SeedDeckIndex(ui)) + "/study");
  QuestionRun& session = *ui.State().study->session;
  REQUIRE(ui.State().study->study->Queued() == 20);
  // The first question with options that can also be asked from memory, answered wrong.
  while (!session.Current()->recallable) {
    now += 5000;
    if (AnswerRight(ui)) ui.PressKey(GLFW_KEY_SPACE);
  }
  const std::string missed = session.Current()->key;
  ui.PressKey(GLFW_KEY_1 + (session.Current()->answer + 1) % static_cast<int>(session.Current()->options.size()));
  REQUIRE(session.Feedback());
  CHECK_FALSE(session.Feedback()->correct);
  CHECK(session.Feedback()->addedToSession >= 1); // it will come back, and the feedback says so
  CHECK(ui.Has("study/added"));
  ui.PressKey(GLFW_KEY_SPACE);
  ui.Frames(1);
  CHECK(ui.Has("study/last-added")); // and the count, on the next question
  // A minute later (its first learning step) it is asked again, before the session ends.
  now += 61000;
  if (AnswerRight(ui)) ui.PressKey(GLFW_KEY_SPACE);
  REQUIRE_FALSE(session.Done());
  CHECK(session.Current()->key == missed);
  // In its learning step it is asked from memory: no options to guess from, the answer
  // shown on Space, then graded; the grade reviews the card it was made for.
  CHECK(session.Current()->recallOf);
  CHECK(session.Current()->options.empty());
  CHECK(ui.Has("study/from-memory"));
  CHECK(ui.Has("study/reveal"));
  ui.SaveScreenshot("study-card-comes-back");
  ui.PressKey(GLFW_KEY_SPACE);
  ui.Frames(1);
  ui.SaveScreenshot("study-card-comes-back-answer");
  CHECK(ui.Has("study/grade/3"));
  const size_t position = session.Position();
  ui.PressKey(GLFW_KEY_3); // Good: on at once, as after any flashcard
  CHECK((session.Position() == position + 1 || session.Done()));
  while (!session.Done()) {
    now += 5000;
    if (AnswerRight(ui)) ui.PressKey(GLFW_KEY_SPACE);
  }
  const StudySummary summary = ui.State().study->study->Summary();
  CHECK(summary.askedAgain >= 1);
  ui.Frames(2);
  CHECK(ui.Has("study/summary"));
  REQUIRE(ui.Has("study/more-new"));
  ui.SaveScreenshot("study-done-study-more");
  const size_t newLeft = ui.State().study->study->NewLeft();
  REQUIRE(newLeft > 10);
  ui.Click("study/more-new");
  REQUIRE(ui.State().study);
  // Ten more new cards beyond today's twenty (with any card still in its learning steps).
  // (an ordering answered at the end of the first session also met a few events' cards)
  CHECK(ui.State().study->study->NewLeft() <= newLeft - 10);
  CHECK(ui.State().study->study->NewLeft() + 40 >= newLeft);
  CHECK(ui.State().study->session->Total() >= 10);
  CHECK(ui.State().study->session->Position() == 0);
}

TEST_CASE("Esc in a classroom match asks before the match is lost, and a long team name wraps", "[ui][classroom]") {
  UiHarness ui(1280, 800);
  srs::TimeMs now = 1767268800000;
  ui.State().clock = [&now] { return now; };
  ui.Click("home/deck/" + std::to_string(SeedDeckIndex(ui)) + "/classroom");
  REQUIRE(ui.State().screen == Screen::Classroom);
  ui.Widgets().classroom.questions = 3;
  ui.Widgets().classroom.teamCount = 6;
  const std::string longName = "Newton Class of the Upper Sixth"; // as long as the field takes
  std::snprintf(ui.Widgets().classroom.names[0].data(), ui.Widgets().classroom.names[0].size(), "%s", longName.c_str());
  ui.PressKey(GLFW_KEY_ENTER);
  REQUIRE(ui.State().classroom->match);
  CHECK(ui.State().classroom->match->Teams()[0].team.name == longName);
  now += 3000;
  ui.Frames(2);
  // The name wraps inside its column: the first team's block ends before the second begins.
  CHECK(ui.Item("classroom/team/0").max.x <= ui.Item("classroom/team/1").min.x);
  auto height = [&](const char* name) { return ui.Item(name).max.y - ui.Item(name).min.y; };
  CHECK(height("classroom/team/0") > height("classroom/team/1"));
  ui.PressKey(GLFW_KEY_ESCAPE);
  CHECK(ui.State().screen == Screen::Classroom);
  CHECK(ui.Has("classroom/leave/confirm"));
  ui.SaveScreenshot("classroom-leave-asks");
  ui.PressKey(GLFW_KEY_ESCAPE); // Esc again: keep playing
  CHECK(ui.State().screen == Screen::Classroom);
  CHECK_FALSE(ui.Has("classroom/leave/confirm"));
  REQUIRE(ui.State().classroom->match);
  ui.Click("classroom/back");
  REQUIRE(ui.Has("classroom/leave/confirm"));
  ui.Click("classroom/leave/confirm");
  CHECK(ui.State().screen == Screen::Home);
}

TEST_CASE("projector mode from the classroom set-up is for matches: the set-up fits with it, the home screen keeps "
          "its look",
          "[ui][classroom]") {
  for (const auto& [width, height] : {std::pair{1280, 800}, std::pair{800, 600}}) {
    INFO(width << "x" << height);
    UiHarness ui(width, height);
    const ImVec2 corner(static_cast<float>(width) - 2, static_cast<float>(height) - 2); // over no button
    ui.MoveMouse(corner);
    ui.Frames(2);
    const float homeFont = ImGui::GetFontSize();
    const ui::Image homeBefore = ui.Screenshot();
    ui.Click("home/deck/" + std::to_string(SeedDeckIndex(ui)) + "/classroom");
    REQUIRE(ui.State().screen == Screen::Classroom);
    REQUIRE_FALSE(ui.State().ProjectorOn());
    ui.Click("classroom/projector");
    ui.Frames(3);
    CHECK(ui.State().ProjectorOn());
    CHECK(ui.State().settings.classroomProjector);
    CHECK_FALSE(ui.State().settings.projector); // not the whole app
    CHECK(ImGui::GetFontSize() > homeFont);     // larger type at once
    // Start, the live game and what Start will play stay on the screen, whole.
    for (const char* button : {"classroom/start", "classroom/live", "classroom/summary"}) {
      INFO(button);
      REQUIRE(ui.Has(button));
      const ui::ItemRect r = ui.Item(button);
      CHECK(r.min.x >= 0);
      CHECK(r.min.y >= 0);
      CHECK(r.max.x <= static_cast<float>(width));
      CHECK(r.max.y <= static_cast<float>(height));
    }
    ui.SaveScreenshot("classroom-setup-projector-" + std::to_string(width) + "x" + std::to_string(height));
    // A match starts in projector mode.
    ui.Click("classroom/start");
    REQUIRE(ui.State().classroom->match);
    CHECK(ui.State().ProjectorOn());
    // Back home: the home screen looks as it did.
    ui.Click("classroom/back");
    ui.Click("classroom/leave/confirm");
    if (ui.State().screen == Screen::Classroom) ui.Click("classroom/back"); // from the set-up
    REQUIRE(ui.State().screen == Screen::Home);
    ui.MoveMouse(corner);
    ui.Frames(3);
    CHECK_FALSE(ui.State().ProjectorOn());
    CHECK(ImGui::GetFontSize() == homeFont);
    const ui::Image homeAfter = ui.Screenshot();
    REQUIRE(homeAfter.rgba.size() == homeBefore.rgba.size());
    size_t changed = 0; // pixels that differ (compared whole: a vector this size is not printed)
    for (size_t i = 0; i < homeAfter.rgba.size(); i += 4)
      changed += !std::equal(homeAfter.rgba.begin() + static_cast<std::ptrdiff_t>(i),
                             homeAfter.rgba.begin() + static_cast<std::ptrdiff_t>(i + 4),
                             homeBefore.rgba.begin() + static_cast<std::ptrdiff_t>(i));
    CHECK(changed == 0);
    // And the classroom remembers it for the next match.
    ui.Click("home/deck/" + std::to_string(SeedDeckIndex(ui)) + "/classroom");
    ui.Frames(2);
    CHECK(ui.State().ProjectorOn());
  }
}

TEST_CASE("a question reported in study is set aside, kept for its author and listed by factdeck reports",
          "[ui][report]") {
  test::TempDir data;
  Question reported;
  {
    UiHarness ui(1280, 800, data.Path());
    ui.Click("home/deck/" + std::to_string(SeedDeckIndex(ui)) + "/study");
    QuestionRun& run = *ui.State().study->session;
    // A question with no text field first, so that R is a key and not a letter typed.
    while (run.Current()->kind == QuestionKind::TypedYear)
      if (AnswerRight(ui)) ui.PressKey(GLFW_KEY_SPACE);
    // R opens the report; Esc closes it and stays in the session.
    ui.PressKey(GLFW_KEY_R);
    REQUIRE(ui.Has("study/report/send"));
    ui.PressKey(GLFW_KEY_ESCAPE);
    CHECK(ui.State().screen == Screen::Study);
    CHECK_FALSE(ui.Has("study/report/send"));

    reported = *run.Current();
    const size_t total = ui.State().study->study->Queued();
    ui.Click("study/report");
    ui.Click("study/report/two-right");
    ui.Click("study/report/note");
    ui.TypeText("Тухачевский visited both");
    ui.SaveScreenshot("study-report");
    ui.Click("study/report/send");
    CHECK_FALSE(ui.Has("study/report/send"));
    // The session moved on without the reported card, and said so.
    REQUIRE(run.Current());
    CHECK(run.Current()->key != reported.key);
    CHECK(ui.State().study->study->Queued() == total - 1);
    REQUIRE(ui.State().confirmations.size() == 1);
    CHECK(ui.State().confirmations[0].find("set aside") != std::string::npos);
    const auto reports = ui.State().store->Reports();
    REQUIRE(reports.size() == 1);
    CHECK(reports[0].reason == ReportReason::TwoRight);
    CHECK(reports[0].note == "Тухачевский visited both");
    CHECK(reports[0].prompt == reported.prompt);
    CHECK(reports[0].mode == "study");
  } // quit

  const test::ProcessResult listed =
      test::RunProcess({FACTDECK_EXE, "--data-dir", data.Path().string(), "reports", "--json"});
  REQUIRE(listed.exitCode == 0);
  const auto json = nlohmann::json::parse(listed.out);
  REQUIRE(json.size() == 1);
  CHECK(json[0]["question"] == reported.prompt);
  CHECK(json[0]["reason"] == "two-right");
  CHECK(json[0]["note"] == "Тухачевский visited both");
  CHECK(json[0]["deck"] == "german-soviet-military-cooperation");
  CHECK(json[0]["options"].size() == reported.options.size());
  const test::ProcessResult text =
      test::RunProcess({FACTDECK_EXE, "--data-dir", data.Path().string(), "reports", "--deck", "another-deck"});
  CHECK(text.out.find("No questions reported in another-deck") != std::string::npos);
}

TEST_CASE("a question reported in an exam stays in the exam and is named in its report", "[ui][report]") {
  UiHarness ui(1280, 800);
  const size_t deck = SeedDeckIndex(ui);
  ui.Click("home/deck/" + std::to_string(deck) + "/exam");
  ui.Click("home/exam/start");
  QuestionRun& run = *ui.State().study->session;
  REQUIRE(ui.State().study->quiz);
  const std::string key = run.Current()->key;
  const size_t total = run.Total();
  ui.Click("study/report");
  ui.Click("study/report/wrong");
  ui.Click("study/report/send");
  CHECK(run.Current()->key == key); // still there, to answer
  CHECK(run.Total() == total);
  CHECK(ui.State().study->quiz->Reported().count(key) == 1);
  ui.Click("exam/hand-in");
  ui.Click("exam/hand-in/confirm");
  REQUIRE(run.Done());
  ui.Frames(2);
  CHECK(ui.Has("study/reported"));
}
