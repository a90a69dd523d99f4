// Random but valid facts files of any size, for tests and benchmarks: entities of several
// kinds (names in Latin, Cyrillic and Greek script), relations of every object type,
// facts, dated events at every precision, and cards. Same options, same text.
#pragma once

#include <cstdint>
#include <string>

namespace factdeck::test {

struct SyntheticDeckOptions {
  size_t facts = 1000;
  size_t events = 100;
  size_t cards = 0;
  std::uint32_t seed = 1;
};

std::string SyntheticDeckToml(const SyntheticDeckOptions& options);

// A date in one of the forms people write chronologies in (docs/facts-format.md): days and
// months in words, spans, uncertain dates, decades, centuries, seasons, circa, BC and AD,
// ISO. Always valid; `form` picks the form (any int, taken modulo the number of forms).
std::string SyntheticDateText(std::uint32_t seed, int form);
inline constexpr int kSyntheticDateForms = 24;

// A chronology as people keep one: "date,event" CSV rows (`csv`) or [[event]] tables, the
// dates in every form above, event names unique.
std::string SyntheticChronology(size_t events, std::uint32_t seed, bool csv);

} // namespace factdeck::test
