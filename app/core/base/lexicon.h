// Which word classes an English word or phrase belongs to, from the WordNet lexicon the
// system's `wordnet-base` package installs: "allocate" is a verb, "asymptotic" an adjective,
// "keyboard" a noun, "handle" a noun and a verb. Question options are chosen among words of
// the answer's class, so that the only verb among nouns does not give itself away.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace factdeck {

// Word classes, as bits: a word may be several ("file": a noun and a verb).
// Prepositions are not in WordNet: FactDeck lists the English ones ("above", "next to").
enum WordClass : std::uint8_t { kNoun = 1, kVerb = 2, kAdjective = 4, kAdverb = 8, kPreposition = 16 };

class Lexicon {
public:
  // An empty lexicon: every word unknown.
  Lexicon() = default;
  // Maps the WordNet index (index.noun, index.verb, index.adj, index.adv) and exception
  // lists (noun.exc, ...) of `folder` into memory; files missing leave their class unknown.
  explicit Lexicon(const std::filesystem::path& folder);
  // The lexicon of the system's WordNet (FACTDECK_WORDNET_DIR when set, else
  // /usr/share/wordnet), read once on first use; empty when it is not installed.
  static const Lexicon& English();

  bool Empty() const;
  // The classes of one word or of a phrase the lexicon lists as one ("hard disk", "log in"),
  // in any case, inflected or not ("keys", "allocated", "children"): those in which it has
  // at least half the senses of its commonest ("cable" a noun, "file" a noun or verb). A
  // word the lexicon lacks is classed by its suffix ("decidable", "modularity"); 0 when
  // nothing tells.
  std::uint8_t ClassesOf(std::string_view word) const;
  // The classes of a short phrase (up to six words), by its head: a phrase led by a
  // preposition, after any adverbs in "-ly", is a preposition ("on the left", "immediately to
  // the right", "below"); else (up to four words) the phrase as listed, else one word's
  // classes, else a phrase led by a verb that is never a noun or adjective ("allocate
  // memory") is a verb, else an English compound is of its last word's classes, a noun first
  // ("desktop computer", "arrow keys": a noun); a name (a capital first) a noun as well
  // ("Excel"). 0 when unknown or longer.
  std::uint8_t PhraseClasses(std::string_view phrase) const;

private:
  std::uint8_t Listed(const std::string& lemma) const; // as written in the index, no inflection
  int Senses(int pos, const std::string& lemma) const; // its senses in one class, as written; 0: none
  // A file mapped into memory, read-only: the pages a search touches are read, no more.
  struct Mapped {
    Mapped() = default;
    void Open(const std::filesystem::path& path); // leaves it empty when it cannot
    Mapped(const Mapped&) = delete;
    Mapped& operator=(const Mapped&) = delete;
    ~Mapped();
    std::string_view text;
  };
  Mapped m_index[4]; // noun, verb, adj, adv
  Mapped m_exceptions[4];
};

// "a noun", "a verb", "an adjective", "an adverb", "a noun or verb" ... for messages.
std::string WordClassName(std::uint8_t classes);

} // namespace factdeck
