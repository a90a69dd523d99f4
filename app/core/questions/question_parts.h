// Parts shared by the question builders (internal to app/core/questions): the deck's index,
// the Builder every question kind is made by, and the helpers on words, names and dates they
// use. questions.h is the public face.
#pragma once

#include <atomic>
#include <memory>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/base/calendar.h"
#include "core/base/text.h"
#include "core/questions/fairness.h"
#include "core/questions/questions.h"

namespace factdeck {
namespace question_parts {

constexpr size_t kOptions = 4;

constexpr int kLongestAskedSpan = 25; // years; a longer span is asked by its beginning
constexpr char kSep = '\x1F';

constexpr int kDayOptionMonths = 2;     // months between the options of a plain day
constexpr int kCircaDayOptionDays = 61; // days, at least, between those of a circa day

// A date and perhaps its end, as an option.
struct DateOption {
  Date start;
  std::optional<Date> end;
  std::string Text() const { return end ? SpanDisplay(start, *end) : start.Display(); }
  std::int64_t First() const { return start.WideFirstDay(); }
  std::int64_t Last() const { return end ? end->WideLastDay() : start.WideLastDay(); }
};

// The words that name an entity alone or with one other ("gaul"; not "roman", which many
// names share): each entity's, by index, and the entities by each such word.
struct NamingWords {
  std::vector<std::vector<std::string>> ofEntity;
  std::unordered_map<std::string, std::vector<size_t>> entitiesByWord;
};

constexpr size_t kMaxNamesSharingAWord = 2;

// A text value with its ContentWords, computed once per deck: comparing descriptions is the
// costly part of a text question.
struct IndexedText {
  std::string text;
  std::vector<std::string> words;
  const std::vector<std::string>* subjectTags; // of the first subject it is said of
  const std::string* subject;                  // that subject's id
  TextForm form;                               // how it looks (FormOf)
};

const std::vector<std::string>& TagsOfItem(const Deck& deck, const std::string& subject); // an entity's or event's tags

std::string NumberWordsAsDigits(const std::string& folded); // "fifty" as "50"

std::string Join(const std::string& a, const std::string& b);

// The comparable form of a value: entities by id, the rest by folded text or number.
std::string ValueKey(const Value& v);

// An event's interval of days from its start to its end, widened by the circa tolerance of
// each (docs/facts-format.md), so that "c. 1921" is never ordered against 1922 nor
// "c. 2600 BC" against 2580 BC.
std::pair<std::int64_t, std::int64_t> Span(const Event& e);

bool Apart(const Event& a, const Event& b);

int NiceStep(int n);

// How many steps of its own precision lie between a date's options (docs/questions.md):
// a single date keeps its rounding (1920 moves by tens, c. 2600 BC by centuries); an
// uncertain date or a span moves by more than its width, so no option overlaps another.
std::optional<int> OptionStep(const Date& d, const Date* end);

// The steps a date's options may move by, the most natural first: a plain year may also
// move by smaller round steps (1930 by tens, else by fives), so that a deck of a narrow
// period has options inside it; which of them fit is the caller's test (DatesFit).
std::vector<int> OptionSteps(const Date& d, const Date* end);

// A plain day moved by whole months (its month moved as ShiftDate moves a month), on the
// same day of the month (the month's last day when it is shorter): "3 September 1933"
// against "3 November 1933"; none across an era.
std::optional<Date> ShiftMonths(const Date& d, int months);

// The option `rung` steps away, in the answer's form; none when there is no such date.
std::optional<DateOption> ShiftOption(const DateOption& answer, int step, int rung);

// True when a number of three or more digits in `answer` (a year, say) stands in `prompt`.
bool YearsInPrompt(const std::string& prompt, const std::string& answer);

// True when a name in the prompt ("Which school stood near Oxford?") stands in the right
// option ("Oxford flying school") and in no other: the question names its answer.
bool NamesItsAnswer(const std::string& prompt, const std::vector<std::string>& options, size_t answer);

std::string Fill(const std::string& templ, const char* placeholder, const std::string& value);

// "According to Suetonius, how many ...?" for figures the sources disagree on.
// The question runs on after a comma when it starts with a question word ("According to
// Suetonius, in which year ..."); anything else might be a name and keeps its capital.
std::string Attributed(const std::string& prompt, const std::string& who);

// The words of a name that name it (capitalised, or with a digit): "gaul" of "Army of
// Gaul", "ms" and "46" of "Boeing MS 46"; words such as "The" left out.
std::vector<std::string> NameWords(const std::string& name);

NamingWords DistinctiveNameWords(const Deck& deck);

// The words of four letters or more in `text`, folded, sorted and distinct.
std::vector<std::string> ContentWords(const std::string& text);

// Two descriptions saying much the same ("Roman general who served in Gaul", "Roman officer
// who served in Gaul"): the deck cannot say one is false of a subject the other describes.
// Takes ContentWords of each.
bool MuchTheSame(const std::vector<std::string>& wa, const std::vector<std::string>& wb);

// How many tags the two lists have in common.
size_t SharedTags(const std::vector<std::string>& a, const std::vector<std::string>& b);

// The kind of an item, for plausibility: an entity's kind, "event" for an event.
const std::string& KindOfItem(const Deck& deck, const std::string& id);

const std::vector<std::string>& TagsOfItem(const Deck& deck, const std::string& subject);

bool HasTag(const std::vector<std::string>& itemTags, const std::vector<std::string>& wanted);

// Where an event's name places it in the story of what it names, read from English words:
// -1 a beginning, a decision or a plan ("begins", "opens", "is founded", "decides",
// "agreement on", "fixes a date", "offers to", "first"), 1 an end ("ends", "closes", "is
// dissolved", "leave", "handed over", "last"), 0 neither.
int StoryStage(const std::string& name);
// Why a date whose year its wording and the deck's period give (YearGivenByStory) is not
// asked: `what` reads as an end in the period's last year, or a beginning in its first.
std::string StoryYearReason(int storyEnd, const char* what);

// For each event, the threads of story it belongs to, sorted: its place, and each tag, when
// that place or tag is shared by at least two events and at most a third of them (one site,
// one programme; not the whole deck, not a whole continent). Events of one thread tell one
// story ("the base opens", "reaches full strength", "is handed over") whose order a student
// reads from the wording: an order takes at most one event of each thread.
std::vector<std::vector<std::string>> EventThreads(const Deck& deck);
// In shown_so_far.cpp: "fifty" as "50"; the words of folded text, sorted and unique.
std::string NumberWordsAsDigits(const std::string& folded);
std::vector<std::string> WordsOf(const std::string& folded);

// A day with no doubt and no circa: its options move by whole months (ShiftMonths).
inline bool PlainDay(const Date& d) {
  return d.precision == DatePrecision::Day && d.doubt == DateDoubt::None && !d.circa;
}

// True when `text` ends in an abbreviation's full stop: "D.C.", "U.S.", "St.".
inline bool EndsInAbbreviation(const std::string& text) {
  return FirstSentenceEnd(text + " Next") == std::string::npos;
}

// True when the two lists of tags have one in common.
inline bool SharesTag(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return SharedTags(a, b) > 0;
}

} // namespace question_parts

struct QuestionGenerator::Index {
  std::unordered_map<std::string, std::vector<size_t>> factsBySubjectRelation;
  std::unordered_map<std::string, std::vector<size_t>> factsByRelation;
  std::unordered_map<std::string, std::vector<size_t>> entitiesByKind;
  // A relation's text values, distinct, in deck order, each with its ContentWords.
  std::unordered_map<std::string, std::vector<question_parts::IndexedText>> textsByRelation;
  std::unordered_set<std::string> stated; // subject, relation, value key
  // For each entity or event, the name words (folded) of every entity a typed fact links it
  // to, either way: "gaul" for a legate who served in the Army of Gaul. A free text naming
  // one of them ("Legate who served in Gaul") may be true of it as well.
  std::unordered_map<std::string, std::vector<std::string>> linkedNames;
  std::unordered_set<std::string> relationsWithBounds; // a fact of theirs is "more than 100", ...
  // Pairs of entities a typed fact links, either way ("a|b" and "b|a"): no distractor for
  // a question about one ("Near which place was the test site?") is an entity the deck ties
  // to it by another relation (the range where its agents were also tested).
  std::unordered_set<std::string> linkedPairs;
  std::unordered_map<std::string, size_t> factById, cardById, entityById, eventById, choiceById;
  std::vector<std::vector<std::string>> entityFolds;           // name and aliases, folded
  std::vector<std::string> descriptionFolds;                   // each entity's description, folded
  std::unordered_map<std::string, std::string> pictureCredits; // a picture's file -> its credit
  std::vector<size_t> eventsByDate;
  std::vector<size_t> dateRank;        // each event's place in eventsByDate (npos when not there)
  std::vector<char> namesItsYear;      // per event: NameGivesItsYear, read once
  std::vector<signed char> storyStage; // per event: StoryStage of its name, read once
  std::unordered_map<std::string, signed char> relationStage; // per date relation: of its question
  // Per event, sorted: the threads of story it belongs to (EventThreads).
  std::vector<std::vector<std::string>> threads;
  // Events sharing one day with others (a plain day, no end): id -> the ids of that day.
  std::unordered_map<std::string, std::vector<std::string>> sameDay;
  // Cards asked as multiple choice: each side folded and its TextShape, the cards by the
  // shape of each side (where distractors come from), and by each folded side (which
  // other sides are right too: "England → London" and "United Kingdom → London").
  std::vector<std::string> frontFolds, backFolds;
  std::unordered_map<std::string, std::vector<size_t>> cardsByFrontShape, cardsByBackShape;
  std::vector<std::string> frontShapes, backShapes;
  std::vector<TextForm> frontForms, backForms; // how each side looks (FormOf)
  // Cards with the same folded front (back), as chains: the first of each, then the next.
  std::vector<size_t> sameFrontFirst, sameFrontNext, sameBackFirst, sameBackNext;
  std::vector<AskedFor> frontAsks; // what each card's front asks for ("how many": a count)
  // The cards' English side (0: none, 1: the fronts, 2: the backs: the side most of whose
  // words the lexicon knows) and each card's word classes on it (Lexicon::PhraseClasses),
  // looked up when first needed (kUnread until then): a card's classes hold either way.
  static constexpr std::uint8_t kUnread = 0xFF;
  int classSide = 0;
  std::unique_ptr<std::atomic<std::uint8_t>[]> cardClasses;
  std::uint8_t CardClasses(const Deck& deck, size_t card) const;
  // Plausible objects (docs/questions.md): for a relation and a kind of subject, the entities
  // the relation gives subjects of that kind ("relation|kind" -> ids, distinct).
  std::unordered_map<std::string, std::vector<std::string>> objectsByRelationKind;
  // The other way: "relation|object" -> the kinds of the subjects it is given to.
  std::unordered_map<std::string, std::vector<std::string>> subjectKindsByRelationObject;
  // subject -> its facts of entity and text values; relation -> entity id or text -> the
  // facts giving it (AlikeSubjects); keys view the deck's strings.
  std::unordered_map<std::string_view, std::vector<size_t>> valueFactsBySubject;
  std::unordered_map<std::string_view, std::unordered_map<std::string_view, std::vector<size_t>>> factsByRelationValue;
  // Relations the same for a whole kind: "relation|kind" -> the one object every subject of
  // the kind has (at least three subjects): "every locomotive was built at Derby".
  std::unordered_map<std::string, std::string> kindWide;
  std::optional<Period> period; // the years most of the deck's dates fall in
  // Words the deck writes in lower case somewhere, and how often each capitalised word
  // stands in its names (Question::aboutName).
  std::unordered_set<std::string> lowerWords;
  // Per entity kind, the words that name its entities (NameWords, none the deck writes in
  // lower case): a town's name among places.
  std::unordered_map<std::string, std::unordered_set<std::string>> nameWordsByKind;
  std::unordered_map<std::string, size_t> nameWords;

