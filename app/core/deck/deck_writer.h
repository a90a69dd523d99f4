// Writes a deck as a facts file that LoadTextDeckFile reads back to the same deck.
#pragma once

#include <string>

#include "core/deck/deck.h"

namespace factdeck {

// The deck in the TOML facts format (docs/facts-format.md), tables in the order
// deck, sources, entities, events, relations, facts, cards, choices.
std::string FormatDeckToml(const Deck& deck);

// A TOML basic string: quoted, with \, " and control characters escaped.
std::string TomlString(std::string_view text);

} // namespace factdeck
