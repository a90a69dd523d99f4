// Spreadsheets (.xlsx, .ods) read as the records of a delimited file.
//
// [SECTION] Limits: a sheet's rows, columns and cells.
// [SECTION] Cells: a column's letters, numbers as shown, dates from serial numbers.
// [SECTION] Office Open XML (.xlsx): workbook, relationships, shared strings, styles, sheet.
// [SECTION] OpenDocument (.ods): content.xml, repeated rows and cells.
#include "core/base/paths.h"
#include "core/import/spreadsheet.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <unordered_map>

#include <pugixml.hpp>

#include "core/base/atomic_file.h"
#include "core/base/text.h"
#include "core/base/zip_archive.h"

namespace factdeck {

namespace {

// [SECTION] Limits ---------------------------------------------------------------------

constexpr size_t kMaxRows = 1000000;         // a sheet's rows
constexpr size_t kMaxColumns = 1024;         // a row's cells
constexpr size_t kMaxCells = 4000000;        // a sheet's filled cells
constexpr size_t kMaxRepeated = kMaxColumns; // repeated cells materialised in one row

// A member of the workbook, within the deck file limit once unpacked.
std::optional<std::string> ReadMember(const ZipArchive& zip, const std::string& name, std::string& error) {
  return zip.Read(name, kMaxDeckFileBytes, error);
}

bool ParseXml(pugi::xml_document& doc, const std::string& text, const std::string& member, std::string& error) {
  const pugi::xml_parse_result parsed =
      doc.load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
  if (!parsed) error = "the member " + member + " is not well-formed XML (" + parsed.description() + ")";
  return static_cast<bool>(parsed);
}

// An element's name without its namespace prefix: "x:row" is "row".
std::string_view Local(const pugi::xml_node& node) {
  std::string_view name = node.name();
  const size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node Child(const pugi::xml_node& node, std::string_view local) {
  for (pugi::xml_node c : node.children())
    if (Local(c) == local) return c;
  return {};
}

// [SECTION] Cells --------------------------------------------------------------------

// A cell's text without the spaces and line breaks around it.
std::string Trimmed(std::string_view text) {
  const size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  return std::string(text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1));
}

// "C7": the column's index (2), or SIZE_MAX when the reference has no letters.
size_t ColumnOf(std::string_view reference) {
  size_t column = 0, letters = 0;
  for (char c : reference) {
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + static_cast<size_t>(c - 'A' + 1);
    if (++letters > 3) return SIZE_MAX;
  }
  return letters == 0 ? SIZE_MAX : column - 1;
}

// A number as a sheet shows it in the general format: no trailing zeros, no exponent for
// the sizes a deck holds ("1926", "3.5", "0.25").
std::string NumberText(double value) {
  if (!std::isfinite(value)) return {};
  if (std::fabs(value) < 1e15 && value == std::floor(value)) return std::to_string(static_cast<long long>(value));
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.15g", value);
  return buffer;
}

// A serial day number (days since 30 December 1899, or since 1 January 1904 in a workbook
// that says so) as an ISO date.
std::string SerialDate(double serial, bool from1904) {
  long long days = static_cast<long long>(std::floor(serial)) + (from1904 ? 1462 : 0);
  // Days since 1899-12-30 to a civil date (Howard Hinnant's algorithm, from 1970-01-01).
  long long z = days - 25569 + 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const long long doe = z - era * 146097;
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long long mp = (5 * doy + 2) / 153;
  const long long d = doy - (153 * mp + 2) / 5 + 1;
  const long long m = mp < 10 ? mp + 3 : mp - 9;
  const long long y = yoe + era * 400 + (m <= 2);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", static_cast<int>(y), static_cast<int>(m), static_cast<int>(d));
  return buffer;
}

// Collects rows into records, cell by cell, leaving empty rows out and keeping each cell's
// row and column as its position.
class Rows {
public:
  explicit Rows(CsvTable& table) : m_table(table) {}
  // False when the sheet is past the limits (rows, columns, cells).
  bool Cell(size_t row, size_t column, std::string text) {
    if (row >= kMaxRows || column >= kMaxColumns || ++m_cells > kMaxCells) return false;
    if (text.empty()) return true;
    if (m_table.records.empty() || m_row != row) {
      m_table.records.emplace_back();
      m_row = row;
    }
    CsvRecord& record = m_table.records.back();
    while (record.fields.size() < column) {
      record.positions.push_back({static_cast<int>(row + 1), static_cast<int>(record.fields.size() + 1)});
      record.fields.emplace_back();
    }
    if (record.fields.size() > column) return true; // a cell given twice: the first stays
    record.fields.push_back(std::move(text));
    record.positions.push_back({static_cast<int>(row + 1), static_cast<int>(column + 1)});
    return true;
  }

private:
  CsvTable& m_table;
  size_t m_row = SIZE_MAX, m_cells = 0;
};

// Takes sheet `sheet` of those listed in `out` (the one named `named` when there is one); false,
// with `error`, when there is no such sheet.
bool ChooseSheet(SheetRead& out, size_t& sheet, const std::string& named, const char* what, std::string& error) {
  if (const auto at = std::find(out.sheetNames.begin(), out.sheetNames.end(), named);
      !named.empty() && at != out.sheetNames.end())
    sheet = static_cast<size_t>(at - out.sheetNames.begin());
  if (sheet >= out.sheetNames.size()) {
    error = out.sheetNames.empty() ? std::string("the ") + what + " has no sheet"
                                   : std::string("the ") + what + " has " + std::to_string(out.sheetNames.size()) +
                                         " sheets, not " + std::to_string(sheet + 1);
    return false;
  }
  out.sheet = out.sheetNames[sheet];
  return true;
}

std::string TooLargeSheet() {
  return "the sheet is too large (over " + std::to_string(kMaxRows) + " rows, " + std::to_string(kMaxColumns) +
         " columns or " + std::to_string(kMaxCells) + " cells)";
}

// [SECTION] Office Open XML ------------------------------------------------------------

// The text of a shared or inline string: its runs' <t> joined, phonetic runs left out.
std::string RunText(const pugi::xml_node& si) {
  std::string text;
  for (pugi::xml_node n : si.children()) {
    if (Local(n) == "t")
      text += n.text().get();
    else if (Local(n) == "r")
      if (pugi::xml_node t = Child(n, "t")) text += t.text().get();
  }
  return text;
}

// True for a number format that shows a date: the built-in ones, or a code with a day,
// month or year outside quotes and brackets (not a time alone).
bool DateFormat(int id, const std::string& code) {
  if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return true;
  if (code.empty()) return false;
  bool quoted = false, bracket = false;
  for (char c : code) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '[') bracket = true;
    if (c == ']') bracket = false;
    if (!bracket && (c == 'd' || c == 'D' || c == 'y' || c == 'Y')) return true;
  }
  return false;
}

