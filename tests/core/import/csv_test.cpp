#include <catch2/catch.hpp>
#include <random>

#include "core/import/csv.h"
#include "core/import/deck_file.h"
#include "core/questions/questions.h"
#include "core/deck/deck_writer.h"

using namespace factdeck;

namespace {

std::string Errors(const DeckLoad& load) {
  std::string all;
  for (const Diagnostic& d : load.diagnostics)
    all += d.Format() + "\n";
  return all;
}

// The only error of importing `text` strictly; fails when there is not exactly one.
Diagnostic OnlyError(const std::string& text, const std::string& file = "in.csv") {
  DeckLoad load = ImportCsv(text, file, CsvImportOptions{true});
  INFO(Errors(load));
  REQUIRE(CountErrors(load.diagnostics) == 1);
  for (const Diagnostic& d : load.diagnostics)
    if (d.severity == Severity::Error) return d;
  return {};
}

} // namespace

TEST_CASE("csv: RFC 4180 quoting with delimiters, quotes and line breaks inside fields", "[csv]") {
  CsvParse parse = ParseCsv("a,\"b, with comma\"\r\n\"multi\nline\",\"say \"\"hi\"\"\"\r\nlast,\"\"\n", "f.csv");
  REQUIRE(parse.diagnostics.empty());
  const auto& r = parse.table.records;
  REQUIRE(r.size() == 3);
  CHECK(r[0].fields == std::vector<std::string>{"a", "b, with comma"});
  CHECK(r[1].fields == std::vector<std::string>{"multi\nline", "say \"hi\""});
  CHECK(r[2].fields == std::vector<std::string>{"last", ""});
  CHECK(r[1].positions[1].line == 3); // after the line break inside the first field
  CHECK(r[1].positions[1].column == 7);
}

TEST_CASE("csv: the delimiter is detected, tab winning over commas inside the text", "[csv]") {
  CHECK(ParseCsv("a,b\nc,d\n", "f").table.delimiter == ',');
  CHECK(ParseCsv("a;b, c\nd;e, f\n", "f").table.delimiter == ';');
  CsvParse tabs = ParseCsv("Rapallo, 1922\tA treaty, signed at Genoa\nKama\tTank school, Kazan\n", "f");
  CHECK(tabs.table.delimiter == '\t');
  REQUIRE(tabs.table.records.size() == 2);
  CHECK(tabs.table.records[0].fields[1] == "A treaty, signed at Genoa");
}

TEST_CASE("csv: a UTF-8 byte order mark is dropped and columns count characters", "[csv]") {
  CsvParse parse = ParseCsv("\xEF\xBB\xBF"
                            "Тухачевский,Röhm\n",
                            "f");
  REQUIRE(parse.table.records.size() == 1);
  CHECK(parse.table.records[0].fields[0] == "Тухачевский");
  CHECK(parse.table.records[0].positions[1].column == 13);
}

TEST_CASE("import: front/back rows become cards, with or without a header", "[csv][import]") {
  DeckLoad plain = ImportCsv("Röhm\tSA leader\nБажанов\tSecretary\n", "quizlet.tsv");
  INFO(Errors(plain));
  REQUIRE(plain.Ok());
  REQUIRE(plain.deck.cards.size() == 2);
  CHECK(plain.deck.cards[1].front == "Бажанов");
  CHECK(plain.deck.cards[1].back == "Secretary");
  CHECK(plain.deck.cards[1].source == "import");
  CHECK(plain.deck.FindSource("import") != nullptr);
  CHECK(plain.deck.id == "quizlet");
  CHECK(plain.deck.title == "Quizlet"); // the file's name, as a title
  CHECK(ImportCsv("a,b\nc,d\n", "world_capitals-2024.csv").deck.title == "World capitals 2024");

  DeckLoad header = ImportCsv("Term,Definition,Tags\nLipetsk,Flying school,aviation 1925\n", "h.csv");
  REQUIRE(header.Ok());
  REQUIRE(header.deck.cards.size() == 1);
  CHECK(header.deck.cards[0].front == "Lipetsk");
  CHECK(header.deck.cards[0].tags == std::vector<std::string>{"aviation", "1925"});
}

