// The import preview: a teacher opens her own quiz spreadsheet, whose headers FactDeck does
// not know, sees it read as a table, reads it as a quiz by the preview's choices, checks the
// first questions and opens it.
#include <GLFW/glfw3.h>
#include <catch2/catch.hpp>
#include <fstream>

#include "harness.h"

using namespace factdeck;
using factdeck::test::UiHarness;

TEST_CASE("a quiz file read wrongly is put right in the import preview and opens as a quiz", "[ui][import]") {
  test::TempDir dir;
  const auto csv = dir / "Rivers 5b.csv";
  std::ofstream(csv) << "Item,Pick 1,Pick 2,Pick 3,Key\n"
                        "Which river flows through Vienna?,Rhine,Danube,Elbe,2\n"
                        "Which river flows through Prague?,Vltava,Oder,Po,1\n"
                        "Which river flows through Lyon?,Loire,Seine,Rhône,3\n"
                        "Which river flows through Kraków?,Vistula,Warta,Bug,one\n";
  const std::filesystem::path data = dir / "data";
  {
    UiHarness ui(1280, 800, data);
    ui.Click("home/deck-path");
    ui.TypeText(csv.string());
    ui.PressKey(GLFW_KEY_ENTER);
    ui.Frames(2);
    REQUIRE(ui.State().screen == Screen::Import);
    REQUIRE(ui.Has("import/read-as"));
    CHECK(ui.State().preview->shape->reading.as == ReadAs::Table);
    ui.SaveScreenshot("import-preview-as-found");

    ui.Click("import/read-as");
    ui.Click("import/read-as/quiz");
    ui.Frames(2);
    REQUIRE(ui.State().preview);
    CHECK(ui.State().preview->shape->reading.as == ReadAs::Quiz);
    CHECK(ui.State().preview->summary.choices == 3);
    REQUIRE(ui.State().preview->skipped.size() == 1); // "one" names no option
    CHECK_THAT(ui.State().preview->skipped[0], Catch::Contains("Rivers 5b.csv:5:"));
    REQUIRE(ui.Has("import/sample"));
    REQUIRE(ui.Has("import/left-out"));
    ui.Click("import/left-out");
    ui.Frames(2);
    ui.SaveScreenshot("import-preview-quiz");

    // The header row off: its names become a question, which cannot be read (left out too).
    ui.Click("import/header");
    ui.Click("import/header/0");
    ui.Frames(2);
    CHECK(ui.State().preview->shape->reading.header == -1);
    CHECK(ui.State().preview->skipped.size() == 2);
    ui.Click("import/header");
    ui.Click("import/header/1");
    ui.Frames(2);
    CHECK(ui.State().preview->shape->reading.header == 0);

    // A column's role: the last option left out leaves two options a question.
    ui.Click("import/column/3");
    ui.Click("import/column/3/ignore");
    ui.Frames(2);
    CHECK(ui.State().preview->shape->reading.roles[3] == ColumnRole::Ignore);
    CHECK(ui.State().preview->summary.choices == 2); // Lyon's answer was the third option
    ui.Click("import/column/3");
    ui.Click("import/column/3/option");
    ui.Frames(2);
    CHECK(ui.State().preview->summary.choices == 3);

    ui.Click("import/open");
    ui.Frames(2);
    CHECK(ui.State().screen == Screen::Home);
    REQUIRE(ui.State().decks[0].path == csv);
    CHECK(ui.State().decks[0].summary.choices == 3);
    CHECK(ui.State().settings.readings.at(csv.string()).as == ReadAs::Quiz);
    ui.SaveScreenshot("import-preview-opened");
  }

  // A small window: the preview of the listed deck still fits, and Esc leaves it, keeping the deck.
  UiHarness small(800, 600, data);
  small.Frames(2);
  REQUIRE(small.Has("home/deck/0/reading"));
  small.Click("home/deck/0/reading");
  small.Frames(2);
  REQUIRE(small.State().screen == Screen::Import);
  const ui::ItemRect open = small.Item("import/open");
  CHECK(open.max.x <= 800);
  small.SaveScreenshot("import-preview-800x600");
  small.PressKey(GLFW_KEY_ESCAPE);
  small.Frames(2);
  CHECK(small.State().screen == Screen::Home);
  CHECK(small.State().decks[0].path == csv);
}
