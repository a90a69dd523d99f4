#include <catch2/catch.hpp>

#include "core/deck/deck.h"
#include "core/import/deck_file.h"
#include "core/base/paths.h"
#include "support/synthetic_deck.h"

using namespace factdeck;

namespace {

const char* kHeader = "[deck]\nid = \"t\"\ntitle = \"Test\"\n[[deck.source]]\nid = \"s\"\ntitle = \"Book\"\n";

// The only error of `text` (after the header); fails when there is not exactly one.
Diagnostic OnlyError(const std::string& body) {
  DeckLoad load = ParseDeck(std::string(kHeader) + body, "deck.toml");
  std::vector<Diagnostic> errors;
  for (const Diagnostic& d : load.diagnostics)
    if (d.severity == Severity::Error) errors.push_back(d);
  INFO("diagnostics:\n"
       << [&] {
            std::string all;
            for (auto& d : load.diagnostics)
              all += d.Format() + "\n";
            return all;
          }());
  REQUIRE(errors.size() == 1);
  return errors[0];
}

const char* kPlaces = "[[entity]]\nid = \"kazan\"\nname = \"Kazan\"\nkind = \"place\"\nsource = \"s\"\n"
                      "[[entity]]\nid = \"kama\"\nname = \"Kama\"\nkind = \"facility\"\nsource = \"s\"\n"
                      "[[relation]]\nid = \"near\"\nquestion = \"Near what was {subject}?\"\nobject = \"place\"\n";

} // namespace

TEST_CASE("a valid deck loads with every item", "[deck]") {
  DeckLoad load =
      ParseDeck(std::string(kHeader) + kPlaces +
                    "[[fact]]\nsubject = \"kama\"\nrelation = \"near\"\nobject = \"kazan\"\nsource = \"s\"\n"
                    "[[event]]\nid = \"e\"\nname = \"Opening\"\ndate = \"1929\"\nplace = \"kazan\"\nsource = \"s\"\n",
                "deck.toml");
  CHECK(load.Ok());
  REQUIRE(load.deck.facts.size() == 1);
  CHECK(load.deck.facts[0].id == "kama.near");
  CHECK(load.deck.Display(load.deck.facts[0].object) == "Kazan");
  REQUIRE(load.deck.events.size() == 1);
  CHECK(load.deck.events[0].placeEntity == "kazan");
  CHECK(load.deck.events[0].place == "Kazan");
}

TEST_CASE("unknown ids are errors at the offending value, with a suggestion", "[deck]") {
  Diagnostic d = OnlyError(std::string(kPlaces) +
                           "[[fact]]\nsubject = \"kamma\"\nrelation = \"near\"\nobject = \"kazan\"\nsource = \"s\"\n");
  CHECK(d.pos.line == 22);
  CHECK(d.pos.column == 11);
  CHECK_THAT(d.message, Catch::Contains("unknown subject 'kamma'") && Catch::Contains("did you mean 'kama'"));
  CHECK(d.Format().rfind("deck.toml:22:11: error: ", 0) == 0);

  Diagnostic object = OnlyError(
      std::string(kPlaces) + "[[fact]]\nsubject = \"kama\"\nrelation = \"near\"\nobject = \"kazn\"\nsource = \"s\"\n");
  CHECK(object.pos.line == 24);
  CHECK(object.pos.column == 10);
  CHECK_THAT(object.message, Catch::Contains("unknown entity 'kazn'") && Catch::Contains("did you mean 'kazan'"));
}

TEST_CASE("duplicate ids are errors that point at the first definition", "[deck]") {
  Diagnostic d = OnlyError(
      "[[entity]]\nid = \"a\"\nname = \"A\"\nkind = \"k\"\n[[entity]]\nid = \"a\"\nname = \"B\"\nkind = \"k\"\n");
  CHECK(d.pos.line == 11);
  CHECK_THAT(d.message, Catch::Contains("duplicate id 'a'") && Catch::Contains("line 7"));
}

