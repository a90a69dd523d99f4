// The library's intents: screens, settings, notices, learners, decks opened from a path.
#include <fstream>

#include "core/app/intent_fixture.h"
#include "core/base/atomic_file.h"
#include "support/anki_package.h"
#include "support/spreadsheet_files.h"

using namespace factdeck;
using test::IntentFixture;

TEST_CASE("GoToScreen opens the stats figures and refreshes the home screen's", "[intents][library]") {
  IntentFixture f;
  CHECK_FALSE(f.state.stats);
  f.Apply(GoToScreen{Screen::Stats});
  CHECK(f.state.screen == Screen::Stats);
  CHECK(f.state.stats);
  f.state.progress.clear();
  f.state.profiles.clear();
  f.Apply(GoToScreen{Screen::Home});
  CHECK(f.state.screen == Screen::Home);
  CHECK_FALSE(f.state.profiles.empty()); // read again from the store
}

TEST_CASE("DismissNotice removes that notice and ignores one that is not there", "[intents][library]") {
  IntentFixture f;
  f.state.notices = {"a", "b", "c"};
  f.Apply(DismissNotice{1});
  CHECK(f.state.notices == std::vector<std::string>{"a", "c"});
  f.Apply(DismissNotice{5});
  CHECK(f.state.notices.size() == 2);
  // A confirmation is dismissed from its own list, and leaving the screen clears them all.
  f.state.confirmations = {"Report saved: x", "Results saved: y"};
  f.Apply(DismissNotice{0, true});
  CHECK(f.state.confirmations == std::vector<std::string>{"Results saved: y"});
  CHECK(f.state.notices.size() == 2);
  f.state.screen = Screen::Study;
  f.Apply(GoToScreen{Screen::Home});
  CHECK(f.state.confirmations.empty());
  CHECK(f.state.notices.size() == 2); // problems stay until dismissed
}

TEST_CASE("learners are created, switched, renamed and deleted through intents", "[intents][library]") {
  IntentFixture f;
  REQUIRE(f.state.store);
  const std::int64_t first = f.state.profile;
  f.Apply(CreateProfile{"Тухачевский"});
  const std::int64_t made = f.state.profile;
  CHECK(made != first);
  REQUIRE(f.state.profiles.size() == 2);
  CHECK(f.state.profiles[1].name == "Тухачевский");

  f.Apply(SwitchProfile{first});
  CHECK(f.state.profile == first);
  f.Apply(RenameProfile{made, "Röhm"});
  CHECK(f.state.profiles[1].name == "Röhm");

  f.Apply(CreateProfile{"Röhm"}); // the name is taken: a notice, no new learner
  CHECK(f.state.profiles.size() == 2);
  CHECK_FALSE(f.state.notices.empty());

  f.Apply(SwitchProfile{made});
  f.Apply(DeleteProfile{made});
  CHECK(f.state.profiles.size() == 1);
  CHECK(f.state.profile == first); // the one studying was deleted: back to the first
}

TEST_CASE("OpenDeck lists a deck file once and refuses what is not a file", "[intents][library]") {
  IntentFixture f;
  const size_t bundled = f.state.decks.size();
  f.Apply(OpenDeck{f.dir.Path() / "missing.csv"});
  CHECK(f.state.decks.size() == bundled);
  REQUIRE_FALSE(f.state.notices.empty());
  CHECK(f.state.notices.back().find("not a file") != std::string::npos);

  const auto csv = f.dir.Path() / "capitals.csv";
  std::ofstream(csv) << "front,back\nFrance,Paris\nPeru,Lima\n";
  f.state.screen = Screen::Settings;
  f.Apply(OpenDeck{csv});
  const AppliedChanges opened = f.Apply(OpenDeck{csv});
  CHECK(f.state.screen == Screen::Home);
  CHECK(f.state.decks.size() == bundled + 1);
  // Remembered in the settings (saved with them), once, as an absolute path.
  REQUIRE(f.state.settings.openedDecks.size() == 1);
  CHECK(std::filesystem::path(f.state.settings.openedDecks[0]).is_absolute());
  CHECK(opened.settingsChanged);
  CHECK(f.state.decks[0].opened);
  // Forgetting takes it off the list and out of the settings; the file stays.
  f.Apply(ForgetDeck{f.state.decks[0].path});
  CHECK(f.state.decks.size() == bundled);
  CHECK(f.state.settings.openedDecks.empty());
  CHECK(std::filesystem::exists(csv));
}

