// How a file of rows is read: FactDeck's own reading reported column by column, and a
// reading chosen in the import preview (kept as text in the settings).
#include <catch2/catch.hpp>

#include "core/import/csv.h"
#include "core/import/deck_file.h"
#include "support/spreadsheet_files.h"
#include "support/temp_dir.h"

using namespace factdeck;
using R = ColumnRole;

namespace {

std::string Messages(const DeckLoad& load) {
  std::string all;
  for (const Diagnostic& d : load.diagnostics)
    all += d.Format() + "\n";
  return all;
}

DeckLoad Read(const std::string& text, const TableReading& reading, const std::string& file = "in.csv") {
  CsvImportOptions options;
  options.reading = reading;
  return ImportCsv(text, file, options);
}

// A quiz whose headers FactDeck does not know: "Item", "Pick 1".."Pick 3", "Key" (the right option's number).
const std::string kTerseQuiz = "Item,Pick 1,Pick 2,Pick 3,Key,Remarks\n"
                               "Which river flows through Vienna?,Rhine,Danube,Elbe,2,easy\n"
                               "Which river flows through Prague?,Vltava,Oder,Po,1,\n"
                               "Which river flows through Lyon?,Loire,Seine,Rhône,3,hard\n";

} // namespace

TEST_CASE("a reading is kept as text and read back, and text that is not one is refused", "[import][reading]") {
  const TableReading quiz{ReadAs::Quiz, 0, {R::Question, R::Option, R::Option, R::Correct, R::Ignore}};
  CHECK(FormatReading(quiz) == "quiz; header 1; question, option, option, correct, ignore");
  CHECK(ParseReading(FormatReading(quiz)) == quiz);
  const TableReading cards{ReadAs::Cards, -1, {R::Back, R::Front, R::Tags}};
  CHECK(FormatReading(cards) == "cards; no header; back, front, tags");
  CHECK(ParseReading(FormatReading(cards)) == cards);
  CHECK(ParseReading("auto") == TableReading{});
  for (const char* bad : {"", "quiz", "quiz; header 1", "quiz; header 0; question", "quiz; header x; question",
                          "quiz; header 1; front", // a card's role in a quiz
                          "cards; no header; front, sideways", "poem; no header; front", "auto; header 1"})
    CHECK_FALSE(ParseReading(bad));
}

TEST_CASE("what a reading lacks is said, and switching kinds keeps what fits", "[import][reading]") {
  CHECK(ReadingProblem({ReadAs::Cards, 0, {R::Front, R::Ignore}}) == "no column is read as \"Back of the card\"");
  CHECK(ReadingProblem({ReadAs::Events, 0, {R::Date, R::Event}}).empty());
  CHECK_THAT(ReadingProblem({ReadAs::Quiz, 0, {R::Question, R::Option, R::Correct}}),
             Catch::Contains("only one column is read as an option"));
  CHECK_THAT(ReadingProblem({ReadAs::Quiz, 0, {R::Question, R::Option, R::Option, R::Incorrect, R::Correct}}),
             Catch::Contains("both as options and as wrong answers"));
  CHECK_THAT(ReadingProblem({ReadAs::Table, -1, {R::Name, R::Attribute}}), Catch::Contains("needs a header row"));
  CHECK(ReadingProblem({}).empty());

  // Cards to a quiz: nothing fits, so the usual layout; a quiz to cards keeps nothing either.
  const TableReading quiz = SwitchReading({ReadAs::Cards, 0, {R::Front, R::Back}}, ReadAs::Quiz, 5);
  CHECK(quiz.roles == std::vector<R>{R::Question, R::Option, R::Option, R::Option, R::Correct});
  CHECK(quiz.header == 0);
  // Tags and id fit both cards and events; the pair is laid out anew.
  const TableReading events = SwitchReading({ReadAs::Cards, -1, {R::Id, R::Front, R::Back}}, ReadAs::Events, 3);
  CHECK(events.roles == std::vector<R>{R::Date, R::Event, R::Ignore});
  const TableReading table = SwitchReading({ReadAs::Cards, -1, {R::Front, R::Back, R::Tags}}, ReadAs::Table, 3);
  CHECK(table.header == 0); // a table has a header row
  CHECK(table.roles == std::vector<R>{R::Name, R::Attribute, R::Attribute});
}

