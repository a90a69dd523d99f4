// Differential: parsing in pieces on several threads must give exactly what one whole-file
// parse gives: the same table, or an error at the same place.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/deck/toml_chunks.h"

namespace {
struct Outcome {
  bool ok = false;
  toml::table table;
  toml::source_position error{};
};

template <typename F> Outcome Run(F&& parse) {
  Outcome outcome;
  try {
    outcome.table = parse();
    outcome.ok = true;
  } catch (const toml::parse_error& e) {
    outcome.error = e.source().begin;
  }
  return outcome;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string file = "fuzz.toml";
  Outcome whole = Run([&] { return toml::table(toml::parse(text, file)); });
  Outcome pieces = Run([&] { return factdeck::ParseTomlInPieces(text, file, 3); });
  if (whole.ok != pieces.ok) std::abort();
  if (!whole.ok && (whole.error.line != pieces.error.line || whole.error.column != pieces.error.column)) std::abort();
  if (whole.ok && whole.table != pieces.table) std::abort();
  return 0;
}
