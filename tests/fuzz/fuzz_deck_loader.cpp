// Feeds arbitrary bytes to the facts-file loader. Besides the sanitizers' checks: a deck
// that loads without errors must write back as TOML that loads to the same counts.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/deck/deck.h"
#include "core/deck/deck_writer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  factdeck::DeckLoad load = factdeck::ParseDeck(text, "fuzz.toml");
  for (const factdeck::Diagnostic& d : load.diagnostics)
    (void)d.Format();
  if (!load.Ok()) return 0;
  (void)factdeck::EstimateCapacity(load.deck);
  factdeck::DeckLoad reread = factdeck::ParseDeck(factdeck::FormatDeckToml(load.deck), "written.toml");
  const factdeck::Deck& a = load.deck;
  const factdeck::Deck& b = reread.deck;
  if (!reread.Ok() || a.entities.size() != b.entities.size() || a.events.size() != b.events.size() ||
      a.facts.size() != b.facts.size() || a.cards.size() != b.cards.size() || a.relations.size() != b.relations.size())
    std::abort();
  for (size_t i = 0; i < a.facts.size(); ++i)
    if (a.facts[i].id != b.facts[i].id || a.Display(a.facts[i].object) != b.Display(b.facts[i].object)) std::abort();
  return 0;
}