TEST_CASE("FactDeck's own reading is reported column by column with the file's first rows", "[import][reading]") {
  SECTION("a quiz layout it knows") {
    const DeckLoad load = ImportCsv("Quiz on rivers\n"
                                    "Question,Answer 1,Answer 2,Answer 3,Correct answer,Time limit\n"
                                    "Which river flows through Vienna?,Rhine,Danube,Elbe,2,20\n",
                                    "rivers.csv");
    REQUIRE(load.shape);
    CHECK(load.shape->reading ==
          TableReading{ReadAs::Quiz, 1, {R::Question, R::Option, R::Option, R::Option, R::Correct, R::Time}});
    CHECK(load.shape->width == 6);
    CHECK(load.shape->rows == 3);
    REQUIRE(load.shape->top.size() == 3);
    CHECK(load.shape->top[0] == std::vector<std::string>{"Quiz on rivers"});
    CHECK(load.shape->top[2][2] == "Danube");
  }
  SECTION("a term list without a header") {
    const DeckLoad load = ImportCsv("der Hund,the dog\ndie Katze,the cat\n", "words.csv");
    REQUIRE(load.shape);
    CHECK(load.shape->reading == TableReading{ReadAs::Cards, -1, {R::Front, R::Back}});
  }
  SECTION("a chronology with a header") {
    const DeckLoad load = ImportCsv("when,what,remark\n1922,Rapallo,\n1926,Berlin treaty,\n", "dates.csv");
    REQUIRE(load.shape);
    CHECK(load.shape->reading == TableReading{ReadAs::Events, 0, {R::Date, R::Event, R::Ignore}});
  }
  SECTION("a table, with a column it cannot use left out") {
    const DeckLoad load = ImportCsv("Country,Capital,Population,Notes\n"
                                    "France,Paris,68000000,\nSpain,Madrid,48000000,\nItaly,Rome,59000000,\n",
                                    "countries.csv");
    REQUIRE(load.shape);
    INFO(Messages(load));
    CHECK(load.shape->reading.as == ReadAs::Table);
    CHECK(load.shape->reading.roles == std::vector<R>{R::Name, R::Attribute, R::Attribute, R::Ignore});
  }
  SECTION("a long cell is cut to its first line") {
    const DeckLoad load = ImportCsv("front,back\n\"first line\nsecond line\",b\n", "cut.csv");
    REQUIRE(load.shape);
    CHECK(load.shape->top[1][0] == "first line \u2026");
  }
}

TEST_CASE("a reading chosen makes a quiz of headers FactDeck does not know", "[import][reading]") {
  const DeckLoad own = ImportCsv(kTerseQuiz, "terse.csv");
  REQUIRE(own.shape);
  CHECK(own.shape->reading.as != ReadAs::Quiz); // read as a table: the file's layout is not a quiz's
  CHECK(own.deck.choices.empty());

  const TableReading chosen{ReadAs::Quiz, 0, {R::Question, R::Option, R::Option, R::Option, R::Correct, R::Ignore}};
  const DeckLoad quiz = Read(kTerseQuiz, chosen, "terse.csv");
  INFO(Messages(quiz));
  REQUIRE(quiz.Ok());
  CHECK(quiz.diagnostics.empty()); // a column left out by choice is not warned about
  CHECK(quiz.shape->reading == chosen);
  REQUIRE(quiz.deck.choices.size() == 3);
  CHECK(quiz.deck.choices[0].answers == std::vector<std::string>{"Danube"});
  CHECK(quiz.deck.choices[1].answers == std::vector<std::string>{"Vltava"});
  CHECK(quiz.deck.choices[2].answers == std::vector<std::string>{"Rhône"});
  CHECK(quiz.deck.choices[2].wrong == std::vector<std::string>{"Loire", "Seine"});

  // The right answer beside the wrong ones, read that way.
  const DeckLoad written = Read("Vienna?,Danube,Rhine,Elbe\nPrague?,Vltava,Oder,Po\n",
                                {ReadAs::Quiz, -1, {R::Question, R::Correct, R::Incorrect, R::Incorrect}});
  INFO(Messages(written));
  REQUIRE(written.deck.choices.size() == 2); // no header: the first row is a question
  CHECK(written.deck.choices[1].answers == std::vector<std::string>{"Vltava"});
  CHECK(written.deck.choices[1].wrong == std::vector<std::string>{"Oder", "Po"});
}

