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
