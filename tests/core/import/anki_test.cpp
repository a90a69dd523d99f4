// Anki packages as decks: packages made here in the older and the current format, with the
// stock note types (basic, reversed, typed, cloze), HTML, pictures and sounds; and damaged
// or hostile packages refused with a reason.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <set>

#include <zip.h>

#include "core/deck/deck_writer.h"
#include "core/import/anki.h"
#include "core/import/deck_file.h"
#include "core/questions/questions.h"
#include "support/anki_package.h"
#include "support/synthetic_pictures.h"
#include "support/temp_dir.h"
#include "support/zip_file.h"

using namespace factdeck;
using factdeck::test::AnkiFormat;
using factdeck::test::AnkiMediaFile;
using factdeck::test::AnkiNote;
using factdeck::test::TempDir;

namespace {

std::string ReadBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

const Card* FindCard(const Deck& deck, const std::string& id) {
  for (const Card& c : deck.cards)
    if (c.id == id) return &c;
  return nullptr;
}

std::string Messages(const Diagnostics& diagnostics) {
  std::string all;
  for (const Diagnostic& d : diagnostics)
    all += d.Format() + "\n";
  return all;
}

std::vector<AnkiNote> SampleNotes() {
  return {
      {11, "basic", {"Who led the <b>SA</b>?", "Ernst&nbsp;Röhm<br>"}, "people history::germany", "🎪 History::Weimar"},
      {12, "reversed", {"Тухачевский", "Tukhachevsky"}, "people", "🎪 History::Soviet"},
      {13, "typed", {"<div>Capital of France</div>", "Paris"}, "", "Geography"},
      {14,
       "cloze",
       {"The {{c1::Kama}} school trained {{c2::tank::vehicle}} crews.", "Near Kazan"},
       "schools",
       "🎪 History::Weimar"},
      {15, "basic", {"<img src=\"flag.png\"> Whose flag?", "Sweden [sound:sweden.mp3]"}, "", "Geography"},
      {16, "basic", {"[sound:only.mp3]", "heard"}, "", "Geography"},
      {17, "basic", {"<style>.x{}</style>Largest planet<script>alert(1)</script>", "Jupiter"}, "", "🎪 History"},
  };
}

} // namespace