  // The rarest name word of `about`, folded (Question::aboutName), or empty.
  std::string NameWord(const std::string& about) const;
};

namespace question_parts {

// The parts every builder shares: the deck, its index, the random source.
struct Builder {
  const Deck& deck;
  const QuestionGenerator::Index& x;
  const QuestionGenerator& generator;
  Random random;
  std::string why; // why the question was not made (the first reason), for check --explain

  bool Refuse(std::string reason) {
    if (why.empty()) why = std::move(reason);
    return false;
  }

  std::string Cite(const std::string& sourceId) const { return deck.Citation(sourceId); }

  const std::vector<std::string>& FoldsOf(const std::string& entityId) const {
    static const std::vector<std::string> none;
    auto it = x.entityById.find(entityId);
    return it == x.entityById.end() ? none : x.entityFolds[it->second];
  }

  // Options must differ once folded, from each other and from the right answer.
  static bool Distinct(const std::vector<std::string>& options) {
    std::unordered_set<std::string> seen;
    for (const std::string& o : options)
      if (!seen.insert(Fold(o)).second) return false;
    return true;
  }

  // Puts the right option among the distractors at a uniformly random place.
  Question Shuffled(Question q, const std::string& right, std::vector<std::string> distractors) {
    q.options = std::move(distractors);
    const size_t at = random.Below(q.options.size() + 1);
    q.options.insert(q.options.begin() + static_cast<std::ptrdiff_t>(at), right);
    q.answer = static_cast<int>(at);
    q.answerText = right;
    return q;
  }

