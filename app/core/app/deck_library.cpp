#include "core/app/deck_library.h"

#include <algorithm>

#include "core/questions/questions.h"

namespace factdeck {

namespace {
DeckEntry Entry(const std::filesystem::path& path) {
  DeckLoad load = LoadDeckFile(path.string());
  DeckEntry entry{path,
                  load.deck.title.empty() ? path.filename().string() : load.deck.title,
                  load.deck.id,
                  Summarize(load.deck),
                  0,
                  {},
                  {},
                  load.skippedRows,
                  {},
                  TagHint(load.deck)};
  if (load.Ok()) {
    QuestionGenerator generator(load.deck);
    for (QuestionKind kind : AllQuestionKinds()) {
      entry.kindCounts.push_back(generator.Candidates(kind).size());
      entry.studyCards += entry.kindCounts.back();
    }
  }
  for (const Diagnostic& d : load.diagnostics)
    (d.severity == Severity::Error ? entry.errors : entry.warnings).push_back(d.Format());
  return entry;
}
} // namespace

std::vector<DeckEntry> LoadDeckLibrary(const std::vector<std::filesystem::path>& dirs,
                                       const std::filesystem::path& extra) {
  std::vector<std::filesystem::path> files;
  if (!dirs.empty()) {
    // The first directory that exists wins: an installed copy and the source tree hold the same decks.
    std::error_code ec;
    for (const auto& item : std::filesystem::directory_iterator(dirs.front(), ec))
      if (item.path().extension() == ".toml" || item.path().extension() == ".csv" || item.path().extension() == ".tsv")
        files.push_back(item.path());
    std::sort(files.begin(), files.end());
  }
  if (!extra.empty()) {
    auto canonical = std::filesystem::weakly_canonical(extra);
    auto same = [&](const std::filesystem::path& p) { return std::filesystem::weakly_canonical(p) == canonical; };
    if (std::none_of(files.begin(), files.end(), same)) {
      std::vector<std::filesystem::path> withExtra{extra}; // the opened deck comes first
      withExtra.insert(withExtra.end(), files.begin(), files.end());
      files = std::move(withExtra);
    }
  }
  std::vector<DeckEntry> decks;
  for (const auto& file : files)
    decks.push_back(Entry(file));
  return decks;
}

} // namespace factdeck
