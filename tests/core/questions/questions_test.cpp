// Question generation: every rule of docs/questions.md, as properties over 10,000+
// questions from the seed deck and from random synthetic decks, checked by an
// independent checker; and tests that each rule can fail.
#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "core/base/paths.h"
#include "core/import/deck_file.h"
#include "support/seed_deck.h"
#include "core/questions/question_checker.h"
#include "core/questions/questions.h"
#include "core/import/csv.h"
#include "core/deck/deck_writer.h"
#include "core/games/question_run.h"
#include "support/synthetic_deck.h"

using namespace factdeck;
using test::Violations;

namespace {
// A quiz of every kind.
std::vector<Question> QuizOf(const QuestionGenerator& generator, size_t count, std::uint64_t seed) {
  QuestionRequest request;
  request.count = count;
  request.seed = seed;
  return generator.Generate(request);
}
} // namespace

namespace {

using test::SeedDeck;

// Generates at least `wanted` questions over as many seeds as it takes; checks each.
struct PropertyRun {
  size_t questions = 0;
  std::map<std::string, size_t> byKind, violations;
  // The right option's place in four-option questions: shuffled options, and options shown
  // in the order of their values (dates, numbers), whose ends are what chance is checked on.
  std::map<int, size_t> positions, orderedPositions;
  std::vector<std::string> examples;
};

// True when the options are shown in the order of their values: a "when" question, or
// multiple choice over numbers or dates.
bool InValueOrder(const Question& q) {
  if (q.kind == QuestionKind::When) return true;
  if (q.kind != QuestionKind::MultipleChoice) return false;
  return std::all_of(q.options.begin(), q.options.end(), [](const std::string& o) {
    const std::string_view text = o.rfind("about ", 0) == 0 ? std::string_view(o).substr(6) : std::string_view(o);
    return (!text.empty() && text[0] >= '0' && text[0] <= '9') || ParseDateOrSpan(o).start.has_value();
  });
}

PropertyRun Run(const Deck& deck, size_t wanted) {
  PropertyRun run;
  QuestionGenerator generator(deck);
  for (std::uint64_t seed = 1; run.questions < wanted && seed < 5000; ++seed) {
    QuestionRequest request;
    request.count = 500;
    request.seed = seed;
    for (const Question& q : generator.Generate(request)) {
      ++run.questions;
      ++run.byKind[QuestionKindName(q.kind)];
      if ((q.kind == QuestionKind::MultipleChoice || q.kind == QuestionKind::MultipleChoiceReverse ||
           q.kind == QuestionKind::When) &&
          q.options.size() == 4)
        ++(InValueOrder(q) ? run.orderedPositions : run.positions)[q.answer];
      for (const std::string& problem : Violations(deck, q)) {
        if (run.violations[problem]++ == 0) {
          std::string options;
          for (const std::string& o : q.options)
            options += " | " + o;
          run.examples.push_back(problem + ": " + q.prompt + options + " / " + q.key);
        }
      }
    }
  }
  return run;
}

void CheckProperties(const PropertyRun& run, size_t wanted) {
  std::string examples;
  for (const std::string& example : run.examples)
    examples += example + "\n";
  CHECK(run.questions >= wanted);
  INFO(examples);
  CHECK(run.violations.empty());
  auto total = [](const std::map<int, size_t>& positions) {
    size_t n = 0;
    for (auto [position, count] : positions)
      n += count;
    return n;
  };
  auto at = [](const std::map<int, size_t>& positions, int p) {
    auto it = positions.find(p);
    return it == positions.end() ? size_t{0} : it->second;
  };
  // Shuffled options: each place a quarter of the time.
  const size_t shuffled = total(run.positions);
  if (shuffled > 1000)
    for (int p = 0; p < 4; ++p) {
      INFO("position " << p << ": " << at(run.positions, p) << " of " << shuffled);
      const double share = static_cast<double>(at(run.positions, p)) / static_cast<double>(shuffled);
      CHECK(share > 0.22);
      CHECK(share < 0.28);
    }
  // Options in value order: the answer at the lowest or highest place about half the time
  // (as chance has it), and no place nearly empty (a count of 2 has no room below it, so
  // the places cannot be quite even).
  const size_t ordered = total(run.orderedPositions);
  if (ordered > 500) {
    const double ends =
        static_cast<double>(at(run.orderedPositions, 0) + at(run.orderedPositions, 3)) / static_cast<double>(ordered);
    INFO("lowest " << at(run.orderedPositions, 0) << ", highest " << at(run.orderedPositions, 3) << " of " << ordered);
    CHECK(ends > 0.42);
    CHECK(ends < 0.58);
    for (int p = 0; p < 4; ++p)
      CHECK(static_cast<double>(at(run.orderedPositions, p)) / static_cast<double>(ordered) > 0.15);
  }
  REQUIRE(shuffled + ordered > 2000);
}

} // namespace

TEST_CASE("every kind of question generates on the seed deck", "[questions]") {
  const Deck deck = SeedDeck();
  QuestionGenerator generator(deck);
  for (QuestionKind kind : AllQuestionKinds()) {
    QuestionRequest request;
    request.kinds = {kind};
    request.count = 20;
    INFO(QuestionKindName(kind));
    // Reverse questions share their prompts ("Who trained at Lipetsk aviation school?"), and
    // one quiz asks each prompt once, so the seed deck has few of them: the two "Who trained
    // at" prompts ("Which facility was near …" has too few facilities not named after
    // another place, and the makers' aircraft carry their makers' names).
    // An ordering or which-first question holds no event whose date an earlier one of the
    // quiz showed, and only events inside the deck's period, away from its first and last
    // years, are ordered, at most one of each site or programme (EventThreads): on the seed
    // deck's events, fewer than 20 of those alone (an ordering shows three to six dates; two
    // to four orderings, by seed; which-first pairs of fresh events, about seven).
    const size_t expected = kind == QuestionKind::MultipleChoiceReverse ? 2u
                            : kind == QuestionKind::Flashcard           ? std::min<size_t>(20, deck.cards.size())
                            : kind == QuestionKind::WhichFirst          ? deck.events.size() / 6
                            : kind == QuestionKind::Ordering            ? deck.events.size() / 16
                                                                        : 20u;
    CHECK(generator.Generate(request).size() >= expected);
  }
}

TEST_CASE("a quiz asks its orders first, so that no later question's dates can give them away", "[questions]") {
  const Deck deck = SeedDeck();
  QuestionGenerator generator(deck);
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    const std::vector<Question> quiz = QuizOf(generator, 25, seed);
    REQUIRE(quiz.size() == 25);
    auto isOrder = [](const Question& q) {
      return q.kind == QuestionKind::Ordering || q.kind == QuestionKind::WhichFirst;
    };
    const auto orders = std::count_if(quiz.begin(), quiz.end(), isOrder);
    INFO("seed " << seed);
    CHECK(orders >= 3); // their share: two kinds of seven
    CHECK(orders <= 8);
    CHECK(std::is_partitioned(quiz.begin(), quiz.end(), isOrder));
  }
}

