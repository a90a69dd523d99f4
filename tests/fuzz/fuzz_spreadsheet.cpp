// Feeds arbitrary bytes to the spreadsheet reader: as a whole archive (a damaged or hostile
// .xlsx or .ods), and as the XML of a sheet, of shared strings or of an OpenDocument content
// part inside an archive that is otherwise whole. Besides the sanitizers' checks: a read
// either fails with a diagnostic or gives records whose fields and positions agree.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include <unistd.h>

#include "fuzz/zip_bytes.h"
#include "core/import/spreadsheet.h"

namespace {

using factdeck::fuzz::ZipBytes;

void Check(const factdeck::SheetRead& read) {
  for (const factdeck::Diagnostic& d : read.diagnostics)
    (void)d.Format();
  for (const factdeck::CsvRecord& r : read.table.records)
    if (r.fields.size() != r.positions.size() || r.fields.empty()) std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string body(reinterpret_cast<const char*>(data) + 1, size - 1);
  const char* workbook = "<workbook><sheets><sheet name=\"S\" r:id=\"rId1\"/></sheets></workbook>";
  const char* rels = "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>";
  switch (data[0] % 4) {
  case 0: Check(factdeck::ReadSpreadsheetBytes(body, "fuzz.xlsx")); break;
  case 1:
    Check(factdeck::ReadSpreadsheetBytes(
        ZipBytes(
            {{"xl/workbook.xml", workbook}, {"xl/_rels/workbook.xml.rels", rels}, {"xl/worksheets/sheet1.xml", body}}),
        "fuzz.xlsx"));
    break;
  case 2:
    Check(factdeck::ReadSpreadsheetBytes(
        ZipBytes({{"xl/workbook.xml", workbook},
                  {"xl/_rels/workbook.xml.rels", rels},
                  {"xl/sharedStrings.xml", body},
                  {"xl/styles.xml", body},
                  {"xl/worksheets/sheet1.xml", "<worksheet><sheetData><row><c t=\"s\" s=\"1\"><v>0</v></c><c "
                                               "s=\"1\"><v>30000.5</v></c></row></sheetData></worksheet>"}}),
        "fuzz.xlsx"));
    break;
  default: Check(factdeck::ReadSpreadsheetBytes(ZipBytes({{"content.xml", body}}), "fuzz.ods")); break;
  }
  return 0;
}