TEST_CASE("a second fact of a relation that takes one object is an error unless each is attributed", "[deck]") {
  const std::string places = std::string(kPlaces) +
                             "[[entity]]\nid = \"lipetsk\"\nname = \"Lipetsk\"\nkind = \"place\"\nsource = \"s\"\n"
                             "[[entity]]\nid = \"moscow\"\nname = \"Moscow\"\nkind = \"place\"\nsource = \"s\"\n"
                             "[[relation]]\nid = \"twin\"\nquestion = \"Twin of {subject}?\"\nobject = \"place\"\n";
  auto twin = [](const char* subject, const char* object, const char* according) {
    return std::string("[[fact]]\nsubject = \"") + subject + "\"\nrelation = \"twin\"\nobject = \"" + object +
           "\"\nsource = \"s\"\n" + (*according ? std::string("according_to = \"") + according + "\"\n" : "");
  };
  const Diagnostic d = OnlyError(places + twin("kazan", "lipetsk", "") + twin("kazan", "moscow", ""));
  CHECK_THAT(d.message, Catch::Contains("a second 'twin' fact for 'kazan'"));
  // Attributed to two sources, both stand; another subject's is its own.
  DeckLoad load =
      ParseDeck(std::string(kHeader) + "[[deck.source]]\nid = \"t\"\ntitle = \"Other\"\n" + places +
                    twin("kazan", "lipetsk", "s") + twin("kazan", "moscow", "t") + twin("moscow", "kazan", ""),
                "deck.toml");
  CHECK(load.Ok());
}

TEST_CASE("impossible dates are errors at the date", "[deck]") {
  Diagnostic d = OnlyError("[[event]]\nid = \"e\"\nname = \"E\"\ndate = \"1922-02-30\"\nsource = \"s\"\n");
  CHECK(d.pos.line == 10);
  CHECK(d.pos.column == 8);
  CHECK_THAT(d.message, Catch::Contains("invalid date \"1922-02-30\""));
}

TEST_CASE("an event's date may be a span or go on to the present, but its end is given once", "[deck][dates]") {
  DeckLoad load = ParseDeck(
      std::string(kHeader) + "[[event]]\nid = \"war\"\nname = \"A war\"\ndate = \"1914–18\"\nsource = \"s\"\n"
                             "[[event]]\nid = \"reign\"\nname = \"A reign\"\ndate = \"1952\"\nend = \"present\"\n"
                             "source = \"s\"\n"
                             "[[event]]\nid = \"rule\"\nname = \"A rule\"\ndate = \"1990 – present\"\nsource = \"s\"\n",
      "deck.toml");
  REQUIRE(load.Ok());
  const Event* war = load.deck.FindEvent("war");
  REQUIRE(war->end);
  CHECK(war->end->year == 1918);
  CHECK(EventWhen(*war) == "1914–1918");
  CHECK(load.deck.FindEvent("reign")->ongoing);
  CHECK(EventWhen(*load.deck.FindEvent("rule")) == "1990 – present");
  Diagnostic twice =
      OnlyError("[[event]]\nid = \"e\"\nname = \"E\"\ndate = \"535–554\"\nend = \"560\"\nsource = \"s\"\n");
  CHECK(twice.pos.line == 11);
  CHECK_THAT(twice.message, Catch::Contains("the date is already a span (535–554); give its end there or in `end`"));
}

TEST_CASE("unknown template placeholders are errors at the placeholder", "[deck]") {
  Diagnostic d =
      OnlyError("[[relation]]\nid = \"r\"\nquestion = \"When did {subject} meet {who}?\"\nobject = \"year\"\n"
                "[[card]]\nfront = \"F\"\nback = \"B\"\n");
  CHECK(d.pos.line == 9);
  CHECK(d.pos.column == 12 + 1 + 24); // the opening quote, then the offset of "{who}"
  CHECK_THAT(d.message, Catch::Contains("unknown placeholder {who}"));
}

