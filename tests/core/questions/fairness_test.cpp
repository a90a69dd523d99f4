// Questions fair to a test-wise student (docs/questions.md): no answer given away by the
// letters it shares with the prompt, by being the only option of its sort, by a date outside
// the deck's period or a lone pattern; relations the same for a whole kind not asked of
// each; a quiz spread over its templates. Each rule is shown on a small deck of our own, and
// the independent checker is fed a broken question for each of its form rules.
#include <catch2/catch.hpp>

#include "core/import/csv.h"

#include <algorithm>
#include <map>

#include "core/base/lexicon.h"
#include "core/questions/fairness.h"
#include "core/questions/question_checker.h"
#include "core/questions/questions.h"
#include "support/seed_deck.h"

using namespace factdeck;
using test::Violations;

namespace {

// Makers and their types, with tags; every "ship" was built at the same yard.
const char* kMakersDeck = R"([deck]
id = "makers"
title = "Makers"
[[deck.source]]
id = "s"
title = "S"
[[relation]]
id = "made_by"
question = "Which company made the {subject}?"
reverse = "Which of these did {object} make?"
object = "company"
[[relation]]
id = "built_at"
question = "Where was the {subject} built?"
reverse = "Which of these was built at {object}?"
object = "yard"
[[entity]]
id = "kamov"
name = "Kamov"
kind = "company"
[[entity]]
id = "mil"
name = "Mil Works"
kind = "company"
[[entity]]
id = "yak"
name = "Yakovlev"
kind = "company"
[[entity]]
id = "sukhoi"
name = "Sukhoi"
kind = "company"
[[entity]]
id = "tupolev"
name = "Tupolev"
kind = "company"
[[entity]]
id = "ka27"
name = "Ka 27"
kind = "helicopter"
[[entity]]
id = "x1"
name = "X 1"
kind = "helicopter"
[[entity]]
id = "x2"
name = "Z 2"
kind = "helicopter"
[[entity]]
id = "x3"
name = "Q 3"
kind = "helicopter"
[[entity]]
id = "x4"
name = "W 4"
kind = "helicopter"
[[fact]]
subject = "ka27"
relation = "made_by"
object = "kamov"
source = "s"
[[fact]]
subject = "x1"
relation = "made_by"
object = "mil"
source = "s"
[[fact]]
subject = "x2"
relation = "made_by"
object = "yak"
source = "s"
[[fact]]
subject = "x3"
relation = "made_by"
object = "sukhoi"
source = "s"
[[fact]]
subject = "x4"
relation = "made_by"
object = "tupolev"
source = "s"
[[entity]]
id = "north"
name = "North Yard"
kind = "yard"
[[entity]]
id = "south"
name = "South Yard"
kind = "yard"
[[entity]]
id = "east"
name = "East Yard"
kind = "yard"
[[entity]]
id = "west"
name = "West Yard"
kind = "yard"
)";

DeckLoad MakersDeck(const std::string& more = {}) { return ParseDeck(std::string(kMakersDeck) + more, "makers.toml"); }

std::string EntityToml(const std::string& id, const std::string& name, const std::string& kind) {
  return "[[entity]]\nid = \"" + id + "\"\nname = \"" + name + "\"\nkind = \"" + kind + "\"\n";
}
std::string FactToml(const std::string& subject, const std::string& relation, const std::string& object) {
  return "[[fact]]\nsubject = \"" + subject + "\"\nrelation = \"" + relation + "\"\nobject = \"" + object +
         "\"\nsource = \"s\"\n";
}

// The questions of `kind` about `item` for seeds 1 to `seeds`, from the deck `text`; each
// must be made.
std::vector<Question> AskedOver(const std::string& text, QuestionKind kind, const std::string& item, int seeds) {
  DeckLoad load = ParseDeck(text, "deck.toml");
  REQUIRE(load.Ok());
  QuestionGenerator generator(load.deck);
  std::vector<Question> asked;
  for (std::uint64_t seed = 1; seed <= static_cast<std::uint64_t>(seeds); ++seed) {
    auto q = generator.Make(kind, item, seed);
    REQUIRE(q);
    asked.push_back(std::move(*q));
  }
  return asked;
}

} // namespace

TEST_CASE("a type's letters that begin its maker's name are a clue, either way round", "[questions][fairness]") {
  CHECK(SharesLetters("Which company made the Ka 27?", "Kamov"));
  CHECK(SharesLetters("Which of these did Kamov make?", "Ka 27"));
  CHECK(SharesLetters("Which of these did Blohm make?", "BV 141")); // initials: their first letter
  CHECK(SharesLetters("Why did the Romans leave?", "Troops the Roman army needed at home"));
  CHECK_FALSE(SharesLetters("Which company made the Ka 27?", "Mil Works"));
  CHECK(SharesLetters("Which company made the J 35?", "Junkers")); // one capital and a number
  CHECK(SharesLetters("Which company made the Do P?", "Dornier")); // a variant letter for a number
  CHECK_FALSE(SharesLetters("Which company made the J 35?", "Heinkel"));
  CHECK_FALSE(SharesLetters("Who wrote to Mr Smith?", "Mrs Jones")); // a title, not a designation
  // A place and its people or currency: one stem, other endings.
  CHECK(SharesLetters("Which country has the currency Czech Koruna?", "Czechia"));
  CHECK(SharesLetters("What is the currency of Japan?", "Japanese Yen"));
  CHECK(SharesLetters("What is the currency of China?", "Chinese Yuan"));
  CHECK_FALSE(SharesLetters("What is the currency of Austria?", "Australian Dollar"));
  CHECK_FALSE(SharesLetters("What is the currency of Iran?", "Iraqi Dinar"));
  CHECK(SharesLetters("Which country has the currency Iraqi Dinar?", "Iraq"));
  CHECK(SharesLetters("What is the currency of Sweden?", "Swedish Krona"));
  CHECK(SharesLetters("Which country has the currency Bahamian Dollar?", "Bahamas"));
  CHECK(SharesLetters("What is the currency of Portugal?", "Portuguese Escudo"));
  CHECK_FALSE(SharesLetters("What is the currency of Slovakia?", "Slovenian Tolar"));
  CHECK(SharesLetters("What is the capital of Taiwan?", "Taipei"));
  CHECK(SharesLetters("What is the capital of Algeria?", "Algiers"));
  CHECK_FALSE(SharesLetters("What is the capital of Mali?", "Bamako"));
  // A name's initials written as a word, either way round.
  CHECK(SharesLetters("What is the currency of United Arab Emirates?", "UAE Dirham"));
  CHECK(SharesLetters("Which country has the calling code +44 (UK)?", "United Kingdom"));
  CHECK(SharesLetters("Who ruled the Holy Roman Empire?", "the HRE's emperor"));
  CHECK_FALSE(SharesLetters("What is the currency of United Arab Emirates?", "US Dollar"));
  // A term inside its definition's words, either way round (cards).
  CHECK(PromptLetters("any toxin that affects neural tissues").SharesWord("neurotoxin"));
  CHECK(PromptLetters("evolution on a large scale").SharesWord("macroevolution"));
  CHECK_FALSE(PromptLetters("a chamber connected to other chambers").SharesWord("atrium"));
  // Short words too, the same or a letter or two longer, but not a sentence's grammar.
  CHECK(PromptLetters("Tab key").SharesWord("tecla Tab"));
  CHECK(PromptLetters("SUM").SharesWord("SUMA"));
  CHECK(PromptLetters("SUMA").SharesWord("SUM"));
  CHECK(PromptLetters("sitio web").SharesWord("website"));      // a short word beginning a compound
  CHECK(PromptLetters("webpage").SharesWord("página web"));     // either way round
  CHECK(PromptLetters("base de datos").SharesWord("database")); // ending a compound
  CHECK(PromptLetters("database").SharesWord("base de datos"));
  // Which words: "heap" tells where "memoria" alone does not.
  const PromptLetters heap("memoria heap");
  CHECK(heap.SharedWords("heap memory") != heap.SharedWords("virtual memory"));
  CHECK(heap.SharedWords("memory leak") == heap.SharedWords("virtual memory"));
  CHECK_FALSE(PromptLetters("the key").SharesWord("the door"));
  CHECK_FALSE(PromptLetters("los perros").SharesWord("the dogs"));
  CHECK(LettersTell("Which company made the Ka 27?", {"Kamov", "Mil Works", "Sukhoi", "Tupolev"}));
  CHECK_FALSE(LettersTell("Which yard built the ship?", {"North Yard", "South Yard", "East Yard", "West Yard"}));

  DeckLoad load = MakersDeck();
  REQUIRE(load.Ok());
  QuestionGenerator generator(load.deck);
  std::string why;
  for (std::uint64_t seed = 1; seed <= 30; ++seed) {
    CHECK_FALSE(generator.Make(QuestionKind::MultipleChoice, "ka27.made_by", seed, &why));
    CHECK_FALSE(generator.Make(QuestionKind::MultipleChoiceReverse, "ka27.made_by", seed));
    // Other types are asked, and Kamov is never a wrong option beside a prompt naming "Ka".
    auto q = generator.Make(QuestionKind::MultipleChoice, "x1.made_by", seed);
    REQUIRE(q);
    CHECK(Violations(load.deck, *q).empty());
  }
  CHECK(why.find("shares letters with the question") != std::string::npos);
}

