// Intents of the timeline game: start a game on a deck, place the event in hand.
#include "core/app/reducer.h"

namespace factdeck::reducer {

void Apply(AppState& state, const StartTimeline& start, Context& context) {
  auto deck = LoadListedDeck(state, start.deck);
  if (!deck) return;
  if (!TimelineGame::Playable(*deck)) {
    state.notices.push_back("\"" + deck->title + "\" has no timeline to play: it has no two dated events to place.");
    return;
  }
  auto timeline = std::make_unique<AppState::TimelineState>();
  timeline->deck = std::move(deck);
  timeline->game = std::make_unique<TimelineGame>(*timeline->deck, state.store.get(), state.profile, context.now,
                                                  static_cast<std::uint64_t>(context.now));
  state.timeline = std::move(timeline);
  state.screen = Screen::Timeline;
}

void Apply(AppState& state, const TimelinePlace& place, Context& context) {
  if (!state.timeline || !state.timeline->game || state.timeline->game->Over()) return;
  const size_t size = state.timeline->game->Timeline().size();
  if (place.slot > size) return; // no such place on the timeline
  state.timeline->game->Place(place.slot, context.now);
}

} // namespace factdeck::reducer