TEST_CASE("an object of the wrong type for its relation is an error", "[deck]") {
  Diagnostic wrongKind = OnlyError(
      std::string(kPlaces) + "[[fact]]\nsubject = \"kama\"\nrelation = \"near\"\nobject = \"kama\"\nsource = \"s\"\n");
  CHECK(wrongKind.pos.line == 24);
  CHECK_THAT(wrongKind.message, Catch::Contains("must be a place") && Catch::Contains("which is a facility"));

  Diagnostic notNumber = OnlyError(
      std::string(kPlaces) + "[[relation]]\nid = \"km\"\nquestion = \"How far is {subject}?\"\nobject = \"number\"\n"
                             "[[fact]]\nsubject = \"kama\"\nrelation = \"km\"\nobject = \"800\"\nsource = \"s\"\n");
  CHECK_THAT(notNumber.message, Catch::Contains("must be a number"));
}

TEST_CASE("an undefined relation is an error", "[deck]") {
  Diagnostic d =
      OnlyError(std::string(kPlaces) +
                "[[fact]]\nsubject = \"kama\"\nrelation = \"locatedNear\"\nobject = \"kazan\"\nsource = \"s\"\n");
  CHECK(d.pos.line == 23);
  CHECK(d.pos.column == 12);
  CHECK_THAT(d.message, Catch::Contains("undefined relation 'locatedNear'"));
}

TEST_CASE("invalid UTF-8 is an error with its line and column", "[deck]") {
  Diagnostic d = OnlyError("[[entity]]\nid = \"a\"\nname = \"R\xC3\xB6hm \xFF\"\nkind = \"k\"\n");
  CHECK(d.pos.line == 9);
  CHECK(d.pos.column == 14);
  CHECK_THAT(d.message, Catch::Contains("invalid UTF-8") && Catch::Contains("0xFF"));
}

TEST_CASE("an empty deck is an error", "[deck]") {
  Diagnostic d = OnlyError("");
  CHECK_THAT(d.message, Catch::Contains("the deck is empty"));
}

TEST_CASE("TOML syntax errors carry their position", "[deck]") {
  Diagnostic d = OnlyError("[[entity]\nid = 1\n");
  CHECK(d.pos.line == 7);
}

TEST_CASE("two values for a single-valued relation need attribution", "[deck]") {
  const std::string facts =
      std::string(kPlaces) + "[[relation]]\nid = \"km\"\nquestion = \"How far is {subject}?\"\nobject = \"number\"\n";
  Diagnostic d = OnlyError(facts + "[[fact]]\nsubject = \"kama\"\nrelation = \"km\"\nobject = 800\nsource = \"s\"\n"
                                   "[[fact]]\nsubject = \"kama\"\nrelation = \"km\"\nobject = 700\nsource = \"s\"\n");
  CHECK_THAT(d.message, Catch::Contains("according_to"));

  DeckLoad attributed = ParseDeck(
      std::string(kHeader) + facts +
          "[[fact]]\nsubject = \"kama\"\nrelation = \"km\"\nobject = 800\nsource = \"s\"\naccording_to = \"A\"\n"
          "[[fact]]\nsubject = \"kama\"\nrelation = \"km\"\nobject = 700\nsource = \"s\"\naccording_to = \"B\"\n",
      "deck.toml");
  CHECK(attributed.Ok());
  CHECK(attributed.deck.facts[0].id != attributed.deck.facts[1].id);
}

TEST_CASE("warnings do not fail a deck", "[deck]") {
  DeckLoad load = ParseDeck(std::string(kHeader) + kPlaces +
                                "[[fact]]\nsubject = \"kama\"\nrelation = \"near\"\nobject = \"kazan\"\n",
                            "deck.toml");
  CHECK(load.Ok());
  CHECK(load.diagnostics.size() == 2); // no source; too few places for 4 options
}

