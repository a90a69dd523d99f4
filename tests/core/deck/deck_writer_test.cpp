#include <catch2/catch.hpp>

#include "core/deck/deck_writer.h"
#include "core/import/deck_file.h"
#include "core/base/paths.h"
#include "support/synthetic_deck.h"

using namespace factdeck;

namespace {

// Everything a question could show, fact by fact, so two decks can be compared.
std::vector<std::string> Shown(const Deck& deck) {
  std::vector<std::string> lines;
  for (const Fact& f : deck.facts)
    lines.push_back(f.id + "|" + deck.NameOf(f.subject) + "|" + f.relation + "|" +
                    deck.Display(f.object, deck.FindRelation(f.relation)) + "|" + f.source + "|" + f.accordingTo + "|" +
                    f.note);
  for (const Event& e : deck.events)
    lines.push_back(e.id + "|" + e.name + "|" + e.date.Canonical() + "|" + (e.end ? e.end->Canonical() : "") + "|" +
                    e.place + "|" + e.source + "|" + e.note);
  for (const Entity& e : deck.entities) {
    std::string aliases;
    for (const std::string& a : e.aliases)
      aliases += a + ";";
    lines.push_back(e.id + "|" + e.name + "|" + e.kind + "|" + aliases + "|" + e.description);
  }
  for (const Relation& r : deck.relations)
    lines.push_back(r.id + "|" + r.question + "|" + r.reverse + "|" + ValueTypeName(r.objectType) + "|" + r.objectKind +
                    "|" + r.unit + "|" + (r.many ? "many" : ""));
  return lines;
}

void CheckRoundTrip(const DeckLoad& original) {
  std::string text = FormatDeckToml(original.deck);
  DeckLoad reread = ParseDeck(text, "written.toml");
  for (const Diagnostic& d : reread.diagnostics)
    UNSCOPED_INFO(d.Format());
  REQUIRE(reread.Ok());
  CHECK(reread.deck.id == original.deck.id);
  CHECK(reread.deck.title == original.deck.title);
  CHECK(reread.deck.sources.size() == original.deck.sources.size());
  CHECK(Shown(reread.deck) == Shown(original.deck));
}

} // namespace

TEST_CASE("the seed deck written back as TOML reads as the same deck", "[deck_writer]") {
  DeckLoad seed = LoadDeckFile((BundledDeckDirs().back() / "german-soviet-military-cooperation.toml").string());
  REQUIRE(seed.Ok());
  CheckRoundTrip(seed);
}

TEST_CASE("synthetic decks written back as TOML read as the same deck", "[deck_writer]") {
  for (std::uint32_t seed : {1u, 2u, 3u}) {
    DeckLoad load = ParseDeck(test::SyntheticDeckToml({300, 60, 10, seed}), "synthetic.toml");
    INFO("seed " << seed);
    REQUIRE(load.Ok());
    CheckRoundTrip(load);
  }
}

TEST_CASE("TOML strings escape quotes, backslashes and control characters", "[deck_writer]") {
  CHECK(TomlString("a\"b\\c\nd\te\x01") == "\"a\\\"b\\\\c\\nd\\te\\u0001\"");
  CHECK(TomlString("Тухачевский") == "\"Тухачевский\"");
}