TEST_CASE("a quiz asks no order that its earlier questions or the events' wording give away", "[questions]") {
  const Deck deck = SeedDeck();
  QuestionGenerator generator(deck);
  // Read by the test on its own: a name that reads as a beginning or an end of something.
  auto stage = [](const std::string& name) {
    for (const char* end : {" ends", " closes", " leave", " handed over", " last "})
      if (name.find(end) != std::string::npos) return 1;
    for (const char* begin :
         {" begins", " begin ", " opens", "Agreement on", " decides", " fixes", " offers", " first "})
      if (name.find(begin) != std::string::npos) return -1;
    return 0;
  };
  size_t orders = 0, staged = 0;
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    QuestionRequest request;
    request.count = 60;
    request.seed = seed;
    std::set<std::string> shown; // events whose date an earlier question's explanation gave
    for (const Question& q : generator.Generate(request)) {
      const bool order = q.kind == QuestionKind::Ordering || q.kind == QuestionKind::WhichFirst;
      if (order) {
        ++orders;
        INFO(q.prompt << " / " << q.key);
        // Two dates shown before would give their order away: one at most.
        CHECK(std::count_if(q.items.begin(), q.items.end(), [&](const std::string& id) { return shown.count(id); }) <=
              1);
        // A beginning is guessed first and an end last: never one against events of another stage.
        const int first = stage(q.options.front());
        staged += first != 0 ? 1 : 0;
        for (const std::string& option : q.options)
          CHECK(stage(option) == first);
        // Events outside the deck's period (1920-1933, its context after 1933) are not ordered,
        // nor those of its last year, which anyone who reads the title places last.
        for (const std::string& id : q.items)
          CHECK(deck.FindEvent(id)->date.FirstYear() < 1933);
      }
      if (order || q.kind == QuestionKind::When || q.kind == QuestionKind::TypedYear)
        for (const std::string& id : q.items) {
          shown.insert(id);
          // Dating one event dates every other event of that very day.
          const Event* e = deck.FindEvent(id);
          for (const Event& other : deck.events)
            if (e != nullptr && e->date.precision == DatePrecision::Day && !e->end && !other.end &&
                other.date == e->date)
              shown.insert(other.id);
        }
    }
  }
  CHECK(orders > 40);
  CHECK(staged > 0); // beginnings and ends are still ordered, among themselves
}

TEST_CASE("properties hold over 10,000 questions from the seed deck", "[questions][properties]") {
  const Deck deck = SeedDeck();
  PropertyRun run = Run(deck, 10000);
  CheckProperties(run, 10000);
  for (const char* kind :
       {"multiple-choice", "multiple-choice-reverse", "when", "which-first", "ordering", "typed-year"})
    CHECK(run.byKind[kind] > 100);
}

TEST_CASE("properties hold over 10,000 questions from random synthetic decks", "[questions][properties]") {
  size_t total = 0;
  PropertyRun all;
  for (std::uint32_t seed = 1; seed <= 4; ++seed) {
    DeckLoad load = ParseDeck(test::SyntheticDeckToml({800, 150, 60, seed}), "synthetic.toml");
    REQUIRE(load.Ok());
    PropertyRun run = Run(load.deck, 3400);
    total += run.questions;
    for (auto& [problem, count] : run.violations)
      all.violations[problem] += count;
    for (auto& [position, count] : run.positions)
      all.positions[position] += count;
    all.examples.insert(all.examples.end(), run.examples.begin(), run.examples.end());
    CHECK(run.byKind["flashcard"] > 0);
  }
  all.questions = total;
  CheckProperties(all, 10000);
}

TEST_CASE("the same deck and seed give the same questions", "[questions]") {
  const Deck deck = SeedDeck();
  QuestionGenerator a(deck), b(deck);
  QuestionRequest request;
  request.count = 100;
  request.seed = 42;
  auto first = a.Generate(request), second = b.Generate(request);
  REQUIRE(first.size() == second.size());
  for (size_t i = 0; i < first.size(); ++i) {
    CHECK(first[i].prompt == second[i].prompt);
    CHECK(first[i].options == second[i].options);
    CHECK(first[i].answer == second[i].answer);
  }
  request.seed = 43;
  auto other = a.Generate(request);
  bool differs = false;
  for (size_t i = 0; i < std::min(first.size(), other.size()); ++i)
    differs = differs || first[i].options != other[i].options;
  CHECK(differs);
}

TEST_CASE("figures the sources disagree on are asked only with their attribution", "[questions]") {
  const Deck deck = SeedDeck();
  QuestionGenerator generator(deck);
  size_t attributed = 0;
  for (const Fact& f : deck.facts) {
    if (f.accordingTo.empty()) continue;
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
      auto q = generator.Make(QuestionKind::MultipleChoice, f.id, seed);
      if (!q) continue;
      ++attributed;
      CHECK_THAT(q->prompt, Catch::StartsWith("According to " + deck.Attribution(f.accordingTo)));
      // A source named by its id is said by its author or as a document, never by the id.
      if (deck.FindSource(f.accordingTo)) CHECK(q->prompt.find("According to " + f.accordingTo) == std::string::npos);
      // The other source's figure is never offered as wrong.
      for (const Fact& other : deck.facts)
        if (&other != &f && other.subject == f.subject && other.relation == f.relation)
          for (size_t i = 0; i < q->options.size(); ++i)
            if (static_cast<int>(i) != q->answer)
              CHECK(q->options[i] != deck.Display(other.object, deck.FindRelation(f.relation)));
    }
    CHECK_FALSE(generator.Make(QuestionKind::MultipleChoiceReverse, f.id, 1));
  }
  CHECK(attributed >= 4);
}

TEST_CASE("a person whose description names the place asked about is no wrong option for it", "[questions]") {
  std::string text = R"([deck]
id = "schools"
title = "Schools"
[[deck.source]]
id = "s"
title = "S"
[[relation]]
id = "studied_at"
question = "Where did {subject} study?"
reverse = "Who studied at {object}?"
object = "school"
subject = "person"
)";
  for (const char* school : {"Dunmore", "Kelso", "Avoca", "Bray"})
    text += std::string("[[entity]]\nid = \"") + school + "\"\nname = \"" + school + " Academy\"\nkind = \"school\"\n";
  // Eight pupils, two at each school; one more person, a teacher, described as at Dunmore
  // but tied to it by no fact.
  const char* schools[] = {"Dunmore", "Kelso", "Avoca", "Bray"};
  for (int i = 0; i < 8; ++i)
    text += "[[entity]]\nid = \"p" + std::to_string(i) + "\"\nname = \"Pupil " + std::string(1, char('A' + i)) +
            "\"\nkind = \"person\"\n[[fact]]\nsubject = \"p" + std::to_string(i) +
            "\"\nrelation = \"studied_at\"\nobject = \"" + schools[i / 2] + "\"\nsource = \"s\"\n";
  text += "[[entity]]\nid = \"teacher\"\nname = \"Nora Quill\"\nkind = \"person\"\n"
          "description = \"Teacher of drawing at Dunmore for thirty years.\"\n";
  text += "[[fact]]\nsubject = \"teacher\"\nrelation = \"studied_at\"\nobject = \"Kelso\"\nsource = \"s\"\n";
  DeckLoad load = ParseDeck(text, "schools.toml");
  REQUIRE(load.Ok());
  QuestionGenerator generator(load.deck);
  size_t asked = 0;
  for (const Fact& f : load.deck.facts)
    if (f.object.entity == "Dunmore")
      for (std::uint64_t seed = 1; seed <= 20; ++seed)
        if (auto q = generator.Make(QuestionKind::MultipleChoiceReverse, f.id, seed)) {
          ++asked;
          CHECK(std::find(q->options.begin(), q->options.end(), "Nora Quill") == q->options.end());
        }
  CHECK(asked > 0);
}

