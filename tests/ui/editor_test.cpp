// The deck editor in the real window: a teacher finds a card by its words, mends a typo in
// it, adds a card and an event dated "c. 1500" (its source chosen from the deck's), and saves
// with Ctrl+S. The file's diff is exactly those lines, the deck reads without an error, and
// the learner's history of the mended card is still theirs. Then the same at 800x600 and in
// projector mode, and leaving with an unsaved edit asks first.
#include <GLFW/glfw3.h>
#include <catch2/catch.hpp>
#include <algorithm>
#include <fstream>

#include "core/base/atomic_file.h"
#include "harness.h"
#include "support/process.h"

using namespace factdeck;
using factdeck::test::UiHarness;

namespace {

const std::filesystem::path kSeed =
    std::filesystem::path(FACTDECK_SOURCE_DIR) / "questions/german-soviet-military-cooperation.toml";
constexpr const char* kDeckId = "german-soviet-military-cooperation";
constexpr const char* kCard = "card-sondergruppe-r";

size_t ListedFrom(UiHarness& ui, const std::filesystem::path& path) {
  std::error_code ec;
  for (size_t i = 0; i < ui.State().decks.size(); ++i)
    if (std::filesystem::equivalent(ui.State().decks[i].path, path, ec)) return i;
  FAIL("not listed: " << path);
  return 0;
}

std::string Index(const UiHarness& ui, edit::ItemKind kind, const std::string& id) {
  const std::ptrdiff_t at = const_cast<UiHarness&>(ui).State().editor->session->Find(kind, id);
  REQUIRE(at >= 0);
  return std::to_string(at);
}

// Selects what the field holds and types `text` over it.
void TypeOver(UiHarness& ui, const std::string& field, const std::string& text) {
  ui.Click("editor/field/" + field);
  ui.Frames(2); // a paragraph becomes its text box
  ui.PressKey(GLFW_KEY_A, true);
  ui.TypeText(text);
}

} // namespace

TEST_CASE("a typo mended, a card and an event added in the editor: the diff is exactly those lines", "[ui][editor]") {
  test::TempDir dir;
  const auto deck = dir / "deck.toml";
  std::filesystem::copy_file(kSeed, deck);
  UiHarness ui(1280, 800, dir / "data", deck);
  // The learner knows the card already.
  AnswerRecord answer;
  answer.profile = ui.State().profile;
  answer.deck = kDeckId;
  answer.item = kCard;
  answer.kind = srs::QuestionKind::Flashcard;
  answer.time = ui.State().clock();
  answer.correct = answer.answerCorrect = true;
  answer.after.state = srs::CardState::Review;
  answer.after.stability = 6.0;
  answer.after.difficulty = 5.0;
  answer.after.lastReview = answer.time;
  answer.after.due = answer.time + 6 * 86400000LL;
  answer.after.scheduledDays = 6;
  answer.after.reps = 1;
  REQUIRE(ui.State().store->RecordAnswer(answer));

  ui.Click("home/deck/" + std::to_string(ListedFrom(ui, deck)) + "/edit");
  REQUIRE(ui.State().screen == Screen::Editor);
  REQUIRE(ui.State().editor);

  // Ctrl+F, the card's words, the card.
  ui.PressKey(GLFW_KEY_F, true);
  ui.TypeText("Sondergruppe");
  ui.Frames(2);
  CHECK(ui.Widgets().editor.shown.size() < 5);
  ui.Click("editor/item/" + Index(ui, edit::ItemKind::Card, kCard));
  REQUIRE(ui.State().editor->selected >= 0);
  CHECK(ui.State().editor->session->Items()[static_cast<size_t>(ui.State().editor->selected)].id == kCard);
  REQUIRE(ui.Has("editor/preview"));
  CHECK_FALSE(ui.Widgets().editor.preview.empty());
  TypeOver(ui, "back",
           "A special group set up in the German War Ministry in 1921 to handle the work in Russia; its R stood for "
           "Russia.");

  // New card (leaving the field stores it).
  ui.Click("editor/add");
  ui.Click("editor/add/card");
  REQUIRE(ui.State().editor->session->Dirty());
  CHECK(ui.State().editor->session->UnsavedEdits() == 2);
  TypeOver(ui, "front", "Which treaty of 1922 restored relations?");
  // Tab goes on to the back, a paragraph shown wrapped until it is reached.
  ui.PressKey(GLFW_KEY_TAB);
  ui.Frames(2);
  CHECK(ui.Widgets().editor.editing == "back");
  ui.TypeText("The Treaty of Rapallo");
  // New event, dated as people write it; the reading shows while it is typed.
  ui.Click("editor/add");
  ui.Click("editor/add/event");
  TypeOver(ui, "name", "A first trade agreement");
  TypeOver(ui, "date", "c. 1500");
  ui.Frames(1);
  REQUIRE(ui.Has("editor/field/date/message"));
  ui.Scroll("editor/form", -10); // down to the source
  ui.Click("editor/field/source/choose");
  ui.Click("editor/field/source/choose/schlange");
  ui.SaveScreenshot("editor-event-1280x800");
  ui.PressKey(GLFW_KEY_S, true);
  CHECK_FALSE(ui.State().editor->session->Dirty());
  CHECK_FALSE(ui.State().editor->messageIsProblem);

  // The diff: the mended line out and in, and the two new tables.
  const auto diff = test::RunProcess({"/usr/bin/diff", "-U0", kSeed.string(), deck.string()});
  std::vector<std::string> removed, added;
  size_t start = 0;
  while (start < diff.out.size()) {
    size_t end = diff.out.find('\n', start);
    if (end == std::string::npos) end = diff.out.size();
    const std::string line = diff.out.substr(start, end - start);
    if (line.rfind("---", 0) != 0 && line.rfind("+++", 0) != 0) {
      if (line[0] == '-') removed.push_back(line);
      if (line[0] == '+') added.push_back(line);
    }
    start = end + 1;
  }
  INFO(diff.out);
  REQUIRE(removed.size() == 1);
  CHECK(removed[0].find("the R stood for Russia") != std::string::npos);
  const std::vector<std::string> expected = {
      "+back = \"A special group set up in the German War Ministry in 1921 to handle the work in Russia; its R stood "
      "for Russia.\"",
      "+",
      "+[[event]]",
      "+name = \"A first trade agreement\"",
      "+date = \"c. 1500\"",
      "+source = \"schlange\"",
      "+",
      "+[[card]]",
      "+front = \"Which treaty of 1922 restored relations?\"",
      "+back = \"The Treaty of Rapallo\"",
  };
  std::vector<std::string> withoutIds;
  for (const std::string& line : added)
    if (line.rfind("+id = ", 0) != 0) withoutIds.push_back(line);
  std::sort(withoutIds.begin(), withoutIds.end());
  std::vector<std::string> sorted = expected;
  std::sort(sorted.begin(), sorted.end());
  CHECK(withoutIds == sorted);                // in diff's order, which pairs blank lines as it likes
  CHECK(added.size() == expected.size() + 2); // and each new item's id

  // check: no error, no more warnings than before.
  DeckLoad before = LoadDeckFile(kSeed.string()), after = LoadDeckFile(deck.string());
  CHECK(after.Ok());
  CHECK(after.diagnostics.size() == before.diagnostics.size());
  CHECK(after.deck.cards.size() == before.deck.cards.size() + 1);

  // Home, then study: the mended card's history is the learner's still.
  ui.Click("editor/back");
  REQUIRE(ui.State().screen == Screen::Home);
  ui.State().Post(StartStudy{ListedFrom(ui, deck)});
  ui.Frames(2);
  const auto card = ui.State().store->Card(ui.State().profile, kDeckId, kCard, srs::QuestionKind::Flashcard);
  REQUIRE(card);
  CHECK(card->reps == 1);
  bool shown = false;
  for (const StoredCard& c : ui.State().store->Cards(ui.State().profile, kDeckId))
    shown |= c.item == kCard;
  CHECK(shown);
}

