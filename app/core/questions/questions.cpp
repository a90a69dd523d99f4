// Question generation: the random source, the deck's index (look-ups built once per deck,
// so a question never scans the deck), one question of a kind about an item, and Generate
// (kinds taking turns over shuffled candidates).
//
// The builders are split by what they ask (question_parts.h): typed facts in
// fact_questions.cpp, events in event_questions.cpp, cards and hand-written questions in
// card_questions.cpp, the options and checks they share in question_options.cpp. What a
// question shows and gives away is in shown_so_far.cpp; advice on a whole deck in
// deck_advice.cpp.
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
#include "core/base/lexicon.h"
#include "core/base/text.h"
#include "core/deck/picture_file.h"
#include "core/questions/fairness.h"
#include "core/questions/question_parts.h"

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

using namespace question_parts;

bool EventsApart(const Event& a, const Event& b) { return Apart(a, b); }

bool IsRightOption(const Question& q, int option) {
  return option >= 0 &&
         (option == q.answer || std::find(q.answers.begin(), q.answers.end(), option) != q.answers.end());
}

std::optional<Question> AskFromMemory(const Question& q, QuestionKind card) {
  if (!q.recallable || q.answerText.empty()) return std::nullopt;
  Question recall = q;
  recall.kind = QuestionKind::Flashcard;
  recall.recallOf = card;
  recall.options.clear();
  recall.optionImages.clear();
  recall.picturesOnly = false;
  recall.answer = -1;
  recall.answers.clear();
  recall.order.clear();
  return recall;
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
// The words the deck writes in lower case, how often each capitalised word names an item,
// and the words naming each kind's entities.
void IndexWords(const Deck& deck, QuestionGenerator::Index& x) {
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
  // Each name word with its stems ("~swed"), an ending of one or two letters cut while four
  // stay: an option names "Sweden" by "Swedish" and "Bahamas" by "Bahamian" (NamesAnother
  // cuts the option's ending, and takes a stem only from a word two letters longer: "Franc"
  // does not name France).
  for (const Entity& e : deck.entities)
    for (std::string& w : NameWords(e.name)) {
      if (x.lowerWords.count(w) != 0) continue;
      auto& words = x.nameWordsByKind[e.kind];
      for (size_t cut = 1; cut <= 2 && w.size() >= cut + 4; ++cut)
        words.insert("~" + w.substr(0, w.size() - cut)); // a stem, marked as one
      words.insert(std::move(w));
    }
}
// Which side of a deck's cards is English (1: the fronts, 2: the backs, 0: neither): the
// one whose short phrases the lexicon knows, in at least half of up to 256 cards spread
// over the deck, and twice as often as the other side's.
int EnglishSide(const Deck& deck) {
  const size_t cards = deck.cards.size(), sample = std::min<size_t>(cards, 256);
  if (sample == 0 || Lexicon::English().Empty()) return 0;
  size_t fronts = 0, backs = 0;
  for (size_t n = 0; n < sample; ++n) {
    const Card& c = deck.cards[n * cards / sample];
    fronts += Lexicon::English().PhraseClasses(c.front) != 0;
    backs += Lexicon::English().PhraseClasses(c.back) != 0;
  }
  if (2 * fronts >= sample && fronts >= 2 * backs) return 1;
  if (2 * backs >= sample && backs >= 2 * fronts) return 2;
  return 0;
}

} // namespace