TEST_CASE("no question is built when a good one cannot be: too few distractors", "[questions]") {
  DeckLoad load = ParseDeck(R"([deck]
id = "small"
title = "Small"
[[deck.source]]
id = "s"
title = "S"
[[entity]]
id = "a"
name = "A"
kind = "person"
[[entity]]
id = "b"
name = "B"
kind = "person"
[[entity]]
id = "x"
name = "Place X"
kind = "place"
[[entity]]
id = "y"
name = "Place Y"
kind = "place"
[[relation]]
id = "lived"
question = "Where did {subject} live?"
object = "place"
[[fact]]
subject = "a"
relation = "lived"
object = "x"
source = "s"
)",
                            "small.toml");
  REQUIRE(load.Ok());
  QuestionGenerator generator(load.deck);
  CHECK_FALSE(generator.Make(QuestionKind::MultipleChoice, "a.lived", 1)); // only one other place
  QuestionRequest request;
  request.count = 10;
  CHECK(generator.Generate(request).empty());
}

TEST_CASE("aliases and many-valued relations are never offered as wrong answers", "[questions]") {
  std::string deckText = R"([deck]
id = "alias"
title = "Aliases"
[[deck.source]]
id = "s"
title = "S"
[[relation]]
id = "visited"
question = "Which city did {subject} visit?"
object = "city"
many = true
[[entity]]
id = "p"
name = "Traveller"
kind = "person"
)";
  const char* cities[] = {"Moscow", "Kazan", "Lipetsk", "Berlin", "Dessau", "Saratov", "Tver"};
  for (const char* c : cities)
    deckText += std::string("[[entity]]\nid = \"") + c + "\"\nname = \"" + c + "\"\nkind = \"city\"\n";
  // The same city twice under another name: "Moskva" must never be a wrong option for Moscow.
  deckText += "[[entity]]\nid = \"moskva\"\nname = \"Moskva\"\nkind = \"city\"\naliases = [\"MOSCOW\"]\n";
  for (const char* c : {"Moscow", "Kazan", "Lipetsk"})
    deckText +=
        std::string("[[fact]]\nsubject = \"p\"\nrelation = \"visited\"\nobject = \"") + c + "\"\nsource = \"s\"\n";
  DeckLoad load = ParseDeck(deckText, "alias.toml");
  REQUIRE(load.Ok());
  QuestionGenerator generator(load.deck);
  size_t made = 0;
  for (const Fact& f : load.deck.facts)
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
      auto q = generator.Make(QuestionKind::MultipleChoice, f.id, seed);
      REQUIRE(q);
      ++made;
      CHECK(Violations(load.deck, *q).empty());
      for (size_t i = 0; i < q->options.size(); ++i) {
        if (static_cast<int>(i) == q->answer) continue;
        CHECK(q->options[i] != "Moscow");
        CHECK(q->options[i] != "Kazan");
        CHECK(q->options[i] != "Lipetsk");
        CHECK(q->options[i] != "Moskva");
      }
      // The other right answers are named in the explanation: this one is not the only one.
      for (const char* c : {"Moscow", "Kazan", "Lipetsk"})
        CHECK(q->explanation.find(c) != std::string::npos);
      CHECK(q->explanation.find("; also ") != std::string::npos);
    }
  CHECK(made == 120);
}

TEST_CASE("the checker catches each broken rule", "[questions][checker]") {
  const Deck deck = SeedDeck();
  QuestionGenerator generator(deck);
  // A good multiple-choice question about a single-valued fact, and one about an event.
  std::optional<Question> good;
  for (const Fact& f : deck.facts) {
    const Relation* r = deck.FindRelation(f.relation);
    if (r && r->objectType == ValueType::Entity && !r->many && f.accordingTo.empty())
      if ((good = generator.Make(QuestionKind::MultipleChoice, f.id, 7))) break;
  }
  REQUIRE(good);
  REQUIRE(Violations(deck, *good).empty());
  const Fact& fact =
      *std::find_if(deck.facts.begin(), deck.facts.end(), [&](const Fact& f) { return f.id == good->items[0]; });
  auto has = [&](const Question& q, const std::string& rule) {
    auto v = Violations(deck, q);
    return std::find(v.begin(), v.end(), rule) != v.end();
  };
  const size_t wrong = good->answer == 0 ? 1 : 0;

  Question moved = *good; // the answer index points at a distractor
  moved.answer = static_cast<int>(wrong);
  CHECK(has(moved, "answer is not true"));

  Question twice = *good; // a distractor that is the right answer again, in capitals
  std::string upper = twice.options[static_cast<size_t>(twice.answer)];
  for (char& c : upper)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  twice.options[wrong] = upper;
  CHECK(has(twice, "options not distinct"));
  CHECK(has(twice, "a distractor is true"));

  Question dotted = *good; // a name's full stop left before the question mark
  dotted.prompt.insert(dotted.prompt.size() - 1, ".");
  CHECK(has(dotted, "prompt ends badly"));

  Question told = *good; // the answer written into the question
  told.prompt += " (" + told.options[static_cast<size_t>(told.answer)] + ")";
  CHECK(has(told, "answer in prompt"));

  Question mixed = *good; // a distractor of another kind
  mixed.options[wrong] = deck.events.front().name;
  CHECK(has(mixed, "distractor of another type"));

  // A figure the sources disagree on, asked without its attribution.
  for (const Fact& f : deck.facts)
    if (!f.accordingTo.empty())
      if (auto q = generator.Make(QuestionKind::MultipleChoice, f.id, 3)) {
        q->prompt = q->prompt.substr(q->prompt.find(',') + 2);
        CHECK(has(*q, "attribution missing"));
        break;
      }

  // Date questions: the wrong precision, and an ordering with events in the wrong order.
  auto when = generator.Make(QuestionKind::When, deck.events.front().id, 1);
  REQUIRE(when);
  Question precise = *when;
  precise.options[precise.answer == 0 ? 1 : 0] =
      deck.events.front().date.precision == DatePrecision::Day ? "1922" : "16 April 1922";
  CHECK(has(precise, "date at another precision"));
  std::optional<Question> order;
  for (std::uint64_t seed = 1; !order; ++seed)
    order = generator.Make(QuestionKind::Ordering, deck.events[seed % deck.events.size()].id, seed);
  Question reversed = *order;
  std::reverse(reversed.order.begin(), reversed.order.end());
  CHECK(has(reversed, "events not told apart or out of order"));
  (void)fact;
}

