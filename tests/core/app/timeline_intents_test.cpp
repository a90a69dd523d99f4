// The timeline game's intents.
#include "core/app/intent_fixture.h"

using namespace factdeck;
using test::IntentFixture;

TEST_CASE("StartTimeline deals an event, TimelinePlace places it, and a place past the end is refused",
          "[intents][timeline]") {
  IntentFixture f;
  f.Apply(StartTimeline{f.state.decks.size()}); // no such deck: nothing starts
  CHECK_FALSE(f.state.timeline);
  f.Apply(StartTimeline{f.seedDeck});
  CHECK(f.state.screen == Screen::Timeline);
  REQUIRE(f.state.timeline);
  const TimelineGame& game = *f.state.timeline->game;
  const size_t placed = game.Timeline().size();
  REQUIRE(game.Current());

  f.Apply(TimelinePlace{placed + 5});
  CHECK(game.Timeline().size() == placed);
  CHECK_FALSE(game.Last());

  // The right place: after every placed event that ends before it begins.
  const Deck& deck = *f.state.timeline->deck;
  const Event& e = deck.events[*game.Current()];
  size_t slot = 0;
  for (size_t p : game.Timeline())
    slot += deck.events[p].date.LastDay() < e.date.FirstDay() ? 1 : 0;
  f.Apply(TimelinePlace{slot});
  CHECK(game.Timeline().size() == placed + 1);
  REQUIRE(game.Last());
  CHECK(game.Last()->right);
  CHECK(game.Score() == 1);
}

TEST_CASE("a deck with no events to place offers no timeline, and StartTimeline says why", "[intents][timeline]") {
  const auto capitals = std::filesystem::path(FACTDECK_SOURCE_DIR) / "tests/data/capitals.csv";
  IntentFixture f(capitals);
  const size_t index = f.DeckFrom(capitals);
  CHECK_FALSE(f.state.decks[index].timeline);
  CHECK(f.state.decks[f.seedDeck].timeline);
  f.Apply(StartTimeline{index});
  CHECK_FALSE(f.state.timeline);
  CHECK(f.state.screen == Screen::Home);
  REQUIRE(f.state.notices.size() == 1);
  CHECK_THAT(f.state.notices[0], Catch::Contains("no timeline"));
}
