// Small UTF-8 helpers shared by the loaders.
#pragma once

#include <optional>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/diagnostics.h"

namespace factdeck {

// The position of the first byte that is not valid UTF-8, and that byte.
struct InvalidUtf8 {
  Position pos;
  unsigned char byte = 0;
};
std::optional<InvalidUtf8> FirstInvalidUtf8(std::string_view text);

// "invalid UTF-8 (byte 0xFF); save the file as UTF-8"
std::string InvalidUtf8Message(const InvalidUtf8& bad);

// A lower-case id made of the letters and digits of `text` (any script), words joined
// by '-', at most `maxBytes` long (cut at a character boundary). Empty when `text` has
// no letter or digit.
std::string Slug(std::string_view text, size_t maxBytes = 48);

// The form two texts are compared in: Unicode NFKC, case folded, accents removed, runs of
// white space made one space, trimmed. "Röhm", "ROHM" and "Rohm" fold alike.
std::string Fold(std::string_view text);

// A character of a word in folded text: a digit, a lower-case ASCII letter, any non-ASCII byte.
inline bool IsWordChar(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
}

// True when folded `haystack` holds folded `needle` as whole words, whatever stands
// between them: "saint pierre" stands in "saint-pierre and miquelon". Both already folded.
bool ContainsWords(const std::string& haystack, const std::string& needle);

// A word of written text: a run of letters, marks and digits (any script), as written.
struct WrittenWord {
  std::string_view text;   // a view into the text it was read from
  bool capital = false;    // begins with an upper- or title-case letter
  bool lettersOnly = true; // no digit of any kind in it
};
// The words of `text` in order; at a byte that is not UTF-8 it stops, without the word
// under way (the loaders refuse such text before it gets here).
std::vector<WrittenWord> WrittenWords(std::string_view text);

// The words of `text` that begin with a capital letter (any script with case), the first
// word left out, each folded: the names in "Where did Ada Lovelace study?" are "ada" and
// "lovelace". Text in a script without case has none.
std::vector<std::string> CapitalisedWords(std::string_view text);

// Tags typed by a person: separated by spaces or commas, empty ones dropped.
std::vector<std::string> SplitTags(std::string_view text);

// `text` as the end of a question: white space and a closing full stop, comma, colon or
// semicolon dropped, then "?" (none added after a "?" or "!"). "Rome falls." -> "Rome falls?"
std::string AsQuestion(std::string_view text);

// Where the first sentence of `text` ends when more sentences follow: the index just after
// its closing ".", "!" or "?", or npos for a single sentence. A full stop after a single
// letter ("c. 900", "U.S. Army") or a common abbreviation ("St.", "Gen.", "No.") ends no
// sentence, and the next sentence must begin with a capital letter, a digit or a letter of
// another script.
size_t FirstSentenceEnd(std::string_view text);

// What kind of text an answer is, so that distractors can be chosen like it
// (docs/questions.md): "number:N[ unit]" (N digits before the point: "450", "5 km"),
// "date:P" (a written date that is not a bare number: "16 April 1922", "44 BC", "1920s"; P
// its precision), "name" (one to three words), "text:L" (longer; L grows with the length:
// up to 30, 60, 120, 240 characters, then more), then "|" and the script most of its
// letters are in ("latin", "greek", "cyrillic", "hebrew", "arabic", "cjk", "other", "none").
std::string TextShape(std::string_view text);

// FNV-1a, 64 bits: a fast hash that is the same on every platform (seeds, fingerprints).
std::uint64_t Fnv1a(std::string_view text);
// Sixteen hex digits of Fnv1a: a deck file's version, for what must notice it changed.
std::string Fingerprint(std::string_view text);

// A number with a fixed count of decimals, as figures are shown: FixedText(0.3366, 3) is "0.337".
std::string FixedText(double x, int decimals);

// A count for people, with thousands separators: "1,234,567".
std::string CountText(size_t n);
// The same for a number that may be negative (a score after a penalty): "-1,200".
std::string SignedCountText(long long n);

// Columns are counted in characters: true for a byte that starts a UTF-8 character.
inline bool StartsCharacter(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) != 0x80; }

// The first line of `text`, cut to at most `maxBytes` at a character's start; "…" marks
// what was cut.
std::string FirstLineCut(std::string_view text, size_t maxBytes);

} // namespace factdeck
