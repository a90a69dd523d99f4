// Questions generated from a deck's typed facts, dated events and cards, with distractors
// checked against every fact. docs/questions.md gives the rules and the JSON form.
//
// A question is built only when it is good: exactly one right option, no distractor that
// the deck states as true (aliases and many-valued relations included), options distinct
// once folded (Unicode NFKC, case, accents), no answer in the question, attributed figures
// asked with their attribution. Otherwise none is built: never padded with junk.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/deck/deck.h"
#include "core/srs/study.h"

namespace factdeck {

using srs::QuestionKind;
using srs::QuestionKindFromName;
using srs::QuestionKindLabel;
using srs::QuestionKindName;

struct Question {
  QuestionKind kind = QuestionKind::MultipleChoice;
  std::string key;                // deck id / item / kind: what the answer is stored under
  std::vector<std::string> items; // the ids it is about (several for ordering and which-first)
  std::string card;               // the item whose card it was made for (the first of items but
                                  // for ordering and which-first, whose other events are picked)
  std::string prompt;
  // A picture shown with the prompt (the file), when the item asked about has one and it
  // does not show the answer: a card's front, a written question's, the subject's in a
  // question about it, the clue's in a reverse question, an event's when its date is asked.
  std::string image;
  std::vector<std::string> options; // choices; for ordering the events as shown
  // Pictures on the options (files, one per option), or empty: an image relation's pictures
  // ("Which of these is the flag of Chile?"), or with show_image = "options" each option
  // entity's own. No two show the same pixels.
  std::vector<std::string> optionImages;
  // True when the options are told apart by their pictures alone (an image relation): the
  // words of each (`options`: whose picture it is) are shown only once it is answered.
  bool picturesOnly = false;
  int answer = -1; // index of the right option (multiple choice, when, which-first)
  // A hand-written question with several right options ("select all"): all of them,
  // ascending; `answer` is then -1. Empty otherwise.
  std::vector<int> answers;
  std::vector<int> order; // ordering: option indices in chronological order
  std::string answerText; // the answer as text (typed year: the year; flashcard: the back)
  // Typed year: the years that count as right (astronomical, inclusive): the date's
  // interval widened by its circa tolerance; two ranges for "2334 or 2270 BC".
  std::vector<std::pair<int, int>> acceptedYears;
  std::string explanation; // one line shown after answering
  std::string source;      // the citation: title, and author when known
  std::vector<std::string> tags;
  int seconds = 0; // a hand-written question's time limit in class play; 0: the game's own
  // What it asks about, by name: a fact's subject (in reverse, its object), an event's name;
  // empty for cards and written questions. An earlier question of a quiz that showed this
  // name and the answer together gives it away (GivenAway).
  std::string about;
  // The word of `about` that names it best, folded: of its capitalised words, one the deck
  // never writes in lower case (a name, not "Only" or "Early"), the rarest among the
  // deck's names ("hanseatic" of "The Hanseatic League is formed in Lübeck").
  // Empty when it has none; an earlier text that shows it beside the answer gives it away.
  std::string aboutName;
  // Its prompt stands without its options and has one right answer (`answerText`): it can
  // be asked from memory (AskFromMemory). A forward question with one object, a "when".
  bool recallable = false;
  // Asked from memory: a flashcard made of a question of this kind, which reviews the card
  // of that kind (CardKind). Empty for every other question.
  std::optional<QuestionKind> recallOf;
};

// The kind of card an answer to `q` reviews: its own kind, or the kind it was made from
// when asked from memory.
inline QuestionKind CardKind(const Question& q) { return q.recallOf.value_or(q.kind); }
// `q` asked from memory for a card of kind `card`: a flashcard with its prompt, whose back
// is its answer, graded by the learner; no options, so nothing to guess. Empty when `q` is
// not recallable.
std::optional<Question> AskFromMemory(const Question& q, QuestionKind card);

// True when `option` is a right option of `q` (its answer, or one of its answers).
bool IsRightOption(const Question& q, int option);
// True for a question that asks for every right option rather than one.
inline bool SelectAll(const Question& q) { return !q.answers.empty(); }
// How long a class has to answer `q`: its own time limit (a written question's `seconds`),
// else the game's.
inline int SecondsFor(const Question& q, int gameSeconds) { return q.seconds > 0 ? q.seconds : gameSeconds; }
// The right options of a question with options: its answers, or its one answer.
inline std::vector<int> RightOptions(const Question& q) {
  return SelectAll(q) ? q.answers : q.answer >= 0 ? std::vector<int>{q.answer} : std::vector<int>{};
}

struct QuestionRequest {
  size_t count = 10;
  std::vector<QuestionKind> kinds; // empty: every kind
  std::vector<std::string> tags;   // empty: everything; else items with one of these tags
  std::uint64_t seed = 1;
};

// A small deterministic generator: the same seed gives the same numbers on every platform.
class Random {
public:
  explicit Random(std::uint64_t seed) : m_state(seed) {}
  std::uint64_t Next();
  size_t Below(size_t n); // uniform in [0, n)
  // A step through n items that visits each once ((start + i * step) % n, i < n), drawn so
  // that neighbours in the list (alphabetical terms, countries in order) are not taken together.
  size_t Stride(size_t n);
  template <typename T> void Shuffle(std::vector<T>& items) {
    for (size_t i = items.size(); i > 1; --i)
      std::swap(items[i - 1], items[Below(i)]);
  }

private:
  std::uint64_t m_state;
};

class QuestionGenerator {
public:
  explicit QuestionGenerator(const Deck& deck);
  ~QuestionGenerator();

