// CSV and TSV: reading and writing delimited text, and importing it as a deck:
// flashcard exports (front, back[, tags]) become cards, chronologies (date, event[, tags])
// become events. See docs/facts-format.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/deck/deck.h"

namespace factdeck {

// One record of a delimited file, with where each field starts.
struct CsvRecord {
  std::vector<std::string> fields;
  std::vector<Position> positions; // parallel to fields
};

struct CsvTable {
  char delimiter = ',';
  std::vector<CsvRecord> records; // blank lines are left out
  bool html = false;              // an Anki export that declared "#html:true"
  // From Anki's header lines: "#columns:" names, and "#tags column:3"-style roles
  // ("tags", "guid", "notetype", "deck") by 1-based column number.
  std::vector<std::string> columnNames;
  std::vector<std::pair<size_t, std::string>> columnRoles;
};

struct CsvParse {
  CsvTable table;
  Diagnostics diagnostics;
};

// Splits delimited text: RFC 4180 quoting (fields in double quotes may hold the delimiter,
// line breaks and "" for a quote), CRLF or LF line ends, an optional UTF-8 byte order mark.
// The delimiter is comma, semicolon or tab: declared by an Anki "#separator:" line, else
// `hint` when not 0, else the one that splits the first lines most consistently.
CsvParse ParseCsv(std::string_view text, const std::string& fileName, char hint = 0);

struct CsvImportOptions {
  bool strict = false; // any bad row is an error and nothing is imported
  // How to read the rows (the import preview's choice); Auto: from the headers and rows.
  TableReading reading = {};
};

// Reads a delimited file into a deck. A header row is recognised by its column names
// (front/back, term/definition, question/answer; date/event; tags, id, source, note,
// end, place); without one, a file whose first column holds dates on every row is a
// chronology, anything else is flashcards. The deck cites the file as its source.
// A row that cannot be read (a bad date, a missing field) is left out with a warning
// saying where and why, and counted in DeckLoad::skippedRows; with `strict` it is an error.
// DeckLoad::shape says how the rows were read (every column's role) and holds the first rows.
DeckLoad ImportCsv(std::string_view text, const std::string& fileName, const CsvImportOptions& options = {});

// The same from records already read (a spreadsheet's sheet, each cell's position its row
// and column), with the reader's own diagnostics. The caller sets the deck's version.
DeckLoad ImportTable(CsvTable table, Diagnostics diagnostics, const std::string& fileName,
                     const CsvImportOptions& options = {});

// One record as RFC 4180 text ending in CRLF: fields holding the delimiter, a quote or a
// line break are quoted, quotes doubled.
std::string FormatCsvRecord(const std::vector<std::string>& fields, char delimiter = ',');

// True for the file names ImportCsv reads: .csv, .tsv, .txt.
bool IsDelimitedFile(const std::string& path);

} // namespace factdeck
