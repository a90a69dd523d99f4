// Hand-written questions ([[choice]]) and the quiz spreadsheets teachers keep them in: the
// format's checks, the two spreadsheet layouts, the questions made from them, and how
// select-all answers are judged in study, class and live play.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>

#include "core/import/csv.h"
#include "core/import/deck_file.h"
#include "core/deck/deck_writer.h"
#include "core/games/classroom.h"
#include "core/games/question_run.h"
#include "core/live/live_room.h"
#include "core/questions/question_checker.h"
#include "core/questions/questions.h"
#include "core/questions/worksheet.h"

using namespace factdeck;
using test::Violations;

namespace {

constexpr srs::TimeMs kNow = 1767268800000;

DeckLoad Toml(const std::string& body) {
  return ParseDeck("[deck]\nid = \"quiz\"\ntitle = \"Quiz\"\n" + body, "quiz.toml");
}

std::string Messages(const DeckLoad& load) {
  std::string all;
  for (const Diagnostic& d : load.diagnostics)
    all += d.Format() + "\n";
  return all;
}

DeckLoad DataFile(const char* name) {
  return LoadDeckFile((std::filesystem::path(FACTDECK_SOURCE_DIR) / "tests/data" / name).string());
}

const Choice& ChoiceNamed(const Deck& deck, const std::string& question) {
  for (const Choice& c : deck.choices)
    if (c.question == question) return c;
  FAIL("no question " << question);
  throw;
}

} // namespace

TEST_CASE("[[choice]]: one answer or several, wrong options, a time limit, written back as read", "[deck][choice]") {
  DeckLoad load = Toml(R"(
[[choice]]
id = "gold"
question = "What is the chemical symbol for gold?"
answer = "Au"
wrong = ["Ag", "Gd", "Go"]
explanation = "From the Latin aurum."
seconds = 30
tags = ["chemistry"]

[[choice]]
question = "Which of these are prime? Select all."
answer = ["2", "13"]
wrong = ["9", "21"]

[[choice]]
question = "Light travels faster than sound."
answer = "True"
wrong = "False"
)");
  INFO(Messages(load));
  REQUIRE(load.Ok());
  const Deck& deck = load.deck;
  REQUIRE(deck.choices.size() == 3);
  CHECK(deck.choices[0].seconds == 30);
  CHECK(deck.choices[1].answers == std::vector<std::string>{"2", "13"});
  CHECK(deck.choices[1].id == "choice-2");
  CHECK(deck.choices[2].wrong == std::vector<std::string>{"False"});
  CHECK(SummaryText(Summarize(deck)) == "3 questions");
  CHECK(EstimateCapacity(deck).multipleChoice == 3);

  DeckLoad again = ParseDeck(FormatDeckToml(deck), "again.toml");
  REQUIRE(again.Ok());
  REQUIRE(again.deck.choices.size() == 3);
  for (size_t i = 0; i < 3; ++i) {
    CHECK(again.deck.choices[i].question == deck.choices[i].question);
    CHECK(again.deck.choices[i].answers == deck.choices[i].answers);
    CHECK(again.deck.choices[i].wrong == deck.choices[i].wrong);
    CHECK(again.deck.choices[i].seconds == deck.choices[i].seconds);
    CHECK(again.deck.choices[i].explanation == deck.choices[i].explanation);
  }
}

