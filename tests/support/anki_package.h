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

// Writes the package to `path`.
void WriteAnkiPackage(const std::filesystem::path& path, const std::vector<AnkiNote>& notes,
                      const std::vector<AnkiMediaFile>& media, AnkiFormat format);

} // namespace factdeck::test
