// Question generation speed: questions per second on the seed deck (target 100,000/s) and
// the time per question on a 100,000-fact deck and a 100,000-card deck (target 1 ms).
#include <benchmark/benchmark.h>

#include <fstream>

#include "core/base/paths.h"
#include "core/import/csv.h"
#include "core/import/deck_file.h"
#include "core/questions/questions.h"
#include "support/synthetic_deck.h"

namespace {

using namespace factdeck;

// Makes questions of every kind about random items, as a study session asks for them.
void AskRandomItems(benchmark::State& state, const Deck& deck) {
  QuestionGenerator generator(deck);
  std::vector<std::pair<QuestionKind, std::string>> items;
  for (QuestionKind kind : AllQuestionKinds())
    for (const std::string& item : generator.Candidates(kind))
      items.emplace_back(kind, item);
  Random random(9);
  size_t made = 0, asked = 0;
  for (auto _ : state) {
    const auto& [kind, item] = items[random.Below(items.size())];
    auto q = generator.Make(kind, item, random.Next());
    made += q.has_value();
    ++asked;
    benchmark::DoNotOptimize(q);
  }
  state.SetItemsProcessed(static_cast<int64_t>(asked));
  state.counters["built"] = static_cast<double>(made) / static_cast<double>(asked);
}

void BM_QuestionsSeedDeck(benchmark::State& state) {
  DeckLoad load = LoadDeckFile((BundledDeckDirs().back() / "german-soviet-military-cooperation.toml").string());
  AskRandomItems(state, load.deck);
}
BENCHMARK(BM_QuestionsSeedDeck)->Unit(benchmark::kMicrosecond);

void BM_Questions100kFacts(benchmark::State& state) {
  static const DeckLoad load = ParseDeck(test::SyntheticDeckToml({100000, 10000, 1000, 1}), "large.toml");
  AskRandomItems(state, load.deck);
}
BENCHMARK(BM_Questions100kFacts)->Unit(benchmark::kMicrosecond);

// A term list of 100,000 cards: multiple choice both ways and flashcards (target 1 ms).
void BM_Questions100kCards(benchmark::State& state) {
  static const DeckLoad load = ParseDeck(test::SyntheticDeckToml({0, 0, 100000, 1}), "cards.toml");
  AskRandomItems(state, load.deck);
}
BENCHMARK(BM_Questions100kCards)->Unit(benchmark::kMicrosecond);

// The same with an English side the lexicon knows (WordNet's nouns and verbs as fronts), so
// that each card's word classes are looked up: the first 1,000 questions after opening the
// deck, when most candidates' classes are not yet known (target 1 ms).
void BM_Questions100kEnglishCards(benchmark::State& state) {
  static const DeckLoad load = [] {
    std::string csv = "English,Translation\n";
    size_t cards = 0;
    for (const char* file : {"/usr/share/wordnet/index.noun", "/usr/share/wordnet/index.verb"}) {
      std::ifstream in(file);
      std::string line;
      while (cards < 100000 && std::getline(in, line)) {
        if (line.empty() || line[0] == ' ' || line.find('_') < line.find(' ')) continue;
        csv += line.substr(0, line.find(' ')) + ",palabra " + std::to_string(++cards) + "\n";
      }
    }
    return ImportCsv(csv, "english.csv");
  }();
  AskRandomItems(state, load.deck);
}
BENCHMARK(BM_Questions100kEnglishCards)->Unit(benchmark::kMicrosecond)->Iterations(1000);

void BM_GenerateQuiz20SeedDeck(benchmark::State& state) {
  DeckLoad load = LoadDeckFile((BundledDeckDirs().back() / "german-soviet-military-cooperation.toml").string());
  QuestionGenerator generator(load.deck);
  std::uint64_t seed = 1;
  for (auto _ : state) {
    QuestionRequest request;
    request.count = 20;
    request.seed = seed++;
    benchmark::DoNotOptimize(generator.Generate(request));
  }
}
BENCHMARK(BM_GenerateQuiz20SeedDeck)->Unit(benchmark::kMicrosecond);

// A quiz as long as a day's study queue (200) from the 100,000-fact deck: each question is
// checked against what the ones before it showed (GivenAway), and no item is asked twice.
void BM_GenerateQuiz200_100kFacts(benchmark::State& state) {
  static const DeckLoad load = ParseDeck(test::SyntheticDeckToml({100000, 10000, 1000, 1}), "large.toml");
  static const QuestionGenerator generator(load.deck);
  std::uint64_t seed = 1;
  for (auto _ : state) {
    QuestionRequest request;
    request.count = 200;
    request.seed = seed++;
    benchmark::DoNotOptimize(generator.Generate(request));
  }
}
BENCHMARK(BM_GenerateQuiz200_100kFacts)->Unit(benchmark::kMillisecond);

// Building the generator's index for the 100,000-fact deck (once per opened deck).
void BM_GeneratorIndex100kFacts(benchmark::State& state) {
  static const DeckLoad load = ParseDeck(test::SyntheticDeckToml({100000, 10000, 1000, 1}), "large.toml");
  for (auto _ : state)
    benchmark::DoNotOptimize(QuestionGenerator(load.deck));
}
BENCHMARK(BM_GeneratorIndex100kFacts)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