QuestionGenerator::QuestionGenerator(const Deck& deck) : m_index(std::make_unique<Index>()), m_deck(deck) {
  Index& x = *m_index;
  x.period = DeckPeriod(deck);
  IndexWords(deck, x);
  x.entityFolds.resize(deck.entities.size());
  x.descriptionFolds.resize(deck.entities.size());
  for (size_t i = 0; i < deck.entities.size(); ++i) {
    const Entity& e = deck.entities[i];
    x.entityById.emplace(e.id, i);
    x.descriptionFolds[i] = Fold(e.description);
    x.entitiesByKind[e.kind].push_back(i);
    x.entityFolds[i].push_back(Fold(e.name));
    for (const std::string& alias : e.aliases)
      x.entityFolds[i].push_back(Fold(alias));
  }
  x.namesItsYear.resize(deck.events.size());
  x.threads = EventThreads(deck);
  x.storyStage.resize(deck.events.size());
  for (const Relation& r : deck.relations)
    if (r.objectType == ValueType::Year || r.objectType == ValueType::Date)
      x.relationStage.emplace(r.id, static_cast<signed char>(StoryStage(r.question)));
  for (size_t i = 0; i < deck.events.size(); ++i) {
    x.eventById.emplace(deck.events[i].id, i);
    x.namesItsYear[i] = NameGivesItsYear(deck.events[i]);
    x.storyStage[i] = static_cast<signed char>(StoryStage(deck.events[i].name));
    if (!deck.EventNamedAlike(i) && !x.namesItsYear[i]) x.eventsByDate.push_back(i);
  }
  std::sort(x.eventsByDate.begin(), x.eventsByDate.end(),
            [&](size_t a, size_t b) { return Span(deck.events[a]).first < Span(deck.events[b]).first; });
  x.dateRank.assign(deck.events.size(), std::string::npos);
  for (size_t rank = 0; rank < x.eventsByDate.size(); ++rank)
    x.dateRank[x.eventsByDate[rank]] = rank;
  // Events of one day (neighbours in date order): dating one dates the others.
  auto day = [&](size_t i) {
    const Event& e = deck.events[i];
    return e.date.precision == DatePrecision::Day && !e.end && !e.date.circa && e.date.doubt == DateDoubt::None;
  };
  for (size_t at = 0; at < x.eventsByDate.size();) {
    size_t end = at + 1;
    while (end < x.eventsByDate.size() && day(x.eventsByDate[at]) && day(x.eventsByDate[end]) &&
           deck.events[x.eventsByDate[end]].date == deck.events[x.eventsByDate[at]].date)
      ++end;
    if (end - at > 1) {
      std::vector<std::string> ids;
      for (size_t k = at; k < end; ++k)
        ids.push_back(deck.events[x.eventsByDate[k]].id);
      for (const std::string& id : ids)
        x.sameDay[id] = ids;
    }
    at = end;
  }
  const NamingWords naming = DistinctiveNameWords(deck);
  // relation|kind -> its first three subjects (three make a relation the same for a whole kind)
  std::unordered_map<std::string, std::unordered_set<std::string>> kindSubjects;
  for (size_t i = 0; i < deck.facts.size(); ++i) {
    const Fact& f = deck.facts[i];
    x.factById.emplace(f.id, i);
    x.factsBySubjectRelation[Join(f.subject, f.relation)].push_back(i);
    x.factsByRelation[f.relation].push_back(i);
    x.stated.insert(Join(Join(f.subject, f.relation), ValueKey(f.object)));
    if (f.object.type == ValueType::Entity || f.object.type == ValueType::Text) {
      x.factsByRelationValue[f.relation][f.object.type == ValueType::Entity ? f.object.entity : f.object.text]
          .push_back(i);
      x.valueFactsBySubject[f.subject].push_back(i);
    }
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
        texts.push_back({f.object.text, ContentWords(f.object.text), &TagsOfItem(deck, f.subject), &f.subject,
                         FormOf(f.object.text)});
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
  x.frontForms.resize(cards);
  x.backForms.resize(cards);
  for (size_t i = 0; i < cards; ++i) {
    const Card& c = deck.cards[i];
    x.cardById.emplace(c.id, i);
    if (!deck.cardsForward && !deck.cardsReverse) continue;
    x.frontFolds[i] = Fold(c.front);
    x.backFolds[i] = Fold(c.back);
    x.frontShapes[i] = TextShape(c.front);
    x.frontAsks[i] = AskedForOf(c.front);
    x.backShapes[i] = TextShape(c.back);
    x.frontForms[i] = FormOf(c.front);
    x.backForms[i] = FormOf(c.back);
    x.cardsByFrontShape[x.frontShapes[i]].push_back(i);
    x.cardsByBackShape[x.backShapes[i]].push_back(i);
  }
  if (deck.cardsForward || deck.cardsReverse) {
    x.classSide = EnglishSide(deck);
    if (x.classSide != 0) {
      x.cardClasses = std::make_unique<std::atomic<std::uint8_t>[]>(cards);
      for (size_t i = 0; i < cards; ++i)
        x.cardClasses[i].store(Index::kUnread, std::memory_order_relaxed);
    }
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
            !(reverse && m_deck.cards[i].cloze) && HasTag(m_deck.cards[i].tags, tags))
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

std::uint8_t QuestionGenerator::Index::CardClasses(const Deck& deck, size_t card) const {
  if (classSide == 0) return 0;
  std::uint8_t classes = cardClasses[card].load(std::memory_order_relaxed);
  if (classes == kUnread) { // two threads may look it up at once: both find the same
    const Card& c = deck.cards[card];
    classes = Lexicon::English().PhraseClasses(classSide == 1 ? c.front : c.back);
    cardClasses[card].store(classes, std::memory_order_relaxed);
  }
  return classes;
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
  // Nor an order holding an event whose date an earlier question showed (their explanations
  // give each event's date): two shown give their order away, and one shown with an event
  // any student can date (a famous year of the period) gives it too.
  std::unordered_set<std::string> datesShown;
  auto orderKnown = [&](const Question& q) {
    if (q.kind != QuestionKind::Ordering && q.kind != QuestionKind::WhichFirst) return false;
    return std::any_of(q.items.begin(), q.items.end(),
                       [&](const std::string& id) { return datesShown.count(id) != 0; });
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
  // Takes questions from `from` in turn until the quiz holds `upTo`.
  auto fill = [&](std::vector<Pool>& from, size_t upTo) {
    bool capped = true;
    size_t turn = 0, idle = 0;
    while (questions.size() < upTo && !from.empty()) {
      if (idle >= from.size()) {
        if (!capped) break;
        capped = false; // every pool is spent: the deferred items now
        for (Pool& pool : from) {
          pool.items = std::move(pool.deferred);
          pool.next = 0;
        }
        idle = 0;
      }
      Pool& pool = from[turn++ % from.size()];
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
            for (const std::string& id : q->items) {
              datesShown.insert(id);
              if (auto same = m_index->sameDay.find(id); same != m_index->sameDay.end())
                datesShown.insert(same->second.begin(), same->second.end()); // the same day's events
            }
          ++perTemplate[templ];
          if (relation != nullptr) ++perRelation[*relation];
          shown.Add(*q);
          questions.push_back(std::move(*q));
          made = true;
        }
      }
      idle = made ? 0 : idle + 1;
    }
  };
  // Orders come first, their share of the quiz: a question after them cannot give their order
  // away (a fact's year, a description's date, an event dated in passing), and what they show
  // keeps later questions from asking it again. The rest follow in turn.
  auto isOrder = [](const Pool& pool) {
    return pool.kind == QuestionKind::Ordering || pool.kind == QuestionKind::WhichFirst;
  };
  const auto split = std::stable_partition(pools.begin(), pools.end(), isOrder);
  std::vector<Pool> orders(std::make_move_iterator(pools.begin()), std::make_move_iterator(split));
  pools.erase(pools.begin(), split);
  const size_t orderShare = pools.empty() ? request.count
                                          : (request.count * orders.size() + pools.size() + orders.size() - 1) /
                                                (pools.size() + orders.size());
  fill(orders, orderShare);
  fill(pools, request.count);
  fill(orders, request.count); // when nothing else is left to ask
  return questions;
}

} // namespace factdeck
