#include "core/import/deck_file.h"

#include <algorithm>
#include <filesystem>

#include "core/base/paths.h"
#include "core/import/anki.h"
#include "core/import/csv.h"
#include "core/import/spreadsheet.h"

namespace factdeck {

DeckLoad LoadDeckFile(const std::string& path) {
  if (IsSpreadsheetFile(path)) return ImportSpreadsheet(path);
  if (IsAnkiPackageFile(path)) return LoadAnkiPackage(path, DefaultCacheDir());
  if (IsDelimitedFile(path))
    return LoadTextDeckFile(path, [](std::string_view text, const std::string& file) { return ImportCsv(text, file); });
  return LoadTextDeckFile(path);
}

bool IsDeckFileName(const std::string& path, bool withTxt) {
  const std::string extension = LowerExtension(path);
  return extension == ".toml" || extension == ".csv" || extension == ".tsv" || (withTxt && extension == ".txt") ||
         IsSpreadsheetFile(path) || IsAnkiPackageFile(path);
}

} // namespace factdeck