TEST_CASE("BringHistory brings an Anki package's reviews into the learner's progress once",
          "[intents][library][anki]") {
  IntentFixture f;
  // Two cards Anki scheduled: the first due today, the second in five days.
  const std::int64_t today = (f.now / 1000 - test::kAnkiCollectionCreated) / 86400;
  auto review = [&](srs::TimeMs at, std::int64_t ivl) {
    test::AnkiReviewRow r;
    r.id = at;
    r.ivl = ivl;
    return r;
  };
  std::vector<test::AnkiSchedule> schedule(2);
  schedule[0] = {1, 0, 2, 2, today, 1, 0, "", {review(f.now - 3 * srs::kDayMs, 2), review(f.now - srs::kDayMs, 1)}};
  schedule[1] = {2, 0, 2, 2, today + 5, 6, 0, "", {review(f.now - 2 * srs::kDayMs, 6)}};
  const auto package = f.dir.Path() / "Capitals.apkg";
  test::WriteAnkiPackage(
      package, {{1, "basic", {"France", "Paris"}}, {2, "basic", {"Peru", "Lima"}}, {3, "basic", {"Chad", "N'Djamena"}}},
      {}, test::AnkiFormat::Latest, schedule);
  f.Apply(OpenDeck{package});
  const size_t deck = f.DeckFrom(package);
  CHECK(f.state.decks[deck].historyReviews == 3);
  CHECK(f.state.historyBrought[f.state.decks[deck].id] == 0);

  f.Apply(BringHistory{deck});
  REQUIRE_FALSE(f.state.confirmations.empty());
  CHECK_THAT(f.state.confirmations.back(), Catch::StartsWith("Brought 3 reviews from Anki into"));
  CHECK(f.state.historyBrought[f.state.decks[deck].id] == 3);
  DeckProgress progress;
  for (const DeckProgress& p : f.state.progress)
    if (p.deck == f.state.decks[deck].id) progress = p;
  CHECK(progress.dueNow == 1);
  CHECK(progress.learned == 2);
  // Studying it asks the card due today first (the third, new, comes after).
  f.Apply(StartStudy{deck});
  REQUIRE(f.state.study);
  const Question* q = f.state.study->session->Current();
  REQUIRE(q);
  CHECK(q->card == "note-1");
  f.Apply(GoToScreen{Screen::Home});

  f.Apply(BringHistory{deck});
  CHECK_THAT(f.state.confirmations.back(), Catch::Contains("nothing was added"));
  CHECK(f.state.historyBrought[f.state.decks[deck].id] == 3);
  // A file without a history: said so.
  const auto plain = f.dir.Path() / "plain.apkg";
  test::WriteAnkiPackage(plain, {{1, "basic", {"France", "Paris"}}}, {}, test::AnkiFormat::Anki21);
  f.Apply(OpenDeck{plain});
  CHECK(f.state.decks[f.DeckFrom(plain)].historyReviews == 0);
  f.Apply(BringHistory{f.DeckFrom(plain)});
  CHECK_THAT(f.state.notices.back(), Catch::Contains("holds no review history"));
}

TEST_CASE("ChooseSheet reads another sheet of a workbook as a deck of its own, remembered for the file",
          "[intents][library][spreadsheet]") {
  IntentFixture f;
  const auto book = f.dir.Path() / "Class 7b.ods";
  test::WriteOdsSheets(book, {{"Words", {{"German", "English"}, {"der Hund", "the dog"}, {"die Katze", "the cat"}}},
                              {"Dates",
                               {{"Event", "Date"},
                                {"Treaty of Rapallo", "1922-04-16"},
                                {"Locarno treaties", "1925-10-16"},
                                {"Berlin treaty", "1926-04-24"}}}});
  f.Apply(OpenDeck{book});
  size_t deck = f.DeckFrom(book);
  REQUIRE(f.state.decks[deck].sheets == std::vector<std::string>{"Words", "Dates"});
  CHECK(f.state.decks[deck].sheet == 0);
  const std::string firstId = f.state.decks[deck].id;
  CHECK_FALSE(f.state.decks[deck].timeline);

  const AppliedChanges chosen = f.Apply(ChooseSheet{deck, 1});
  CHECK(chosen.settingsChanged);
  CHECK(f.state.settings.sheets.at(book.string()) == "Dates");
  deck = f.DeckFrom(book);
  CHECK(f.state.decks[deck].sheet == 1);
  CHECK(f.state.decks[deck].id == firstId + "-dates"); // its own progress
  CHECK(f.state.decks[deck].title == "Class 7b (Dates)");
  CHECK(f.state.decks[deck].timeline);         // three dated events to place
  CHECK(f.state.decks[deck].warnings.empty()); // which sheet is read is the Sheet list's to say
  CHECK(f.state.confirmations.back() == "The sheet \"Dates\" of Class 7b.ods is read");
  // Studying it asks about the events of that sheet.
  f.Apply(StartStudy{deck});
  REQUIRE(f.state.study);
  CHECK(f.state.study->deck->id == firstId + "-dates");
  f.Apply(GoToScreen{Screen::Home});

  // The choice survives a restart; the first sheet again forgets it.
  const Settings saved = f.state.settings;
  AppState again = LoadAppState(f.dir.Path());
  again.settings = saved;
  ReloadLibrary(again);
  bool found = false;
  for (const DeckEntry& e : again.decks)
    found = found || (e.path == book && e.sheet == 1);
  CHECK(found);
  f.Apply(ChooseSheet{f.DeckFrom(book), 0});
  CHECK(f.state.settings.sheets.empty());
  CHECK(f.state.decks[f.DeckFrom(book)].id == firstId);
  f.Apply(ChooseSheet{f.DeckFrom(book), 7}); // no such sheet: nothing
  CHECK(f.state.decks[f.DeckFrom(book)].sheet == 0);
}

