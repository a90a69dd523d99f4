// A workbook of several sheets on the home screen: the sheet read is named, and choosing
// another one in the deck's list reads it as a deck of its own.
#include <catch2/catch.hpp>

#include "harness.h"
#include "support/spreadsheet_files.h"

using namespace factdeck;
using factdeck::test::UiHarness;

TEST_CASE("a workbook's sheet is chosen on the home screen and read as its own deck", "[ui][spreadsheet]") {
  test::TempDir dir;
  const auto book = dir / "Klasse 7b.ods";
  test::WriteOdsSheets(book,
                       {{"Vokabeln", {{"Deutsch", "Englisch"}, {"der Hund", "the dog"}, {"die Katze", "the cat"}}},
                        {"Daten",
                         {{"Ereignis", "Datum"},
                          {"Vertrag von Rapallo", "1922-04-16"},
                          {"Verträge von Locarno", "1925-10-16"},
                          {"Berliner Vertrag", "1926-04-24"}}}});
  UiHarness ui(1280, 800, {}, book);
  ui.Frames(2);
  REQUIRE(ui.State().decks[0].sheets.size() == 2);
  REQUIRE(ui.Has("home/deck/0/sheet"));
  CHECK_FALSE(ui.State().decks[0].timeline);
  ui.Click("home/deck/0/sheet");
  ui.Frames(2);
  ui.SaveScreenshot("home-workbook-sheets");
  ui.Click("home/deck/0/sheet/1");
  ui.Frames(2);
  CHECK(ui.State().decks[0].sheet == 1);
  CHECK(ui.State().decks[0].title == "Klasse 7b (Daten)");
  CHECK(ui.State().decks[0].timeline);
  CHECK(ui.State().settings.sheets.at(book.string()) == "Daten");
  ui.SaveScreenshot("home-workbook-second-sheet");
}
