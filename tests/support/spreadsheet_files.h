// Spreadsheets made for tests, as Excel and LibreOffice save them at their simplest: a
// workbook of one sheet, numbers as numeric cells, text as inline strings (.xlsx) or
// paragraphs (.ods).
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace factdeck::test {

using SheetRows = std::vector<std::vector<std::string>>;

void WriteXlsx(const std::filesystem::path& path, const SheetRows& rows, const std::string& sheet = "Sheet1");
void WriteOds(const std::filesystem::path& path, const SheetRows& rows, const std::string& sheet = "Sheet1");
// A workbook of several sheets: (name, rows) each.
void WriteOdsSheets(const std::filesystem::path& path, const std::vector<std::pair<std::string, SheetRows>>& sheets);
// The rows as CSV with `separator` (fields quoted when they need it).
std::string CsvText(const SheetRows& rows, char separator = ',');

} // namespace factdeck::test