TEST_CASE("check refuses an answer among the wrong options, options alike once folded, and too many options",
          "[deck][choice]") {
  auto problems = [](const std::string& answer, const std::string& wrong, const std::string& more = "") {
    DeckLoad load = Toml("[[choice]]\nquestion = \"Q?\"\nanswer = " + answer + "\nwrong = " + wrong + "\n" + more);
    return std::make_pair(load.Ok(), Messages(load));
  };
  auto [ok1, m1] = problems("\"Paris\"", "[\"Lyon\", \"paris\"]");
  CHECK_FALSE(ok1);
  CHECK_THAT(m1, Catch::Contains("quiz.toml:4:1: error: \"paris\" is both a right answer and a wrong option"));
  auto [ok2, m2] = problems("\"Zürich\"", "[\"Bern\", \"Zurich\"]");
  CHECK_FALSE(ok2);
  CHECK_THAT(m2, Catch::Contains("is both a right answer and a wrong option"));
  auto [ok3, m3] = problems("\"Bern\"", "[\"Genf\", \"Basel\", \"Genf\"]");
  CHECK_FALSE(ok3);
  CHECK_THAT(m3, Catch::Contains("\"Genf\" is listed twice"));
  auto [ok4, m4] = problems("\"Bern\"", "[\"Genf\", \"GENF\"]");
  CHECK_FALSE(ok4);
  CHECK_THAT(m4, Catch::Contains("are the same option once case and accents are set aside"));
  auto [ok5, m5] = problems("[\"a\", \"b\"]", "[\"c\", \"d\", \"e\"]");
  CHECK_FALSE(ok5);
  CHECK_THAT(m5, Catch::Contains("5 options; at most 4"));
  auto [ok6, m6] = problems("\"a\"", "[]");
  CHECK_FALSE(ok6);
  CHECK_THAT(m6, Catch::Contains("no wrong option"));
  auto [ok7, m7] = problems("\"a\"", "[\"b\"]", "seconds = 2\n");
  CHECK_FALSE(ok7);
  CHECK_THAT(m7, Catch::Contains("'seconds' must be a whole number from 5 to 240"));
  auto [ok8, m8] = problems("\"a\"", "[\"  \"]");
  CHECK_FALSE(ok8);
  CHECK_THAT(m8, Catch::Contains("an empty wrong option"));
  // A right answer standing in the question is allowed (a teacher may mean it), with a warning.
  auto [ok9, m9] = problems("\"5\"", "[\"3\"]");
  CHECK(ok9);
  DeckLoad named = Toml("[[choice]]\nquestion = \"Which is larger, 3 or 5?\"\nanswer = \"5\"\nwrong = \"3\"\n");
  CHECK(named.Ok());
  CHECK_THAT(Messages(named), Catch::Contains("warning: the answer \"5\" stands in the question's own words"));
}

TEST_CASE("a quiz spreadsheet with numbered answers imports every question: select-all, true/false, time limits",
          "[deck][choice][csv]") {
  DeckLoad load = DataFile("quiz-numbered.csv");
  INFO(Messages(load));
  REQUIRE(load.Ok());
  const Deck& deck = load.deck;
  CHECK(deck.title == "General knowledge quiz"); // the title line above the header
  REQUIRE(deck.choices.size() == 20);            // the unfilled template rows make none
  CHECK(load.skippedRows == 0);
  const Choice& primes = ChoiceNamed(deck, "Which of these are prime numbers? Select all.");
  CHECK(primes.answers == std::vector<std::string>{"2", "13"});
  CHECK(primes.wrong == std::vector<std::string>{"9", "21"});
  CHECK(primes.seconds == 30);
  const Choice& boils = ChoiceNamed(deck, "Water boils at 100 °C at sea level.");
  CHECK(boils.answers == std::vector<std::string>{"True"});
  CHECK(boils.wrong == std::vector<std::string>{"False"});
  CHECK(boils.seconds == 10);
  CHECK(ChoiceNamed(deck, "Which city is the capital of Ukraine?").answers == std::vector<std::string>{"Київ"});
  // Only the title and instruction lines are mentioned; "#" and the limits in the names are read.
  REQUIRE(load.diagnostics.size() == 1);
  CHECK_THAT(load.diagnostics[0].message, Catch::Contains("2 lines above the header row"));
}

TEST_CASE("a quiz spreadsheet with the correct answer written out beside incorrect ones imports",
          "[deck][choice][csv]") {
  DeckLoad load = DataFile("quiz-correct-incorrect.csv");
  INFO(Messages(load));
  REQUIRE(load.Ok());
  REQUIRE(load.deck.choices.size() == 20);
  const Choice& vistula = ChoiceNamed(load.deck, "Which river flows through Kraków?");
  CHECK(vistula.answers == std::vector<std::string>{"Vistula"});
  CHECK(vistula.wrong == std::vector<std::string>{"Oder", "Warta"}); // the empty third left out
  CHECK(vistula.seconds == 0);
}

