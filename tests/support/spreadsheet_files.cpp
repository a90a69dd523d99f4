#include "support/spreadsheet_files.h"

#include "support/zip_file.h"

namespace factdeck::test {

namespace {

std::string Escaped(const std::string& text) {
  std::string out;
  for (char c : text)
    out += c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '&' ? "&amp;" : c == '"' ? "&quot;" : std::string(1, c);
  return out;
}

bool IsNumber(const std::string& text) {
  return !text.empty() && text.size() < 10 && text.find_first_not_of("0123456789") == std::string::npos;
}

std::string Column(size_t i) { return std::string(1, static_cast<char>('A' + i)); } // up to 26 columns

} // namespace

void WriteXlsx(const std::filesystem::path& path, const SheetRows& rows, const std::string& sheet) {
  std::string data;
  for (size_t r = 0; r < rows.size(); ++r) {
    data += "<row r=\"" + std::to_string(r + 1) + "\">";
    for (size_t c = 0; c < rows[r].size(); ++c) {
      const std::string ref = Column(c) + std::to_string(r + 1);
      if (IsNumber(rows[r][c]))
        data += "<c r=\"" + ref + "\"><v>" + rows[r][c] + "</v></c>";
      else
        data += "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + Escaped(rows[r][c]) + "</t></is></c>";
    }
    data += "</row>";
  }
  const std::string main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  WriteZip(
      path,
      {{"[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types "
                               "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
       {"xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + main + "\" xmlns:r=\"" +
                               rel + "\"><sheets><sheet name=\"" + Escaped(sheet) +
                               "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
       {"xl/_rels/workbook.xml.rels",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
        "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"" +
            rel + "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"},
       {"xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + main +
                                        "\"><sheetData>" + data + "</sheetData></worksheet>"}});
}

void WriteOds(const std::filesystem::path& path, const SheetRows& rows, const std::string& sheet) {
  WriteOdsSheets(path, {{sheet, rows}});
}

void WriteOdsSheets(const std::filesystem::path& path, const std::vector<std::pair<std::string, SheetRows>>& sheets) {
  std::string tables;
  for (const auto& [sheet, rows] : sheets) {
    tables += "<table:table table:name=\"" + Escaped(sheet) + "\">";
    for (const auto& row : rows) {
      tables += "<table:table-row>";
      for (const std::string& cell : row)
        tables += IsNumber(cell) ? "<table:table-cell office:value-type=\"float\" office:value=\"" + cell +
                                       "\"><text:p>" + cell + "</text:p></table:table-cell>"
                                 : "<table:table-cell office:value-type=\"string\"><text:p>" + Escaped(cell) +
                                       "</text:p></table:table-cell>";
      tables += "</table:table-row>";
    }
    tables += "</table:table>";
  }
  const std::string content =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content "
      "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
      "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
      "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:spreadsheet>" +
      tables + "</office:spreadsheet></office:body></office:document-content>";
  WriteZip(path, {{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}, {"content.xml", content}});
}

std::string CsvText(const SheetRows& rows, char separator) {
  std::string out;
  for (const auto& row : rows) {
    for (size_t c = 0; c < row.size(); ++c) {
      const std::string& f = row[c];
      if (c > 0) out += separator;
      if (f.find_first_of(std::string("\"\n") + separator) == std::string::npos) {
        out += f;
        continue;
      }
      out += '"';
      for (char ch : f)
        out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
      out += '"';
    }
    out += '\n';
  }
  return out;
}

} // namespace factdeck::test