TEST_CASE("import: date,event rows become events at their precision, BC included", "[csv][import]") {
  DeckLoad load = ImportCsv(
      "date;event;tags\n1922-04-16;Treaty signed;treaty\n44 BC;Caesar killed;\nc. 1921;Talks;x y\n", "chronology.csv");
  INFO(Errors(load));
  REQUIRE(load.Ok());
  REQUIRE(load.deck.events.size() == 3);
  CHECK(load.deck.events[0].date.precision == DatePrecision::Day);
  CHECK(load.deck.events[1].date.year == -43);
  CHECK(load.deck.events[2].date.circa);
  CHECK(load.deck.events[2].tags == std::vector<std::string>{"x", "y"});
  CHECK(load.deck.events[0].id == "treaty-signed");

  DeckLoad headerless = ImportCsv("1941-06-22,Invasion\n1933,Cooperation ends\n", "c.csv");
  REQUIRE(headerless.Ok());
  CHECK(headerless.deck.events.size() == 2);
  CHECK(headerless.deck.cards.empty());
}

TEST_CASE("import: chronology and term-list headers in the main European languages are headers", "[csv][import]") {
  for (const char* header : {"Ereignis;Datum", "Événement;Date", "Evento;Fecha", "Evento;Anno", "Gebeurtenis;Jaar",
                             "Wydarzenie;Rok", "Datum;Ereignis;Ende"}) {
    INFO(header);
    const bool withEnd = std::string(header).find("Ende") != std::string::npos;
    const std::string rows = withEnd ? "1922-04-16;Vertrag von Rapallo;1922-04-17\n1925-10-16;Locarno;1925-12-01\n"
                                     : "Vertrag von Rapallo;1922-04-16\nLocarno;1925-10-16\n";
    DeckLoad load = ImportCsv(std::string(header) + "\n" + rows, "daten.csv");
    INFO(Errors(load));
    REQUIRE(load.Ok());
    CHECK(load.deck.events.size() == 2); // the header is no event
    CHECK(load.deck.cards.empty());
  }
  DeckLoad words = ImportCsv("Begriff,Definition\nder Hund,the dog\ndie Katze,the cat\n", "wörter.csv");
  REQUIRE(words.Ok());
  REQUIRE(words.deck.cards.size() == 2);
  CHECK(words.deck.cards[0].front == "der Hund");
}

TEST_CASE("import: an event written as several sentences is named by the first, the rest is its note",
          "[csv][import]") {
  DeckLoad load = ImportCsv("date,event,note\n"
                            "732,Battle of Tours. Charles Martel halts the Umayyad advance.,from a textbook\n"
                            "1066,Norman conquest of England.,\n"
                            "1776,U.S. Declaration of Independence. Signed in Philadelphia.,\n"
                            "c. 900,Settlement at St. Gallen grows. It becomes a town.,\n"
                            "1905,\"Revolution in Russia! The Tsar issues the October Manifesto.\",\n",
                            "chronology.csv");
  INFO(Errors(load));
  REQUIRE(load.Ok());
  REQUIRE(load.deck.events.size() == 5);
  CHECK(load.deck.events[0].name == "Battle of Tours");
  CHECK(load.deck.events[0].note == "Charles Martel halts the Umayyad advance. from a textbook");
  CHECK(load.deck.events[1].name == "Norman conquest of England."); // one sentence: kept whole
  CHECK(load.deck.events[1].note.empty());
  CHECK(load.deck.events[2].name == "U.S. Declaration of Independence");
  CHECK(load.deck.events[3].name == "Settlement at St. Gallen grows");
  CHECK(load.deck.events[3].note == "It becomes a town.");
  CHECK(load.deck.events[4].name == "Revolution in Russia!");
  // No prompt ends in ".?": the name's own full stop goes.
  QuestionGenerator generator(load.deck);
  for (QuestionKind kind : {QuestionKind::When, QuestionKind::TypedYear}) {
    auto q = generator.Make(kind, load.deck.events[1].id, 3);
    REQUIRE(q);
    INFO(q->prompt);
    CHECK(q->prompt.find(".?") == std::string::npos);
    CHECK(q->prompt.find("England?") != std::string::npos);
  }
}

