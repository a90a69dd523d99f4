// The examples in docs/ are real: they load without errors or warnings.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "core/deck/deck.h"

using namespace factdeck;

namespace {
// The first fenced block of `language` in a Markdown file.
std::string FirstBlock(const std::string& file, const std::string& language) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  std::string all = text.str();
  std::string fence = "```" + language + "\n";
  size_t begin = all.find(fence);
  if (begin == std::string::npos) return {};
  begin += fence.size();
  return all.substr(begin, all.find("```", begin) - begin);
}
} // namespace

TEST_CASE("the example deck in docs/facts-format.md loads without a problem", "[docs]") {
  std::string example = FirstBlock(FACTDECK_SOURCE_DIR "/docs/facts-format.md", "toml");
  REQUIRE_FALSE(example.empty());
  DeckLoad load = ParseDeck(example, "facts-format.md");
  for (const Diagnostic& d : load.diagnostics)
    UNSCOPED_INFO(d.Format());
  CHECK(load.diagnostics.empty());
  CHECK(load.deck.facts.size() == 10);
  CHECK(load.deck.events.size() == 5);
  // Each kind of content the format offers is shown.
  CHECK(load.deck.FindEvent("ides")->date.year == -43);
  CHECK(load.deck.FindEvent("founding")->date.circa);
  size_t attributed = 0;
  for (const Fact& f : load.deck.facts)
    attributed += f.accordingTo.empty() ? 0 : 1;
  CHECK(attributed == 2);
  CHECK(load.deck.cards.size() == 1);
}

TEST_CASE("every date form in the table of docs/facts-format.md reads and shows as documented", "[docs][dates]") {
  std::ifstream in(FACTDECK_SOURCE_DIR "/docs/facts-format.md");
  std::string line;
  bool inTable = false;
  size_t rows = 0, forms = 0;
  while (std::getline(in, line)) {
    if (line == "| written | reads as | shown as |") {
      inTable = true;
      continue;
    }
    if (!inTable || line.rfind("|---", 0) == 0) continue;
    if (line.empty() || line[0] != '|') break;
    // | `a`, `b` | reads as | shown as |
    const size_t second = line.find(" | ", 2), third = line.rfind(" | ");
    REQUIRE(second != std::string::npos);
    const std::string written = line.substr(2, second - 2);
    const std::string shown = line.substr(third + 3, line.size() - third - 5);
    ++rows;
    for (size_t at = written.find('`'); at != std::string::npos;
         at = written.find('`', written.find('`', at + 1) + 1)) {
      const std::string form = written.substr(at + 1, written.find('`', at + 1) - at - 1);
      INFO(form);
      DateSpanParse parsed = ParseDateOrSpan(form);
      REQUIRE(parsed.start);
      CHECK(SpanText(*parsed.start, parsed.end, parsed.ongoing) == shown);
      ++forms;
    }
  }
  CHECK(rows >= 30);
  CHECK(forms > rows);
}