TEST_CASE("a bad quiz row is skipped with its line, column and reason, or refuses the file with --strict",
          "[deck][choice][csv]") {
  const std::string text = "Question,Answer 1,Answer 2,Answer 3,Answer 4,Time limit (sec),Correct answer(s)\n"
                           "Fine?,yes,no,,,20,1\n"
                           "Which empty?,a,b,,,20,3\n"
                           "Too slow?,a,b,c,d,600,1\n"
                           "No key?,a,b,c,d,20,\n"
                           "Same twice?,Oui,oui,c,d,20,1\n"
                           "By text?,Paris,Lyon,Nice,Metz,,Paris\n"
                           "By letter?,w,x,y,z,,B\n";
  DeckLoad load = ImportCsv(text, "class.csv");
  INFO(Messages(load));
  REQUIRE(load.Ok());
  CHECK(load.skippedRows == 4);
  REQUIRE(load.deck.choices.size() == 3);
  CHECK(load.deck.choices[1].answers == std::vector<std::string>{"Paris"});
  CHECK(load.deck.choices[2].answers == std::vector<std::string>{"x"});
  const std::string all = Messages(load);
  CHECK_THAT(all, Catch::Contains("class.csv:3:23: warning: row skipped: correct answer \"3\": \"3\" is not the "
                                  "letter or number of an answer given in this row"));
  CHECK_THAT(all, Catch::Contains("class.csv:4:19: warning: row skipped: time limit \"600\""));
  CHECK_THAT(all, Catch::Contains("class.csv:5:20: warning: row skipped: no correct answer: write the number"));
  CHECK_THAT(all,
             Catch::Contains("class.csv:6:1: warning: row skipped: \"oui\" is both a right answer and a wrong option"));
  DeckLoad strict = ImportCsv(text, "class.csv", CsvImportOptions{true});
  CHECK_FALSE(strict.Ok());
  CHECK(CountErrors(strict.diagnostics) == 4);
  // A question type FactDeck cannot play is named, not guessed at.
  DeckLoad typed = ImportCsv("Question,Question type,Option 1,Option 2,Correct answer\n"
                             "Name a colour,Open-Ended,,,\nPick one,Multiple Choice,red,blue,2\n",
                             "typed.csv");
  REQUIRE(typed.Ok());
  REQUIRE(typed.deck.choices.size() == 1);
  CHECK_THAT(Messages(typed), Catch::Contains("question type \"Open-Ended\" is not one FactDeck plays"));
}

TEST_CASE("written questions keep their options and their time limit, and select-all ones mark every right one",
          "[questions][choice]") {
  for (const char* file : {"quiz-numbered.csv", "quiz-correct-incorrect.csv"}) {
    INFO(file);
    DeckLoad load = DataFile(file);
    REQUIRE(load.Ok());
    QuestionGenerator generator(load.deck);
    size_t questions = 0, selectAll = 0, twoOptions = 0;
    std::map<int, size_t> firstRight; // where the (first) right option lands
    for (std::uint64_t seed = 1; questions < 2000; ++seed) {
      QuestionRequest request;
      request.count = 40;
      request.seed = seed;
      const auto made = generator.Generate(request);
      REQUIRE(made.size() == 20); // every written question, once
      for (const Question& q : made) {
        ++questions;
        auto v = Violations(load.deck, q);
        INFO(q.prompt);
        CHECK(v.empty());
        CHECK(q.kind == QuestionKind::MultipleChoice);
        CHECK(q.seconds == ChoiceNamed(load.deck, q.prompt).seconds);
        selectAll += SelectAll(q);
        twoOptions += q.options.size() == 2;
        if (q.options.size() == 4) ++firstRight[RightOptions(q).front()];
      }
    }
    CHECK(twoOptions > 0);
    if (std::string(file) == "quiz-numbered.csv") CHECK(selectAll > 0);
    for (int p = 0; p < 3; ++p) // the options are shuffled: the right one is not always first
      CHECK(firstRight[p] > 0);
  }
}