TEST_CASE("a relation the same for a whole kind is not asked of each, and check --explain says why",
          "[questions][fairness]") {
  std::string ships;
  for (const std::string s : {"a", "b", "c", "d"})
    ships += EntityToml("ship-" + s, "Ship " + s, "ship") + FactToml("ship-" + s, "built_at", "north");
  DeckLoad load = MakersDeck(ships);
  REQUIRE(load.Ok());
  QuestionGenerator generator(load.deck);
  std::string why;
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    CHECK_FALSE(generator.Make(QuestionKind::MultipleChoice, "ship-a.built_at", seed, &why));
    CHECK_FALSE(generator.Make(QuestionKind::MultipleChoiceReverse, "ship-a.built_at", seed));
  }
  CHECK(why.find("every ship in the deck with 'built_at' has North Yard") != std::string::npos);
  bool explained = false;
  for (const UnaskedFact& u : UnaskedFacts(load.deck))
    explained =
        explained || (u.fact->id == "ship-b.built_at" && u.reason.find("teaches only the kind") != std::string::npos);
  CHECK(explained);
}

TEST_CASE("no option of another sort: what the relation gives only other kinds is no distractor",
          "[questions][fairness]") {
  // Rails and buses were made at their depots; a bus depot is no wrong answer for a rail car.
  std::string more = R"([[relation]]
id = "kept_at"
question = "Where was the {subject} kept?"
object = "depot"
)";
  const char* depots[][2] = {{"rail-a", "Rail depot A"},
                             {"rail-b", "Rail depot B"},
                             {"rail-c", "Rail depot C"},
                             {"rail-d", "Rail depot D"},
                             {"bus-a", "Bus depot A"}};
  for (auto& d : depots)
    more += EntityToml(d[0], d[1], "depot");
  const char* vehicles[][3] = {{"car1", "rail car", "rail-a"}, {"car2", "rail car", "rail-b"},
                               {"car3", "rail car", "rail-c"}, {"car4", "rail car", "rail-d"},
                               {"bus1", "bus", "bus-a"},       {"bus2", "bus", "bus-a"}};
  for (auto& v : vehicles)
    more += EntityToml(v[0], std::string("Vehicle ") + v[0], v[1]) + FactToml(v[0], "kept_at", v[2]);
  DeckLoad load = MakersDeck(more);
  REQUIRE(load.Ok());
  QuestionGenerator generator(load.deck);
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    auto q = generator.Make(QuestionKind::MultipleChoice, "car1.kept_at", seed);
    REQUIRE(q);
    CHECK(std::find(q->options.begin(), q->options.end(), "Bus depot A") == q->options.end());
    CHECK(Violations(load.deck, *q).empty());
  }
  // The checker sees the bus depot offered for a rail car.
  auto q = generator.Make(QuestionKind::MultipleChoice, "car1.kept_at", 1);
  REQUIRE(q);
  q->options[q->answer == 0 ? 1 : 0] = "Bus depot A";
  const auto v = Violations(load.deck, *q);
  CHECK(std::find(v.begin(), v.end(), "implausible distractor by kind") != v.end());
}

TEST_CASE("dates: inside the deck's period, no lone year, month or day, the answer's place as chance has it",
          "[questions][fairness]") {
  // A lone pattern: the only option in another year, or on another day of the month.
  auto d = [](const char* text) { return *ParseDate(text).date; };
  CHECK(DateStandsOut({d("3 September 1933"), d("5 March 1934"), d("5 May 1934"), d("5 July 1934")}, 0));
  CHECK_FALSE(DateStandsOut({d("3 July 1933"), d("3 September 1933"), d("3 November 1933"), d("3 January 1934")}, 1));
  CHECK_FALSE(DateStandsOut({d("1920"), d("1925"), d("1930"), d("1935")}, 2));
  CHECK(DateStandsOut({d("1925"), d("1930"), d("1935"), d("1915")}, 1)); // the roundest
  CHECK(DateStandsOut({d("1927"), d("1928"), d("1930"), d("1931")}, 2)); // the only round year
  CHECK(NumberStandsOut({200, 400, 450, 500}, 2));
  CHECK_FALSE(NumberStandsOut({350, 400, 450, 500}, 2));

  const Deck deck = test::SeedDeck();
  const auto period = DeckPeriod(deck);
  REQUIRE(period);
  QuestionGenerator generator(deck);
  size_t atEnd = 0, ordered = 0;
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    QuestionRequest request;
    request.count = 200;
    request.seed = seed;
    request.kinds = {QuestionKind::When, QuestionKind::MultipleChoice};
    for (const Question& q : generator.Generate(request)) {
      const auto v = Violations(deck, q);
      CHECK(v.empty());
      for (const std::string& o : q.options)
        if (auto date = ParseDateOrSpan(o); date.start && q.kind == QuestionKind::When) {
          const Period window = OptionWindow(*period, date.start->FirstYear(), date.start->FirstYear());
          CHECK(date.start->FirstYear() >= window.first - (period->last - period->first));
        }
      if (q.kind == QuestionKind::When) {
        ++ordered;
        atEnd += q.answer == 0 || q.answer == 3;
      }
    }
  }
  REQUIRE(ordered > 100);
  // With four options shown in order the answer is at an end half the time by chance.
  CHECK(atEnd * 100 <= ordered * 58);
  CHECK(atEnd * 100 >= ordered * 35);
}

