#include "core/app/deck_library.h"

#include <algorithm>

#include <string_view>
#include <unordered_map>

#include "core/base/text.h"
#include "core/import/anki.h"
#include "core/import/deck_file.h"
#include "core/import/spreadsheet.h"
#include "core/games/timeline_game.h"
#include "core/questions/questions.h"

namespace factdeck {

FileStamp StampOf(const std::filesystem::path& path) {
  std::error_code ec;
  FileStamp stamp;
  stamp.modified = std::filesystem::last_write_time(path, ec);
  if (ec) return {};
  stamp.bytes = std::filesystem::file_size(path, ec);
  return ec ? FileStamp{} : stamp;
}

namespace {
DeckEntry Entry(const std::filesystem::path& path, const FileReading& reading) {
  const FileStamp stamp = StampOf(path); // before reading: a change while it is read is seen next time
  DeckLoad load = LoadDeckFile(path.string(), reading);
  DeckEntry entry{path,
                  load.deck.title.empty() ? path.filename().string() : load.deck.title,
                  load.deck.id,
                  Summarize(load.deck),
                  0,
                  {},
                  {},
                  load.skippedRows,
                  load.notice,
                  {},
                  TagHint(load.deck)};
  entry.historyReviews = load.historyReviews;
  entry.stamp = stamp;
  entry.sheets = load.sheets;
  entry.sheet = load.sheet;
  entry.reading = reading;
  entry.previewable = load.shape.has_value() || IsAnkiPackageFile(path.string());
  if (load.Ok()) {
    QuestionGenerator generator(load.deck);
    // Item -> kinds it is asked in, keyed by the candidate lists' own ids (kept alive here).
    std::vector<std::vector<std::string>> candidates;
    std::unordered_map<std::string_view, size_t> ways;
    for (QuestionKind kind : AllQuestionKinds()) {
      candidates.push_back(generator.Candidates(kind));
      entry.kindCounts.push_back(candidates.back().size());
      entry.studyCards += candidates.back().size();
    }
    ways.reserve(entry.studyCards);
    for (const auto& items : candidates)
      for (const std::string& item : items)
        ++ways[item];
    entry.studyItems = ways.size();
    for (const auto& [item, count] : ways) {
      entry.fewestWays = entry.fewestWays == 0 ? count : std::min(entry.fewestWays, count);
      entry.mostWays = std::max(entry.mostWays, count);
    }
    entry.timeline = TimelineGame::Playable(load.deck);
  }
  // Which sheet is read is the Sheet list's to show, not a warning's.
  const std::string sheetNote =
      load.sheets.size() > 1 ? SheetReadNote(load.sheets[load.sheet], load.sheet, load.sheets.size()) : "";
  for (const Diagnostic& d : load.diagnostics)
    if (d.message != sheetNote || d.severity == Severity::Error)
      (d.severity == Severity::Error ? entry.errors : entry.warnings).push_back(d.Format());
  return entry;
}
} // namespace

std::string WaysText(const DeckEntry& entry) {
  if (entry.mostWays <= 1) return {};
  const DeckSummary& s = entry.summary;
  const bool onlyCards = s.cards > 0 && s.facts + s.events + s.entities + s.choices == 0;
  const bool onlyQuestions = s.choices > 0 && s.facts + s.events + s.entities + s.cards == 0;
  const size_t n = entry.studyItems;
  std::string text = CountText(n) + " " +
                     (onlyCards       ? (n == 1 ? "card" : "cards")
                      : onlyQuestions ? (n == 1 ? "question" : "questions")
                                      : (n == 1 ? "item" : "items"));
  if (entry.fewestWays == entry.mostWays)
    return text + (entry.mostWays == 2 ? ", each both ways" : ", each " + std::to_string(entry.mostWays) + " ways");
  return text + ", " + std::to_string(entry.fewestWays) + (entry.mostWays == entry.fewestWays + 1 ? " or " : " to ") +
         std::to_string(entry.mostWays) + " ways each";
}

std::vector<DeckEntry> LoadDeckLibrary(const std::vector<std::filesystem::path>& dirs,
                                       const std::vector<std::filesystem::path>& opened,
                                       const std::filesystem::path& userDir,
                                       const std::map<std::string, FileReading>& readings) {
  std::vector<std::pair<std::filesystem::path, bool>> files; // path, opened by path
  std::vector<std::filesystem::path> seen;                   // canonical
  auto add = [&](const std::filesystem::path& path, bool byPath) {
    std::error_code ec;
    auto canonical = std::filesystem::weakly_canonical(path, ec);
    if (ec) canonical = path;
    if (std::find(seen.begin(), seen.end(), canonical) != seen.end()) return;
    seen.push_back(canonical);
    files.emplace_back(path, byPath);
  };
  for (const auto& path : opened)
    add(path, true);
  auto folder = [&](const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> found;
    std::error_code ec;
    for (const auto& item : std::filesystem::directory_iterator(dir, ec))
      if (IsDeckFileName(item.path().string(), false)) found.push_back(item.path());
    std::sort(found.begin(), found.end());
    for (const auto& path : found)
      add(path, false);
  };
  // The first directory that exists wins: an installed copy and the source tree hold the same decks.
  if (!dirs.empty()) folder(dirs.front());
  if (!userDir.empty()) folder(userDir);
  std::vector<DeckEntry> decks;
  for (const auto& [file, byPath] : files) {
    const auto chosen = readings.find(file.string());
    decks.push_back(Entry(file, chosen == readings.end() ? FileReading() : chosen->second));
    decks.back().opened = byPath;
  }
  // Progress is kept under a deck's id: two decks with one id would share it.
  for (size_t i = 0; i < decks.size(); ++i)
    for (size_t j = 0; j < i; ++j)
      if (!decks[i].id.empty() && decks[i].id == decks[j].id) {
        decks[i].warnings.push_back(decks[i].path.string() + ": warning: the deck " + decks[j].path.string() +
                                    " has the same id '" + decks[i].id +
                                    "': the two share their progress; give one of them another id in [deck]");
        break;
      }
  return decks;
}

} // namespace factdeck