TEST_CASE("the checker catches a written question with a wrong option marked right or an option changed",
          "[questions][choice]") {
  DeckLoad load = DataFile("quiz-numbered.csv");
  REQUIRE(load.Ok());
  QuestionGenerator generator(load.deck);
  auto make = [&](const std::string& prompt) {
    auto q = generator.Make(QuestionKind::MultipleChoice, ChoiceNamed(load.deck, prompt).id, 5);
    REQUIRE(q);
    REQUIRE(Violations(load.deck, *q).empty());
    return *q;
  };
  auto has = [&](const Question& q, const std::string& rule) {
    auto v = Violations(load.deck, q);
    return std::find(v.begin(), v.end(), rule) != v.end();
  };
  Question gold = make("What is the chemical symbol for gold?");
  Question swapped = gold;
  swapped.answer = (gold.answer + 1) % 4;
  CHECK(has(swapped, "a distractor is true"));
  Question changed = gold;
  changed.options[static_cast<size_t>((gold.answer + 1) % 4)] = "Pb";
  CHECK(has(changed, "option not written by the author"));
  Question twice = gold;
  twice.options[static_cast<size_t>((gold.answer + 1) % 4)] = "au";
  CHECK(has(twice, "options not distinct"));
  Question primes = make("Which of these are prime numbers? Select all.");
  REQUIRE(SelectAll(primes));
  Question half = primes;
  half.answers.pop_back();
  CHECK(has(half, "a right option is not marked right"));
  Question untimed = primes;
  untimed.seconds = 0;
  CHECK(has(untimed, "time limit lost"));
}

TEST_CASE("a select-all answer is right only with exactly the right options", "[questions][choice]") {
  Question q;
  q.options = {"2", "9", "13", "21"};
  q.answers = {0, 2};
  CHECK(JudgeOptions(q, {2, 0}).correct);
  CHECK(JudgeOptions(q, {0, 2, 2}).correct); // the same option twice counts once
  CHECK_FALSE(JudgeOptions(q, {0}).correct);
  CHECK_FALSE(JudgeOptions(q, {0, 1, 2}).correct);
  CHECK_FALSE(JudgeOptions(q, {}).correct);
  CHECK(JudgeOptions(q, {1}).rightAnswer == "2; 13");
  CHECK(JudgeOptions(q, {2, 1}).given == "9; 13");
  Question single;
  single.options = {"a", "b"};
  single.answer = 1;
  CHECK(JudgeOption(single, 1).correct);
  CHECK_FALSE(JudgeOptions(single, {0, 1}).correct);
}

TEST_CASE("class play uses a written question's own time limit and takes a team's marked options",
          "[classroom][live][choice]") {
  DeckLoad load = Toml(R"(
[[choice]]
question = "Which of these are prime? Select all."
answer = ["2", "13"]
wrong = ["9", "21"]
seconds = 45
)");
  REQUIRE(load.Ok());
  ClassroomOptions options;
  options.mode = ClassroomMode::Turns;
  options.readSeconds = 0;
  options.secondsPerQuestion = 20;
  ClassroomMatch match(load.deck, options, {{"Red", "#ff0000", 'Q'}, {"Blue", "#0000ff", 'P'}}, kNow);
  match.Tick(kNow);
  REQUIRE(match.Current());
  CHECK(match.LimitSeconds() == 45);
  CHECK(match.SecondsLeft(kNow + 30000) == Approx(15.0));
  match.Tick(kNow + 30000); // past the match's own 20 s, within the question's 45
  REQUIRE(match.GetPhase() == ClassroomMatch::Phase::Answering);
  match.AnswerAll(match.Current()->answers, kNow + 31000);
  CHECK(match.Teams()[0].score > 0);
  CHECK(match.Log().back().answer == "2; 13");

  LiveOptions live;
  live.request.count = 1;
  live.readSeconds = 0;
  live.secondsPerQuestion = 20;
  LiveRoom room(load.deck, live, "123456", kNow);
  const auto anna = room.Join("123456", "Anna", "10.0.0.1", kNow);
  const auto ben = room.Join("123456", "Ben", "10.0.0.2", kNow);
  room.Start(kNow);
  room.Tick(kNow + 1);
  const Question& q = room.Questions()[0];
  LivePlayerView view;
  REQUIRE(room.View(anna.token, kNow + 1, view) == LiveError::None);
  CHECK(view.selectAll);
  CHECK(view.secondsLeft == Approx(45.0).margin(0.01));
  CHECK(room.Answer(anna.token, 0, std::vector<int>{q.answers[0], q.answers[0]}, kNow + 2000) == LiveError::BadOption);
  CHECK(room.Answer(anna.token, 0, std::vector<int>{q.answers[1], q.answers[0]}, kNow + 2000) == LiveError::None);
  CHECK(room.Answer(ben.token, 0, std::vector<int>{q.answers[0]}, kNow + 3000) == LiveError::None);
  const auto answers = room.Answers();
  REQUIRE(answers.size() == 2);
  CHECK(answers[0].correct);
  CHECK_FALSE(answers[1].correct); // one right option of two is not the answer
  REQUIRE(room.View(ben.token, kNow + 3001, view) == LiveError::None);
  CHECK(view.correctOptions == q.answers);
  const auto host = room.Snapshot(kNow + 3001);
  CHECK(host.optionCounts[static_cast<size_t>(q.answers[0])] == 2);
  CHECK(host.optionCounts[static_cast<size_t>(q.answers[1])] == 1);
}