TEST_CASE("an event whose name writes its own year is asked neither when nor in order", "[questions][fairness]") {
  const char* text = R"([deck]
id = "acts"
title = "Acts"

[[event]]
id = "union"
name = "Acts of Union 1706"
date = "1706"
end = "1707"

[[event]]
id = "siege"
name = "Siege of 52 BC"
date = "52 BC"

[[event]]
id = "apollo"
name = "Apollo 11 lands on the Moon"
date = "1969-07-20"

[[event]]
id = "trafalgar"
name = "Battle of Trafalgar"
date = "1805-10-21"

[[event]]
id = "waterloo"
name = "Battle of Waterloo"
date = "1815-06-18"

[[event]]
id = "reform"
name = "Great Reform Act"
date = "1832"

[[event]]
id = "slavery"
name = "Slavery Abolition Act"
date = "1833"
)";
  DeckLoad load = ParseDeck(text, "acts.toml");
  REQUIRE(load.Ok());
  const Deck& deck = load.deck;
  CHECK(NameGivesItsYear(deck.events[0]));
  CHECK(NameGivesItsYear(deck.events[1]));       // 52 BC, written as it is read
  CHECK_FALSE(NameGivesItsYear(deck.events[2])); // 11 is not its year
  QuestionGenerator generator(deck);
  std::string why;
  CHECK_FALSE(generator.Make(QuestionKind::When, "union", 1, &why));
  CHECK(why == "its name gives its year");
  CHECK_FALSE(generator.Make(QuestionKind::TypedYear, "siege", 1));
  CHECK(generator.Make(QuestionKind::When, "trafalgar", 1));
  // Never one of the events of an ordering or which-first question either.
  for (std::uint64_t seed = 1; seed <= 20; ++seed)
    for (QuestionKind kind : {QuestionKind::Ordering, QuestionKind::WhichFirst})
      for (const char* item : {"trafalgar", "waterloo", "reform", "apollo"})
        if (auto q = generator.Make(kind, item, seed)) {
          INFO(q->prompt);
          CHECK(std::find(q->items.begin(), q->items.end(), "union") == q->items.end());
          CHECK(std::find(q->items.begin(), q->items.end(), "siege") == q->items.end());
        }
}

TEST_CASE("the checker's form rules each fail on a broken question", "[questions][fairness][checker]") {
  DeckLoad load = MakersDeck();
  REQUIRE(load.Ok());
  QuestionGenerator generator(load.deck);
  auto q = generator.Make(QuestionKind::MultipleChoice, "x1.made_by", 3);
  REQUIRE(q);
  REQUIRE(Violations(load.deck, *q).empty());
  Question clue = *q;
  clue.prompt = "Which company made the Ka 1?"; // the prompt's letters now begin one option
  for (auto& o : clue.options)
    if (o != clue.options[static_cast<size_t>(clue.answer)] && o != "Kamov") o = "Kamov";
  clue.options[clue.answer == 0 ? 1 : 0] = "Kamov";
  auto v = Violations(load.deck, clue);
  CHECK(std::find(v.begin(), v.end(), "clue in the letters") != v.end());

  // Dates outside the period and a lone day of the month, in the seed deck.
  const Deck deck = test::SeedDeck();
  QuestionGenerator seed(deck);
  std::optional<Question> when;
  for (const Event& e : deck.events)
    if (e.date.precision == DatePrecision::Day && !e.end)
      if ((when = seed.Make(QuestionKind::When, e.id, 5))) break;
  REQUIRE(when);
  REQUIRE(Violations(deck, *when).empty());
  Question far = *when, lone = *when;
  far.options[far.answer == 0 ? 1 : 0] = "3 September 1780";
  v = Violations(deck, far);
  CHECK(std::find(v.begin(), v.end(), "out-of-period date") != v.end());
  const auto answer = ParseDate(lone.options[static_cast<size_t>(lone.answer)]).date;
  REQUIRE(answer);
  for (size_t i = 0; i < 4; ++i)
    if (static_cast<int>(i) != lone.answer) {
      Date other = *answer;
      other.day = answer->day == 5 ? 6 : 5;
      other.month = static_cast<int>(1 + (i * 3 + static_cast<size_t>(answer->month) + 1) % 12);
      lone.options[i] = other.Display();
    }
  v = Violations(deck, lone);
  CHECK(std::find(v.begin(), v.end(), "lone pattern") != v.end());

  // The answer apart from three options close together: "1930" against 1920, 1922, 1924.
  std::optional<Question> year;
  for (const Event& e : deck.events)
    if (e.date.precision == DatePrecision::Year && !e.end && e.date.year >= 1925)
      if ((year = seed.Make(QuestionKind::When, e.id, 5))) break;
  REQUIRE(year);
  REQUIRE(Violations(deck, *year).empty());
  Question apart = *year;
  const int asked = ParseDate(apart.options[static_cast<size_t>(apart.answer)]).date->year;
  int below = asked - 10;
  for (size_t i = 0; i < 4; ++i)
    if (static_cast<int>(i) != apart.answer) {
      apart.options[i] = std::to_string(below);
      below += 2;
    }
  v = Violations(deck, apart);
  CHECK(std::find(v.begin(), v.end(), "isolated answer") != v.end());
  std::vector<Date> options;
  for (const std::string& o : apart.options)
    options.push_back(*ParseDate(o).date);
  CHECK(DateStandsOut(options, static_cast<size_t>(apart.answer)));
  CHECK(Isolated({1920, 1922, 1924, 1930}, 3));
  CHECK_FALSE(Isolated({1924, 1926, 1928, 1930}, 3));
  CHECK(Isolated({1920, 1924, 1928, 1930}, 3)); // off the others' step of four
  CHECK_FALSE(Isolated({1918, 1922, 1926, 1930}, 0));
  CHECK(NumberStandsOut({20, 22, 24, 37}, 3));

  // A quiz filled by one template.
  std::vector<Question> quiz;
  QuestionRequest request;
  request.count = 24;
  request.seed = 9;
  quiz = seed.Generate(request);
  REQUIRE(quiz.size() == 24);
  CHECK(test::QuizViolations(deck, quiz).empty());
  std::map<std::string, size_t> perRelation;
  for (const Question& x : quiz)
    for (const Fact& f : deck.facts)
      if (!x.items.empty() && f.id == x.items[0]) ++perRelation[f.relation];
  for (const auto& [relation, n] : perRelation)
    CHECK(n <= 4); // a sixth of 24
  // Ten of the 24 made of one relation's question: the quiz is no longer spread.
  std::vector<Question> same = quiz;
  const auto fact = std::find_if(quiz.begin(), quiz.end(), [&](const Question& x) {
    return x.items.size() == 1 &&
           std::any_of(deck.facts.begin(), deck.facts.end(), [&](const Fact& f) { return f.id == x.items[0]; });
  });
  REQUIRE(fact != quiz.end());
  for (size_t i = 0; i < 10; ++i)
    same[i] = *fact;
  CHECK_FALSE(test::QuizViolations(deck, same).empty());
}

