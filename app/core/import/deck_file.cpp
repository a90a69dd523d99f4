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

DeckLoad LoadSheet(const std::string& path, const std::string& sheet) {
  DeckLoad first = ImportSpreadsheet(path);
  if (sheet.empty() || first.sheets.empty() || first.sheets.front() == sheet) return first;
  const auto named = std::find(first.sheets.begin(), first.sheets.end(), sheet);
  if (named == first.sheets.end()) return first;
  DeckLoad load = ImportSpreadsheet(path, {}, static_cast<size_t>(named - first.sheets.begin()));
  if (!Slug(sheet).empty()) load.deck.id += "-" + Slug(sheet);
  load.deck.title =
      (load.deck.title.empty() ? std::filesystem::path(path).stem().string() : load.deck.title) + " (" + sheet + ")";
  return load;
}

} // namespace

DeckLoad LoadDeckFile(const std::string& path, const std::string& sheet) {
  if (IsSpreadsheetFile(path)) return LoadSheet(path, sheet);
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