TEST_CASE("a reading chosen turns a header row on or off and moves a table's name column", "[import][reading]") {
  // Read on its own, the first row of this list is a card; chosen, it is the header.
  const std::string words = "Wort,Bedeutung\nder Hund,the dog\ndie Katze,the cat\n";
  const DeckLoad headed = Read(words, {ReadAs::Cards, 0, {R::Front, R::Back}});
  REQUIRE(headed.deck.cards.size() == 2);
  CHECK(headed.deck.cards[0].front == "der Hund");
  // Back and front swapped: the English side asked.
  const DeckLoad swapped = Read(words, {ReadAs::Cards, 0, {R::Back, R::Front}});
  REQUIRE(swapped.deck.cards.size() == 2);
  CHECK(swapped.deck.cards[0].front == "the dog");
  CHECK(swapped.deck.cards[0].back == "der Hund");

  // A table whose rows are named by its second column, one column left out.
  const std::string table = "Code,Country,Capital,Population\n"
                            "FR,France,Paris,68000000\nES,Spain,Madrid,48000000\nIT,Italy,Rome,59000000\n";
  const DeckLoad countries =
      Read(table, {ReadAs::Table, 0, {R::Ignore, R::Name, R::Attribute, R::Attribute}}, "countries.csv");
  INFO(Messages(countries));
  REQUIRE(countries.Ok());
  REQUIRE(countries.deck.entities.size() >= 3);
  CHECK(countries.deck.entities[0].name == "France");
  CHECK(countries.relationColumns == std::vector<std::string>{"Capital", "Population"});
  // Diagnostics still point at the file's own cells: an empty name in column B, row 3.
  const DeckLoad gap = Read("Code,Country,Capital\nFR,France,Paris\nES,,Madrid\nIT,Italy,Rome\n",
                            {ReadAs::Table, 0, {R::Ignore, R::Name, R::Attribute}}, "gap.csv");
  CHECK_THAT(Messages(gap), Catch::Contains("gap.csv:3:4: warning: row skipped"));
}

TEST_CASE("a reading that cannot make a deck is an error, never a crash", "[import][reading]") {
  const DeckLoad missing = Read("a,b\nc,d\n", {ReadAs::Cards, -1, {R::Front, R::Ignore}});
  CHECK_FALSE(missing.Ok());
  CHECK_THAT(Messages(missing), Catch::Contains("cannot be read as chosen: no column is read as \"Back of the card\""));
  const DeckLoad past = Read("a,b\nc,d\n", {ReadAs::Cards, 5, {R::Front, R::Back}});
  CHECK_THAT(Messages(past), Catch::Contains("the header row chosen (row 6) is past the file's last row"));
  // More roles than columns, or fewer: cut or filled with "left out".
  const DeckLoad wide = Read("a,b\nc,d\n", {ReadAs::Cards, -1, {R::Front, R::Back, R::Tags, R::Id}});
  CHECK(wide.deck.cards.size() == 2);
  const DeckLoad narrow = Read("a,b,c\nd,e,f\n", {ReadAs::Cards, -1, {R::Front, R::Back}});
  CHECK(narrow.deck.cards.size() == 2);
  CHECK(narrow.shape->reading.roles.size() == 3);
}