TEST_CASE("import: an Anki text export with its header lines and HTML", "[csv][import]") {
  DeckLoad load = ImportCsv("#separator:tab\n#html:true\n#guid column:1\n#tags column:4\n"
                            "Ab1x\tWho led it?\tSeeckt<br>1920&ndash;1926 &amp; &#1058;\thistory\n",
                            "anki.txt");
  INFO(Errors(load));
  REQUIRE(load.Ok());
  REQUIRE(load.deck.cards.size() == 1);
  CHECK(load.deck.cards[0].id == "Ab1x");
  CHECK(load.deck.cards[0].front == "Who led it?");
  CHECK(load.deck.cards[0].back == "Seeckt\n1920\u2013"
                                   "1926 & \u0422");
  CHECK(load.deck.cards[0].tags == std::vector<std::string>{"history"});
}

TEST_CASE("import: errors name the line and column", "[csv][import]") {
  Diagnostic date = OnlyError("date,event\n1922-02-30,Bad day\n");
  CHECK(date.pos.line == 2);
  CHECK(date.pos.column == 1);
  CHECK_THAT(date.message, Catch::Contains("invalid date \"1922-02-30\""));

  Diagnostic quote = OnlyError("front,back\nok,fine\nx,\"never closed\n");
  CHECK(quote.pos.line == 3);
  CHECK(quote.pos.column == 3);
  CHECK_THAT(quote.message, Catch::Contains("never closed"));

  Diagnostic shortRow = OnlyError("front,back\nonly a front\n");
  CHECK(shortRow.pos.line == 2);
  CHECK_THAT(shortRow.message, Catch::Contains("1 field"));

  Diagnostic empty = OnlyError("a,b\nc,\n");
  CHECK(empty.pos.line == 2);
  CHECK(empty.pos.column == 3);
  CHECK_THAT(empty.message, Catch::Contains("empty back"));

  Diagnostic utf8 = OnlyError("a,b\nc,R\xC3\xB6h\xFF\n");
  CHECK(utf8.pos.line == 2);
  CHECK(utf8.pos.column == 6);
  CHECK_THAT(utf8.message, Catch::Contains("invalid UTF-8"));

  CHECK_THAT(OnlyError("").message, Catch::Contains("empty"));
  CHECK_THAT(OnlyError("\xEF\xBB\xBF\n\n").message, Catch::Contains("empty"));
}

