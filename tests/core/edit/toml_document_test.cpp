// The facts file's text as the editor changes it: every table and key found where it is, and
// each edit touching only its own bytes.
#include <catch2/catch.hpp>

#include "core/edit/toml_document.h"

using namespace factdeck::edit;

namespace {

const char* kText = R"(# A comment before anything.
[deck]
id = "d"   # the deck's id
title = "Title with [[brackets]]"

# [SECTION] Cards --------------------------------------------------------

[[card]]
front = """
A front over lines
[[not a table]]
"""
back = 'literal'
tags = [
  "one",  # a comment inside an array
  "two",
]

[[card]]
id = "c2"
front = "Second"
back = "B")";

} // namespace

TEST_CASE("A facts file's tables and keys are found with their places", "[edit]") {
  TomlDocument doc(kText);
  const auto& tables = doc.Tables();
  REQUIRE(tables.size() == 3);
  CHECK(tables[0].name == "deck");
  CHECK_FALSE(tables[0].array);
  CHECK(tables[1].name == "card");
  CHECK(tables[1].array);
  CHECK(tables[1].line == 8);
  REQUIRE(tables[1].keys.size() == 3);
  CHECK(tables[1].keys[0].key == "front");
  CHECK(tables[1].keys[2].key == "tags");
  const TomlKeySpan& id = tables[0].keys[0];
  CHECK(doc.Text().substr(id.valueBegin, id.valueEnd - id.valueBegin) == "\"d\"");
  const TomlKeySpan& tags = tables[1].keys[2];
  CHECK(doc.LineOf(tags.lineEnd - 1) == 17);
  CHECK(tables[2].Key("back")->line == 22);
  CHECK(doc.TableAtLine(8) == 1);
  CHECK(doc.TableAtLine(9) == -1);
  CHECK(doc.TableHolding(10) == 1);
  CHECK(doc.TableHolding(6) == -1); // a comment between tables
}

TEST_CASE("Setting a value changes its bytes only, keeping a comment after it", "[edit]") {
  TomlDocument doc(kText);
  const std::string before = doc.Text();
  REQUIRE(doc.Apply(doc.SetValue(0, "id", TomlValue("deck-2"))));
  std::string expected = before;
  expected.replace(expected.find("\"d\""), 3, "\"deck-2\"");
  CHECK(doc.Text() == expected);
  CHECK(doc.Text().find("id = \"deck-2\"   # the deck's id") != std::string::npos);

  // A key the table lacks goes after its last key; the last table had no newline at the end.
  REQUIRE(doc.Apply(doc.SetValue(2, "tags", TomlValueList({"x", "y \"z\""}))));
  const std::string tail = "back = \"B\"\ntags = [\"x\", \"y \\\"z\\\"\"]\n";
  CHECK(doc.Text().substr(doc.Text().size() - tail.size()) == tail);
  CHECK(ReadTomlValue(R"(["x", "y \"z\""])") == std::optional<std::string>("x\ny \"z\""));
  CHECK(ReadTomlValue("\"\"\"\nA\nB\"\"\"") == std::optional<std::string>("A\nB"));
  CHECK(ReadTomlValue("{ a = 1 }") == std::nullopt);
}

TEST_CASE("A table is added after another and taken out with its lines", "[edit]") {
  TomlDocument doc(kText);
  const std::string before = doc.Text();
  const TextEdit add = doc.InsertTable(1, "[[card]]\nid = \"new\"\nfront = \"F\"\nback = \"B\"\n");
  REQUIRE(doc.Apply(add));
  REQUIRE(doc.Tables().size() == 4);
  CHECK(doc.Tables()[2].Key("id") != nullptr);
  CHECK(doc.Text().find(
            "  \"two\",\n]\n\n[[card]]\nid = \"new\"\nfront = \"F\"\nback = \"B\"\n\n[[card]]\nid = \"c2\"") !=
        std::string::npos);
  REQUIRE(doc.Apply(doc.RemoveTable(2)));
  CHECK(doc.Text() == before);
  // The last table goes with the blank line before it.
  REQUIRE(doc.Apply(doc.RemoveTable(2)));
  CHECK(doc.Text() == before.substr(0, before.find("\n\n[[card]]\nid = \"c2\"")) + "\n");
  auto removeKey = doc.RemoveKey(1, "back");
  REQUIRE(removeKey);
  CHECK(removeKey->removed == "back = 'literal'\n");
  CHECK_FALSE(doc.RemoveKey(1, "nothing"));
  // An edit that does not fit the text is refused.
  CHECK_FALSE(doc.Apply(TextEdit{0, "not there", ""}));
}