  // Up to three entities of `kind` for which `isTrue` is false, none folding like the
  // answer: first the `preferred` (plausible) ones, its first `ranked` in their order and
  // the others in a random one, then the rest of the kind.
  std::vector<std::string> EntityDistractors(const std::string& kind, const std::vector<std::string>& preferred,
                                             const std::vector<std::string>& answerFolds, const std::string& exclude,
                                             const auto& isTrue, size_t ranked = 0) {
    std::vector<std::string> chosen, chosenFolds;
    auto consider = [&](const std::string& id) {
      if (chosen.size() >= kOptions - 1 || id == exclude) return;
      if (std::find(chosen.begin(), chosen.end(), id) != chosen.end()) return;
      const Entity* e = deck.FindEntity(id);
      if (e == nullptr || e->kind != kind || isTrue(id)) return;
      for (const std::string& fold : FoldsOf(id))
        if (std::find(answerFolds.begin(), answerFolds.end(), fold) != answerFolds.end() ||
            std::find(chosenFolds.begin(), chosenFolds.end(), fold) != chosenFolds.end())
          return;
      chosen.push_back(id);
      chosenFolds.push_back(Fold(e->name));
    };
    for (size_t i = 0; i < std::min(ranked, preferred.size()); ++i)
      consider(preferred[i]);
    std::vector<std::string> first(preferred.begin() + static_cast<std::ptrdiff_t>(std::min(ranked, preferred.size())),
                                   preferred.end());
    random.Shuffle(first);
    for (const std::string& id : first)
      consider(id);
    auto it = x.entitiesByKind.find(kind);
    if (it != x.entitiesByKind.end() && chosen.size() < kOptions - 1) {
      // A random start and stride over the kind: no shuffle of the whole list.
      const auto& all = it->second;
      const size_t start = random.Below(all.size()), step = random.Stride(all.size());
      for (size_t n = 0; n < all.size() && chosen.size() < kOptions - 1; ++n)
        consider(deck.entities[all[(start + n * step) % all.size()]].id);
    }
    return chosen;
  }

