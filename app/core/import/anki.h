// Anki packages as decks: .apkg (a deck shared or exported) and .colpkg (a whole
// collection), in the older format (collection.anki2 or collection.anki21, the media map as
// JSON) and the current one (collection.anki21b and its media, compressed with zstd, the
// media map as protocol buffers). Notes become cards (docs/facts-format.md, "Anki packages").
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "core/deck/deck.h"
#include "core/srs/study.h"

namespace factdeck {

// What became of the package's notes, for people (`import`, the home screen's warnings).
// Every note gives cards or is left out with a reason; a card of a note that gave others,
// and a picture of a card kept without it, are left out with theirs.
struct AnkiReport {
  size_t notes = 0;    // notes in the package
  size_t cards = 0;    // cards made (a cloze note gives one per gap number)
  size_t clozes = 0;   // of them, clozes
  size_t pictures = 0; // pictures kept, unpacked beside the deck
  size_t sounds = 0;   // sound references on the cards made, left out (FactDeck plays no sound)
  enum class Unit { Note, Card, Picture };
  struct Omission {
    Unit unit;
    std::string why; // "its question side is empty once HTML and sound are taken out"
    size_t count;
  };
  std::vector<Omission> leftOut;
  size_t LeftOut(Unit unit) const;
};

// A package's scheduling (a collection, or a deck exported "with scheduling information"):
// each Anki card with a review or a schedule, as the FactDeck card it became. A card of a
// note's first template is the item's flashcard, its reverse the item's reverse multiple
// choice, a cloze gap its own item's flashcard.
struct AnkiReviewEntry {
  std::int64_t id = 0;  // the review's time, milliseconds since 1970 (Anki's revlog id)
  int ease = 0;         // the button: 1 Again .. 4 Easy; 0 for a manual change
  int type = 0;         // 0 learning, 1 review, 2 relearning, 3 filtered, 4 manual, 5 rescheduled
  std::int64_t ivl = 0; // the interval set: days when positive, seconds when negative
  int factor = 0;       // 0 on a filtered deck's review that did not reschedule
  int timeMs = 0;       // the time taken to answer
};
struct AnkiCardHistory {
  std::string item;
  srs::QuestionKind kind = srs::QuestionKind::Flashcard;
  int type = 0;         // 0 new, 1 learning, 2 review, 3 relearning
  srs::TimeMs due = 0;  // when it is next due (0 for a new card)
  std::int64_t ivl = 0; // days between its last two reviews, as scheduled
  int lapses = 0;
  double stability = 0.0, difficulty = 0.0; // FSRS's memory as Anki kept it; 0 when it kept none
  std::vector<AnkiReviewEntry> reviews;     // oldest first
};
struct AnkiHistory {
  std::vector<AnkiCardHistory> cards;
  size_t reviews = 0;   // review log entries of the cards made
  size_t leftOut = 0;   // review log entries of cards not made (left out, or not in the package)
  size_t newCards = 0;  // cards made that Anki had never shown
  size_t suspended = 0; // cards made that Anki keeps out of study (suspended): FactDeck studies them
};

struct AnkiImport {
  DeckLoad load;
  AnkiReport report;
  AnkiHistory history; // read when asked (ReadAnkiPackage's `history`)
};

// Reads the package at `path`. Pictures the cards show are unpacked into `mediaDir` (made
// when missing) and named in the cards as `mediaPrefix` + their file name; with an empty
// `mediaDir` no picture is kept. A damaged package, one that is not an Anki package, a ZIP
// bomb or a collection of absurd size is refused with an error; it never crashes or hangs.
// With `history`, the package's scheduling and review log too (AnkiImport::history).
AnkiImport ReadAnkiPackage(const std::string& path, const std::filesystem::path& mediaDir,
                           const std::string& mediaPrefix = {}, bool history = false);
// The same from the package's bytes in memory (`name` for messages).
AnkiImport ReadAnkiPackageBytes(const std::string& bytes, const std::string& name,
                                const std::filesystem::path& mediaDir, const std::string& mediaPrefix = {},
                                bool history = false);

// The package as a deck to study, its pictures unpacked into `cacheDir`/anki/<fingerprint>
// (the deck's pictureFolder); the report's counts are warnings.
DeckLoad LoadAnkiPackage(const std::string& path, const std::filesystem::path& cacheDir);
// The same with the package's history (AnkiImport::history), its cards made as
// LoadAnkiPackage makes them.
AnkiImport LoadAnkiHistory(const std::string& path, const std::filesystem::path& cacheDir);

// The report in words, one line each ("made 120 cards from 100 notes", "left out ...").
std::vector<std::string> DescribeAnkiReport(const AnkiReport& report);

// True for the file names ReadAnkiPackage reads: .apkg, .colpkg.
bool IsAnkiPackageFile(const std::string& path);

} // namespace factdeck
