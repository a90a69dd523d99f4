// Spreadsheets as decks: workbooks made here as Excel and LibreOffice write them (shared and
// inline strings, styles with date and percent formats, repeated rows and cells), read as a
// delimited file is; and damaged or hostile archives refused with a reason.
#include <catch2/catch.hpp>

#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "core/import/spreadsheet.h"
#include "core/import/deck_file.h"
#include "support/temp_dir.h"
#include "support/zip_file.h"

using namespace factdeck;
using factdeck::test::TempDir;

namespace {

using Members = test::ZipMembers;
using test::WriteZip;

std::string Messages(const Diagnostics& diagnostics) {
  std::string all;
  for (const Diagnostic& d : diagnostics)
    all += d.Format() + "\n";
  return all;
}

const char* kWorkbook = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<workbookPr/><sheets><sheet name="Quiz" sheetId="1" r:id="rId1"/><sheet name="Notes" sheetId="2" r:id="rId2"/></sheets></workbook>)";
const char* kRels = R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>
</Relationships>)";
// Style 1: a date (built-in 14); style 2: a custom date code; style 3: a percentage.
const char* kStyles = R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="164" formatCode="dd\.mm\.yyyy"/></numFmts>
<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="9"/></cellXfs></styleSheet>)";
const char* kShared =
    R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="9" uniqueCount="9">
<si><t>Question</t></si><si><t>Answer A</t></si><si><t>Answer B</t></si><si><t>Answer C</t></si><si><t>Answer D</t></si>
<si><t>Correct Answer</t></si><si><r><rPr><b/></rPr><t>What is the symbol </t></r><r><t>for gold?</t></r></si>
<si><t>Au</t></si><si><t>Röhm's rank?</t><rPh><t>ignored</t></rPh></si></sst>)";

Members Xlsx(const std::string& sheet1, const std::string& sheet2 = "<worksheet><sheetData/></worksheet>") {
  return {{"[Content_Types].xml", "<Types/>"}, {"xl/workbook.xml", kWorkbook},    {"xl/_rels/workbook.xml.rels", kRels},
          {"xl/styles.xml", kStyles},          {"xl/sharedStrings.xml", kShared}, {"xl/worksheets/sheet1.xml", sheet1},
          {"xl/worksheets/sheet2.xml", sheet2}};
}

// A quiz as a teacher types it: the header in shared strings, a question in rich text, the
// options as shared, inline and numeric cells, the key as a letter.
const std::string kQuizSheet =
    R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c></row>
<row r="2"><c r="A2" t="s"><v>6</v></c><c r="B2" t="inlineStr"><is><t>Ag</t></is></c><c r="C2" t="s"><v>7</v></c><c r="D2" t="inlineStr"><is><t>Gd</t></is></c><c r="E2" t="inlineStr"><is><t>Go</t></is></c><c r="F2" t="inlineStr"><is><t>B</t></is></c></row>
<row r="4"><c r="A4" t="inlineStr"><is><t>How many moons has Mars?</t></is></c><c r="B4"><v>1</v></c><c r="C4"><v>2</v></c><c r="D4"><v>3.5</v></c><c r="E4" s="3"><v>0.25</v></c><c r="F4" t="inlineStr"><is><t>b</t></is></c></row>
<row r="5"><c r="A5" t="s"><v>8</v></c><c r="B5" t="inlineStr"><is><t>Major</t></is></c><c r="C5" t="inlineStr"><is><t>Captain</t></is></c><c r="D5" t="inlineStr"><is><t>Colonel</t></is></c><c r="F5" t="inlineStr"><is><t>D</t></is></c></row>
</sheetData></worksheet>)";

} // namespace

