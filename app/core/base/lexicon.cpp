#include "core/base/lexicon.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <vector>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/base/text.h"

namespace factdeck {
namespace {

const char* const kPos[4] = {"noun", "verb", "adj", "adv"};

// The line of a sorted WordNet file (index or exceptions) whose first field is `key`, or
// empty: the files are sorted by their lines' bytes, their licence lines (beginning with
// spaces) first, so a binary search over line starts finds it.
std::string_view FindLine(std::string_view text, std::string_view key) {
  size_t lo = 0, hi = text.size();
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    size_t start = text.rfind('\n', mid);
    start = start == std::string::npos ? 0 : start + 1;
    if (start < lo) { // the line containing mid begins before the range: take the next one
      start = text.find('\n', mid);
      if (start == std::string::npos || start + 1 >= hi) {
        hi = mid;
        continue;
      }
      ++start;
    }
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string_view line(text.data() + start, end - start);
    const std::string_view first = line.substr(0, line.find(' '));
    if (first == key) return line;
    if (first < key)
      lo = end + 1;
    else
      hi = start;
  }
  return {};
}

// The English prepositions a term list pairs with a translation (WordNet lists none).
bool IsPreposition(const std::string& word) {
  static const char* const words[] = {
      "about",  "above",   "across",  "after",  "against", "along",  "among",  "around",  "at",     "before",
      "behind", "below",   "beneath", "beside", "between", "beyond", "by",     "down",    "during", "for",
      "from",   "in",      "inside",  "into",   "near",    "next",   "of",     "off",     "on",     "onto",
      "out",    "outside", "over",    "past",   "through", "to",     "toward", "towards", "under",  "underneath",
      "until",  "up",      "upon",    "with",   "within",  "without"};
  return std::find(std::begin(words), std::end(words), word) != std::end(words);
}

// WordNet's detachment rules for inflected forms ("keys" -> "key", "allocated" ->
// "allocate", "bigger" -> "big" is left to the exception list), by class.
struct Rule {
  std::string_view ending, base;
};
constexpr std::array<Rule, 8> kNounRules = {{{"s", ""},
                                             {"ses", "s"},
                                             {"xes", "x"},
                                             {"zes", "z"},
                                             {"ches", "ch"},
                                             {"shes", "sh"},
                                             {"men", "man"},
                                             {"ies", "y"}}};
constexpr std::array<Rule, 8> kVerbRules = {
    {{"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}}};
// A verb's "-ing" form is as often a noun ("debugging", "hashing"), its "-ed" form an
// adjective ("ordered", "amortized"), where the lexicon lists neither.
std::uint8_t Participle(int pos, std::string_view lemma) {
  if (pos != 1) return 0;
  if (lemma.size() > 4 && lemma.substr(lemma.size() - 3) == "ing") return kNoun;
  if (lemma.size() > 3 && lemma.substr(lemma.size() - 2) == "ed") return kAdjective;
  return 0;
}

// An English word the lexicon lacks ("decidable", "modularity", "virtualize"), by its
// suffix; 0 when none tells.
std::uint8_t SuffixClasses(std::string_view word) {
  if (word.size() < 6 || !std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return 0;
  auto endsIn = [&](std::string_view tail) { return word.substr(word.size() - tail.size()) == tail; };
  for (std::string_view tail : {"able", "ible", "ous", "ive", "ic", "ful", "less", "ary"})
    if (endsIn(tail)) return kAdjective;
  for (std::string_view tail : {"tion", "sion", "ment", "ness", "ity", "ism", "ance", "ence", "ship", "ware"})
    if (endsIn(tail)) return kNoun;
  for (std::string_view tail : {"ize", "ise", "ify"})
    if (endsIn(tail)) return kVerb;
  return 0;
}

constexpr std::array<Rule, 4> kAdjectiveRules = {{{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}}};

} // namespace

void Lexicon::Mapped::Open(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  struct stat st {};
  if (::fstat(fd, &st) == 0 && st.st_size > 0) {
    void* data = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    if (data != MAP_FAILED) text = std::string_view(static_cast<const char*>(data), static_cast<size_t>(st.st_size));
  }
  ::close(fd);
}

Lexicon::Mapped::~Mapped() {
  if (!text.empty()) ::munmap(const_cast<char*>(text.data()), text.size());
}

Lexicon::Lexicon(const std::filesystem::path& folder) {
  for (int i = 0; i < 4; ++i) {
    m_index[i].Open(folder / (std::string("index.") + kPos[i]));
    m_exceptions[i].Open(folder / (std::string(kPos[i]) + ".exc"));
  }
}

const Lexicon& Lexicon::English() {
  static const Lexicon lexicon([] {
    const char* dir = std::getenv("FACTDECK_WORDNET_DIR");
    return std::filesystem::path(dir && *dir ? dir : "/usr/share/wordnet");
  }());
  return lexicon;
}

bool Lexicon::Empty() const {
  for (const Mapped& index : m_index)
    if (!index.text.empty()) return false;
  return true;
}

std::uint8_t Lexicon::Listed(const std::string& lemma) const {
  std::uint8_t classes = 0;
  for (int i = 0; i < 4; ++i)
    if (!FindLine(m_index[i].text, lemma).empty()) classes |= static_cast<std::uint8_t>(1u << i);
  return classes;
}

int Lexicon::Senses(int pos, const std::string& lemma) const {
  const std::string_view line = FindLine(m_index[pos].text, lemma);
  if (line.empty()) return 0;
  // "lemma pos synset_cnt ...": how many senses the word has in this class.
  const size_t first = line.find(' '), second = line.find(' ', first + 1);
  int senses = 0;
  for (size_t i = second + 1; i < line.size() && line[i] >= '0' && line[i] <= '9'; ++i)
    senses = senses * 10 + (line[i] - '0');
  return std::max(senses, 1);
}

std::uint8_t Lexicon::ClassesOf(std::string_view word) const {
  if (word.empty() || Empty()) return 0;
  // WordNet's lemmas: small letters, words joined by "_".
  std::string lemma = Fold(word);
  for (char& c : lemma)
    if (c == ' ') c = '_';
  if (lemma.empty() || lemma.size() > 128) return 0; // the longest listed has 71 letters
  // Each class's senses, of the word as written or of its base: "keys" -> "key",
  // "children" -> "child" (the exception lists), "allocated" -> "allocate".
  // A word the lexicon lists as written is taken as listed: "left" is an adjective and a
  // noun, not the verb "leave" as well.
  int senses[4] = {};
  bool listed = false;
  for (int pos = 0; pos < 4; ++pos)
    listed = (senses[pos] = Senses(pos, lemma)) != 0 || listed;
  std::uint8_t participle = 0;
  auto inflected = [&](int pos, const auto& rules) {
    if (listed) return;
    const std::string_view exception = FindLine(m_exceptions[pos].text, lemma);
    if (const size_t space = exception.find(' '); space != std::string_view::npos) {
      const std::string_view rest = exception.substr(space + 1);
      if ((senses[pos] = Senses(pos, std::string(rest.substr(0, rest.find(' '))))) != 0) {
        participle |= Participle(pos, lemma);
        return;
      }
    }
    for (const Rule& r : rules)
      if (lemma.size() > r.ending.size() + 1 &&
          lemma.compare(lemma.size() - r.ending.size(), r.ending.size(), r.ending) == 0) {
        const std::string base = lemma.substr(0, lemma.size() - r.ending.size()) + std::string(r.base);
        if ((senses[pos] = Senses(pos, base)) != 0) {
          participle |= Participle(pos, lemma);
          return;
        }
      }
  };
  inflected(0, kNounRules);
  inflected(1, kVerbRules);
  inflected(2, kAdjectiveRules);
  // The classes the word is mostly used in: those with at least half the senses of its
  // commonest. "cable" (six senses as a noun, two as a verb) is a noun, "convert" a verb,
  // "file" (four and five) either.
  const int most = *std::max_element(senses, senses + 4);
  std::uint8_t classes = 0;
  for (int i = 0; i < 4; ++i)
    if (senses[i] != 0 && 2 * senses[i] >= most) classes |= static_cast<std::uint8_t>(1u << i);
  if (classes != 0) return classes | participle;
  return SuffixClasses(lemma);
}

std::uint8_t Lexicon::PhraseClasses(std::string_view phrase) const {
  if (Empty()) return 0;
  // The first of alternatives ("application / app", "mouse (computer)").
  phrase = phrase.substr(0, phrase.find_first_of("/(;,"));
  std::vector<std::string_view> words;
  bool capital = false; // its first word's
  for (const WrittenWord& w : WrittenWords(phrase)) {
    if (!w.lettersOnly) return 0;
    if (words.empty()) capital = w.capital;
    words.push_back(w.text);
  }
  if (words.empty() || words.size() > 6) return 0;
  size_t first = 0; // past adverbs in "-ly" leading a longer phrase: "immediately to the right"
  while (first + 1 < words.size() && words[first].size() > 4 && words[first].substr(words[first].size() - 2) == "ly" &&
         Listed(Fold(words[first])) == kAdverb)
    ++first;
  // Not "for loop": two words are a prepositional phrase when the second is no noun ("next to").
  const bool compound = words.size() - first == 2 && !IsPreposition(Fold(words[first + 1])) &&
                        (Listed(Fold(words[first + 1])) & kNoun) != 0;
  if (IsPreposition(Fold(words[first])) && !compound) return kPreposition;
  if (words.size() > 4) return 0;
  std::string joined;
  for (const std::string_view w : words)
    joined += (joined.empty() ? "" : " ") + std::string(w);
  // A phrase beginning with a capital is a name as well ("Excel", "Find and Replace"), when
  // its words tell a class at all (a capital alone does not: "Back abc").
  const std::uint8_t name = capital ? kNoun : 0;
  if (const std::uint8_t listed = ClassesOf(joined)) return listed | name;
  if (words.size() == 1) return 0;
  // A verb as written in the lexicon, never a noun or adjective, before a word that is
  // only a noun: "allocate memory", "delete column" ("merge sort" names a sort).
  const std::uint8_t last = ClassesOf(words.back());
  if (Listed(Fold(words.front())) == kVerb && last == kNoun) return kVerb | name;
  if (last == 0) return 0;
  return last & kNoun ? std::uint8_t{kNoun} : last | name; // "desktop computer", "arrow keys"
}

std::string WordClassName(std::uint8_t classes) {
  static const char* const names[5] = {"noun", "verb", "adjective", "adverb", "preposition"};
  std::string out;
  for (int i = 0; i < 5; ++i)
    if (classes & (1u << i)) out += (out.empty() ? "" : " or ") + std::string(names[i]);
  if (out.empty()) return "a word of no known class";
  return (out[0] == 'a' ? "an " : "a ") + out;
}

} // namespace factdeck