TEST_CASE("no question names its answer, and no distractor is tied to the question's entity by another fact",
          "[questions][checker]") {
  // An aviation school named after its town, a test site whose agents were also tested at
  // two other places, and a school an inspector visited.
  std::string text = R"([deck]
id = "sites"
title = "Sites"
[[deck.source]]
id = "s"
title = "S"
[[relation]]
id = "near"
question = "Near which place was {subject}?"
reverse = "Which facility was near {object}?"
object = "place"
[[relation]]
id = "range"
question = "Where else were agents from {subject} tested?"
object = "place"
many = true
[[relation]]
id = "trained_at"
question = "Where did {subject} train?"
reverse = "Who trained at {object}?"
object = "facility"
[[relation]]
id = "visited"
question = "Which facility did {subject} inspect?"
object = "facility"
)";
  for (const char* place : {"Lipetsk", "Kazan", "Volsk", "Shikhany", "Orenburg", "Moscow", "Tula"})
    text += std::string("[[entity]]\nid = \"") + place + "\"\nname = \"" + place + "\"\nkind = \"place\"\n";
  for (auto [id, name] : {std::pair{"air", "Lipetsk aviation school"},
                          {"tank", "Kama tank school"},
                          {"gas", "Tomka test site"},
                          {"works", "Fili works"},
                          {"red", "Red Star works"}})
    text += std::string("[[entity]]\nid = \"") + id + "\"\nname = \"" + name + "\"\nkind = \"facility\"\n";
  for (const char* person : {"Model", "Thoma", "Guderian", "Sperrle", "Student", "Seeckt"})
    text += std::string("[[entity]]\nid = \"") + person + "\"\nname = \"" + person + "\"\nkind = \"person\"\n";
  auto fact = [&](const char* s, const char* r, const char* o) {
    text += std::string("[[fact]]\nsubject = \"") + s + "\"\nrelation = \"" + r + "\"\nobject = \"" + o +
            "\"\nsource = \"s\"\n";
  };
  fact("air", "near", "Lipetsk");
  fact("tank", "near", "Kazan");
  fact("gas", "near", "Volsk");
  fact("works", "near", "Moscow");
  fact("red", "near", "Tula");
  fact("gas", "range", "Shikhany");
  fact("gas", "range", "Orenburg");
  fact("Model", "trained_at", "tank");
  fact("Thoma", "trained_at", "tank");
  fact("Sperrle", "trained_at", "air");
  fact("Guderian", "visited", "tank");
  DeckLoad load = ParseDeck(text, "sites.toml");
  REQUIRE(load.Ok());
  const Deck& deck = load.deck;
  QuestionGenerator generator(deck);
  auto has = [&](const Question& q, const std::string& rule) {
    auto v = Violations(deck, q);
    return std::find(v.begin(), v.end(), rule) != v.end();
  };
  size_t made = 0, nearLipetsk = 0;
  for (const Fact& f : deck.facts)
    for (std::uint64_t seed = 1; seed <= 30; ++seed)
      for (QuestionKind kind : {QuestionKind::MultipleChoice, QuestionKind::MultipleChoiceReverse}) {
        auto q = generator.Make(kind, f.id, seed);
        if (!q) continue;
        ++made;
        INFO(q->prompt);
        CHECK(Violations(deck, *q).empty());
        nearLipetsk += q->prompt == "Which facility was near Lipetsk?";
        for (size_t i = 0; i < q->options.size(); ++i)
          if (static_cast<int>(i) != q->answer) {
            CHECK_FALSE((f.id == "gas.near" && (q->options[i] == "Shikhany" || q->options[i] == "Orenburg")));
            CHECK_FALSE((q->prompt == "Who trained at Kama tank school?" && q->options[i] == "Guderian"));
          }
      }
  CHECK(made > 100);
  CHECK(nearLipetsk == 0); // "Lipetsk aviation school" would be the one option naming Lipetsk

  // The checker catches both when they are written in by hand.
  auto near = generator.Make(QuestionKind::MultipleChoice, "gas.near", 1);
  REQUIRE(near);
  Question tied = *near;
  tied.options[tied.answer == 0 ? 1 : 0] = "Shikhany";
  CHECK(has(tied, "a distractor is linked to the question's entity by another fact"));
  auto reverse = generator.Make(QuestionKind::MultipleChoiceReverse, "tank.near", 1);
  REQUIRE(reverse);
  // Its wrong options name no other place ("Lipetsk aviation school" would rule itself out).
  CHECK(std::find(reverse->options.begin(), reverse->options.end(), "Lipetsk aviation school") ==
        reverse->options.end());
  Question named = *reverse;
  named.prompt = "Which facility was near Lipetsk?";
  named.options = {"Kama tank school", "Lipetsk aviation school", "Tomka test site", "Fili works"};
  named.answer = 1;
  CHECK(has(named, "the prompt names its answer"));
  auto trained = generator.Make(QuestionKind::MultipleChoiceReverse, "Model.trained_at", 2);
  REQUIRE(trained);
  Question inspector = *trained;
  inspector.options[inspector.answer == 0 ? 1 : 0] = "Guderian";
  CHECK(has(inspector, "a distractor is linked to the question's entity by another fact"));
}

TEST_CASE("a description saying much the same as the answer is not offered as wrong", "[questions]") {
  std::string deckText = "[deck]\nid = \"roles\"\ntitle = \"Roles\"\n[[deck.source]]\nid = \"s\"\ntitle = \"S\"\n"
                         "[[relation]]\nid = \"role\"\nquestion = \"Who was {subject}?\"\nobject = \"text\"\n";
  const char* roles[][2] = {{"thoma", "German general trained at Kama"},
                            {"model", "German officer trained at Kama in 1929"},
                            {"rathenau", "Foreign minister who signed at Rapallo"},
                            {"lenin", "Soviet leader during the Rapallo talks"},
                            {"tupolev", "Aircraft designer whose bureau took over Fili"},
                            {"sperrle", "Air commander trained at Lipetsk"}};
  for (auto& [id, role] : roles)
    deckText += std::string("[[entity]]\nid = \"") + id + "\"\nname = \"" + id +
                "\"\nkind = \"person\"\n"
                "[[fact]]\nsubject = \"" +
                id + "\"\nrelation = \"role\"\nobject = \"" + role + "\"\nsource = \"s\"\n";
  DeckLoad load = ParseDeck(deckText, "roles.toml");
  REQUIRE(load.Ok());
  QuestionGenerator generator(load.deck);
  for (std::uint64_t seed = 1; seed <= 30; ++seed) {
    auto q = generator.Make(QuestionKind::MultipleChoice, "thoma.role", seed);
    REQUIRE(q);
    CHECK(std::find(q->options.begin(), q->options.end(), "German officer trained at Kama in 1929") ==
          q->options.end());
  }
}

TEST_CASE("properties hold over 10,000 questions from a chronology written in every date form",
          "[questions][properties][dates]") {
  DeckLoad load = ImportCsv(test::SyntheticChronology(1200, 5, true), "chronology.csv");
  INFO((load.diagnostics.empty() ? std::string() : load.diagnostics.front().Format()));
  REQUIRE(load.Ok());
  REQUIRE(load.skippedRows == 0);
  REQUIRE(load.deck.events.size() == 1200);
  PropertyRun run = Run(load.deck, 10000);
  CheckProperties(run, 10000);
  for (const char* kind : {"when", "which-first", "ordering", "typed-year"})
    CHECK(run.byKind[kind] > 1000);
}

