#include <catch2/catch.hpp>

#include "support/synthetic_deck.h"
#include "core/deck/toml_chunks.h"

using namespace factdeck;

namespace {
// The line of every [[fact]] table, in order, `lineBase` lines after the first.
std::vector<int> FactLines(const toml::table& root, uint32_t lineBase = 0) {
  std::vector<int> lines;
  if (const toml::array* facts = root["fact"].as_array())
    for (const toml::node& fact : *facts)
      lines.push_back(static_cast<int>(fact.source().begin.line + lineBase));
  return lines;
}
} // namespace

TEST_CASE("a large file parsed in pieces equals the whole-file parse, line numbers included", "[toml_chunks]") {
  std::string text = test::SyntheticDeckToml({3000, 300, 50, 9});
  REQUIRE(TomlCutPoints(text, 3).size() == 2);
  toml::table whole = toml::parse(text, std::string_view("d.toml"));
  CHECK(whole == ParseTomlInPieces(text, "d.toml", 3));

  // Read piece by piece, as the deck loader does: each piece's lines, moved by its base,
  // are the whole file's.
  TomlPieces pieces(text, "d.toml", 3, 1);
  REQUIRE(pieces.Count() == 3);
  CHECK(pieces.ArrayCount("fact") == 3000);
  std::vector<int> lines;
  for (size_t k = 0; k < pieces.Count(); ++k) {
    TomlPiece piece = pieces.Next();
    if (k > 0) CHECK(pieces.Continues(piece));
    std::vector<int> more = FactLines(piece.tree, pieces.LineBase());
    if (k > 0) CHECK(pieces.LineBase() > 0);
    lines.insert(lines.end(), more.begin(), more.end());
  }
  CHECK(lines == FactLines(whole));
  CHECK(lines.size() == 3000);
}

TEST_CASE("headers that must lead stay in the first piece", "[toml_chunks]") {
  std::string facts;
  for (int i = 0; i < 40; ++i)
    facts += "[[fact]]\nsubject = \"s" + std::to_string(i) + "\"\n";
  const std::string text = facts + "[[relation]]\nid = \"r\"\n" + facts;
  const size_t relation = text.find("[[relation]]");
  std::vector<size_t> cuts = TomlCutPoints(text, 4, {"relation"});
  REQUIRE_FALSE(cuts.empty());
  CHECK(cuts.front() > relation);
  CHECK(TomlCutPoints(text, 4).front() < relation); // without the rule the first cut comes before
  // A relation at the very end: nothing may be cut.
  CHECK(TomlCutPoints(facts + "[[relation]]\nid = \"r\"\n", 4, {"relation"}).empty());
}

TEST_CASE("files that cutting could change are parsed whole", "[toml_chunks]") {
  const std::string facts = "[[fact]]\nsubject = \"a\"\n[[fact]]\nsubject = \"b\"\n[[fact]]\nsubject = \"c\"\n";
  // A table header after the cut, a dotted header, a [[fact]] inside a multi-line string.
  CHECK(TomlCutPoints(facts + "[deck]\nid = \"x\"\n", 2).empty());
  CHECK(TomlCutPoints(facts + "[[deck.source]]\nid = \"x\"\n", 2).empty());
  CHECK(TomlCutPoints("[[fact]]\nnote = \"\"\"\n[[fact]]\n[[fact]]\n\"\"\"\n", 2).empty());
  CHECK(TomlCutPoints("x = [\n[[fact]]\n]\n[[fact]]\n", 2).empty());
  CHECK(TomlCutPoints(facts, 2).size() == 1);

  // A key defined inline, then continued as [[key]] after the cut: an error, as in a whole parse.
  std::string inlineThenHeaders = "entity = [{ id = \"a\" }]\n" + facts + "[[entity]]\nid = \"b\"\n";
  CHECK_THROWS_AS(toml::parse(inlineThenHeaders, std::string_view("d.toml")), toml::parse_error);
  CHECK_THROWS_AS(ParseTomlInPieces(inlineThenHeaders, "d.toml", 2), toml::parse_error);

  // A syntax error in a later piece is reported where the whole-file parse reports it.
  std::string broken = facts + "[[fact]]\nsubject = \n";
  toml::source_position wholeError{}, piecesError{};
  try {
    (void)toml::parse(broken, std::string_view("d.toml"));
  } catch (const toml::parse_error& e) {
    wholeError = e.source().begin;
  }
  try {
    (void)ParseTomlInPieces(broken, "d.toml", 2);
  } catch (const toml::parse_error& e) {
    piecesError = e.source().begin;
  }
  CHECK(wholeError.line == 8);
  CHECK(piecesError.line == wholeError.line);
  CHECK(piecesError.column == wholeError.column);
}
