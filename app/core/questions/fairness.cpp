#include "core/questions/fairness.h"

#include <algorithm>
#include <limits>
#include <cmath>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>

#include "core/base/text.h"
#include "core/deck/deck.h"

namespace factdeck {

namespace {

bool RomanNumeral(std::string_view w) {
  return !w.empty() && w.size() <= 5 && w.find_first_not_of("IVXLC") == std::string_view::npos;
}

// The letters of type designations in `words` that a maker's name may begin with: "ka" of
// "Ka 27", "mi" of "Mi VI", "do" of "Do P" (one to three letters, a capital first, then a
// number, or a single capital for a variant), and of initials in capitals their first
// letter: "b" of "BV 141", "j" of "J 35".
std::vector<std::string> DesignationLetters(const std::vector<WrittenWord>& words) {
  std::vector<std::string> out;
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    const WrittenWord& w = words[i];
    const std::string_view next = words[i + 1].text;
    const bool variant = next.size() == 1 && next[0] >= 'A' && next[0] <= 'Z' && w.text.size() >= 2;
    const bool number = (next[0] >= '0' && next[0] <= '9') || RomanNumeral(next) || variant;
    if (!w.capital || !w.lettersOnly || w.text.empty() || w.text.size() > 3 || !number) continue;
    const bool initials = std::all_of(w.text.begin(), w.text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    out.push_back(Fold(initials ? w.text.substr(0, 1) : w.text));
  }
  return out;
}

// A capitalised word of letters, folded, when it is four letters or more; else "".
std::string NameWord(const WrittenWord& w) {
  if (!w.capital || !w.lettersOnly) return {};
  std::string folded = Fold(w.text);
  return folded.size() >= 4 ? folded : std::string();
}

// Words no question or answer is told by: the question's own grammar.
bool Common(const std::string& folded) {
  static const std::unordered_set<std::string> words = {
      "what",   "which", "where", "when",  "whose",  "with", "were",  "that",  "this",      "from",  "have",
      "their",  "they",  "them",  "these", "those",  "into", "about", "after", "according", "there", "does",
      "been",   "than",  "then",  "only",  "other",  "also", "more",  "most",  "over",      "under", "while",
      "during", "first", "last",  "later", "before", "both", "each",  "some",  "such",      "many",  "much"};
  return words.count(folded) != 0;
}

bool SameWord(const std::string& a, const std::string& b) {
  if (a == b) return true;
  auto plural = [](const std::string& one, const std::string& many) {
    return many.size() == one.size() + 1 && many.back() == 's' && many.compare(0, one.size(), one) == 0;
  };
  if (plural(a, b) || plural(b, a)) return true;
  // One stem with other endings: a place and its people or its currency ("Czechia" and
  // "Czech", "China" and "Chinese", "Iraq" and "Iraqi", "Sweden" and "Swedish", "Bahamas" and
  // "Bahamian", "Portugal" and "Portuguese"): a shared beginning of four letters or more, the
  // shorter word going at most two letters past it (none when it has only four, one when
  // five), the longer three; or of six letters or more, each going up to four past it.
  // "Austria" and "Australia" (five, then two and four) stay apart.
  const std::string& shorter = a.size() <= b.size() ? a : b;
  const std::string& longer = a.size() <= b.size() ? b : a;
  size_t same = 0;
  while (same < shorter.size() && shorter[same] == longer[same])
    ++same;
  const size_t past = shorter.size() - same, longerPast = longer.size() - same;
  if (same >= 6 && past <= 4 && longerPast <= 4) return true;
  // Two names of five to seven letters, of about one length, beginning alike: a capital
  // and its country ("Taipei" and "Taiwan", "Algiers" and "Algeria").
  if (same >= 3 && shorter.size() >= 5 && longer.size() <= 7 && longer.size() - shorter.size() <= 1) return true;
  const size_t allowed = shorter.size() <= 4 ? 0 : shorter.size() == 5 ? 1 : 2;
  // A whole name of five letters or more with an ending of up to four: "Congo" and "Congolese".
  if (same >= 5 && past == 0 && longerPast <= 4) return true;
  return same >= 4 && past <= allowed && longerPast <= 3;
}

// Short words of a sentence's grammar in the languages term lists pair most: never a clue.
bool ShortGrammar(const std::string& folded) {
  static const std::unordered_set<std::string> words = {
      "the",  "and",  "for",   "but",  "not",  "are",   "was",   "its",   "has",   "had",  "who",  "how",  "why",
      "you",  "all",  "any",   "can",  "one",  "two",   "per",   "via",   "del",   "los",  "las",  "con",  "por",
      "una",  "uno",  "que",   "les",  "des",  "une",   "pour",  "avec",  "der",   "die",  "das",  "den",  "dem",
      "ein",  "und",  "mit",   "von",  "zum",  "zur",   "nel",   "gli",   "che",   "per",  "een",  "het",  "van",
      "met",  "into", "onto",  "with", "from", "that",  "this",  "para",  "como",  "sein", "eine", "dans", "sur",
      "sous", "sin",  "sobre", "bajo", "tras", "desde", "hasta", "hacia", "entre", "ohne", "sans", "senza"};
  return words.count(folded) != 0;
}

// Words in capitals of two to five letters ("UAE", "UK"), folded; and the initials of runs
// of two or more capitalised words, "of", "and" and "the" inside them passed over
// ("United Arab Emirates": "uae").
void Acronyms(const std::vector<WrittenWord>& words, std::vector<std::string>& acronyms,
              std::vector<std::string>& initials) {
  std::string run;
  auto close = [&] {
    if (run.size() >= 2) initials.push_back(run);
    run.clear();
  };
  for (const WrittenWord& w : words) {
    const std::string_view t = w.text;
    const bool caps = t.size() >= 2 && t.size() <= 5 && w.lettersOnly &&
                      std::all_of(t.begin(), t.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (caps) acronyms.push_back(Fold(t));
    if (w.capital && w.lettersOnly && !caps && !t.empty() && t[0] >= 'A' && t[0] <= 'Z')
      run += static_cast<char>(t[0] - 'A' + 'a');
    else if (t != "of" && t != "and" && t != "the")
      close();
  }
  close();
}

// True when two words differ by one letter changed, added or left out: "intratable" and
// "intractable", "decidible" and "decidable" are one word to a reader of either language.
bool OneEditApart(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  size_t i = 0;
  while (i < a.size() && a[i] == b[i])
    ++i;
  if (a.size() == b.size()) return a.substr(i + (i < a.size())) == b.substr(i + (i < b.size()));
  return a.substr(i) == b.substr(i + 1);
}

// The first letters of a phrase's words of three letters or more that are not its grammar,
// sorted, when it has two to five such words and no other ("sistema de nombres de dominio":
// "dns"); else empty.
std::string WordInitials(const std::vector<WrittenWord>& words) {
  std::string initials;
  for (const WrittenWord& w : words) {
    const std::string f = Fold(w.text);
    if (!w.lettersOnly || f.empty()) return {};
    if (f.size() <= 2 || ShortGrammar(f)) continue;
    if (f[0] < 'a' || f[0] > 'z') return {};
    initials += f[0];
  }
  if (initials.size() < 2 || initials.size() > 5) return {};
  std::sort(initials.begin(), initials.end());
  return initials;
}

// Calls `visit` with each part of `text` between slashes ("hoja de cálculo / hoja de
// trabajo": two), as written, until it returns true; true when it did.
template <typename Visit> bool ForEachAlternative(std::string_view text, Visit visit) {
  for (size_t begin = 0; begin <= text.size();) {
    size_t end = text.find('/', begin);
    if (end == std::string_view::npos) end = text.size();
    if (visit(text.substr(begin, end - begin))) return true;
    begin = end + 1;
  }
  return false;
}

bool AnyIn(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return std::any_of(a.begin(), a.end(),
                     [&](const std::string& x) { return std::find(b.begin(), b.end(), x) != b.end(); });
}

// True when one of `designations` begins one of `names`.
bool LettersBeginAName(const std::vector<std::string>& designations, const std::vector<std::string>& names) {
  for (const std::string& letters : designations)
    for (const std::string& name : names)
      if (name.compare(0, letters.size(), letters) == 0) return true;
  return false;
}

// A word's last two letters (folded, four letters or more, letters only) as one number;
// "-ar", "-er" and "-ir" are one class: the infinitives of the Romance languages. 0 otherwise.
std::uint16_t EndingClass(const std::string& word) {
  if (word.size() < 4 || !std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return 0;
  // A reflexive infinitive ("desplazarse", "conectarse") ends as the infinitive does.
  if (word.size() >= 6 && word.compare(word.size() - 3, 3, "rse") == 0 &&
      (word[word.size() - 4] == 'a' || word[word.size() - 4] == 'e' || word[word.size() - 4] == 'i'))
    return EndingClass(word.substr(0, word.size() - 2));
  const char before = word.back() == 'r' && (word[word.size() - 2] == 'e' || word[word.size() - 2] == 'i')
                          ? 'a'
                          : word[word.size() - 2];
  return static_cast<std::uint16_t>(static_cast<unsigned char>(before) << 8 | static_cast<unsigned char>(word.back()));
}

// A phrase's build (TextForm::build): 1 when its head word is a plural, 2 when it begins
// with a short grammar word, 4 when it ends with one (a preposition: "debajo de"). The head is the word before the
// first short grammar word
// ("base" in "base de datos", "list" in "list of items"), else the last word; a plural
// ends in "s" but not "ss", "us", "is" or "ics" ("class", "virus", "análisis", "physics"),
// and is written in small letters (a name such as "Bahamas" is not one).
std::uint8_t PhraseBuild(std::string_view text) {
  const std::vector<WrittenWord> words = WrittenWords(text);
  if (words.empty()) return 0;
  auto grammar = [](const WrittenWord& w) {
    const std::string f = Fold(w.text);
    return w.lettersOnly && !w.capital && !f.empty() && (f.size() <= 2 || ShortGrammar(f));
  };
  std::uint8_t build = words.size() > 1 && grammar(words[0]) ? 2 : 0;
  if (words.size() > 1 && grammar(words.back())) build |= 4; // "debajo de", "arriba de / encima de"
  size_t head = words.size() - 1;
  for (size_t i = 1; i < words.size(); ++i)
    if (grammar(words[i])) {
      head = i - 1;
      break;
    }
  const std::string_view h = words[head].text;
  const bool small = words[head].lettersOnly && !words[head].capital;
  const std::string f = Fold(h);
  auto endsIn = [&](std::string_view tail) {
    return f.size() >= tail.size() && f.compare(f.size() - tail.size(), tail.size(), tail) == 0;
  };
  if (small && f.size() >= 4 && endsIn("s") && !endsIn("ss") && !endsIn("us") && !endsIn("is") && !endsIn("ics"))
    build |= 1;
  return build;
}

} // namespace

PromptLetters::PromptLetters(const std::string& prompt) {
  const std::vector<WrittenWord> words = WrittenWords(prompt);
  for (const WrittenWord& w : words) {
    m_words.push_back(Fold(w.text));
    if (m_words.back().size() >= 5 && !Common(m_words.back())) m_longWords.push_back(m_words.back());
    if (w.lettersOnly && (m_words.back().size() == 3 || m_words.back().size() == 4) && !Common(m_words.back()) &&
        !ShortGrammar(m_words.back()))
      m_shortWords.push_back(m_words.back());
    if (std::string name = NameWord(w); !name.empty()) m_names.push_back(std::move(name));
  }
  m_designations = DesignationLetters(words);
  Acronyms(words, m_acronyms, m_initials);
  m_wordInitials = WordInitials(words);
  for (std::string letters : m_acronyms) {
    std::sort(letters.begin(), letters.end());
    m_acronymLetters.push_back(std::move(letters));
  }
}

bool PromptLetters::SharedBy(const std::string& option) const {
  const std::vector<WrittenWord> o = WrittenWords(option);
  std::vector<std::string> names(o.size()); // each word's NameWord
  for (size_t i = 0; i < o.size(); ++i)
    names[i] = NameWord(o[i]);
  std::vector<std::string> optionNames;
  for (const std::string& n : names)
    if (!n.empty()) optionNames.push_back(n);
  if (LettersBeginAName(m_designations, optionNames) || LettersBeginAName(DesignationLetters(o), m_names)) return true;
  std::vector<std::string> acronyms, initials;
  Acronyms(o, acronyms, initials);
  if (AnyIn(acronyms, m_initials) || AnyIn(initials, m_acronyms) || AnyIn(acronyms, m_acronyms)) return true;
  // An acronym spelled out in another language's order and case: "DNS" and "sistema de
  // nombres de dominio", "CPU" and "unidad central de procesamiento", either way round.
  const std::string optionInitials = WordInitials(o);
  if (!optionInitials.empty() &&
      std::find(m_acronymLetters.begin(), m_acronymLetters.end(), optionInitials) != m_acronymLetters.end())
    return true;
  for (std::string a : acronyms) {
    std::sort(a.begin(), a.end());
    if (!m_wordInitials.empty() && a == m_wordInitials) return true;
  }
  // A name word of the option (not its first word, which is capitalised anyway, unless the
  // next is capitalised too) that the prompt has too.
  for (size_t i = 0; i < o.size(); ++i) {
    if (names[i].empty() || Common(names[i])) continue;
    if (i == 0 && o.size() > 1 && !o[1].capital) continue; // "Restoring the ..." begins a sentence
    for (const std::string& word : m_words)
      if (SameWord(word, names[i])) return true;
  }
  return false;
}

bool AlternativesMeet(const std::string& a, const std::string& b) {
  if (a.find('/') == std::string::npos && b.find('/') == std::string::npos) return false;
  auto folded = [](const std::string& text) {
    std::vector<std::string> parts;
    ForEachAlternative(text, [&](std::string_view part) {
      if (std::string f = Fold(part); !f.empty()) parts.push_back(std::move(f));
      return false;
    });
    return parts;
  };
  return AnyIn(folded(a), folded(b));
}

bool AlternativeIsPrompt(const std::string& answer, const std::string& prompt) {
  if (answer.find('/') == std::string::npos) return false;
  auto bare = [](std::string_view text) { // folded, letters and digits only
    std::string out;
    for (char c : Fold(text))
      if (IsWordChar(c)) out += c;
    return out;
  };
  const std::string p = bare(prompt);
  return !p.empty() && ForEachAlternative(answer, [&](std::string_view part) { return bare(part) == p; });
}

std::vector<std::string> SmallWordsShared(const std::string& prompt, const std::string& answer) {
  std::vector<std::string> shared, answerWords;
  for (const WrittenWord& w : WrittenWords(answer))
    if (w.lettersOnly) answerWords.push_back(Fold(w.text));
  for (const WrittenWord& w : WrittenWords(prompt)) {
    if (!w.lettersOnly) continue;
    std::string f = Fold(w.text);
    if (f.empty() || (f.size() > 2 && !ShortGrammar(f) && !Common(f))) continue;
    if (std::find(answerWords.begin(), answerWords.end(), f) != answerWords.end() &&
        std::find(shared.begin(), shared.end(), f) == shared.end())
      shared.push_back(std::move(f));
  }
  return shared;
}

TextForm FormOf(std::string_view text) {
  TextForm form;
  std::uint32_t words = 0, digits = 0, marks = 0;
  bool inWord = false, anyLower = false, anyUpper = false, firstUpper = false, laterUpper = false;
  size_t lastStart = 0, lastEnd = 0, characters = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    characters += StartsCharacter(c);
    const bool space = c == ' ' || c == '\t' || c == '\n';
    if (!space && !inWord) {
      ++words;
      lastStart = i;
      if (words == 1)
        firstUpper = c >= 'A' && c <= 'Z';
      else
        laterUpper = laterUpper || (c >= 'A' && c <= 'Z');
    }
    if (!space) lastEnd = i + 1;
    inWord = !space;
    digits += c >= '0' && c <= '9';
    anyLower = anyLower || (c >= 'a' && c <= 'z');
    anyUpper = anyUpper || (c >= 'A' && c <= 'Z');
    marks |= c == '/' ? 1u : c == ',' ? 2u : c == '-' ? 4u : c == '(' ? 8u : 0u;
    // A full stop inside a word: "CONTAR.SI", "Node.js".
    if (c == '.' && i > 0 && i + 1 < text.size() && text[i - 1] != ' ' && text[i + 1] != ' ') marks |= 16u;
  }
  // A name inside a phrase of small letters ("pestaña Inicio", "tecla Enter") is a case of its own.
  const std::uint32_t letterCase = anyUpper && !anyLower ? 3 : firstUpper ? 2 : laterUpper ? 4 : anyLower ? 1 : 0;
  form.key =
      std::min<std::uint32_t>(words, 4) | marks << 3 | letterCase << 8 | std::min<std::uint32_t>(digits, 7) << 11;
  form.ending = EndingClass(Fold(text.substr(lastStart, lastEnd - lastStart)));
  if (words > 1) {
    const size_t firstStart = text.find_first_not_of(" \t\n");
    const size_t firstEnd = text.find_first_of(" \t\n", firstStart);
    form.firstEnding = EndingClass(Fold(text.substr(firstStart, firstEnd - firstStart)));
  }
  form.length = static_cast<std::uint16_t>(std::min<size_t>(characters, 65535));
  form.build = PhraseBuild(text);
  return form;
}

bool InfinitiveLike(const TextForm& form) {
  static const std::uint16_t infinitive = EndingClass("amar"); // "-ar", "-er", "-ir"
  return form.ending == infinitive || form.firstEnding == infinitive;
}

bool BuildsFit(const TextForm& answer, const std::vector<TextForm>& others) {
  const auto fit = std::count_if(others.begin(), others.end(), [&](const TextForm& o) { return SameBuild(answer, o); });
  return static_cast<size_t>(fit) >= std::min<size_t>(2, others.size());
}

bool SameMarks(const TextForm& a, const TextForm& b) { return (a.key >> 3) == (b.key >> 3); }

bool FormsFit(const TextForm& answer, const std::vector<TextForm>& others) {
  size_t fit = 0;
  for (const TextForm& o : others) {
    // Within one word of the answer's, but a single word is no phrase ("program" among
    // "programming language" and "procedural programming").
    const int words = static_cast<int>(o.key & 7u), answerWords = static_cast<int>(answer.key & 7u);
    fit += SameMarks(answer, o) && std::abs(words - answerWords) <= 1 && (words == 1) == (answerWords == 1);
  }
  return fit >= std::min<size_t>(2, others.size());
}

int FormAlike(const TextForm& a, const TextForm& b) {
  const int longer = std::max(a.length, b.length), shorter = std::min(a.length, b.length);
  return (a.key == b.key ? 4 : 0) + (a.ending != 0 && a.ending == b.ending ? 2 : 0) +
         (2 * longer <= 3 * shorter ? 1 : 0);
}

bool NameGivesItsYear(const Event& e) {
  const int first = e.date.FirstYear();
  const int last = e.end ? e.end->LastYear() : e.date.LastYear();
  for (const WrittenWord& w : WrittenWords(e.name)) {
    if (w.text.empty() || w.text.size() > 4 ||
        !std::all_of(w.text.begin(), w.text.end(), [](char c) { return c >= '0' && c <= '9'; }))
      continue;
    const int n = std::stoi(std::string(w.text));
    // As written (AD), or as a BC year in astronomical numbering (52 BC is -51).
    if ((n >= first && n <= last) || (1 - n >= first && 1 - n <= last)) return true;
  }
  return false;
}

std::uint64_t PromptLetters::SharedWords(const std::string& option) const {
  std::uint64_t shared = 0;
  for (const WrittenWord& w : WrittenWords(option)) {
    if (!w.lettersOnly) continue;
    const std::string o = Fold(w.text);
    if (o.size() >= 3 && !Common(o) && !ShortGrammar(o))
      for (size_t i = 0; i < m_shortWords.size() && i < 32; ++i) {
        const std::string& p = m_shortWords[i];
        const std::string& shorter = p.size() <= o.size() ? p : o;
        const std::string& longer = p.size() <= o.size() ? o : p;
        // "tab" and "tab", "sum" and "suma"; a prompt's short word beginning or ending a
        // compound: "web" and "website", "base" and "database".
        const bool compound = &shorter == &p && longer.size() - shorter.size() >= 3 &&
                              longer.compare(longer.size() - shorter.size(), shorter.size(), shorter) == 0;
        // "null" and "nulo": four letters, the first three the same.
        const bool lastLetter = p.size() == 4 && o.size() == 4 && p.compare(0, 3, o, 0, 3) == 0;
        if ((longer.compare(0, shorter.size(), shorter) == 0 &&
             (longer.size() - shorter.size() <= 2 || (&shorter == &p && longer.size() - shorter.size() >= 3))) ||
            compound || lastLetter)
          shared |= std::uint64_t{1} << i;
      }
    if (o.size() >= 3 && o.size() <= 4 && !Common(o) && !ShortGrammar(o))
      for (size_t i = 0; i < m_longWords.size() && i < 32; ++i)
        if (m_longWords[i].compare(0, o.size(), o) == 0 ||
            m_longWords[i].compare(m_longWords[i].size() - o.size(), o.size(), o) == 0)
          shared |= std::uint64_t{1} << (32 + i); // "web" of "webpage", "base" of "database"
    if (o.size() < 5 || Common(o)) continue;
    for (size_t i = 0; i < m_longWords.size() && i < 32; ++i) {
      const std::string& p = m_longWords[i];
      if (SameWord(p, o) || p.find(o) != std::string::npos || o.find(p) != std::string::npos || OneEditApart(p, o))
        shared |= std::uint64_t{1} << (32 + i);
    }
  }
  return shared;
}

bool PromptLetters::Tell(const std::vector<std::string>& options) const {
  size_t sharing = 0;
  for (const std::string& o : options)
    sharing += SharedBy(o);
  return sharing != 0 && sharing != options.size();
}

AskedFor AskedForOf(const std::string& text) {
  struct Rule {
    const char* words; // folded, one or two words
    AskedFor asked;
  };
  // Two-word forms first: "how many" before "how".
  static const Rule rules[] = {
      {"how many", AskedFor::Count},  {"how much", AskedFor::Count},   {"how far", AskedFor::Count},
      {"how long", AskedFor::Count},  {"how old", AskedFor::Count},    {"wie viele", AskedFor::Count},
      {"wie viel", AskedFor::Count},  {"wie weit", AskedFor::Count},   {"wie lange", AskedFor::Count},
      {"what year", AskedFor::Time},  {"which year", AskedFor::Time},  {"what date", AskedFor::Time},
      {"por que", AskedFor::Reason},  {"pour quoi", AskedFor::Reason}, {"combien", AskedFor::Count},
      {"cuantos", AskedFor::Count},   {"cuantas", AskedFor::Count},    {"cuanto", AskedFor::Count},
      {"quanti", AskedFor::Count},    {"quante", AskedFor::Count},     {"quanto", AskedFor::Count},
      {"ile", AskedFor::Count},       {"сколько", AskedFor::Count},    {"why", AskedFor::Reason},
      {"warum", AskedFor::Reason},    {"weshalb", AskedFor::Reason},   {"wieso", AskedFor::Reason},
      {"pourquoi", AskedFor::Reason}, {"perche", AskedFor::Reason},    {"dlaczego", AskedFor::Reason},
      {"почему", AskedFor::Reason},   {"зачем", AskedFor::Reason},     {"how", AskedFor::Manner},
      {"wie", AskedFor::Manner},      {"comment", AskedFor::Manner},   {"como", AskedFor::Manner},
      {"come", AskedFor::Manner},     {"jak", AskedFor::Manner},       {"как", AskedFor::Manner},
      {"when", AskedFor::Time},       {"wann", AskedFor::Time},        {"quand", AskedFor::Time},
      {"cuando", AskedFor::Time},     {"quando", AskedFor::Time},      {"kiedy", AskedFor::Time},
      {"когда", AskedFor::Time},      {"where", AskedFor::Place},      {"wo", AskedFor::Place},
      {"wohin", AskedFor::Place},     {"woher", AskedFor::Place},      {"ou", AskedFor::Place},
      {"donde", AskedFor::Place},     {"dove", AskedFor::Place},       {"gdzie", AskedFor::Place},
      {"где", AskedFor::Place},       {"куда", AskedFor::Place},       {"who", AskedFor::Person},
      {"whom", AskedFor::Person},     {"whose", AskedFor::Person},     {"wer", AskedFor::Person},
      {"wem", AskedFor::Person},      {"wen", AskedFor::Person},       {"qui", AskedFor::Person},
      {"quien", AskedFor::Person},    {"quienes", AskedFor::Person},   {"chi", AskedFor::Person},
      {"kto", AskedFor::Person},      {"кто", AskedFor::Person},       {"what", AskedFor::Thing},
      {"which", AskedFor::Thing},     {"was", AskedFor::Thing},        {"welche", AskedFor::Thing},
      {"welcher", AskedFor::Thing},   {"welches", AskedFor::Thing},    {"que", AskedFor::Thing},
      {"quoi", AskedFor::Thing},      {"quel", AskedFor::Thing},       {"quelle", AskedFor::Thing},
      {"cual", AskedFor::Thing},      {"che", AskedFor::Thing},        {"quale", AskedFor::Thing},
      {"co", AskedFor::Thing},        {"jaki", AskedFor::Thing},       {"что", AskedFor::Thing},
      {"какой", AskedFor::Thing},     {"какие", AskedFor::Thing},      {"какая", AskedFor::Thing}};
  // The rules by their first word, each word's in the table's order (two-word forms first).
  struct Next {
    std::string second; // "" for a one-word rule
    AskedFor asked;
  };
  static const std::unordered_map<std::string, std::vector<Next>> byFirst = [] {
    std::unordered_map<std::string, std::vector<Next>> map;
    for (const Rule& r : rules) {
      const std::string words = r.words;
      const size_t space = words.find(' ');
      map[words.substr(0, space)].push_back(
          {space == std::string::npos ? std::string() : words.substr(space + 1), r.asked});
    }
    return map;
  }();
  // A statement ("Hund", "The capital of France") asks for nothing: only text ending in a
  // question mark is read for its question word.
  if (text.find('?') == std::string::npos) return AskedFor::Statement;
  const std::string folded = Fold(text);
  if (folded.empty()) return AskedFor::Statement;
  const std::vector<WrittenWord> words = WrittenWords(folded);
  for (size_t i = 0; i < words.size(); ++i) {
    auto rule = byFirst.find(std::string(words[i].text));
    if (rule == byFirst.end()) continue;
    const std::string_view next = i + 1 < words.size() ? words[i + 1].text : std::string_view();
    for (const Next& r : rule->second) {
      if (!r.second.empty() && next != r.second) continue;
      // "Was" opens questions in two of the languages ("Was ist ...", "Was it ..."): English first.
      if (rule->first == "was" && i == 0 && (next == "it" || next == "there")) continue;
      return r.asked;
    }
  }
  return AskedFor::Thing;
}

const char* AskedForName(AskedFor a) {
  switch (a) {
  case AskedFor::Statement: return "a statement";
  case AskedFor::Count: return "a count";
  case AskedFor::Reason: return "a reason";
  case AskedFor::Manner: return "a manner";
  case AskedFor::Time: return "a time";
  case AskedFor::Place: return "a place";
  case AskedFor::Person: return "a person";
  case AskedFor::Thing: return "a thing";
  }
  return "";
}

std::optional<Period> DeckPeriod(const Deck& deck) {
  std::vector<int> years;
  for (const Event& e : deck.events)
    years.push_back(e.date.FirstYear());
  for (const Fact& f : deck.facts)
    if (f.object.type == ValueType::Year || f.object.type == ValueType::Date)
      years.push_back(f.object.date.FirstYear());
  if (years.size() < 5) return std::nullopt;
  std::sort(years.begin(), years.end());
  const size_t cut = years.size() / 10;
  return Period{years[cut], years[years.size() - 1 - cut]};
}

Period OptionWindow(const Period& period, int answerFirst, int answerLast) {
  const int pad = std::max(3, (period.last - period.first) / 4);
  return Period{std::min(period.first, answerFirst) - pad, std::max(period.last, answerLast) + pad};
}

namespace {

// True when `of(options[answer])` differs from every other option's while those all agree.
template <typename Of> bool OddOneOut(size_t count, size_t answer, const Of& of) {
  if (count < 3) return false;
  const auto mine = of(answer);
  std::optional<std::remove_const_t<decltype(mine)>> shared;
  for (size_t i = 0; i < count; ++i) {
    if (i == answer) continue;
    const auto theirs = of(i);
    if (theirs == mine) return false;
    if (shared && *shared != theirs) return false;
    shared = theirs;
  }
  return true;
}

// How round a whole number reads: the largest power of ten dividing it (450 is 10, 400 is
// 100), else 1. Below 10 no number reads as round (5 among 3, 4 and 6 is no clue).
long long Roundness(long long n) {
  if (n < 0) n = -n;
  if (n < 10) return 1;
  long long unit = 1;
  while (unit < 1000000000000LL && n % (unit * 10) == 0)
    unit *= 10;
  return unit;
}

template <typename Of> bool Roundest(size_t count, size_t answer, const Of& roundness) {
  const auto mine = roundness(answer);
  for (size_t i = 0; i < count; ++i)
    if (i != answer && roundness(i) >= mine) return false;
  return mine > 1;
}

} // namespace

bool Isolated(const std::vector<double>& values, size_t answer) {
  const size_t n = values.size();
  if (n < 3 || answer >= n) return false;
  auto nearest = [&](size_t i) {
    double best = std::numeric_limits<double>::infinity();
    for (size_t j = 0; j < n; ++j)
      if (j != i) best = std::min(best, std::fabs(values[i] - values[j]));
    return best;
  };
  double others = 0;
  for (size_t i = 0; i < n; ++i)
    if (i != answer) others = std::max(others, nearest(i));
  if (nearest(answer) > 1.5 * others) return true;
  // Off the others' step: three or more options evenly spaced and the answer between or
  // beyond them off that grid ("1930" against 1920, 1924, 1928).
  std::vector<double> rest;
  for (size_t i = 0; i < n; ++i)
    if (i != answer) rest.push_back(values[i]);
  if (rest.size() < 3) return false;
  std::sort(rest.begin(), rest.end());
  const double step = rest[1] - rest[0];
  if (step <= 0) return false;
  for (size_t i = 2; i < rest.size(); ++i)
    if (rest[i] - rest[i - 1] != step) return false;
  const double offset = std::fmod(std::fabs(values[answer] - rest[0]), step);
  return offset != 0;
}

bool DateStandsOut(const std::vector<Date>& o, size_t answer) {
  const size_t n = o.size();
  if (answer >= n) return false;
  std::vector<double> days;
  for (const Date& d : o)
    days.push_back(static_cast<double>(d.WideFirstDay()));
  if (Isolated(days, answer)) return true;
  auto same = [&](DatePrecision p) {
    return std::all_of(o.begin(), o.end(), [&](const Date& d) { return d.precision == p; });
  };
  if (OddOneOut(n, answer, [&](size_t i) { return o[i].year <= 0; })) return true;
  if (OddOneOut(n, answer, [&](size_t i) { return o[i].circa; })) return true;
  if (same(DatePrecision::Day) || same(DatePrecision::Month) || same(DatePrecision::Season)) {
    if (OddOneOut(n, answer, [&](size_t i) { return o[i].year; })) return true;
    if (OddOneOut(n, answer, [&](size_t i) { return o[i].month; })) return true;
  }
  if (same(DatePrecision::Day) && OddOneOut(n, answer, [&](size_t i) { return o[i].day; })) return true;
  if (same(DatePrecision::Year) &&
      std::all_of(o.begin(), o.end(), [](const Date& d) { return d.doubt == DateDoubt::None; })) {
    auto round = [&](size_t i) { return YearRounding(o[i].year); };
    if (Roundest(n, answer, round) || OddOneOut(n, answer, round)) return true;
  }
  return false;
}

bool NumberStandsOut(const std::vector<double>& o, size_t answer) {
  if (answer >= o.size()) return false;
  for (double v : o)
    if (v != std::floor(v) || std::fabs(v) > 1e15) return false; // fractions: no roundness to read
  auto round = [&](size_t i) { return Roundness(static_cast<long long>(o[i])); };
  return Isolated(o, answer) || Roundest(o.size(), answer, round) || OddOneOut(o.size(), answer, round);
}

} // namespace factdeck
