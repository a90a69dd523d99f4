#include <catch2/catch.hpp>

#include "support/synthetic_deck.h"
#include "core/deck/toml_chunks.h"

using namespace factdeck;

namespace {
// The line of every [[fact]] table, in order.
std::vector<int> FactLines(const toml::table& root) {
  std::vector<int> lines;
  if (const toml::array* facts = root["fact"].as_array())
    for (const toml::node& fact : *facts)
      lines.push_back(static_cast<int>(fact.source().begin.line));
  return lines;
}
} // namespace

TEST_CASE("a large file parsed in pieces equals the whole-file parse, line numbers included", "[toml_chunks]") {
  std::string text = test::SyntheticDeckToml({3000, 300, 50, 9});
  REQUIRE(TomlCutPoints(text, 3).size() == 2);
  toml::table whole = toml::parse(text, std::string_view("d.toml"));
  toml::table pieces = ParseTomlInPieces(text, "d.toml", 3);
  CHECK(whole == pieces);
  CHECK(FactLines(whole) == FactLines(pieces));
  CHECK(FactLines(whole).size() == 3000);
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
