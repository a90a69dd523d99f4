// A fresh app state for intent tests: its own data folder, the bundled decks, a clock the
// test moves, and a helper that posts one intent and applies it as a frame would.
#pragma once

#include <catch2/catch.hpp>

#include "core/app/app_state.h"
#include "support/temp_dir.h"

namespace factdeck::test {

struct IntentFixture {
  TempDir dir;
  AppState state;
  srs::TimeMs now = 1767268800000; // 2026-01-01 12:00 UTC
  size_t seedDeck = 0;             // index of the bundled seed deck in state.decks

  // `deck`: a deck file opened as from the command line, beside the bundled decks.
  explicit IntentFixture(const std::filesystem::path& deck = {}) : state(LoadAppState(dir.Path(), deck)) {
    state.clock = [this] { return now; };
    while (seedDeck < state.decks.size() && state.decks[seedDeck].id != "german-soviet-military-cooperation")
      ++seedDeck;
    REQUIRE(seedDeck < state.decks.size());
  }

  // The index in state.decks of the deck read from `file`.
  size_t DeckFrom(const std::filesystem::path& file) const {
    std::error_code ec;
    for (size_t i = 0; i < state.decks.size(); ++i)
      if (std::filesystem::equivalent(state.decks[i].path, file, ec)) return i;
    FAIL("no deck from " << file);
    return 0;
  }

  AppliedChanges Apply(Intent intent) {
    state.Post(std::move(intent));
    return ApplyIntents(state);
  }
};

} // namespace factdeck::test