TEST_CASE("a phone cannot send several options to a one-answer question", "[live][choice]") {
  DeckLoad load = Toml("[[choice]]\nquestion = \"Q?\"\nanswer = \"a\"\nwrong = [\"b\", \"c\"]\n");
  REQUIRE(load.Ok());
  LiveOptions live;
  live.request.count = 1;
  live.readSeconds = 0;
  LiveRoom room(load.deck, live, "123456", kNow);
  const auto anna = room.Join("123456", "Anna", "10.0.0.1", kNow);
  room.Start(kNow);
  room.Tick(kNow + 1);
  CHECK(room.Answer(anna.token, 0, std::vector<int>{0, 1}, kNow + 100) == LiveError::BadOption);
  CHECK(room.Answer(anna.token, 0, std::vector<int>{}, kNow + 100) == LiveError::BadOption);
  CHECK(room.Answer(anna.token, 0, 1, kNow + 100) == LiveError::None);
  CHECK(room.Questions()[0].options.size() == 3);
}

TEST_CASE("a worksheet asks a select-all question for every right answer and keys them all", "[worksheet][choice]") {
  DeckLoad load =
      Toml("[[choice]]\nquestion = \"Which are prime?\"\nanswer = [\"2\", \"13\"]\nwrong = [\"9\", \"21\"]\n");
  REQUIRE(load.Ok());
  auto q = QuestionGenerator(load.deck).Make(QuestionKind::MultipleChoice, "choice-1", 7);
  REQUIRE(q);
  const std::string html = WorksheetHtml("Primes", {*q});
  CHECK_THAT(html, Catch::Contains("Which are prime? <span class=\"kind\">Circle every right answer.</span>"));
  std::string key;
  for (int right : q->answers)
    key += (key.empty() ? "" : "; ") + std::string(1, static_cast<char>('A' + right)) + ") " +
           q->options[static_cast<size_t>(right)];
  CHECK_THAT(html, Catch::Contains("<strong>" + key + "</strong>"));
  CHECK_THAT(html, !Catch::Contains("<span class=\"explanation\">")); // none was written
}