bool PercentFormat(int id, const std::string& code) {
  return id == 9 || id == 10 || code.find('%') != std::string::npos;
}

// Resolves a relationship target against the folder of the part that names it ("xl/");
// empty when it leaves the archive ("../../x") or is external.
std::string ResolveTarget(const std::string& base, std::string target) {
  std::filesystem::path path =
      target.rfind('/', 0) == 0 ? std::filesystem::path(target.substr(1)) : std::filesystem::path(base) / target;
  path = path.lexically_normal();
  const std::string text = path.generic_string();
  if (text.empty() || text.rfind("..", 0) == 0 || path.is_absolute()) return {};
  return text;
}

void ReadXlsx(const ZipArchive& zip, SheetRead& out, size_t sheet, const std::string& named, std::string& error) {
  pugi::xml_document workbook, rels, shared, styles, sheetDoc;
  std::optional<std::string> text = ReadMember(zip, "xl/workbook.xml", error);
  if (!text || !ParseXml(workbook, *text, "xl/workbook.xml", error)) return;
  const pugi::xml_node wb = workbook.first_child();
  const bool from1904 = [&] {
    const std::string v = Child(wb, "workbookPr").attribute("date1904").value();
    return v == "1" || v == "true";
  }();
  std::vector<std::string> ids;
  for (pugi::xml_node s : Child(wb, "sheets").children()) {
    out.sheetNames.emplace_back(s.attribute("name").value());
    ids.emplace_back(s.attribute("r:id").value());
  }
  if (!ChooseSheet(out, sheet, named, "workbook", error)) return;
  text = ReadMember(zip, "xl/_rels/workbook.xml.rels", error);
  if (!text || !ParseXml(rels, *text, "xl/_rels/workbook.xml.rels", error)) return;
  std::string member;
  for (pugi::xml_node r : rels.first_child().children())
    if (ids[sheet] == r.attribute("Id").value() && std::string_view(r.attribute("TargetMode").value()) != "External")
      member = ResolveTarget("xl", r.attribute("Target").value());
  if (member.empty()) {
    error = "the sheet \"" + out.sheet + "\" has no part inside the workbook";
    return;
  }
  std::vector<std::string> strings;
  if (zip.Has("xl/sharedStrings.xml")) {
    text = ReadMember(zip, "xl/sharedStrings.xml", error);
    if (!text || !ParseXml(shared, *text, "xl/sharedStrings.xml", error)) return;
    for (pugi::xml_node si : shared.first_child().children())
      if (Local(si) == "si") strings.push_back(RunText(si));
  }
  // Each style's number format: a date, a percentage, or neither.
  enum class Shown { Plain, Date, Percent };
  std::vector<Shown> shown;
  if (zip.Has("xl/styles.xml")) {
    text = ReadMember(zip, "xl/styles.xml", error);
    if (!text || !ParseXml(styles, *text, "xl/styles.xml", error)) return;
    const pugi::xml_node ss = styles.first_child();
    std::unordered_map<int, std::string> codes;
    for (pugi::xml_node f : Child(ss, "numFmts").children())
      codes[f.attribute("numFmtId").as_int()] = f.attribute("formatCode").value();
    for (pugi::xml_node xf : Child(ss, "cellXfs").children()) {
      const int id = xf.attribute("numFmtId").as_int();
      const std::string& code = codes[id];
      shown.push_back(DateFormat(id, code) ? Shown::Date : PercentFormat(id, code) ? Shown::Percent : Shown::Plain);
    }
  }
  text = ReadMember(zip, member, error);
  if (!text || !ParseXml(sheetDoc, *text, member, error)) return;
  Rows rows(out.table);
  size_t nextRow = 0;
  for (pugi::xml_node row : Child(sheetDoc.first_child(), "sheetData").children()) {
    const size_t r = row.attribute("r") ? static_cast<size_t>(std::max(1, row.attribute("r").as_int())) - 1 : nextRow;
    nextRow = r + 1;
    size_t nextColumn = 0;
    for (pugi::xml_node c : row.children()) {
      const std::string_view ref = c.attribute("r").value();
      const size_t column = ref.empty() ? nextColumn : ColumnOf(ref);
      if (column == SIZE_MAX) continue;
      nextColumn = column + 1;
      const std::string_view type = c.attribute("t").value();
      const char* v = Child(c, "v").text().get();
      std::string value;
      if (type == "s") {
        const int index = Child(c, "v").text().as_int(-1);
        if (index >= 0 && static_cast<size_t>(index) < strings.size()) value = strings[static_cast<size_t>(index)];
      } else if (type == "inlineStr") {
        value = RunText(Child(c, "is"));
      } else if (type == "str" || type == "e") {
        value = v;
      } else if (type == "b") {
        value = std::string_view(v) == "1" ? "TRUE" : "FALSE";
      } else if (*v != '\0') {
        char* end = nullptr;
        const double number = std::strtod(v, &end);
        const size_t style = static_cast<size_t>(std::max(0, c.attribute("s").as_int()));
        const Shown how = style < shown.size() ? shown[style] : Shown::Plain;
        value = end == v                                                ? std::string(v)
                : how == Shown::Date && number >= 1 && number < 2958466 ? SerialDate(number, from1904)
                : how == Shown::Percent                                 ? NumberText(number * 100) + "%"
                                                                        : NumberText(number);
      }
      if (!rows.Cell(r, column, Trimmed(value))) {
        error = TooLargeSheet();
        return;
      }
    }
  }
}

