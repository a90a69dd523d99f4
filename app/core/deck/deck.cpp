#include "core/deck/deck.h"

#include "core/base/huge_pages.h"
#include "core/deck/numbers.h"

#include <algorithm>
#include <future>

#include "core/base/text.h"

namespace factdeck {

std::string SpanText(const Date& start, const std::optional<Date>& end, bool ongoing) {
  if (ongoing) return start.Display() + " – present";
  return end ? SpanDisplay(start, *end) : start.Display();
}

std::string EventWhen(const Event& e) { return SpanText(e.date, e.end, e.ongoing); }

std::vector<std::string> CommonTags(const Deck& deck, size_t n) {
  std::unordered_map<std::string, size_t> uses;
  auto count = [&](const std::vector<std::string>& tags) {
    for (const std::string& t : tags)
      ++uses[t];
  };
  for (const Entity& e : deck.entities)
    count(e.tags);
  for (const Event& e : deck.events)
    count(e.tags);
  for (const Card& c : deck.cards)
    count(c.tags);
  for (const Choice& c : deck.choices)
    count(c.tags);
  std::vector<std::pair<std::string, size_t>> sorted(uses.begin(), uses.end());
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  std::vector<std::string> tags;
  for (size_t i = 0; i < sorted.size() && i < n; ++i)
    tags.push_back(sorted[i].first);
  return tags;
}

std::string SummaryText(const DeckSummary& s) {
  std::string text;
  auto part = [&](size_t n, const char* one, const char* many) {
    if (n == 0) return;
    text += (text.empty() ? "" : " · ") + CountText(n) + " " + (n == 1 ? one : many);
  };
  part(s.facts, "fact", "facts");
  part(s.events, "event", "events");
  part(s.entities, "entity", "entities");
  part(s.cards, "card", "cards");
  part(s.choices, "question", "questions");
  return text.empty() ? "nothing to ask yet" : text;
}

std::vector<std::string> ChoiceProblems(const Choice& c) {
  std::vector<std::string> problems;
  if (c.answers.empty()) problems.push_back("the question has no right answer ('answer')");
  if (c.wrong.empty()) problems.push_back("the question has no wrong option ('wrong' needs at least one)");
  const size_t options = c.answers.size() + c.wrong.size();
  if (options > kMaxChoiceOptions)
    problems.push_back("the question has " + std::to_string(options) + " options; at most " +
                       std::to_string(kMaxChoiceOptions) + " fit the answer tiles");
  struct Seen {
    std::string folded;
    const std::string* written;
    bool right;
  };
  std::vector<Seen> seen;
  auto add = [&](const std::string& option, bool right) {
    const std::string folded = Fold(option);
    if (folded.empty()) {
      problems.push_back(std::string("an empty ") + (right ? "answer" : "wrong option"));
      return;
    }
    for (const Seen& other : seen)
      if (other.folded == folded) {
        problems.push_back(other.right != right ? "\"" + option + "\" is both a right answer and a wrong option"
                           : *other.written == option
                               ? "\"" + option + "\" is listed twice"
                               : "\"" + *other.written + "\" and \"" + option +
                                     "\" are the same option once case and accents are set aside");
        return;
      }
    seen.push_back({folded, &option, right});
  };
  for (const std::string& a : c.answers)
    add(a, true);
  for (const std::string& w : c.wrong)
    add(w, false);
  return problems;
}

std::string ChoiceAnswerInQuestion(const Choice& c) {
  const std::string question = Fold(c.question);
  for (const std::string& a : c.answers)
    if (std::string folded = Fold(a); !folded.empty() && ContainsWords(question, folded))
      return "the answer \"" + a + "\" stands in the question's own words; learners may pick it for that alone";
  return {};
}

std::string TagHint(const Deck& deck) {
  const std::vector<std::string> tags = CommonTags(deck, 2);
  if (tags.empty()) return "this deck has no tags";
  std::string hint = "all, or e.g.";
  for (const std::string& t : tags)
    hint += " " + t;
  return hint;
}

std::string SetEventDate(Event& e, const std::string& text) {
  DateSpanParse parsed = ParseDateOrSpan(text);
  if (!parsed.start) return "invalid date \"" + text + "\": " + parsed.error;
  e.date = *parsed.start;
  e.end = parsed.end;
  e.ongoing = parsed.ongoing;
  return {};
}

std::string NamedAlikeWarning(const Deck& deck, size_t event, std::ptrdiff_t other) {
  if (other < 0 || static_cast<size_t>(other) > event) return {};
  const Event& e = deck.events[event];
  const Event& o = deck.events[static_cast<size_t>(other)];
  return "event \"" + e.name + "\" (" + EventWhen(e) + ") has the same name as the one on line " +
         std::to_string(o.pos.line) + " (" + EventWhen(o) +
         "): a question could not tell them apart, so neither date is asked; give them different names";
}

std::vector<std::ptrdiff_t> EventsNamedAlike(const Deck& deck) {
  std::vector<std::ptrdiff_t> alike(deck.events.size(), -1);
  // Folding the names is most of the work: a large deck's second half is folded on a worker.
  std::vector<std::string> folds(deck.events.size());
  auto fold = [&](size_t from, size_t to) {
    for (size_t i = from; i < to; ++i)
      folds[i] = Fold(deck.events[i].name);
  };
  const size_t n = deck.events.size(), half = n >= 20000 ? n / 2 : n;
  std::future<void> second;
  if (half < n) second = std::async(std::launch::async, fold, half, n);
  fold(0, half);
  if (second.valid()) second.get();
  std::unordered_map<std::string_view, size_t> first;
  first.reserve(deck.events.size());
  for (size_t i = 0; i < deck.events.size(); ++i) {
    auto [at, added] = first.emplace(folds[i], i);
    if (!added) {
      alike[i] = static_cast<std::ptrdiff_t>(at->second);
      alike[at->second] = static_cast<std::ptrdiff_t>(i);
    }
  }
  return alike;
}

const char* ValueTypeName(ValueType type) {
  switch (type) {
  case ValueType::Entity: return "entity";
  case ValueType::Text: return "text";
  case ValueType::Number: return "number";
  case ValueType::Year: return "year";
  case ValueType::Date: return "date";
  case ValueType::Picture: return "image";
  }
  return "text";
}

void Deck::Reindex() {
  m_entityIndex.Build(entities);
  m_eventIndex.Build(events);
  m_relationIndex.Build(relations);
  m_sourceIndex.Build(sources);
  m_eventsAlike = EventsNamedAlike(*this);
}

namespace {
template <typename T> void ReserveLarge(std::vector<T>& items, size_t count) {
  items.reserve(count);
  AdviseHugePages(items.data(), items.capacity() * sizeof(T));
}
} // namespace

void Deck::Reserve(const Sizes& sizes) {
  ReserveLarge(entities, sizes.entities);
  ReserveLarge(events, sizes.events);
  ReserveLarge(facts, sizes.facts);
  ReserveLarge(cards, sizes.cards);
  ReserveLarge(choices, sizes.choices);
}

void Deck::IndexRelations() { m_relationIndex.Build(relations); }

const Entity* Deck::FindEntity(const std::string& key) const { return m_entityIndex.Find(entities, key); }
const Event* Deck::FindEvent(const std::string& key) const { return m_eventIndex.Find(events, key); }
const Relation* Deck::FindRelation(const std::string& key) const { return m_relationIndex.Find(relations, key); }
const DeckSource* Deck::FindSource(const std::string& key) const { return m_sourceIndex.Find(sources, key); }

std::string Deck::Attribution(const std::string& accordingTo) const {
  const DeckSource* s = FindSource(accordingTo);
  if (s == nullptr) return accordingTo;
  if (!s->author.empty()) return s->author;
  return (s->kind.empty() ? "" : "the " + s->kind + " ") + "\u201C" + s->title + "\u201D";
}

std::string Deck::Citation(const std::string& sourceId) const {
  const DeckSource* s = FindSource(sourceId);
  if (s == nullptr) return {};
  const std::string quoted = "\u201C" + s->title + "\u201D" + (s->kind.empty() ? "" : " (" + s->kind + ")");
  return s->author.empty() ? quoted : s->author + ", " + quoted;
}

std::string Deck::NameOf(const std::string& key) const {
  if (const Entity* entity = FindEntity(key)) return entity->name;
  if (const Event* event = FindEvent(key)) return event->name;
  return key;
}

std::string Deck::Display(const Value& value, const Relation* relation) const {
  switch (value.type) {
  case ValueType::Entity: return NameOf(value.entity);
  case ValueType::Text:
  case ValueType::Picture: return value.text;
  case ValueType::Number: {
    std::string text = GroupedNumber(value.text);
    if (relation != nullptr && !relation->unit.empty()) text += " " + relation->unit;
    return text;
  }
  case ValueType::Year:
  case ValueType::Date: return value.date.Display();
  }
  return value.text;
}

DeckSummary Summarize(const Deck& deck) {
  return {deck.entities.size(), deck.events.size(),  deck.relations.size(), deck.facts.size(),
          deck.cards.size(),    deck.sources.size(), deck.choices.size()};
}

QuestionCapacity EstimateCapacity(const Deck& deck) {
  std::unordered_map<std::string, size_t> kindCounts;
  for (const Entity& e : deck.entities)
    ++kindCounts[e.kind];
  std::unordered_map<std::string, std::unordered_map<std::string, int>> textValues; // relation -> values
  for (const Fact& f : deck.facts)
    if (f.object.type == ValueType::Text || f.object.type == ValueType::Picture)
      ++textValues[f.relation][f.object.text];

  QuestionCapacity capacity;
  for (const Fact& f : deck.facts) {
    const Relation* r = deck.FindRelation(f.relation);
    if (r == nullptr) continue;
    bool enough = false;
    switch (r->objectType) {
    case ValueType::Entity: enough = kindCounts[r->objectKind] >= 4; break;
    case ValueType::Text:
    case ValueType::Picture: enough = textValues[r->id].size() >= 4; break;
    case ValueType::Number:
    case ValueType::Year:
    case ValueType::Date: enough = true; break; // distractors are nearby values
    }
    if (enough) ++capacity.multipleChoice;
    if (!r->reverse.empty()) {
      const Entity* subject = deck.FindEntity(f.subject);
      if (subject != nullptr && kindCounts[subject->kind] >= 4) ++capacity.multipleChoiceReverse;
    }
  }
  capacity.when = capacity.typedYear = deck.events.size();
  capacity.ordering = deck.events.size() >= 3 ? deck.events.size() : 0;
  capacity.whichFirst = deck.events.size() >= 2 ? deck.events.size() : 0;
  capacity.flashcard = deck.cards.size();
  capacity.multipleChoice += deck.choices.size();
  // Cards as multiple choice: those whose other side has three more of its shape.
  if (deck.cardsForward || deck.cardsReverse) {
    std::unordered_map<std::string, size_t> fronts, backs;
    std::vector<std::pair<std::string, std::string>> shapes;
    for (const Card& c : deck.cards) {
      shapes.emplace_back(TextShape(c.front), TextShape(c.back));
      ++fronts[shapes.back().first];
      ++backs[shapes.back().second];
    }
    for (size_t i = 0; i < shapes.size(); ++i) {
      const auto& [front, back] = shapes[i];
      if (deck.cardsForward && backs[back] >= 4) ++capacity.multipleChoice;
      if (deck.cardsReverse && !deck.cards[i].cloze && fronts[front] >= 4) ++capacity.multipleChoiceReverse;
    }
  }
  return capacity;
}

} // namespace factdeck