TEST_CASE("the checker catches dates asked unfairly", "[questions][dates]") {
  // A circa date to the century, asked against dates a few years away; a round answer
  // among unround options; typed answers accepting too much or missing the date.
  DeckLoad load = ParseDeck(R"([deck]
id = "d"
title = "D"
[[deck.source]]
id = "s"
title = "S"
[[event]]
id = "pyramid"
name = "A pyramid is built"
date = "c. 2600 BC"
source = "s"
[[event]]
id = "crash"
name = "A market crashes"
date = "1920"
source = "s"
)",
                            "d.toml");
  REQUIRE(load.Ok());
  QuestionGenerator generator(load.deck);
  auto has = [&](const Question& q, const std::string& rule) {
    auto v = Violations(load.deck, q);
    return std::find(v.begin(), v.end(), rule) != v.end();
  };
  auto circa = generator.Make(QuestionKind::When, "pyramid", 1);
  REQUIRE(circa);
  CHECK(Violations(load.deck, *circa).empty());
  for (const std::string& option : circa->options)
    CHECK((1 - ParseDate(option).date->year) % 100 == 0); // c. 2700 BC, c. 2500 BC...: other centuries
  Question near = *circa;
  near.options[near.answer == 0 ? 1 : 0] = "c. 2594 BC";
  CHECK(has(near, "distractor within the answer's range"));

  auto round = generator.Make(QuestionKind::When, "crash", 1);
  REQUIRE(round);
  CHECK(Violations(load.deck, *round).empty());
  Question giveaway = *round;
  int n = 0;
  for (size_t i = 0; i < giveaway.options.size(); ++i)
    if (static_cast<int>(i) != giveaway.answer) giveaway.options[i] = std::to_string(1917 + n++);
  CHECK(has(giveaway, "the answer is the only round option"));

  auto typed = generator.Make(QuestionKind::TypedYear, "pyramid", 1);
  REQUIRE(typed);
  CHECK(Violations(load.deck, *typed).empty());
  CHECK(YearAccepted(*typed, -2599 + 49));
  CHECK_FALSE(YearAccepted(*typed, -2599 + 50));
  CHECK(AcceptedYearsText(*typed) == "2649–2551 BC");
  Question wide = *typed;
  wide.acceptedYears = {{-2700, -2500}};
  CHECK(has(wide, "accepted years too wide"));
  Question narrow = *typed;
  narrow.acceptedYears = {{-2590, -2580}};
  CHECK(has(narrow, "accepted years miss the date"));
}

TEST_CASE("typed years accept the whole interval and say what they accepted", "[questions][dates]") {
  DeckLoad load = ImportCsv("date,event\nbetween 47 and 50,London is founded\n2334 or 2270 BCE,An empire is founded\n"
                            "c. 1921,A school opens\n",
                            "t.csv");
  REQUIRE(load.Ok());
  QuestionGenerator generator(load.deck);
  auto judge = [&](const std::string& id, const std::string& given) {
    auto q = generator.Make(QuestionKind::TypedYear, id, 1);
    REQUIRE(q);
    return JudgeYear(*q, given);
  };
  CHECK(judge("london-is-founded", "48").correct);
  CHECK(judge("london-is-founded", "AD 50").correct);
  CHECK_FALSE(judge("london-is-founded", "51").correct);
  CHECK(judge("london-is-founded", "51").rightAnswer == "between 47 and 50 (accepted: 47–50)");
  CHECK(judge("an-empire-is-founded", "2270 BC").correct);
  CHECK(judge("an-empire-is-founded", "2334 BC").correct);
  CHECK_FALSE(judge("an-empire-is-founded", "2300 BC").correct);
  CHECK(judge("an-empire-is-founded", "1").rightAnswer == "2334 or 2270 BC (accepted: 2334 BC or 2270 BC)");
  CHECK(judge("a-school-opens", "1923").correct);
  CHECK_FALSE(judge("a-school-opens", "1924").correct);
  CHECK_FALSE(judge("a-school-opens", "1920s").correct); // one year is asked for
}

namespace {
DeckLoad Capitals() { return LoadDeckFile(std::string(FACTDECK_SOURCE_DIR) + "/tests/data/capitals.csv"); }
} // namespace

TEST_CASE("a term list is asked as multiple choice both ways, never with a second right option", "[questions][cards]") {
  DeckLoad load = Capitals();
  REQUIRE(load.Ok());
  const Deck& deck = load.deck;
  QuestionGenerator generator(deck);
  auto id = [&](const std::string& front) {
    for (const Card& c : deck.cards)
      if (c.front == front) return c.id;
    return std::string();
  };
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    auto forward = generator.Make(QuestionKind::MultipleChoice, id("England"), seed);
    REQUIRE(forward);
    CHECK(forward->prompt == "England");
    CHECK(forward->options[static_cast<size_t>(forward->answer)] == "London");
    // "England → London" and "United Kingdom → London": never offered against each other.
    auto reverse = generator.Make(QuestionKind::MultipleChoiceReverse, id("England"), seed);
    REQUIRE(reverse);
    CHECK(reverse->prompt == "London");
    CHECK(std::count(reverse->options.begin(), reverse->options.end(), "United Kingdom") == 0);
    // Same script: Cyrillic capitals against Cyrillic ones.
    auto russian = generator.Make(QuestionKind::MultipleChoice, id("Россия"), seed);
    REQUIRE(russian);
    for (const std::string& option : russian->options)
      CHECK(static_cast<unsigned char>(option[0]) >= 0xD0);
  }
  // The answer in the prompt, or the prompt in the answer: no question.
  CHECK_FALSE(generator.Make(QuestionKind::MultipleChoice, id("Djibouti"), 1));
  CHECK_FALSE(generator.Make(QuestionKind::MultipleChoice, id("São Tomé and Príncipe"), 1));
  CHECK_FALSE(generator.Make(QuestionKind::MultipleChoiceReverse, id("São Tomé and Príncipe"), 1));
  CHECK(generator.Make(QuestionKind::Flashcard, id("Djibouti"), 1));
}

TEST_CASE("properties hold over 10,000 questions from a term list", "[questions][properties][cards]") {
  DeckLoad load = Capitals();
  REQUIRE(load.Ok());
  PropertyRun run = Run(load.deck, 10000);
  CheckProperties(run, 10000);
  CHECK(run.byKind["multiple-choice"] > 1000);
  CHECK(run.byKind["multiple-choice-reverse"] > 1000);
}

TEST_CASE("properties hold over 10,000 questions from a table of countries", "[questions][properties][table]") {
  DeckLoad load = LoadDeckFile(std::string(FACTDECK_SOURCE_DIR) + "/tests/data/countries.csv");
  REQUIRE(load.Ok());
  PropertyRun run = Run(load.deck, 10000);
  CheckProperties(run, 10000);
  CHECK(run.byKind["multiple-choice"] > 3000);
  CHECK(run.byKind["multiple-choice-reverse"] > 1000);
  // "Which country is in Europe?" never offers a second European country, and
  // "Djibouti" is never asked for Djibouti: the checker has seen every question.
  QuestionGenerator generator(load.deck);
  CHECK_FALSE(generator.Make(QuestionKind::MultipleChoice, "djibouti.capital", 1));
  auto europe = generator.Make(QuestionKind::MultipleChoiceReverse, "france.continent", 2);
  REQUIRE(europe);
  int european = 0;
  for (const std::string& option : europe->options)
    for (const Fact& f : load.deck.facts)
      if (f.relation == "continent" && f.object.entity == "europe" && load.deck.NameOf(f.subject) == option) ++european;
  CHECK(european == 1);
}

