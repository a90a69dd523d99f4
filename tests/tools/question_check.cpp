// question_check DECK [COUNT]: generates COUNT questions (default 10,000) from any deck or
// CSV and runs each through the independent question checker, printing how many broke
// each rule with an example. For trying the generator on content FactDeck did not write.
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <unordered_map>

#include "core/deck/deck.h"
#include "core/import/deck_file.h"
#include "core/questions/question_checker.h"
#include "core/questions/questions.h"

using namespace factdeck;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: question_check DECK [COUNT]\n");
    return 2;
  }
  const size_t wanted = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 10000;
  DeckLoad load = LoadDeckFile(argv[1]);
  if (!load.Ok()) {
    for (const Diagnostic& d : load.diagnostics)
      std::fprintf(stderr, "%s\n", d.Format().c_str());
    return 1;
  }
  QuestionGenerator generator(load.deck);
  std::unordered_map<std::string, const Fact*> facts;
  for (const Fact& f : load.deck.facts)
    facts.emplace(f.id, &f);
  size_t questions = 0;
  std::map<std::string, size_t> byKind, broken;
  // Where the answer stands among options shown in order (dates and numbers): 0 lowest.
  size_t atPlace[4] = {0, 0, 0, 0};
  std::map<std::string, std::string> examples;
  for (std::uint64_t seed = 1; questions < wanted && seed < 100000; ++seed) {
    QuestionRequest request;
    request.count = 500;
    request.seed = seed;
    const std::vector<Question> quiz = generator.Generate(request);
    QuestionRequest classSized = request; // the variety rule is for a quiz of a lesson's size
    classSized.count = 24;
    for (const std::string& rule : test::QuizViolations(load.deck, generator.Generate(classSized))) {
      ++broken[rule];
      examples.emplace(rule, "seed " + std::to_string(seed));
    }
    for (const Question& q : quiz) {
      ++questions;
      const auto found = q.items.empty() ? facts.end() : facts.find(q.items[0]);
      const Fact* fact = found == facts.end() ? nullptr : found->second;
      const bool ordered = q.kind == QuestionKind::When ||
                           (fact && q.kind == QuestionKind::MultipleChoice && fact->object.type != ValueType::Entity &&
                            fact->object.type != ValueType::Text && fact->object.type != ValueType::Picture);
      if (ordered && q.answer >= 0 && q.answer < 4) ++atPlace[q.answer];
      ++byKind[QuestionKindName(q.kind)];
      for (const std::string& rule : test::Violations(load.deck, q)) {
        ++broken[rule];
        if (examples.count(rule) == 0) {
          std::string text = q.prompt;
          for (const std::string& o : q.options)
            text += " | " + o;
          examples[rule] = text;
        }
      }
    }
  }
  std::printf("%zu questions from %s\n", questions, argv[1]);
  for (const auto& [kind, n] : byKind)
    std::printf("  %-24s %zu\n", kind.c_str(), n);
  const size_t placed = atPlace[0] + atPlace[1] + atPlace[2] + atPlace[3];
  if (placed > 0)
    std::printf("answer's place among %zu date and number options shown in order: lowest %.1f %%, 2nd %.1f %%, "
                "3rd %.1f %%, highest %.1f %% (chance: 25 %% each)\n",
                placed, 100.0 * atPlace[0] / placed, 100.0 * atPlace[1] / placed, 100.0 * atPlace[2] / placed,
                100.0 * atPlace[3] / placed);
  for (const auto& [rule, n] : broken)
    std::printf("BROKEN %-40s %zu  e.g. %s\n", rule.c_str(), n, examples[rule].c_str());
  if (broken.empty()) std::printf("no rule broken\n");
  return broken.empty() ? 0 : 1;
}