TEST_CASE("the checker catches orders given away: by wording, outside the period, by dates shown before",
          "[questions][fairness][checker]") {
  const Deck deck = test::SeedDeck();
  QuestionGenerator generator(deck);
  auto contains = [](const std::vector<std::string>& v, const std::string& rule) {
    return std::find(v.begin(), v.end(), rule) != v.end();
  };
  // A fair which-first question between two events whose names read as neither a beginning
  // nor an end, then the same with one event swapped.
  auto neutral = [](const std::string& name) {
    for (const char* w : {"begin", "open", "end", "close", "leave", "decide", "found", "establish", "greement", "hand"})
      if (name.find(w) != std::string::npos) return false;
    return true;
  };
  std::optional<Question> good;
  for (const Event& e : deck.events)
    for (std::uint64_t seed = 1; seed < 20 && !good; ++seed)
      if (auto q = generator.Make(QuestionKind::WhichFirst, e.id, seed))
        if (std::all_of(q->options.begin(), q->options.end(), neutral)) good = q;
  REQUIRE(good);
  REQUIRE(Violations(deck, *good).empty());
  auto swapped = [&](const Event& other) {
    Question q = *good;
    const size_t later = static_cast<size_t>(1 - q.answer);
    q.options[later] = other.name;
    q.items[later] = other.id;
    return q;
  };
  // An end ("... closes", "... ends") against an event that is neither beginning nor end.
  const auto end = std::find_if(deck.events.begin(), deck.events.end(), [](const Event& e) {
    return e.name.find(" closes") != std::string::npos || e.name.find(" ends") != std::string::npos;
  });
  REQUIRE(end != deck.events.end());
  CHECK(contains(Violations(deck, swapped(*end)), "order given by wording"));
  // Another event of the first one's site or programme (a tag few events share).
  const Event* first = deck.FindEvent(good->items[static_cast<size_t>(good->answer)]);
  REQUIRE(first != nullptr);
  const Event* sameStory = nullptr;
  for (const std::string& tag : first->tags) {
    auto holds = [&](const Event& e) { return std::find(e.tags.begin(), e.tags.end(), tag) != e.tags.end(); };
    if (3 * static_cast<size_t>(std::count_if(deck.events.begin(), deck.events.end(), holds)) > deck.events.size())
      continue;
    for (const Event& e : deck.events)
      if (e.id != first->id && holds(e) && neutral(e.name)) sameStory = &e;
  }
  REQUIRE(sameStory != nullptr);
  CHECK(contains(Violations(deck, swapped(*sameStory)), "order within one story"));
  // The deck's latest event (its epilogue, years after the rest) in an order.
  const auto latest = std::max_element(deck.events.begin(), deck.events.end(), [](const Event& a, const Event& b) {
    return a.date.FirstYear() < b.date.FirstYear();
  });
  CHECK(contains(Violations(deck, swapped(*latest)), "order outside the period"));
  // A which-first after two "when" questions that showed both its dates.
  std::vector<Question> quiz;
  for (const std::string& id : good->items) {
    Question when;
    when.kind = QuestionKind::When;
    when.items = {id};
    quiz.push_back(when);
  }
  CHECK(test::QuizViolations(deck, {*good}).empty());
  quiz.push_back(*good);
  CHECK(contains(test::QuizViolations(deck, quiz), "order given away by dates shown before"));
}

TEST_CASE("card options ask for the same sort of thing as the card", "[questions][fairness]") {
  CHECK(AskedForOf("How many pilots trained there?") == AskedFor::Count);
  CHECK(AskedForOf("How were the crates marked?") == AskedFor::Manner);
  CHECK(AskedForOf("Why did they leave?") == AskedFor::Reason);
  CHECK(AskedForOf("Warum gingen sie?") == AskedFor::Reason);
  CHECK(AskedForOf("Сколько лет?") == AskedFor::Count);
  CHECK(AskedForOf("Hund") == AskedFor::Statement);
  std::string deckText = "[deck]\nid = \"c\"\ntitle = \"C\"\n[[deck.source]]\nid = \"s\"\ntitle = \"S\"\n";
  const char* cards[][2] = {{"Why did A leave?", "To rest"},           {"Why did B leave?", "To work"},
                            {"Why did C leave?", "To travel"},         {"Why did D leave?", "To study"},
                            {"How did E travel?", "By boat in haste"}, {"How did F travel?", "By train at night"},
                            {"How did G travel?", "On foot alone"},    {"How did H travel?", "On horseback"}};
  int n = 0;
  for (auto& c : cards)
    deckText += "[[card]]\nid = \"c" + std::to_string(n++) + "\"\nfront = \"" + c[0] + "\"\nback = \"" + c[1] +
                "\"\nsource = \"s\"\n";
  DeckLoad load = ParseDeck(deckText, "cards.toml");
  REQUIRE(load.Ok());
  QuestionGenerator generator(load.deck);
  for (std::uint64_t seed = 1; seed <= 30; ++seed) {
    auto q = generator.Make(QuestionKind::MultipleChoice, "c0", seed);
    REQUIRE(q);
    for (const std::string& o : q->options)
      CHECK(o.rfind("To ", 0) == 0); // reasons only, never a manner
    CHECK(Violations(load.deck, *q).empty());
    Question mixed = *q;
    mixed.options[q->answer == 0 ? 1 : 0] = "By train at night";
    const auto v = Violations(load.deck, mixed);
    CHECK(std::find(v.begin(), v.end(), "option form") != v.end());
  }
}

TEST_CASE(
    "an end in the period's last year is asked only to the day and never as the latest option, its year never typed",
    "[questions][fairness]") {
  std::string text = "[deck]\nid = \"guild\"\ntitle = \"A guild\"\n[[deck.source]]\nid = \"s\"\ntitle = \"S\"\n";
  for (int year = 1600; year <= 1620; ++year)
    text += "[[event]]\nid = \"e" + std::to_string(year) + "\"\nname = \"The guild meets in hall " +
            std::to_string(year - 1599) + "\"\ndate = \"" + std::to_string(year) + "-05-0" +
            std::to_string(year % 7 + 1) + "\"\nsource = \"s\"\n";
  text += "[[event]]\nid = \"closes\"\nname = \"The guild closes\"\ndate = \"1620\"\nsource = \"s\"\n"
          "[[event]]\nid = \"dissolved\"\nname = \"The guild is dissolved\"\ndate = \"1620-11-03\"\nsource = \"s\"\n";
  DeckLoad load = ParseDeck(text, "guild.toml");
  REQUIRE(load.Ok());
  QuestionGenerator generator(load.deck);
  std::string why;
  CHECK_FALSE(generator.Make(QuestionKind::When, "closes", 1, &why));
  CHECK_THAT(why, Catch::Contains("reads as an end in the deck's last year"));
  CHECK_FALSE(generator.Make(QuestionKind::TypedYear, "closes", 1));
  CHECK_FALSE(generator.Make(QuestionKind::TypedYear, "dissolved", 1));
  int asked = 0;
  for (std::uint64_t seed = 1; seed <= 30; ++seed)
    if (auto q = generator.Make(QuestionKind::When, "dissolved", seed)) {
      ++asked;
      CHECK(q->answer < static_cast<int>(q->options.size()) - 1); // options are shown in date order
    }
  CHECK(asked >= 25);
  // A neutral event of the same year is asked as ever.
  CHECK(generator.Make(QuestionKind::TypedYear, "e1620", 1));
  const std::vector<UnaskedEvent> unasked = UnaskedEvents(load.deck, generator);
  REQUIRE(unasked.size() == 1);
  CHECK(unasked[0].event->id == "closes");
  CHECK_THAT(unasked[0].reason, Catch::Contains("reads as an end"));
}

