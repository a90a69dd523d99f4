// Helpers of the question builders: words and names, date steps, tags.
#include "core/questions/question_parts.h"

#include <unordered_set>

#include <algorithm>
#include <charconv>
#include <limits>

namespace factdeck::question_parts {

std::string Join(const std::string& a, const std::string& b) {
  std::string key;
  key.reserve(a.size() + b.size() + 1);
  key.append(a).push_back(kSep);
  key.append(b);
  return key;
}

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

std::pair<std::int64_t, std::int64_t> Span(const Event& e) {
  if (e.ongoing) return {e.date.WideFirstDay(), std::numeric_limits<std::int64_t>::max()};
  return {e.date.WideFirstDay(), e.end ? e.end->WideLastDay() : e.date.WideLastDay()};
}

bool Apart(const Event& a, const Event& b) {
  auto [af, al] = Span(a);
  auto [bf, bl] = Span(b);
  return ApartWidened(af, al, bf, bl);
}

int NiceStep(int n) {
  for (int power = 1;; power *= 10)
    for (int m : {1, 2, 5})
      if (m * power >= n) return m * power;
}

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

std::vector<int> OptionSteps(const Date& d, const Date* end) {
  const auto step = OptionStep(d, end);
  if (!step) return {};
  std::vector<int> steps{*step};
  if (end == nullptr && d.doubt == DateDoubt::None && !d.circa && d.precision == DatePrecision::Year)
    for (int smaller : {50, 10, 5, 2, 1})
      if (smaller < steps.back()) steps.push_back(smaller);
  return steps;
}

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

std::vector<std::string> NameWords(const std::string& name) {
  std::vector<std::string> words;
  for (std::string& w : CapitalisedWords("a " + name))
    if (w.size() > 1 && w != "the" && w != "of" && w != "and") words.push_back(std::move(w));
  return words;
}

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

size_t SharedTags(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return static_cast<size_t>(std::count_if(
      a.begin(), a.end(), [&](const std::string& t) { return std::find(b.begin(), b.end(), t) != b.end(); }));
}

const std::string& KindOfItem(const Deck& deck, const std::string& id) {
  static const std::string event = "event", none;
  if (const Entity* e = deck.FindEntity(id)) return e->kind;
  return deck.FindEvent(id) != nullptr ? event : none;
}

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

std::vector<std::vector<std::string>> EventThreads(const Deck& deck) {
  auto keysOf = [](const Event& e) {
    std::vector<std::string> keys;
    if (!e.placeEntity.empty() || !e.place.empty())
      keys.push_back("place\x1F" + (e.placeEntity.empty() ? Fold(e.place) : e.placeEntity));
    for (const std::string& tag : e.tags)
      keys.push_back("tag\x1F" + tag);
    return keys;
  };
  std::unordered_map<std::string, size_t> count;
  for (const Event& e : deck.events)
    for (const std::string& key : keysOf(e))
      ++count[key];
  std::vector<std::vector<std::string>> threads(deck.events.size());
  for (size_t i = 0; i < deck.events.size(); ++i) {
    for (std::string& key : keysOf(deck.events[i]))
      if (size_t n = count[key]; n >= 2 && 3 * n <= deck.events.size()) threads[i].push_back(std::move(key));
    std::sort(threads[i].begin(), threads[i].end());
  }
  return threads;
}

int StoryStage(const std::string& name) {
  static const std::unordered_set<std::string> kBeginning{
      "begin",    "begins",   "began",   "beginning", "start",       "starts",    "started",  "opens",
      "opened",   "founded",  "founds",  "establish", "established", "creates",   "created",  "launch",
      "launches", "launched", "decide",  "decides",   "decided",     "agreement", "agree",    "agrees",
      "agreed",   "plans",    "planned", "fixes",     "sets",        "proposes",  "proposed", "offers",
      "offered",  "first",    "arrive",  "arrives",   "arrived"};
  static const std::unordered_set<std::string> kEnd{
      // "finish" of an activity ("only fifteen pilots finish the course"), not "finished" of
      // a building, which then stands.
      "end",      "ends",      "ended",     "ending",    "close",      "closes",    "closed",
      "closing",  "dissolved", "abolished", "ceases",    "ceased",     "leave",     "leaves",
      "left",     "handed",    "abandoned", "final",     "last",       "finish",    "finishes",
      "withdraw", "withdraws", "withdrew",  "withdrawn", "withdrawal", "disbanded", "dismantled"};
  // Bringing the work home ends it abroad: "decides to move the work home".
  static const std::unordered_set<std::string> kGoing{"move",   "moves",   "moved",  "moving",  "bring",
                                                      "brings", "brought", "return", "returns", "returned"};
  int stage = 0;
  bool going = false, home = false;
  for (const std::string& w : WordsOf(Fold(name))) {
    if (kEnd.count(w) != 0) return 1;
    if (kBeginning.count(w) != 0) stage = -1;
    going = going || kGoing.count(w) != 0;
    home = home || w == "home";
  }
  return going && home ? 1 : stage;
}

} // namespace factdeck::question_parts