TEST_CASE("quiz spreadsheets as class game sites' templates save them: notes in the header names, a template title",
          "[deck][choice][csv]") {
  // Header cells with a line break and a note, a template's name above, an unfilled row.
  DeckLoad numbered =
      ImportCsv("\"Quiz site\nImport Template\",,,,,,,\n"
                "Question #,Question Text,Answer 1,Answer 2,Answer 3 (Optional),Answer 4 (Optional),"
                "\"Time Limit (sec)\n(Max: 300 seconds)\",\"Correct Answer(s)\n(Only include Answer #)\"\n"
                "1,Which of these are mammals?,Whale,Shark,Bat,Trout,20,\"1,3\"\n"
                "2,Pick the even one,3,4,,,20,2\n"
                "3,,,,,,,\n",
                "site.csv");
  INFO(Messages(numbered));
  REQUIRE(numbered.Ok());
  CHECK(numbered.deck.title == "Site"); // a template's own name is no title: the file's is
  REQUIRE(numbered.deck.choices.size() == 2);
  CHECK(numbered.deck.choices[0].answers == std::vector<std::string>{"Whale", "Bat"});
  CHECK(numbered.deck.choices[0].id == "q-which-of-these-are-mammals");
  CHECK(numbered.deck.choices[1].wrong == std::vector<std::string>{"3"});

  DeckLoad written = ImportCsv("Question,Correct Answer,Incorrect Answer 1,Incorrect Answer 2 (Optional),"
                               "Incorrect Answer 3 (Optional)\nWhat is 2+2?,4,3,5,\n",
                               "written.csv");
  REQUIRE(written.Ok());
  REQUIRE(written.deck.choices.size() == 1);
  CHECK(written.deck.choices[0].wrong == std::vector<std::string>{"3", "5"});

  // Five options, a type per row, right answers written out and joined by "|".
  DeckLoad typed = ImportCsv("Question Text,Question Type,Option 1,Option 2,Option 3,Option 4,Option 5,Correct Answer,"
                             "Time in seconds,Answer explanation\n"
                             "Which are colours?,Checkbox,red,blue,cat,dog,,\"1,2\",30,Red and blue are colours.\n"
                             "Capital of France?,Multiple Choice,Paris,Lyon,Nice,Metz,Lille,1,20,\n"
                             "Pick the mammals,Multiple Choice,Whale,Shark,Bat,Trout,,Whale|Bat,20,\n",
                             "typed.csv");
  INFO(Messages(typed));
  REQUIRE(typed.Ok());
  REQUIRE(typed.deck.choices.size() == 2);
  CHECK(typed.deck.choices[0].explanation == "Red and blue are colours.");
  CHECK(typed.deck.choices[0].seconds == 30);
  CHECK(typed.deck.choices[1].answers == std::vector<std::string>{"Whale", "Bat"});
  CHECK(typed.skippedRows == 1);
  CHECK_THAT(Messages(typed), Catch::Contains("typed.csv:3:1: warning: row skipped: the question has 5 options"));
}

TEST_CASE("quiz spreadsheets in the layouts teachers write: lettered answers, the key as a letter, a number or "
          "text, the right answer first, other languages",
          "[deck][choice][csv]") {
  struct Layout {
    const char* name;
    const char* text;
  };
  // Each layout holds the same two questions: gold's symbol (Au) and the planet nearest the Sun (Mercury).
  const Layout layouts[] = {
      {"letters.csv", "Question,Answer A,Answer B,Answer C,Answer D,Correct Answer\n"
                      "What is the chemical symbol for gold?,Ag,Au,Gd,Go,B\n"
                      "Which planet is closest to the Sun?,Venus,Mercury,Mars,Earth,b\n"},
      {"bare-letters.csv", "Question,A,B,C,D,Answer\n"
                           "What is the chemical symbol for gold?,Ag,Au,Gd,Go,Answer B\n"
                           "Which planet is closest to the Sun?,Venus,Mercury,Mars,Earth,B\n"},
      {"options.csv", "question;option 1;option 2;option 3;option 4;right answer\n"
                      "What is the chemical symbol for gold?;Ag;Au;Gd;Go;2\n"
                      "Which planet is closest to the Sun?;Venus;Mercury;Mars;Earth;Mercury\n"},
      {"choices.tsv", "Key\tChoice A\tChoice B\tChoice C\tChoice D\tQuestion\n"
                      "Au\tAg\tAu\tGd\tGo\tWhat is the chemical symbol for gold?\n"
                      "Mercury\tVenus\tMercury\tMars\tEarth\tWhich planet is closest to the Sun?\n"},
      {"right-first.csv", "Question,Right answer,Wrong answer,Wrong answer,Wrong answer\n"
                          "What is the chemical symbol for gold?,Au,Ag,Gd,Go\n"
                          "Which planet is closest to the Sun?,Mercury,Venus,Mars,Earth\n"},
      {"answer-first.csv", "Question,Answer,Wrong 1,Wrong 2,Wrong 3\n"
                           "What is the chemical symbol for gold?,Au,Ag,Gd,Go\n"
                           "Which planet is closest to the Sun?,Mercury,Venus,Mars,Earth\n"},
      {"deutsch.csv", "Frage;Antwort A;Antwort B;Antwort C;Antwort D;Richtige Antwort;Zeit\n"
                      "What is the chemical symbol for gold?;Ag;Au;Gd;Go;B;20\n"
                      "Which planet is closest to the Sun?;Venus;Mercury;Mars;Earth;B;30\n"},
      {"francais.csv", "Question;Réponse 1;Réponse 2;Réponse 3;Réponse 4;Bonne réponse\n"
                       "What is the chemical symbol for gold?;Ag;Au;Gd;Go;2\n"
                       "Which planet is closest to the Sun?;Venus;Mercury;Mars;Earth;2\n"},
      {"espanol.csv", "Pregunta,Respuesta correcta,Respuesta incorrecta 1,Respuesta incorrecta 2,Respuesta "
                      "incorrecta 3\n"
                      "What is the chemical symbol for gold?,Au,Ag,Gd,Go\n"
                      "Which planet is closest to the Sun?,Mercury,Venus,Mars,Earth\n"},
  };
  for (const Layout& layout : layouts) {
    INFO(layout.name);
    DeckLoad load = ImportCsv(layout.text, layout.name);
    INFO(Messages(load));
    REQUIRE(load.Ok());
    CHECK(load.diagnostics.empty());
    REQUIRE(load.deck.choices.size() == 2);
    CHECK(ChoiceNamed(load.deck, "What is the chemical symbol for gold?").answers == std::vector<std::string>{"Au"});
    CHECK(ChoiceNamed(load.deck, "What is the chemical symbol for gold?").wrong.size() == 3);
    CHECK(ChoiceNamed(load.deck, "Which planet is closest to the Sun?").answers == std::vector<std::string>{"Mercury"});
    CHECK(load.deck.cards.empty());
    CHECK(load.deck.facts.empty());
  }
  // A key naming a letter no option has is the row's error, not a wrong key played.
  DeckLoad bad = ImportCsv("Question,Answer A,Answer B,Answer C,Correct answer\n"
                           "What is the chemical symbol for gold?,Ag,Au,Gd,D\n"
                           "Which planet is closest to the Sun?,Venus,Mercury,Mars,B\n",
                           "bad.csv");
  REQUIRE(bad.deck.choices.size() == 1);
  CHECK_THAT(Messages(bad), Catch::Contains("bad.csv:2:48: warning: row skipped: correct answer \"D\""));
}

