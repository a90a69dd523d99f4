// factdeck check FILE...: validates facts files and prints what they can make.
#include <iostream>
#include <unordered_map>

#include "cli/commands.h"
#include "core/deck/deck.h"
#include "core/import/deck_file.h"
#include "core/questions/questions.h"

namespace factdeck::cli {

namespace {

void PrintSummary(const Deck& deck, std::ostream& out) {
  DeckSummary s = Summarize(deck);
  QuestionCapacity q = EstimateCapacity(deck);
  out << deck.file << ": " << (deck.title.empty() ? deck.id : deck.title) << '\n'
      << "  " << s.sources << " sources, " << s.entities << " entities, " << s.events << " events, " << s.relations
      << " relations, " << s.facts << " facts, " << s.cards << " cards, " << s.choices << " written questions\n"
      << "  questions: multiple-choice " << q.multipleChoice << ", multiple-choice-reverse " << q.multipleChoiceReverse
      << ", when " << q.when << ", ordering " << q.ordering << " events, which-first " << q.whichFirst
      << " events, typed-year " << q.typedYear << ", flashcard " << q.flashcard << '\n';
}

// Facts and events no question asks, with why: all of them with --explain, else how many.
constexpr size_t kMaxFactsToExplainUnasked = 20000; // items; beyond this only --explain looks (it takes a while)

void PrintUnasked(const Deck& deck, const QuestionGenerator& generator, bool explain, std::ostream& out) {
  if (!explain && deck.facts.size() + deck.events.size() > kMaxFactsToExplainUnasked) return;
  const std::vector<UnaskedFact> unasked = UnaskedFacts(deck, generator);
  const std::vector<UnaskedEvent> events = UnaskedEvents(deck, generator);
  if (unasked.empty() && events.empty()) return;
  auto count = [&] {
    std::string text;
    if (!unasked.empty()) text = std::to_string(unasked.size()) + (unasked.size() == 1 ? " fact" : " facts");
    if (!events.empty())
      text += (text.empty() ? "" : ", ") + std::to_string(events.size()) + (events.size() == 1 ? " event" : " events");
    return text;
  };
  if (!explain) {
    out << "  never asked: " << count() << " (factdeck check --explain lists them and why)\n";
    return;
  }
  for (const UnaskedFact& u : unasked)
    out << deck.file << ':' << u.fact->pos.line << ':' << u.fact->pos.column << ": note: fact " << '\'' << u.fact->id
        << "' is never asked: " << u.reason << '\n';
  for (const UnaskedEvent& u : events)
    out << deck.file << ':' << u.event->pos.line << ':' << u.event->pos.column << ": note: event " << '\''
        << u.event->id << "' is never asked: " << u.reason << '\n';
  out << "  never asked: " << count() << '\n';
}

// What each item can be asked as: one line per item (`ITEM: kind, kind`), "never asked"
// when none; then how many items yield at least one question. An item yields a kind when
// the generator asks it so (QuestionGenerator::Asks), every rule of fairness applied, so
// two runs (or a deck before and after an edit) can be compared line by line.
void PrintYield(const Deck& deck, const QuestionGenerator& generator, std::ostream& out) {
  std::vector<std::string> order; // items in the order first seen (deck order per kind)
  std::unordered_map<std::string, std::vector<QuestionKind>> kinds;
  for (QuestionKind kind : AllQuestionKinds())
    for (const std::string& item : generator.Candidates(kind)) {
      auto [it, added] = kinds.try_emplace(item);
      if (added) order.push_back(item);
      if (generator.Asks(kind, item)) it->second.push_back(kind);
    }
  for (const Fact& f : deck.facts)
    if (kinds.try_emplace(f.id).second) order.push_back(f.id);
  size_t asked = 0, questions = 0;
  for (const std::string& item : order) {
    const std::vector<QuestionKind>& k = kinds[item];
    out << "  " << item << ": ";
    if (k.empty()) out << "never asked";
    for (size_t i = 0; i < k.size(); ++i)
      out << (i ? ", " : "") << QuestionKindName(k[i]);
    out << '\n';
    asked += !k.empty();
    questions += k.size();
  }
  out << "  yield: " << asked << " of " << order.size() << " items asked, " << questions << " item-kinds\n";
}

} // namespace

void RegisterCheckCommand(CLI::App& app, CommandList& commands) {
  auto files = std::make_shared<std::vector<std::string>>();
  auto explain = std::make_shared<bool>(false);
  auto yield = std::make_shared<bool>(false);
  CLI::App* check = app.add_subcommand("check", "Check facts files: print every problem with file:line:column");
  check->add_option("FILE", *files, "Facts files (.toml)")->required()->type_name("FILE");
  check->add_flag("--explain", *explain, "List the facts no question asks, and why");
  check->add_flag("--yield", *yield, "List what each item (fact, event, card) can be asked as");
  commands.push_back({check, [files, explain, yield] {
                        size_t errors = 0, warnings = 0;
                        for (const std::string& file : *files) {
                          DeckLoad load = LoadDeckFile(file);
                          // Free texts that could be a second right answer, once the deck is sound.
                          if (CountErrors(load.diagnostics) == 0)
                            for (Diagnostic& d : FreeTextWarnings(load.deck))
                              load.diagnostics.push_back(std::move(d));
                          for (const Diagnostic& d : load.diagnostics)
                            std::cerr << d.Format() << '\n';
                          size_t fileErrors = CountErrors(load.diagnostics);
                          errors += fileErrors;
                          warnings += load.diagnostics.size() - fileErrors;
                          if (fileErrors == 0) {
                            PrintSummary(load.deck, std::cout);
                            const QuestionGenerator generator(load.deck); // indexed once for both
                            PrintUnasked(load.deck, generator, *explain, std::cout);
                            if (*yield) PrintYield(load.deck, generator, std::cout);
                          }
                        }
                        std::cout << files->size() << (files->size() == 1 ? " file, " : " files, ") << errors
                                  << (errors == 1 ? " error, " : " errors, ") << warnings
                                  << (warnings == 1 ? " warning\n" : " warnings\n");
                        return errors == 0 ? 0 : 1;
                      }});
}

} // namespace factdeck::cli