TEST_CASE("wind-down wording reads as an end, and a question asking when a thing closed treats the last year so too",
          "[questions][fairness]") {
  std::string text = "[deck]\nid = \"guild\"\ntitle = \"A guild\"\n[[deck.source]]\nid = \"s\"\ntitle = \"S\"\n"
                     "[[relation]]\nid = \"closed\"\nquestion = \"In which year did the {subject} close?\"\n"
                     "object = \"year\"\n";
  for (int year = 1600; year <= 1620; ++year)
    text += "[[event]]\nid = \"e" + std::to_string(year) + "\"\nname = \"The guild meets in hall " +
            std::to_string(year - 1599) + "\"\ndate = \"" + std::to_string(year) + "-05-0" +
            std::to_string(year % 7 + 1) + "\"\nsource = \"s\"\n";
  text += "[[event]]\nid = \"finish\"\nname = \"Only twelve apprentices finish the course\"\ndate = \"1620\"\n"
          "source = \"s\"\n"
          "[[event]]\nid = \"home\"\nname = \"The masters decide to move the workshop home\"\ndate = \"1620\"\n"
          "source = \"s\"\n";
  for (int h = 0; h < 6; ++h)
    text += "[[entity]]\nid = \"hall" + std::to_string(h) + "\"\nname = \"Hall " + std::to_string(h) +
            "\"\nkind = \"hall\"\nsource = \"s\"\n[[fact]]\nid = \"closed" + std::to_string(h) +
            "\"\nsubject = \"hall" + std::to_string(h) +
            "\"\nrelation = \"closed\"\nobject = " + std::to_string(h == 0 ? 1620 : 1605 + 2 * h) +
            "\nsource = \"s\"\n";
  DeckLoad load = ParseDeck(text, "guild.toml");
  REQUIRE(load.Ok());
  QuestionGenerator generator(load.deck);
  for (const char* id : {"finish", "home"}) {
    INFO(id);
    std::string why;
    CHECK_FALSE(generator.Make(QuestionKind::When, id, 1, &why));
    CHECK_THAT(why, Catch::Contains("its name reads as an end in the deck's last year"));
  }
  std::string why;
  CHECK_FALSE(generator.Make(QuestionKind::MultipleChoice, "closed0", 1, &why));
  CHECK_THAT(why, Catch::Contains("its question reads as an end in the deck's last year"));
  CHECK(generator.Make(QuestionKind::MultipleChoice, "closed3", 1)); // a year inside the period
}

TEST_CASE("a wrong option whose own name names another of the object's kind is not offered", "[questions][fairness]") {
  std::string text = "[deck]\nid = \"sites\"\ntitle = \"Sites\"\n[[deck.source]]\nid = \"s\"\ntitle = \"S\"\n"
                     "[[relation]]\nid = \"near\"\nquestion = \"Near which town was the {subject}?\"\n"
                     "reverse = \"Which site was near {object}?\"\nobject = \"town\"\n";
  const char* towns[] = {"Kazan", "Lipetsk", "Omsk", "Tver", "Perm", "Orsk"};
  for (const char* town : towns)
    text +=
        std::string("[[entity]]\nid = \"") + town + "\"\nname = \"" + town + "\"\nkind = \"town\"\nsource = \"s\"\n";
  const std::pair<const char*, const char*> sites[] = {
      {"Kama tank school", "Kazan"}, {"Lipetsk flying school", "Lipetsk"}, {"Red Star works", "Omsk"},
      {"Blue River depot", "Tver"},  {"Green Hill range", "Perm"},         {"Orsk gas range", "Orsk"}};
  int n = 0;
  for (const auto& [name, town] : sites) {
    const std::string id = "site" + std::to_string(n++);
    text += "[[entity]]\nid = \"" + id + "\"\nname = \"" + name + "\"\nkind = \"site\"\nsource = \"s\"\n" +
            "[[fact]]\nid = \"f" + id + "\"\nsubject = \"" + id + "\"\nrelation = \"near\"\nobject = \"" + town +
            "\"\nsource = \"s\"\n";
  }
  DeckLoad load = ParseDeck(text, "sites.toml");
  REQUIRE(load.Ok());
  QuestionGenerator generator(load.deck);
  int asked = 0;
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    auto q = generator.Make(QuestionKind::MultipleChoiceReverse, "fsite0", seed); // near Kazan: the Kama school
    if (!q) continue;
    ++asked;
    for (const std::string& option : q->options) {
      CHECK(option != "Lipetsk flying school");
      CHECK(option != "Orsk gas range");
    }
  }
  CHECK(asked == 20); // three wrong options that name no other town: works, depot, range
  // The independent checker has the rule: written in by hand, it is caught.
  auto q = generator.Make(QuestionKind::MultipleChoiceReverse, "fsite0", 1);
  REQUIRE(q);
  CHECK(Violations(load.deck, *q).empty());
  Question named = *q;
  named.options[q->answer == 0 ? 1 : 0] = "Lipetsk flying school";
  const auto v = Violations(load.deck, named);
  CHECK(std::find(v.begin(), v.end(), "an option named after another answer") != v.end());
}

TEST_CASE("wrong options come first from the subjects most like the question's: a capital of the same region",
          "[questions][fairness]") {
  // Three regions of five countries, as a table of countries gives them: a region and a
  // currency (entities), a capital (text).
  std::string text = "[deck]\nid = \"world\"\ntitle = \"World\"\n[[deck.source]]\nid = \"s\"\ntitle = \"S\"\n"
                     "[[relation]]\nid = \"region\"\nquestion = \"What is the region of {subject}?\"\n"
                     "object = \"region\"\n"
                     "[[relation]]\nid = \"currency\"\nquestion = \"What is the currency of {subject}?\"\n"
                     "object = \"currency\"\n"
                     "[[relation]]\nid = \"capital\"\nquestion = \"What is the capital of {subject}?\"\n"
                     "object = \"text\"\n";
  auto entity = [&](const std::string& id, const std::string& kind) {
    text += "[[entity]]\nid = \"" + id + "\"\nname = \"" + id + "\"\nkind = \"" + kind + "\"\nsource = \"s\"\n";
  };
  auto fact = [&](const std::string& s, const std::string& r, const std::string& o, bool quoted) {
    text += "[[fact]]\nsubject = \"" + s + "\"\nrelation = \"" + r + "\"\nobject = \"" + o + "\"\nsource = \"s\"\n";
    (void)quoted;
  };
  const char* regions[] = {"North", "South", "East"};
  const char* towns[3][5] = {{"Arden", "Brill", "Calder", "Dunmore", "Elgin"},
                             {"Fenwick", "Garrow", "Halden", "Ilsley", "Jarrow"},
                             {"Kelby", "Lorne", "Marden", "Norris", "Orton"}};
  for (const char* region : regions)
    entity(region, "region");
  for (int r = 0; r < 3; ++r)
    for (int c = 0; c < 5; ++c) {
      const std::string country = std::string("Land") + regions[r] + std::to_string(c);
      entity(country, "country");
      entity("Coin" + std::string(regions[r]) + std::to_string(c), "currency");
      fact(country, "region", regions[r], true);
      fact(country, "currency", "Coin" + std::string(regions[r]) + std::to_string(c), true);
      fact(country, "capital", towns[r][c], true);
    }
  DeckLoad load = ParseDeck(text, "world.toml");
  REQUIRE(load.Ok());
  QuestionGenerator generator(load.deck);
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    INFO("seed " << seed);
    auto capital = generator.Make(QuestionKind::MultipleChoice, "LandSouth2.capital", seed);
    REQUIRE(capital);
    for (const std::string& option : capital->options)
      CHECK(std::find(std::begin(towns[1]), std::end(towns[1]), option) != std::end(towns[1]));
    auto currency = generator.Make(QuestionKind::MultipleChoice, "LandEast1.currency", seed);
    REQUIRE(currency);
    for (const std::string& option : currency->options)
      CHECK(option.rfind("CoinEast", 0) == 0);
  }
}

