// Revising for an exam, through the real window: an exam planned from the home screen's
// form, its plan shown, the last days' revision asking the weakest cards first, and the plan
// read back after a restart.
#include <GLFW/glfw3.h>
#include <catch2/catch.hpp>

#include "harness.h"

using namespace factdeck;
using test::SeedDeckIndex;
using test::UiHarness;

TEST_CASE("an exam planned on the home screen shows its plan, revises the weakest first, and survives a restart",
          "[ui][exam]") {
  test::TempDir data;
  // A clock of the test's own: the questions a session builds take their seed from it.
  const srs::TimeMs now = 1767268800000; // 2026-01-01 12:00 UTC
  {
    UiHarness ui(1280, 800, data.Path());
    ui.State().clock = [now] { return now; };
    const size_t deck = SeedDeckIndex(ui);
    ui.Click("home/deck/" + std::to_string(deck) + "/plan-exam");
    ui.Frames(2);
    REQUIRE(ui.Has("home/plan-exam/when"));
    ui.Click("home/plan-exam/name");
    ui.TypeText("History test");
    ui.Click("home/plan-exam/when");
    ui.TypeText("2026-01-13");
    ui.SaveScreenshot("home-plan-exam-form");
    ui.Click("home/plan-exam/plan");
    ui.Frames(2);
    INFO((ui.State().notices.empty() ? "" : ui.State().notices.front()));
    REQUIRE(ui.State().exams.exams.size() == 1);
    const ExamView& view = ui.State().exams.exams[0];
    CHECK(view.exam.name == "History test");
    CHECK(view.exam.minutes == 30);
    CHECK(view.daysLeft == 12);
    CHECK(ui.Has("home/exam/0/summary"));
    CHECK(ui.Has("home/exam/0/chart"));
    CHECK_FALSE(ui.Has("home/exam/0/advice")); // 30 minutes a day is enough for this deck
    ui.SaveScreenshot("home-exam-plan");

    // Revise, weakest first: nothing is known yet, so the first card is the weakest's first.
    const ExamCard weakest = view.weakest.front();
    ui.Click("home/exam/0/revise");
    ui.Frames(2);
    REQUIRE(ui.State().screen == Screen::Study);
    REQUIRE(ui.State().study);
    const Question* q = ui.State().study->session->Current();
    REQUIRE(q);
    CHECK(q->card == weakest.item);
    CHECK(q->kind == weakest.kind);
    ui.PressKey(GLFW_KEY_ESCAPE);
    ui.Frames(2);
  }
  UiHarness again(800, 600, data.Path());
  again.State().clock = [now] { return now; };
  RefreshProgress(again.State());
  REQUIRE(again.State().exams.exams.size() == 1);
  CHECK(again.State().exams.exams[0].exam.name == "History test");
  again.Frames(2);
  CHECK(again.Has("home/exam/0/summary"));
  CHECK(again.Has("home/exam/0/study"));
  again.SaveScreenshot("home-exam-plan-800x600");
}
