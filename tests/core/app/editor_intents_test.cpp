// The deck editor's intents: a listed deck opened, edited, saved and read back; undo and
// redo; a change made by another program noticed; a file of rows made a facts file; a new
// deck from a template filled in and played as a classroom match.
#include <filesystem>
#include <fstream>

#include "core/app/intent_fixture.h"
#include "core/base/atomic_file.h"

using namespace factdeck;
using test::IntentFixture;

namespace {

const std::filesystem::path kSource = FACTDECK_SOURCE_DIR;

std::string Read(const std::filesystem::path& path) {
  std::string text;
  REQUIRE(ReadWholeFile(path, text).empty());
  return text;
}

size_t Selected(const IntentFixture& f) {
  REQUIRE(f.state.editor);
  REQUIRE(f.state.editor->selected >= 0);
  return static_cast<size_t>(f.state.editor->selected);
}

const edit::EditItem& SelectedItem(const IntentFixture& f) { return f.state.editor->session->Items()[Selected(f)]; }

} // namespace

TEST_CASE("OpenEditor edits a listed deck, and the edit is saved, undone and redone, progress kept",
          "[intents][editor]") {
  test::TempDir decks;
  const auto path = decks / "seed.toml";
  REQUIRE(WriteFileAtomically(path, Read(kSource / "questions/german-soviet-military-cooperation.toml")).empty());
  IntentFixture f(path);
  const size_t deck = f.DeckFrom(path);
  f.Apply(OpenEditor{deck, "card-sondergruppe-r"});
  REQUIRE(f.state.screen == Screen::Editor);
  CHECK(SelectedItem(f).id == "card-sondergruppe-r");
  const std::uint64_t revision = f.state.editor->revision;

  f.Apply(EditorSetField{"front", "What was the Sondergruppe R?"});
  CHECK(f.state.editor->message.empty());
  CHECK(f.state.editor->revision > revision);
  CHECK(f.state.editor->session->Dirty());
  CHECK(SelectedItem(f).id == "card-sondergruppe-r");
  f.Apply(EditorUndo{});
  CHECK(f.state.editor->session->Field(Selected(f), "front") == "What was Sondergruppe R?");
  f.Apply(EditorRedo{});
  CHECK(f.state.editor->session->Field(Selected(f), "front") == "What was the Sondergruppe R?");
  f.Apply(EditorSave{});
  CHECK(f.state.editor->saved);
  CHECK_FALSE(f.state.editor->messageIsProblem);
  CHECK(Read(path).find("front = \"What was the Sondergruppe R?\"") != std::string::npos);

  // Select another item; an id typed over another's is refused with why.
  const std::ptrdiff_t kama = f.state.editor->session->Find(edit::ItemKind::Entity, "kama-school");
  REQUIRE(kama >= 0);
  f.Apply(EditorSelect{static_cast<size_t>(kama)});
  CHECK(SelectedItem(f).id == "kama-school");
  f.Apply(EditorSetField{"id", "lipetsk-school"});
  CHECK(f.state.editor->messageIsProblem);
  CHECK(f.state.editor->message.find("another item has the id") != std::string::npos);

  // Leaving reads the library again: the deck lists its edit.
  f.Apply(GoToScreen{Screen::Home});
  CHECK_FALSE(f.state.editor);
  CHECK(f.state.decks[f.DeckFrom(path)].errors.empty());
}