  // Up to `request.count` questions, the kinds taking turns, each item (fact, event, card,
  // written question) asked once, and each prompt once. Fewer when the deck cannot make
  // more good ones.
  std::vector<Question> Generate(const QuestionRequest& request) const;

  // One question of `kind` about `item` (a fact, event or card id), or none when no good
  // one can be built; then `whyNot`, when given, says why where a rule of fairness refused
  // it (check --explain). Ordering and which-first pick the other events themselves.
  std::optional<Question> Make(QuestionKind kind, const std::string& item, std::uint64_t seed,
                               std::string* whyNot = nullptr) const;

  // True when `item` can be asked as `kind`: Make succeeds with one of a few seeds (each
  // seed draws other options). Else `whyNot`, when given, says why the last try refused it.
  bool Asks(QuestionKind kind, const std::string& item, std::string* whyNot = nullptr) const;

  // The items that can be asked as `kind`, in deck order (before any quality check).
  std::vector<std::string> Candidates(QuestionKind kind, const std::vector<std::string>& tags = {}) const;

  // True when the deck states that `subject` has `value` for `relation` (by id for
  // entities, folded text otherwise; any attribution counts).
  bool States(const std::string& subject, const std::string& relation, const std::string& foldedValue) const;

  // True when every subject of the fact's subject's kind (three or more) has the same one
  // object for its relation: such a fact is asked neither way (docs/questions.md).
  bool SameForWholeKind(const Fact& f) const;

  struct Index; // look-ups built once per deck (questions.cpp)

private:
  std::unique_ptr<Index> m_index;
  const Deck& m_deck;
};

const std::vector<QuestionKind>& AllQuestionKinds();

// Why a deck gives no question of `kinds` (with `tags`), in words for the person setting up
// a game: what the deck has, and what each kind needs (docs/questions.md).
// What a question shows as true once it is answered: its prompt, its right answers (every
// option of an order) and its explanation, folded with numbers in words as digits, and the
// set of their words.
struct Revealed {
  std::string text;
  std::vector<std::string> words; // sorted, unique
};
Revealed RevealedBy(const Question& q);
// True when an earlier question that showed `shown` gave `later` away. Either the name of
// what `later` asks about (its `aboutName`) was shown with its whole answer, or with it in
// other words: the number of a count ("fifty fighters" for "50 aircraft"), or two thirds of
// the distinctive words of an answer of four or more. Or every right answer
// of `later` stands in what was shown, and so does what `later` asks about: its `about`
// name ("From which year did the I-7 serve?" after an explanation "... as the I-7 (1931)"),
// or else every name in
// its prompt (a capitalised word, or a word with a digit), and at least two of its distinctive words and at least
// half of them ("train" matches "trained").
// "When did the Globe Theatre open? 1599" gives away "In which year did the Globe Theatre
// first stage a play?" but not "When did the Rose Theatre open?". Orderings and
// which-first are never given away this way (their answer is an order, not a text).
bool GivenAway(const Question& later, const Revealed& shown);
// What the questions of a quiz or session showed so far, indexed by word: a later question
// is checked only against those that showed the first word of its answer.
class ShownSoFar {
public:
  void Add(const Question& q);
  // True when one of the questions added gives `later` away (GivenAway).
  bool GivesAway(const Question& later) const;

private:
  std::vector<Revealed> m_shown;
  std::unordered_map<std::string, std::vector<size_t>> m_byWord; // word -> m_shown indices
};

// A fact no question kind asks (neither way round), and why, in words for the deck's author.
struct UnaskedFact {
  const Fact* fact = nullptr;
  std::string reason;
};
std::vector<UnaskedFact> UnaskedFacts(const Deck& deck, const QuestionGenerator& generator);
inline std::vector<UnaskedFact> UnaskedFacts(const Deck& deck) { return UnaskedFacts(deck, QuestionGenerator(deck)); }
// Events no question asks (when, typed year, ordering, which first), with why.
struct UnaskedEvent {
  const Event* event = nullptr;
  std::string reason;
};
std::vector<UnaskedEvent> UnaskedEvents(const Deck& deck, const QuestionGenerator& generator);

// Free-text values that could make a second right answer: two subjects' values of one text
// relation saying much the same, or a value naming an entity the deck also links to other
// subjects ("Legate who served in Gaul" when four legates served there). For `check`.
std::vector<Diagnostic> FreeTextWarnings(const Deck& deck);

std::string NothingToAskMessage(const Deck& deck, const std::vector<QuestionKind>& kinds, const std::string& tags = {});

// True when two events can be told apart in time: one ends before the other begins, each
// widened by its circa tolerance. The rule for which-first, ordering and the timeline game.
bool EventsApart(const Event& a, const Event& b);

// The years a typed answer about `date` may give (Question::acceptedYears).
std::vector<std::pair<int, int>> AcceptedYears(const Date& date);
bool YearAccepted(const Question& q, int year);
// "1919–1923", "2334 BC or 2270 BC", "1922".
std::string AcceptedYearsText(const Question& q);

// What makes two prompts the same for "never the same prompt twice": the words (folded) and
// the picture: "Which country's flag is this?" with two flags is two questions.
std::string PromptKey(const Question& q);

} // namespace factdeck
