#include <catch2/catch.hpp>
#include <fstream>

#include "core/app/deck_library.h"
#include "core/base/paths.h"
#include "support/temp_dir.h"

using namespace factdeck;

TEST_CASE("the library lists bundled decks and keeps a broken extra deck with its errors", "[deck_library]") {
  test::TempDir dir;
  const auto broken = dir / "broken.toml";
  std::ofstream(broken)
      << "[deck]\nid = \"b\"\ntitle = \"Broken\"\n[[event]]\nid = \"e\"\nname = \"E\"\ndate = \"1922-02-30\"\n";

  std::vector<DeckEntry> decks = LoadDeckLibrary(BundledDeckDirs(), broken);
  REQUIRE(decks.size() >= 2);
  CHECK(decks[0].title == "Broken");
  REQUIRE(decks[0].errors.size() == 1);
  CHECK_THAT(decks[0].errors[0], Catch::Contains("broken.toml:7:8: error: invalid date"));
  bool seedListed = false;
  for (const DeckEntry& deck : decks)
    if (deck.path.filename() == "german-soviet-military-cooperation.toml") {
      seedListed = true;
      CHECK(deck.errors.empty());
      CHECK(deck.summary.facts >= 150);
    }
  CHECK(seedListed);
}

TEST_CASE("a deck opened twice is listed once", "[deck_library]") {
  auto dirs = BundledDeckDirs();
  REQUIRE_FALSE(dirs.empty());
  auto seed = dirs.front() / "german-soviet-military-cooperation.toml";
  auto once = LoadDeckLibrary(dirs);
  auto again = LoadDeckLibrary(dirs, seed);
  CHECK(again.size() == once.size());
}
