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

struct AnkiImport {
  DeckLoad load;
  AnkiReport report;
};

// Reads the package at `path`. Pictures the cards show are unpacked into `mediaDir` (made
// when missing) and named in the cards as `mediaPrefix` + their file name; with an empty
// `mediaDir` no picture is kept. A damaged package, one that is not an Anki package, a ZIP
// bomb or a collection of absurd size is refused with an error; it never crashes or hangs.
AnkiImport ReadAnkiPackage(const std::string& path, const std::filesystem::path& mediaDir,
                           const std::string& mediaPrefix = {});
// The same from the package's bytes in memory (`name` for messages).
AnkiImport ReadAnkiPackageBytes(const std::string& bytes, const std::string& name,
                                const std::filesystem::path& mediaDir, const std::string& mediaPrefix = {});

// The package as a deck to study, its pictures unpacked into `cacheDir`/anki/<fingerprint>
// (the deck's pictureFolder); the report's counts are warnings.
DeckLoad LoadAnkiPackage(const std::string& path, const std::filesystem::path& cacheDir);

// The report in words, one line each ("made 120 cards from 100 notes", "left out ...").
std::vector<std::string> DescribeAnkiReport(const AnkiReport& report);

// True for the file names ReadAnkiPackage reads: .apkg, .colpkg.
bool IsAnkiPackageFile(const std::string& path);

} // namespace factdeck