  // Values around `right` on a ladder (numbers: the same rounding; dates: the same
  // precision), the right one last, at a uniformly random rank among them. `make(step)`
  // gives the value `step` rungs away, or nullopt when there is none (a count below 1,
  // say); `fits(values)` is the test the whole set must pass (inside the deck's period,
  // the answer not standing out), tried with a few draws of rungs for each rank.
  // `keepOff` 1 keeps the answer off the highest place, -1 off the lowest.
  template <typename V>
  std::optional<std::pair<std::vector<V>, int>> Ladder(const V& right, const auto& make, const auto& isTrue,
                                                       const auto& fits, int keepOff = 0) {
    std::vector<int> ranks{0, 1, 2, 3};
    if (keepOff != 0) ranks.erase(ranks.begin() + (keepOff > 0 ? 3 : 0));
    random.Shuffle(ranks);
    for (int rank : ranks)
      for (int draw = 0; draw < 6; ++draw) {
        std::vector<V> values;
        bool ok = true;
        // `rank` values below, the rest above: first on the nearest free rungs, so that the
        // options run evenly and the answer never stands apart from a cluster of the others
        // ("1926" against 1921, 1922, 1923); when that set does not fit, at distinct random
        // rungs 1..5.
        for (int side : {-1, 1}) {
          const int needed = side < 0 ? rank : 3 - rank;
          std::vector<int> rungs{1, 2, 3, 4, 5};
          if (draw > 0) random.Shuffle(rungs);
          int found = 0;
          for (int rung : rungs) {
            if (found == needed) break;
            auto v = make(side * rung);
            if (v && !isTrue(*v)) {
              values.push_back(*v);
              ++found;
            }
          }
          ok = ok && found == needed;
        }
        if (!ok) break; // too few values on one side at this rank, whatever the draw
        values.push_back(right);
        if (fits(values)) return std::make_pair(values, rank);
      }
    return std::nullopt;
  }