TEST_CASE("an .xlsx quiz reads as the same quiz in CSV: shared, rich and inline text, numbers, the key",
          "[spreadsheet][import]") {
  TempDir dir;
  const auto path = dir / "quiz.xlsx";
  WriteZip(path, Xlsx(kQuizSheet));
  SheetRead read = ReadSpreadsheet(path.string());
  INFO(Messages(read.diagnostics));
  REQUIRE(read.diagnostics.empty());
  CHECK(read.sheetNames == std::vector<std::string>{"Quiz", "Notes"});
  REQUIRE(read.table.records.size() == 4); // the empty row 3 left out
  CHECK(read.table.records[1].fields[0] == "What is the symbol for gold?");
  CHECK(read.table.records[2].fields ==
        std::vector<std::string>{"How many moons has Mars?", "1", "2", "3.5", "25%", "b"});
  CHECK(read.table.records[3].fields[0] == "Röhm's rank?"); // a phonetic run is no text
  CHECK(read.table.records[3].positions[5].line == 5);
  CHECK(read.table.records[3].positions[5].column == 6);

  DeckLoad load = ImportSpreadsheet(path.string());
  INFO(Messages(load.diagnostics));
  REQUIRE(load.Ok());
  REQUIRE(load.deck.choices.size() == 2);
  CHECK(load.deck.choices[0].answers == std::vector<std::string>{"Au"});
  CHECK(load.deck.choices[1].answers == std::vector<std::string>{"2"});
  // The key "D" names an empty option: the row is left out at row 5, column F.
  CHECK_THAT(Messages(load.diagnostics), Catch::Contains("quiz.xlsx:5:6: warning: row skipped"));
  CHECK_THAT(Messages(load.diagnostics), Catch::Contains("the sheet \"Quiz\" is read, the first of 2"));
  CHECK(LoadDeckFile(path.string()).deck.choices.size() == 2); // a deck like any other
}

TEST_CASE("an .xlsx chronology shows its dates as the sheet does, in either date system", "[spreadsheet][import]") {
  TempDir dir;
  const std::string sheet = R"(<worksheet><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>Date</t></is></c><c r="B1" t="inlineStr"><is><t>Event</t></is></c></row>
<row r="2"><c r="A2" s="1"><v>8142</v></c><c r="B2" t="inlineStr"><is><t>A treaty is signed</t></is></c></row>
<row r="3"><c r="A3" s="2"><v>12289.5</v></c><c r="B3" t="inlineStr"><is><t>A school opens</t></is></c></row>
<row r="4"><c r="A4"><v>1933</v></c><c r="B4" t="str"><f>"A"&amp;"B"</f><v>The schools close</v></c></row>
</sheetData></worksheet>)";
  WriteZip(dir / "dates.xlsx", Xlsx(sheet));
  SheetRead read = ReadSpreadsheet((dir / "dates.xlsx").string());
  REQUIRE(read.diagnostics.empty());
  CHECK(read.table.records[1].fields[0] == "1922-04-16"); // serial 8142 in the 1900 system
  CHECK(read.table.records[2].fields[0] == "1933-08-23");
  CHECK(read.table.records[3].fields[1] == "The schools close"); // a formula's cached value
  DeckLoad load = ImportSpreadsheet((dir / "dates.xlsx").string());
  REQUIRE(load.Ok());
  REQUIRE(load.deck.events.size() == 3);

  Members from1904 = Xlsx(sheet);
  from1904[1].second =
      std::string(kWorkbook).replace(std::string(kWorkbook).find("<workbookPr/>"), 13, "<workbookPr date1904=\"1\"/>");
  WriteZip(dir / "mac.xlsx", from1904);
  CHECK(ReadSpreadsheet((dir / "mac.xlsx").string()).table.records[1].fields[0] == "1926-04-17");
}

