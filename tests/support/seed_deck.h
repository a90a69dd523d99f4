// The bundled seed deck, loaded for tests that need real content.
#pragma once

#include <catch2/catch.hpp>

#include "core/deck/deck.h"
#include "core/import/deck_file.h"
#include "core/base/paths.h"

namespace factdeck::test {

inline Deck SeedDeck() {
  DeckLoad load = LoadDeckFile((BundledDeckDirs().back() / "german-soviet-military-cooperation.toml").string());
  REQUIRE(load.Ok());
  return std::move(load.deck);
}

} // namespace factdeck::test
