// A deck file of any kind FactDeck opens, by its name: a facts file (.toml), delimited
// text (.csv, .tsv, .txt), a spreadsheet (.xlsx, .ods) or an Anki package (.apkg, .colpkg).
#pragma once

#include <string>

#include "core/deck/deck.h"

namespace factdeck {

// Loads and validates a deck file of any of those kinds. Never throws; every problem is a
// diagnostic. `sheet`: a workbook's sheet by name (empty, or a name it has not: the first).
// Another sheet than the first is a deck of its own: its id and title name the sheet.
DeckLoad LoadDeckFile(const std::string& path, const std::string& sheet = {});

// True for the names LoadDeckFile reads as decks. `withTxt`: .txt too (a folder scan leaves
// plain text out, where notes and read-me files live; a file chosen by name is read).
bool IsDeckFileName(const std::string& path, bool withTxt = true);

} // namespace factdeck