TEST_CASE("a file that looks like a quiz but is not laid out as one says so, with the names that would make it one",
          "[deck][choice][csv]") {
  // The options are there, but nothing says which one is right: read as a table, loudly.
  DeckLoad load = ImportCsv("Question,First,Second,Third\n"
                            "How many continents are there?,5,6,7\n"
                            "How many oceans are there?,3,4,5\n",
                            "unclear.csv");
  CHECK(load.deck.choices.empty());
  CHECK_THAT(Messages(load), Catch::Contains("unclear.csv:1:1: warning: column 'Question' holds questions"));
  CHECK_THAT(Messages(load), Catch::Contains("Answer A to Answer D"));
  // Question and answer alone are a term list, said nothing about.
  DeckLoad cards = ImportCsv("Question,Answer\nHow many continents are there?,7\n", "cards.csv");
  CHECK(cards.deck.cards.size() == 1);
  CHECK(cards.diagnostics.empty());
}

TEST_CASE("a term list's header that names its two sides is a header, not a card", "[deck][csv][import]") {
  for (const char* text :
       {"German,English\nHund,dog\nKatze,cat\n", "Deutsch;Englisch\nHund;dog\nKatze;cat\n",
        "Word\tMeaning\ttags\nHund\tdog\tanimals\nKatze\tcat\tanimals\n", "ESPAÑOL,english\nperro,dog\ngato,cat\n"}) {
    INFO(text);
    DeckLoad load = ImportCsv(text, "vocab.csv");
    INFO(Messages(load));
    REQUIRE(load.Ok());
    REQUIRE(load.deck.cards.size() == 2);
    CHECK(load.deck.cards[0].back == "dog");
    CHECK(load.deck.cards[1].back == "cat");
  }
  CHECK(ImportCsv("Word\tMeaning\ttags\nHund\tdog\tanimals\n", "v.tsv").deck.cards[0].tags ==
        std::vector<std::string>{"animals"});
  // Two words that are not the names of sides stay a card.
  DeckLoad plain = ImportCsv("Hund,dog\nKatze,cat\n", "plain.csv");
  CHECK(plain.deck.cards.size() == 2);
}
