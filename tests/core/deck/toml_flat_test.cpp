#include <catch2/catch.hpp>

#include "core/deck/deck.h"
#include "core/deck/deck_writer.h"
#include "core/deck/toml_chunks.h"
#include "core/deck/toml_flat.h"
#include "support/synthetic_deck.h"

using namespace factdeck;

namespace {

// Every table, key, value and array item the flat reader read from `text` is toml++'s, at
// the same line and column.
void CheckSameAsToml(const std::string& text) {
  const auto flat = ParseFlatToml(text);
  REQUIRE(flat);
  const toml::table tree = toml::parse(text);
  std::map<std::string_view, size_t> seen; // tables of each name so far
  for (const FlatTable& table : flat->tables) {
    INFO("[[" << table.name << "]] at line " << table.line);
    const toml::array* array = tree[table.name].as_array();
    REQUIRE(array);
    const size_t index = seen[table.name]++;
    REQUIRE(index < array->size());
    const toml::table& expected = *(*array)[index].as_table();
    CHECK(table.line == expected.source().begin.line);
    CHECK(table.column == expected.source().begin.column);
    CHECK(table.count == expected.size());
    for (uint32_t k = table.first; k < table.first + table.count; ++k) {
      const FlatKey& key = flat->keys[k];
      INFO("key " << key.key);
      const toml::node* node = expected.get(key.key);
      REQUIRE(node);
      CHECK(key.value.line == node->source().begin.line);
      CHECK(key.value.column == node->source().begin.column);
      switch (key.value.type) {
      case FlatValue::Type::String: CHECK(node->value<std::string>() == std::string(key.value.text)); break;
      case FlatValue::Type::Integer: CHECK(node->as_integer()->get() == key.value.integer); break;
      case FlatValue::Type::Boolean: CHECK(node->as_boolean()->get() == (key.value.integer != 0)); break;
      case FlatValue::Type::Array: {
        const toml::array& items = *node->as_array();
        REQUIRE(items.size() == key.value.count);
        for (uint32_t i = 0; i < key.value.count; ++i) {
          const FlatValue& item = flat->items[key.value.first + i];
          CHECK(items[i].value<std::string>() == std::string(item.text));
          CHECK(item.line == items[i].source().begin.line);
          CHECK(item.column == items[i].source().begin.column);
        }
        break;
      }
      }
    }
  }
  CHECK(seen.size() == tree.size());
}

} // namespace

TEST_CASE("the flat reader reads items as toml++ does, lines and columns included", "[toml_flat]") {
  CheckSameAsToml("[[fact]]\n"
                  "subject = \"röhm\"\n"
                  "relation = 'made'   # a comment\n"
                  "object = -42\n"
                  "\n"
                  "  [[ event ]]  # indented, spaced\n"
                  "id=\"e1\"\n"
                  "name = \"Тухачевский says \\\"no\\\" \\\\ \\t\\u00e9\\U0001F600\"\n"
                  "tags = [\"Bažanov\", 'lipetsk', \"Тухачевский\",]\n"
                  "aliases = []\n"
                  "many = true\r\n"
                  "circa = false\r\n"
                  "count = 0\n"
                  "[[fact]]\n"
                  "subject = \"tab\there\"\n"
                  "object = +7");
}

TEST_CASE("the flat reader leaves to toml++ whatever is not the items' flat form", "[toml_flat]") {
  const char* notFlat[] = {
      "a = 1922-04-16",
      "a = 1.5",
      "a = 1e3",
      "a = \"\"\"x\"\"\"",
      "a = '''x'''",
      "a = {b = 1}",
      "a.b = 1",
      "\"a\" = 1",
      "a = 1\na = 2",
      "a = \"\\x\"",
      "a = [\n\"x\"]",
      "a = 01",
      "a = 1_000",
      "a = 0x1F",
      "a = \"open",
      "a = [1, 2]",
      "a = [[\"x\"]]",
      "a = \"\\u12\"",
      "a = \"\\uD800\"",
      "a = \"x\x01\"",
      "a = 1 b = 2",
      "a = inf",
      "a = truely",
      "a =",
      "a = 99999999999999999999",
      "a = \"x\" # \x01",
      "a = 'x\r'",
  };
  for (const char* text : notFlat) {
    INFO(text);
    CHECK_FALSE(ParseFlatToml(std::string("[[fact]]\n") + text + "\n"));
  }
  CHECK_FALSE(ParseFlatToml("a = 1\n[[fact]]\n"));      // a key outside the items
  CHECK_FALSE(ParseFlatToml("[deck]\nid = \"d\"\n"));   // a plain table
  CHECK_FALSE(ParseFlatToml("[[fact.note]]\na = 1\n")); // a dotted name
  CHECK(ParseFlatToml("[[fact]]\na = 1\n"));
}

TEST_CASE("a large file's flat pieces give the deck and messages of a whole-file parse", "[toml_flat][deck][large]") {
  // About 4 MB, with mistakes of every kind the items' flat form can hold, in its last piece.
  std::string text = test::SyntheticDeckToml({40000, 1000, 200, 7});
  text += "\n[[fact]]\nsubject = \"e0\"\nrelation = \"r0\"\nobject = \"e1\"\nsource = \"gen\"\nnotes = \"x\"\n"
          "\n[[fact]]\nsubject = \"e0\"\nrelation = \"r0\"\nobject = \"nobody\"\nsource = 5\n"
          "\n[[fact]]\nsubject = \"\"\nrelation = \"r0\"\nobject = true\nsource = \"gen\"\n"
          "\n[[fact]]\nsubject = \"e0\"\nrelation = \"missing\"\nobject = \"e2\"\nrenamed_from = [\"a\", 'b']\n"
          "\n[[entity]]\nid = \"e-new\"\nname = \"Röhm \\u00e9\"\nkind = \"person\"\naliases = 3\ntags = []\n"
          "\n[[event]]\nid = \"ev-new\"\nname = \"Event\"\ndate = \"the 12th of never\"\n"
          "\n[[event]]\nid = \"ev-new\"\nname = \"Event\"\ndate = 1925\nend = \"1920\"\n"
          "\n[[card]]\nfront = \"Front\"\nback = \"\"\n"
          "\n[[choice]]\nquestion = \"Q?\"\nanswer = \"a\"\nwrong = [\"b\", \"c\"]\nseconds = 2\n";
  // The pieces after the first are read flat.
  TomlPieces pieces(text, "flat.toml", 4, 1, {"relation"}, {"entity", "event", "fact", "card", "choice"});
  REQUIRE(pieces.Count() == 4);
  for (size_t k = 0; k < pieces.Count(); ++k)
    CHECK(pieces.Next().flat.has_value() == (k > 0));

  const DeckLoad inPieces = ParseDeck(text, "flat.toml");
  const DeckLoad whole = ParseDeckWhole(text, "flat.toml");
  std::vector<std::string> got, expected;
  for (const Diagnostic& d : inPieces.diagnostics)
    got.push_back(d.Format());
  for (const Diagnostic& d : whole.diagnostics)
    expected.push_back(d.Format());
  CHECK(got.size() >= 10);
  CHECK(got == expected);
  CHECK(inPieces.deck.facts.size() == whole.deck.facts.size());
  CHECK(inPieces.deck.events.size() == whole.deck.events.size());
  const std::string a = FormatDeckToml(inPieces.deck), b = FormatDeckToml(whole.deck);
  CHECK(a.size() == b.size());
  CHECK((a == b)); // not stringified: 4 MB
}