TEST_CASE("bad files never crash: missing, empty, binary, huge, deeply nested", "[deck]") {
  auto firstError = [](const DeckLoad& load) {
    REQUIRE_FALSE(load.Ok());
    std::string messages;
    for (const Diagnostic& d : load.diagnostics)
      messages += d.message + "\n";
    return messages;
  };
  CHECK_THAT(firstError(LoadDeckFile("/nonexistent/deck.toml")), Catch::Contains("No such file"));
  CHECK_THAT(firstError(ParseDeck("", "empty.toml")), Catch::Contains("missing [deck]"));
  CHECK_THAT(firstError(ParseDeck(std::string("\x00\x01\x02\xff\xfe", 5), "junk")), Catch::Contains("invalid UTF-8"));
  CHECK_THAT(firstError(ParseDeck(std::string(kMaxDeckFileBytes + 1, '#'), "huge")), Catch::Contains("too large"));
  // 50 MB: a long comment, then the deck.
  std::string big = "# " + std::string(50u << 20, 'x') + "\n" + kHeader;
  CHECK_THAT(firstError(ParseDeck(big, "big.toml")), Catch::Contains("the deck is empty"));
  std::string nested = "x = " + std::string(5000, '[') + std::string(5000, ']') + "\n";
  CHECK_THAT(firstError(ParseDeck(nested, "nested")), Catch::Contains("nest"));
  std::string tables = "a = " + std::string(5000, '{') + "\n";
  CHECK_FALSE(ParseDeck(tables, "tables").Ok());
}

TEST_CASE("a deck of 100,000 entries loads whole", "[deck][large]") {
  DeckLoad load = ParseDeck(test::SyntheticDeckToml({80000, 10000, 1000, 5}), "large.toml");
  INFO((load.diagnostics.empty() ? std::string() : load.diagnostics[0].Format()));
  CHECK(load.Ok());
  CHECK(load.deck.facts.size() == 80000);
  CHECK(load.deck.events.size() == 10000);
  CHECK(load.deck.cards.size() == 1000);
  CHECK(load.deck.entities.size() + load.deck.events.size() + load.deck.facts.size() + load.deck.cards.size() >=
        100000);
}

TEST_CASE("the bundled seed deck passes with the promised counts", "[deck][seed]") {
  auto dirs = BundledDeckDirs();
  REQUIRE_FALSE(dirs.empty());
  DeckLoad load = LoadDeckFile((dirs.back() / "german-soviet-military-cooperation.toml").string());
  for (const Diagnostic& d : load.diagnostics)
    UNSCOPED_INFO(d.Format());
  CHECK(load.diagnostics.empty());
  CHECK(load.deck.facts.size() >= 150);
  CHECK(load.deck.events.size() >= 35);
  for (const Fact& fact : load.deck.facts) {
    INFO(fact.id);
    CHECK(load.deck.FindSource(fact.source) != nullptr); // every fact is cited
  }
}

TEST_CASE("many events are read on two threads with the same result and messages as one pass", "[deck][dates]") {
  // Above the threshold for reading events in two halves: a duplicate id across the halves
  // and a bad date in each half are reported where they are.
  std::string text = test::SyntheticChronology(30000, 3, false);
  auto replaceDate = [&](size_t event, const std::string& date) {
    const size_t at = text.find("id = \"ev" + std::to_string(event) + "\"");
    const size_t start = text.find("date = \"", at) + 8;
    text.replace(start, text.find('"', start) - start, date);
  };
  replaceDate(100, "1922-02-30");
  replaceDate(25000, "03/04/1922");
  text += "\n[[event]]\nid = \"ev7\"\nname = \"Again\"\ndate = \"1922\"\nsource = \"gen\"\n";
  DeckLoad load = ParseDeck(text, "many.toml");
  REQUIRE(load.deck.events.size() == 30001);
  for (size_t i = 0; i < 30000; ++i)
    REQUIRE(load.deck.events[i].id == "ev" + std::to_string(i)); // file order kept
  std::vector<std::string> errors;
  for (const Diagnostic& d : load.diagnostics)
    if (d.severity == Severity::Error) errors.push_back(d.Format());
  REQUIRE(errors.size() == 3);
  auto lineOf = [&](const std::string& needle) {
    return 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(text.find(needle)), '\n');
  };
  CHECK_THAT(errors[0],
             Catch::Contains("many.toml:" + std::to_string(lineOf("1922-02-30")) + ":8: error: invalid date"));
  CHECK_THAT(errors[1],
             Catch::Contains("many.toml:" + std::to_string(lineOf("03/04/1922")) + ":8: error: invalid date"));
  CHECK_THAT(errors[2], Catch::Contains("duplicate id 'ev7' (first defined at line " +
                                        std::to_string(lineOf("id = \"ev7\"") - 1) + ")"));
}

