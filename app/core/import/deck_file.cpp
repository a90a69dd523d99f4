#include "core/import/deck_file.h"

#include <algorithm>
#include <filesystem>

#include "core/base/paths.h"
#include "core/base/text.h"
#include "core/import/anki.h"
#include "core/import/csv.h"
#include "core/import/spreadsheet.h"

namespace factdeck {

namespace {

DeckLoad LoadSheet(const std::string& path, const std::string& sheet, const CsvImportOptions& options) {
  DeckLoad load = ImportSpreadsheet(path, options, 0, sheet);
  if (load.sheet == 0) return load;
  if (!Slug(sheet).empty()) load.deck.id += "-" + Slug(sheet);
  load.deck.title =
      (load.deck.title.empty() ? std::filesystem::path(path).stem().string() : load.deck.title) + " (" + sheet + ")";
  return load;
}

} // namespace

DeckLoad LoadDeckFile(const std::string& path, const FileReading& reading) {
  CsvImportOptions options;
  options.reading = reading.table;
  if (IsSpreadsheetFile(path)) return LoadSheet(path, reading.sheet, options);
  if (IsAnkiPackageFile(path)) return LoadAnkiPackage(path, DefaultCacheDir());
  if (IsDelimitedFile(path))
    return LoadTextDeckFile(
        path, [&](std::string_view text, const std::string& file) { return ImportCsv(text, file, options); });
  return LoadTextDeckFile(path);
}

bool IsDeckFileName(const std::string& path, bool withTxt) {
  const std::string extension = LowerExtension(path);
  return extension == ".toml" || extension == ".csv" || extension == ".tsv" || (withTxt && extension == ".txt") ||
         IsSpreadsheetFile(path) || IsAnkiPackageFile(path);
}

} // namespace factdeck
