// Numbers as people write them, and the bounds a facts file may give ("more than 100").
#include <catch2/catch.hpp>

#include "core/deck/deck_writer.h"
#include "core/deck/numbers.h"
#include "core/questions/question_checker.h"
#include "core/questions/questions.h"

using namespace factdeck;

TEST_CASE("bounds and approximations are read in the words people use", "[numbers]") {
  struct Case {
    const char* text;
    NumberBound bound;
    double number;
    const char* phrase;
  };
  const Case cases[] = {
      {"more than 100", NumberBound::MoreThan, 100, "more than 100"},
      {"More than 1,000", NumberBound::MoreThan, 1000, "more than 1,000"},
      {"over 12 500", NumberBound::MoreThan, 12500, "more than 12,500"},
      {"at least 20", NumberBound::AtLeast, 20, "at least 20"},
      {"no fewer than 20", NumberBound::AtLeast, 20, "at least 20"},
      {"fewer than 5", NumberBound::LessThan, 5, "fewer than 5"},
      {"less than 0.5", NumberBound::LessThan, 0.5, "less than 0.5"},
      {"under 5", NumberBound::LessThan, 5, "less than 5"},
      {"up to 10", NumberBound::AtMost, 10, "at most 10"},
      {"about 450", NumberBound::About, 450, "about 450"},
      {"c. 450", NumberBound::About, 450, "about 450"},
      {"~450", NumberBound::About, 450, "about 450"},
      {"approximately 3.5", NumberBound::About, 3.5, "about 3.5"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const auto n = ParseBoundedNumber(c.text);
    REQUIRE(n);
    CHECK(n->bound == c.bound);
    CHECK(n->number == c.number);
    CHECK(n->phrase == c.phrase);
  }
  for (const char* bad : {"100", "more than", "more than a hundred", "overt 5", "about -5", "more than 1,00"}) {
    INFO(bad);
    CHECK_FALSE(ParseBoundedNumber(bad));
  }
  CHECK(TrueRange(NumberBound::MoreThan, 100).Meets(TrueRange(NumberBound::Exact, 101)));
  CHECK_FALSE(TrueRange(NumberBound::MoreThan, 100).Meets(TrueRange(NumberBound::Exact, 100)));
  CHECK(TrueRange(NumberBound::AtLeast, 100).Meets(TrueRange(NumberBound::Exact, 100)));
  CHECK_FALSE(TrueRange(NumberBound::About, 450).Meets(TrueRange(NumberBound::About, 200)));
  CHECK(GroupedNumber("1300") == "1,300");
  CHECK(GroupedNumber("-1234567.25") == "-1,234,567.25");
  CHECK(GroupedNumber("800") == "800");
  CHECK(GroupedNumber("0.0001") == "0.0001");
  CHECK(GroupedNumber("more than 100") == "more than 100");
  CHECK(GroupedNumber("12a45") == "12a45");
  CHECK(SignificantDigits(140) == 2);
  CHECK(SignificantDigits(6) == 1);
  CHECK(SignificantDigits(1000) == 1);
  CHECK(SignificantDigits(0.25) == 2);
  CHECK(WithDigitsAtMost(70, 2) == 70);
  CHECK(WithDigitsAtMost(35.5, 2) == 35);
  CHECK(WithDigitsAtMost(17.5, 1) == 10);
  CHECK(WithDigitsAtLeast(280, 2) == 280);
  CHECK(WithDigitsAtLeast(1120, 2) == 1200);
  CHECK(WithDigitsAtLeast(12, 1) == 20);
  CHECK(NumberText(1000) == "1,000");
  CHECK(NumberText(0.25) == "0.25");
}

namespace {
const char* kBoundedDeck = R"([deck]
id = "schools"
title = "Schools"
[[deck.source]]
id = "s"
title = "A history of schools"
[[entity]]
id = "north"
name = "North school"
kind = "school"
[[entity]]
id = "south"
name = "South school"
kind = "school"
[[relation]]
id = "pupils"
subject = "school"
object = "number"
unit = "pupils"
question = "How many pupils did {subject} teach?"
reverse = "Which school taught {object}?"
[[fact]]
subject = "north"
relation = "pupils"
object = "more than 100"
source = "s"
[[fact]]
subject = "south"
relation = "pupils"
object = 450
source = "s"
)";
} // namespace

TEST_CASE("a one-sided bound is not asked as multiple choice, nor in reverse, and the checker knows what it makes true",
          "[numbers][questions]") {
  const DeckLoad load = ParseDeck(kBoundedDeck, "schools.toml");
  REQUIRE(load.Ok());
  const Deck& deck = load.deck;
  REQUIRE(deck.facts[0].object.bound == NumberBound::MoreThan);
  CHECK(deck.Display(deck.facts[0].object, deck.FindRelation("pupils")) == "more than 100 pupils");
  QuestionGenerator generator(deck);
  // Every false option lies below 100: "more than 100" would always be the open-ended one at
  // the top.
  std::string why;
  for (std::uint64_t seed = 1; seed <= 5; ++seed)
    CHECK_FALSE(generator.Make(QuestionKind::MultipleChoice, deck.facts[0].id, seed, &why));
  CHECK(why.find("only open-ended option") != std::string::npos);
  // 450 pupils is also "more than 100": "which school taught 450 pupils?" would have two answers.
  CHECK_FALSE(generator.Make(QuestionKind::MultipleChoiceReverse, deck.facts[1].id, 1));

  // The checker catches a distractor the bound makes true.
  Question broken;
  broken.kind = QuestionKind::MultipleChoice;
  broken.items = {deck.facts[0].id};
  broken.prompt = "How many pupils did North school teach?";
  broken.options = {"fewer than 12 pupils", "200 to 500 pupils", "25 to 50 pupils", "more than 100 pupils"};
  broken.answer = 3;
  const auto v = test::Violations(deck, broken);
  CHECK(std::find(v.begin(), v.end(), "a distractor is true of the bound") != v.end());

  // Written back as the words it was read from.
  const std::string written = FormatDeckToml(deck);
  CHECK(written.find("object = \"more than 100\"") != std::string::npos);
  const DeckLoad again = ParseDeck(written, "again.toml");
  REQUIRE(again.Ok());
  CHECK(again.deck.facts[0].object.bound == NumberBound::MoreThan);
  CHECK(again.deck.facts[0].object.number == 100);
}

TEST_CASE("a number in words that is not a bound is refused with its line and column", "[numbers]") {
  std::string text = kBoundedDeck;
  text.replace(text.find("\"more than 100\""), 15, "\"more than a hundred\"");
  const DeckLoad load = ParseDeck(text, "schools.toml");
  REQUIRE_FALSE(load.Ok());
  const std::string message = load.diagnostics.front().Format();
  CHECK(message.find("schools.toml:25:") == 0);
  CHECK(message.find("more than a hundred") != std::string::npos);
  CHECK(message.find("\"about 450\"") != std::string::npos);
}
