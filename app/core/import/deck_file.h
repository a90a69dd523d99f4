// A deck file of any kind FactDeck opens, by its name: a facts file (.toml), delimited
// text (.csv, .tsv, .txt), a spreadsheet (.xlsx, .ods) or an Anki package (.apkg, .colpkg).
#pragma once

#include <string>

#include "core/deck/deck.h"

namespace factdeck {

// How to read a file of rows (the home screen's sheet choice, the import preview's reading).
struct FileReading {
  std::string sheet;  // a workbook's sheet by name (empty, or a name it has not: the first)
  TableReading table; // Auto: from the headers and rows
  bool operator==(const FileReading& other) const { return sheet == other.sheet && table == other.table; }
};

// Loads and validates a deck file of any of those kinds. Never throws; every problem is a
// diagnostic. Another sheet than the first is a deck of its own: its id and title name the
// sheet. `reading` applies to delimited files and spreadsheets.
DeckLoad LoadDeckFile(const std::string& path, const FileReading& reading = {});

// True for the names LoadDeckFile reads as decks. `withTxt`: .txt too (a folder scan leaves
// plain text out, where notes and read-me files live; a file chosen by name is read).
bool IsDeckFileName(const std::string& path, bool withTxt = true);

} // namespace factdeck