TEST_CASE("a wrong option naming another subject of the kind is not offered when the answer names none",
          "[questions][fairness]") {
  std::string text = "[deck]\nid = \"coins\"\ntitle = \"Coins\"\n[[deck.source]]\nid = \"s\"\ntitle = \"S\"\n"
                     "[[relation]]\nid = \"currency\"\nquestion = \"What is the currency of {subject}?\"\n"
                     "object = \"currency\"\n";
  const std::pair<const char*, const char*> lands[] = {{"Norland", "Crown"},        {"Sudia", "Sudian pound"},
                                                       {"Estland", "Estland mark"}, {"Westia", "Dollar"},
                                                       {"Centra", "Florin"},        {"Ostmark", "Thaler"}};
  int n = 0;
  for (const auto& [land, coin] : lands) {
    const std::string id = "c" + std::to_string(n++);
    text += std::string("[[entity]]\nid = \"") + land + "\"\nname = \"" + land + "\"\nkind = \"country\"\n" +
            "[[entity]]\nid = \"" + id + "\"\nname = \"" + coin + "\"\nkind = \"currency\"\n" + "[[fact]]\nid = \"" +
            land + ".currency\"\nsubject = \"" + land + "\"\nrelation = \"currency\"\nobject = \"" + id +
            "\"\nsource = \"s\"\n";
  }
  for (const Question& q : AskedOver(text, QuestionKind::MultipleChoice, "Norland.currency", 20))
    for (const std::string& option : q.options) {
      CHECK(option != "Sudian pound"); // names Sudia: "Sudian" stems from it
      CHECK(option != "Estland mark");
    }
}

TEST_CASE("card options look like the answer: phrases against phrases, verbs against verbs, capitals against "
          "capitals",
          "[questions][fairness]") {
  CHECK(FormAlike(FormOf("tamaño de fuente"), FormOf("dirección de memoria")) >= 4);
  CHECK(FormAlike(FormOf("tamaño de fuente"), FormOf("biblioteca")) < 4);
  CHECK(FormAlike(FormOf("asignar"), FormOf("guardar")) > FormAlike(FormOf("asignar"), FormOf("memoria")));
  CHECK(FormOf("deshacer").ending == FormOf("imprimir").ending); // infinitives are one class
  CHECK(FormOf("deshacer").ending == FormOf("guardar").ending);
  CHECK(FormAlike(FormOf("SUMIF"), FormOf("COUNT")) > FormAlike(FormOf("SUMIF"), FormOf("table")));
  CHECK(FormAlike(FormOf("+44"), FormOf("+33")) > FormAlike(FormOf("+44"), FormOf("+380")));
  CHECK(FormAlike(FormOf("a / b"), FormOf("c / d")) > FormAlike(FormOf("a / b"), FormOf("c d e")));
  CHECK(FormOf("desplazarse").ending == FormOf("guardar").ending); // a reflexive infinitive
  CHECK(FormOf("CONTAR.SI").key != FormOf("CONTAR").key);          // a full stop inside a word
  CHECK(FormOf("e. g.").key == FormOf("x y").key);                 // not between words
  // A single word among phrases stands out; a phrase among phrases a word longer does not.
  CHECK_FALSE(FormsFit(FormOf("program"), {FormOf("programming language"), FormOf("procedural programming"),
                                           FormOf("object-oriented programming")}));
  CHECK(FormsFit(FormOf("source code"),
                 {FormOf("programming language"), FormOf("binary search tree"), FormOf("procedural programming")}));
  // A name inside small letters is a case of its own: "pestaña Inicio" among common nouns.
  CHECK(FormOf("pestaña Inicio").key == FormOf("tecla Enter").key);
  CHECK(FormOf("pestaña Inicio").key != FormOf("árbol binario").key);
  // An acronym spelled out, in another language's order: its letters are in the answer.
  CHECK(SharesLetters("DNS", "sistema de nombres de dominio"));
  CHECK(SharesLetters("sistema de nombres de dominio", "DNS"));
  CHECK(SharesLetters("CPU", "unidad central de procesamiento"));
  CHECK_FALSE(SharesLetters("DNS", "base de datos"));
  CHECK_FALSE(SharesLetters("RAM", "memoria de acceso aleatorio"));

  // A term list of single words and phrases, verbs and nouns, in two scripts of case: every
  // option of a question has the answer's number of words, and a verb's options are verbs.
  std::string deckText = "[deck]\nid = \"v\"\ntitle = \"V\"\n[[deck.source]]\nid = \"s\"\ntitle = \"S\"\n";
  const char* cards[][2] = {{"save", "guardar"},
                            {"open", "abrir"},
                            {"close", "cerrar"},
                            {"print", "imprimir"},
                            {"copy", "copiar"},
                            {"paste", "pegar"},
                            {"window", "ventana"},
                            {"folder", "carpeta"},
                            {"page", "página"},
                            {"file", "archivo"},
                            {"screen", "pantalla"},
                            {"key", "tecla"},
                            {"font size", "tamaño de fuente"},
                            {"line of code", "línea de código"},
                            {"base case", "caso base"},
                            {"call stack", "pila de llamadas"},
                            {"user name", "nombre de usuario"},
                            {"hash table", "tabla hash"},
                            {"sum", "SUMA"},
                            {"count", "CONTAR"},
                            {"average", "PROMEDIO"},
                            {"match", "COINCIDIR"},
                            {"power", "energía / potencia"},
                            {"log in", "entrar / acceder"}};
  int n = 0;
  for (auto& c : cards)
    deckText += "[[card]]\nid = \"c" + std::to_string(n++) + "\"\nfront = \"" + c[0] + "\"\nback = \"" + c[1] +
                "\"\nsource = \"s\"\n";
  DeckLoad load = ParseDeck(deckText, "vocab.toml");
  INFO((load.diagnostics.empty() ? std::string() : load.diagnostics[0].Format()));
  REQUIRE(load.Ok());
  QuestionGenerator generator(load.deck);
  auto words = [](const std::string& text) { return std::count(text.begin(), text.end(), ' ') + 1; };
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    for (const char* id : {"c0", "c12", "c15", "c20"}) {
      std::string whyNot;
      auto q = generator.Make(QuestionKind::MultipleChoice, id, seed, &whyNot);
      INFO(id << ": " << whyNot);
      REQUIRE(q);
      const std::string& right = q->options[static_cast<size_t>(q->answer)];
      for (const std::string& o : q->options) {
        CHECK(words(o) == words(right));
        CHECK(FormOf(o).key == FormOf(right).key); // the same case: capitals against capitals
      }
    }
    // The checker's rule: generated questions keep it, one with the answer alone in its marks breaks it.
    auto plain = generator.Make(QuestionKind::MultipleChoice, "c0", seed);
    REQUIRE(plain);
    CHECK(Violations(load.deck, *plain).empty());
    Question marked = *plain;
    for (size_t i = 0; i < marked.options.size(); ++i)
      if (static_cast<int>(i) != marked.answer) marked.options[i] = "energía / potencia";
    const auto v = Violations(load.deck, marked);
    CHECK(std::find(v.begin(), v.end(), "lone form") != v.end());
    auto verb = generator.Make(QuestionKind::MultipleChoice, "c0", seed); // guardar: verbs in -ar, -ir
    REQUIRE(verb);
    for (const std::string& o : verb->options)
      CHECK((o.size() > 2 && (o.substr(o.size() - 2) == "ar" || o.substr(o.size() - 2) == "ir")));
  }
  // "sum" and "SUMA": the answer shares the prompt's word, no other option does: not asked so.
  std::string why;
  CHECK_FALSE(generator.Make(QuestionKind::MultipleChoice, "c18", 1, &why));
  // A slash only one other option has would stand out: not asked so either.
  CHECK_FALSE(generator.Make(QuestionKind::MultipleChoice, "c22", 1, &why));
  CHECK(why.find("written as its answer is") != std::string::npos);
  // No option is a piece of the answer, or the answer with more: with that piece one of
  // only three others, too few are left.
  DeckLoad nested = ImportCsv("search tree,árbol de búsqueda\ntree,árbol\ncat,gato\ndog,perro\n", "nested.csv");
  REQUIRE(nested.Ok());
  QuestionGenerator nestedGenerator(nested.deck);
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    CHECK_FALSE(nestedGenerator.Make(QuestionKind::MultipleChoice, nested.deck.cards[0].id, seed));
    CHECK(nestedGenerator.Make(QuestionKind::MultipleChoice, nested.deck.cards[2].id, seed)); // cat: the rest
  }
}

