// Feeds arbitrary bytes to the CSV/TSV importer. Besides the sanitizers' checks: an import
// without errors must write as a facts file that loads with the same cards and events.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/import/csv.h"
#include "core/deck/deck_writer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  factdeck::DeckLoad load = factdeck::ImportCsv(text, size % 2 ? "fuzz.tsv" : "fuzz.csv");
  for (const factdeck::Diagnostic& d : load.diagnostics)
    (void)d.Format();
  if (!load.Ok()) return 0;
  factdeck::DeckLoad reread = factdeck::ParseDeck(factdeck::FormatDeckToml(load.deck), "written.toml");
  if (!reread.Ok() || reread.deck.cards.size() != load.deck.cards.size() ||
      reread.deck.events.size() != load.deck.events.size())
    std::abort();
  for (size_t i = 0; i < load.deck.cards.size(); ++i)
    if (reread.deck.cards[i].front != load.deck.cards[i].front || reread.deck.cards[i].back != load.deck.cards[i].back)
      std::abort();
  for (size_t i = 0; i < load.deck.events.size(); ++i)
    if (!(reread.deck.events[i].date == load.deck.events[i].date) ||
        reread.deck.events[i].name != load.deck.events[i].name)
      std::abort();
  return 0;
}
