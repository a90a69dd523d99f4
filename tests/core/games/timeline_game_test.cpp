#include <catch2/catch.hpp>

#include "core/base/paths.h"
#include "core/import/deck_file.h"
#include "support/temp_dir.h"
#include "core/games/timeline_game.h"

using namespace factdeck;

namespace {
constexpr srs::TimeMs kNow = 1767268800000;

// Where the current event belongs, worked out from the dates alone.
size_t RightSlot(const TimelineGame& game) {
  const Deck& deck = game.GetDeck();
  const Event& e = deck.events[*game.Current()];
  size_t slot = 0;
  for (size_t placed : game.Timeline())
    slot += deck.events[placed].date.LastDay() < e.date.FirstDay() ? 1 : 0;
  return slot;
}
} // namespace

TEST_CASE("the timeline game: right places score, wrong ones cost a life, three lives, a high score", "[timeline]") {
  DeckLoad load = LoadDeckFile((BundledDeckDirs().back() / "german-soviet-military-cooperation.toml").string());
  REQUIRE(load.Ok());
  test::TempDir dir;
  auto store = ProfileStore::Open(dir.Path(), kNow).store;
  const auto profile = store->DefaultProfile();
  TimelineGame game(load.deck, store.get(), profile, kNow, 5);
  REQUIRE(game.Timeline().size() == 1);
  for (int i = 0; i < 5; ++i) {
    REQUIRE_FALSE(game.Over());
    auto placed = game.Place(RightSlot(game), kNow);
    CHECK(placed.right);
  }
  CHECK(game.Score() == 5);
  CHECK(game.Lives() == 3);
  // Every placed pair can be told apart, and the timeline stays in order.
  const auto& line = game.Timeline();
  for (size_t i = 1; i < line.size(); ++i) {
    CHECK(EventsApart(load.deck.events[line[i - 1]], load.deck.events[line[i]]));
    CHECK(load.deck.events[line[i - 1]].date.LastDay() < load.deck.events[line[i]].date.FirstDay());
  }
  // Three wrong places end the game; the wrong event still goes where it belongs.
  while (!game.Over()) {
    const size_t right = RightSlot(game), wrong = right == 0 ? game.Timeline().size() : 0;
    auto placed = game.Place(wrong, kNow);
    CHECK_FALSE(placed.right);
    CHECK(placed.slot == right);
  }
  CHECK(game.Lives() == 0);
  CHECK(game.NewBest());
  CHECK(store->PersonalBest(profile, "timeline", load.deck.id) == 5);
  TimelineGame next(load.deck, store.get(), profile, kNow, 6);
  CHECK(next.PreviousBest() == 5);
}
