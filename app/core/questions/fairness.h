// What a test-wise student reads in a question's form, without knowing the fact: the rules
// the generator keeps (docs/questions.md, "Fair to a test-wise student"). Each function
// looks at text, dates or numbers only; the generator decides what to do when one fires.
#pragma once

#include <cstdint>
#include <string_view>

#include <optional>
#include <string>
#include <vector>

#include "core/base/date.h"

namespace factdeck {

struct Deck;
struct Event;

// A question's prompt, read once for the letters its options may share with it (a builder
// tests every candidate option against one).
class PromptLetters {
public:
  explicit PromptLetters(const std::string& prompt);
  // True when `option` shares a name's letters with the prompt: a type's letters that begin
  // a maker's name ("Ka 27" and "Kamov", either way round), or a capitalised name word of
  // four letters or more in both ("Siberia", "Romans" and "Roman"), or a name's initials
  // written as a word ("UAE" and "United Arab Emirates", either way round; "DNS" and
  // "sistema de nombres de dominio", in any order and case).
  bool SharedBy(const std::string& option) const;
  // True when some options share letters with the prompt and others do not: the letters
  // point at (or away from) an option. Sharing by all options, or by none, tells nothing.
  bool Tell(const std::vector<std::string>& options) const;
  // True when `option` and the prompt share a word in any case, the same or one inside the
  // other, of five letters or more: "toxin" in "neurotoxin", "evolution" in "macroevolution";
  // or the same of three or four, or one of them a letter or two longer: "Tab key" and "tecla
  // Tab", "SUM" and "SUMA".
  // A term and its definition: the clue a term list gives (cards only; typed facts name
  // their subjects on purpose).
  bool SharesWord(const std::string& option) const { return SharedWords(option) != 0; }
  // Which of the prompt's words `option` shares so (a bit for each): an option sharing
  // "heap" tells more than three sharing only "memoria" with it.
  std::uint64_t SharedWords(const std::string& option) const;

private:
  std::vector<std::string> m_words;        // every word, folded
  std::vector<std::string> m_names;        // capitalised words of letters, four or more once folded
  std::vector<std::string> m_designations; // the letters of its type designations ("ka" of "Ka 27")
  std::vector<std::string> m_longWords;    // words of five letters or more, none of its grammar (SharesWord)
  std::vector<std::string> m_shortWords;   // words of three or four letters, none of its grammar (SharesWord)
  std::vector<std::string> m_acronyms;     // words in capitals of two to five letters, folded ("uae")
  std::vector<std::string> m_initials;     // the initials of runs of two or more capitalised words ("uae")
  std::string m_wordInitials; // its content words' initials, sorted ("dns" of "sistema de nombres de dominio")
  std::vector<std::string> m_acronymLetters; // each of m_acronyms, its letters sorted ("dns")
};

// The small words (grammar words, and words of one or two letters) `answer` repeats from
// `prompt`, folded: "for" for "for loop" and "bucle for". The letter rules pass over such
// words, common as they are; repeated in another language's answer, they point at it.
std::vector<std::string> SmallWordsShared(const std::string& prompt, const std::string& answer);

// True when two texts, one at least written as alternatives ("hoja de cálculo / hoja de
// trabajo"), share one once folded ("hoja de cálculo"): what answers the one answers the other.
bool AlternativesMeet(const std::string& a, const std::string& b);

// True when one of `answer`'s alternatives ("exclusión mutua / mutex": the parts between
// slashes, when there are several) is `prompt` itself, folded and without marks ("wifi" for
// "Wi-Fi"): a loanword kept beside the translation.
bool AlternativeIsPrompt(const std::string& answer, const std::string& prompt);

// How an option looks, apart from what it says: the marks a test-wise student reads when
// one option is unlike the others (the only phrase among single words, the only one with a
// slash or in capitals, the only verb ending in "-ar", the only code of two digits).
struct TextForm {
  std::uint32_t key =
      0; // words (up to 4), marks ("/", ",", "-", "("), case (a name inside small letters apart), digits (up to 7)
  std::uint16_t ending =
      0; // the last word's last two letters, folded, when it has four or more ("-er", "-ir" as "-ar")
  std::uint16_t length = 0; // characters
  // The phrase's build: its head word a plural ("arrow keys", "teclas de flecha"; not a
  // name), and whether it begins or ends with a short grammar word ("on the left", "a la
  // izquierda", "debajo de").
  std::uint8_t build = 0;
  // The first word's ending, as `ending`, when the text has two or more words: a phrase
  // led by a verb ("iniciar sesión", "liberar memoria") against phrases led by verbs.
  std::uint16_t firstEnding = 0;
};
TextForm FormOf(std::string_view text);
// True when a phrase ends or begins with a word ending as the Romance infinitives do ("-ar",
// "-er", "-ir"): "guardar", "iniciar sesión". (Some nouns do too: "carácter", "printer".)
bool InfinitiveLike(const TextForm& form);
// True when two forms are phrases of the same build (TextForm::build).
inline bool SameBuild(const TextForm& a, const TextForm& b) { return a.build == b.build; }
// True when at least two of `others` (all, when fewer) are phrases of the answer's build.
bool BuildsFit(const TextForm& answer, const std::vector<TextForm>& others);
// How alike two forms are: 4 for the same words, marks, case and digits, 2 more for the same
// ending, 1 for lengths within half again of each other.
int FormAlike(const TextForm& a, const TextForm& b);
// True when two forms have the same marks, case and digits, whatever their number of words.
bool SameMarks(const TextForm& a, const TextForm& b);
// True when at least two of `others` (all, when fewer) have the answer's marks, case and
// digits and a number of words within one of its: the answer does not stand out.
bool FormsFit(const TextForm& answer, const std::vector<TextForm>& others);

// True when an event's name writes one of the years it took place in ("Acts of Union 1706",
// "Census of 1801"): asked when it happened, or set among others in order, it gives itself
// away. A BC year counts written either way ("Siege of 52 BC").
bool NameGivesItsYear(const Event& e);

inline bool SharesLetters(const std::string& prompt, const std::string& option) {
  return PromptLetters(prompt).SharedBy(option);
}
inline bool LettersTell(const std::string& prompt, const std::vector<std::string>& options) {
  return PromptLetters(prompt).Tell(options);
}

// The sort of answer a question asks for, from its question word, in English and the main
// European languages ("How many ...", "Wie viele ...", "Combien ...", "Сколько ...").
enum class AskedFor { Statement, Count, Reason, Manner, Time, Place, Person, Thing };
AskedFor AskedForOf(const std::string& text);
const char* AskedForName(AskedFor a); // "a count", "a reason", ... for messages

// The years most of a deck's dated items fall in (its events' and its date facts'),
// without the outlying tenth at each end; none for a deck with fewer than five dates.
struct Period {
  int first = 0, last = 0; // astronomical years
};
std::optional<Period> DeckPeriod(const Deck& deck);
// The years a date option may lie in for a deck of `period`, around an answer from
// `answerFirst` to `answerLast`: the period and the answer, widened by a quarter of the
// period's length (at least 3 years), so that a deck of 1840–1850 never offers 1800.
Period OptionWindow(const Period& period, int answerFirst, int answerLast);

// True when the answer stands apart from the other options: its nearest neighbour more than
// half as far again as any other option's ("1930" against 1920, 1922 and 1924), or off the
// step of three or more evenly spaced others ("1930" against 1920, 1924 and 1928).
bool Isolated(const std::vector<double>& values, size_t answer);
// True when the answer (options[answer]) is the odd one out among date options: apart from
// the others (Isolated, by first day), the only one in its year, month, day of the month,
// era or circa-ness while the others share theirs, or the roundest year of all.
bool DateStandsOut(const std::vector<Date>& options, size_t answer);
// The same for numbers: apart from the others, the roundest, or the only one of its roundness.
bool NumberStandsOut(const std::vector<double>& options, size_t answer);

} // namespace factdeck
