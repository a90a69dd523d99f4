// Question generation.
//
// Before the sections: the random source, words and names, date steps for distractors.
// [SECTION] Index: look-ups built once per deck, so a question never scans the deck.
// [SECTION] Options: entity, text, number and date distractors.
// [SECTION] Kinds: one builder per question kind.
// [SECTION] Checks: truth of a value, folded distinctness, the answer kept out of the prompt.
// [SECTION] Generate: kinds taking turns over shuffled candidates.
#include "core/questions/questions.h"

#include <algorithm>
#include <numeric>
#include <charconv>
#include <cmath>
#include <limits>
#include <unordered_map>
#include <unordered_set>

#include "core/base/calendar.h"
#include "core/base/iso_time.h"
#include "core/base/text.h"
#include "core/deck/picture_file.h"
#include "core/questions/fairness.h"

namespace factdeck {

std::uint64_t Random::Next() {
  std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

size_t Random::Below(size_t n) {
  if (n <= 1) return 0;
  const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n; // reject the uneven tail
  std::uint64_t x;
  do
    x = Next();
  while (x >= limit);
  return static_cast<size_t>(x % n);
}

size_t Random::Stride(size_t n) {
  if (n <= 2) return 1;
  for (int tries = 0; tries < 16; ++tries)
    if (const size_t step = 1 + Below(n - 1); std::gcd(step, n) == 1) return step;
  return 1;
}

const std::vector<QuestionKind>& AllQuestionKinds() {
  static const std::vector<QuestionKind> kinds{QuestionKind::MultipleChoice, QuestionKind::MultipleChoiceReverse,
                                               QuestionKind::When,           QuestionKind::WhichFirst,
                                               QuestionKind::Ordering,       QuestionKind::TypedYear,
                                               QuestionKind::Flashcard};
  return kinds;
}

namespace {

constexpr size_t kOptions = 4;
constexpr int kLongestAskedSpan = 25; // years; a longer span is asked by its beginning
constexpr char kSep = '\x1F';

std::string Join(const std::string& a, const std::string& b) {
  std::string key;
  key.reserve(a.size() + b.size() + 1);
  key.append(a).push_back(kSep);
  key.append(b);
  return key;
}

// The comparable form of a value: entities by id, the rest by folded text or number.
std::string ValueKey(const Value& v) {
  switch (v.type) {
  case ValueType::Entity: return "e:" + v.entity;
  case ValueType::Text: return "t:" + Fold(v.text);
  case ValueType::Number: {
    char text[32];
    return "n" + std::to_string(static_cast<int>(v.bound)) + ":" +
           std::string(text, std::to_chars(text, text + sizeof text, v.number).ptr);
  }
  case ValueType::Year:
  case ValueType::Date: return "d:" + v.date.Canonical();
  case ValueType::Picture: return "p:" + v.text; // the same file; the same pixels are found when asked
  }
  return {};
}

// An event's interval of days from its start to its end, widened by the circa tolerance of
// each (docs/facts-format.md), so that "c. 1921" is never ordered against 1922 nor
// "c. 2600 BC" against 2580 BC.
std::pair<std::int64_t, std::int64_t> Span(const Event& e) {
  if (e.ongoing) return {e.date.WideFirstDay(), std::numeric_limits<std::int64_t>::max()};
  return {e.date.WideFirstDay(), e.end ? e.end->WideLastDay() : e.date.WideLastDay()};
}

bool Apart(const Event& a, const Event& b) {
  auto [af, al] = Span(a);
  auto [bf, bl] = Span(b);
  return ApartWidened(af, al, bf, bl);
}

constexpr int kDayOptionMonths = 2;     // months between the options of a plain day
constexpr int kCircaDayOptionDays = 61; // days, at least, between those of a circa day

// A day with no doubt and no circa: its options move by whole months (ShiftMonths).
bool PlainDay(const Date& d) { return d.precision == DatePrecision::Day && d.doubt == DateDoubt::None && !d.circa; }

int NiceStep(int n) {
  for (int power = 1;; power *= 10)
    for (int m : {1, 2, 5})
      if (m * power >= n) return m * power;
}

// How many steps of its own precision lie between a date's options (docs/questions.md):
// a single date keeps its rounding (1920 moves by tens, c. 2600 BC by centuries); an
// uncertain date or a span moves by more than its width, so no option overlaps another.
std::optional<int> OptionStep(const Date& d, const Date* end) {
  int tolerance = 0; // in units of the precision
  switch (d.precision) {
  case DatePrecision::Day: tolerance = d.ToleranceDays(); break;
  case DatePrecision::Year: tolerance = d.ToleranceYears(); break;
  default: tolerance = d.circa ? 1 : 0; break;
  }
  if (end == nullptr && d.doubt == DateDoubt::None) {
    if (d.precision == DatePrecision::Year) {
      const int unit = YearRounding(d.year);
      return std::max(unit, 2 * tolerance + 1);
    }
    // Days a week apart ("15 / 22 / 29 August") are no fair question for a class: a plain
    // day's options lie two months apart on the same day of the month (ShiftOption), so
    // that knowing the month tells them apart and the day tells nothing.
    if (PlainDay(d)) return kDayOptionMonths;
    if (d.precision == DatePrecision::Day) return std::max(kCircaDayOptionDays, 2 * tolerance + 1);
    return 2 * tolerance + 1;
  }
  std::optional<int> width;
  if (end != nullptr) {
    // A span is shown "c. 1500–1550" only when both ends are circa or neither is.
    if (end->doubt != DateDoubt::None || d.doubt != DateDoubt::None || end->circa != d.circa) return std::nullopt;
    width = UnitsBetween(d, *end);
  } else {
    width = UnitsBetween(d, d.later);
  }
  if (!width || *width < 0) return std::nullopt;
  return NiceStep(*width + 1 + 2 * tolerance);
}

// The steps a date's options may move by, the most natural first: a plain year may also
// move by smaller round steps (1930 by tens, else by fives), so that a deck of a narrow
// period has options inside it; which of them fit is the caller's test (DatesFit).
std::vector<int> OptionSteps(const Date& d, const Date* end) {
  const auto step = OptionStep(d, end);
  if (!step) return {};
  std::vector<int> steps{*step};
  if (end == nullptr && d.doubt == DateDoubt::None && !d.circa && d.precision == DatePrecision::Year)
    for (int smaller : {50, 10, 5, 2, 1})
      if (smaller < steps.back()) steps.push_back(smaller);
  return steps;
}

// A plain day moved by whole months (its month moved as ShiftDate moves a month), on the
// same day of the month (the month's last day when it is shorter): "3 September 1933"
// against "3 November 1933"; none across an era.
std::optional<Date> ShiftMonths(const Date& d, int months) {
  Date month = d;
  month.precision = DatePrecision::Month;
  auto moved = ShiftDate(month, months);
  if (!moved || (moved->year <= 0) != (d.year <= 0)) return std::nullopt;
  Date out = d;
  out.year = moved->year;
  out.month = moved->month;
  out.day = std::min(d.day, DaysInMonth(out.year, out.month));
  return out;
}

// A date and perhaps its end, as an option.
struct DateOption {
  Date start;
  std::optional<Date> end;
  std::string Text() const { return end ? SpanDisplay(start, *end) : start.Display(); }
  std::int64_t First() const { return start.WideFirstDay(); }
  std::int64_t Last() const { return end ? end->WideLastDay() : start.WideLastDay(); }
};

// The option `rung` steps away, in the answer's form; none when there is no such date.
std::optional<DateOption> ShiftOption(const DateOption& answer, int step, int rung) {
  DateOption out;
  auto start = !answer.end && PlainDay(answer.start) ? ShiftMonths(answer.start, step * rung)
                                                     : ShiftDate(answer.start, step * rung);
  if (!start) return std::nullopt;
  out.start = *start;
  if (answer.end) {
    auto end = ShiftDate(*answer.end, step * rung);
    if (!end) return std::nullopt;
    out.end = *end;
  }
  if (!ApartWidened(out.First(), out.Last(), answer.First(), answer.Last())) return std::nullopt;
  // (That the answer is never the only year as round as itself, 10 BC against AD 1, 11
  // and 21, is DatesFit's test over the whole set: DateStandsOut.)
  return out;
}

// True when a number of three or more digits in `answer` (a year, say) stands in `prompt`.
bool YearsInPrompt(const std::string& prompt, const std::string& answer) {
  std::string digits;
  for (char c : answer)
    digits += (c >= '0' && c <= '9') ? c : ' ';
  for (size_t at = 0; at < digits.size();) {
    size_t end = digits.find(' ', at);
    if (end == std::string::npos) end = digits.size();
    if (end - at >= 3 && ContainsWords(prompt, digits.substr(at, end - at))) return true;
    at = end + 1;
  }
  return false;
}

// True when a name in the prompt ("Which school stood near Oxford?") stands in the right
// option ("Oxford flying school") and in no other: the question names its answer.
bool NamesItsAnswer(const std::string& prompt, const std::vector<std::string>& options, size_t answer) {
  std::vector<std::string> folded;
  for (const std::string& o : options)
    folded.push_back(Fold(o));
  for (const std::string& name : CapitalisedWords(prompt)) {
    if (!ContainsWords(folded[answer], name)) continue;
    bool elsewhere = false;
    for (size_t i = 0; i < folded.size() && !elsewhere; ++i)
      elsewhere = i != answer && ContainsWords(folded[i], name);
    if (!elsewhere) return true;
  }
  return false;
}

// True when `text` ends in an abbreviation's full stop: "D.C.", "U.S.", "St.".
bool EndsInAbbreviation(const std::string& text) { return FirstSentenceEnd(text + " Next") == std::string::npos; }

std::string Fill(const std::string& templ, const char* placeholder, const std::string& value) {
  std::string out = templ;
  const std::string token = std::string("{") + placeholder + "}";
  for (size_t at = out.find(token); at != std::string::npos;) {
    // A value that ends a sentence before the question mark loses its full stop:
    // "... under the microscope?" (but "Washington, D.C.?" keeps its abbreviation).
    std::string v = value;
    if (out.compare(at + token.size(), 1, "?") == 0 && !v.empty() && v.back() == '.' && !EndsInAbbreviation(v))
      v.pop_back();
    out.replace(at, token.size(), v);
    at = out.find(token, at + v.size());
  }
  return out;
}

// "According to Suetonius, how many ...?" for figures the sources disagree on.
// The question runs on after a comma when it starts with a question word ("According to
// Suetonius, in which year ..."); anything else might be a name and keeps its capital.
std::string Attributed(const std::string& prompt, const std::string& who) {
  if (who.empty()) return prompt;
  static const std::unordered_set<std::string> questionWords = {
      "In",   "What", "Which", "Who",  "Whom", "Whose", "When", "Where", "Why", "How", "Did",
      "Does", "Do",   "Was",   "Were", "Is",   "Are",   "Name", "For",   "On",  "At",  "From"};
  const std::string first = prompt.substr(0, prompt.find_first_of(" ,?"));
  if (questionWords.count(first) != 0)
    return "According to " + who + ", " + static_cast<char>(prompt[0] - 'A' + 'a') + prompt.substr(1);
  return "According to " + who + ": " + prompt;
}

// The words of a name that name it (capitalised, or with a digit): "gaul" of "Army of
// Gaul", "ms" and "46" of "Boeing MS 46"; words such as "The" left out.
std::vector<std::string> NameWords(const std::string& name) {
  std::vector<std::string> words;
  for (std::string& w : CapitalisedWords("a " + name))
    if (w.size() > 1 && w != "the" && w != "of" && w != "and") words.push_back(std::move(w));
  return words;
}

// The words that name an entity alone or with one other ("gaul"; not "roman", which many
// names share): each entity's, by index, and the entities by each such word.
struct NamingWords {
  std::vector<std::vector<std::string>> ofEntity;
  std::unordered_map<std::string, std::vector<size_t>> entitiesByWord;
};
constexpr size_t kMaxNamesSharingAWord = 2;
NamingWords DistinctiveNameWords(const Deck& deck) {
  NamingWords n;
  n.ofEntity.resize(deck.entities.size());
  for (size_t i = 0; i < deck.entities.size(); ++i)
    for (std::string& w : NameWords(deck.entities[i].name)) {
      n.entitiesByWord[w].push_back(i);
      n.ofEntity[i].push_back(std::move(w));
    }
  std::erase_if(n.entitiesByWord, [](const auto& entry) { return entry.second.size() > kMaxNamesSharingAWord; });
  for (std::vector<std::string>& words : n.ofEntity)
    std::erase_if(words, [&n](const std::string& w) { return n.entitiesByWord.count(w) == 0; });
  return n;
}

// The words of four letters or more in `text`, folded, sorted and distinct.
std::vector<std::string> ContentWords(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : Fold(text) + " ") {
    if (IsWordChar(c)) {
      word += c;
      continue;
    }
    if (word.size() >= 4) words.push_back(word);
    word.clear();
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

// Two descriptions saying much the same ("Roman general who served in Gaul", "Roman officer
// who served in Gaul"): the deck cannot say one is false of a subject the other describes.
// Takes ContentWords of each.
bool MuchTheSame(const std::vector<std::string>& wa, const std::vector<std::string>& wb) {
  if (wa.empty() || wb.empty()) return false;
  size_t shared = 0;
  for (auto a = wa.begin(), b = wb.begin(); a != wa.end() && b != wb.end();) {
    if (*a < *b)
      ++a;
    else if (*b < *a)
      ++b;
    else
      ++shared, ++a, ++b;
  }
  return shared * 5 >= std::min(wa.size(), wb.size()) * 3; // 60 % of the shorter one
}

// A text value with its ContentWords, computed once per deck: comparing descriptions is the
// costly part of a text question.
struct IndexedText {
  std::string text;
  std::vector<std::string> words;
  const std::vector<std::string>* subjectTags; // of the first subject it is said of
};

const std::vector<std::string>& TagsOfItem(const Deck& deck, const std::string& subject); // an entity's or event's tags

} // namespace

bool EventsApart(const Event& a, const Event& b) { return Apart(a, b); }

bool IsRightOption(const Question& q, int option) {
  return option >= 0 &&
         (option == q.answer || std::find(q.answers.begin(), q.answers.end(), option) != q.answers.end());
}

std::vector<std::pair<int, int>> AcceptedYears(const Date& date) {
  auto yearOf = [](std::int64_t day) {
    int y, m, d;
    CivilFromDays(day, y, m, d);
    return y;
  };
  auto range = [&](const DatePoint& p) {
    Date one = date;
    static_cast<DatePoint&>(one) = p;
    one.doubt = DateDoubt::None;
    return std::make_pair(yearOf(one.WideFirstDay()), yearOf(one.WideLastDay()));
  };
  if (date.doubt == DateDoubt::Or || date.doubt == DateDoubt::Slash) {
    auto a = range(date), b = range(date.later);
    if (a.second + 1 >= b.first) return {{a.first, b.second}};
    return {a, b};
  }
  return {{yearOf(date.WideFirstDay()), yearOf(date.WideLastDay())}};
}

bool YearAccepted(const Question& q, int year) {
  return std::any_of(q.acceptedYears.begin(), q.acceptedYears.end(),
                     [&](const std::pair<int, int>& r) { return year >= r.first && year <= r.second; });
}

std::string PromptKey(const Question& q) {
  return q.image.empty() ? Fold(q.prompt) : Fold(q.prompt) + '\x1F' + q.image;
}

std::string AcceptedYearsText(const Question& q) {
  auto year = [](int astronomical) {
    Date d;
    d.year = astronomical;
    return d;
  };
  std::string out;
  for (const auto& [first, last] : q.acceptedYears)
    out += (out.empty() ? "" : " or ") + SpanDisplay(year(first), year(last));
  return out;
}

// [SECTION] Index ------------------------------------------------------------------------

struct QuestionGenerator::Index {
  std::unordered_map<std::string, std::vector<size_t>> factsBySubjectRelation;
  std::unordered_map<std::string, std::vector<size_t>> factsByRelation;
  std::unordered_map<std::string, std::vector<size_t>> entitiesByKind;
  // A relation's text values, distinct, in deck order, each with its ContentWords.
  std::unordered_map<std::string, std::vector<IndexedText>> textsByRelation;
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
  std::unordered_map<std::string, std::string> pictureCredits; // a picture's file -> its credit
  std::vector<size_t> eventsByDate;
  std::vector<size_t> dateRank;   // each event's place in eventsByDate (npos when not there)
  std::vector<char> namesItsYear; // per event: NameGivesItsYear, read once
  // Cards asked as multiple choice: each side folded and its TextShape, the cards by the
  // shape of each side (where distractors come from), and by each folded side (which
  // other sides are right too: "England → London" and "United Kingdom → London").
  std::vector<std::string> frontFolds, backFolds;
  std::unordered_map<std::string, std::vector<size_t>> cardsByFrontShape, cardsByBackShape;
  std::vector<std::string> frontShapes, backShapes;
  // Cards with the same folded front (back), as chains: the first of each, then the next.
  std::vector<size_t> sameFrontFirst, sameFrontNext, sameBackFirst, sameBackNext;
  std::vector<AskedFor> frontAsks; // what each card's front asks for ("how many": a count)
  // Plausible objects (docs/questions.md): for a relation and a kind of subject, the entities
  // the relation gives subjects of that kind ("relation|kind" -> ids, distinct).
  std::unordered_map<std::string, std::vector<std::string>> objectsByRelationKind;
  // The other way: "relation|object" -> the kinds of the subjects it is given to.
  std::unordered_map<std::string, std::vector<std::string>> subjectKindsByRelationObject;
  // Relations the same for a whole kind: "relation|kind" -> the one object every subject of
  // the kind has (at least three subjects): "every locomotive was built at Derby".
  std::unordered_map<std::string, std::string> kindWide;
  std::optional<Period> period; // the years most of the deck's dates fall in
  // Words the deck writes in lower case somewhere, and how often each capitalised word
  // stands in its names (Question::aboutName).
  std::unordered_set<std::string> lowerWords;
  std::unordered_map<std::string, size_t> nameWords;

  // The rarest name word of `about`, folded (Question::aboutName), or empty.
  std::string NameWord(const std::string& about) const;
};

namespace {
// Links equal `keys` into chains: first[i] is the first index with keys[i]'s value, next[i]
// the following one (npos at the end). No copy of a key is made.
void Chain(const std::vector<std::string>& keys, std::vector<size_t>& first, std::vector<size_t>& next) {
  first.assign(keys.size(), 0);
  next.assign(keys.size(), std::string::npos);
  std::unordered_map<std::string_view, std::pair<size_t, size_t>> ends; // first and last of each value
  ends.reserve(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    auto [at, added] = ends.emplace(keys[i], std::make_pair(i, i));
    if (!added) {
      next[at->second.second] = i;
      at->second.second = i;
    }
    first[i] = at->second.first;
  }
}
} // namespace

namespace {
// The kind of an item, for plausibility: an entity's kind, "event" for an event.
const std::string& KindOfItem(const Deck& deck, const std::string& id) {
  static const std::string event = "event", none;
  if (const Entity* e = deck.FindEntity(id)) return e->kind;
  return deck.FindEvent(id) != nullptr ? event : none;
}
} // namespace

QuestionGenerator::QuestionGenerator(const Deck& deck) : m_index(std::make_unique<Index>()), m_deck(deck) {
  Index& x = *m_index;
  x.period = DeckPeriod(deck);
  auto readWords = [&](const std::string& text, bool name) {
    for (const WrittenWord& w : WrittenWords(text))
      if (!w.capital)
        x.lowerWords.insert(Fold(w.text));
      else if (name)
        ++x.nameWords[Fold(w.text)];
  };
  for (const Entity& e : deck.entities) {
    readWords(e.name, true);
    readWords(e.description, false);
  }
  for (const Event& e : deck.events) {
    readWords(e.name, true);
    readWords(e.note, false);
  }
  for (const Card& c : deck.cards) {
    readWords(c.front, false);
    readWords(c.back, false);
  }
  for (const Fact& f : deck.facts)
    if (f.object.type == ValueType::Text) readWords(f.object.text, false);
  x.entityFolds.resize(deck.entities.size());
  for (size_t i = 0; i < deck.entities.size(); ++i) {
    const Entity& e = deck.entities[i];
    x.entityById.emplace(e.id, i);
    x.entitiesByKind[e.kind].push_back(i);
    x.entityFolds[i].push_back(Fold(e.name));
    for (const std::string& alias : e.aliases)
      x.entityFolds[i].push_back(Fold(alias));
  }
  x.namesItsYear.resize(deck.events.size());
  for (size_t i = 0; i < deck.events.size(); ++i) {
    x.eventById.emplace(deck.events[i].id, i);
    x.namesItsYear[i] = NameGivesItsYear(deck.events[i]);
    if (!deck.EventNamedAlike(i) && !x.namesItsYear[i]) x.eventsByDate.push_back(i);
  }
  std::sort(x.eventsByDate.begin(), x.eventsByDate.end(),
            [&](size_t a, size_t b) { return Span(deck.events[a]).first < Span(deck.events[b]).first; });
  x.dateRank.assign(deck.events.size(), std::string::npos);
  for (size_t rank = 0; rank < x.eventsByDate.size(); ++rank)
    x.dateRank[x.eventsByDate[rank]] = rank;
  const NamingWords naming = DistinctiveNameWords(deck);
  // relation|kind -> its first three subjects (three make a relation the same for a whole kind)
  std::unordered_map<std::string, std::unordered_set<std::string>> kindSubjects;
  for (size_t i = 0; i < deck.facts.size(); ++i) {
    const Fact& f = deck.facts[i];
    x.factById.emplace(f.id, i);
    x.factsBySubjectRelation[Join(f.subject, f.relation)].push_back(i);
    x.factsByRelation[f.relation].push_back(i);
    x.stated.insert(Join(Join(f.subject, f.relation), ValueKey(f.object)));
    if (f.object.type == ValueType::Number && f.object.bound != NumberBound::Exact)
      x.relationsWithBounds.insert(f.relation);
    if (f.object.type == ValueType::Entity) {
      auto link = [&](const std::string& from, const std::string& to) {
        auto entity = x.entityById.find(to);
        if (entity == x.entityById.end()) return; // an event: its name is no one word
        std::vector<std::string>& words = x.linkedNames[from];
        for (const std::string& w : naming.ofEntity[entity->second])
          if (std::find(words.begin(), words.end(), w) == words.end()) words.push_back(w);
      };
      link(f.subject, f.object.entity);
      link(f.object.entity, f.subject);
      const std::string& subjectKind = KindOfItem(deck, f.subject);
      const std::string relationKind = Join(f.relation, subjectKind);
      if (auto& subjects = kindSubjects[relationKind]; subjects.size() < 3) subjects.insert(f.subject);
      // An object new for this kind of subject: its kinds (a few) say so, no scan of the objects.
      auto& kinds = x.subjectKindsByRelationObject[Join(f.relation, f.object.entity)];
      if (std::find(kinds.begin(), kinds.end(), subjectKind) == kinds.end()) {
        kinds.push_back(subjectKind);
        x.objectsByRelationKind[relationKind].push_back(f.object.entity);
      }
      x.linkedPairs.insert(Join(f.subject, f.object.entity));
      x.linkedPairs.insert(Join(f.object.entity, f.subject));
    }
    if (f.object.type == ValueType::Text) {
      auto& texts = x.textsByRelation[f.relation];
      if (std::none_of(texts.begin(), texts.end(), [&](const IndexedText& t) { return t.text == f.object.text; }))
        texts.push_back({f.object.text, ContentWords(f.object.text), &TagsOfItem(deck, f.subject)});
    }
  }
  // A relation whose subjects of one kind (three or more) all have the same one object.
  for (const auto& [key, objects] : x.objectsByRelationKind)
    if (objects.size() == 1 && kindSubjects[key].size() >= 3) x.kindWide.emplace(key, objects[0]);
  const size_t cards = deck.cards.size();
  x.frontAsks.resize(cards);
  x.frontFolds.resize(cards);
  x.backFolds.resize(cards);
  x.frontShapes.resize(cards);
  x.backShapes.resize(cards);
  for (size_t i = 0; i < cards; ++i) {
    const Card& c = deck.cards[i];
    x.cardById.emplace(c.id, i);
    if (!deck.cardsForward && !deck.cardsReverse) continue;
    x.frontFolds[i] = Fold(c.front);
    x.backFolds[i] = Fold(c.back);
    x.frontShapes[i] = TextShape(c.front);
    x.frontAsks[i] = AskedForOf(c.front);
    x.backShapes[i] = TextShape(c.back);
    x.cardsByFrontShape[x.frontShapes[i]].push_back(i);
    x.cardsByBackShape[x.backShapes[i]].push_back(i);
  }
  for (size_t i = 0; i < deck.choices.size(); ++i)
    x.choiceById.emplace(deck.choices[i].id, i);
  ForEachPicture(deck, [&](const Picture& p) {
    if (!p.credit.empty()) x.pictureCredits.emplace(deck.PictureFile(p).string(), p.credit);
  });
  if (deck.cardsForward || deck.cardsReverse) {
    // A front is its words and its picture: "Which flag is this?" with two flags is two
    // prompts. (Two files with the same pixels are told apart here, by name, and found alike
    // only when a question is made: opening a deck decodes none of its pictures.)
    std::vector<std::string> frontKeys = x.frontFolds;
    for (size_t i = 0; i < cards; ++i)
      if (!deck.cards[i].picture.Empty()) frontKeys[i] += '\x1F' + deck.cards[i].picture.path;
    Chain(frontKeys, x.sameFrontFirst, x.sameFrontNext);
    Chain(x.backFolds, x.sameBackFirst, x.sameBackNext);
  }
}

QuestionGenerator::~QuestionGenerator() = default;

bool QuestionGenerator::SameForWholeKind(const Fact& f) const {
  return m_index->kindWide.count(Join(f.relation, KindOfItem(m_deck, f.subject))) != 0;
}

bool QuestionGenerator::States(const std::string& subject, const std::string& relation,
                               const std::string& valueKey) const {
  return m_index->stated.count(Join(Join(subject, relation), valueKey)) != 0;
}

namespace {

std::string NumberWordsAsDigits(const std::string& folded); // "fifty" as "50"

// How many tags the two lists have in common.
size_t SharedTags(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return static_cast<size_t>(std::count_if(
      a.begin(), a.end(), [&](const std::string& t) { return std::find(b.begin(), b.end(), t) != b.end(); }));
}

// True when the two lists of tags have one in common.
bool SharesTag(const std::vector<std::string>& a, const std::vector<std::string>& b) { return SharedTags(a, b) > 0; }

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

  // [SECTION] Options -----------------------------------------------------------------

  // Up to 16 of `all`, at random: enough candidates without copying a large relation.
  std::vector<size_t> Sample(const std::vector<size_t>& all) {
    constexpr size_t kSample = 16;
    if (all.size() <= kSample) return all;
    std::vector<size_t> some;
    for (size_t n = 0; n < kSample; ++n)
      some.push_back(all[random.Below(all.size())]);
    return some;
  }

  // Up to three entities of `kind` for which `isTrue` is false, none folding like the
  // answer: first the `preferred` (plausible) ones, then the rest of the kind.
  std::vector<std::string> EntityDistractors(const std::string& kind, const std::vector<std::string>& preferred,
                                             const std::vector<std::string>& answerFolds, const std::string& exclude,
                                             const auto& isTrue) {
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
    std::vector<std::string> first = preferred;
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
  template <typename V>
  std::optional<std::pair<std::vector<V>, int>> Ladder(const V& right, const auto& make, const auto& isTrue,
                                                       const auto& fits) {
    std::vector<int> ranks{0, 1, 2, 3};
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

  // Date options (the answer last) that a student who knows the deck's period could not tell
  // apart by form: each inside the period, widened around the answer (OptionWindow), and the
  // answer not the odd one out in year, month, day, era or roundness (DateStandsOut).
  bool DatesFit(const std::vector<DateOption>& options) const {
    auto lastYear = [](const DateOption& d) { return d.end ? d.end->LastYear() : d.start.LastYear(); };
    if (x.period) {
      const Period window = OptionWindow(*x.period, options.back().start.FirstYear(), lastYear(options.back()));
      for (const DateOption& d : options)
        if (d.start.FirstYear() < window.first || lastYear(d) > window.last) return false;
      // An answer inside the period beside distractors mostly outside it is picked by a
      // student who knows only the period ("1933" against 1934, 1935 and 1936 in a deck of
      // 1920–1933): at most one distractor outside.
      auto inside = [&](const DateOption& d) {
        return d.start.FirstYear() >= x.period->first && lastYear(d) <= x.period->last;
      };
      if (inside(options.back()) &&
          std::count_if(options.begin(), options.end() - 1, [&](const DateOption& d) { return !inside(d); }) > 1)
        return false;
    }
    std::vector<Date> starts;
    for (const DateOption& d : options)
      starts.push_back(d.start);
    return !DateStandsOut(starts, starts.size() - 1);
  }

  // A ladder of date options around `answer` that DatesFit, trying each of `steps` in turn
  // (OptionSteps); none, with the reason, when no step gives one.
  std::optional<std::pair<std::vector<DateOption>, int>> DateLadder(const DateOption& answer,
                                                                    const std::vector<int>& steps, const auto& isTrue) {
    auto fits = [this](const std::vector<DateOption>& options) { return DatesFit(options); };
    for (int step : steps) {
      auto make = [&](int rung) { return ShiftOption(answer, step, rung); };
      if (auto ladder = Ladder<DateOption>(answer, make, isTrue, fits)) return ladder;
    }
    Refuse("no three dates in its form" + PeriodText() + " beside which it does not stand out");
    return std::nullopt;
  }

  std::string PeriodText() const {
    return x.period ? " inside the deck's period (" + YearText(x.period->first) + "–" + YearText(x.period->last) + ")"
                    : std::string();
  }

  // [SECTION] Kinds -------------------------------------------------------------------

  // Whether the deck states `v` of the fact's subject and relation (then it is no distractor).
  bool Stated(const Fact& f, const Value& v) { return generator.States(f.subject, f.relation, ValueKey(v)); }

  // The file of an item's picture, or "" when it has none.
  std::string PictureOf(const std::string& id) const {
    if (const Entity* e = deck.FindEntity(id); e && !e->picture.Empty()) return deck.PictureFile(e->picture).string();
    if (const Event* e = deck.FindEvent(id); e && !e->picture.Empty()) return deck.PictureFile(e->picture).string();
    return {};
  }

  std::optional<Question> Forward(const Fact& f) {
    const Relation* r = deck.FindRelation(f.relation);
    if (r == nullptr) return std::nullopt;
    Question q;
    q.kind = QuestionKind::MultipleChoice;
    q.items = {f.id};
    q.prompt = Attributed(Fill(r->question, "subject", deck.NameOf(f.subject)), deck.Attribution(f.accordingTo));
    const bool picture = f.object.type == ValueType::Picture;
    const std::string right = picture ? std::string() : deck.Display(f.object, r);
    const std::string& kind = KindOfItem(deck, f.subject);
    if (auto wide = x.kindWide.find(Join(f.relation, kind)); wide != x.kindWide.end()) {
      Refuse("every " + kind + " in the deck with '" + f.relation + "' has " + deck.NameOf(wide->second) +
             ": asking it of each teaches only the kind, and no " + kind +
             " known not to have it can be set against it in reverse");
      return std::nullopt;
    }
    bool made = false;
    switch (f.object.type) {
    case ValueType::Entity: made = ForwardEntityOptions(q, f, r, right); break;
    case ValueType::Text: made = ForwardTextOptions(q, f, right); break;
    case ValueType::Number: made = ForwardNumberOptions(q, f, r, right); break;
    case ValueType::Year:
    case ValueType::Date: made = ForwardDateOptions(q, f, r, right); break;
    case ValueType::Picture: made = ForwardPictureOptions(q, f); break;
    }
    if (!made) return std::nullopt;
    // The subject's picture: the answer is the object. Not over picture options, which may
    // show the same picture (a country's own picture may be its flag).
    if (r->showImage == Relation::ShowImage::Prompt && !picture) q.image = PictureOf(f.subject);
    q.explanation = deck.NameOf(f.subject) + (picture ? "" : ": " + right) +
                    (f.accordingTo.empty() ? "" : " (according to " + deck.Attribution(f.accordingTo) + ")") +
                    (f.note.empty() ? "" : ". " + f.note);
    q.source = Cite(f.source);
    return q;
  }

  // Options naming entities of the object's kind that a student who knows what the subject
  // is could still believe (docs/questions.md): first what the relation gives other subjects
  // of the subject's kind, then entities sharing a tag with the subject or the answer, then
  // the rest of the kind, except the implausible: what the relation gives only subjects of
  // other kinds (a harbour offered for a railway), and entities whose tags share none
  // with the subject's or the answer's (a mine among airfields). None sharing a
  // name's letters with the prompt unless the answer does too. False when there are too few.
  bool ForwardEntityOptions(Question& q, const Fact& f, const Relation* r, const std::string& right) {
    const std::string subjectRelation = Join(f.subject, f.relation);
    const std::string& subjectKind = KindOfItem(deck, f.subject);
    // Every object the deck gives this subject, and their other names, is true.
    std::vector<std::string> trueFolds;
    for (size_t i : x.factsBySubjectRelation.at(subjectRelation))
      for (const std::string& fold : FoldsOf(deck.facts[i].object.entity))
        trueFolds.push_back(fold);
    std::vector<std::string> topicTags = TagsOfItem(deck, f.subject);
    for (const std::string& t : TagsOfItem(deck, f.object.entity))
      topicTags.push_back(t);
    auto plausible = [&](const std::string& id) {
      auto kinds = x.subjectKindsByRelationObject.find(Join(f.relation, id));
      if (kinds != x.subjectKindsByRelationObject.end() &&
          std::find(kinds->second.begin(), kinds->second.end(), subjectKind) == kinds->second.end())
        return false;
      const Entity* e = deck.FindEntity(id); // of the object's kind
      return e == nullptr || e->tags.empty() || topicTags.empty() || SharesTag(e->tags, topicTags);
    };
    std::vector<std::string> preferred = x.objectsByRelationKind.at(Join(f.relation, subjectKind));
    random.Shuffle(preferred);
    if (!topicTags.empty())
      if (auto kind = x.entitiesByKind.find(r->objectKind); kind != x.entitiesByKind.end()) {
        std::vector<std::string> tagged;
        for (size_t i : Sample(kind->second))
          if (SharesTag(deck.entities[i].tags, topicTags)) tagged.push_back(deck.entities[i].id);
        preferred.insert(preferred.end(), tagged.begin(), tagged.end());
      }
    // The question without its attribution: an author's name is no clue to the answer.
    const PromptLetters letters(Fill(r->question, "subject", deck.NameOf(f.subject)));
    const bool answerShares = letters.SharedBy(right);
    auto ids = EntityDistractors(r->objectKind, preferred, trueFolds, f.subject, [&](const std::string& id) {
      Value v;
      v.type = ValueType::Entity;
      v.entity = id;
      return Stated(f, v) || x.linkedPairs.count(Join(f.subject, id)) != 0 || !plausible(id) ||
             letters.SharedBy(deck.NameOf(id)) != answerShares;
    });
    if (ids.size() < kOptions - 1)
      return Refuse(answerShares
                        ? "its answer, " + right + ", shares letters with the question and too few wrong options do"
                        : "fewer than three plausible wrong options: " + r->objectKind + " entities that '" +
                              f.relation + "' gives no kind but " + subjectKind + " and whose tags (if any) " +
                              "share one with " + deck.NameOf(f.subject) + " or " + right);
    std::vector<std::string> names;
    for (const std::string& id : ids)
      names.push_back(deck.NameOf(id));
    q = Shuffled(q, right, names);
    if (r->showImage == Relation::ShowImage::Options) OptionPictures(q, f.object.entity, ids);
    return true;
  }

  // show_image = "options": each option entity's picture, when every option has one and no
  // two show the same pixels (then the words alone). `ids` are the distractors, in order.
  void OptionPictures(Question& q, const std::string& rightId, std::vector<std::string> ids) {
    ids.insert(ids.begin() + q.answer, rightId);
    std::vector<std::string> files;
    std::vector<std::uint64_t> seen;
    for (const std::string& id : ids) {
      std::string file = PictureOf(id);
      if (file.empty()) return;
      const auto pixels = PicturePixels(file);
      if (!pixels || std::find(seen.begin(), seen.end(), *pixels) != seen.end()) return;
      seen.push_back(*pixels);
      files.push_back(std::move(file));
    }
    q.optionImages = std::move(files);
  }

  // Other subjects' pictures for an image relation ("Which of these is the flag of
  // Chile?"), each under the name of whose it is: none the subject's own (by file or by
  // pixels), no two alike, no two of one subject; false when there are too few.
  bool ForwardPictureOptions(Question& q, const Fact& f) {
    const std::string rightFile = deck.PictureFile(f.picture).string();
    const auto rightPixels = PicturePixels(rightFile);
    if (!rightPixels) return false;
    // Every picture the deck gives this subject for the relation is right.
    std::vector<std::uint64_t> truePixels;
    for (size_t i : x.factsBySubjectRelation.at(Join(f.subject, f.relation)))
      if (auto p = PicturePixels(deck.PictureFile(deck.facts[i].picture))) truePixels.push_back(*p);
    // Candidates in random order (up to 64 of a large relation), those sharing a tag with the
    // subject first: a striped flag against other striped flags.
    const std::vector<size_t>& all = x.factsByRelation.at(f.relation);
    std::vector<size_t> order;
    if (all.size() <= 64) {
      order = all;
    } else {
      for (size_t n = 0; n < 64; ++n)
        order.push_back(all[random.Below(all.size())]);
    }
    random.Shuffle(order);
    const std::vector<std::string>& tags = TagsOfItem(deck, f.subject);
    std::stable_partition(order.begin(), order.end(), [&](size_t i) {
      const std::vector<std::string>& theirs = TagsOfItem(deck, deck.facts[i].subject);
      return std::any_of(theirs.begin(), theirs.end(),
                         [&](const std::string& t) { return std::find(tags.begin(), tags.end(), t) != tags.end(); });
    });
    std::vector<std::string> captions, files, subjects{f.subject};
    std::vector<std::uint64_t> chosenPixels;
    for (size_t n = 0; n < order.size() && files.size() < kOptions - 1; ++n) {
      const Fact& other = deck.facts[order[n]];
      if (std::find(subjects.begin(), subjects.end(), other.subject) != subjects.end() || Stated(f, other.object))
        continue;
      std::string file = deck.PictureFile(other.picture).string();
      const auto pixels = PicturePixels(file);
      if (!pixels || std::find(truePixels.begin(), truePixels.end(), *pixels) != truePixels.end() ||
          std::find(chosenPixels.begin(), chosenPixels.end(), *pixels) != chosenPixels.end())
        continue;
      subjects.push_back(other.subject);
      captions.push_back(deck.NameOf(other.subject));
      files.push_back(std::move(file));
      chosenPixels.push_back(*pixels);
    }
    if (files.size() < kOptions - 1) return false;
    q = Shuffled(q, deck.NameOf(f.subject), captions);
    files.insert(files.begin() + q.answer, rightFile);
    q.optionImages = std::move(files);
    q.picturesOnly = true;
    return true;
  }

  // Other subjects' texts for the relation, none saying much the same as the answer or as
  // each other; false when there are too few.
  bool ForwardTextOptions(Question& q, const Fact& f, const std::string& right) {
    auto it = x.textsByRelation.find(f.relation);
    if (it == x.textsByRelation.end()) return false;
    const std::vector<IndexedText>& texts = it->second;
    std::vector<std::uint32_t> order(texts.size());
    for (std::uint32_t i = 0; i < order.size(); ++i)
      order[i] = i;
    random.Shuffle(order);
    // What is said of subjects most like this one first (the most tags in common: a French
    // painter's role against other French painters' roles, not a Dutch sculptor's).
    if (const std::vector<std::string>& subjectTags = TagsOfItem(deck, f.subject); !subjectTags.empty()) {
      std::vector<size_t> shared(texts.size());
      for (size_t i = 0; i < texts.size(); ++i)
        shared[i] = SharedTags(subjectTags, *texts[i].subjectTags);
      std::stable_sort(order.begin(), order.end(),
                       [&](std::uint32_t a, std::uint32_t b) { return shared[a] > shared[b]; });
    }
    const std::vector<std::string> rightWords = ContentWords(right);
    const PromptLetters letters(q.prompt);
    const bool answerShares = letters.SharedBy(right);
    std::vector<const IndexedText*> chosen;
    for (std::uint32_t i : order) {
      if (chosen.size() == kOptions - 1) break;
      const IndexedText& t = texts[i];
      Value v;
      v.type = ValueType::Text;
      v.text = t.text;
      if (Stated(f, v) || MuchTheSame(t.words, rightWords) || MayDescribe(t.text, f.subject) ||
          letters.SharedBy(t.text) != answerShares)
        continue;
      // Nor two distractors saying the same thing: options should each say something else.
      if (std::any_of(chosen.begin(), chosen.end(),
                      [&](const IndexedText* c) { return MuchTheSame(t.words, c->words); }))
        continue;
      chosen.push_back(&t);
    }
    if (chosen.size() < kOptions - 1) return false;
    std::vector<std::string> options;
    for (const IndexedText* t : chosen)
      options.push_back(t->text);
    q = Shuffled(q, right, options);
    return true;
  }

  // True when free `text` names an entity a typed fact links to `subject`, so that it may be
  // true of that subject too ("Legate who served in Gaul" of anyone who served there).
  bool MayDescribe(const std::string& text, const std::string& subject) const {
    auto it = x.linkedNames.find(subject);
    if (it == x.linkedNames.end()) return false;
    const std::string folded = Fold(text);
    return std::any_of(it->second.begin(), it->second.end(),
                       [&](const std::string& w) { return ContainsWords(folded, w); });
  }

  // An approximation ("about 450") against figures of its precision at least twice as far
  // (docs/questions.md); false when there are too few, or for a one-sided bound.
  bool BoundedNumberOptions(Question& q, const Fact& f, const Relation* r, const std::string& right) {
    // A one-sided bound ("more than 100") is open at one end, and every false option lies
    // beyond its other side: it would always be the open-ended option at one end of the
    // list, which a student picks without knowing anything.
    if (f.object.bound != NumberBound::About)
      return Refuse("a bound (\u201C" + right + "\u201D) would be the only open-ended option, always at one end");
    const double n = f.object.number;
    const std::string unit = r != nullptr && !r->unit.empty() ? " " + r->unit : "";
    // Each option with where it starts on the number line, to show them in order.
    std::vector<std::pair<double, std::string>> options = {{n, right}};
    // Figures of the answer's precision ("about 140": two significant digits), at least
    // twice as far as it, below half and above twice it; as many below as the seed
    // chooses among what the answer allows, so that it is at either end as often as
    // chance has it. A whole figure gets whole options, never "about 1 months" (a unit is
    // written in the plural).
    const int digits = SignificantDigits(n);
    const bool whole = n == std::floor(n);
    std::vector<double> below, above;
    for (double factor : {2.0, 4.0, 8.0}) {
      const double b = WithDigitsAtMost(n / factor, digits);
      if (b > 0 && (below.empty() || b < below.back()) && !(whole && b != std::floor(b)) && !(b == 1 && !unit.empty()))
        below.push_back(b);
      const double a = WithDigitsAtLeast(n * factor, digits);
      if (above.empty() || a > above.back()) above.push_back(a);
    }
    std::vector<size_t> counts; // how many below the answer may have
    for (size_t k = 0; k < kOptions; ++k)
      if (k <= below.size() && kOptions - 1 - k <= above.size()) counts.push_back(k);
    if (counts.empty()) return false;
    const size_t k = counts[random.Below(counts.size())];
    for (size_t i = 0; i < kOptions - 1; ++i) {
      const double v = i < k ? below[i] : above[i - k];
      options.push_back({v, "about " + NumberText(v) + unit});
    }
    std::sort(options.begin(), options.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (size_t i = 0; i < options.size(); ++i) {
      q.options.push_back(options[i].second);
      if (options[i].second == right) q.answer = static_cast<int>(i);
    }
    q.answerText = right;
    return true;
  }

  bool ForwardNumberOptions(Question& q, const Fact& f, const Relation* r, const std::string& right) {
    if (f.object.bound != NumberBound::Exact) return BoundedNumberOptions(q, f, r, right);
    auto stated = [&](const Value& v) { return Stated(f, v); };
    // The same rounding: 450 moves by 50, 100 by 50, 1922 by 1, 0.5 by 0.1.
    const std::string& text = f.object.text;
    const size_t dot = text.find('.');
    const int decimals = dot == std::string::npos ? 0 : static_cast<int>(text.size() - dot - 1);
    const double scale = std::pow(10.0, decimals);
    const long long whole = std::llround(f.object.number * scale);
    if (whole <= 0 || decimals > 6) return false;
    long long unit = 1;
    while (whole % (unit * 10) == 0)
      unit *= 10;
    long long step = (whole / unit) % 10 == 5 && whole / unit >= 10 ? unit * 5 : unit;
    if (whole / unit < 10 && unit >= 10) step = unit / 2; // 100 -> 50, 150, 200...
    auto make = [&](int rung) -> std::optional<Value> {
      const long long n = whole + rung * step;
      // None of a count is an option ("0 radios" beside "2 radios"); below that, none.
      if (n < 0 || (n == 0 && (decimals > 0 || step != 1 || whole > 5))) return std::nullopt;
      // "1 laboratories": a unit is written in the plural, so one is no option beside it.
      if (n == 1 && decimals == 0 && r != nullptr && !r->unit.empty()) return std::nullopt;
      Value v = f.object;
      v.number = static_cast<double>(n) / scale;
      char buffer[48];
      std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v.number);
      v.text = buffer;
      return v;
    };
    auto fits = [](const std::vector<Value>& values) {
      std::vector<double> numbers;
      for (const Value& v : values)
        numbers.push_back(v.number);
      return !NumberStandsOut(numbers, numbers.size() - 1);
    };
    auto ladder = Ladder<Value>(f.object, make, stated, fits);
    if (!ladder) return Refuse("no four numbers of its rounding in which the answer does not stand out");
    std::sort(ladder->first.begin(), ladder->first.end(),
              [](const Value& a, const Value& b) { return a.number < b.number; });
    for (const Value& v : ladder->first)
      q.options.push_back(deck.Display(v, r));
    q.answer = ladder->second;
    q.answerText = right;
    return true;
  }

  // Years or dates in the answer's form; false when no ladder can be made.
  bool ForwardDateOptions(Question& q, const Fact& f, const Relation* r, const std::string& right) {
    auto asValue = [&](const DateOption& d) {
      Value v = f.object;
      v.date = d.start;
      return v;
    };
    auto stated = [&](const DateOption& d) { return Stated(f, asValue(d)); };
    auto ladder = DateLadder(DateOption{f.object.date, std::nullopt}, OptionSteps(f.object.date, nullptr), stated);
    if (!ladder) return false;
    std::sort(ladder->first.begin(), ladder->first.end(),
              [](const DateOption& a, const DateOption& b) { return a.start.FirstDay() < b.start.FirstDay(); });
    for (const DateOption& d : ladder->first)
      q.options.push_back(deck.Display(asValue(d), r));
    q.answer = ladder->second;
    q.answerText = right;
    return true;
  }

  std::optional<Question> Reverse(const Fact& f) {
    const Relation* r = deck.FindRelation(f.relation);
    const Entity* subject = deck.FindEntity(f.subject);
    // Attributed figures are asked only forward, with their attribution.
    if (r == nullptr || r->reverse.empty() || subject == nullptr || !f.accordingTo.empty()) return std::nullopt;
    // A bound is true of other subjects' figures too ("more than 100" of 450): a relation
    // with bounds is asked only forward.
    if (x.relationsWithBounds.count(f.relation) != 0) return std::nullopt;
    // The same for the whole kind: no subject of the kind is known not to have it.
    if (x.kindWide.count(Join(f.relation, subject->kind)) != 0) {
      Refuse("no " + subject->kind + " in the deck has '" + f.relation +
             "' with another value, so none is surely wrong");
      return std::nullopt;
    }
    Question q;
    q.kind = QuestionKind::MultipleChoiceReverse;
    q.items = {f.id};
    q.prompt = Fill(r->reverse, "object", deck.Display(f.object, r));
    const std::string objectKey = ValueKey(f.object);
    std::vector<std::string> preferred;
    for (size_t i : Sample(x.factsByRelation.at(f.relation)))
      preferred.push_back(deck.facts[i].subject);
    // Any subject the deck gives this same object is also a right answer: never a distractor.
    // Nor any subject a free-text answer may describe as well ("served in Gaul" of every
    // subject the deck links to the Army of Gaul).
    const bool text = f.object.type == ValueType::Text;
    const bool picture = f.object.type == ValueType::Picture;
    // "Who is this?": anyone the deck gives a picture of the same pixels is right too.
    std::optional<std::uint64_t> pixels;
    if (picture && !(pixels = PicturePixels(deck.PictureFile(f.picture)))) return std::nullopt;
    auto samePicture = [&](const std::string& id) {
      auto facts = x.factsBySubjectRelation.find(Join(id, f.relation));
      if (!picture || facts == x.factsBySubjectRelation.end()) return false;
      return std::any_of(facts->second.begin(), facts->second.end(),
                         [&](size_t i) { return PicturePixels(deck.PictureFile(deck.facts[i].picture)) == pixels; });
    };
    const PromptLetters letters(q.prompt);
    const bool answerShares = letters.SharedBy(subject->name);
    auto ids =
        EntityDistractors(subject->kind, preferred, FoldsOf(subject->id), subject->id, [&](const std::string& id) {
          return generator.States(id, f.relation, objectKey) || (text && MayDescribe(f.object.text, id)) ||
                 (f.object.type == ValueType::Entity && x.linkedPairs.count(Join(f.object.entity, id)) != 0) ||
                 samePicture(id) || letters.SharedBy(deck.NameOf(id)) != answerShares;
        });
    if (ids.size() < kOptions - 1) {
      Refuse(answerShares
                 ? "asked the other way round, its answer " + subject->name +
                       " shares letters with the question and too few wrong options do"
                 : "asked the other way round, fewer than three other " + subject->kind + " entities are surely wrong");
      return std::nullopt;
    }
    std::vector<std::string> names;
    for (const std::string& id : ids)
      names.push_back(deck.NameOf(id));
    q = Shuffled(q, subject->name, names);
    // Never the subject's picture: it is the answer. The object's, when it has one, is the
    // clue; an image relation's picture is the question itself.
    if (picture)
      q.image = deck.PictureFile(f.picture).string();
    else if (r->showImage == Relation::ShowImage::Options)
      OptionPictures(q, subject->id, ids);
    else if (f.object.type == ValueType::Entity && r->showImage == Relation::ShowImage::Prompt)
      q.image = PictureOf(f.object.entity);
    q.explanation =
        subject->name + (picture ? "" : ": " + deck.Display(f.object, r)) + (f.note.empty() ? "" : ". " + f.note);
    q.source = Cite(f.source);
    return q;
  }

  std::string EventLine(const Event& e) const { return e.name + " (" + EventWhen(e) + ")"; }

  std::optional<Question> When(const Event& e) {
    Question q;
    q.kind = QuestionKind::When;
    q.items = {e.id};
    // A span is asked whole, against spans of its length; when its ends differ in
    // precision, its beginning is asked instead.
    DateOption answer{e.date, e.end};
    // Spans longer than a generation would need options centuries apart: their
    // beginning is asked instead.
    if (answer.end &&
        (*answer.end == e.date || answer.end->Latest().LastYear() - e.date.FirstYear() > kLongestAskedSpan))
      answer.end.reset();
    std::vector<int> steps = OptionSteps(e.date, answer.end ? &*answer.end : nullptr);
    if (steps.empty() && answer.end) {
      answer.end.reset();
      steps = OptionSteps(e.date, nullptr);
    }
    if (steps.empty()) return std::nullopt;
    const bool startOnly = e.ongoing || (e.end && !(*e.end == e.date) && !answer.end);
    q.prompt = AsQuestion(std::string(startOnly ? "When did this begin: " : "When did this happen: ") + e.name);
    auto never = [](const DateOption&) { return false; };
    auto ladder = DateLadder(answer, steps, never);
    if (!ladder) return std::nullopt;
    std::sort(ladder->first.begin(), ladder->first.end(),
              [](const DateOption& a, const DateOption& b) { return a.First() < b.First(); });
    for (const DateOption& d : ladder->first)
      q.options.push_back(d.Text());
    q.answer = ladder->second;
    q.answerText = answer.Text();
    q.image = PictureOf(e.id);
    q.explanation =
        e.name + ": " + EventWhen(e) + (e.place.empty() ? "" : ", " + e.place) + (e.note.empty() ? "" : ". " + e.note);
    q.source = Cite(e.source);
    q.tags = e.tags;
    return q;
  }

  // Events that can be told apart from all of `chosen`, picked at random among those of a
  // comparable period and topic: the first chosen event's neighbours in date order (a fifth
  // of the deck's events either side, at least four), those sharing a tag with it first.
  // Only when too few of them can be told apart does the choice widen, twice.
  std::vector<size_t> ApartEvents(const std::vector<size_t>& chosen, size_t wanted) {
    std::vector<size_t> picked = chosen;
    const auto& all = x.eventsByDate;
    if (all.empty()) return picked;
    const size_t rank = x.dateRank[chosen.front()];
    const size_t centre = rank == std::string::npos ? all.size() / 2 : rank;
    const std::vector<std::string>& tags = deck.events[chosen.front()].tags;
    // Events of the deck's period are set against each other, and those outside it against
    // those on the same side (a prelude's, an epilogue's): an event years after the rest is
    // placed last by a student who knows only the period.
    auto side = [&](const Event& e) { // before the period, in it, after it
      const int year = e.date.FirstYear();
      return !x.period ? 0 : year < x.period->first ? -1 : year > x.period->last ? 1 : 0;
    };
    const int anchorSide = side(deck.events[chosen.front()]);
    auto fits = [&](size_t candidate) {
      const Event& c = deck.events[candidate];
      if (side(c) != anchorSide) return false;
      for (size_t p : picked) {
        const Event& other = deck.events[p];
        if (p == candidate || !Apart(c, other) || Fold(c.name) == Fold(other.name)) return false;
      }
      return true;
    };
    for (size_t reach = std::max<size_t>(4, all.size() / 5); picked.size() < wanted; reach *= 4) {
      const size_t first = centre > reach ? centre - reach : 0, last = std::min(all.size(), centre + reach + 1);
      constexpr size_t kLooked = 64; // a large chronology: 64 of the neighbours, at random
      std::vector<size_t> near;
      if (last - first <= kLooked)
        near.assign(all.begin() + static_cast<std::ptrdiff_t>(first), all.begin() + static_cast<std::ptrdiff_t>(last));
      else
        for (size_t n = 0; n < kLooked; ++n)
          near.push_back(all[first + random.Below(last - first)]);
      random.Shuffle(near);
      std::stable_partition(near.begin(), near.end(), [&](size_t e) { return SharesTag(deck.events[e].tags, tags); });
      for (size_t candidate : near)
        if (picked.size() < wanted && fits(candidate)) picked.push_back(candidate);
      if (first == 0 && last == all.size()) break;
    }
    return picked;
  }

  std::optional<Question> Order(size_t event, QuestionKind kind) {
    const size_t wanted = kind == QuestionKind::WhichFirst ? 2 : 3 + random.Below(4); // 3 to 6
    std::vector<size_t> picked = ApartEvents({event}, wanted);
    if (picked.size() < (kind == QuestionKind::WhichFirst ? 2u : 3u)) return std::nullopt;
    Question q;
    q.kind = kind;
    random.Shuffle(picked);
    std::vector<size_t> byDate(picked.size());
    for (size_t i = 0; i < picked.size(); ++i)
      byDate[i] = i;
    std::sort(byDate.begin(), byDate.end(), [&](size_t a, size_t b) {
      return Span(deck.events[picked[a]]).first < Span(deck.events[picked[b]]).first;
    });
    std::vector<std::string> ids, lines;
    for (size_t p : picked) {
      q.options.push_back(deck.events[p].name);
      ids.push_back(deck.events[p].id);
    }
    for (size_t i : byDate) {
      q.order.push_back(static_cast<int>(i));
      lines.push_back(EventLine(deck.events[picked[i]]));
      for (const std::string& tag : deck.events[picked[i]].tags)
        if (std::find(q.tags.begin(), q.tags.end(), tag) == q.tags.end()) q.tags.push_back(tag);
    }
    q.items = ids;
    if (kind == QuestionKind::WhichFirst) {
      q.prompt = "Which came first?";
      q.answer = q.order.front();
      q.answerText = q.options[static_cast<size_t>(q.answer)];
      q.explanation = lines[0] + " came before " + lines[1];
    } else {
      q.prompt = "Put these in the order they happened, earliest first.";
      q.explanation = "In order: ";
      for (size_t i = 0; i < lines.size(); ++i)
        q.explanation += (i ? "; " : "") + lines[i];
    }
    std::vector<std::string> sources;
    for (size_t p : picked) {
      std::string cite = Cite(deck.events[p].source);
      if (!cite.empty() && std::find(sources.begin(), sources.end(), cite) == sources.end()) sources.push_back(cite);
    }
    for (size_t i = 0; i < sources.size(); ++i)
      q.source += (i ? "; " : "") + sources[i];
    std::vector<std::string> sorted = ids;
    std::sort(sorted.begin(), sorted.end());
    q.key.clear();
    for (size_t i = 0; i < sorted.size(); ++i)
      q.key += (i ? "+" : "") + sorted[i]; // completed by the caller
    return q;
  }

  std::optional<Question> TypedYear(const Event& e) {
    // A year is asked only of dates written to the year or finer, within one year ("between
    // 1921 and 1922" is no answer to "In what year").
    if (e.date.precision > DatePrecision::Year || e.date.Latest().precision > DatePrecision::Year ||
        e.date.FirstYear() != e.date.LastYear())
      return std::nullopt;
    Question q;
    q.kind = QuestionKind::TypedYear;
    q.items = {e.id};
    q.acceptedYears = AcceptedYears(e.date);
    q.answerText = e.date.Display();
    q.prompt =
        AsQuestion(std::string(e.end || e.ongoing ? "In what year did this begin: " : "In what year: ") + e.name) +
        (e.date.circa ? " (roughly)" : "");
    q.explanation = e.name + ": " + EventWhen(e) + (e.note.empty() ? "" : ". " + e.note);
    q.source = Cite(e.source);
    q.tags = e.tags;
    q.image = PictureOf(e.id);
    return q;
  }

  // A card as multiple choice: its front, pick the back (`reverse`: its back, pick the
  // front), against other cards' sides of the same shape (TextShape). Every side the deck
  // pairs with the prompt is right, so none of them is a distractor.
  std::optional<Question> CardChoice(size_t card, bool reverse) {
    const Card& c = deck.cards[card];
    const std::string& prompt = reverse ? c.back : c.front;
    const std::string& right = reverse ? c.front : c.back;
    const auto& promptFolds = reverse ? x.backFolds : x.frontFolds;
    const auto& answerFolds = reverse ? x.frontFolds : x.backFolds;
    const auto& sameShape =
        (reverse ? x.cardsByFrontShape : x.cardsByBackShape).at(reverse ? x.frontShapes[card] : x.backShapes[card]);
    if (sameShape.size() < kOptions) return std::nullopt;
    // "São Tomé" asked for "São Tomé and Príncipe" gives itself away, as the other way round.
    if (ContainsWords(answerFolds[card], promptFolds[card])) return std::nullopt;
    std::vector<std::string> trueFolds; // the sides paired with this prompt anywhere in the deck
    const auto& first = reverse ? x.sameBackFirst : x.sameFrontFirst;
    const auto& next = reverse ? x.sameBackNext : x.sameFrontNext;
    for (size_t other = first[card]; other != std::string::npos; other = next[other])
      trueFolds.push_back(answerFolds[other]);
    std::vector<std::string> chosen, chosenFolds;
    // Options of one sort: the backs of cards whose fronts ask for what this front asks for
    // (a "how" question gets manners, a "how many" counts); in reverse, fronts asking for it.
    // None sharing a name's letters with the prompt unless the answer does too.
    const AskedFor asks = x.frontAsks[card];
    const PromptLetters letters(prompt);
    const bool answerShares = letters.SharedBy(right), answerSharesWord = letters.SharesWord(right);
    const size_t start = random.Below(sameShape.size()), step = random.Stride(sameShape.size());
    for (size_t n = 0; n < sameShape.size() && chosen.size() < kOptions - 1 && n < 64; ++n) {
      const size_t other = sameShape[(start + n * step) % sameShape.size()];
      const std::string& fold = answerFolds[other];
      if (fold.empty() || std::find(trueFolds.begin(), trueFolds.end(), fold) != trueFolds.end() ||
          std::find(chosenFolds.begin(), chosenFolds.end(), fold) != chosenFolds.end())
        continue;
      const std::string& otherAnswer = reverse ? deck.cards[other].front : deck.cards[other].back;
      if (x.frontAsks[other] != asks || letters.SharedBy(otherAnswer) != answerShares ||
          letters.SharesWord(otherAnswer) != answerSharesWord)
        continue;
      // The same words over a picture of the same pixels (the same flag saved twice): that
      // card's back is right too. The pictures are decoded now, once each.
      if (!reverse && !c.picture.Empty() && !deck.cards[other].picture.Empty() &&
          x.frontFolds[other] == x.frontFolds[card] &&
          PicturePixels(deck.PictureFile(deck.cards[other].picture)) == PicturePixels(deck.PictureFile(c.picture)))
        continue;
      chosen.push_back(reverse ? deck.cards[other].front : deck.cards[other].back);
      chosenFolds.push_back(fold);
    }
    if (chosen.size() < kOptions - 1) {
      Refuse(std::string("fewer than three other cards ") + (asks == AskedFor::Statement ? "" : "asking for ") +
             (asks == AskedFor::Statement ? "of its shape" : AskedForName(asks)) +
             (answerShares ? ", with the letters its answer shares with the question," : "") + " to set against it");
      return std::nullopt;
    }
    Question q;
    q.kind = reverse ? QuestionKind::MultipleChoiceReverse : QuestionKind::MultipleChoice;
    q.items = {c.id};
    q.prompt = prompt;
    q = Shuffled(q, right, chosen);
    // The card's picture goes with its front: shown when the front is asked, never when it
    // is the answer.
    if (!reverse && !c.picture.Empty()) q.image = deck.PictureFile(c.picture).string();
    q.explanation = c.front + " — " + c.back;
    q.source = Cite(c.source);
    q.tags = c.tags;
    return q;
  }

  // A hand-written question: its options as written, shuffled. The author chose them, so the
  // generator's rules on shape and on the answer in the prompt do not apply; the loader has
  // refused a right answer among the wrong ones and options alike once folded.
  std::optional<Question> Written(const Choice& c) {
    if (!ChoiceProblems(c).empty()) return std::nullopt;
    Question q;
    q.kind = QuestionKind::MultipleChoice;
    q.items = {c.id};
    q.prompt = c.question;
    // Option i (the answers first, then the wrong ones) goes to place[i].
    const size_t count = c.answers.size() + c.wrong.size();
    std::vector<int> place(count);
    for (size_t i = 0; i < count; ++i)
      place[i] = static_cast<int>(i);
    random.Shuffle(place);
    q.options.resize(count);
    for (size_t i = 0; i < count; ++i) {
      const bool right = i < c.answers.size();
      q.options[static_cast<size_t>(place[i])] = right ? c.answers[i] : c.wrong[i - c.answers.size()];
      if (right) q.answers.push_back(place[i]);
    }
    std::sort(q.answers.begin(), q.answers.end());
    if (q.answers.size() == 1) { // one right answer: an ordinary multiple-choice question
      q.answer = q.answers[0];
      q.answers.clear();
    }
    for (size_t i = 0; i < c.answers.size(); ++i)
      q.answerText += (i ? "; " : "") + c.answers[i];
    q.explanation = c.explanation;
    q.source = Cite(c.source);
    q.tags = c.tags;
    q.seconds = c.seconds;
    if (!c.picture.Empty()) q.image = deck.PictureFile(c.picture).string();
    return q;
  }

  std::optional<Question> Flashcard(const Card& c) {
    Question q;
    q.kind = QuestionKind::Flashcard;
    q.items = {c.id};
    q.prompt = c.front;
    q.answerText = c.back;
    q.explanation = c.back;
    q.source = Cite(c.source);
    q.tags = c.tags;
    if (!c.picture.Empty()) q.image = deck.PictureFile(c.picture).string();
    return q;
  }

  // The credits of the pictures a question shows, after its source: "… · Picture: Drawn for
  // FactDeck, CC0" (each credit once).
  void CreditPictures(Question& q) const {
    std::vector<std::string> credits;
    auto add = [&](const std::string& file) {
      auto it = x.pictureCredits.find(file);
      if (it != x.pictureCredits.end() && std::find(credits.begin(), credits.end(), it->second) == credits.end())
        credits.push_back(it->second);
    };
    if (!q.image.empty()) add(q.image);
    for (const std::string& file : q.optionImages)
      add(file);
    if (credits.empty()) return;
    std::string line = credits.size() == 1 ? "Picture: " : "Pictures: ";
    for (size_t i = 0; i < credits.size(); ++i)
      line += (i ? "; " : "") + credits[i];
    q.source += (q.source.empty() ? "" : " · ") + line;
  }

  // [SECTION] Checks -------------------------------------------------------------------

  // The rules every question must pass; false drops it.
  bool Good(const Question& q) const {
    const std::string prompt = Fold(q.prompt);
    switch (q.kind) {
    case QuestionKind::MultipleChoice:
    case QuestionKind::MultipleChoiceReverse:
    case QuestionKind::When:
      if (q.options.size() != kOptions || q.answer < 0 || q.answer >= static_cast<int>(kOptions)) return false;
      [[fallthrough]];
    case QuestionKind::WhichFirst:
    case QuestionKind::Ordering:
      if (!Distinct(q.options)) return false;
      // Picture options: the words are whose each picture is, and the prompt names the
      // subject by design ("Which of these is the flag of Chile?").
      if (q.picturesOnly) return q.optionImages.size() == q.options.size();
      if (q.kind == QuestionKind::MultipleChoice || q.kind == QuestionKind::MultipleChoiceReverse ||
          q.kind == QuestionKind::When) {
        const std::string answer = Fold(q.options[static_cast<size_t>(q.answer)]);
        if (ContainsWords(prompt, answer) || YearsInPrompt(prompt, answer)) return false;
        if (q.kind != QuestionKind::When && NamesItsAnswer(q.prompt, q.options, static_cast<size_t>(q.answer)))
          return false;
        // Letters shared with the prompt by some options and not others point at one.
        if (q.kind != QuestionKind::When && PromptLetters(q.prompt).Tell(q.options)) return false;
      }
      return true;
    case QuestionKind::TypedYear: return !q.acceptedYears.empty() && !YearsInPrompt(prompt, Fold(q.answerText));
    case QuestionKind::Flashcard: return !q.prompt.empty() && !q.answerText.empty();
    }
    return false;
  }
};

const std::vector<std::string>& TagsOfItem(const Deck& deck, const std::string& subject) {
  static const std::vector<std::string> kNone;
  if (const Entity* e = deck.FindEntity(subject)) return e->tags;
  if (const Event* e = deck.FindEvent(subject)) return e->tags;
  return kNone;
}

bool HasTag(const std::vector<std::string>& itemTags, const std::vector<std::string>& wanted) {
  if (wanted.empty()) return true;
  for (const std::string& t : itemTags)
    if (std::find(wanted.begin(), wanted.end(), t) != wanted.end()) return true;
  return false;
}

} // namespace

bool QuestionGenerator::Asks(QuestionKind kind, const std::string& item, std::string* whyNot) const {
  for (std::uint64_t seed = 1; seed <= 4; ++seed)
    if (Make(kind, item, seed, whyNot)) return true;
  return false;
}

std::vector<std::string> QuestionGenerator::Candidates(QuestionKind kind, const std::vector<std::string>& tags) const {
  std::vector<std::string> items;
  switch (kind) {
  case QuestionKind::MultipleChoice:
  case QuestionKind::MultipleChoiceReverse: {
    for (const Fact& f : m_deck.facts) {
      const Relation* r = m_deck.FindRelation(f.relation);
      if (r == nullptr ||
          (kind == QuestionKind::MultipleChoiceReverse && (r->reverse.empty() || !f.accordingTo.empty())))
        continue;
      if (HasTag(TagsOfItem(m_deck, f.subject), tags)) items.push_back(f.id);
    }
    // Cards whose answer has three more of its shape to be set against.
    const bool reverse = kind == QuestionKind::MultipleChoiceReverse;
    const Index& x = *m_index;
    if (reverse ? m_deck.cardsReverse : m_deck.cardsForward)
      for (size_t i = 0; i < m_deck.cards.size(); ++i) {
        const auto& byShape = reverse ? x.cardsByFrontShape : x.cardsByBackShape;
        if (byShape.at(reverse ? x.frontShapes[i] : x.backShapes[i]).size() >= kOptions &&
            HasTag(m_deck.cards[i].tags, tags))
          items.push_back(m_deck.cards[i].id);
      }
    if (!reverse)
      for (const Choice& c : m_deck.choices)
        if (HasTag(c.tags, tags)) items.push_back(c.id);
    break;
  }
  case QuestionKind::When:
  case QuestionKind::WhichFirst:
  case QuestionKind::Ordering:
  case QuestionKind::TypedYear:
    for (size_t i = 0; i < m_deck.events.size(); ++i)
      if (!m_deck.EventNamedAlike(i) && HasTag(m_deck.events[i].tags, tags)) items.push_back(m_deck.events[i].id);
    break;
  case QuestionKind::Flashcard:
    for (const Card& c : m_deck.cards)
      if (HasTag(c.tags, tags)) items.push_back(c.id);
    break;
  }
  return items;
}

// Of the capitalised words of `about`, those the deck never writes in lower case and that are
// no number in words, the one fewest of the deck's names hold.
std::string QuestionGenerator::Index::NameWord(const std::string& about) const {
  std::string name;
  size_t rarest = SIZE_MAX;
  for (const WrittenWord& w : WrittenWords(about)) {
    if (!w.capital || !w.lettersOnly || w.text.size() < 3) continue;
    std::string word = Fold(w.text);
    if (lowerWords.count(word) != 0 || NumberWordsAsDigits(word) != word) continue;
    const auto count = nameWords.find(word);
    if (const size_t n = count == nameWords.end() ? 0 : count->second; n < rarest) {
      rarest = n;
      name = std::move(word);
    }
  }
  return name;
}

std::optional<Question> QuestionGenerator::Make(QuestionKind kind, const std::string& item, std::uint64_t seed,
                                                std::string* whyNot) const {
  Builder b{m_deck, *m_index, *this, Random(seed), {}};
  std::optional<Question> q;
  bool written = false; // hand-written questions keep the options their author chose
  auto fact = m_index->factById.find(item);
  auto event = m_index->eventById.find(item);
  if (event != m_index->eventById.end() && m_deck.EventNamedAlike(event->second)) return std::nullopt;
  if (event != m_index->eventById.end() && m_index->namesItsYear[event->second]) {
    if (whyNot != nullptr) *whyNot = "its name gives its year";
    return std::nullopt;
  }
  switch (kind) {
  case QuestionKind::MultipleChoice:
  case QuestionKind::MultipleChoiceReverse: {
    const bool reverse = kind == QuestionKind::MultipleChoiceReverse;
    if (fact != m_index->factById.end()) {
      q = reverse ? b.Reverse(m_deck.facts[fact->second]) : b.Forward(m_deck.facts[fact->second]);
    } else if (auto card = m_index->cardById.find(item);
               card != m_index->cardById.end() && (reverse ? m_deck.cardsReverse : m_deck.cardsForward)) {
      q = b.CardChoice(card->second, reverse);
    } else if (auto choice = m_index->choiceById.find(item); choice != m_index->choiceById.end() && !reverse) {
      q = b.Written(m_deck.choices[choice->second]);
      written = true;
    }
    break;
  }
  case QuestionKind::When:
    if (event != m_index->eventById.end()) q = b.When(m_deck.events[event->second]);
    break;
  case QuestionKind::WhichFirst:
  case QuestionKind::Ordering:
    if (event != m_index->eventById.end()) q = b.Order(event->second, kind);
    break;
  case QuestionKind::TypedYear:
    if (event != m_index->eventById.end()) q = b.TypedYear(m_deck.events[event->second]);
    break;
  case QuestionKind::Flashcard:
    if (auto card = m_index->cardById.find(item); card != m_index->cardById.end())
      q = b.Flashcard(m_deck.cards[card->second]);
    break;
  }
  if (!q || (!written && !b.Good(*q))) {
    if (whyNot != nullptr) *whyNot = b.why;
    return std::nullopt;
  }
  b.CreditPictures(*q);
  if (q->tags.empty() && fact != m_index->factById.end())
    q->tags = TagsOfItem(m_deck, m_deck.facts[fact->second].subject);
  if (fact != m_index->factById.end()) {
    const Fact& f = m_deck.facts[fact->second];
    q->about = kind == QuestionKind::MultipleChoiceReverse ? m_deck.Display(f.object, m_deck.FindRelation(f.relation))
                                                           : m_deck.NameOf(f.subject);
  } else if (event != m_index->eventById.end() && (kind == QuestionKind::When || kind == QuestionKind::TypedYear)) {
    q->about = m_deck.events[event->second].name;
  }
  q->aboutName = m_index->NameWord(q->about);
  q->key = srs::CardKey(m_deck.id, q->key.empty() ? item : q->key, kind);
  q->card = item;
  return q;
}

// [SECTION] Generate -------------------------------------------------------------------------

std::vector<Question> QuestionGenerator::Generate(const QuestionRequest& request) const {
  const std::vector<QuestionKind>& kinds = request.kinds.empty() ? AllQuestionKinds() : request.kinds;
  Random random(request.seed);
  struct Pool {
    QuestionKind kind;
    std::vector<std::string> items;
    size_t next = 0;
    std::vector<std::string> deferred; // items whose template had its share of the quiz
  };
  std::vector<Pool> pools;
  for (QuestionKind kind : kinds) {
    Pool pool{kind, Candidates(kind, request.tags), 0, {}};
    random.Shuffle(pool.items);
    if (!pool.items.empty()) pools.push_back(std::move(pool));
  }
  std::vector<Question> questions;
  // The same question twice is no use in one quiz, nor two questions about one item: the
  // first would give the second away (an event's "when" and then its year typed).
  std::unordered_set<std::string> keys, prompts, items;
  ShownSoFar shown; // nor one whose answer an earlier one showed
  // Nor an order to find among events whose dates earlier questions all showed (their
  // explanations give each event's date): one of its events at least still unshown.
  std::unordered_set<std::string> datesShown;
  auto orderKnown = [&](const Question& q) {
    if (q.kind != QuestionKind::Ordering && q.kind != QuestionKind::WhichFirst) return false;
    const auto unshown =
        std::count_if(q.items.begin(), q.items.end(), [&](const std::string& id) { return datesShown.count(id) == 0; });
    return unshown == 0;
  };
  // Variety: in a quiz of 20 or more, no template (a relation's question, or a kind of
  // question about events, cards or written questions) fills more than a sixth of it while
  // the deck has others to ask; the deferred items are asked only when nothing else is left.
  const size_t share = request.count >= 20 ? (request.count + 5) / 6 : request.count;
  std::unordered_map<std::string, size_t> perTemplate;
  // The relation an item (a fact) asks, or null.
  auto relationOf = [&](const std::string& item) -> const std::string* {
    auto fact = m_index->factById.find(item);
    return fact == m_index->factById.end() ? nullptr : &m_deck.facts[fact->second].relation;
  };
  // Nor more than half of one relation's facts (at least one), either way round: after
  // "Which river flows through Paris?" and "... through London?" over the same four rivers,
  // the third such question is answered by elimination.
  std::unordered_map<std::string, size_t> perRelation;
  auto relationFull = [&](const std::string* relation) {
    return relation != nullptr &&
           perRelation[*relation] >= std::max<size_t>(1, m_index->factsByRelation.at(*relation).size() / 2);
  };
  bool capped = true;
  size_t turn = 0, idle = 0;
  while (questions.size() < request.count && !pools.empty()) {
    if (idle >= pools.size()) {
      if (!capped) break;
      capped = false; // every pool is spent: the deferred items now
      for (Pool& pool : pools) {
        pool.items = std::move(pool.deferred);
        pool.next = 0;
      }
      idle = 0;
    }
    Pool& pool = pools[turn++ % pools.size()];
    bool made = false;
    while (pool.next < pool.items.size() && !made) {
      const std::string& item = pool.items[pool.next++];
      if (items.count(item) != 0) continue; // asked already, as another kind
      const std::string* relation = relationOf(item);
      std::string templ = QuestionKindName(pool.kind); // the kind, and a fact's relation
      if (relation != nullptr) templ.append(1, kSep).append(*relation);
      if (capped && (perTemplate[templ] >= share || relationFull(relation))) {
        pool.deferred.push_back(item);
        continue;
      }
      auto q = Make(pool.kind, item, random.Next());
      const bool samePrompt = q && q->kind != QuestionKind::WhichFirst && q->kind != QuestionKind::Ordering &&
                              prompts.count(PromptKey(*q)) != 0;
      if (q && !samePrompt && !orderKnown(*q) && !shown.GivesAway(*q) && keys.insert(q->key).second) {
        prompts.insert(PromptKey(*q));
        items.insert(q->card);
        if (q->kind != QuestionKind::MultipleChoice && q->kind != QuestionKind::MultipleChoiceReverse &&
            q->kind != QuestionKind::Flashcard)
          datesShown.insert(q->items.begin(), q->items.end());
        ++perTemplate[templ];
        if (relation != nullptr) ++perRelation[*relation];
        shown.Add(*q);
        questions.push_back(std::move(*q));
        made = true;
      }
    }
    idle = made ? 0 : idle + 1;
  }
  return questions;
}

namespace {

// The words of folded text, sorted and unique.
std::vector<std::string> WordsOf(const std::string& folded) {
  std::vector<std::string> words;
  for (size_t i = 0; i < folded.size();) {
    while (i < folded.size() && !IsWordChar(folded[i]))
      ++i;
    size_t end = i;
    while (end < folded.size() && IsWordChar(folded[end]))
      ++end;
    if (end > i) words.emplace_back(folded.substr(i, end - i));
    i = end;
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

// Words that say how a question asks, not what about.
bool QuestionWord(const std::string& w) {
  static const std::unordered_set<std::string> words = {
      "a",     "an",    "and",  "are",   "as",     "at",    "be",   "by",        "did",      "do",    "does",
      "for",   "from",  "had",  "has",   "have",   "how",   "in",   "is",        "it",       "its",   "of",
      "on",    "or",    "the",  "their", "these",  "this",  "to",   "was",       "were",     "what",  "when",
      "where", "which", "who",  "whom",  "whose",  "why",   "with", "year",      "years",    "first", "following",
      "true",  "false", "name", "named", "called", "about", "into", "according", "happened", "that"};
  return words.count(w) != 0;
}

// True when sorted `words` hold `w`, or a word that is the start of the other of four
// letters or more: "train" and "trained".
bool HasStem(const std::vector<std::string>& words, const std::string& w) {
  auto it = std::lower_bound(words.begin(), words.end(), w);
  if (it != words.end() && *it == w) return true;
  // A longer word beginning with `w` sorts right after where `w` would be.
  if (w.size() >= 4 && it != words.end() && it->compare(0, w.size(), w) == 0) return true;
  // A shorter word that `w` begins with.
  for (size_t n = 4; n < w.size(); ++n)
    if (std::binary_search(words.begin(), words.end(), w.substr(0, n))) return true;
  return false;
}

// Folded text with the numbers written in words as digits, so that "Fifty ships reach Lisbon"
// shows the 50 a later question asks for. English words, one word each.
std::string NumberWordsAsDigits(const std::string& folded) {
  static const std::unordered_map<std::string, const char*> numbers = {
      {"two", "2"},        {"three", "3"},     {"four", "4"},       {"five", "5"},     {"six", "6"},
      {"seven", "7"},      {"eight", "8"},     {"nine", "9"},       {"ten", "10"},     {"eleven", "11"},
      {"twelve", "12"},    {"thirteen", "13"}, {"fourteen", "14"},  {"fifteen", "15"}, {"sixteen", "16"},
      {"seventeen", "17"}, {"eighteen", "18"}, {"nineteen", "19"},  {"twenty", "20"},  {"thirty", "30"},
      {"forty", "40"},     {"fifty", "50"},    {"sixty", "60"},     {"seventy", "70"}, {"eighty", "80"},
      {"ninety", "90"},    {"hundred", "100"}, {"thousand", "1000"}};
  std::string out;
  out.reserve(folded.size());
  for (size_t i = 0; i < folded.size();) {
    if (!IsWordChar(folded[i])) {
      out += folded[i++];
      continue;
    }
    size_t end = i;
    while (end < folded.size() && IsWordChar(folded[end]))
      ++end;
    const auto number = numbers.find(folded.substr(i, end - i));
    if (number != numbers.end())
      out += number->second;
    else
      out.append(folded, i, end - i);
    i = end;
  }
  return out;
}

// The texts a question's right answer is given as.
std::vector<std::string> RightAnswerTexts(const Question& q) {
  std::vector<std::string> texts;
  for (int i : RightOptions(q))
    if (i >= 0 && static_cast<size_t>(i) < q.options.size()) texts.push_back(q.options[static_cast<size_t>(i)]);
  if (texts.empty() && !q.answerText.empty()) texts.push_back(q.answerText);
  return texts;
}

} // namespace

Revealed RevealedBy(const Question& q) {
  std::string text = q.prompt;
  // An order's options are all true (events that happened), and each is shown.
  const bool allTrue = q.kind == QuestionKind::Ordering || q.kind == QuestionKind::WhichFirst;
  for (const std::string& answer : allTrue ? q.options : RightAnswerTexts(q))
    text += "\n" + answer;
  text += "\n" + q.explanation;
  Revealed shown;
  shown.text = NumberWordsAsDigits(Fold(text));
  shown.words = WordsOf(shown.text);
  return shown;
}

namespace {

// What a later question asks, read once to be checked against everything shown before it.
struct Asked {
  std::vector<std::string> answers; // folded
  std::vector<std::string> names;   // capitalised words of the prompt that count
  std::vector<std::string> words;   // distinctive words of the prompt
  std::string about;                // folded Question::about, or empty
  std::string aboutName;            // Question::aboutName: what an earlier text must name to be about it
  // A count with its unit ("50 aircraft", "about 60 people"): the number alone, else empty.
  std::string count;
  // An answer of several words ("Her laboratory isolated radium in Paris ..."): its
  // distinctive words, for an earlier text that says the same in other words.
  std::vector<std::string> statement;
};

// The number of an answer that is a count with its unit, "50 aircraft" or "about 60
// people" (folded), or empty: a bare number is a year or a figure without a thing counted.
std::string CountOf(const std::string& folded) {
  std::string_view rest = folded;
  for (std::string_view qualifier : {"about ", "around ", "nearly "})
    if (rest.substr(0, qualifier.size()) == qualifier) {
      rest.remove_prefix(qualifier.size());
      break;
    }
  const size_t space = rest.find(' ');
  if (space == 0 || space == std::string_view::npos) return {};
  const std::string_view number = rest.substr(0, space);
  const std::string_view unit = rest.substr(space + 1, rest.find(' ', space + 1) - space - 1); // the next word
  const bool digits =
      std::all_of(number.begin(), number.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.' || c == ','; });
  const bool counted = std::any_of(unit.begin(), unit.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  return digits && counted ? std::string(number) : std::string();
}

std::optional<Asked> ReadAsked(const Question& later) {
  if (later.kind == QuestionKind::Ordering || later.kind == QuestionKind::WhichFirst) return std::nullopt;
  Asked asked;
  std::vector<std::string> answerWords;
  for (const std::string& answer : RightAnswerTexts(later)) {
    std::string folded = NumberWordsAsDigits(Fold(answer));
    if (folded.empty()) return std::nullopt;
    for (std::string& w : WordsOf(folded))
      answerWords.push_back(std::move(w));
    asked.answers.push_back(std::move(folded));
  }
  if (asked.answers.empty()) return std::nullopt;
  asked.about = NumberWordsAsDigits(Fold(later.about));
  asked.aboutName = later.aboutName;
  if (asked.answers.size() == 1 && !asked.aboutName.empty()) {
    asked.count = CountOf(asked.answers.front());
    const std::vector<std::string> aboutWords = WordsOf(asked.about);
    for (const std::string& w : answerWords)
      if (w.size() > 1 && !QuestionWord(w) && !std::binary_search(aboutWords.begin(), aboutWords.end(), w))
        asked.statement.push_back(w);
    if (asked.statement.size() < 4) asked.statement.clear();
  }
  auto counts = [&](const std::string& w) {
    return w.size() > 1 && !QuestionWord(w) &&
           std::find(answerWords.begin(), answerWords.end(), w) == answerWords.end();
  };
  for (std::string& name : CapitalisedWords(later.prompt))
    if (name = NumberWordsAsDigits(name); counts(name)) asked.names.push_back(std::move(name));
  for (std::string& w : WordsOf(NumberWordsAsDigits(Fold(later.prompt)))) {
    if (!counts(w)) continue;
    // A number names what is asked about as much as a name does ("the T-28", "the last 15").
    if (std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) asked.names.push_back(w);
    asked.words.push_back(std::move(w));
  }
  return asked;
}

bool GivenAway(const Asked& asked, const Revealed& shown) {
  auto wasShown = [&](const std::string& w) { return HasStem(shown.words, w); };
  // Named beside what is asked in other words: a count with the thing counted worded
  // otherwise ("Fifty ships reach Lisbon ..." gives away "How many vessels sailed from the
  // Lisbon yard? 50 vessels"), or most of a statement ("Curie's laboratory isolates radium in
  // Paris" gives away "Who was Marie Curie?").
  if (!asked.aboutName.empty() && wasShown(asked.aboutName)) {
    if (std::all_of(asked.answers.begin(), asked.answers.end(),
                    [&](const std::string& answer) { return ContainsWords(shown.text, answer); }))
      return true; // "the Hanseatic League, formed in 1356" for "When ...: The Hanseatic League forms?"
    if (!asked.count.empty() && std::binary_search(shown.words.begin(), shown.words.end(), asked.count)) return true;
    if (!asked.statement.empty()) {
      const auto matched = std::count_if(asked.statement.begin(), asked.statement.end(), wasShown);
      if (3 * static_cast<size_t>(matched) >= 2 * asked.statement.size()) return true;
    }
  }
  for (const std::string& answer : asked.answers)
    if (!ContainsWords(shown.text, answer)) return false;
  // The thing asked about, named beside its answer.
  if (!asked.about.empty() && ContainsWords(shown.text, asked.about)) return true;
  // The names it asks about (capitalised words, numbers) must all have been shown: for "When did the
  // Rose Theatre open?" after "When did the Globe Theatre open?", "theatre" and "open" were,
  // "Rose" was not.
  if (!std::all_of(asked.names.begin(), asked.names.end(), wasShown)) return false;
  const auto matched = static_cast<size_t>(std::count_if(asked.words.begin(), asked.words.end(), wasShown));
  return matched >= 2 && 2 * matched >= asked.words.size();
}

} // namespace

bool GivenAway(const Question& later, const Revealed& shown) {
  const std::optional<Asked> asked = ReadAsked(later);
  return asked && GivenAway(*asked, shown);
}

void ShownSoFar::Add(const Question& q) {
  m_shown.push_back(RevealedBy(q));
  for (const std::string& w : m_shown.back().words)
    m_byWord[w].push_back(m_shown.size() - 1);
}

bool ShownSoFar::GivesAway(const Question& later) const {
  if (m_shown.empty()) return false;
  const std::optional<Asked> asked = ReadAsked(later);
  if (!asked) return false;
  auto shownBy = [this](const std::string& w) -> const std::vector<size_t>* {
    auto found = m_byWord.find(w);
    return found == m_byWord.end() ? nullptr : &found->second;
  };
  auto givenBy = [&](const std::vector<size_t>* shown) {
    return shown != nullptr &&
           std::any_of(shown->begin(), shown->end(), [&](size_t i) { return GivenAway(*asked, m_shown[i]); });
  };
  // Only what showed the name asked about can say its answer in other words, and only what
  // showed the rarest word of the first answer can hold the whole answer.
  if (!asked->aboutName.empty() && givenBy(shownBy(asked->aboutName))) return true;
  const std::vector<std::string> words = WordsOf(asked->answers.front());
  if (words.empty()) return false;
  auto it = std::min_element(words.begin(), words.end(), [&](const std::string& a, const std::string& b) {
    const std::vector<size_t>* shownA = shownBy(a);
    const std::vector<size_t>* shownB = shownBy(b);
    return (shownA ? shownA->size() : 0) < (shownB ? shownB->size() : 0);
  });
  return givenBy(shownBy(*it));
}

std::vector<UnaskedFact> UnaskedFacts(const Deck& deck) {
  QuestionGenerator generator(deck);
  std::unordered_map<std::string, size_t> kindCounts;
  for (const Entity& e : deck.entities)
    ++kindCounts[e.kind];
  std::unordered_map<std::string, std::unordered_set<std::string>> textValues; // relation -> folded values
  for (const Fact& f : deck.facts)
    if (f.object.type == ValueType::Text)
      textValues[f.relation].insert(Fold(f.object.text));
    else if (f.object.type == ValueType::Picture)
      textValues[f.relation].insert(f.object.text);
  std::vector<UnaskedFact> unasked;
  for (const Fact& f : deck.facts) {
    std::string forwardWhy, reverseWhy; // a rule of fairness that refused it, each way
    if (generator.Asks(QuestionKind::MultipleChoice, f.id, &forwardWhy) ||
        generator.Asks(QuestionKind::MultipleChoiceReverse, f.id, &reverseWhy))
      continue;
    const Relation* r = deck.FindRelation(f.relation);
    if (r == nullptr) continue;
    const std::string answer = deck.Display(f.object, r);
    const std::string prompt = Fill(r->question, "subject", deck.NameOf(f.subject));
    std::string reason;
    if (ContainsWords(Fold(prompt), Fold(answer)))
      reason = "its answer stands in the question (\u201C" + prompt + "\u201D: " + answer + ")";
    else if (!forwardWhy.empty())
      reason = forwardWhy;
    else if (f.object.type == ValueType::Entity && kindCounts[r->objectKind] < kOptions)
      reason = "only " + std::to_string(kindCounts[r->objectKind]) + " entities of kind '" + r->objectKind +
               "' (a question offers " + std::to_string(kOptions) + ")";
    else if (f.object.type == ValueType::Text && textValues[f.relation].size() < kOptions)
      reason = "only " + std::to_string(textValues[f.relation].size()) +
               (textValues[f.relation].size() == 1 ? " value" : " different values") + " of '" + f.relation +
               "' (a question offers " + std::to_string(kOptions) + "); make it a card, or a relation to entities";
    else if (f.object.type == ValueType::Picture && textValues[f.relation].size() < kOptions)
      reason = "only " + std::to_string(textValues[f.relation].size()) + " pictures for '" + f.relation +
               "' (a question offers " + std::to_string(kOptions) + ")";
    else if (f.object.type == ValueType::Picture)
      reason = "fewer than three other subjects have a picture for '" + f.relation +
               "' that differs from it pixel for pixel, or its picture cannot be read";
    else if (f.object.type == ValueType::Number && f.object.bound != NumberBound::Exact)
      reason = "the bound is too small for ranges it makes false";
    else
      reason = "no three options could be found that the deck does not also state of " + deck.NameOf(f.subject);
    if (!reverseWhy.empty())
      reason += "; " + reverseWhy;
    else if (r->reverse.empty() && f.object.type == ValueType::Entity && !generator.SameForWholeKind(f))
      reason += "; the relation has no reverse question (reverse = \"...{object}...\") to ask it the other way round";
    else if (f.object.type == ValueType::Entity && ContainsWords(Fold(deck.NameOf(f.subject)), Fold(answer)))
      reason += "; asked the other way round (\u201C" + Fill(r->reverse, "object", answer) + "\u201D) its answer, " +
                deck.NameOf(f.subject) + ", names " + answer + " too";
    unasked.push_back({&f, reason});
  }
  return unasked;
}

std::vector<Diagnostic> FreeTextWarnings(const Deck& deck) {
  std::vector<Diagnostic> out;
  auto warn = [&](const Fact& f, std::string message) {
    out.push_back({Severity::Warning, deck.file, f.pos, std::move(message)});
  };
  // Much the same as another subject's value of the relation (relations of up to 2,000
  // values: the comparison is of every pair).
  std::unordered_map<std::string, std::vector<const Fact*>> byRelation;
  for (const Fact& f : deck.facts)
    if (f.object.type == ValueType::Text && f.accordingTo.empty()) byRelation[f.relation].push_back(&f);
  constexpr size_t kMaxValuesCompared = 2000;
  for (const auto& [relation, facts] : byRelation) {
    if (facts.size() > kMaxValuesCompared) continue;
    std::vector<std::vector<std::string>> words;
    for (const Fact* f : facts)
      words.push_back(ContentWords(f->object.text));
    for (size_t i = 0; i < facts.size(); ++i)
      for (size_t j = 0; j < i; ++j)
        // The same value of two subjects is a category they share ("Southern Europe"), which
        // questions know: only different values that read alike are a problem.
        if (facts[i]->subject != facts[j]->subject && Fold(facts[i]->object.text) != Fold(facts[j]->object.text) &&
            MuchTheSame(words[i], words[j])) {
          warn(*facts[i], "'" + facts[i]->object.text + "' says much the same as what line " +
                              std::to_string(facts[j]->pos.line) + " says of " + deck.NameOf(facts[j]->subject) +
                              ": neither can be a wrong answer about the other; say what tells them apart");
          break;
        }
  }
  // Names an entity that typed facts link to other subjects of the same kind as well.
  const NamingWords naming = DistinctiveNameWords(deck);
  std::unordered_map<std::string, std::vector<std::string>> linked; // entity -> subjects linked to it
  for (const Fact& f : deck.facts)
    if (f.object.type == ValueType::Entity) {
      linked[f.object.entity].push_back(f.subject);
      linked[f.subject].push_back(f.object.entity);
    }
  for (const Fact& f : deck.facts) {
    if (f.object.type != ValueType::Text) continue;
    const Entity* subject = deck.FindEntity(f.subject);
    if (subject == nullptr) continue;
    std::vector<size_t> named;
    for (const std::string& w : WordsOf(Fold(f.object.text))) {
      auto it = naming.entitiesByWord.find(w);
      if (it == naming.entitiesByWord.end()) continue;
      for (size_t i : it->second)
        if (std::find(named.begin(), named.end(), i) == named.end()) named.push_back(i);
    }
    for (size_t i : named) {
      const Entity& e = deck.entities[i];
      if (e.id == f.subject) continue;
      size_t others = 0;
      for (const std::string& s : linked[e.id]) {
        const Entity* other = deck.FindEntity(s);
        others += s != f.subject && other != nullptr && other->kind == subject->kind;
      }
      if (others > 0)
        warn(f, "'" + f.object.text + "' names " + e.name + ", which the deck links to " + std::to_string(others) +
                    (others == 1 ? " other entity" : " other entities") + " of kind '" + subject->kind +
                    "' as well: it may be true of them; a typed fact (trained at, commanded) says it so that "
                    "questions can check it");
    }
  }
  std::sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) { return a.pos.line < b.pos.line; });
  return out;
}

std::string NothingToAskMessage(const Deck& deck, const std::vector<QuestionKind>& kinds, const std::string& tags) {
  std::string kindNames;
  for (size_t i = 0; i < kinds.size(); ++i)
    kindNames += std::string(i == 0                  ? ""
                             : i + 1 == kinds.size() ? " or "
                                                     : ", ") +
                 "\"" + QuestionKindLabel(kinds[i]) + "\"";
  std::string message = "No " + (kindNames.empty() ? std::string("question") : kindNames + " question") +
                        " can be made from this deck" + (tags.empty() ? "" : " with the tags \"" + tags + "\"") + ". ";
  const DeckSummary s = Summarize(deck);
  message += "It has " + std::to_string(s.facts) + " facts, " + std::to_string(s.events) + " dated events, " +
             std::to_string(s.cards) + " cards and " + std::to_string(s.choices) + " written questions. ";
  message += "Multiple choice needs facts with at least four values of their type, or at least four cards whose "
             "answers are alike (all names, all numbers, all dates, in one script); when, which-first and ordering "
             "need dated events that can be told apart.";
  return message;
}

} // namespace factdeck
