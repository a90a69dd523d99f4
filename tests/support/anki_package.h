// Anki packages made for tests and benchmarks, as Anki writes them: the older format
// (collection.anki2 or .anki21 in schema 11, note types as JSON, the media map as JSON) and
// the current one (collection.anki21b in schema 18, compressed with zstd, note types in
// tables with protocol-buffer settings, media compressed and mapped in protocol buffers).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace factdeck::test {

enum class AnkiFormat { Anki2, Anki21, Latest };

// A note of one of Anki's stock note types: "basic" (Front, Back), "reversed" (Front,
// Back; a card each way), "optional" (Front, Back, Add Reverse; the second card only when
// Add Reverse is filled, through a {{#Add Reverse}} section), "typed" (Front, Back; the
// answer typed), "cloze" (Text, Back Extra; a card per gap number), "reading" (Expression,
// Meaning; the question {{kanji:Expression}}, the answer {{kana:Expression}}: {{Meaning}}).
struct AnkiNote {
  AnkiNote(std::int64_t id_, std::string type_, std::vector<std::string> fields_, std::string tags_ = {},
           std::string deck_ = "Default", std::string filteredDeck_ = {}, std::vector<int> cardOrds_ = {})
      : id(id_), type(std::move(type_)), fields(std::move(fields_)), tags(std::move(tags_)), deck(std::move(deck_)),
        filteredDeck(std::move(filteredDeck_)), cardOrds(std::move(cardOrds_)) {}
  std::int64_t id = 0;
  std::string type;
  std::vector<std::string> fields;
  std::string tags; // space-separated, as Anki keeps them
  std::string deck = "Default";
  std::string filteredDeck;  // when set, its cards sit in this filtered deck (home deck in odid)
  std::vector<int> cardOrds; // when set, the card rows written (repeats allowed), else Anki's
};

struct AnkiMediaFile {
  std::string name, bytes;
};

// A card's scheduling and its review log, as Anki's cards and revlog rows hold them: the
// card of note `note` with template ordinal `ord` (a cloze's gap number - 1), or with
// `note` 0 a review of card id `card` (one the collection does not hold).
struct AnkiReviewRow {
  std::int64_t id = 0; // time in ms
  int ease = 3, type = 1;
  std::int64_t ivl = 0, lastIvl = 0;
  int factor = 2500, timeMs = 5000;
};
struct AnkiSchedule {
  std::int64_t note = 0;
  int ord = 0;
  int type = 0, queue = 0;
  std::int64_t due = 0, ivl = 0;
  int lapses = 0;
  std::string data; // the FSRS memory JSON, e.g. {"s":30.5,"d":6.2}
  std::vector<AnkiReviewRow> reviews;
  std::int64_t card = 0;
};
// The collection's day 0 (col.crt) in the packages written here, in seconds.
inline constexpr std::int64_t kAnkiCollectionCreated = 1600000000;

// Writes the package to `path`.
void WriteAnkiPackage(const std::filesystem::path& path, const std::vector<AnkiNote>& notes,
                      const std::vector<AnkiMediaFile>& media, AnkiFormat format,
                      const std::vector<AnkiSchedule>& schedule = {});

} // namespace factdeck::test
