// The decks the home screen lists: the bundled ones and any the learner opened.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/deck/deck.h"
#include "core/import/deck_file.h"

namespace factdeck {

// When a file was last changed and its size: a listed deck's file read again when they change.
struct FileStamp {
  std::filesystem::file_time_type modified{};
  std::uintmax_t bytes = 0;
  bool operator==(const FileStamp&) const = default;
};
FileStamp StampOf(const std::filesystem::path& path); // zero when the file cannot be seen

struct DeckEntry {
  std::filesystem::path path;
  std::string title; // the deck's title, or the file name when it has none
  std::string id;    // the deck's id: progress is stored under it
  DeckSummary summary;
  size_t studyCards = 0;                     // cards to study: every (item, question kind) the deck can ask
  std::vector<std::string> errors, warnings; // formatted diagnostics
  size_t skippedRows = 0;                    // an imported file's rows left out (listed in warnings)
  std::string notice;                        // DeckLoad::notice: shown above the warnings, always
  std::vector<size_t> kindCounts;            // items for each of AllQuestionKinds()
  std::string tagHint;                       // TagHint: the deck's own tags as an example
  bool opened = false;                       // opened by path (it can be forgotten), not found in a folder
  // What a student meets: the items asked, and how many ways each is asked (one card a way).
  size_t studyItems = 0;
  size_t fewestWays = 0, mostWays = 0;
  bool timeline = false;                // TimelineGame::Playable: the deck has events to place
  size_t historyReviews = 0;            // DeckLoad::historyReviews: a review history the file holds
  std::vector<std::string> sheets = {}; // a workbook's sheets (several: the home screen offers the choice)
  size_t sheet = 0;                     // the one read
  FileReading reading = {};             // how the file was asked to be read (sheet, columns)
  FileStamp stamp = {};                 // the file as it was read
  bool previewable = false; // a file of rows (DeckLoad::shape) or an Anki package: the import preview shows it
};

// "20 questions, each both ways", "68 cards, 2 or 3 ways each": what the new-card count is
// made of, empty when every item is asked one way.
std::string WaysText(const DeckEntry& entry);

// Loads the decks opened by path (`opened`, newest first; a file gone is listed with the
// error), then every .toml, .csv and .tsv deck in the first of `dirs` that exists and in
// `userDir` (each sorted by file name), each file once. A deck with errors is listed with
// them, never dropped; a deck whose id another listed deck has too gets a warning (they
// would share their progress).
// `readings`: how a file is read (its path as listed -> the sheet and the columns chosen).
std::vector<DeckEntry> LoadDeckLibrary(const std::vector<std::filesystem::path>& dirs,
                                       const std::vector<std::filesystem::path>& opened = {},
                                       const std::filesystem::path& userDir = {},
                                       const std::map<std::string, FileReading>& readings = {});

} // namespace factdeck