TEST_CASE("the decks opened are saved with the settings and read back", "[intents][library][settings]") {
  Settings s;
  s.openedDecks = {"/home/a/decks/Röhm.toml", "/tmp/words, with a comma.csv"};
  s.sheets = {{"/home/a/decks/Klasse 7b.xlsx", "Daten \"alt\""}, {"/tmp/quiz.ods", "Тухачевский"}};
  test::TempDir dir;
  const auto file = dir / "settings.toml";
  REQUIRE(SaveSettings(file, s).empty());
  LoadedSettings loaded = LoadSettings(file);
  CHECK(loaded.warnings.empty());
  CHECK(loaded.settings.openedDecks == s.openedDecks);
  CHECK(loaded.settings.sheets == s.sheets);
  std::ofstream(file) << "sheets = [\"a\"]\n";
  CHECK_THAT(LoadSettings(file).warnings.at(0), Catch::Contains("'sheets' must be a table"));
}

TEST_CASE("a new deck from each template is copied into the decks folder under a free name and reads clean",
          "[intents][library][templates]") {
  IntentFixture f;
  const size_t bundled = f.state.decks.size();
  const char* templates[] = {"quiz.csv", "term-list.csv", "chronology.csv", "typed-facts.toml"};
  for (const char* name : templates) {
    f.Apply(NewDeckFromTemplate{name});
    INFO(name);
    CHECK(std::filesystem::exists(f.state.UserDecksDir() / name));
    REQUIRE_FALSE(f.state.confirmations.empty());
    CHECK(f.state.confirmations.back().find(name) != std::string::npos);
  }
  CHECK(f.state.notices.empty());
  REQUIRE(f.state.decks.size() == bundled + 4);
  size_t made = 0;
  for (const DeckEntry& d : f.state.decks) { // each template reads without an error or a warning
    if (d.path.parent_path() != f.state.UserDecksDir()) continue;
    ++made;
    INFO(d.path.string());
    CHECK(d.errors.empty());
    CHECK(d.warnings.empty());
  }
  CHECK(made == 4);
  // Again: a second copy beside the first; the first (perhaps filled in) is never replaced.
  std::ofstream(f.state.UserDecksDir() / "quiz.csv", std::ios::app) << "My own question?,a,b,c,d,A,20\n";
  f.Apply(NewDeckFromTemplate{"quiz.csv"});
  CHECK(std::filesystem::exists(f.state.UserDecksDir() / "quiz-2.csv"));
  std::string first;
  ReadWholeFile(f.state.UserDecksDir() / "quiz.csv", first);
  CHECK(first.find("My own question?") != std::string::npos);
  CHECK(f.state.decks.size() == bundled + 5);
  // An edited file is read again on demand.
  std::ofstream(f.state.UserDecksDir() / "quiz-2.csv") << "Question,Answer A,Answer B,Correct answer\nQ?,x,y,A\n";
  f.Apply(ReadDecksAgain{});
  CHECK(f.state.decks.size() == bundled + 5);
  // Nothing outside the templates folder is copied.
  f.Apply(NewDeckFromTemplate{"../CMakeLists.txt"});
  REQUIRE_FALSE(f.state.notices.empty());
  CHECK(f.state.notices.back().find("No deck template") != std::string::npos);
}