TEST_CASE("card options are phrases of the answer's build: plurals against plurals, not the only phrase after a "
          "grammar word",
          "[questions][fairness]") {
  CHECK(FormOf("arrow keys").build == FormOf("quotation marks").build);
  CHECK(FormOf("arrow keys").build != FormOf("formula bar").build);
  CHECK(FormOf("teclas de flecha").build == FormOf("arrow keys").build); // the head word before "de"
  CHECK(FormOf("base de datos").build == FormOf("formula bar").build);   // "datos" is not the head
  CHECK(FormOf("class").build == FormOf("file").build);                  // "-ss", "-us", "-is", "-ics"
  CHECK(FormOf("virus").build == FormOf("file").build);
  CHECK(FormOf("análisis").build == FormOf("file").build);
  CHECK(FormOf("Bahamas").build == FormOf("France").build); // a name is no plural
  CHECK(FormOf("on the left").build != FormOf("first cell").build);
  CHECK(FormOf("on the left").build == FormOf("at the end").build);
  CHECK(FormOf("debajo de").build == FormOf("encima de").build); // ends with a grammar word
  CHECK(SmallWordsShared("for loop", "bucle for") == std::vector<std::string>{"for"});
  CHECK(SmallWordsShared("if statement", "sentencia if") == std::vector<std::string>{"if"});
  CHECK(SmallWordsShared("loop", "bucle").empty());
  CHECK(FormOf("debajo de").build != FormOf("columna").build);
  CHECK(BuildsFit(FormOf("arrow keys"), {FormOf("quotation marks"), FormOf("file names"), FormOf("formula bar")}));
  CHECK_FALSE(BuildsFit(FormOf("arrow keys"), {FormOf("quotation marks"), FormOf("file name"), FormOf("formula bar")}));

  // A term list with a few plurals: a plural answer gets plural options, and with too few of
  // them is not asked as multiple choice at all.
  std::string csv;
  for (const char* row : {"arrow keys,teclas de flecha", "quotation marks,comillas", "file names,nombres de archivo",
                          "page numbers,números de página", "formula bar,barra de fórmulas",
                          "home page,página de inicio", "data type,tipo de dato", "user name,nombre de usuario",
                          "font size,tamaño de fuente", "call stack,pila de llamadas"})
    csv += std::string(row) + "\n";
  DeckLoad load = ImportCsv(csv, "plurals.csv");
  REQUIRE(load.Ok());
  QuestionGenerator generator(load.deck);
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    auto q = generator.Make(QuestionKind::MultipleChoiceReverse, load.deck.cards[0].id, seed);
    REQUIRE(q);
    for (const std::string& o : q->options)
      CHECK(FormOf(o).build == FormOf("arrow keys").build);
  }
  DeckLoad few = ImportCsv("arrow keys,teclas de flecha\n" + csv.substr(csv.find("formula bar")), "few.csv");
  REQUIRE(few.Ok());
  QuestionGenerator fewGenerator(few.deck);
  std::string why;
  CHECK_FALSE(fewGenerator.Make(QuestionKind::MultipleChoiceReverse, few.deck.cards[0].id, 1, &why));
  CHECK(why.find("a plural") != std::string::npos);

  // "bucle for" repeats the prompt's "for", which no other answer has: not asked so.
  DeckLoad keyword = ImportCsv("for loop,bucle for\nwhile loop,bucle while\nfile,archivo\nscreen,pantalla\n"
                               "key,tecla\nmouse,ratón\nwindow,ventana\n",
                               "keyword.csv");
  REQUIRE(keyword.Ok());
  QuestionGenerator keywordGenerator(keyword.deck);
  CHECK_FALSE(keywordGenerator.Make(QuestionKind::MultipleChoice, keyword.deck.cards[0].id, 1, &why));
  CHECK(why.find("repeats the question's word 'for'") != std::string::npos);
  CHECK(keywordGenerator.Make(QuestionKind::MultipleChoice, keyword.deck.cards[2].id, 1)); // file: asked

  // An option showing its own card's word ("exclusión mutua / mutex" for "mutex") is not set
  // against an answer that shows none of its prompt's.
  DeckLoad own = ImportCsv("null,nulo / sin valor\nmutex,exclusión mutua / mutex\nwifi,wifi / red inalámbrica\n"
                           "clear,borrar contenido / limpiar\nlecture,clase magistral / conferencia\n"
                           "array,arreglo / matriz\nbug,error / fallo\nloop,bucle / ciclo repetido\n"
                           "comment,comentario / nota breve\n",
                           "own.csv");
  REQUIRE(own.Ok());
  QuestionGenerator ownGenerator(own.deck);
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    std::string whyOwn;
    auto q = ownGenerator.Make(QuestionKind::MultipleChoice, own.deck.cards[3].id, seed, &whyOwn); // clear
    INFO(whyOwn);
    REQUIRE(q);
    for (const std::string& o : q->options) {
      CHECK(o.find("mutex") == std::string::npos);
      CHECK(o.find("wifi") == std::string::npos);
    }
  }
}