TEST_CASE("an .ods term list and quiz read with repeated rows and cells, spans and dates", "[spreadsheet][import]") {
  TempDir dir;
  const std::string content = R"(<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">
<office:body><office:spreadsheet>
<table:table table:name="Wörter">
<table:table-row><table:table-cell office:value-type="string"><text:p>Deutsch</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Englisch</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16382"/></table:table-row>
<table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
<table:table-row><table:table-cell office:value-type="string"><text:p>der <text:span>Hund</text:span></text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>the<text:s text:c="2"/>dog</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell office:value-type="string"><text:p>die Katze</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>the cat</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell office:value-type="date" office:date-value="1922-04-16T00:00:00"><text:p>16.04.22</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="0.5"><text:p>50 %</text:p></table:table-cell></table:table-row>
<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
</table:table>
<table:table table:name="Leer"/>
</office:spreadsheet></office:body></office:document-content>)";
  WriteZip(dir / "words.ods",
           {{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}, {"content.xml", content}});
  SheetRead read = ReadSpreadsheet((dir / "words.ods").string());
  INFO(Messages(read.diagnostics));
  REQUIRE(read.diagnostics.empty());
  CHECK(read.sheetNames == std::vector<std::string>{"Wörter", "Leer"});
  REQUIRE(read.table.records.size() == 4);
  CHECK(read.table.records[1].fields == std::vector<std::string>{"der Hund", "the  dog"});
  CHECK(read.table.records[1].positions[0].line == 5); // after the three repeated empty rows
  CHECK(read.table.records[3].fields == std::vector<std::string>{"1922-04-16", "50 %"}); // as shown, the date as ISO
  DeckLoad load = ImportSpreadsheet((dir / "words.ods").string());
  INFO(Messages(load.diagnostics));
  REQUIRE(load.Ok());
  CHECK(load.deck.cards.size() == 3); // "Deutsch, Englisch" is the header
  CHECK(load.deck.cards[0].front == "der Hund");
}

TEST_CASE("damaged and hostile spreadsheets are refused with a reason, never crash or hang",
          "[spreadsheet][import][hostile]") {
  TempDir dir;
  auto refused = [&](const std::string& name, const std::string& reason) {
    DeckLoad load = LoadDeckFile((dir / name).string());
    INFO(name << ": " << Messages(load.diagnostics));
    CHECK_FALSE(load.Ok());
    CHECK_THAT(Messages(load.diagnostics), Catch::Contains(reason));
  };
  std::ofstream(dir / "text.xlsx") << "Question,Answer\nnot a zip,at all\n";
  refused("text.xlsx", "not a spreadsheet");
  WriteZip(dir / "other.xlsx", {{"hello.txt", "hi"}});
  refused("other.xlsx", "neither xl/workbook.xml");
  // A member of 65 MiB of zeros, packed into some sixty kilobytes.
  WriteZip(dir / "bomb.xlsx", {{"xl/workbook.xml", std::string(65u << 20, '\0')}});
  refused("bomb.xlsx", "possible ZIP bomb");
  // A relationship that leaves the archive's folders names no part inside it.
  Members outside = Xlsx(kQuizSheet);
  outside[2].second = R"(<Relationships><Relationship Id="rId1" Target="../../../etc/passwd"/></Relationships>)";
  WriteZip(dir / "outside.xlsx", outside);
  refused("outside.xlsx", "has no part inside the workbook");
  WriteZip(dir / "broken.xlsx", Xlsx("<worksheet><sheetData><row><c>"));
  refused("broken.xlsx", "is not well-formed XML");
  WriteZip(
      dir / "huge.xlsx",
      Xlsx(
          R"(<worksheet><sheetData><row r="2000000"><c r="A2000000" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>)"));
  refused("huge.xlsx", "the sheet is too large");
  WriteZip(dir / "nosheet.ods",
           {{"content.xml",
             "<office:document-content><office:body><office:spreadsheet/></office:body></office:document-content>"}});
  refused("nosheet.ods", "the spreadsheet has no sheet");
  // Truncated: the archive's end cut off.
  WriteZip(dir / "whole.xlsx", Xlsx(kQuizSheet));
  std::string bytes;
  {
    std::ifstream in(dir / "whole.xlsx", std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  std::ofstream(dir / "cut.xlsx", std::ios::binary) << bytes.substr(0, bytes.size() / 2);
  refused("cut.xlsx", "not a spreadsheet");
}
