// factdeck check FILE...: validates facts files and prints what they can make.
#include <iostream>

#include "cli/commands.h"
#include "core/deck/deck.h"

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

} // namespace

void RegisterCheckCommand(CLI::App& app, CommandList& commands) {
  auto files = std::make_shared<std::vector<std::string>>();
  CLI::App* check = app.add_subcommand("check", "Check facts files: print every problem with file:line:column");
  check->add_option("FILE", *files, "Facts files (.toml)")->required()->type_name("FILE");
  commands.push_back({check, [files] {
                        size_t errors = 0, warnings = 0;
                        for (const std::string& file : *files) {
                          DeckLoad load = LoadDeckFile(file);
                          for (const Diagnostic& d : load.diagnostics)
                            std::cerr << d.Format() << '\n';
                          size_t fileErrors = CountErrors(load.diagnostics);
                          errors += fileErrors;
                          warnings += load.diagnostics.size() - fileErrors;
                          if (fileErrors == 0) PrintSummary(load.deck, std::cout);
                        }
                        std::cout << files->size() << (files->size() == 1 ? " file, " : " files, ") << errors
                                  << (errors == 1 ? " error, " : " errors, ") << warnings
                                  << (warnings == 1 ? " warning\n" : " warnings\n");
                        return errors == 0 ? 0 : 1;
                      }});
}

} // namespace factdeck::cli
