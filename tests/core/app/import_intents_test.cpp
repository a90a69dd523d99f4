// The import preview's intents: a file of rows or an Anki package opened by path is shown as
// it will be read; its reading changed, kept for the file, or the file left.
#include <fstream>

#include "core/app/intent_fixture.h"
#include "support/anki_package.h"

using namespace factdeck;
using test::IntentFixture;
using R = ColumnRole;

namespace {

const char* const kTerseQuiz = "Item,Pick 1,Pick 2,Pick 3,Key\n"
                               "Which river flows through Vienna?,Rhine,Danube,Elbe,2\n"
                               "Which river flows through Prague?,Vltava,Oder,Po,1\n"
                               "Which river flows through Lyon?,Loire,Seine,Rhône,3\n";

std::filesystem::path Write(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

bool Listed(const AppState& state, const std::filesystem::path& path) {
  for (const DeckEntry& e : state.decks)
    if (e.path == path) return true;
  return false;
}

} // namespace

TEST_CASE("a CSV file opened for the first time is previewed, and its reading changed is kept for the file",
          "[intents][import]") {
  IntentFixture f;
  const auto file = Write(f.dir / "rivers.csv", kTerseQuiz);
  f.Apply(OpenDeck{file});
  CHECK(f.state.screen == Screen::Import);
  REQUIRE(f.state.preview);
  const ImportPreviewState& preview = *f.state.preview;
  CHECK(preview.path == file);
  CHECK(preview.justOpened);
  CHECK(preview.fileKind == "a CSV file");
  REQUIRE(preview.shape);
  CHECK(preview.shape->reading.as == ReadAs::Table); // FactDeck's own reading of these headers
  CHECK(preview.shape->width == 5);

  // Read as a quiz: the usual layout (question, options, the right one last) fits this file.
  const TableReading quiz = SwitchReading(preview.shape->reading, ReadAs::Quiz, preview.shape->width);
  f.Apply(ChangeReading{quiz});
  REQUIRE(f.state.preview);
  CHECK(f.state.screen == Screen::Import);
  CHECK(f.state.preview->justOpened); // still: leaving now forgets it
  CHECK(f.state.preview->errors.empty());
  CHECK(f.state.preview->summary.choices == 3);
  REQUIRE(f.state.preview->sample.size() == 3);
  const Question& first = f.state.preview->sample[0];
  CHECK(first.prompt == "Which river flows through Vienna?");
  REQUIRE(first.answer >= 0);
  CHECK(first.options[static_cast<size_t>(first.answer)] == "Danube");

  // A role that breaks it: an error in the preview, nothing kept yet.
  TableReading broken = f.state.preview->shape->reading;
  broken.roles[4] = R::Ignore;
  f.Apply(ChangeReading{broken});
  CHECK_FALSE(f.state.preview->errors.empty());
  CHECK(f.state.preview->sample.empty());
  f.Apply(ChangeReading{quiz});

  const AppliedChanges kept = f.Apply(ConfirmImport{});
  CHECK(kept.settingsChanged);
  CHECK(f.state.screen == Screen::Home);
  CHECK_FALSE(f.state.preview);
  CHECK(f.state.settings.readings.at(file.string()) == quiz);
  const size_t deck = f.DeckFrom(file);
  CHECK(f.state.decks[deck].summary.choices == 3);
  CHECK(f.state.confirmations.back() == "rivers.csv is listed: 3 questions");

  // The next start reads it the same way (the window saves the settings); opening it again
  // shows no preview.
  REQUIRE(SaveSettings(f.state.SettingsFile(), f.state.settings).empty());
  AppState again = LoadAppState(f.dir.Path());
  REQUIRE(again.settings.readings.count(file.string()) == 1);
  CHECK(again.decks[0].path == file);
  CHECK(again.decks[0].summary.choices == 3);
  f.Apply(OpenDeck{file});
  CHECK(f.state.screen == Screen::Home);

  // The preview of a listed deck shows the reading kept; FactDeck's own reading again forgets it.
  f.Apply(PreviewImport{f.DeckFrom(file)});
  REQUIRE(f.state.preview);
  CHECK_FALSE(f.state.preview->justOpened);
  CHECK(f.state.preview->shape->reading == quiz);
  f.Apply(ChangeReading{TableReading{}});
  f.Apply(ConfirmImport{});
  CHECK(f.state.settings.readings.empty());
  CHECK(f.state.decks[f.DeckFrom(file)].summary.choices == 0);
}

TEST_CASE("leaving the preview of a file opened just now forgets it, of a listed deck keeps it", "[intents][import]") {
  IntentFixture f;
  const auto file = Write(f.dir / "words.csv", "der Hund,the dog\ndie Katze,the cat\n");
  f.Apply(OpenDeck{file});
  REQUIRE(f.state.screen == Screen::Import);
  f.Apply(CancelImport{});
  CHECK(f.state.screen == Screen::Home);
  CHECK_FALSE(f.state.preview);
  CHECK_FALSE(Listed(f.state, file));
  CHECK(f.state.settings.openedDecks.empty());

  f.Apply(OpenDeck{file});
  f.Apply(ConfirmImport{});
  REQUIRE(Listed(f.state, file));
  CHECK(f.state.settings.readings.empty()); // FactDeck's own reading: nothing to keep
  f.Apply(PreviewImport{f.DeckFrom(file)});
  CHECK(f.state.preview->shape->reading == TableReading{ReadAs::Cards, -1, {R::Front, R::Back}});
  f.Apply(CancelImport{});
  CHECK(Listed(f.state, file));
  // Another screen than the preview's drops it.
  f.Apply(PreviewImport{f.DeckFrom(file)});
  f.Apply(GoToScreen{Screen::Settings});
  CHECK_FALSE(f.state.preview);
  f.Apply(PreviewImport{99}); // no such deck: nothing
  CHECK_FALSE(f.state.preview);
  // A facts file opens without a preview.
  f.Apply(OpenDeck{f.state.decks[f.seedDeck].path});
  CHECK(f.state.screen == Screen::Home);
}

TEST_CASE("an Anki package opened for the first time is previewed without columns", "[intents][import][anki]") {
  IntentFixture f;
  const auto package = f.dir / "capitals.apkg";
  test::WriteAnkiPackage(package, {{1, "basic", {"France", "Paris"}}, {2, "basic", {"Spain", "Madrid"}}}, {},
                         test::AnkiFormat::Anki21);
  f.Apply(OpenDeck{package});
  REQUIRE(f.state.preview);
  CHECK(f.state.screen == Screen::Import);
  CHECK(f.state.preview->fileKind == "an Anki package");
  CHECK_FALSE(f.state.preview->shape);
  CHECK(f.state.preview->summary.cards == 2);
  CHECK_FALSE(f.state.preview->sample.empty());
  f.Apply(ConfirmImport{});
  CHECK(Listed(f.state, package));
}

TEST_CASE("readings are saved with the settings, and one that is not is said and dropped",
          "[intents][import][settings]") {
  Settings s;
  s.readings = {{"/home/a/Klasse 7b.xlsx", {ReadAs::Quiz, 2, {R::Question, R::Option, R::Option, R::Correct}}},
                {"/tmp/Тухачевский.csv", {ReadAs::Cards, -1, {R::Back, R::Front}}}};
  test::TempDir dir;
  const auto file = dir / "settings.toml";
  REQUIRE(SaveSettings(file, s).empty());
  LoadedSettings loaded = LoadSettings(file);
  CHECK(loaded.warnings.empty());
  CHECK(loaded.settings.readings == s.readings);
  std::ofstream(file) << "[readings]\n\"/tmp/a.csv\" = \"cards; header 1; sideways\"\n\"/tmp/b.csv\" = "
                         "\"events; no header; date, event\"\n";
  loaded = LoadSettings(file);
  REQUIRE(loaded.warnings.size() == 1);
  CHECK_THAT(loaded.warnings[0], Catch::Contains("the reading of /tmp/a.csv is not one FactDeck knows"));
  CHECK(loaded.settings.readings.size() == 1);
}

TEST_CASE("a file of rows passed on the command line for the first time starts on its preview", "[intents][import]") {
  test::TempDir dir;
  const auto file = Write(dir / "words.tsv", "der Hund\tthe dog\ndie Katze\tthe cat\n");
  AppState first = LoadAppState(dir / "data", {}, {file});
  CHECK(first.screen == Screen::Import);
  REQUIRE(first.preview);
  CHECK(first.preview->justOpened);
  CHECK(first.preview->fileKind == "a TSV file");
  CHECK(first.preview->summary.cards == 2);
  // Remembered at once (the settings are saved): the next start with it goes home.
  AppState again = LoadAppState(dir / "data", {}, {file});
  CHECK(again.screen == Screen::Home);
  CHECK_FALSE(again.preview);
}
