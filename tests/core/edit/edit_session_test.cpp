// Editing a deck file: the bundled deck changed in a few fields and saved (its diff exactly
// those lines), undo and redo, ids kept, a file changed by another program, files of rows
// written back in their own layout, and the checks shown while typing.
#include <catch2/catch.hpp>

#include <fstream>

#include "core/base/atomic_file.h"
#include "core/edit/edit_session.h"
#include "support/process.h"
#include "support/temp_dir.h"

using namespace factdeck;
using namespace factdeck::edit;
using factdeck::test::TempDir;

namespace {

const std::filesystem::path kSource = FACTDECK_SOURCE_DIR;

std::string Read(const std::filesystem::path& path) {
  std::string text;
  REQUIRE(ReadWholeFile(path, text).empty());
  return text;
}

void Write(const std::filesystem::path& path, const std::string& text) {
  REQUIRE(WriteFileAtomically(path, text).empty());
}

// The lines `diff -U0` says were taken out ("-...") and put in ("+..."), in order.
std::vector<std::string> Diff(const std::filesystem::path& a, const std::filesystem::path& b) {
  const auto result = factdeck::test::RunProcess({"/usr/bin/diff", "-U0", a.string(), b.string()});
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < result.out.size()) {
    size_t end = result.out.find('\n', start);
    if (end == std::string::npos) end = result.out.size();
    const std::string line = result.out.substr(start, end - start);
    if ((line[0] == '+' || line[0] == '-') && line.rfind("+++", 0) != 0 && line.rfind("---", 0) != 0)
      lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

std::unique_ptr<EditSession> OpenSession(const std::filesystem::path& path, const FileReading& reading = {}) {
  std::string error;
  auto session = EditSession::Open(path, reading, error);
  INFO(error);
  REQUIRE(session);
  return session;
}

size_t IndexOf(const EditSession& session, ItemKind kind, const std::string& id) {
  const std::ptrdiff_t at = session.Find(kind, id);
  REQUIRE(at >= 0);
  return static_cast<size_t>(at);
}

} // namespace

TEST_CASE("The bundled deck edited in three places is saved as exactly those lines", "[edit]") {
  TempDir dir;
  const auto original = kSource / "questions/german-soviet-military-cooperation.toml";
  const auto path = dir / "deck.toml";
  Write(path, Read(original));
  auto session = OpenSession(path);
  REQUIRE(session->Errors() == 0);
  const size_t warningsBefore = session->Warnings();

  // A typo fixed in a card's back.
  const size_t card = IndexOf(*session, ItemKind::Card, "card-sondergruppe-r");
  const std::string back = session->Field(card, "back");
  REQUIRE(back.find("the R stood for Russia") != std::string::npos);
  std::string fixed = back;
  fixed.replace(fixed.find("the R stood"), 11, "its R stood");
  REQUIRE(session->Set(card, "back", fixed).empty());
  CHECK(session->Dirty());

  // A new card and a new event dated "c. 1500".
  size_t added = 0;
  REQUIRE(session->Add(ItemKind::Card, added).empty());
  CHECK(session->Items()[added].kind == ItemKind::Card);
  const std::string cardId = session->Items()[added].id;
  REQUIRE(session->Set(added, "front", "Which treaty of 1922 restored relations?").empty());
  REQUIRE(session->Set(IndexOf(*session, ItemKind::Card, cardId), "back", "The Treaty of Rapallo").empty());
  REQUIRE(session->Set(IndexOf(*session, ItemKind::Card, cardId), "source", "schlange").empty());
  REQUIRE(session->Add(ItemKind::Event, added).empty());
  const std::string eventId = session->Items()[added].id;
  REQUIRE(session->Set(added, "name", "A first trade agreement").empty());
  const size_t event = IndexOf(*session, ItemKind::Event, eventId);
  const auto typing = session->CheckFields(event, {{"date", "c. 1500"}});
  bool readsAs = false;
  for (const FieldMessage& m : typing)
    readsAs |= m.key == "date" && m.level == FieldMessage::Level::Info && m.text.find("c. 1500") != std::string::npos;
  CHECK(readsAs);
  REQUIRE(session->Set(event, "date", "c. 1500").empty());
  REQUIRE(session->Set(IndexOf(*session, ItemKind::Event, eventId), "source", "schlange").empty());

  const SaveOutcome saved = session->Save();
  INFO(saved.message);
  REQUIRE(saved.saved);
  const std::vector<std::string> diff = Diff(original, path);
  const std::vector<std::string> expected = {
      "-back = \"A special group set up in the German War Ministry in 1921 to handle the work in Russia; the R stood "
      "for Russia.\"",
      "+back = \"A special group set up in the German War Ministry in 1921 to handle the work in Russia; its R stood "
      "for Russia.\"",
  };
  REQUIRE(diff.size() == 2 + 6 + 6); // the changed line; each new table with the blank line before it
  CHECK(diff[0] != diff[1]);
  CHECK(std::count(diff.begin(), diff.end(), "+[[card]]") == 1);
  CHECK(std::count(diff.begin(), diff.end(), "+[[event]]") == 1);
  CHECK(std::count(diff.begin(), diff.end(), "+date = \"c. 1500\"") == 1);
  CHECK(std::count(diff.begin(), diff.end(), "+back = \"The Treaty of Rapallo\"") == 1);
  CHECK(std::count(diff.begin(), diff.end(), expected[0]) == 1);
  CHECK(std::count(diff.begin(), diff.end(), expected[1]) == 1);
  size_t removed = 0;
  for (const std::string& line : diff)
    removed += line[0] == '-';
  CHECK(removed == 1);

  // What `check` reads from the saved file: no error, no new warning, both items there.
  DeckLoad load = LoadDeckFile(path.string());
  CHECK(load.Ok());
  CHECK(load.diagnostics.size() == warningsBefore);
  const Event* e = load.deck.FindEvent(eventId);
  REQUIRE(e);
  CHECK(e->date.circa);
  CHECK(e->date.year == 1500);
}

TEST_CASE("Undo and redo give back each text byte for byte", "[edit]") {
  TempDir dir;
  const auto path = dir / "deck.toml";
  Write(path, "[deck]\nid = \"d\"\ntitle = \"T\"\n\n[[card]]\nfront = \"A\"\nback = \"1\"\n\n[[card]]\nfront = "
              "\"B\"\nback = \"2\"\n"
              "\n[[card]]\nfront = \"C\"\nback = \"3\"\n");
  auto session = OpenSession(path);
  const std::string start = session->Text();
  REQUIRE(session->Set(IndexOf(*session, ItemKind::Card, "card-1"), "back", "one").empty());
  const std::string afterSet = session->Text();
  // Taking out the first numbered card writes the later ones' ids, so their progress stays.
  REQUIRE(session->Remove(IndexOf(*session, ItemKind::Card, "card-1")).empty());
  CHECK(session->Text().find("[[card]]\nfront = \"B\"\nback = \"2\"\nid = \"card-2\"\n") != std::string::npos);
  CHECK(session->Text().find("id = \"card-3\"") != std::string::npos);
  CHECK(session->Find(ItemKind::Card, "card-2") >= 0);
  CHECK(session->Find(ItemKind::Card, "card-1") < 0);
  CHECK(session->UndoLabel() == "Undo: delete the card");
  std::ptrdiff_t item = -1;
  REQUIRE(session->Undo(&item));
  CHECK(session->Text() == afterSet);
  CHECK(item == session->Find(ItemKind::Card, "card-1"));
  REQUIRE(session->Undo());
  CHECK(session->Text() == start);
  CHECK_FALSE(session->Undo());
  CHECK_FALSE(session->Dirty());
  REQUIRE(session->Redo());
  CHECK(session->Text() == afterSet);
  CHECK(session->RedoLabel() == "Redo: delete the card");
  // A new edit after an undo drops what could be redone.
  REQUIRE(session->Set(IndexOf(*session, ItemKind::Card, "card-2"), "front", "Bee").empty());
  CHECK_FALSE(session->CanRedo());
}

TEST_CASE("Ids stay: a renamed id is kept in renamed_from, a fact's made id is written first", "[edit]") {
  TempDir dir;
  const auto path = dir / "deck.toml";
  Write(path, R"([deck]
id = "d"
title = "T"

[[relation]]
id = "capital"
question = "What is the capital of {subject}?"
object = "text"

[[entity]]
id = "fr"
name = "France"
kind = "country"

[[fact]]
subject = "fr"
relation = "capital"
object = "Pariss"
)");
  auto session = OpenSession(path);
  const size_t fact = IndexOf(*session, ItemKind::Fact, "fr.capital");
  REQUIRE(session->Set(fact, "object", "Paris").empty());
  CHECK(session->Text().find("object = \"Paris\"\nid = \"fr.capital\"\n") != std::string::npos);
  REQUIRE(session->Set(IndexOf(*session, ItemKind::Entity, "fr"), "id", "france").empty());
  CHECK(session->Text().find("id = \"france\"\nname = \"France\"\nkind = \"country\"\nrenamed_from = [\"fr\"]\n") !=
        std::string::npos);
  // Another item's id is refused.
  CHECK_FALSE(session->Set(IndexOf(*session, ItemKind::Entity, "france"), "id", "fr.capital").empty());
  // "This is a new question": a new id and no renamed_from.
  REQUIRE(session->StartAfresh(IndexOf(*session, ItemKind::Fact, "fr.capital")).empty());
  CHECK(session->Find(ItemKind::Fact, "fr.capital") < 0);
  CHECK(session->Text().find("renamed_from = [\"fr.capital\"]") == std::string::npos);
  // The fact names the entity by its new id: the deck still reads.
  const size_t f = static_cast<size_t>(session->Find(ItemKind::Fact, "fact-2"));
  CHECK(session->Field(f, "subject") == "france");
  CHECK(session->Errors() == 0);
}

TEST_CASE("What a review found: ids around a deleted, copied or renamed item stay, line ends stay", "[edit]") {
  TempDir dir;
  // Two facts of one subject and relation without ids: deleting the first keeps the second's.
  const auto facts = dir / "facts.toml";
  Write(facts, "[deck]\r\nid = \"d\"\r\ntitle = \"T\"\r\n\r\n[[relation]]\r\nid = \"lived_in\"\r\n"
               "question = \"Where did {subject} live?\"\r\nobject = \"text\"\r\nmany = true\r\n\r\n"
               "[[entity]]\r\nid = \"roehm\"\r\nname = \"Röhm\"\r\nkind = \"person\"\r\n\r\n"
               "[[fact]]\r\nsubject = \"roehm\"\r\nrelation = \"lived_in\"\r\nobject = \"Munich\"\r\n\r\n"
               "[[fact]]\r\nsubject = \"roehm\"\r\nrelation = \"lived_in\"\r\nobject = \"Berlin\"\r\n");
  auto session = OpenSession(facts);
  const std::string second = session->Items().back().id;
  REQUIRE(second != session->Items()[session->Items().size() - 2].id);
  REQUIRE(session->Remove(session->Items().size() - 2).empty());
  CHECK(session->Items().back().id == second);
  // New lines take the file's CRLF.
  CHECK(session->Text().find("id = \"" + second + "\"\r\n") != std::string::npos);
  CHECK(session->Text().find("\r\n\n") == std::string::npos);

  // Cards without ids: a copy goes last, none is renumbered; a card's new id goes to the store.
  const auto cards = dir / "cards.toml";
  Write(cards, "[deck]\nid = \"c\"\ntitle = \"C\"\n\n[[card]]\nfront = \"A\"\nback = \"1\"\n\n[[card]]\nfront = \"B\"\n"
               "back = \"2\"\n\n[[card]]\nfront = \"C\"\nback = \"3\"\n");
  auto deck = OpenSession(cards);
  size_t copy = 0;
  REQUIRE(deck->Duplicate(IndexOf(*deck, ItemKind::Card, "card-1"), copy).empty());
  CHECK(deck->Errors() == 0);
  CHECK(deck->Field(IndexOf(*deck, ItemKind::Card, "card-3"), "front") == "C");
  REQUIRE(deck->Set(IndexOf(*deck, ItemKind::Card, "card-2"), "id", "card-bee").empty());
  CHECK(deck->Text().find("renamed_from") == std::string::npos); // cards take no renamed_from
  REQUIRE(deck->Save().saved);
  const auto renames = deck->TakeRenames();
  REQUIRE(renames.size() == 1);
  CHECK(renames[0] == std::make_pair(std::string("card-2"), std::string("card-bee")));
  // Undone past the save and saved again: the rename is taken back.
  REQUIRE(deck->Undo());
  REQUIRE(deck->Set(IndexOf(*deck, ItemKind::Card, "card-1"), "back", "one").empty());
  REQUIRE(deck->Save().saved);
  const auto back = deck->TakeRenames();
  REQUIRE(back.size() == 1);
  CHECK(back[0] == std::make_pair(std::string("card-bee"), std::string("card-2")));

  // A CSV without a last line end: the last row copied is a row of its own. Old Mac line ends.
  const auto csv = dir / "terms.csv";
  Write(csv, "Term,Definition\nA,a\nB,b\nC,c");
  auto rows = OpenSession(csv);
  REQUIRE(rows->Duplicate(2, copy).empty());
  CHECK(rows->Text() == "Term,Definition\nA,a\nB,b\nC,c\nC,c");
  const auto mac = dir / "mac.csv";
  Write(mac, "Term,Definition\rLipetsk,Fighter school\rKazan,Tank school\r");
  auto old = OpenSession(mac);
  REQUIRE(old->Items().size() == 2);
  REQUIRE(old->Set(0, "0", "Lipetsk airfield").empty());
  REQUIRE(old->Remove(1).empty());
  CHECK(old->Text() == "Term,Definition\rLipetsk airfield,Fighter school\r");

  // An empty facts file can be given its [deck] table.
  const auto empty = dir / "empty.toml";
  Write(empty, "");
  auto blank = OpenSession(empty);
  CHECK(blank->Errors() > 0);
  CHECK_FALSE(blank->LooseMessages().empty());
  REQUIRE(blank->Addable().front() == ItemKind::Deck);
  REQUIRE(blank->Add(ItemKind::Deck, copy).empty());
  REQUIRE(blank->Set(copy, "title", "My deck").empty());
  CHECK(blank->Text() == "[deck]\nid = \"deck-1\"\ntitle = \"My deck\"\n");
}

TEST_CASE("A file changed by another program is never overwritten unasked", "[edit]") {
  TempDir dir;
  const auto path = dir / "deck.toml";
  Write(path, "[deck]\nid = \"d\"\ntitle = \"T\"\n\n[[card]]\nid = \"a\"\nfront = \"A\"\nback = \"1\"\n");
  auto session = OpenSession(path);
  CHECK(session->CheckDisk() == DiskState::Same);
  REQUIRE(session->Set(IndexOf(*session, ItemKind::Card, "a"), "back", "one").empty());
  // Another program adds a card.
  Write(path, Read(path) + "\n[[card]]\nid = \"b\"\nfront = \"B\"\nback = \"2\"\n");
  CHECK(session->CheckDisk() == DiskState::Changed);
  const SaveOutcome refused = session->Save();
  CHECK_FALSE(refused.saved);
  CHECK(refused.changedOnDisk);
  CHECK(Read(path).find("back = \"one\"") == std::string::npos);
  // Keep both: the other program's card and this edit.
  CHECK(session->Merge().empty());
  CHECK(session->Find(ItemKind::Card, "b") >= 0);
  CHECK(session->Field(IndexOf(*session, ItemKind::Card, "a"), "back") == "one");
  REQUIRE(session->Save().saved);
  CHECK(Read(path) == "[deck]\nid = \"d\"\ntitle = \"T\"\n\n[[card]]\nid = \"a\"\nfront = \"A\"\nback = \"one\"\n\n"
                      "[[card]]\nid = \"b\"\nfront = \"B\"\nback = \"2\"\n");
  // An edit of an item the other program took out cannot be made again: said, not lost silently.
  REQUIRE(session->Set(IndexOf(*session, ItemKind::Card, "b"), "back", "two").empty());
  Write(path, "[deck]\nid = \"d\"\ntitle = \"T\"\n\n[[card]]\nid = \"a\"\nfront = \"A\"\nback = \"one\"\n");
  const std::vector<std::string> lost = session->Merge();
  REQUIRE(lost.size() == 1);
  CHECK(lost[0].find("\"b\" is no longer in the file") != std::string::npos);
  // Reading it again drops this session's edits.
  REQUIRE(session->Set(IndexOf(*session, ItemKind::Card, "a"), "back", "uno").empty());
  REQUIRE(session->Reload().empty());
  CHECK(session->Field(IndexOf(*session, ItemKind::Card, "a"), "back") == "one");
  CHECK_FALSE(session->Dirty());
}

TEST_CASE("A save that fails keeps the edits and says why", "[edit]") {
  TempDir dir;
  std::filesystem::create_directory(dir / "decks");
  const auto path = dir / "decks" / "deck.toml";
  Write(path, "[deck]\nid = \"d\"\ntitle = \"T\"\n\n[[card]]\nid = \"a\"\nfront = \"A\"\nback = \"1\"\n");
  auto session = OpenSession(path);
  REQUIRE(session->Set(IndexOf(*session, ItemKind::Card, "a"), "back", "one").empty());
  // The folder replaced by a file of the same name: no write can succeed there, even as root.
  std::filesystem::remove_all(dir / "decks");
  std::ofstream(dir / "decks") << "not a folder";
  const SaveOutcome failed = session->Save();
  CHECK_FALSE(failed.saved);
  CHECK(failed.message.rfind("Not saved: ", 0) == 0);
  CHECK(session->Dirty());
  CHECK(session->Field(IndexOf(*session, ItemKind::Card, "a"), "back") == "one");
}

TEST_CASE("A CSV term list is written back in its own layout, progress following a changed front", "[edit]") {
  TempDir dir;
  const auto path = dir / "terms.csv";
  const std::string text = "\xEF\xBB\xBFTerm;Definition\r\nphotosynthesis;\"making sugar; from light\"\r\n"
                           "evaporation;a liquid becoming a gas\r\nerosion;wearing away\r\n";
  Write(path, text);
  auto session = OpenSession(path);
  REQUIRE(session->Rows());
  REQUIRE(session->Items().size() == 3);
  const auto fields = session->Fields(0);
  REQUIRE(fields.size() == 2);
  CHECK(fields[0].label == "Term");
  CHECK(session->Field(0, "1") == "making sugar; from light");
  const std::string oldId = session->Items()[1].id;
  REQUIRE(session->Set(1, "0", "evaporaton").empty());
  REQUIRE(session->Set(1, "0", "evaporation; boiling").empty());
  REQUIRE(session->Set(2, "1", "the wearing away of rock").empty());
  size_t added = 0;
  REQUIRE(session->Add(ItemKind::Card, added).empty());
  CHECK(added == 3);
  REQUIRE(session->Set(added, "0", "condensation").empty());
  REQUIRE(session->Set(added, "1", "a gas becoming a liquid").empty());
  CHECK_FALSE(session->Add(ItemKind::Event, added).empty()); // the columns hold cards only
  REQUIRE(session->Save().saved);
  CHECK(Read(path) == "\xEF\xBB\xBFTerm;Definition\r\nphotosynthesis;\"making sugar; from light\"\r\n"
                      "\"evaporation; boiling\";a liquid becoming a gas\r\nerosion;the wearing away of rock\r\n"
                      "condensation;a gas becoming a liquid\r\n");
  const auto renames = session->TakeRenames();
  REQUIRE(renames.size() == 2);
  CHECK(renames[0].first == oldId);
  CHECK(renames[1].second == session->Items()[1].id);
  CHECK(session->TakeRenames().empty());
  REQUIRE(session->Remove(0).empty());
  REQUIRE(session->Save().saved);
  CHECK(Read(path).rfind("\xEF\xBB\xBFTerm;Definition\r\n\"evaporation; boiling\"", 0) == 0);
}

TEST_CASE("A quiz spreadsheet saved as CSV keeps its columns, and it can become a facts file", "[edit]") {
  TempDir dir;
  const auto path = dir / "quiz.csv";
  std::filesystem::copy_file(kSource / "tests/data/quiz-numbered.csv", path);
  const std::string before = Read(path);
  auto session = OpenSession(path);
  REQUIRE_FALSE(session->Items().empty());
  CHECK(session->Items()[0].kind == ItemKind::Choice);
  const auto fields = session->Fields(0);
  REQUIRE(fields.size() >= 4);
  const std::string question = session->Field(0, "0").empty() ? "1" : "0";
  const std::string old = session->Field(0, question);
  REQUIRE(session->Set(0, question, old + " (edited)").empty());
  REQUIRE(session->Save().saved);
  const std::string after = Read(path);
  CHECK(after.size() == before.size() + std::string(" (edited)").size()); // that cell only, its row unquoted
  CHECK(after.find(old + " (edited)") != std::string::npos);
  const size_t questions = session->CurrentDeck().choices.size();
  REQUIRE(questions > 0);
  REQUIRE(session->SaveAsFactsFile().empty());
  CHECK(session->Path().extension() == ".toml");
  CHECK_FALSE(session->Rows());
  DeckLoad load = LoadDeckFile(session->Path().string());
  CHECK(load.Ok());
  CHECK(load.deck.choices.size() == questions);
}

TEST_CASE("Fields are checked while typed, and an item's questions previewed", "[edit]") {
  TempDir dir;
  const auto path = dir / "deck.toml";
  Write(path, Read(kSource / "questions/german-soviet-military-cooperation.toml"));
  auto session = OpenSession(path);
  size_t added = 0;
  REQUIRE(session->Add(ItemKind::Choice, added).empty());
  auto levelAt = [&](const std::vector<FieldMessage>& messages, const std::string& key) {
    for (const FieldMessage& m : messages)
      if (m.key == key) return static_cast<int>(m.level);
    return -1;
  };
  const auto empty = session->CheckFields(added, {});
  CHECK(levelAt(empty, "question") == static_cast<int>(FieldMessage::Level::Error));
  const auto twice = session->CheckFields(
      added,
      {{"question", "Where was the tank school?"}, {"answer", "Kazan"}, {"wrong", "Lipetsk\nkazan"}, {"seconds", "3"}});
  CHECK(levelAt(twice, "wrong") == static_cast<int>(FieldMessage::Level::Error));
  CHECK(levelAt(twice, "seconds") == static_cast<int>(FieldMessage::Level::Error));
  const auto fine = session->CheckFields(
      added, {{"question", "Where was the tank school?"}, {"answer", "Kazan"}, {"wrong", "Lipetsk\nMoscow"}});
  CHECK(levelAt(fine, "wrong") == -1);
  REQUIRE(session->Add(ItemKind::Fact, added).empty());
  const auto fact = session->CheckFields(added, {{"subject", "lipetsk-schoo"}, {"relation", "nothing"}});
  CHECK(levelAt(fact, "subject") == static_cast<int>(FieldMessage::Level::Error));
  CHECK(levelAt(fact, "relation") == static_cast<int>(FieldMessage::Level::Error));
  REQUIRE(session->Add(ItemKind::Event, added).empty());
  const auto date = session->CheckFields(added, {{"name", "x"}, {"date", "31 February 1922"}});
  CHECK(levelAt(date, "date") == static_cast<int>(FieldMessage::Level::Error));

  const std::vector<Question> preview = session->Preview(IndexOf(*session, ItemKind::Card, "card-sondergruppe-r"));
  REQUIRE_FALSE(preview.empty());
  CHECK(preview[0].prompt.find("Sondergruppe R") != std::string::npos);
  const std::vector<Question> entity = session->Preview(IndexOf(*session, ItemKind::Entity, "lipetsk-school"));
  REQUIRE_FALSE(entity.empty());
  for (const Question& q : entity)
    CHECK(q.options.size() != 1);
}
