// The memory model on the stats screen: fit the weights to the learner's answers, use them
// for study, and go back to the standard weights; too little history says how much more.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/app/reducer.h"
#include "harness.h"
#include "support/anki_package.h"
#include "support/imported_history.h"

using namespace factdeck;
using factdeck::test::ImportHistory;
using factdeck::test::UiHarness;

TEST_CASE("the stats screen fits the learner's weights, uses them for study, and goes back", "[ui][stats][srs]") {
  UiHarness ui(1280, 900);
  REQUIRE(ui.State().store);
  ProfileStore& store = *ui.State().store;
  const std::int64_t profile = ui.State().profile;

  // Too little history: the screen says so, with how many more answers are needed.
  ImportHistory(store, profile, 30);
  ui.Click("home/stats");
  REQUIRE(ui.State().screen == Screen::Stats);
  CHECK_FALSE(ui.State().stats->lastFit);
  ui.Click("stats/memory/fit-button");
  REQUIRE(ui.State().stats);
  CHECK_THAT(ui.State().stats->fitProblem, Catch::Contains("not enough review history") && Catch::Contains("more"));
  CHECK(ui.Has("stats/memory/problem"));
  CHECK_FALSE(ui.State().stats->lastFit);

  // Enough: a fit, shown, not yet in use.
  ImportHistory(store, profile, 100000);
  ui.Click("stats/memory/fit-button");
  REQUIRE(ui.State().stats->lastFit);
  const MemoryModelRecord fit = *ui.State().stats->lastFit;
  CHECK(ui.State().stats->fitProblem.empty());
  CHECK(fit.items > 5000);
  CHECK(fit.logLossAfter < fit.logLossBefore);
  CHECK(ui.Has("stats/memory/fit"));
  CHECK(ui.State().stats->importedReviews == store.ImportedReviewCount(profile));
  CHECK(ui.State().stats->importedReviews > 0);
  CHECK_FALSE(ui.State().stats->weightsInUse);
  CHECK(reducer::LearnerFsrsParameters(ui.State()).w == srs::kDefaultWeights);
  ui.SaveScreenshot("stats-memory-model");

  // Used: study schedules with them from now on.
  ui.Click("stats/memory/use");
  REQUIRE(ui.State().stats->weightsInUse);
  CHECK(*ui.State().stats->weightsInUse == fit.weights);
  CHECK(reducer::LearnerFsrsParameters(ui.State()).w == fit.weights);
  // Using them again does nothing: the button is off while they are in use.
  ui.Click("stats/memory/use");
  CHECK(*store.LearnerWeights(profile) == fit.weights);

  // Back to the standard weights.
  ui.Click("stats/memory/defaults");
  CHECK_FALSE(ui.State().stats->weightsInUse);
  CHECK_FALSE(store.LearnerWeights(profile));
  CHECK(reducer::LearnerFsrsParameters(ui.State()).w == srs::kDefaultWeights);
  CHECK(ui.State().stats->lastFit); // the fit stays on the screen, to be used again
}

TEST_CASE("an Anki package's history is offered on the home screen and brought in with one click",
          "[ui][anki][history]") {
  test::TempDir dir;
  // Two cards Anki scheduled, one of them due today; a third never shown.
  const srs::TimeMs now = srs::WallClockNow();
  const std::int64_t today = (now / 1000 - test::kAnkiCollectionCreated) / 86400;
  auto review = [](srs::TimeMs at, std::int64_t ivl) {
    test::AnkiReviewRow r;
    r.id = at;
    r.ivl = ivl;
    return r;
  };
  std::vector<test::AnkiSchedule> schedule(2);
  schedule[0] = {1, 0, 2, 2, today - 1, 2, 0, "", {review(now - 3 * srs::kDayMs, 2)}};
  schedule[1] = {2, 0, 2, 2, today + 5, 6, 0, "", {review(now - 2 * srs::kDayMs, 6)}};
  const auto package = dir / "Röhm and Bažanov.apkg";
  test::WriteAnkiPackage(package,
                         {{1, "basic", {"Who led the SA?", "Ernst Röhm"}},
                          {2, "basic", {"Тухачевский", "Tukhachevsky"}},
                          {3, "basic", {"Bažanov", "Boris Bazhanov"}}},
                         {}, test::AnkiFormat::Latest, schedule);
  UiHarness ui(1280, 800, {}, package);
  ui.Frames(2);
  REQUIRE(ui.State().decks[0].historyReviews == 2);
  REQUIRE(ui.Has("home/deck/0/bring-history"));
  for (const DeckProgress& p : ui.State().progress)
    CHECK(p.deck != ui.State().decks[0].id); // nothing studied of it yet
  ui.SaveScreenshot("home-anki-history-offered");

  ui.Click("home/deck/0/bring-history");
  ui.Frames(2);
  REQUIRE_FALSE(ui.State().confirmations.empty());
  CHECK_THAT(ui.State().confirmations.back(), Catch::StartsWith("Brought 2 reviews from Anki into"));
  DeckProgress progress;
  for (const DeckProgress& p : ui.State().progress)
    if (p.deck == ui.State().decks[0].id) progress = p;
  CHECK(progress.dueNow == 1);
  CHECK(progress.learned == 2);
  CHECK(ui.Has("home/deck/0/history")); // now saying how many reviews are in the learner's progress
  ui.SaveScreenshot("home-anki-history-brought");
}