TEST_CASE("import: random cards round-trip through CSV, TSV and the TOML writer", "[csv][import]") {
  std::mt19937 random(7);
  const std::vector<std::string> pieces = {"Röhm", "Тухачевский", ",",    ";", "\t", "\"", "\n",
                                           "word", "Ελλάδα",      "1922", "'", "\\", "{x}"};
  for (char delimiter : {',', ';', '\t'}) {
    std::vector<std::pair<std::string, std::string>> cards;
    std::string csv;
    for (int i = 0; i < 200; ++i) {
      auto text = [&] {
        std::string t = "w"; // fields are trimmed on import, so they start and end with a letter
        for (int n = std::uniform_int_distribution<int>(1, 6)(random); n > 0; --n)
          t += pieces[std::uniform_int_distribution<size_t>(0, pieces.size() - 1)(random)];
        return t + "z";
      };
      cards.emplace_back(text(), text());
      csv += FormatCsvRecord({cards.back().first, cards.back().second}, delimiter);
    }
    INFO("delimiter " << int(delimiter));
    DeckLoad imported = ImportCsv(csv, "cards.csv");
    INFO(Errors(imported));
    REQUIRE(imported.Ok());
    REQUIRE(imported.deck.cards.size() == cards.size());
    DeckLoad reread = ParseDeck(FormatDeckToml(imported.deck), "cards.toml");
    INFO(Errors(reread));
    REQUIRE(reread.Ok());
    REQUIRE(reread.deck.cards.size() == cards.size());
    for (size_t i = 0; i < cards.size(); ++i) {
      CHECK(imported.deck.cards[i].front == cards[i].first);
      CHECK(imported.deck.cards[i].back == cards[i].second);
      CHECK(reread.deck.cards[i].front == cards[i].first);
      CHECK(reread.deck.cards[i].back == cards[i].second);
      CHECK(reread.deck.cards[i].id == imported.deck.cards[i].id);
    }
  }
}

TEST_CASE("import: a chronology as people write it, with a report of what it left out", "[csv][import][dates]") {
  // Made for this test: the forms published chronologies use, and rows no reader could date.
  DeckLoad load = ImportCsv("label,date,end,era\n"
                            "A king is crowned,3 September 590,,Medieval\n"
                            "A siege,October 732,,Medieval\n"
                            "A treaty,7 Feb 1992,,Modern\n"
                            "A war,535–554,,Late Antiquity\n"
                            "A campaign,22 June – 31 July 431,,Ancient\n"
                            "A council,8-9 September 9 CE,,Ancient\n"
                            "A town is founded,Between 47 and 50,,Ancient\n"
                            "An empire rises,2334 or 2270 BCE,,Ancient\n"
                            "A reform,470/469 BCE,,Ancient\n"
                            "A kingdom spreads,200s,,Ancient\n"
                            "A battle,Spring 507,,Medieval\n"
                            "A reign,1952,ongoing,Modern\n"
                            "A captivity,Dec 1192,4 Feb 1194,Medieval\n"
                            "A pyramid is built,c. 2600 BC,,Ancient\n"
                            "A plague,1346,1353,Medieval\n"
                            "A revolt,30 may 1381,Between 25 jun 1381 and 26 jun 1381,Medieval\n"
                            "Something,Part 1 in 1605,,Modern\n"
                            "Another thing,Before 400BC,,Ancient\n"
                            "No date at all,,,Modern\n",
                            "messy.csv");
  INFO(Errors(load));
  REQUIRE(load.Ok());
  CHECK(load.deck.events.size() == 16);
  CHECK(load.skippedRows == 3);
  std::vector<std::string> shown;
  for (const Event& e : load.deck.events)
    shown.push_back(EventWhen(e));
  CHECK(shown == std::vector<std::string>{"3 September 590", "October 732", "7 February 1992", "535–554",
                                          "22 June – 31 July 431", "8–9 September 9", "between 47 and 50",
                                          "2334 or 2270 BC", "470/469 BC", "200s", "Spring 507", "1952 – present",
                                          "December 1192 – 4 February 1194", "c. 2600 BC", "1346–1353",
                                          "30 May 1381 – between 25 June 1381 and 26 June 1381"});
  size_t skipped = 0;
  for (const Diagnostic& d : load.diagnostics)
    if (d.message.rfind("row skipped: ", 0) == 0) {
      ++skipped;
      CHECK(d.severity == Severity::Warning);
      CHECK(d.pos.line >= 18);
      CHECK(d.pos.column >= 1);
    }
  CHECK(skipped == 3);
  CHECK_THAT(Errors(load), Catch::Contains("messy.csv:18:") && Catch::Contains("\"part\" is not a month") &&
                               Catch::Contains("messy.csv:19:") && Catch::Contains("gives only one bound") &&
                               Catch::Contains("messy.csv:20:") && Catch::Contains("empty date") &&
                               Catch::Contains("column 'era' is not one FactDeck reads"));
  // What import writes reads back as the same dates.
  DeckLoad again = ParseDeck(FormatDeckToml(load.deck), "messy.toml");
  INFO(Errors(again));
  REQUIRE(again.Ok());
  REQUIRE(again.deck.events.size() == load.deck.events.size());
  for (size_t i = 0; i < again.deck.events.size(); ++i) {
    CHECK(again.deck.events[i].date == load.deck.events[i].date);
    CHECK(again.deck.events[i].end == load.deck.events[i].end);
    CHECK(again.deck.events[i].ongoing == load.deck.events[i].ongoing);
  }
  // Strict: the same file is refused, with the same positions as errors.
  DeckLoad strict = ImportCsv("date,event\n1922,Fine\n03/04/1922,Ambiguous\n", "s.csv", CsvImportOptions{true});
  CHECK(CountErrors(strict.diagnostics) == 1);
  CHECK_THAT(Errors(strict), Catch::Contains("s.csv:3:1: error: invalid date \"03/04/1922\""));
}