TEST_CASE("card options are of the answer's word class on the deck's English side", "[questions][fairness]") {
  // Verbs among nouns.
  const std::string nouns = "keyboard,teclado\nlaptop,portátil\ndatabase,base de datos\nwindow,ventana\n"
                            "folder,carpeta\nprinter,impresora\nbattery,batería\nnetwork,red\nmemory,memoria\n"
                            "cable,cable\n";
  DeckLoad load = ImportCsv(
      "allocate,reservar\ncompile,compilar\ndebug,depurar\niterate,iterar\nvalidate,validar\n" + nouns, "verbs.csv");
  REQUIRE(load.Ok());
  QuestionGenerator generator(load.deck);
  for (std::uint64_t seed = 1; seed <= 20; ++seed)
    for (QuestionKind kind : {QuestionKind::MultipleChoice, QuestionKind::MultipleChoiceReverse}) {
      auto q = generator.Make(kind, load.deck.cards[0].id, seed);
      REQUIRE(q);
      for (const std::string& o : q->options) {
        INFO(o);
        const auto card = std::find_if(load.deck.cards.begin(), load.deck.cards.end(),
                                       [&](const Card& c) { return c.front == o || c.back == o; });
        REQUIRE(card != load.deck.cards.end());
        CHECK(Lexicon::English().PhraseClasses(card->front) == kVerb);
      }
    }
  // One verb among nouns: not asked as multiple choice, either way, and check says why.
  DeckLoad lone = ImportCsv("allocate,reservar\n" + nouns, "lone.csv");
  REQUIRE(lone.Ok());
  QuestionGenerator loneGenerator(lone.deck);
  for (QuestionKind kind : {QuestionKind::MultipleChoice, QuestionKind::MultipleChoiceReverse}) {
    std::string why;
    CHECK_FALSE(loneGenerator.Make(kind, lone.deck.cards[0].id, 1, &why));
    CHECK(why == "fewer than two other cards of its word class (a verb)");
  }
  CHECK(loneGenerator.Make(QuestionKind::MultipleChoice, lone.deck.cards[1].id, 1)); // a noun: asked
  // A preposition among words the lexicon does not know is alone in its class too (the
  // nouns it knows, in another script, are no options in Spanish).
  DeckLoad between = ImportCsv("between,entre\nautofill,autorrelleno\ntuple,tupla\nmutex,exclusión mutua\n"
                               "dataset,conjunto de datos\nkeyboard,клавиатура\nprinter,принтер\nwindow,окно\n"
                               "folder,папка\nmemory,память\nnetwork,сеть\n",
                               "between.csv");
  REQUIRE(between.Ok());
  QuestionGenerator betweenGenerator(between.deck);
  for (QuestionKind kind : {QuestionKind::MultipleChoice, QuestionKind::MultipleChoiceReverse}) {
    std::string why;
    CHECK_FALSE(betweenGenerator.Make(kind, between.deck.cards[0].id, 1, &why));
    CHECK(why == "fewer than two other cards of its word class (a preposition)");
  }
  // The checker's rule: generated questions keep it; the verb set among nouns breaks it.
  auto verbQuestion = generator.Make(QuestionKind::MultipleChoice, load.deck.cards[0].id, 1);
  REQUIRE(verbQuestion);
  CHECK(Violations(load.deck, *verbQuestion).empty());
  Question amongNouns = *verbQuestion;
  for (size_t i = 0, noun = 5; i < amongNouns.options.size(); ++i)
    if (static_cast<int>(i) != amongNouns.answer) amongNouns.options[i] = load.deck.cards[noun++].back;
  const auto broken = Violations(load.deck, amongNouns);
  CHECK(std::find(broken.begin(), broken.end(), "lone word class") != broken.end());
  // A translation not of the English word's class ("join" -> "unión", a noun for a verb) is
  // of the form it is written in: nouns, not infinitives, against it.
  DeckLoad join =
      ImportCsv("join,unión\ncompile,compilar\ndebug,depurar\niterate,iterar\nvalidate,validar\n" + nouns, "join.csv");
  REQUIRE(join.Ok());
  QuestionGenerator joinGenerator(join.deck);
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    auto q = joinGenerator.Make(QuestionKind::MultipleChoice, join.deck.cards[0].id, seed);
    REQUIRE(q);
    for (const std::string& o : q->options)
      CHECK_FALSE(InfinitiveLike(FormOf(o)));
  }
}

TEST_CASE("a card sharing an alternative with the question's is never a wrong option, and near spellings are "
          "shared words",
          "[questions][fairness]") {
  CHECK(AlternativesMeet("hoja de cálculo", "hoja de cálculo / hoja de trabajo"));
  CHECK(AlternativesMeet("Hoja de Calculo / libro", "hoja de cálculo"));
  CHECK_FALSE(AlternativesMeet("hoja de cálculo", "hoja de cálculo")); // no alternatives: the same text
  CHECK_FALSE(AlternativesMeet("hoja de cálculo", "hoja de trabajo / libro"));
  // A prompt giving its answer as an alternative ("wifi / red inalámbrica" for "Wi-Fi") is not asked.
  DeckLoad wifi = ImportCsv("Wi-Fi,wifi / red inalámbrica\nsyntax,sintaxis\nkeyboard,teclado\nprinter,impresora\n"
                            "window,ventana\nfolder,carpeta\n",
                            "wifi.csv");
  REQUIRE(wifi.Ok());
  QuestionGenerator wifiGenerator(wifi.deck);
  CHECK_FALSE(wifiGenerator.Make(QuestionKind::MultipleChoiceReverse, wifi.deck.cards[0].id, 1));
  // Words one letter apart are one word to a reader of either language.
  const PromptLetters intratable("intratable");
  CHECK(intratable.SharesWord("intractable"));
  CHECK_FALSE(intratable.SharesWord("immutable"));
  CHECK(PromptLetters("decidable").SharesWord("decidible"));
  CHECK(PromptLetters("null").SharesWord("nulo / sin valor"));
  CHECK_FALSE(PromptLetters("null").SharesWord("borrar contenido"));

  DeckLoad load = ImportCsv("spreadsheet,hoja de cálculo\nworksheet,hoja de cálculo / hoja de trabajo\n"
                            "keyboard,teclado\nprinter,impresora\nwindow,ventana\nfolder,carpeta\n"
                            "memory,memoria\nnetwork,red\n",
                            "alternatives.csv");
  REQUIRE(load.Ok());
  QuestionGenerator generator(load.deck);
  size_t made = 0; // "worksheet", the only answer with a slash, is not asked so (lone form)
  for (std::uint64_t seed = 1; seed <= 30; ++seed) {
    for (size_t card : {0u, 1u})
      for (QuestionKind kind : {QuestionKind::MultipleChoice, QuestionKind::MultipleChoiceReverse}) {
        auto q = generator.Make(kind, load.deck.cards[card].id, seed);
        if (!q) continue;
        ++made;
        const Card& other = load.deck.cards[1 - card];
        for (const std::string& o : q->options)
          CHECK(o != (kind == QuestionKind::MultipleChoice ? other.back : other.front));
      }
  }
  CHECK(made >= 60); // both ways for "spreadsheet", and "worksheet" asked in reverse
}