// [SECTION] OpenDocument ------------------------------------------------------------------

// A cell's text as shown: its paragraphs, one per line, with their spans, spaces and tabs.
void AppendText(const pugi::xml_node& node, std::string& text) {
  for (pugi::xml_node n : node.children()) {
    if (n.type() == pugi::node_pcdata) {
      text += n.value();
      continue;
    }
    const std::string_view name = Local(n);
    if (name == "s")
      text.append(static_cast<size_t>(std::clamp(n.attribute("text:c").as_int(1), 1, 100)), ' ');
    else if (name == "tab")
      text += '\t';
    else if (name == "line-break")
      text += '\n';
    else if (name != "annotation")
      AppendText(n, text);
  }
}

void ReadOds(const ZipArchive& zip, SheetRead& out, size_t sheet, const std::string& named, std::string& error) {
  pugi::xml_document content;
  std::optional<std::string> text = ReadMember(zip, "content.xml", error);
  if (!text || !ParseXml(content, *text, "content.xml", error)) return;
  const pugi::xml_node spreadsheet = Child(Child(content.first_child(), "body"), "spreadsheet");
  std::vector<pugi::xml_node> tables;
  for (pugi::xml_node t : spreadsheet.children())
    if (Local(t) == "table") {
      tables.push_back(t);
      out.sheetNames.emplace_back(t.attribute("table:name").value());
    }
  if (!ChooseSheet(out, sheet, named, "spreadsheet", error)) return;
  Rows rows(out.table);
  size_t r = 0;
  // Rows may sit inside groups (table:table-row-group, table:table-header-rows).
  auto readRows = [&](const pugi::xml_node& parent, auto&& self) -> bool {
    for (pugi::xml_node row : parent.children()) {
      const std::string_view name = Local(row);
      if (name == "table-row-group" || name == "table-header-rows" || name == "table-rows") {
        if (!self(row, self)) return false;
        continue;
      }
      if (name != "table-row") continue;
      const size_t repeat = static_cast<size_t>(std::max(1, row.attribute("table:number-rows-repeated").as_int(1)));
      std::vector<std::pair<size_t, std::string>> cells; // column, text
      size_t column = 0;
      for (pugi::xml_node c : row.children()) {
        const std::string_view cellName = Local(c);
        if (cellName != "table-cell" && cellName != "covered-table-cell") continue;
        const size_t span = static_cast<size_t>(std::max(1, c.attribute("table:number-columns-repeated").as_int(1)));
        std::string value;
        const std::string_view type = c.attribute("office:value-type").value();
        if (type == "date") {
          value = std::string(c.attribute("office:date-value").value()).substr(0, 10);
        } else {
          for (pugi::xml_node p : c.children())
            if (Local(p) == "p") {
              if (!value.empty()) value += '\n';
              AppendText(p, value);
            }
        }
        value = Trimmed(value);
        if (!value.empty())
          for (size_t k = 0; k < std::min(span, kMaxRepeated); ++k)
            cells.emplace_back(column + k, value);
        column += span;
      }
      if (cells.empty()) { // empty rows, however many, add nothing
        r += repeat;
        continue;
      }
      for (size_t k = 0; k < repeat; ++k, ++r)
        for (const auto& [col, value] : cells)
          if (!rows.Cell(r, col, value)) {
            error = TooLargeSheet();
            return false;
          }
    }
    return true;
  };
  readRows(tables[sheet], readRows);
}

} // namespace

