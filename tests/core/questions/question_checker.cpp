#include "core/questions/question_checker.h"

#include <algorithm>
#include <set>

#include "core/base/text.h"

namespace factdeck::test {

namespace {

const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};

// Reads a date as Date::Display writes it: "c. 16 April 1922", "April 1922", "44 BC".
std::optional<Date> ParseShown(std::string text) {
  Date d;
  if (text.rfind("c. ", 0) == 0) {
    d.circa = true;
    text = text.substr(3);
  }
  bool bc = false;
  if (text.size() > 3 && text.substr(text.size() - 3) == " BC") {
    bc = true;
    text.resize(text.size() - 3);
  }
  std::vector<std::string> words;
  for (size_t at = 0; at <= text.size();) {
    size_t end = text.find(' ', at);
    if (end == std::string::npos) end = text.size();
    words.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  auto number = [](const std::string& w) -> std::optional<int> {
    if (w.empty() || w.size() > 6 || !std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return std::nullopt;
    return std::stoi(w);
  };
  auto month = [](const std::string& w) {
    for (int m = 0; m < 12; ++m)
      if (w == kMonths[m]) return m + 1;
    return 0;
  };
  std::optional<int> year = number(words.back());
  if (!year) return std::nullopt;
  d.year = bc ? 1 - *year : *year;
  if (words.size() == 1) return d;
  d.month = month(words[words.size() - 2]);
  if (d.month == 0) return std::nullopt;
  d.precision = DatePrecision::Month;
  if (words.size() == 2) return d;
  auto day = number(words[0]);
  if (words.size() != 3 || !day) return std::nullopt;
  d.day = *day;
  d.precision = DatePrecision::Day;
  return d;
}

const Fact* FindFact(const Deck& deck, const std::string& id) {
  for (const Fact& f : deck.facts)
    if (f.id == id) return &f;
  return nullptr;
}

const Event* EventNamed(const Deck& deck, const std::string& name) {
  for (const Event& e : deck.events)
    if (e.name == name) return &e;
  return nullptr;
}

// The folded names an entity goes by.
std::set<std::string> Names(const Deck& deck, const std::string& id) {
  std::set<std::string> names;
  if (const Entity* e = deck.FindEntity(id)) {
    names.insert(Fold(e->name));
    for (const std::string& a : e->aliases)
      names.insert(Fold(a));
  }
  return names;
}

bool EntityOfKind(const Deck& deck, const std::string& name, const std::string& kind) {
  for (const Entity& e : deck.entities)
    if (e.kind == kind && Fold(e.name) == Fold(name)) return true;
  return false;
}

bool IsNumber(const std::string& text, const std::string& unit) {
  std::string bare = unit.empty() ? text : text.substr(0, text.size() - std::min(text.size(), unit.size() + 1));
  if (bare.empty()) return false;
  char* end = nullptr;
  std::strtod(bare.c_str(), &end);
  return end == bare.c_str() + bare.size();
}

// Event intervals in days, circa widened by two years, spans to their end.
std::pair<std::int64_t, std::int64_t> Days(const Event& e) {
  std::int64_t first = e.date.FirstDay(), last = e.end ? e.end->LastDay() : e.date.LastDay();
  if (e.date.circa) first -= 730;
  if (e.date.circa || (e.end && e.end->circa)) last += 730;
  return {first, last};
}

// The words of folded text: runs of letters and digits.
std::vector<std::string> Words(const std::string& folded) {
  std::vector<std::string> words(1);
  for (char c : folded) {
    const bool word = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
    if (word)
      words.back() += c;
    else if (!words.back().empty())
      words.emplace_back();
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

// True when the answer's words stand, in a row, among the prompt's words.
bool Tells(const std::string& prompt, const std::string& answer) {
  const auto p = Words(Fold(prompt)), a = Words(Fold(answer));
  if (a.empty()) return false;
  return std::search(p.begin(), p.end(), a.begin(), a.end()) != p.end();
}

void CheckChoices(const Question& q, std::vector<std::string>& v) {
  std::set<std::string> folded;
  for (const std::string& o : q.options)
    folded.insert(Fold(o));
  if (folded.size() != q.options.size()) v.push_back("options not distinct");
  if (q.answer < 0 || q.answer >= static_cast<int>(q.options.size())) {
    v.push_back("no answer");
    return;
  }
  if (Tells(q.prompt, q.options[static_cast<size_t>(q.answer)])) v.push_back("answer in prompt");
}

} // namespace

std::vector<std::string> Violations(const Deck& deck, const Question& q) {
  std::vector<std::string> v;
  if (q.key.rfind(deck.id + "/", 0) != 0 || q.key.size() < std::string(QuestionKindName(q.kind)).size() ||
      q.key.substr(q.key.size() - std::string(QuestionKindName(q.kind)).size()) != QuestionKindName(q.kind))
    v.push_back("bad key");
  if (q.explanation.empty()) v.push_back("no explanation");
  if (q.source.empty()) v.push_back("no source");
  for (const char* bad : {".?", ",?", ";?", ":?", " ?"})
    if (q.prompt.find(bad) != std::string::npos) v.push_back("prompt ends badly");

  switch (q.kind) {
  case QuestionKind::MultipleChoice:
  case QuestionKind::MultipleChoiceReverse: {
    if (q.options.size() != 4) v.push_back("not four options");
    CheckChoices(q, v);
    const Fact* f = q.items.empty() ? nullptr : FindFact(deck, q.items[0]);
    const Relation* r = f ? deck.FindRelation(f->relation) : nullptr;
    if (f == nullptr || r == nullptr) {
      v.push_back("unknown fact");
      break;
    }
    std::set<std::string> right; // every option the deck makes true
    if (q.kind == QuestionKind::MultipleChoice) {
      for (const Fact& g : deck.facts)
        if (g.subject == f->subject && g.relation == f->relation) {
          right.insert(Fold(deck.Display(g.object, r)));
          if (g.object.type == ValueType::Entity)
            for (const std::string& n : Names(deck, g.object.entity))
              right.insert(n);
        }
      if (!f->accordingTo.empty() && q.prompt.find("According to " + f->accordingTo) == std::string::npos)
        v.push_back("attribution missing");
    } else {
      const std::string object = Fold(deck.Display(f->object, r));
      for (const Fact& g : deck.facts)
        if (g.relation == f->relation && Fold(deck.Display(g.object, r)) == object)
          for (const std::string& n : Names(deck, g.subject))
            right.insert(n);
    }
    int rightOptions = 0;
    for (size_t i = 0; i < q.options.size(); ++i) {
      const bool isRight = right.count(Fold(q.options[i])) != 0;
      rightOptions += isRight;
      if (static_cast<int>(i) == q.answer && !isRight) v.push_back("answer is not true");
    }
    if (rightOptions > 1) v.push_back("a distractor is true");
    // Distractors of the answer's type.
    for (const std::string& o : q.options) {
      bool typed = true;
      if (q.kind == QuestionKind::MultipleChoiceReverse) {
        const Entity* subject = deck.FindEntity(f->subject);
        typed = subject && EntityOfKind(deck, o, subject->kind);
      } else {
        switch (r->objectType) {
        case ValueType::Entity: typed = EntityOfKind(deck, o, r->objectKind); break;
        case ValueType::Number: typed = IsNumber(o, r->unit); break;
        case ValueType::Year:
        case ValueType::Date: {
          auto d = ParseShown(o);
          typed = d && d->precision == f->object.date.precision;
          break;
        }
        case ValueType::Text: {
          typed = false;
          for (const Fact& g : deck.facts)
            if (g.relation == f->relation && g.object.text == o) typed = true;
          break;
        }
        }
      }
      if (!typed) v.push_back("distractor of another type");
    }
    break;
  }
  case QuestionKind::When: {
    if (q.options.size() != 4) v.push_back("not four options");
    CheckChoices(q, v);
    const Event* e = q.items.empty() ? nullptr : deck.FindEvent(q.items[0]);
    if (e == nullptr) {
      v.push_back("unknown event");
      break;
    }
    int right = 0;
    for (size_t i = 0; i < q.options.size(); ++i) {
      auto d = ParseShown(q.options[i]);
      if (!d || d->precision != e->date.precision) v.push_back("date at another precision");
      if (d && *d == e->date) {
        ++right;
        if (static_cast<int>(i) != q.answer) v.push_back("answer is not true");
      }
    }
    if (right != 1) v.push_back(right == 0 ? "answer is not true" : "a distractor is true");
    break;
  }
  case QuestionKind::WhichFirst:
  case QuestionKind::Ordering: {
    std::vector<const Event*> events;
    for (const std::string& name : q.options)
      events.push_back(EventNamed(deck, name));
    if (std::count(events.begin(), events.end(), nullptr) > 0) {
      v.push_back("unknown event");
      break;
    }
    std::vector<int> order = q.order;
    if (q.kind == QuestionKind::WhichFirst) {
      if (q.options.size() != 2) v.push_back("not two options");
      order = {q.answer, 1 - q.answer};
    } else if (q.options.size() < 3 || q.options.size() > 6) {
      v.push_back("not 3 to 6 events");
    }
    std::set<std::string> folded;
    for (const std::string& o : q.options)
      folded.insert(Fold(o));
    if (folded.size() != q.options.size()) v.push_back("options not distinct");
    if (order.size() != q.options.size()) {
      v.push_back("no order");
      break;
    }
    for (size_t i = 0; i + 1 < order.size(); ++i)
      for (size_t j = i + 1; j < order.size(); ++j) {
        const Event* a = events[static_cast<size_t>(order[i])];
        const Event* b = events[static_cast<size_t>(order[j])];
        if (!(Days(*a).second < Days(*b).first)) v.push_back("events not told apart or out of order");
      }
    break;
  }
  case QuestionKind::TypedYear: {
    const Event* e = q.items.empty() ? nullptr : deck.FindEvent(q.items[0]);
    if (e == nullptr) {
      v.push_back("unknown event");
      break;
    }
    Date year = e->date;
    year.precision = DatePrecision::Year;
    year.circa = false;
    if (q.answerText != year.Display()) v.push_back("answer is not true");
    if ((q.yearTolerance > 0) != e->date.circa) v.push_back("tolerance does not match the date");
    if (Tells(q.prompt, q.answerText.substr(0, q.answerText.find(' ')))) v.push_back("answer in prompt");
    break;
  }
  case QuestionKind::Flashcard: {
    bool found = false;
    for (const Card& c : deck.cards)
      found = found || (c.front == q.prompt && c.back == q.answerText);
    if (!found) v.push_back("answer is not true");
    break;
  }
  }
  return v;
}

} // namespace factdeck::test