TEST_CASE("import: events named alike are kept, with a warning that their dates are not asked", "[csv][import]") {
  DeckLoad load = ImportCsv("date,event\n1534,Act of Supremacy\n1559,act of supremacy\n1600,Another\n", "a.csv");
  REQUIRE(load.Ok());
  CHECK(load.deck.events.size() == 3);
  CHECK_THAT(Errors(load), Catch::Contains("a.csv:3:1: warning: event \"act of supremacy\" (1559) has the same name as "
                                           "the one on line 2 (1534)"));
  QuestionGenerator generator(load.deck);
  CHECK_FALSE(generator.Make(QuestionKind::When, load.deck.events[0].id, 1));
  CHECK_FALSE(generator.Make(QuestionKind::TypedYear, load.deck.events[1].id, 1));
  CHECK(generator.Make(QuestionKind::TypedYear, load.deck.events[2].id, 1));
}

namespace {
const Relation& RelationOf(const Deck& deck, const std::string& id) {
  const Relation* r = deck.FindRelation(id);
  if (r == nullptr) FAIL("no relation " << id);
  return *r;
}
size_t FactsOf(const Deck& deck, const std::string& relation) {
  return static_cast<size_t>(
      std::count_if(deck.facts.begin(), deck.facts.end(), [&](const Fact& f) { return f.relation == relation; }));
}
} // namespace

TEST_CASE("import: a table becomes typed facts, each column a relation with its type and questions",
          "[csv][import][table]") {
  DeckLoad load = LoadDeckFile(std::string(FACTDECK_SOURCE_DIR) + "/tests/data/countries.csv");
  INFO(Errors(load));
  REQUIRE(load.Ok());
  const Deck& deck = load.deck;
  const auto countries =
      std::count_if(deck.entities.begin(), deck.entities.end(), [](const Entity& e) { return e.kind == "country"; });
  CHECK(countries == 62);
  REQUIRE(deck.relations.size() == 4);
  const Relation& capital = RelationOf(deck, "capital");
  CHECK(capital.objectType == ValueType::Text); // every capital differs: text
  CHECK(capital.question == "What is the capital of {subject}?");
  CHECK(capital.reverse == "Which country has the capital {object}?");
  const Relation& continent = RelationOf(deck, "continent");
  CHECK(continent.objectType == ValueType::Entity); // six names, row after row: entities
  CHECK(continent.objectKind == "continent");
  CHECK(continent.reverse == "Which country is in {object}?"); // a place holds the row's entity
  CHECK(RelationOf(deck, "calling_code").objectType == ValueType::Number);
  CHECK(RelationOf(deck, "calling_code").reverse.empty()); // a number names no one country
  CHECK(RelationOf(deck, "currency").objectType == ValueType::Entity);
  CHECK(FactsOf(deck, "capital") == 62);
  const Entity* ivory = deck.FindEntity("côte-d-ivoire");
  REQUIRE(ivory != nullptr);
  CHECK(ivory->name == "Côte d'Ivoire");
  // The capital named like its country is its own value, not the country.
  const Entity* djibouti = deck.FindEntity("djibouti");
  REQUIRE(djibouti != nullptr);
  CHECK(djibouti->kind == "country");
  // Written out, it reads back as the same deck.
  DeckLoad again = ParseDeck(FormatDeckToml(deck), "countries.toml");
  INFO(Errors(again));
  REQUIRE(again.Ok());
  CHECK(again.deck.facts.size() == deck.facts.size());
  CHECK(again.deck.entities.size() == deck.entities.size());
  CHECK(again.deck.relations.size() == deck.relations.size());
}