  // A ladder of date options around `answer` that DatesFit, trying each of `steps` in turn
  // (OptionSteps); none, with the reason, when no step gives one.
  std::optional<std::pair<std::vector<DateOption>, int>>
  DateLadder(const DateOption& answer, const std::vector<int>& steps, const auto& isTrue, int keepOff = 0) {
    auto fits = [this](const std::vector<DateOption>& options) { return DatesFit(options); };
    for (int step : steps) {
      auto make = [&](int rung) { return ShiftOption(answer, step, rung); };
      if (auto ladder = Ladder<DateOption>(answer, make, isTrue, fits, keepOff)) return ladder;
    }
    Refuse("no three dates in its form" + PeriodText() + " beside which it does not stand out");
    return std::nullopt;
  }

  // Whether the deck states `v` of the fact's subject and relation (then it is no distractor).
  bool Stated(const Fact& f, const Value& v) { return generator.States(f.subject, f.relation, ValueKey(v)); }

  std::string EventLine(const Event& e) const { return e.name + " (" + EventWhen(e) + ")"; }

  // question_options.cpp: sampling, date options that fit, pictures, the checks every question passes
  std::vector<size_t> Sample(const std::vector<size_t>& all);
  bool DatesFit(const std::vector<DateOption>& options) const;
  std::string PeriodText() const;
  // 1 when `e` reads as an end (StoryStage) and falls in the deck period's last year, -1 when
  // it reads as a beginning in its first year, else 0: its year is then guessed from its name
  // and the period ("the school closes" in a deck of 1920–1933).
  int YearGivenByStory(const Event& e) const;
  // The same for a date of `stage` (a relation's question that reads as an end: "In which
  // year did the school close?").
  int YearGivenByStory(int stage, const Date& date) const;
  std::string PictureOf(const std::string& id) const;
  void CreditPictures(Question& q) const;
  bool Good(const Question& q) const;

  // fact_questions.cpp: typed facts asked forward and in reverse
  std::optional<Question> Forward(const Fact& f);
  bool ForwardEntityOptions(Question& q, const Fact& f, const Relation* r, const std::string& right);
  // True when `text` names an entity of `kind` other than `own` (a name word of it, or one
  // that word stems from: "Omani" of Oman): "the Easton school" names a town, "Iceland
  // krona" a country. A wrong option that does, when the answer does not, rules itself out.
  // Made once per question (the own entity's words are read once), asked of each option.
  auto NamesAnotherOfKind(const std::string& kind, const std::string& own) const {
    auto words = x.nameWordsByKind.find(kind);
    return [this, words, ownWords = NameWords(deck.NameOf(own))](const std::string& text) {
      return words != x.nameWordsByKind.end() && NamesAnother(text, words->second, ownWords);
    };
  }
  static bool NamesAnother(const std::string& text, const std::unordered_set<std::string>& kindWords,
                           const std::vector<std::string>& ownWords);
  // The subjects most like `f`'s: those sharing another fact's object or text with it (a
  // country of the same region, an aircraft of the same maker), each with how many it shares.
  std::unordered_map<std::string_view, int> AlikeSubjects(const Fact& f) const;
  void OptionPictures(Question& q, const std::string& rightId, std::vector<std::string> ids);
  bool ForwardPictureOptions(Question& q, const Fact& f);
  bool ForwardTextOptions(Question& q, const Fact& f, const std::string& right);
  bool MayDescribe(const std::string& text, const std::string& subject) const;
  bool BoundedNumberOptions(Question& q, const Fact& f, const Relation* r, const std::string& right);
  bool ForwardNumberOptions(Question& q, const Fact& f, const Relation* r, const std::string& right);
  bool ForwardDateOptions(Question& q, const Fact& f, const Relation* r, const std::string& right);
  std::optional<Question> Reverse(const Fact& f);

  // event_questions.cpp: when, which first, ordering, typed year
  std::optional<Question> When(const Event& e);
  std::vector<size_t> ApartEvents(const std::vector<size_t>& chosen, size_t wanted);
  std::optional<Question> Order(size_t event, QuestionKind kind);
  std::optional<Question> TypedYear(const Event& e);

  // card_questions.cpp: cards as multiple choice, hand-written questions, flashcards
  std::optional<Question> CardChoice(size_t card, bool reverse);
  std::optional<Question> Written(const Choice& c);
  std::optional<Question> Flashcard(const Card& c);
};

} // namespace question_parts
} // namespace factdeck