TEST_CASE("the checker catches card questions with a second right option or another script", "[questions][cards]") {
  DeckLoad load = Capitals();
  REQUIRE(load.Ok());
  QuestionGenerator generator(load.deck);
  std::string england;
  for (const Card& c : load.deck.cards)
    if (c.front == "England") england = c.id;
  auto reverse = generator.Make(QuestionKind::MultipleChoiceReverse, england, 3);
  REQUIRE(reverse);
  CHECK(Violations(load.deck, *reverse).empty());
  const size_t wrong = reverse->answer == 0 ? 1 : 0;
  auto has = [&](const Question& q, const std::string& rule) {
    auto v = Violations(load.deck, q);
    return std::find(v.begin(), v.end(), rule) != v.end();
  };
  Question twoRight = *reverse;
  twoRight.options[wrong] = "United Kingdom";
  CHECK(has(twoRight, "a distractor is true"));
  Question script = *reverse;
  script.options[wrong] = "Россия";
  CHECK(has(script, "distractor in another script"));
  Question stranger = *reverse;
  stranger.options[wrong] = "Atlantis";
  CHECK(has(stranger, "distractor of another type"));
}

TEST_CASE("card_directions turns either way of asking cards off", "[questions][cards]") {
  auto deckWith = [](const std::string& directions) {
    std::string text = "[deck]\nid = \"d\"\ntitle = \"D\"\n" + directions + "\n";
    for (const char* pair : {"Paris|France", "Rome|Italy", "Madrid|Spain", "Lisbon|Portugal", "Vienna|Austria"}) {
      std::string p = pair;
      text += "[[card]]\nfront = \"" + p.substr(0, p.find('|')) + "\"\nback = \"" + p.substr(p.find('|') + 1) + "\"\n";
    }
    return ParseDeck(text, "d.toml");
  };
  auto count = [](const DeckLoad& load, QuestionKind kind) {
    return QuestionGenerator(load.deck).Candidates(kind).size();
  };
  DeckLoad both = deckWith(""), forward = deckWith("card_directions = [\"forward\"]"),
           none = deckWith("card_directions = []"), bad = deckWith("card_directions = [\"sideways\"]");
  REQUIRE(both.Ok());
  CHECK(count(both, QuestionKind::MultipleChoice) == 5);
  CHECK(count(both, QuestionKind::MultipleChoiceReverse) == 5);
  CHECK(count(forward, QuestionKind::MultipleChoice) == 5);
  CHECK(count(forward, QuestionKind::MultipleChoiceReverse) == 0);
  CHECK(count(none, QuestionKind::MultipleChoice) == 0);
  CHECK(count(none, QuestionKind::Flashcard) == 5);
  REQUIRE_FALSE(bad.Ok());
  CHECK_THAT(bad.diagnostics[0].message, Catch::Contains("card_directions takes \"forward\""));
  DeckLoad again = ParseDeck(FormatDeckToml(forward.deck), "again.toml");
  CHECK(again.deck.cardsForward);
  CHECK_FALSE(again.deck.cardsReverse);
}

TEST_CASE("one quiz asks about each item once, whatever the kind: no question gives another away", "[questions]") {
  const Deck deck = SeedDeck();
  QuestionGenerator generator(deck);
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    const auto questions = QuizOf(generator, 300, seed);
    REQUIRE(questions.size() > 100);
    std::set<std::string> items;
    for (const Question& q : questions) {
      INFO(q.key);
      CHECK(items.insert(q.card).second); // an event's "when" and then its typed year: never
    }
  }
}

namespace {
// A multiple-choice or when question as a quiz would show it.
Question Asking(QuestionKind kind, std::string prompt, std::vector<std::string> options, int answer,
                std::string explanation = {}) {
  Question q;
  q.kind = kind;
  q.prompt = std::move(prompt);
  q.options = std::move(options);
  q.answer = answer;
  q.explanation = std::move(explanation);
  return q;
}
} // namespace