TEST_CASE("an Anki package in each format becomes cards, clozes, pictures and tags", "[import][anki]") {
  TempDir dir;
  const auto pictures = test::SyntheticPictures(dir.Path(), 1, 8);
  REQUIRE(pictures.size() == 1);
  const std::vector<AnkiMediaFile> media = {{"flag.png", ReadBytes(pictures[0])}, {"sweden.mp3", "ID3"}};
  for (AnkiFormat format : {AnkiFormat::Anki2, AnkiFormat::Anki21, AnkiFormat::Latest}) {
    INFO("format " << static_cast<int>(format));
    const auto package = dir / "history.apkg";
    test::WriteAnkiPackage(package, SampleNotes(), media, format);
    const auto mediaDir = dir / ("media" + std::to_string(static_cast<int>(format)));
    AnkiImport read = ReadAnkiPackage(package.string(), mediaDir, "pictures/");
    INFO(Messages(read.load.diagnostics));
    REQUIRE(read.load.Ok());
    const Deck& deck = read.load.deck;
    // Every note accounted for: 7 notes, 7 cards (the cloze note gives two, the reversed
    // note one card asked both ways), one left out (only a sound on its question side).
    CHECK(read.report.notes == 7);
    CHECK(read.report.cards == 7);
    CHECK(read.report.clozes == 2);
    CHECK(read.report.LeftOut(AnkiReport::Unit::Note) == 1);
    CHECK(read.report.LeftOut(AnkiReport::Unit::Card) == 0);
    CHECK(read.report.sounds == 1); // on the cards made (the sound-only question is left out)
    CHECK(read.report.pictures == 1);
    CHECK(deck.cardsReverse); // a note type with a reversed card
    CHECK(deck.title == "History");

    const Card* basic = FindCard(deck, "note-11");
    REQUIRE(basic);
    CHECK(basic->front == "Who led the SA?");
    CHECK(basic->back == "Ernst Röhm");
    CHECK(basic->tags == std::vector<std::string>{"people", "history::germany", "history", "weimar"});
    CHECK(deck.title == "History"); // the deck most cards come from, its pictograph left out
    const Card* reversed = FindCard(deck, "note-12");
    REQUIRE(reversed);
    CHECK(reversed->front == "Тухачевский");
    CHECK_FALSE(FindCard(deck, "note-12-2")); // the reversed card is FactDeck's reverse question
    const Card* typed = FindCard(deck, "note-13");
    REQUIRE(typed);
    CHECK(typed->front == "Capital of France"); // the typing box shows nothing
    CHECK(typed->back == "Paris");
    const Card* gap1 = FindCard(deck, "note-14-c1");
    const Card* gap2 = FindCard(deck, "note-14-c2");
    REQUIRE(gap1);
    REQUIRE(gap2);
    CHECK(gap1->cloze);
    CHECK(gap1->front == "The [...] school trained tank crews.");
    CHECK(gap1->back == "Kama");
    CHECK(gap2->front == "The Kama school trained [vehicle] crews.");
    CHECK(gap2->back == "tank");
    const Card* flag = FindCard(deck, "note-15");
    REQUIRE(flag);
    CHECK(flag->front == "Whose flag?");
    CHECK(flag->back == "Sweden");
    CHECK(flag->picture.path == "pictures/flag.png");
    CHECK(ReadBytes(mediaDir / "flag.png") == media[0].bytes);
    CHECK_FALSE(std::filesystem::exists(mediaDir / "sweden.mp3"));
    const Card* planet = FindCard(deck, "note-17");
    REQUIRE(planet);
    CHECK(planet->front == "Largest planet");
    for (const Card& c : deck.cards) {
      CHECK(c.front.find('<') == std::string::npos);
      CHECK(c.back.find('<') == std::string::npos);
      CHECK(c.front.find("[sound:") == std::string::npos);
    }
    CHECK(Messages(read.load.diagnostics).find("question side is empty") != std::string::npos);
  }
}

TEST_CASE("an Anki package opens as a deck and is written as a facts file that reads back", "[import][anki]") {
  TempDir dir;
  const auto pictures = test::SyntheticPictures(dir.Path(), 1, 8);
  REQUIRE(pictures.size() == 1);
  std::vector<AnkiNote> notes = SampleNotes();
  // More clozes, so that a cloze is asked as multiple choice against other clozes.
  notes.push_back({20, "cloze", {"{{c1::Lipetsk}} trained pilots.", ""}, "", "History::Weimar"});
  notes.push_back({21, "cloze", {"{{c1::Tomka}} tested gas.", ""}, "", "History::Weimar"});
  notes.push_back({22, "cloze", {"{{c1::Fili}} built aircraft.", ""}, "", "History::Weimar"});
  const auto package = dir / "Deck.colpkg";
  test::WriteAnkiPackage(package, notes, {{"flag.png", ReadBytes(pictures[0])}}, AnkiFormat::Latest);

  REQUIRE(setenv("XDG_CACHE_HOME", (dir / "cache").string().c_str(), 1) == 0);
  DeckLoad load = LoadDeckFile(package.string());
  unsetenv("XDG_CACHE_HOME");
  INFO(Messages(load.diagnostics));
  REQUIRE(load.Ok());
  CHECK(IsDeckFileName(package.string()));
  const Card* flag = FindCard(load.deck, "note-15");
  REQUIRE(flag);
  const auto shown = load.deck.PictureFile(flag->picture);
  CHECK(shown.string().rfind((dir / "cache").string(), 0) == 0); // unpacked into the cache
  CHECK(std::filesystem::exists(shown));

  QuestionGenerator generator(load.deck);
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    auto q = generator.Make(QuestionKind::MultipleChoice, "note-20-c1", seed);
    REQUIRE(q);
    CHECK(q->prompt == "[...] trained pilots.");
    CHECK(q->options[static_cast<size_t>(q->answer)] == "Lipetsk");
    for (const std::string& o : q->options) // the other clozes' answers
      CHECK((o == "Lipetsk" || o == "Tomka" || o == "Fili" || o == "Kama"));
    CHECK_FALSE(generator.Make(QuestionKind::MultipleChoiceReverse, "note-20-c1", seed)); // a cloze one way only
  }

  // Written as a facts file (what `import` does) with the pictures beside it: reads back the same.
  AnkiImport read = ReadAnkiPackage(package.string(), dir / "out" / "Deck-media", "Deck-media/");
  REQUIRE(read.load.Ok());
  read.load.deck.file = (dir / "out" / "deck.toml").string();
  const std::string toml = FormatDeckToml(read.load.deck);
  std::ofstream(dir / "out" / "deck.toml") << toml;
  DeckLoad back = LoadDeckFile((dir / "out" / "deck.toml").string());
  INFO(Messages(back.diagnostics) << toml);
  REQUIRE(back.Ok());
  REQUIRE(back.deck.cards.size() == read.load.deck.cards.size());
  for (size_t i = 0; i < back.deck.cards.size(); ++i) {
    CHECK(back.deck.cards[i].front == read.load.deck.cards[i].front);
    CHECK(back.deck.cards[i].back == read.load.deck.cards[i].back);
    CHECK(back.deck.cards[i].cloze == read.load.deck.cards[i].cloze);
    CHECK(back.deck.cards[i].picture.path == read.load.deck.cards[i].picture.path);
  }
  CHECK(back.deck.cardsReverse == read.load.deck.cardsReverse);
}