TEST_CASE("import: a column of longer names that come back row after row is a kind, not free text",
          "[csv][import][table]") {
  // Sub-regions as a public country list writes them: five words at most, each on several rows.
  std::string csv = "Country,Capital,Sub-region,Population\n";
  const char* regions[] = {"Latin America and the Caribbean", "Sub-Saharan Africa", "Southern Europe", "Western Asia"};
  for (int i = 0; i < 12; ++i)
    csv += "Land " + std::to_string(i) + ",City " + std::to_string(i) + "," + regions[i % 4] + "," +
           std::to_string(1000 + 37 * i) + "\n";
  DeckLoad load = ImportCsv(csv, "regions.csv", CsvImportOptions{true});
  INFO(Errors(load));
  REQUIRE(load.Ok());
  CHECK(RelationOf(load.deck, "sub_region").objectType == ValueType::Entity);
  CHECK(RelationOf(load.deck, "capital").objectType == ValueType::Text);
  // Descriptions that differ row by row stay text however short they are.
  std::string notes = "Country,Capital,Note,Population\n";
  for (int i = 0; i < 12; ++i)
    notes += "Land " + std::to_string(i) + ",City " + std::to_string(i) + ",Known for its river number " +
             std::to_string(i) + "," + std::to_string(1000 + 37 * i) + "\n";
  DeckLoad described = ImportCsv(notes, "notes.csv", CsvImportOptions{true});
  REQUIRE(described.Ok());
  CHECK(RelationOf(described.deck, "note").objectType == ValueType::Text);
}

TEST_CASE("import: table columns of years, dates and people, empty cells, placeholders and bad rows",
          "[csv][import][table]") {
  DeckLoad load = ImportCsv("Name,Founded,Opened,Designed by,Height (m),Website,Country\n"
                            "Tower A,1887,31 March 1889,Eiffel,330,https://a.example,France\n"
                            "Tower B,1927,1 May 1931,Lamb,443,https://b.example,USA\n"
                            "Tower C,n/a,4 January 2010,Smith,828,https://c.example,UAE\n"
                            "Tower D,2004,,Eiffel,508,https://d.example,Taiwan\n"
                            "Tower A,1900,1 May 1901,Nobody,1,https://e.example,France\n"
                            ",1999,1 May 1999,Someone,2,https://f.example,Italy\n",
                            "towers.csv");
  INFO(Errors(load));
  REQUIRE(load.Ok());
  const Deck& deck = load.deck;
  CHECK(load.skippedRows == 2);
  CHECK_THAT(Errors(load), Catch::Contains("towers.csv:6:1: warning: row skipped: \"Tower A\" is already a row of "
                                           "this table (line 2)"));
  CHECK_THAT(Errors(load), Catch::Contains("towers.csv:7:1: warning: row skipped: empty tower"));
  CHECK_THAT(Errors(load), Catch::Contains("column 'Website' is left out: it holds web addresses"));
  // "towers.csv" names the rows, the header "Name" does not.
  CHECK(RelationOf(deck, "founded").subjectKind == "tower");
  CHECK(RelationOf(deck, "founded").objectType == ValueType::Year);
  CHECK(RelationOf(deck, "founded").question == "In which year was {subject} founded?");
  CHECK(FactsOf(deck, "founded") == 3); // "n/a" says nothing
  CHECK(RelationOf(deck, "opened").objectType == ValueType::Date);
  CHECK(RelationOf(deck, "opened").question == "When was {subject} opened?");
  CHECK(FactsOf(deck, "opened") == 3); // an empty cell makes no fact
  CHECK(RelationOf(deck, "designed_by").question == "By whom was {subject} designed?");
  CHECK(RelationOf(deck, "designed_by").reverse == "Which tower was designed by {object}?");
  CHECK(RelationOf(deck, "height").objectType == ValueType::Number);
  CHECK(RelationOf(deck, "height").unit == "m");
  CHECK(deck.FindRelation("website") == nullptr);
}

