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

} // namespace factdeck::test