TEST_CASE("EditorAdd, EditorDuplicate, EditorDelete and EditorStartAfresh change the list", "[intents][editor]") {
  test::TempDir decks;
  const auto path = decks / "small.toml";
  REQUIRE(WriteFileAtomically(
              path, "[deck]\nid = \"small\"\ntitle = \"Small\"\n\n[[card]]\nid = \"a\"\nfront = \"A\"\nback = \"1\"\n")
              .empty());
  IntentFixture f(path);
  f.Apply(OpenEditor{f.DeckFrom(path), {}});
  const size_t before = f.state.editor->session->Items().size();
  f.Apply(EditorAdd{edit::ItemKind::Event});
  REQUIRE(f.state.editor->session->Items().size() == before + 1);
  CHECK(SelectedItem(f).kind == edit::ItemKind::Event);
  f.Apply(EditorSetField{"name", "A fair in town"});
  f.Apply(EditorSetField{"date", "c. 1500"});
  CHECK(f.state.editor->session->Messages(Selected(f)).size() == 1); // a warning: no source
  f.Apply(EditorDuplicate{});
  REQUIRE(f.state.editor->session->Items().size() == before + 2);
  const std::string copy = SelectedItem(f).id;
  CHECK(f.state.editor->session->Field(Selected(f), "date") == "c. 1500");
  f.Apply(EditorStartAfresh{});
  CHECK(SelectedItem(f).id != copy);
  CHECK(SelectedItem(f).kind == edit::ItemKind::Event);
  f.Apply(EditorDelete{});
  CHECK(f.state.editor->session->Items().size() == before + 1);
  CHECK(f.state.editor->message.find("Ctrl+Z") != std::string::npos);
  f.Apply(EditorUndo{});
  CHECK(f.state.editor->session->Items().size() == before + 2);
}

TEST_CASE("CheckDecksOnDisk reads a deck changed by another program, and the editor offers reload or merge",
          "[intents][editor]") {
  test::TempDir decks;
  const auto path = decks / "small.toml";
  const std::string text =
      "[deck]\nid = \"small\"\ntitle = \"Small\"\n\n[[card]]\nid = \"a\"\nfront = \"A\"\nback = \"1\"\n";
  REQUIRE(WriteFileAtomically(path, text).empty());
  IntentFixture f(path);
  const size_t deck = f.DeckFrom(path);
  CHECK(f.state.decks[deck].summary.cards == 1);
  f.Apply(CheckDecksOnDisk{});
  CHECK(f.state.confirmations.empty()); // nothing changed
  REQUIRE(WriteFileAtomically(path, text + "\n[[card]]\nid = \"b\"\nfront = \"B\"\nback = \"2\"\n").empty());
  std::filesystem::last_write_time(path, std::filesystem::last_write_time(path) + std::chrono::seconds(2));
  f.Apply(CheckDecksOnDisk{});
  CHECK(f.state.decks[f.DeckFrom(path)].summary.cards == 2);
  REQUIRE_FALSE(f.state.confirmations.empty());
  CHECK(f.state.confirmations.back() == "Small was changed on disk and read again");

  // In the editor: without unsaved edits it is read again at once.
  f.Apply(OpenEditor{f.DeckFrom(path), "a"});
  REQUIRE(WriteFileAtomically(path, Read(path) + "\n[[card]]\nid = \"c\"\nfront = \"C\"\nback = \"3\"\n").empty());
  f.Apply(CheckDecksOnDisk{});
  CHECK(f.state.editor->session->Find(edit::ItemKind::Card, "c") >= 0);
  CHECK(f.state.editor->message.find("read again") != std::string::npos);
  CHECK(SelectedItem(f).id == "a");
  // With unsaved edits: the choice is offered, nothing is overwritten.
  f.Apply(EditorSetField{"back", "one"});
  REQUIRE(WriteFileAtomically(path, Read(path) + "\n[[card]]\nid = \"d\"\nfront = \"D\"\nback = \"4\"\n").empty());
  f.Apply(CheckDecksOnDisk{});
  CHECK(f.state.editor->conflict);
  f.Apply(EditorSave{});
  CHECK(f.state.editor->conflict);
  CHECK(Read(path).find("back = \"one\"") == std::string::npos);
  f.Apply(EditorMerge{});
  CHECK_FALSE(f.state.editor->conflict);
  CHECK(f.state.editor->session->Find(edit::ItemKind::Card, "d") >= 0);
  CHECK(f.state.editor->session->Field(Selected(f), "back") == "one");
  f.Apply(EditorSave{});
  CHECK(Read(path).find("back = \"one\"") != std::string::npos);
  CHECK(Read(path).find("id = \"d\"") != std::string::npos);
  // Read it again: an unsaved edit dropped.
  f.Apply(EditorSetField{"back", "uno"});
  f.Apply(EditorReload{});
  CHECK(f.state.editor->session->Field(Selected(f), "back") == "one");
  CHECK_FALSE(f.state.editor->session->Dirty());
  f.Apply(EditorTick{}); // nothing is being checked: nothing changes
  CHECK(SelectedItem(f).id == "a");
}