TEST_CASE("the editor at 800x600 and in projector mode, and leaving with an unsaved edit asks first", "[ui][editor]") {
  test::TempDir dir;
  const auto deck = dir / "deck.toml";
  std::filesystem::copy_file(kSeed, deck);
  {
    UiHarness ui(800, 600, dir / "data", deck);
    ui.Click("home/deck/" + std::to_string(ListedFrom(ui, deck)) + "/edit");
    REQUIRE(ui.State().editor);
    ui.PressKey(GLFW_KEY_F, true);
    ui.TypeText("kama-school");
    ui.Click("editor/item/" + Index(ui, edit::ItemKind::Fact, "kama-school.located_near"));
    ui.SaveScreenshot("editor-fact-800x600");
    CHECK(ui.Item("editor/field/relation").max.x <= 800);
    ui.Scroll("editor/form", -5); // down to the note
    TypeOver(ui, "note", "Mended in the editor");
    ui.Click("editor/back");
    REQUIRE(ui.Has("editor/leave/stay"));
    ui.SaveScreenshot("editor-leave-800x600");
    ui.Click("editor/leave/stay");
    CHECK(ui.State().screen == Screen::Editor);
    CHECK(ui.State().editor->session->Dirty());
    ui.PressKey(GLFW_KEY_Z, true); // outside a text field: the editor's undo
    CHECK_FALSE(ui.State().editor->session->Dirty());
    ui.Click("editor/back");
    CHECK(ui.State().screen == Screen::Home);
  }
  UiHarness ui(1280, 800, dir / "data", deck);
  Settings projector = ui.State().settings;
  projector.projector = true;
  ui.State().Post(ChangeSettings{projector});
  ui.Frames(2);
  ui.Click("home/deck/" + std::to_string(ListedFrom(ui, deck)) + "/edit");
  ui.PressKey(GLFW_KEY_F, true);
  ui.TypeText("sign the Treaty of Rapallo");
  ui.Click("editor/item/" + Index(ui, edit::ItemKind::Event, "rapallo-signed"));
  ui.SaveScreenshot("editor-projector");
  CHECK(ui.Item("editor/item/" + Index(ui, edit::ItemKind::Event, "rapallo-signed")).max.x <=
        ui.Item("editor/search").max.x + 1);
  CHECK(ui.Item("editor/field/date").max.x <= 1280);
}
