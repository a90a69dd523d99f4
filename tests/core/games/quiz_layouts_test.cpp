// A teacher's quiz spreadsheet, twenty questions, in six layouts teachers write (the key as
// a letter, as a number, as the option's text, the right answer first, German headers with a
// time limit, bare letters), each saved as CSV, .xlsx and .ods: every one opens as a quiz
// and plays as a classroom match with the right key for every question.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <set>

#include "core/games/classroom.h"
#include "core/import/deck_file.h"
#include "support/spreadsheet_files.h"
#include "support/temp_dir.h"

using namespace factdeck;
using factdeck::test::SheetRows;
using factdeck::test::TempDir;

namespace {

constexpr srs::TimeMs kNow = 1767268800000; // 2026-01-01 12:00 UTC

const std::vector<std::pair<std::string, std::string>> kCapitals = {
    {"France", "Paris"},    {"Peru", "Lima"},      {"Kenya", "Nairobi"},        {"Japan", "Tokyo"},
    {"Chile", "Santiago"},  {"Egypt", "Cairo"},    {"Norway", "Oslo"},          {"Canada", "Ottawa"},
    {"Ghana", "Accra"},     {"Poland", "Warsaw"},  {"Vietnam", "Hanoi"},        {"Austria", "Vienna"},
    {"Cuba", "Havana"},     {"Greece", "Athens"},  {"Mongolia", "Ulaanbaatar"}, {"Portugal", "Lisbon"},
    {"Nepal", "Kathmandu"}, {"Ireland", "Dublin"}, {"Morocco", "Rabat"},        {"Finland", "Helsinki"}};

std::string Prompt(size_t i) { return "What is the capital of " + kCapitals[i].first + "?"; }

// Question i's four options, the right one at place i % 4, the others capitals of the next countries.
std::vector<std::string> Options(size_t i) {
  std::vector<std::string> options;
  for (size_t k = 1; k <= 3; ++k)
    options.push_back(kCapitals[(i + k) % kCapitals.size()].second);
  options.insert(options.begin() + static_cast<std::ptrdiff_t>(i % 4), kCapitals[i].second);
  return options;
}

struct Layout {
  std::string name;
  char separator = ',';
  std::vector<std::string> header;
  std::vector<std::string> (*row)(size_t i);
  int seconds = 0; // the time limit the layout gives each question
};

std::string Letter(size_t i) { return std::string(1, static_cast<char>('A' + i % 4)); }

std::vector<Layout> Layouts() {
  return {
      {"letters",
       ',',
       {"Question", "Answer A", "Answer B", "Answer C", "Answer D", "Correct Answer"},
       [](size_t i) {
         auto o = Options(i);
         return std::vector<std::string>{Prompt(i), o[0], o[1], o[2], o[3], Letter(i)};
       }},
      {"numbers",
       ';',
       {"question", "option 1", "option 2", "option 3", "option 4", "right answer"},
       [](size_t i) {
         auto o = Options(i);
         return std::vector<std::string>{Prompt(i), o[0], o[1], o[2], o[3], std::to_string(i % 4 + 1)};
       }},
      {"key-text",
       ',',
       {"Key", "Choice A", "Choice B", "Choice C", "Choice D", "Question"},
       [](size_t i) {
         auto o = Options(i);
         return std::vector<std::string>{kCapitals[i].second, o[0], o[1], o[2], o[3], Prompt(i)};
       }},
      {"right-first",
       ',',
       {"Question", "Right answer", "Wrong answer", "Wrong answer", "Wrong answer"},
       [](size_t i) {
         std::vector<std::string> row{Prompt(i), kCapitals[i].second};
         for (const std::string& o : Options(i))
           if (o != kCapitals[i].second) row.push_back(o);
         return row;
       }},
      {"deutsch",
       ';',
       {"Frage", "Antwort A", "Antwort B", "Antwort C", "Antwort D", "Richtige Antwort", "Zeit"},
       [](size_t i) {
         auto o = Options(i);
         return std::vector<std::string>{Prompt(i), o[0], o[1], o[2], o[3], Letter(i), "30"};
       },
       30},
      {"bare-letters",
       ',',
       {"Question", "A", "B", "C", "D", "Answer"},
       [](size_t i) {
         auto o = Options(i);
         return std::vector<std::string>{Prompt(i), o[0], o[1], o[2], o[3], Letter(i)};
       }},
  };
}

} // namespace

TEST_CASE("twenty-question quiz spreadsheets in six layouts, as CSV, .xlsx and .ods, play with the right key",
          "[classroom][choice][spreadsheet]") {
  TempDir dir;
  for (const Layout& layout : Layouts()) {
    SheetRows rows{layout.header};
    for (size_t i = 0; i < kCapitals.size(); ++i)
      rows.push_back(layout.row(i));
    for (const std::string extension : {".csv", ".xlsx", ".ods"}) {
      const auto file = dir / (layout.name + extension);
      if (extension == ".csv")
        std::ofstream(file) << test::CsvText(rows, layout.separator);
      else if (extension == ".xlsx")
        test::WriteXlsx(file, rows, "Quiz");
      else
        test::WriteOds(file, rows, "Quiz");
      INFO(file.filename().string());
      DeckLoad load = LoadDeckFile(file.string());
      std::string messages;
      for (const Diagnostic& d : load.diagnostics)
        messages += d.Format() + "\n";
      INFO(messages);
      REQUIRE(load.Ok());
      CHECK(load.diagnostics.empty());
      REQUIRE(load.deck.choices.size() == kCapitals.size());
      CHECK(load.deck.cards.empty()); // read as a quiz, nothing else

      ClassroomOptions options;
      options.mode = ClassroomMode::Turns;
      options.readSeconds = 0;
      options.request.count = kCapitals.size();
      ClassroomMatch match(load.deck, options, {{"Red", "#ff0000", 'Q'}, {"Blue", "#0000ff", 'P'}}, kNow);
      CHECK(match.QuestionCount() == kCapitals.size());
      std::set<std::string> asked;
      srs::TimeMs now = kNow;
      while (match.GetPhase() != ClassroomMatch::Phase::Finished) {
        match.Tick(now);
        REQUIRE(match.GetPhase() == ClassroomMatch::Phase::Answering);
        const Question* q = match.Current();
        REQUIRE(q);
        size_t i = 0;
        while (i < kCapitals.size() && Prompt(i) != q->prompt)
          ++i;
        INFO(q->prompt);
        REQUIRE(i < kCapitals.size());
        CHECK(asked.insert(q->prompt).second);
        REQUIRE(q->answer >= 0);
        CHECK(q->options[static_cast<size_t>(q->answer)] == kCapitals[i].second); // the key the teacher wrote
        std::vector<std::string> shown = q->options, written = Options(i);
        std::sort(shown.begin(), shown.end());
        std::sort(written.begin(), written.end());
        CHECK(shown == written); // every option the row gives, none other
        if (layout.seconds > 0) CHECK(match.LimitSeconds() == layout.seconds);
        now += 2000;
        match.Answer(q->answer, now);
        match.Tick(now);
        REQUIRE(match.GetPhase() == ClassroomMatch::Phase::Revealed);
        now += 1000;
        match.Next(now);
      }
      CHECK(asked.size() == kCapitals.size());
      REQUIRE(match.Log().size() == kCapitals.size());
      for (const auto& answer : match.Log())
        CHECK(answer.correct);
      CHECK(match.Teams()[0].score > 0);
      CHECK(match.Teams()[1].score > 0);
    }
  }
}