TEST_CASE("import: three columns without a header are cards with tags, not a table", "[csv][import][table]") {
  DeckLoad cards = ImportCsv("Paris,France,geography\nRome,Italy,geography\nMadrid,Spain,geography\n", "c.csv");
  REQUIRE(cards.Ok());
  CHECK(cards.deck.cards.size() == 3);
  CHECK(cards.deck.relations.empty());
  // The same with a column of numbers under a header is a table.
  DeckLoad table = ImportCsv("City,Country,Population\nParis,France,\"2,100,000\"\nRome,Italy,2800000\n", "t.csv");
  REQUIRE(table.Ok());
  CHECK(table.deck.cards.empty());
  REQUIRE(table.deck.FindRelation("population") != nullptr);
  const Fact* paris = nullptr;
  for (const Fact& f : table.deck.facts)
    if (f.subject == "paris" && f.relation == "population") paris = &f;
  REQUIRE(paris != nullptr);
  CHECK(paris->object.text == "2100000");
  CHECK(paris->object.number == 2100000.0);
}

TEST_CASE("import: a table cell listing values the column has alone is several values", "[csv][import][table]") {
  DeckLoad load = ImportCsv("Country,Capital,Currency,Calling code\n"
                            "Panama,Panama City,\"Balboa,US Dollar\",+507\n"
                            "Ecuador,Quito,US Dollar,+593\n"
                            "Venezuela,Caracas,\"Bolívar,Bolívar\",+58\n"
                            "Dominica,Roseau,East Caribbean Dollar,\"+1-767,1-768\"\n"
                            "Bhutan,Thimphu,\"Ngultrum,Lek\",+975\n",
                            "countries.csv");
  INFO((load.diagnostics.empty() ? std::string() : load.diagnostics[0].Format()));
  REQUIRE(load.Ok());
  const Deck& deck = load.deck;
  auto objects = [&](const std::string& subject, const std::string& relation) {
    std::vector<std::string> out;
    for (const Fact& f : deck.facts)
      if (f.subject == subject && f.relation == relation)
        out.push_back(f.object.type == ValueType::Entity ? deck.NameOf(f.object.entity) : f.object.text);
    return out;
  };
  CHECK(objects("panama", "currency") == std::vector<std::string>{"Balboa", "US Dollar"});
  CHECK(objects("venezuela", "currency") == std::vector<std::string>{"Bolívar"});   // the same twice is one
  CHECK(objects("bhutan", "currency") == std::vector<std::string>{"Ngultrum,Lek"}); // neither alone elsewhere
  CHECK(objects("dominica", "calling_code") == std::vector<std::string>{"+1-767,1-768"});
  const Relation* currency = deck.FindRelation("currency");
  REQUIRE(currency != nullptr);
  CHECK(currency->many);
  CHECK_FALSE(deck.FindRelation("calling_code")->many);
}