TEST_CASE("a spreadsheet's sheet is read as chosen through LoadDeckFile", "[import][reading][spreadsheet]") {
  test::TempDir dir;
  const auto book = dir / "rivers.xlsx";
  test::WriteXlsx(book, {{"Q", "A1", "A2", "A3", "Key"},
                         {"Which river flows through Vienna?", "Rhine", "Danube", "Elbe", "B"},
                         {"Which river flows through Prague?", "Vltava", "Oder", "Po", "A"}});
  FileReading reading;
  reading.table = {ReadAs::Quiz, 0, {R::Question, R::Option, R::Option, R::Option, R::Correct}};
  const DeckLoad load = LoadDeckFile(book.string(), reading);
  INFO(Messages(load));
  REQUIRE(load.deck.choices.size() == 2);
  CHECK(load.deck.choices[0].answers == std::vector<std::string>{"Danube"});
  CHECK(load.deck.choices[1].answers == std::vector<std::string>{"Vltava"});
}

TEST_CASE("terse quiz headers are a quiz, and a right answer that is a number is read without doubt or said",
          "[import][reading][quiz]") {
  for (const char* header : {"Q,A1,A2,A3,A4,Key", "Q,A,B,C,D,Key"}) {
    const DeckLoad load =
        ImportCsv(std::string(header) + "\nIn which year was the Treaty of Rapallo signed?,1920,1921,1922,1923,C\n"
                                        "When was the Röhm purge?,1933,1934,1935,1936,1934\n",
                  "terse.csv");
    INFO(header << "\n" << Messages(load));
    REQUIRE(load.deck.choices.size() == 2);
    CHECK(load.deck.choices[0].answers == std::vector<std::string>{"1922"});
    CHECK(load.deck.choices[1].answers == std::vector<std::string>{"1934"}); // the option's text, not a 1934th option
  }
  // "4" numbers the fourth option ("22") and is the second's text: read as the number, and said.
  const DeckLoad both =
      ImportCsv("Question,Answer 1,Answer 2,Answer 3,Answer 4,Correct answer\n2+2?,3,4,5,22,4\n", "sums.csv");
  REQUIRE(both.deck.choices.size() == 1);
  CHECK(both.deck.choices[0].answers == std::vector<std::string>{"22"});
  CHECK_THAT(Messages(both), Catch::Contains("sums.csv:2:15: warning: correct answer \"4\" is both the number of "
                                             "answer 4 (\"22\") and the text of answer 2"));
  // A letter key beside columns read as wrong answers: the letter would be the answer shown; said once.
  const DeckLoad letters =
      Read("Vienna?,Rhine,Danube,Elbe,B\nPrague?,Vltava,Oder,Po,A\n",
           {ReadAs::Quiz, -1, {R::Question, R::Incorrect, R::Incorrect, R::Incorrect, R::Correct}});
  CHECK_THAT(Messages(letters), Catch::Contains("in.csv:1:27: warning: the right answer \"B\" looks like a letter"));
  CHECK(letters.diagnostics.size() == 1);
}

TEST_CASE("a semicolon file with title lines above its header is split on its semicolons", "[import][reading][csv]") {
  const DeckLoad load = ImportCsv("Geschichte 9b\nQuiz zur Weimarer Republik\n"
                                  "Frage;Antwort A;Antwort B;Antwort C;Lösung\n"
                                  "Wann wurde der Vertrag von Rapallo geschlossen?;1920;1922;1926;B\n"
                                  "Wo lag die Fliegerschule?;Lipezk;Kasan;Tomka;A\n",
                                  "weimar.csv");
  INFO(Messages(load));
  REQUIRE(load.deck.choices.size() == 2);
  CHECK(load.deck.choices[0].answers == std::vector<std::string>{"1922"});
  CHECK(load.shape->reading.header == 2);
  CHECK(load.shape->topLines[2] == 3);
}
