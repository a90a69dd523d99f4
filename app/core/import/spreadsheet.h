// Spreadsheets as decks: the first sheet (or a chosen one) of an Office Open XML workbook
// (.xlsx) or an OpenDocument spreadsheet (.ods), read through libzip and pugixml, as the
// records a delimited file gives, then imported as one (csv.h). Each cell's position is its
// row and column, so a message reads "quiz.xlsx:3:6" for row 3, column F.
#pragma once

#include <string>
#include <vector>

#include "core/import/csv.h"

namespace factdeck {

struct SheetRead {
  CsvTable table;                      // the sheet's rows, empty ones left out
  Diagnostics diagnostics;             // why the file could not be read, and what was left out
  std::vector<std::string> sheetNames; // every sheet of the workbook, in order
  std::string sheet;                   // the name of the sheet read
  std::string version;                 // the file's fingerprint (Deck::version)
};

// Reads sheet `sheet` (0: the first) of `path`, or the one named `sheetName` when it has one. A damaged file, one that
// is not a spreadsheet, a ZIP bomb (a member over the deck limit once unpacked, or packed a thousand times over), too
// many members or a sheet of absurd size is refused with an error; it never crashes or hangs. Text, numbers and dates
// come as the sheet shows them (a date as 1925-04-16, a whole number without decimals, a percentage with its sign).
SheetRead ReadSpreadsheet(const std::string& path, size_t sheet = 0, const std::string& sheetName = {});

// The same from the file's bytes in memory (`name` for messages and the file's kind).
SheetRead ReadSpreadsheetBytes(const std::string& bytes, const std::string& name, size_t sheet = 0,
                               const std::string& sheetName = {});

// A spreadsheet as a deck, read as a delimited file would be (quiz layouts, term lists,
// chronologies, tables).
DeckLoad ImportSpreadsheet(const std::string& path, const CsvImportOptions& options = {}, size_t sheet = 0,
                           const std::string& sheetName = {});

// The warning a workbook of several sheets gets: "the sheet "Dates" is read, number 2 of 2"
// (the home screen shows the choice instead).
std::string SheetReadNote(const std::string& name, size_t sheet, size_t sheets);

// True for the file names ReadSpreadsheet reads: .xlsx, .ods.
bool IsSpreadsheetFile(const std::string& path);

} // namespace factdeck
