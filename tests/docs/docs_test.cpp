// The examples in docs/ are real: they load without errors or warnings.
#include <catch2/catch.hpp>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "core/base/text.h"
#include "core/import/deck_file.h"
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

TEST_CASE("the program's code names nothing of the bundled deck", "[docs][deck]") {
  // Decks of any subject must work as well: no name or tag of the bundled deck (five letters
  // or more, as whole words, any case) may stand in app/, not even as a hint.
  DeckLoad load = LoadDeckFile(FACTDECK_SOURCE_DIR "/questions/german-soviet-military-cooperation.toml");
  REQUIRE(load.Ok());
  std::set<std::string> words;
  auto add = [&](const std::string& word) {
    if (word.size() >= 5) words.insert(Fold(word));
  };
  for (const Entity& e : load.deck.entities) {
    add(e.name);
    for (const std::string& t : e.tags)
      add(t);
  }
  for (const Event& e : load.deck.events)
    for (const std::string& t : e.tags)
      add(t);
  REQUIRE(words.size() > 50);
  // Names of languages are any term list's column headers ("German,English"), not the deck's.
  for (const char* language : {"german", "russian", "french", "english"})
    words.erase(language);
  size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(FACTDECK_SOURCE_DIR "/app")) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string folded = Fold(text.str());
    ++files;
    for (const std::string& word : words)
      for (size_t at = folded.find(word); at != std::string::npos; at = folded.find(word, at + 1)) {
        const bool startsWord = at == 0 || !std::isalnum(static_cast<unsigned char>(folded[at - 1]));
        const size_t end = at + word.size();
        const bool endsWord = end == folded.size() || !std::isalnum(static_cast<unsigned char>(folded[end]));
        INFO(entry.path().string() << " names \"" << word << "\"");
        CHECK_FALSE((startsWord && endsWord));
      }
  }
  CHECK(files > 50);
}

TEST_CASE("a set-up's tag hint comes from the deck's own tags", "[deck]") {
  DeckLoad load = ParseDeck("[deck]\nid = \"d\"\ntitle = \"D\"\n"
                            "[[card]]\nfront = \"a\"\nback = \"b\"\ntags = [\"navy\", \"treaty\"]\n"
                            "[[card]]\nfront = \"c\"\nback = \"d\"\ntags = [\"navy\"]\n"
                            "[[card]]\nfront = \"e\"\nback = \"f\"\ntags = [\"army\"]\n",
                            "d.toml");
  REQUIRE(load.Ok());
  CHECK(CommonTags(load.deck, 2) == std::vector<std::string>{"navy", "army"});
  CHECK(TagHint(load.deck) == "all, or e.g. navy army");
  DeckLoad untagged = ParseDeck("[deck]\nid = \"u\"\ntitle = \"U\"\n[[card]]\nfront = \"a\"\nback = \"b\"\n", "u.toml");
  CHECK(TagHint(untagged.deck) == "this deck has no tags");
}
