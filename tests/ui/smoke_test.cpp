// The window starts, responds to clicks and keys, and draws real text.
#include <GLFW/glfw3.h>
#include <fstream>
#include <algorithm>
#include <catch2/catch.hpp>

#include <imgui_internal.h>

#include "harness.h"
#include "core/games/timeline_game.h"
#include "core/app/settings.h"
#include "support/temp_dir.h"

using namespace factdeck;
using test::UiHarness;

namespace {

// Fraction of pixels inside `rect` that differ clearly from `background`.
double InkFraction(const ui::Image& image, const ui::ItemRect& rect, const std::uint8_t* background) {
  int ink = 0, total = 0;
  for (int y = static_cast<int>(rect.min.y); y < static_cast<int>(rect.max.y); ++y)
    for (int x = static_cast<int>(rect.min.x); x < static_cast<int>(rect.max.x); ++x) {
      ++total;
      if (test::ColourDistance(image.Pixel(x, y), background) > 60) ++ink;
    }
  return total == 0 ? 0.0 : static_cast<double>(ink) / total;
}

// Checks that the regular, bold and title fonts have a glyph for every character of `sample`
// but spaces and commas; returns how many characters were checked.
int CheckGlyphs(const ui::UiFonts& fonts, const char* sample) {
  const char* end = sample + std::char_traits<char>::length(sample);
  int checked = 0;
  while (sample < end) {
    unsigned int c = 0;
    sample += ImTextCharFromUtf8(&c, sample, end);
    if (c == ' ' || c == ',') continue;
    INFO("code point U+" << std::hex << c);
    CHECK(fonts.regular->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
    CHECK(fonts.bold->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
    CHECK(fonts.title->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
    ++checked;
  }
  return checked;
}

int ColourDistanceToBlack(const std::uint8_t* pixel) {
  const std::uint8_t black[4] = {0, 0, 0, 255};
  return test::ColourDistance(pixel, black);
}

} // namespace

TEST_CASE("the app starts on the home screen", "[ui]") {
  UiHarness ui;
  CHECK(ui.State().screen == Screen::Home);
  CHECK(ui.Has("home/title"));
  CHECK(ui.Has("home/settings"));
  CHECK_FALSE(ui.Has("settings/back"));
}

TEST_CASE("a click on Settings opens the settings screen, Back and Esc return", "[ui]") {
  UiHarness ui;
  ui.Click("home/settings");
  REQUIRE(ui.State().screen == Screen::Settings);
  CHECK(ui.Has("settings/back"));
  CHECK_FALSE(ui.Has("home/title"));

  ui.Click("settings/back");
  CHECK(ui.State().screen == Screen::Home);

  ui.Click("home/settings");
  REQUIRE(ui.State().screen == Screen::Settings);
  ui.PressKey(GLFW_KEY_ESCAPE);
  CHECK(ui.State().screen == Screen::Home);
}

TEST_CASE("the screenshot is not blank and shows text where the title is", "[ui]") {
  UiHarness ui(1024, 700);
  ui::Image image = ui.Screenshot();
  REQUIRE(image.width == 1024);
  REQUIRE(image.height == 700);

  const std::uint8_t* background = image.Pixel(image.width - 2, image.height - 2);
  ui::ItemRect title = ui.Item("home/title");
  REQUIRE(title.max.x - title.min.x > 20);
  double titleInk = InkFraction(image, title, background);
  CHECK(titleInk > 0.08); // glyph strokes cover a good part of a bold title's box
  CHECK(titleInk < 0.8);  // ...but it is text, not a filled block

  // An empty region below the last deck listed (its buttons and the rule under them) is
  // plain background.
  float listed = 0;
  for (size_t i = 0; i < ui.State().decks.size(); ++i)
    listed = std::max(listed, ui.Item("home/deck/" + std::to_string(i) + "/study").max.y);
  REQUIRE(listed + 60 < image.height * 0.98f);
  ui::ItemRect empty{{image.width * 0.3f, listed + 40}, {image.width * 0.7f, image.height * 0.98f}, 0};
  CHECK(InkFraction(image, empty, background) == 0.0);
}

TEST_CASE("the UI font covers Latin, Greek and Cyrillic", "[ui][fonts]") {
  UiHarness ui;
  const ui::UiFonts& fonts = ui.App().Fonts();
  REQUIRE_FALSE(fonts.fallback);
  const int checked = CheckGlyphs(fonts, ui::kCoverageSample);
  CHECK(checked == 32); // every letter of the sample was looked up
}

TEST_CASE("the UI font has the symbols the screens draw", "[ui][fonts]") {
  UiHarness ui;
  const ui::UiFonts& fonts = ui.App().Fonts();
  const int checked = CheckGlyphs(fonts, ui::kSymbolSample);
  CHECK(checked == 9); // every symbol of the sample was looked up
}

// The look must not depend on what else a machine has installed: the UI uses the font
// scripts/lib.sh installs (fonts-dejavu-core), found by family, and nothing else.
TEST_CASE("the UI draws with the chosen font, DejaVu Sans from fonts-dejavu-core", "[ui][fonts]") {
  UiHarness ui;
  const ui::FontFiles& files = ui.App().FontFilesInUse();
  CHECK(files.chosen);
  CHECK(files.regular.path == ui::kUiFontFile);
  CHECK(files.bold.path == ui::kUiBoldFontFile);
  CHECK(files.symbols.path.empty()); // the chosen font has the symbols itself: nothing merged in
  CHECK(ui::HasSymbols(files.regular));
  CHECK_FALSE(ui.App().Fonts().fallback);
}

TEST_CASE("HasSymbols tells a font with the screens' symbols from one without", "[ui][fonts]") {
  CHECK(ui::HasSymbols({ui::kUiFontFile, 0}));
  CHECK_FALSE(ui::HasSymbols({"/nonexistent/font.ttf", 0}));
  // DejaVu Serif (same package) lacks the check and cross marks: the chain merges a symbol font.
  CHECK_FALSE(ui::HasSymbols({"/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", 0}));
}

TEST_CASE("choosing the light theme repaints the window and is saved", "[ui][settings]") {
  UiHarness ui(1024, 700);
  const int darkLevel = ui.Screenshot().Pixel(10, 690)[0];

  ui.Click("home/settings");
  ui.Click("settings/theme_light");
  ui.Frames(2);
  CHECK(ui.State().settings.theme == Theme::Light);
  const int lightLevel = ui.SaveScreenshot("settings-light").Pixel(10, 690)[0];
  CHECK(lightLevel > darkLevel + 100);

  LoadedSettings saved = LoadSettings(ui.State().SettingsFile());
  CHECK(saved.warnings.empty());
  CHECK(saved.settings.theme == Theme::Light);
}

TEST_CASE("text stays intact when only the theme changes: the same pixels after light and back to dark",
          "[ui][settings][fonts]") {
  UiHarness ui(1024, 700);
  ui.Click("home/settings");
  ui.Frames(2);
  const ui::Image before = ui.Screenshot();
  ui.Click("settings/theme_light");
  ui.Frames(2);
  ui.Click("settings/theme_dark");
  ui.Frames(2);
  const ui::Image after = ui.SaveScreenshot("settings-dark-again");
  REQUIRE(before.width == after.width);
  REQUIRE(before.height == after.height);
  // The font atlas must not be rebuilt from nothing when its size did not change: every
  // pixel of the screen is as it was (the radio buttons' hover aside: compare the text only).
  const ui::ItemRect text = ui.Item("settings/theme_dark");
  int differ = 0;
  for (int y = 0; y < before.height; ++y)
    for (int x = 0; x < before.width; ++x) {
      if (x >= text.min.x - 40 && x <= text.max.x + 200 && y >= text.min.y - 5 && y <= text.max.y + 5) continue;
      differ += test::ColourDistance(before.Pixel(x, y), after.Pixel(x, y)) > 30 ? 1 : 0;
    }
  CHECK(differ < 50);
}

TEST_CASE("a larger interface scale makes the text larger", "[ui][settings]") {
  UiHarness ui(1024, 700);
  const float before = ui.Item("home/title").max.y - ui.Item("home/title").min.y;
  Settings larger = ui.State().settings;
  larger.uiScale = 2.0f;
  ui.State().Post(ChangeSettings{larger});
  ui.Frames(3);
  const float after = ui.Item("home/title").max.y - ui.Item("home/title").min.y;
  CHECK(after == Approx(before * 2).margin(2));
}

TEST_CASE("a broken deck shows its errors with their positions instead of opening", "[ui][deck]") {
  test::TempDir dir;
  const auto broken = dir / "broken.toml";
  std::ofstream(broken) << "[deck]\nid = \"b\"\ntitle = \"Broken deck\"\n"
                           "[[event]]\nid = \"e\"\nname = \"Treaty\"\ndate = \"1922-02-30\"\n";
  UiHarness ui(1024, 700, {}, broken);
  REQUIRE_FALSE(ui.State().decks.empty());
  CHECK(ui.State().decks[0].title == "Broken deck");
  REQUIRE(ui.State().decks[0].errors.size() == 1);
  CHECK_THAT(ui.State().decks[0].errors[0], Catch::Contains("broken.toml:7:8: error: invalid date"));
  REQUIRE(ui.Has("home/deck/0/errors"));

  // The error lines are drawn, below the deck's title.
  ui::Image image = ui.SaveScreenshot("home-broken-deck");
  const std::uint8_t* background = image.Pixel(image.width - 2, image.height - 2);
  ui::ItemRect errors = ui.Item("home/deck/0/errors");
  CHECK(errors.min.y > ui.Item("home/deck/0").max.y);
  CHECK(InkFraction(image, errors, background) > 0.02);
}

TEST_CASE("a CSV file opens as a deck of cards", "[ui][deck]") {
  test::TempDir dir;
  const auto csv = dir / "words.csv";
  std::ofstream(csv) << "front,back\nRöhm,SA leader\nТухачевский,\"Marshal, Red Army\"\n";
  UiHarness ui(1024, 700, {}, csv);
  REQUIRE_FALSE(ui.State().decks.empty());
  CHECK(ui.State().decks[0].errors.empty());
  CHECK(ui.State().decks[0].summary.cards == 2);
  CHECK(ui.Has("home/deck/0"));
  CHECK_FALSE(ui.Has("home/deck/0/errors"));
}

TEST_CASE("a file that looks like a quiz but is not laid out as one says so on the home screen, unfolded",
          "[ui][deck][choice]") {
  test::TempDir dir;
  const auto csv = dir / "teacher.csv";
  std::ofstream(csv) << "Question,First,Second,Third\nHow many continents are there?,5,6,7\n"
                        "How many oceans are there?,3,4,5\nHow many legs has a spider?,6,8,10\n";
  UiHarness ui(1024, 700, {}, csv);
  REQUIRE_FALSE(ui.State().decks.empty());
  const DeckEntry& deck = ui.State().decks[0];
  CHECK_THAT(deck.notice, Catch::Contains("column 'Question' holds questions"));
  REQUIRE(ui.Has("home/deck/0/notice"));
  CHECK_FALSE(ui.Has("home/deck/0/warnings/list")); // the notice shows without opening the list
  CHECK(ui.Item("home/deck/0/notice").max.y <= ui.Item("home/deck/0/warnings").min.y);
  ui.SaveScreenshot("home-quiz-not-laid-out");
}

TEST_CASE("a chronology with unreadable rows opens with the rest and lists the rows left out", "[ui][deck]") {
  test::TempDir dir;
  const auto csv = dir / "chronology.csv";
  std::ofstream(csv) << "date,event\n3 September 590,A king is crowned\n03/04/1922,A treaty is signed\n"
                        "between 47 and 50,A town is founded\nSpring 507,A battle is fought\n";
  UiHarness ui(1024, 700, {}, csv);
  REQUIRE_FALSE(ui.State().decks.empty());
  const DeckEntry& deck = ui.State().decks[0];
  CHECK(deck.errors.empty());
  CHECK(deck.summary.events == 3);
  CHECK(deck.skippedRows == 1);
  REQUIRE(ui.Has("home/deck/0/warnings"));
  CHECK(ui.Has("home/deck/0/study")); // the deck opens with the rows it could read
  CHECK_FALSE(ui.Has("home/deck/0/warnings/list"));
  ui.Click("home/deck/0/warnings");
  ui.Frames(2);
  REQUIRE(ui.Has("home/deck/0/warnings/list"));
  CHECK(ui.Item("home/deck/0/warnings/list").min.y > ui.Item("home/deck/0/warnings").max.y);
  REQUIRE(deck.warnings.size() == 1);
  CHECK_THAT(deck.warnings[0],
             Catch::Contains("chronology.csv:3:1: warning: row skipped: invalid date \"03/04/1922\""));
  ui.SaveScreenshot("home-chronology-rows-skipped");
}

TEST_CASE("the timeline draws spans as bars and uncertain dates over their range", "[ui][timeline][dates]") {
  test::TempDir dir;
  const auto csv = dir / "spans.csv";
  std::ofstream(csv)
      << "date,event\nc. 1890,A school opens\n1900–18,A railway is built\n"
         "between 1920 and 1925,A treaty is signed\nSpring 1931,A bank fails\n1940s,A decade of building\n";
  UiHarness ui(1280, 800, {}, csv);
  REQUIRE(ui.State().decks[0].summary.events == 5);
  ui.State().Post(StartTimeline{0});
  ui.Frames(2);
  REQUIRE(ui.State().screen == Screen::Timeline);
  TimelineGame& game = *ui.State().timeline->game;
  const Deck& deck = game.GetDeck();
  while (!game.Over()) { // every event placed where it belongs
    const Event& e = deck.events[*game.Current()];
    size_t slot = 0;
    for (size_t placed : game.Timeline())
      slot += deck.events[placed].date.FirstDay() < e.date.FirstDay() ? 1 : 0;
    ui.State().Post(TimelinePlace{slot});
    ui.Frames(2);
  }
  REQUIRE(game.Timeline().size() == 5);
  ui::Image image = ui.SaveScreenshot("timeline-spans");
  const std::uint8_t* background = image.Pixel(image.width - 2, image.height - 2);
  // Rows in date order: c. 1890 (a dot with whiskers four years either way), 1900–1918 (a
  // bar), between 1920 and 1925 (a pale bar), Spring 1931 (a dot), 1940s (a short bar).
  std::vector<double> ink;
  for (size_t slot = 0; slot < 5; ++slot) {
    REQUIRE(ui.Has("timeline/bar/" + std::to_string(slot)));
    ui::ItemRect bar = ui.Item("timeline/bar/" + std::to_string(slot));
    CHECK(bar.min.x > ui.Item("timeline/event/" + std::to_string(slot)).min.x);
    ink.push_back(InkFraction(image, bar, background));
  }
  CHECK(ink[1] > ink[3] * 1.5); // eighteen years against a season
  CHECK(ink[4] > ink[3]);       // a decade against a season
  CHECK(ink[0] > ink[3]);       // circa whiskers
  for (double share : ink)
    CHECK(share > 0.0);
  CHECK(ui.Item("timeline/bar/4").min.y > ui.Item("timeline/bar/0").min.y);
}

TEST_CASE("projector mode makes the type larger and the background pure, and is saved", "[ui][settings]") {
  UiHarness ui(1280, 800);
  const float before = ui.Item("home/title").max.y - ui.Item("home/title").min.y;
  ui.Click("home/settings");
  ui.Click("settings/projector");
  ui.Frames(3);
  CHECK(ui.State().settings.projector);
  ui::Image image = ui.SaveScreenshot("settings-projector");
  CHECK(ColourDistanceToBlack(image.Pixel(image.width - 4, image.height - 4)) == 0);
  ui.PressKey(GLFW_KEY_ESCAPE);
  const float after = ui.Item("home/title").max.y - ui.Item("home/title").min.y;
  CHECK(after == Approx(before * Settings::kProjectorScale).margin(3));
  CHECK(LoadSettings(ui.State().SettingsFile()).settings.projector);
}

TEST_CASE("learners: create, switch, rename and delete (with confirmation) from the home screen", "[ui][profiles]") {
  UiHarness ui(1280, 800);
  REQUIRE(ui.State().store);
  const std::int64_t first = ui.State().profile;
  ui.Click("home/profile-new");
  ui.TypeText("Тухачевский");
  ui.Click("home/new-profile/ok");
  REQUIRE(ui.State().profiles.size() == 2);
  CHECK(ui.State().profile != first); // the new learner is the one studying now
  ui.SaveScreenshot("home-profiles");

  ui.Click("home/profile-rename");
  for (int i = 0; i < 12; ++i)
    ui.PressKey(GLFW_KEY_BACKSPACE);
  ui.TypeText("Bažanov");
  ui.PressKey(GLFW_KEY_ENTER);
  CHECK(ui.State().store->FindProfile("Bažanov") == ui.State().profile);

  ui.Click("home/profile-delete");
  REQUIRE(ui.Has("home/delete-profile/confirm")); // asks first
  CHECK(ui.State().profiles.size() == 2);
  ui.Click("home/delete-profile/confirm");
  CHECK(ui.State().profiles.size() == 1);
  CHECK(ui.State().profile == first);
}

TEST_CASE("a deck opened from the path box or dropped on the window is listed", "[ui][deck]") {
  test::TempDir dir;
  const auto csv = dir / "dropped.csv";
  std::ofstream(csv) << "front,back\nLipetsk,Flying school\n";
  UiHarness ui(1280, 800);
  const size_t bundled = ui.State().decks.size();
  ui.Click("home/deck-path");
  ui.TypeText(csv.string());
  ui.PressKey(GLFW_KEY_ENTER);
  REQUIRE(ui.State().decks.size() == bundled + 1);
  CHECK(ui.State().decks[0].path == csv);

  ui.State().Post(OpenDeck{dir / "missing.toml"});
  ui.Frames(2);
  CHECK(ui.State().decks.size() == bundled + 1);
  CHECK_THAT(ui.State().notices.back(), Catch::Contains("missing.toml: not a file"));
}

TEST_CASE("a teacher starts a quiz from a template on the home screen: it opens in the editor and is listed",
          "[ui][deck][templates]") {
  UiHarness ui(1280, 800);
  const size_t bundled = ui.State().decks.size();
  ui.Click("home/new-deck");
  REQUIRE(ui.Has("home/new-deck/quiz.csv"));
  CHECK(ui.Has("home/new-deck/typed-facts.toml"));
  ui.SaveScreenshot("home-new-deck");
  ui.Click("home/new-deck/quiz.csv");
  CHECK_FALSE(ui.Has("home/new-deck/quiz.csv")); // the window closed
  REQUIRE(ui.State().decks.size() == bundled + 1);
  CHECK(std::filesystem::exists(ui.State().UserDecksDir() / "quiz.csv"));
  REQUIRE_FALSE(ui.State().confirmations.empty());
  CHECK_THAT(ui.State().confirmations.back(), Catch::Contains("Made quiz.csv in your decks folder"));
  // The editor, on the template's first question, its columns as fields.
  REQUIRE(ui.State().screen == Screen::Editor);
  REQUIRE(ui.State().editor);
  CHECK(ui.State().editor->session->Rows());
  CHECK(ui.Has("editor/field/0"));
  ui.SaveScreenshot("editor-new-quiz");
  ui.Click("editor/back");
  REQUIRE(ui.State().screen == Screen::Home);
  ui.Click("home/read-again");
  CHECK(ui.State().decks.size() == bundled + 1);
  ui.SaveScreenshot("home-new-deck-made");
}

namespace {

// Every home screen item of a small window at a large scale lies inside the window.
void CheckHomeFits(UiHarness& ui, const std::string& screenshot) {
  Settings larger = ui.State().settings;
  larger.uiScale = 2.0f;
  ui.State().Post(ChangeSettings{larger});
  ui.Frames(3);
  // ui.Item fails the test when an item was not drawn; each drawn one must lie inside.
  for (const auto& name :
       {"home/title", "home/stats", "home/settings", "home/profiles", "home/open", "home/deck/0/study",
        "home/deck/0/practice", "home/deck/0/exam", "home/deck/0/timeline", "home/deck/0/classroom"}) {
    INFO(name);
    const ui::ItemRect item = ui.Item(name);
    CHECK(item.min.x >= 0);
    CHECK(item.max.x <= 800);
  }
  ui.SaveScreenshot(screenshot);
}

} // namespace

TEST_CASE("at 800x600 and 200% scale every home screen item stays inside the window", "[ui][layout]") {
  UiHarness ui(800, 600);
  REQUIRE(ui.App().FontFilesInUse().chosen);
  CheckHomeFits(ui, "home-800x600-200");
}

TEST_CASE("the layout holds with the fallback fonts too: another font with a symbol font, and the built-in font",
          "[ui][layout][fonts]") {
  {
    UiHarness ui(800, 600);
    // DejaVu Serif lacks some symbols, so a symbol font is merged in, as on a machine
    // without the chosen font.
    ui::FontFiles wide;
    wide.regular = {"/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", 0};
    wide.bold = {"/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf", 0};
    wide.symbols = ui::FindSymbolFont();
    REQUIRE_FALSE(wide.symbols.path.empty());
    ui.App().UseFontFiles(wide);
    ui.Frames(2);
    CHECK_FALSE(ui.App().Fonts().fallback);
    CheckHomeFits(ui, "home-800x600-200-serif");
  }
  {
    UiHarness ui(800, 600);
    ui.App().UseFontFiles({});
    ui.Frames(2);
    CHECK(ui.App().Fonts().fallback);
    CheckHomeFits(ui, "home-800x600-200-builtin");
  }
}

TEST_CASE("a deck chosen in the browser is remembered after a restart, and can be removed from the list",
          "[ui][deck]") {
  test::TempDir data, elsewhere;
  std::filesystem::create_directories(elsewhere / "Geography");
  std::ofstream(elsewhere / "Geography" / "capitals.csv") << "front,back\nFrance,Paris\nPeru,Lima\n";
  std::ofstream(elsewhere / "notes.md") << "not a deck\n";
  size_t bundled = 0;
  {
    UiHarness ui(1280, 800, data.Path());
    bundled = ui.State().decks.size();
    CHECK(ui.Has("home/decks-folder"));
    CHECK(std::filesystem::is_directory(data.Path() / "decks")); // made, and named on the screen
    // "Open" with nothing typed opens the browser, in the decks folder.
    ui.Click("home/open");
    REQUIRE(ui.Has("home/browse/up"));
    ui.Widgets().home.browseDir = elsewhere.Path(); // as if walked there with Up and the folders
    ui.Frames(2);
    CHECK_FALSE(ui.Has("home/browse/file/notes.md")); // only deck files are offered
    ui.Click("home/browse/dir/Geography");
    ui.Frames(1);
    ui.SaveScreenshot("home-browse");
    ui.Click("home/browse/file/capitals.csv");
    REQUIRE(ui.State().decks.size() == bundled + 1);
    CHECK(ui.State().decks[0].path == elsewhere / "Geography" / "capitals.csv");
  } // quit
  {
    UiHarness ui(1280, 800, data.Path());
    REQUIRE(ui.State().decks.size() == bundled + 1);
    CHECK(ui.State().decks[0].path == elsewhere / "Geography" / "capitals.csv");
    CHECK(ui.State().decks[0].opened);
    ui.Click("home/deck/0/forget");
    CHECK(ui.State().decks.size() == bundled);
  }
  // A deck put in the decks folder is listed without being opened.
  std::ofstream(data / "decks" / "words.csv") << "front,back\nRöhm,SA leader\n";
  UiHarness ui(1280, 800, data.Path());
  CHECK(ui.State().decks.size() == bundled + 1);
}
