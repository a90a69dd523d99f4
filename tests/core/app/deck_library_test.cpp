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

  std::vector<DeckEntry> decks = LoadDeckLibrary(BundledDeckDirs(), {broken});
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

TEST_CASE("the library says what the new cards are: items, and the ways each is asked", "[deck_library]") {
  const auto data = std::filesystem::path(FACTDECK_SOURCE_DIR) / "tests/data";
  const std::vector<DeckEntry> decks =
      LoadDeckLibrary({}, {data / "capitals.csv", data / "quiz-numbered.csv", data / "countries.csv"});
  REQUIRE(decks.size() == 3);
  auto named = [&](const char* file) -> const DeckEntry& {
    for (const DeckEntry& d : decks)
      if (d.path.filename() == file) return d;
    FAIL("no " << file);
    return decks[0];
  };
  const DeckEntry& countries = named("countries.csv");
  const DeckEntry& quiz = named("quiz-numbered.csv");
  const DeckEntry& capitals = named("capitals.csv");
  // A quiz: twenty questions, each asked one way: twenty cards, nothing more to say.
  CHECK(quiz.summary.choices == 20);
  CHECK(quiz.studyCards == 20);
  CHECK(quiz.studyItems == 20);
  CHECK(WaysText(quiz).empty());
  CHECK_FALSE(quiz.timeline);
  // A term list: each card asked as multiple choice, in reverse and as a flashcard (one
  // card has no reverse: its back is not unique).
  CHECK(capitals.studyItems == 68);
  CHECK(capitals.studyCards == 68 + 67 + 68);
  CHECK(WaysText(capitals) == "68 cards, 2 or 3 ways each");
  CHECK_FALSE(capitals.timeline);
  // A table: facts about entities, "items".
  CHECK(WaysText(countries).find(" items, ") != std::string::npos);
  CHECK(countries.studyCards > countries.studyItems);
}

TEST_CASE("a deck opened twice is listed once", "[deck_library]") {
  auto dirs = BundledDeckDirs();
  REQUIRE_FALSE(dirs.empty());
  auto seed = dirs.front() / "german-soviet-military-cooperation.toml";
  auto once = LoadDeckLibrary(dirs);
  auto again = LoadDeckLibrary(dirs, {seed});
  CHECK(again.size() == once.size());
}

TEST_CASE("the library lists opened decks first, then the bundled ones and the decks folder, and warns of one id twice",
          "[deck_library]") {
  test::TempDir dir;
  const auto folder = dir / "decks";
  std::filesystem::create_directories(folder);
  std::ofstream(folder / "words.csv") << "front,back\nRöhm,SA leader\n";
  std::ofstream(folder / "notes.md") << "not a deck\n";
  // A copy of the bundled deck elsewhere: the same id.
  const auto seed = BundledDeckDirs().front() / "german-soviet-military-cooperation.toml";
  const auto copy = dir / "copy.toml";
  std::filesystem::copy_file(seed, copy);
  const auto gone = dir / "gone.toml";
  auto decks = LoadDeckLibrary(BundledDeckDirs(), {copy, gone}, folder);
  REQUIRE(decks.size() >= 4);
  CHECK(decks[0].path == copy);
  CHECK(decks[0].opened);
  CHECK(decks[1].path == gone);
  CHECK(decks[1].opened);
  CHECK_FALSE(decks[1].errors.empty()); // a file gone is listed with the reason
  bool words = false, seedWarned = false;
  for (const DeckEntry& d : decks) {
    words = words || (d.path == folder / "words.csv" && !d.opened);
    CHECK(d.path.extension() != ".md");
    if (d.path == seed)
      for (const std::string& w : d.warnings)
        seedWarned = seedWarned || w.find("has the same id 'german-soviet-military-cooperation'") != std::string::npos;
  }
  CHECK(words);
  CHECK(seedWarned);
}