TEST_CASE("what an earlier question showed gives a later one away only when it shows both its subject and answer",
          "[questions][siblings]") {
  Question card;
  card.kind = QuestionKind::Flashcard;
  card.prompt = "When did the Kama tank school open?";
  card.answerText = "1929";
  const Revealed shown = RevealedBy(card);
  Question when;
  when.kind = QuestionKind::When;
  when.prompt = "In which year did the Kama tank school begin work?";
  when.options = {"1927", "1929", "1931", "1933"};
  when.answer = 1;
  CHECK(GivenAway(when, shown));
  when.prompt = "When did this happen: The Kama tank school begins work?"; // as the generator asks
  CHECK(GivenAway(when, shown));
  when.answer = 2; // another answer: the card said nothing about 1931
  CHECK_FALSE(GivenAway(when, shown));
  Question other = when;
  other.prompt = "In which year did the Lipetsk aviation school open?";
  other.answer = 1; // the same year, another subject
  CHECK_FALSE(GivenAway(other, shown));
  // A person named by a description that says where they trained, then asked for by it.
  Question who = Asking(QuestionKind::MultipleChoiceReverse, "Who was Hugo Sperrle?",
                        {"Commander at Kama", "Airman trained at Lipetsk", "Chemist at Tomka", "Envoy in Moscow"}, 1,
                        "Sperrle trained at the Lipetsk aviation school.");
  Question trained =
      Asking(QuestionKind::MultipleChoice, "Where did Hugo Sperrle train?", {"Kama", "Lipetsk", "Tomka", "Fili"}, 1);
  CHECK(GivenAway(trained, RevealedBy(who)));
  trained.prompt = "Where did Heinz Guderian train?";
  CHECK_FALSE(GivenAway(trained, RevealedBy(who))); // the name asked about was not shown
  trained.prompt = "Where did he train?";
  CHECK_FALSE(GivenAway(trained, RevealedBy(who))); // one word of what it asks about is not enough
  // Two tanks told apart by their numbers: the first one's place does not give the second's.
  Question t35 =
      Asking(QuestionKind::MultipleChoice, "Where was the T-35 tested?", {"Kama", "Kazan", "Moscow", "Kharkiv"}, 0);
  Question t28 = t35;
  t28.prompt = "Where was the T-28 tested?";
  CHECK_FALSE(GivenAway(t28, RevealedBy(t35)));
  CHECK(GivenAway(t35, RevealedBy(t35)));
  // What a question is about, named beside its answer in an explanation worded otherwise.
  Question service = Asking(QuestionKind::MultipleChoice, "From which year did the I-7 serve in the Soviet Air Force?",
                            {"1929", "1930", "1931", "1932"}, 2);
  const Question licence =
      Asking(QuestionKind::When, "When did this happen: The licence-built type enters service?",
             {"1929", "1930", "1931", "1932"}, 2, "The licence-built type enters service as the I-7 (1931)");
  CHECK_FALSE(GivenAway(service, RevealedBy(licence))); // "Air Force" was never shown
  service.about = "I-7";
  CHECK(GivenAway(service, RevealedBy(licence)));
  service.answer = 1; // 1930 was not shown beside it
  CHECK_FALSE(GivenAway(service, RevealedBy(licence)));
  // A count shown in words beside the name asked about, the thing counted worded otherwise.
  Question arrival = Asking(QuestionKind::Ordering, "Put these in the order they happened, earliest first.",
                            {"Fifty Fokker fighters for Lipetsk reach Leningrad by ship", "The Ruhr is occupied"}, -1);
  Question batch = Asking(QuestionKind::MultipleChoice, "How many aircraft came in the first batch for the school?",
                          {"20 aircraft", "35 aircraft", "50 aircraft", "80 aircraft"}, 2);
  CHECK_FALSE(GivenAway(batch, RevealedBy(arrival))); // nothing says what it is about
  batch.about = "Lipetsk aviation school";
  batch.aboutName = "lipetsk";
  CHECK(GivenAway(batch, RevealedBy(arrival)));
  batch.answer = 3; // 80 was not shown
  CHECK_FALSE(GivenAway(batch, RevealedBy(arrival)));
  batch.answer = 2;
  batch.about = "Kama tank school"; // 50 was shown, but beside another name
  batch.aboutName = "kama";
  CHECK_FALSE(GivenAway(batch, RevealedBy(arrival)));
  // A statement about a person, shown earlier in other words beside the person's name.
  // "Who was NAME?", the second of four descriptions right.
  auto whoWas = [](const std::string& name, const std::string& key, const std::string& right) {
    Question q = Asking(QuestionKind::MultipleChoice, "Who was " + name + "?",
                        {"Envoy in Berlin", right, "Chemist at Tomka", "Head of the Kama school"}, 1);
    q.about = name;
    q.aboutName = key;
    return q;
  };
  Question rohm = whoWas("Ernst Röhm", "rohm", "His group occupied the military headquarters in Munich in 1923");
  const Question putsch =
      Asking(QuestionKind::WhichFirst, "Which came first?",
             {"Röhm's group occupies the military headquarters in Munich", "The Ruhr is occupied"}, 0,
             "Röhm's group occupies the military headquarters in Munich (8 November 1923) came before ...");
  CHECK(GivenAway(rohm, RevealedBy(putsch)));
  rohm.about = "Heinz Guderian"; // the same words, about somebody else
  rohm.aboutName = "guderian";
  CHECK_FALSE(GivenAway(rohm, RevealedBy(putsch)));
  rohm.about = "Ernst Röhm";
  rohm.aboutName = "rohm";
  rohm.answer = 3; // a statement the earlier question did not make
  CHECK_FALSE(GivenAway(rohm, RevealedBy(putsch)));
  // The same statement with its verbs in other forms ("reports" shown, "reported" asked).
  Question blomberg = whoWas("Werner von Blomberg", "blomberg",
                             "General who reported late in 1928 that the Soviets were pressing for the results");
  const Question report =
      Asking(QuestionKind::Ordering, "Put these in the order they happened, earliest first.",
             {"Blomberg reports that the Soviets press for test results", "The Ruhr is occupied"}, -1,
             "In order: The Ruhr is occupied (1923); Blomberg reports that the Soviets press for test results (1928)");
  CHECK(GivenAway(blomberg, RevealedBy(report)));
  blomberg.answer = 3;
  CHECK_FALSE(GivenAway(blomberg, RevealedBy(report)));
  // An ordering's answer is an order: nothing earlier gives it away as text.
  Question ordering;
  ordering.kind = QuestionKind::Ordering;
  ordering.prompt = card.prompt;
  ordering.options = {"1929"};
  ordering.order = {0};
  CHECK_FALSE(GivenAway(ordering, shown));
}

TEST_CASE("a quiz never asks what an earlier question of it showed", "[questions][siblings]") {
  const DeckLoad load = LoadDeckFile(std::string(FACTDECK_SOURCE_DIR) + "/tests/data/given-away.toml");
  REQUIRE(load.Ok());
  const Deck& deck = load.deck;
  QuestionGenerator generator(deck);
  auto asksKamaYear = [](const Question& q) {
    return q.card == "kama-opens" && (q.kind == QuestionKind::When || q.kind == QuestionKind::TypedYear);
  };
  int kamaCard = 0, kamaYear = 0, both = 0, cardWithOtherYear = 0;
  for (std::uint64_t seed = 1; seed <= 300; ++seed) {
    QuestionRequest request;
    request.count = 6;
    request.seed = seed;
    // The kinds take turns in the order given: the card asked first half of the time.
    request.kinds = {QuestionKind::Flashcard, QuestionKind::TypedYear};
    if (seed % 2 == 0) std::swap(request.kinds[0], request.kinds[1]);
    bool card = false, year = false, lipetskYear = false;
    for (const Question& q : generator.Generate(request)) {
      card = card || q.card == "kama-card";
      year = year || asksKamaYear(q);
      lipetskYear = lipetskYear || (q.card == "lipetsk-opens" && q.kind == QuestionKind::TypedYear);
    }
    kamaCard += card;
    kamaYear += year;
    both += card && year;
    cardWithOtherYear += card && lipetskYear;
  }
  CHECK(kamaCard > 0);
  CHECK(kamaYear > 0);
  CHECK(both == 0);
  CHECK(cardWithOtherYear > 0); // an unrelated year is still asked beside the card
}

TEST_CASE("a figure is attributed to a source's author, or to the document by its kind and title",
          "[questions][attribution]") {
  const DeckLoad load = ParseDeck(R"([deck]
id = "rome"
title = "Rome"
[[deck.source]]
id = "suet"
title = "The Twelve Caesars"
author = "Suetonius"
[[deck.source]]
id = "leaflet"
title = "Rome in a day"
kind = "museum leaflet"
[[entity]]
id = "rome"
name = "Rome"
kind = "city"
[[relation]]
id = "hills"
subject = "city"
object = "number"
question = "How many hills does {subject} have?"
[[fact]]
subject = "rome"
relation = "hills"
object = 7
source = "suet"
according_to = "suet"
[[fact]]
subject = "rome"
relation = "hills"
object = 8
source = "leaflet"
according_to = "Rome in a day"
)",
                                  "rome.toml");
  REQUIRE(load.Ok());
  const Deck& deck = load.deck;
  CHECK(deck.Attribution("suet") == "Suetonius");
  CHECK(deck.Attribution("leaflet") == "the museum leaflet \u201CRome in a day\u201D");
  CHECK(deck.Attribution("a guide, citing Livy") == "a guide, citing Livy");
  CHECK(deck.Citation("suet") == "Suetonius, \u201CThe Twelve Caesars\u201D");
  CHECK(deck.Citation("leaflet") == "\u201CRome in a day\u201D (museum leaflet)");
  // The second fact names the leaflet by its title: check says to write its id.
  bool warned = false;
  for (const Diagnostic& d : load.diagnostics)
    warned = warned ||
             (d.severity == Severity::Warning && d.message.find("names the source 'leaflet'") != std::string::npos);
  CHECK(warned);
  QuestionGenerator generator(deck);
  auto q = generator.Make(QuestionKind::MultipleChoice, deck.facts[0].id, 1);
  REQUIRE(q);
  CHECK(q->prompt == "According to Suetonius, how many hills does Rome have?");
  CHECK(q->explanation.find("(according to Suetonius)") != std::string::npos);
  CHECK(q->source == "Suetonius, \u201CThe Twelve Caesars\u201D");
}