TEST_CASE("a large file read in pieces gives the messages of a whole-file read, at the right lines", "[deck][large]") {
  // About 4 MB: read in several pieces (toml_chunks.h). The mistakes are in the last piece.
  std::string text = test::SyntheticDeckToml({40000, 1000, 0, 5});
  const std::string deckEnd = "title = \"Generator\"\n";
  text.insert(text.find(deckEnd) + deckEnd.size(), "\n[[extra]]\nnote = \"one\"\n");
  text += "\n[[fact]]\nsubject = \"e0\"\nrelation = \"r0\"\nobject = \"e1\"\nsource = \"gen\"\n"
          "\n[[fact]]\nsubject = \"e0\"\nrelation = \"r0\"\nobject = \"nobody\"\nsource = \"gen\"\n"
          "\n[[extra]]\nnote = \"two\"\n";
  auto lineOf = [&](const std::string& needle, size_t from = 0) {
    return std::to_string(
        1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(text.find(needle, from)), '\n'));
  };
  DeckLoad load = ParseDeck(text, "pieces.toml");
  CHECK(load.deck.facts.size() == 40002);
  std::vector<std::string> messages;
  for (const Diagnostic& d : load.diagnostics)
    messages.push_back(d.Format());
  REQUIRE(messages.size() == 3);
  CHECK_THAT(messages[0], Catch::Contains("pieces.toml:" + lineOf("[[extra]]") + ":1: warning: unknown key 'extra'"));
  CHECK_THAT(messages[1], Catch::Contains("pieces.toml:" + lineOf("object = \"e1\"\nsource") +
                                          ":10: error: object of relation 'r0' must be a person, not 'e1', which "
                                          "is a place"));
  CHECK_THAT(messages[2],
             Catch::Contains("pieces.toml:" + lineOf("object = \"nobody\"") + ":10: error: unknown entity 'nobody'"));

  // A syntax error in a later piece: the whole file is read again, and the error is where it is.
  text += "\n[[fact]]\nsubject = \n";
  DeckLoad broken = ParseDeck(text, "pieces.toml");
  REQUIRE(broken.diagnostics.size() == 1);
  CHECK_THAT(broken.diagnostics[0].Format(), Catch::Contains("pieces.toml:" + lineOf("subject = \n") + ":"));
  CHECK(broken.deck.facts.empty());
}

TEST_CASE("events named alike are found across a large deck, names folded on two threads", "[deck][dates]") {
  // Over 20,000 events their names are folded in two halves: a name in the second half
  // written like one in the first, in other case and accents, is still found.
  std::string text = test::SyntheticChronology(30000, 3, false);
  const size_t at = text.find("id = \"ev29990\"");
  const size_t name = text.find("name = \"", at) + 8;
  text.replace(name, text.find('"', name) - name, "TREATY OF KAMA 0");
  DeckLoad load = ParseDeck(text, "alike.toml");
  REQUIRE(load.deck.events.size() == 30000);
  CHECK(load.deck.EventNamedAlike(0));
  CHECK(load.deck.EventNamedAlike(29990));
  CHECK(load.deck.EventsAlike()[29990] == 0);
  CHECK_FALSE(load.deck.EventNamedAlike(15000));
}

TEST_CASE("a deck's summary names only what it holds", "[deck]") {
  CHECK(SummaryText({108, 41, 36, 160, 8, 2}) == "160 facts · 41 events · 108 entities · 8 cards");
  CHECK(SummaryText({0, 0, 0, 0, 68, 1}) == "68 cards");
  CHECK(SummaryText({0, 1, 0, 0, 0, 0}) == "1 event");
  CHECK(SummaryText({0, 0, 0, 0, 12000, 0}) == "12,000 cards");
  CHECK(SummaryText({}) == "nothing to ask yet");
}