TEST_CASE("A term list from the template, filled in the editor with five cards, plays as a classroom match",
          "[intents][editor]") {
  IntentFixture f;
  f.Apply(NewDeckFromTemplate{"term-list.csv"});
  REQUIRE(f.state.screen == Screen::Editor);
  REQUIRE(f.state.editor);
  auto& session = *f.state.editor->session;
  REQUIRE(session.Rows());
  // The template's example rows out, five terms in.
  while (!session.Items().empty()) {
    f.Apply(EditorSelect{0});
    f.Apply(EditorDelete{});
  }
  const std::pair<const char*, const char*> terms[] = {{"photosynthesis", "sugar made from light in green plants"},
                                                       {"evaporation", "a liquid turning into a gas below boiling"},
                                                       {"condensation", "a gas turning into a liquid as it cools"},
                                                       {"erosion", "rock and soil worn away by water or wind"},
                                                       {"sublimation", "a solid turning straight into a gas"}};
  for (const auto& [term, meaning] : terms) {
    f.Apply(EditorAdd{edit::ItemKind::Card});
    f.Apply(EditorSetField{"0", term});
    f.Apply(EditorSetField{"1", meaning});
  }
  CHECK(session.Items().size() == 5);
  CHECK(session.CurrentDeck().cards.size() == 5);
  // A term list holds cards only: an event needs a facts file.
  f.Apply(EditorAdd{edit::ItemKind::Event});
  CHECK(f.state.editor->messageIsProblem);
  CHECK(f.state.editor->message.find("save it as a facts file") != std::string::npos);
  f.Apply(EditorSave{});
  CHECK(f.state.editor->saved);
  const auto file = f.state.UserDecksDir() / "term-list.csv";
  CHECK(Read(file) ==
        "Term,Definition\nphotosynthesis,sugar made from light in green plants\n"
        "evaporation,a liquid turning into a gas below boiling\ncondensation,a gas turning into a liquid as it "
        "cools\nerosion,rock and soil worn away by water or wind\nsublimation,a solid turning straight into a gas\n");
  f.Apply(GoToScreen{Screen::Home});
  const size_t deck = f.DeckFrom(file);
  CHECK(f.state.decks[deck].summary.cards == 5);
  f.Apply(OpenClassroom{deck});
  ClassroomSetup setup = DefaultClassroomSetup(2);
  setup.questions = 5;
  f.Apply(StartMatch{setup});
  REQUIRE(f.state.classroom);
  REQUIRE(f.state.classroom->match);
  CHECK(f.state.classroom->match->QuestionCount() == 5);
  const Question* q = f.state.classroom->match->Current();
  REQUIRE(q);
  CHECK(q->options.size() == 4);
}

TEST_CASE("An empty deck and EditorSaveAsFactsFile: a file of rows goes on as a facts file", "[intents][editor]") {
  IntentFixture f;
  f.Apply(NewDeckFromTemplate{"", "Flags of Asia"});
  REQUIRE(f.state.editor);
  CHECK(f.state.editor->session->Path().filename() == "flags-of-asia.toml");
  CHECK(f.state.editor->session->CurrentDeck().title == "Flags of Asia");
  f.Apply(NewDeckFromTemplate{"chronology.csv"});
  REQUIRE(f.state.editor);
  REQUIRE(f.state.editor->session->Rows());
  f.Apply(EditorSaveAsFactsFile{});
  CHECK_FALSE(f.state.editor->messageIsProblem);
  CHECK(f.state.editor->session->Path().filename() == "chronology.toml");
  CHECK_FALSE(f.state.editor->session->Rows());
  f.Apply(EditorAdd{edit::ItemKind::Source});
  CHECK_FALSE(f.state.editor->messageIsProblem);
  CHECK(f.state.editor->session->CurrentDeck().events.size() > 3);
  f.Apply(GoToScreen{Screen::Home});
  std::error_code ec;
  CHECK(std::filesystem::exists(f.state.UserDecksDir() / "chronology.toml", ec));
}