TEST_CASE("facts no question asks are listed with why", "[questions][unasked]") {
  const DeckLoad load = ParseDeck(R"([deck]
id = "planes"
title = "Planes"
[[deck.source]]
id = "s"
title = "S"
[[entity]]
id = "junkers"
name = "Junkers"
kind = "company"
[[entity]]
id = "f13"
name = "Junkers F 13"
kind = "aircraft"
[[entity]]
id = "d13"
name = "Fokker D.XIII"
kind = "aircraft"
[[entity]]
id = "fokker"
name = "Fokker"
kind = "company"
[[relation]]
id = "made_by"
subject = "aircraft"
object = "company"
question = "Which company made the {subject}?"
[[relation]]
id = "nickname"
subject = "aircraft"
object = "text"
question = "What was the {subject} called by its pilots?"
[[fact]]
subject = "f13"
relation = "made_by"
object = "junkers"
source = "s"
[[fact]]
subject = "d13"
relation = "nickname"
object = "the Dutchman"
source = "s"
)",
                                  "planes.toml");
  REQUIRE(load.Ok());
  const auto unasked = UnaskedFacts(load.deck);
  REQUIRE(unasked.size() == 2);
  CHECK(unasked[0].fact->id == "f13.made_by");
  CHECK(unasked[0].reason.find("its answer stands in the question") == 0);
  CHECK(unasked[0].reason.find("no reverse question") != std::string::npos);
  CHECK(unasked[1].fact->id == "d13.nickname");
  CHECK(unasked[1].reason.find("only 1 value of 'nickname'") == 0);
  // The seed deck: every fact either asked or listed, never both.
  const Deck seed = test::SeedDeck();
  QuestionGenerator generator(seed);
  for (const UnaskedFact& u : UnaskedFacts(seed)) {
    CHECK_FALSE(u.reason.empty());
    CHECK_FALSE(generator.Make(QuestionKind::MultipleChoice, u.fact->id, 2));
  }
}

TEST_CASE("a free-text option that names what the subject is linked to is never offered against it",
          "[questions][free-text]") {
  const DeckLoad load = ParseDeck(R"([deck]
id = "generals"
title = "Generals"
[[deck.source]]
id = "s"
title = "S"
[[entity]]
id = "kama"
name = "Kama tank school"
kind = "school"
[[entity]]
id = "lipetsk"
name = "Lipetsk flying school"
kind = "school"
[[entity]]
id = "anna"
name = "Anna Adler"
kind = "person"
[[entity]]
id = "bruno"
name = "Bruno Berg"
kind = "person"
[[entity]]
id = "clara"
name = "Clara Cramer"
kind = "person"
[[entity]]
id = "dora"
name = "Dora Dietz"
kind = "person"
[[entity]]
id = "emil"
name = "Emil Engel"
kind = "person"
[[relation]]
id = "trained_at"
subject = "person"
object = "school"
question = "Where did {subject} train?"
[[relation]]
id = "described"
subject = "person"
object = "text"
question = "Who was {subject}?"
reverse = "Who was the {object}?"
[[fact]]
subject = "anna"
relation = "trained_at"
object = "kama"
source = "s"
[[fact]]
subject = "anna"
relation = "described"
object = "Officer who later led an army"
source = "s"
[[fact]]
subject = "bruno"
relation = "described"
object = "General trained at Kama"
source = "s"
[[fact]]
subject = "clara"
relation = "described"
object = "Engineer who designed engines"
source = "s"
[[fact]]
subject = "dora"
relation = "described"
object = "Diplomat who signed the treaty"
source = "s"
[[fact]]
subject = "emil"
relation = "described"
object = "Pilot trained at Lipetsk"
source = "s"
)",
                                  "generals.toml");
  REQUIRE(load.Ok());
  const Deck& deck = load.deck;
  QuestionGenerator generator(deck);
  int made = 0;
  for (std::uint64_t seed = 1; seed <= 30; ++seed) {
    // "Who was Anna Adler?": Anna trained at Kama, so "General trained at Kama" may be true of her.
    if (auto q = generator.Make(QuestionKind::MultipleChoice, "anna.described", seed)) {
      ++made;
      CHECK(std::find(q->options.begin(), q->options.end(), "General trained at Kama") == q->options.end());
      CHECK(test::Violations(deck, *q).empty());
    }
    // "Who was the general trained at Kama?": Anna is never offered as a wrong answer.
    if (auto q = generator.Make(QuestionKind::MultipleChoiceReverse, "bruno.described", seed))
      CHECK(std::find(q->options.begin(), q->options.end(), "Anna Adler") == q->options.end());
  }
  CHECK(made > 0);
  // The checker's failing example: the same question with that option put back.
  auto q = generator.Make(QuestionKind::MultipleChoice, "anna.described", 1);
  REQUIRE(q);
  Question broken = *q;
  broken.options[q->answer == 0 ? 1 : 0] = "General trained at Kama";
  const auto v = test::Violations(deck, broken);
  CHECK(std::find(v.begin(), v.end(), "a distractor may be true of the subject") != v.end());
}

TEST_CASE("check warns of free texts that could be a second right answer", "[questions][free-text]") {
  const DeckLoad load = ParseDeck(R"([deck]
id = "airmen"
title = "Airmen"
[[deck.source]]
id = "s"
title = "S"
[[entity]]
id = "lipetsk"
name = "Lipetsk flying school"
kind = "school"
[[entity]]
id = "anna"
name = "Anna Adler"
kind = "person"
[[entity]]
id = "bruno"
name = "Bruno Berg"
kind = "person"
[[entity]]
id = "clara"
name = "Clara Cramer"
kind = "person"
[[relation]]
id = "trained_at"
subject = "person"
object = "school"
question = "Where did {subject} train?"
[[relation]]
id = "described"
subject = "person"
object = "text"
question = "Who was {subject}?"
[[fact]]
subject = "anna"
relation = "trained_at"
object = "lipetsk"
source = "s"
[[fact]]
subject = "bruno"
relation = "trained_at"
object = "lipetsk"
source = "s"
[[fact]]
subject = "anna"
relation = "described"
object = "Later famous airman trained at Lipetsk"
source = "s"
[[fact]]
subject = "bruno"
relation = "described"
object = "Later famous pilot who trained at Lipetsk"
source = "s"
[[fact]]
subject = "clara"
relation = "described"
object = "Engineer who designed engines for the school"
source = "s"
)",
                                  "airmen.toml");
  REQUIRE(load.Ok());
  const auto warnings = FreeTextWarnings(load.deck);
  std::string all;
  for (const Diagnostic& d : warnings)
    all += d.Format() + "\n";
  INFO(all);
  // Anna's and Bruno's descriptions say much the same, and each names the school the other
  // trained at; Clara's names nothing linked to anyone else.
  CHECK(all.find("says much the same as what line") != std::string::npos);
  CHECK(all.find("'Later famous airman trained at Lipetsk' names Lipetsk flying school, which the deck links to 1 "
                 "other entity of kind 'person'") != std::string::npos);
  CHECK(all.find("'Later famous pilot who trained at Lipetsk' names Lipetsk flying school") != std::string::npos);
  CHECK(all.find("Engineer") == std::string::npos);
  for (const Diagnostic& d : warnings) {
    CHECK(d.severity == Severity::Warning);
    CHECK(d.file == "airmen.toml");
    CHECK(d.pos.line > 0);
  }
}