TEST_CASE("a damaged or hostile Anki package is refused with a reason", "[import][anki]") {
  TempDir dir;
  auto refused = [&](const std::string& bytes, const std::string& reason) {
    const auto path = dir / "bad.apkg";
    std::ofstream(path, std::ios::binary) << bytes;
    AnkiImport read = ReadAnkiPackage(path.string(), dir / "media");
    INFO(Messages(read.load.diagnostics));
    CHECK_FALSE(read.load.Ok());
    CHECK(Messages(read.load.diagnostics).find(reason) != std::string::npos);
    CHECK(read.load.deck.cards.empty());
  };
  refused("key=value\n", "not an Anki package");
  auto zipOf = [&](const std::vector<std::pair<std::string, std::string>>& members) {
    const auto path = dir / "z.zip";
    test::WriteZip(path, members);
    return ReadBytes(path);
  };
  refused(zipOf({{"readme.txt", "hello"}}), "holds no collection");
  refused(zipOf({{"collection.anki2", "SQLite format 3\0 but not really"}}), "the collection is damaged");
  refused(zipOf({{"collection.anki21b", "not zstd"}}), "the collection is damaged");
  // A real package with its media map broken.
  const auto good = dir / "good.apkg";
  test::WriteAnkiPackage(good, SampleNotes(), {}, AnkiFormat::Anki21);
  {
    int error = 0;
    zip_t* zip = zip_open(good.string().c_str(), 0, &error);
    REQUIRE(zip != nullptr);
    const std::string broken = "{not json";
    REQUIRE(zip_file_add(zip, "media", zip_source_buffer(zip, broken.data(), broken.size(), 0), ZIP_FL_OVERWRITE) >= 0);
    REQUIRE(zip_close(zip) == 0);
  }
  refused(ReadBytes(good), "the media map is damaged");

  // A picture named to leave the media folder is not written, and the card is kept without it.
  const auto sneaky = dir / "sneaky.apkg";
  test::WriteAnkiPackage(sneaky, {{1, "basic", {"<img src=\"../escape.png\">Which?", "This"}, "", "Default"}},
                         {{"../escape.png", "\x89PNG"}}, AnkiFormat::Latest);
  AnkiImport read = ReadAnkiPackage(sneaky.string(), dir / "media");
  REQUIRE(read.load.Ok());
  CHECK_FALSE(std::filesystem::exists(dir / "escape.png"));
  REQUIRE(read.load.deck.cards.size() == 1);
  CHECK(read.load.deck.cards[0].picture.Empty());
  CHECK(Messages(read.load.diagnostics).find("not safe") != std::string::npos);
}