std::string SheetReadNote(const std::string& name, size_t sheet, size_t sheets) {
  return "the sheet \"" + name + "\" is read, " +
         (sheet == 0 ? std::string("the first") : "number " + std::to_string(sheet + 1)) + " of " +
         std::to_string(sheets);
}

bool IsSpreadsheetFile(const std::string& path) {
  const std::string extension = LowerExtension(path);
  return extension == ".xlsx" || extension == ".ods";
}

SheetRead ReadSpreadsheetBytes(const std::string& bytes, const std::string& name, size_t sheet,
                               const std::string& sheetName) {
  SheetRead out;
  out.version = Fingerprint(bytes);
  std::string error;
  {
    const ZipArchive zip = ZipArchive::FromBytes(bytes, "a spreadsheet", error);
    if (error.empty()) {
      if (zip.Has("xl/workbook.xml"))
        ReadXlsx(zip, out, sheet, sheetName, error);
      else if (zip.Has("content.xml"))
        ReadOds(zip, out, sheet, sheetName, error);
      else
        error = "not a spreadsheet: neither xl/workbook.xml (.xlsx) nor content.xml (.ods) is in the archive";
    }
  }
  if (!error.empty()) {
    out.table.records.clear();
    out.diagnostics.push_back({Severity::Error, name, {}, error});
  }
  return out;
}

SheetRead ReadSpreadsheet(const std::string& path, size_t sheet, const std::string& sheetName) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > kMaxDeckFileBytes) {
    SheetRead out;
    out.diagnostics.push_back({Severity::Error,
                               path,
                               {},
                               "the file is too large (" + std::to_string(size >> 20) + " MiB; the limit is " +
                                   std::to_string(kMaxDeckFileBytes >> 20) + " MiB)"});
    return out;
  }
  std::string bytes;
  if (std::string error = ReadWholeFile(path, bytes); !error.empty()) {
    SheetRead out;
    out.diagnostics.push_back({Severity::Error, path, {}, error.substr(std::min(error.size(), path.size() + 2))});
    return out;
  }
  return ReadSpreadsheetBytes(bytes, path, sheet, sheetName);
}

DeckLoad ImportSpreadsheet(const std::string& path, const CsvImportOptions& options, size_t sheet,
                           const std::string& sheetName) {
  SheetRead read = ReadSpreadsheet(path, sheet, sheetName);
  if (!read.sheet.empty())
    sheet = static_cast<size_t>(std::find(read.sheetNames.begin(), read.sheetNames.end(), read.sheet) -
                                read.sheetNames.begin());
  if (CountErrors(read.diagnostics) != 0) {
    DeckLoad failed;
    failed.deck.file = path;
    failed.diagnostics = std::move(read.diagnostics);
    return failed;
  }
  if (read.sheetNames.size() > 1)
    read.diagnostics.push_back({Severity::Warning, path, {}, SheetReadNote(read.sheet, sheet, read.sheetNames.size())});
  DeckLoad load = ImportTable(std::move(read.table), std::move(read.diagnostics), path, options);
  load.deck.version = read.version;
  load.sheets = std::move(read.sheetNames);
  load.sheet = sheet;
  return load;
}

} // namespace factdeck