TEST_CASE("Anki's clozes, sections, filtered and default decks are read as Anki reads them", "[import][anki]") {
  TempDir dir;
  const std::vector<AnkiNote> notes = {
      {1, "cloze", {"{{c1::Canberra is in {{c2::Australia}}}}.", ""}, "", "Geo"},
      {2, "cloze", {"{{c1,2::Both}} and {{c3::Rome::a city::really}}<!-- {{c4::hidden}} -->", ""}, "", "Geo"},
      {3, "optional", {"Hund", "dog", ""}, "", "Words"},
      {4, "optional", {"Katze", "cat", "y"}, "", "Words"},
      {5, "basic", {"Capital of Chile?", "Santiago"}, "", "Geo::Capitals", "Custom Study Session"},
      {6, "basic", {"Default deck?", "no tag"}, "", "Default"},
      {7, "basic", {"Repeated rows?", "one card"}, "", "Geo", "", {0, 0, 0}},
      {8, "basic", {"Bad \xff text", "x"}, "", "Geo"},
      {9, "cloze", {"{{c1::Lima}} and {{c2::Quito}}", ""}, "", "Geo", "", {1}}, // only the second gap's card exported
      {10, "reading", {" 日本[にほん] 語[ご] [sound:nihongo.mp3]", "Japanese"}, "", "Geo"},
  };
  for (AnkiFormat format : {AnkiFormat::Anki21, AnkiFormat::Latest}) {
    INFO("format " << static_cast<int>(format));
    const auto package = dir / "syntax.apkg";
    test::WriteAnkiPackage(package, notes, {}, format);
    AnkiImport read = ReadAnkiPackage(package.string(), {});
    INFO(Messages(read.load.diagnostics));
    REQUIRE(read.load.Ok());
    const Deck& deck = read.load.deck;
    auto card = [&](const std::string& id) {
      const Card* c = FindCard(deck, id);
      INFO(id);
      REQUIRE(c);
      return *c;
    };
    // A gap within a gap: each card hides its own.
    CHECK(card("note-1-c1").front == "[...].");
    CHECK(card("note-1-c1").back == "Canberra is in Australia");
    CHECK(card("note-1-c2").front == "Canberra is in [...].");
    CHECK(card("note-1-c2").back == "Australia");
    // A gap for two cards; a hint after the first "::"; a comment's gap is no card.
    CHECK(card("note-2-c1").front == "[...] and Rome");
    CHECK(card("note-2-c2").front == "[...] and Rome");
    CHECK(card("note-2-c3").front == "Both and [a city::really]");
    CHECK(card("note-2-c3").back == "Rome");
    CHECK_FALSE(FindCard(deck, "note-2-c4"));
    // {{#Add Reverse}}: the reverse card only when the field is filled.
    CHECK(card("note-3").back == "dog");
    CHECK_FALSE(FindCard(deck, "note-3-2"));
    CHECK(card("note-4").back == "cat");
    CHECK_FALSE(FindCard(deck, "note-4-2")); // asked as the reverse question
    CHECK(deck.cardsReverse);
    // A card in a filtered deck belongs to its home deck; Anki's default deck gives no tag.
    CHECK(card("note-5").tags == std::vector<std::string>{"geo", "capitals"});
    CHECK(card("note-6").tags.empty());
    CHECK(card("note-7").front == "Repeated rows?");
    CHECK_FALSE(FindCard(deck, "note-7-1"));
    // Only the gaps the collection holds cards of.
    CHECK(card("note-9-c2").back == "Quito");
    CHECK_FALSE(FindCard(deck, "note-9-c1"));
    // Readings: the question shows the word without them, the answer the readings.
    CHECK(card("note-10").front == "日本語");
    CHECK(card("note-10").back == "にほんご : Japanese"); // the space before the sound stays
    // Every note accounted for: those that gave cards and those left out.
    std::set<std::string> gave;
    for (const Card& c : deck.cards)
      gave.insert(c.id.substr(0, c.id.find('-', 5)));
    CHECK(gave.size() + read.report.LeftOut(AnkiReport::Unit::Note) == read.report.notes);
    CHECK(read.report.LeftOut(AnkiReport::Unit::Note) == 1); // note 8: not UTF-8
    CHECK(Messages(read.load.diagnostics).find("not UTF-8") != std::string::npos);
    CHECK(deck.title == "Geo"); // the top deck most cards come from
  }
}
