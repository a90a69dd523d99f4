#include "core/questions/question_checker.h"

#include <algorithm>
#include <cmath>
#include <cctype>
#include <limits>
#include <map>
#include <set>
#include <stb_image.h>

#include "core/base/lexicon.h"
#include "core/base/text.h"

namespace factdeck::test {

namespace {

// Reads a date or span as the questions show it ("c. 16 April 1922", "535–554").
struct Shown {
  Date start;
  std::optional<Date> end;
};
std::optional<Shown> ParseShown(const std::string& text) {
  DateSpanParse parsed = ParseDateOrSpan(text);
  if (!parsed.start) return std::nullopt;
  return Shown{*parsed.start, parsed.end};
}

// The circa tolerance as docs/facts-format.md states it, written out again here: by the
// rounding of the year as written (2600 BC: 49 years; 1950: 24; 1920: 4; else 2), five years
// for a decade, 25 for a century, 250 for a millennium; a week for a day, a month for a
// month or season.
std::pair<std::int64_t, std::int64_t> Widened(const Date& d, const Date* end = nullptr) {
  std::int64_t first = d.FirstDay(), last = end ? end->LastDay() : d.LastDay();
  auto years = [](const Date& x) -> int {
    if (!x.circa) return 0;
    switch (x.precision) {
    case DatePrecision::Year: {
      const int written = x.year <= 0 ? 1 - x.year : x.year;
      return written % 100 == 0 ? 49 : written % 50 == 0 ? 24 : written % 10 == 0 ? 4 : 2;
    }
    case DatePrecision::Decade: return 5;
    case DatePrecision::Century: return 25;
    case DatePrecision::Millennium: return 250;
    default: return 0;
    }
  };
  auto days = [](const Date& x) -> int {
    if (!x.circa) return 0;
    return x.precision == DatePrecision::Day                                               ? 7
           : (x.precision == DatePrecision::Month || x.precision == DatePrecision::Season) ? 31
                                                                                           : 0;
  };
  const Date& last_ = end ? *end : d;
  int y, m, dd;
  CivilFromDays(first, y, m, dd);
  first = years(d) ? DaysFromCivil(y - years(d), 1, 1) : first - days(d);
  CivilFromDays(last, y, m, dd);
  last = years(last_) ? DaysFromCivil(y + years(last_), 12, 31) : last + days(last_);
  return {first, last};
}

// How round a year is as written: 100, 50, 10, 5 or 1.
int Roundness(int astronomicalYear) {
  const int written = astronomicalYear <= 0 ? 1 - astronomicalYear : astronomicalYear;
  for (int unit : {100, 50, 10, 5})
    if (written % unit == 0) return unit;
  return 1;
}

const Card* FindCard(const Deck& deck, const std::string& id) {
  for (const Card& c : deck.cards)
    if (c.id == id) return &c;
  return nullptr;
}

// The script most letters of a text are in, by block, written out again here.
std::string Script(const std::string& text) {
  std::map<std::string, int> counts;
  for (size_t i = 0; i < text.size();) {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    const int length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    unsigned int c = length == 1 ? b : b & (0xFF >> (length + 1));
    for (int k = 1; k < length && i + static_cast<size_t>(k) < text.size(); ++k)
      c = (c << 6) | (static_cast<unsigned char>(text[i + static_cast<size_t>(k)]) & 0x3F);
    i += static_cast<size_t>(length);
    if (c < 0x80 && !std::isalpha(static_cast<int>(c))) continue;
    if (c >= 0x400 && c < 0x530)
      ++counts["cyrillic"];
    else if ((c >= 0x370 && c < 0x400) || (c >= 0x1F00 && c < 0x2000))
      ++counts["greek"];
    else if (c < 0x250 && (c < 0xC0 ? std::isalpha(static_cast<int>(c)) : c != 0xD7 && c != 0xF7))
      ++counts["latin"];
  }
  std::string best = "none";
  int most = 0;
  for (const auto& [script, n] : counts)
    if (n > most) best = script, most = n;
  return best;
}

const Choice* FindChoice(const Deck& deck, const std::string& id) {
  for (const Choice& c : deck.choices)
    if (c.id == id) return &c;
  return nullptr;
}

// A hand-written question: its options are the author's, each once; right exactly where the
// author said so; none alike once folded; the prompt the author's.
void CheckWritten(const Choice& c, const Question& q, std::vector<std::string>& v) {
  if (q.prompt != c.question) v.push_back("prompt is not the question written");
  if (q.options.size() != c.answers.size() + c.wrong.size()) v.push_back("options missing or added");
  std::set<std::string> folded;
  for (const std::string& o : q.options)
    folded.insert(Fold(o));
  if (folded.size() != q.options.size()) v.push_back("options not distinct");
  std::vector<int> right = q.answers;
  if (right.empty() && q.answer >= 0) right.push_back(q.answer);
  if (right.empty()) v.push_back("no answer");
  if (right.size() != c.answers.size())
    v.push_back(right.size() < c.answers.size() ? "a right option is not marked right" : "a distractor is true");
  for (size_t i = 0; i < q.options.size(); ++i) {
    const bool marked = std::find(right.begin(), right.end(), static_cast<int>(i)) != right.end();
    const bool isRight = std::count(c.answers.begin(), c.answers.end(), q.options[i]) == 1;
    const bool isWrong = std::count(c.wrong.begin(), c.wrong.end(), q.options[i]) == 1;
    if (!isRight && !isWrong) v.push_back("option not written by the author");
    if (marked && !isRight) v.push_back("a distractor is true");
    if (!marked && isRight) v.push_back("a right option is not marked right");
  }
  for (const std::string& a : c.answers)
    for (const std::string& w : c.wrong)
      if (Fold(a) == Fold(w)) v.push_back("a distractor is true");
  if (q.seconds != c.seconds) v.push_back("time limit lost");
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

// Whether a typed fact of the deck joins the entity `id` and the entity named `name`, either
// way: a test site and the range where its agents were also tested.
bool LinkedByAFact(const Deck& deck, const std::string& id, const std::string& name) {
  for (const Fact& f : deck.facts) {
    if (f.object.type != ValueType::Entity) continue;
    if ((f.subject == id && Names(deck, f.object.entity).count(Fold(name))) ||
        (f.object.entity == id && Names(deck, f.subject).count(Fold(name))))
      return true;
  }
  return false;
}

// Whether a capitalised word of the prompt after its first word stands in the right option
// and in no wrong one ("Which facility was near Lipetsk?": "Lipetsk aviation school").
bool PromptNamesTheAnswer(const Question& q) {
  if (q.answer < 0 || static_cast<size_t>(q.answer) >= q.options.size()) return false;
  auto words = [](const std::string& text) {
    std::set<std::string> out;
    std::string word;
    for (char c : Fold(text) + " ") {
      if (std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80)) {
        word += c;
      } else if (!word.empty()) {
        out.insert(word);
        word.clear();
      }
    }
    return out;
  };
  std::vector<std::set<std::string>> optionWords;
  for (const std::string& o : q.options)
    optionWords.push_back(words(o));
  std::string word;
  bool first = true, capital = false;
  for (char c : q.prompt + " ") {
    if (std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80)) {
      if (word.empty()) capital = std::isupper(static_cast<unsigned char>(c)) != 0;
      word += c;
      continue;
    }
    if (word.empty()) continue;
    if (capital && !first) {
      const std::string w = Fold(word);
      bool inRight = optionWords[static_cast<size_t>(q.answer)].count(w) != 0, inWrong = false;
      for (size_t i = 0; i < optionWords.size(); ++i)
        inWrong = inWrong || (static_cast<int>(i) != q.answer && optionWords[i].count(w) != 0);
      if (inRight && !inWrong) return true;
    }
    first = false;
    word.clear();
  }
  return false;
}

// The pixels of a picture, decoded here (not by the code under test), as a string to
// compare; "" for no picture.
std::string PixelsOfFile(const std::string& file) {
  if (file.empty()) return {};
  static std::map<std::string, std::string> known;
  if (auto it = known.find(file); it != known.end()) return it->second;
  int width = 0, height = 0, channels = 0;
  std::string pixels = "unreadable:" + file;
  if (unsigned char* data = stbi_load(file.c_str(), &width, &height, &channels, 4)) {
    pixels =
        std::to_string(width) + "x" + std::to_string(height) + ":" +
        std::string(reinterpret_cast<const char*>(data), static_cast<size_t>(width) * static_cast<size_t>(height) * 4);
    stbi_image_free(data);
  }
  return known.emplace(file, pixels).first->second;
}
std::string PixelsOf(const Deck& deck, const Picture& picture) {
  return picture.Empty() ? std::string() : PixelsOfFile(deck.PictureFile(picture).string());
}

// Pictures on options: one per option, no two of the same pixels.
void CheckOptionPictures(const Question& q, std::vector<std::string>& v) {
  if (q.optionImages.empty()) {
    if (q.picturesOnly) v.push_back("picture options without pictures");
    return;
  }
  if (q.optionImages.size() != q.options.size()) v.push_back("not one picture per option");
  std::set<std::string> pixels;
  for (const std::string& file : q.optionImages)
    if (!pixels.insert(PixelsOfFile(file)).second) v.push_back("two options show the same picture");
  if (!q.image.empty() && pixels.count(PixelsOfFile(q.image))) v.push_back("the prompt's picture is an option's");
}

// A question of an image relation ("Which of these is the flag of X?" and "Whose flag is
// this?"): compared by pixels, decoded here.
void CheckPictureRelation(const Deck& deck, const Question& q, const Fact& f, std::vector<std::string>& v) {
  auto picturesOf = [&](const std::string& subject) {
    std::set<std::string> out;
    for (const Fact& g : deck.facts)
      if (g.subject == subject && g.relation == f.relation) out.insert(PixelsOf(deck, g.picture));
    return out;
  };
  if (q.kind == QuestionKind::MultipleChoice) {
    if (!q.picturesOnly) v.push_back("picture options shown with their names");
    if (!q.image.empty()) v.push_back("a picture over picture options");
    const std::set<std::string> right = picturesOf(f.subject);
    int rightOptions = 0;
    for (size_t i = 0; i < q.optionImages.size() && i < q.options.size(); ++i) {
      const std::string pixels = PixelsOfFile(q.optionImages[i]);
      const bool isRight = right.count(pixels) != 0;
      rightOptions += isRight;
      if (static_cast<int>(i) == q.answer && !isRight) v.push_back("answer is not true");
      // Its words name whose picture it is, and it is one of the relation's.
      bool owned = false;
      for (const Fact& g : deck.facts)
        if (g.relation == f.relation && deck.PictureFile(g.picture).string() == q.optionImages[i] &&
            Fold(deck.NameOf(g.subject)) == Fold(q.options[i]))
          owned = true;
      if (!owned) v.push_back("a picture under another's name");
    }
    if (rightOptions > 1) v.push_back("a distractor is true");
    return;
  }
  if (q.image != deck.PictureFile(f.picture).string()) v.push_back("a picture of another item");
  if (!q.optionImages.empty()) v.push_back("pictures on the options of a picture question");
  const std::string shown = PixelsOfFile(q.image);
  int rightOptions = 0;
  for (size_t i = 0; i < q.options.size(); ++i) {
    bool isRight = false, typed = false;
    for (const Entity& e : deck.entities)
      if (Fold(e.name) == Fold(q.options[i])) {
        isRight = isRight || picturesOf(e.id).count(shown) != 0;
        const Entity* subject = deck.FindEntity(f.subject);
        typed = typed || (subject && subject->kind == e.kind);
      }
    rightOptions += isRight;
    if (static_cast<int>(i) == q.answer && !isRight) v.push_back("answer is not true");
    if (!typed) v.push_back("distractor of another type");
  }
  if (rightOptions > 1) v.push_back("a distractor is true");
}

bool IsNumber(const std::string& text, const std::string& unit) {
  std::string bare = unit.empty() ? text : text.substr(0, text.size() - std::min(text.size(), unit.size() + 1));
  bare.erase(std::remove(bare.begin(), bare.end(), ','), bare.end()); // "1,300"
  if (bare.empty()) return false;
  char* end = nullptr;
  std::strtod(bare.c_str(), &end);
  return end == bare.c_str() + bare.size();
}

// An option about a number as the range of values it claims, read independently of the
// generator: "fewer than 10", "10 to 20", "more than 100", "at least 5", "about 450" (within
// a fifth), "450" (itself); the unit dropped. nullopt when it is none of these.
struct Claimed {
  double low, high;
  bool lowIn, highIn;
};
std::optional<Claimed> ClaimedRange(std::string text, const std::string& unit) {
  if (!unit.empty() && text.size() > unit.size() + 1 && text.compare(text.size() - unit.size(), unit.size(), unit) == 0)
    text.resize(text.size() - unit.size() - 1);
  auto number = [](std::string t) -> std::optional<double> {
    t.erase(std::remove(t.begin(), t.end(), ','), t.end());
    char* end = nullptr;
    const double v = std::strtod(t.c_str(), &end);
    if (t.empty() || end != t.c_str() + t.size()) return std::nullopt;
    return v;
  };
  const double inf = std::numeric_limits<double>::infinity();
  auto after = [&](const std::string& prefix) -> std::optional<double> {
    if (text.rfind(prefix, 0) != 0) return std::nullopt;
    return number(text.substr(prefix.size()));
  };
  if (auto v = after("fewer than ")) return Claimed{-inf, *v, true, false};
  if (auto v = after("less than ")) return Claimed{-inf, *v, true, false};
  if (auto v = after("at most ")) return Claimed{-inf, *v, true, true};
  if (auto v = after("more than ")) return Claimed{*v, inf, false, true};
  if (auto v = after("at least ")) return Claimed{*v, inf, true, true};
  if (auto v = after("about ")) return Claimed{*v * 0.8, *v * 1.2, true, true};
  if (const size_t to = text.find(" to "); to != std::string::npos) {
    auto a = number(text.substr(0, to)), b = number(text.substr(to + 4));
    if (a && b && *a < *b) return Claimed{*a, *b, true, true};
    return std::nullopt;
  }
  if (auto v = number(text)) return Claimed{*v, *v, true, true};
  return std::nullopt;
}

bool Overlap(const Claimed& a, const Claimed& b) {
  if (a.high < b.low || b.high < a.low) return false;
  if (a.high == b.low && !(a.highIn && b.lowIn)) return false;
  if (b.high == a.low && !(b.highIn && a.lowIn)) return false;
  return true;
}

// Event intervals in days, from start to end, each widened by its circa tolerance.
std::pair<std::int64_t, std::int64_t> Days(const Event& e) {
  return {Widened(e.date).first, e.end ? Widened(*e.end).second : Widened(e.date).second};
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

// True when `text` names an entity the deck links to `subject` by a typed fact, either way,
// by a word of its name found in no more than one other entity's name ("Kama" of the Kama
// tank school; not "Soviet"): the text may then be true of the subject too.
bool NamesALink(const Deck& deck, const std::string& subject, const std::string& text) {
  // The capitalised words of a name, the first included.
  auto nameWords = [](const std::string& name) {
    std::vector<std::string> words;
    for (const std::string& w : CapitalisedWords("x " + name))
      if (w.size() > 1 && w != "the" && w != "of" && w != "and") words.push_back(w);
    return words;
  };
  std::map<std::string, int> uses;
  for (const Entity& e : deck.entities)
    for (const std::string& w : nameWords(e.name))
      ++uses[w];
  const std::string folded = Fold(text);
  const std::vector<std::string> textWords = Words(folded);
  for (const Fact& g : deck.facts) {
    if (g.object.type != ValueType::Entity) continue;
    std::string other;
    if (g.subject == subject) other = g.object.entity;
    if (g.object.entity == subject) other = g.subject;
    const Entity* e = deck.FindEntity(other);
    if (e == nullptr) continue;
    for (const std::string& w : nameWords(e->name))
      if (uses[w] <= 2 && std::find(textWords.begin(), textWords.end(), w) != textWords.end()) return true;
  }
  return false;
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

// [Test-wise rules] What a student who does not know the fact reads in the form alone
// (docs/questions.md, "Fair to a test-wise student"), written out again from the rules.

// Words as written: letters and digits of ASCII, any byte of other scripts.
std::vector<std::string> RawWords(const std::string& text) {
  std::vector<std::string> out;
  std::string w, spaced = text;
  for (const char* dash : {"\u2013", "\u2014", "\u201C", "\u201D", "\u2018", "\u2019", "\u00AB", "\u00BB"})
    for (size_t at = spaced.find(dash); at != std::string::npos; at = spaced.find(dash, at))
      spaced.replace(at, std::string(dash).size(), " ");
  for (char c : spaced + " ") {
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
      w += c;
    } else if (!w.empty()) {
      out.push_back(w);
      w.clear();
    }
  }
  return out;
}

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

// A's designation ("Ka 27", "BV 141") whose letters begin a capitalised word of b ("Kamov",
// "Blohm"); or a capitalised word of four letters or more of b (not its first, unless the
// next is capitalised too) that a also has, a plural 's' aside.
bool Clang(const std::string& a, const std::string& b) {
  const auto wa = RawWords(a), wb = RawWords(b);
  for (size_t i = 0; i + 1 < wa.size(); ++i) {
    const std::string& w = wa[i];
    const std::string& n = wa[i + 1];
    const bool letters =
        std::all_of(w.begin(), w.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
    const bool roman = n.find_first_not_of("IVXLC") == std::string::npos;
    const bool variant = n.size() == 1 && IsUpper(n[0]) && w.size() >= 2; // "Do P"
    if (!letters || w.empty() || w.size() > 3 || !IsUpper(w[0]) ||
        !(std::isdigit(static_cast<unsigned char>(n[0])) || roman || variant))
      continue;
    const bool caps = std::all_of(w.begin(), w.end(), IsUpper);
    const std::string start = Fold(caps ? w.substr(0, 1) : w);
    for (const std::string& x : wb)
      if (IsUpper(x[0]) && x.size() >= 4 && Fold(x).rfind(start, 0) == 0) return true;
  }
  return false;
}
bool SharedName(const std::string& prompt, const std::string& option) {
  const auto wp = RawWords(prompt), wo = RawWords(option);
  for (size_t i = 0; i < wo.size(); ++i) {
    const std::string& w = wo[i];
    if (!IsUpper(w[0]) || w.size() < 4 || (i == 0 && (wo.size() < 2 || !IsUpper(wo[1][0])))) continue;
    if (!std::all_of(w.begin(), w.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); })) continue;
    static const std::set<std::string> grammar = {"what", "which", "where", "when",      "whose",
                                                  "with", "were",  "that",  "this",      "from",
                                                  "have", "their", "they",  "according", "there"};
    const std::string fw = Fold(w);
    if (grammar.count(fw)) continue;
    for (const std::string& x : wp) {
      const std::string fx = Fold(x);
      if (fx == fw || fx + "s" == fw || fw + "s" == fx) return true;
      // One stem, other endings ("Czech" and "Czechia", "China" and "Chinese").
      const std::string& a = fx.size() <= fw.size() ? fx : fw;
      const std::string& b = fx.size() <= fw.size() ? fw : fx;
      size_t k = 0;
      while (k < a.size() && a[k] == b[k])
        ++k;
      if (k >= 4 && (a.size() == k || (a.size() >= 5 && a.size() == k + 1)) && b.size() <= k + 3) return true;
    }
  }
  return false;
}
bool SharesLettersWith(const std::string& prompt, const std::string& option) {
  return Clang(prompt, option) || Clang(option, prompt) || SharedName(prompt, option);
}

// The question word a card's side opens with, as the sort of answer it asks for.
std::string AskedSort(const std::string& side) {
  if (side.find('?') == std::string::npos) return "statement";
  const auto words = Words(Fold(side));
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    const std::string next = i + 1 < words.size() ? words[i + 1] : "";
    if (w == "how")
      return next == "many" || next == "much" || next == "far" || next == "long" || next == "old" ? "count" : "manner";
    if (w == "why") return "reason";
    if (w == "when") return "time";
    if (w == "where") return "place";
    if (w == "who" || w == "whom" || w == "whose") return "person";
    if ((w == "what" || w == "which") && (next == "year" || next == "date")) return "time";
    if (w == "what" || w == "which") return "thing";
  }
  return "thing";
}

// The middle years of the deck's dates (events and date facts), a tenth cut at each end.
std::optional<std::pair<int, int>> MiddleYears(const Deck& deck) {
  std::vector<int> years;
  for (const Event& e : deck.events)
    years.push_back(e.date.FirstYear());
  for (const Fact& f : deck.facts)
    if (f.object.type == ValueType::Year || f.object.type == ValueType::Date)
      years.push_back(f.object.date.FirstYear());
  if (years.size() < 5) return std::nullopt;
  std::sort(years.begin(), years.end());
  return std::make_pair(years[years.size() / 10], years[years.size() - 1 - years.size() / 10]);
}

// -1 when an event's name reads as a beginning, 1 as an end, 0 neither (the checker's own
// short list of English words).
int Stage(const std::string& name) {
  const std::vector<std::string> words = Words(Fold(name));
  auto has = [&](std::initializer_list<const char*> list) {
    for (const char* w : list)
      if (std::find(words.begin(), words.end(), w) != words.end()) return true;
    return false;
  };
  if (has({"ends", "end", "closes", "closed", "dissolved", "abolished", "leave", "leaves", "handed", "last", "finish",
           "finishes", "withdraws", "withdrew"}) ||
      (has({"home"}) && has({"move", "moves", "brings", "returns"})))
    return 1;
  if (has({"begins", "begin", "opens", "founded", "established", "starts", "decides", "agreement", "fixes", "offers",
           "first", "arrives"}))
    return -1;
  return 0;
}

// True when the answer is at least twice as far from its nearest option as any other option
// is from its own (the checker's own, looser bound than the generator's).
bool Apart(const std::vector<double>& values, size_t answer) {
  std::vector<double> nearest(values.size(), 1e300);
  for (size_t i = 0; i < values.size(); ++i)
    for (size_t j = 0; j < values.size(); ++j)
      if (i != j) nearest[i] = std::min(nearest[i], std::fabs(values[i] - values[j]));
  double others = 0;
  for (size_t i = 0; i < values.size(); ++i)
    if (i != answer) others = std::max(others, nearest[i]);
  return values.size() >= 3 && nearest[answer] >= 2 * others;
}

// True when the value of `of` for the answer differs from all the others, which agree.
template <typename T> bool Lone(const std::vector<T>& values, size_t answer) {
  if (values.size() < 3 || answer >= values.size()) return false;
  std::set<T> others;
  for (size_t i = 0; i < values.size(); ++i)
    if (i != answer) others.insert(values[i]);
  return others.size() == 1 && *others.begin() != values[answer];
}

void CheckForm(const Deck& deck, const Question& q, std::vector<std::string>& v) {
  const bool choice = q.kind == QuestionKind::MultipleChoice || q.kind == QuestionKind::MultipleChoiceReverse;
  if (q.picturesOnly || q.options.size() != 4 || q.answer < 0 || q.answer >= 4) return;
  const size_t answer = static_cast<size_t>(q.answer);
  if (choice) {
    size_t sharing = 0;
    for (const std::string& o : q.options)
      sharing += SharesLettersWith(q.prompt, o);
    if (sharing != 0 && sharing != q.options.size()) v.push_back("clue in the letters");
  }
  const Fact* f = q.items.empty() ? nullptr : FindFact(deck, q.items[0]);
  // A relation the same for the subject's whole kind (three or more subjects, one object).
  if (f && q.kind == QuestionKind::MultipleChoice && f->object.type == ValueType::Entity) {
    auto kindOf = [&](const std::string& id) {
      return deck.FindEntity(id) ? deck.FindEntity(id)->kind : std::string("event");
    };
    std::set<std::string> subjects, objects;
    for (const Fact& g : deck.facts)
      if (g.relation == f->relation && kindOf(g.subject) == kindOf(f->subject)) {
        subjects.insert(g.subject);
        objects.insert(g.object.entity);
      }
    if (subjects.size() >= 3 && objects.size() == 1) v.push_back("a fact the same for its whole kind asked of one");
    // A distractor the relation gives only subjects of other kinds.
    for (size_t i = 0; i < q.options.size(); ++i) {
      if (i == answer) continue;
      std::set<std::string> kinds;
      for (const Fact& g : deck.facts)
        if (g.relation == f->relation && g.object.type == ValueType::Entity &&
            deck.NameOf(g.object.entity) == q.options[i])
          kinds.insert(kindOf(g.subject));
      if (!kinds.empty() && !kinds.count(kindOf(f->subject))) v.push_back("implausible distractor by kind");
    }
  }
  // In reverse, a wrong option whose own name names another entity of the object's kind
  // (a school named after another town) rules itself out, unless the answer's does too.
  if (f && q.kind == QuestionKind::MultipleChoiceReverse && f->object.type == ValueType::Entity) {
    const Entity* object = deck.FindEntity(f->object.entity);
    auto namesAnother = [&](const std::string& option) {
      const std::vector<std::string> words = Words(Fold(option));
      for (const Entity& e : deck.entities)
        if (object && e.kind == object->kind && e.id != object->id && e.name.size() >= 4 &&
            std::find(words.begin(), words.end(), Fold(e.name)) != words.end())
          return true;
      return false;
    };
    if (!namesAnother(q.options[answer]))
      for (size_t i = 0; i < q.options.size(); ++i)
        if (i != answer && namesAnother(q.options[i])) v.push_back("an option named after another answer");
  }
  // Dates: inside the deck's period, the answer no odd one out.
  const bool dateOptions =
      q.kind == QuestionKind::When || (f && (f->object.type == ValueType::Year || f->object.type == ValueType::Date));
  if (dateOptions) {
    std::vector<Shown> shown;
    for (const std::string& o : q.options)
      if (auto d = ParseShown(o)) shown.push_back(*d);
    if (shown.size() == 4) {
      if (auto middle = MiddleYears(deck)) {
        const int pad = std::max(3, (middle->second - middle->first) / 4);
        const Shown& a = shown[answer];
        const int lo = std::min(middle->first, a.start.FirstYear()) - pad;
        const int hi = std::max(middle->second, (a.end ? a.end->LastYear() : a.start.LastYear())) + pad;
        for (const Shown& d : shown)
          if (d.start.FirstYear() < lo || (d.end ? d.end->LastYear() : d.start.LastYear()) > hi)
            v.push_back("out-of-period date");
      }
      std::vector<int> years, months, days;
      for (const Shown& d : shown) {
        years.push_back(d.start.year);
        months.push_back(d.start.month);
        days.push_back(d.start.day);
      }
      const bool dayPrecision = std::all_of(shown.begin(), shown.end(),
                                            [](const Shown& d) { return d.start.precision == DatePrecision::Day; });
      const bool monthPrecision = dayPrecision || std::all_of(shown.begin(), shown.end(), [](const Shown& d) {
                                    return d.start.precision == DatePrecision::Month;
                                  });
      if ((monthPrecision && (Lone(years, answer) || Lone(months, answer))) || (dayPrecision && Lone(days, answer)))
        v.push_back("lone pattern");
      std::vector<double> at;
      for (const Shown& d : shown)
        at.push_back(static_cast<double>(d.start.WideFirstDay()));
      if (Apart(at, answer)) v.push_back("isolated answer");
    }
  }
  // Numbers: the answer not the only one of its roundness.
  if (f && f->object.type == ValueType::Number && f->object.bound == NumberBound::Exact) {
    std::vector<int> roundness;
    for (const std::string& o : q.options) {
      std::string digits;
      for (char c : o)
        if (std::isdigit(static_cast<unsigned char>(c)))
          digits += c;
        else if (c == '.')
          break;
      const long long n = digits.empty() || digits.size() > 15 ? 0 : std::stoll(digits);
      int r = 1;
      for (int unit : {1000000, 100000, 10000, 1000, 100, 10})
        if (n >= 10 && n % unit == 0) {
          r = unit;
          break;
        }
      roundness.push_back(r);
    }
    if (Lone(roundness, answer)) v.push_back("lone pattern");
  }
  // Cards: options of one sort, by the question word of the fronts.
  if (choice && !f) {
    const Card* c = q.items.empty() ? nullptr : FindCard(deck, q.items[0]);
    if (c) {
      const bool reverse = q.kind == QuestionKind::MultipleChoiceReverse;
      const std::string sort = AskedSort(c->front);
      for (const std::string& o : q.options)
        for (const Card& other : deck.cards)
          if ((reverse ? other.front : other.back) == o && AskedSort(other.front) != sort) {
            v.push_back("option form");
            break;
          }
    }
  }
  // A short answer (a card's of 40 characters or fewer, a text value of three words or
  // fewer) alone in its marks (a slash, a bracket, a comma, a hyphen), its capitals or its
  // number of digits while the other three share theirs stands out.
  const Card* card = choice && !f && !q.items.empty() ? FindCard(deck, q.items[0]) : nullptr;
  const bool text = f && q.kind == QuestionKind::MultipleChoice && f->object.type == ValueType::Text;
  const std::string& right = q.options[answer];
  const size_t characters = static_cast<size_t>(std::count_if(
      right.begin(), right.end(), [](char ch) { return (static_cast<unsigned char>(ch) & 0xC0) != 0x80; }));
  const size_t words = static_cast<size_t>(std::count(right.begin(), right.end(), ' ')) + 1;
  if ((card && characters <= 40) || (text && words <= 3)) {
    std::vector<std::string> marks;
    for (const std::string& o : q.options) {
      std::string m;
      for (char mark : {'/', '(', ',', '-'})
        m += o.find(mark) != std::string::npos ? mark : '.';
      const bool lower = std::any_of(o.begin(), o.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
      const bool upper = std::any_of(o.begin(), o.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
      const size_t first = o.find_first_not_of(" \t");
      m += upper && !lower ? "caps" : first != std::string::npos && o[first] >= 'A' && o[first] <= 'Z' ? "Cap" : "low";
      m += std::to_string(
          std::min<long>(7, std::count_if(o.begin(), o.end(), [](char ch) { return ch >= '0' && ch <= '9'; })));
      marks.push_back(m);
    }
    if (Lone(marks, answer)) v.push_back("lone form");
  }
  // A short card answer whose English word class (WordNet's, on the side of the options'
  // cards with more words it knows) two of the other options do not share: the only verb
  // among nouns.
  if (card && characters <= 40) {
    const bool reverse = q.kind == QuestionKind::MultipleChoiceReverse;
    std::vector<const Card*> cards; // each option's card, or none
    size_t fronts = 0, backs = 0;
    for (const std::string& o : q.options) {
      const auto other = std::find_if(deck.cards.begin(), deck.cards.end(),
                                      [&](const Card& c) { return (reverse ? c.front : c.back) == o; });
      cards.push_back(other == deck.cards.end() ? nullptr : &*other);
      if (!cards.back()) continue;
      fronts += Lexicon::English().PhraseClasses(other->front) != 0;
      backs += Lexicon::English().PhraseClasses(other->back) != 0;
    }
    std::vector<std::uint8_t> classes;
    for (const Card* c : cards)
      classes.push_back(c ? Lexicon::English().PhraseClasses(fronts >= backs ? c->front : c->back) : 0);
    size_t apart = 0;
    for (size_t i = 0; i < classes.size(); ++i)
      apart += i != answer && classes[answer] != 0 && classes[i] != 0 && (classes[i] & classes[answer]) == 0;
    if (apart >= 2) v.push_back("lone word class");
  }
}

} // namespace

std::vector<std::string> QuizViolations(const Deck& deck, const std::vector<Question>& quiz) {
  std::vector<std::string> v;
  // An order holding two events whose dates earlier questions showed (explanations of when,
  // typed-year and order questions give each event's date): their order is given away.
  std::set<std::string> datesShown;
  for (const Question& q : quiz) {
    const bool order = q.kind == QuestionKind::Ordering || q.kind == QuestionKind::WhichFirst;
    if (order && std::count_if(q.items.begin(), q.items.end(),
                               [&](const std::string& id) { return datesShown.count(id) != 0; }) >= 2)
      v.push_back("order given away by dates shown before");
    if (order || q.kind == QuestionKind::When || q.kind == QuestionKind::TypedYear)
      datesShown.insert(q.items.begin(), q.items.end());
  }
  if (quiz.size() < 20) return v;
  std::map<std::string, size_t> perTemplate;
  for (const Question& q : quiz) {
    const Fact* f = q.items.size() == 1 ? FindFact(deck, q.items[0]) : nullptr;
    ++perTemplate[std::string(QuestionKindName(q.kind)) + (f ? "/" + f->relation : "")];
  }
  // More than a sixth (and two) of the quiz from one template, while the quiz has others.
  for (const auto& [templ, n] : perTemplate)
    if (perTemplate.size() >= 6 && n > (quiz.size() + 5) / 6 + 2) v.push_back("one template fills the quiz: " + templ);
  return v;
}

std::vector<std::string> Violations(const Deck& deck, const Question& q) {
  std::vector<std::string> v;
  if (q.key.rfind(deck.id + "/", 0) != 0 || q.key.size() < std::string(QuestionKindName(q.kind)).size() ||
      q.key.substr(q.key.size() - std::string(QuestionKindName(q.kind)).size()) != QuestionKindName(q.kind))
    v.push_back("bad key");
  // A hand-written question may have no explanation or source, and may name its answer in
  // its question (the loader warns): its checks are its own.
  if (const Choice* c = q.items.empty() ? nullptr : FindChoice(deck, q.items[0])) {
    if (q.kind != QuestionKind::MultipleChoice) v.push_back("a written question asked as another kind");
    CheckWritten(*c, q, v);
    return v;
  }
  if (q.explanation.empty()) v.push_back("no explanation");
  if (q.source.empty()) v.push_back("no source");
  for (const char* bad : {".?", ",?", ";?", ":?", " ?"})
    for (size_t at = q.prompt.find(bad); at != std::string::npos; at = q.prompt.find(bad, at + 1)) {
      // An abbreviation may stand before the question mark: "Washington, D.C.?"
      const bool abbreviation = bad[0] == '.' && at >= 2 && q.prompt[at - 2] == '.';
      if (!abbreviation) v.push_back("prompt ends badly");
    }

  switch (q.kind) {
  case QuestionKind::MultipleChoice:
  case QuestionKind::MultipleChoiceReverse: {
    if (q.options.size() != 4) v.push_back("not four options");
    CheckOptionPictures(q, v);
    const Fact* f = q.items.empty() ? nullptr : FindFact(deck, q.items[0]);
    const Relation* r = f ? deck.FindRelation(f->relation) : nullptr;
    if (r && r->objectType == ValueType::Picture) {
      // The words of picture options are whose each is: the prompt names the answer's by design.
      std::set<std::string> folded;
      for (const std::string& o : q.options)
        folded.insert(Fold(o));
      if (folded.size() != q.options.size()) v.push_back("options not distinct");
      if (q.answer < 0 || q.answer >= static_cast<int>(q.options.size())) v.push_back("no answer");
      CheckPictureRelation(deck, q, *f, v);
      break;
    }
    CheckChoices(q, v);
    if (PromptNamesTheAnswer(q)) v.push_back("the prompt names its answer");
    if (q.picturesOnly) v.push_back("options without their names");
    if (const Card* c = q.items.empty() || f ? nullptr : FindCard(deck, q.items[0])) {
      // A card asked as multiple choice: every side the deck pairs with the prompt is right.
      const bool reverse = q.kind == QuestionKind::MultipleChoiceReverse;
      const std::string prompt = Fold(reverse ? c->back : c->front);
      // A front is its words and its picture's pixels.
      const std::string promptPixels = reverse ? "" : PixelsOf(deck, c->picture);
      std::set<std::string> right, sides;
      for (const Card& other : deck.cards) {
        sides.insert(Fold(reverse ? other.front : other.back));
        if (Fold(reverse ? other.back : other.front) == prompt &&
            (reverse || PixelsOf(deck, other.picture) == promptPixels))
          right.insert(Fold(reverse ? other.front : other.back));
      }
      if (reverse && !q.image.empty()) v.push_back("the picture shows the answer");
      if (!reverse && q.image != (c->picture.Empty() ? "" : deck.PictureFile(c->picture).string()))
        v.push_back("a picture of another item");
      int rightOptions = 0;
      for (size_t i = 0; i < q.options.size(); ++i) {
        const bool isRight = right.count(Fold(q.options[i])) != 0;
        rightOptions += isRight;
        if (static_cast<int>(i) == q.answer && !isRight) v.push_back("answer is not true");
        if (!sides.count(Fold(q.options[i]))) v.push_back("distractor of another type");
        const std::string answer = q.answer >= 0 ? q.options[static_cast<size_t>(q.answer)] : "";
        if (Script(q.options[i]) != Script(answer)) v.push_back("distractor in another script");
      }
      if (rightOptions > 1) v.push_back("a distractor is true");
      if (q.prompt != (reverse ? c->back : c->front)) v.push_back("prompt is not the card's side");
      break;
    }
    if (f == nullptr || r == nullptr) {
      v.push_back("unknown fact");
      break;
    }
    // The picture: the subject's in a question about it, the clue's in a reverse question,
    // never the answer's own.
    {
      auto pictureOf = [&](const std::string& id) {
        const Entity* e = deck.FindEntity(id);
        return e && !e->picture.Empty() ? deck.PictureFile(e->picture).string() : std::string();
      };
      if (q.kind == QuestionKind::MultipleChoiceReverse && !q.image.empty() && q.image == pictureOf(f->subject))
        v.push_back("the picture shows the answer");
      const std::string expected = r->showImage != Relation::ShowImage::Prompt ? std::string()
                                   : q.kind == QuestionKind::MultipleChoice    ? pictureOf(f->subject)
                                   : f->object.type == ValueType::Entity       ? pictureOf(f->object.entity)
                                                                               : std::string();
      if (!q.image.empty() && q.image != expected) v.push_back("a picture of another item");
      // Option pictures: only with show_image = "options", each the option entity's own.
      if (!q.optionImages.empty() && r->showImage != Relation::ShowImage::Options)
        v.push_back("option pictures the relation does not show");
      for (size_t i = 0; i < q.optionImages.size() && i < q.options.size(); ++i) {
        bool own = false;
        for (const Entity& e : deck.entities)
          if (Fold(e.name) == Fold(q.options[i]) && pictureOf(e.id) == q.optionImages[i]) own = true;
        if (!own) v.push_back("a picture of another item");
      }
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
      if (!f->accordingTo.empty() &&
          q.prompt.find("According to " + deck.Attribution(f->accordingTo)) == std::string::npos)
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
    // No distractor the deck ties to the question's entity by another fact.
    const std::string about = q.kind == QuestionKind::MultipleChoice ? f->subject
                              : f->object.type == ValueType::Entity  ? f->object.entity
                                                                     : std::string();
    for (size_t i = 0; i < q.options.size() && !about.empty(); ++i)
      if (static_cast<int>(i) != q.answer && !right.count(Fold(q.options[i])) &&
          LinkedByAFact(deck, about, q.options[i]))
        v.push_back("a distractor is linked to the question's entity by another fact");
    // Distractors of the answer's type.
    for (const std::string& o : q.options) {
      bool typed = true;
      if (q.kind == QuestionKind::MultipleChoiceReverse) {
        const Entity* subject = deck.FindEntity(f->subject);
        typed = subject && EntityOfKind(deck, o, subject->kind);
      } else {
        switch (r->objectType) {
        case ValueType::Entity: typed = EntityOfKind(deck, o, r->objectKind); break;
        case ValueType::Number: {
          if (f->object.bound == NumberBound::Exact) {
            typed = IsNumber(o, r->unit);
            break;
          }
          // A bound: every option a range, and no wrong one claiming values the bound allows.
          const auto claimed = ClaimedRange(o, r->unit);
          const auto truth = ClaimedRange(deck.Display(f->object, r), r->unit);
          typed = claimed.has_value();
          if (claimed && truth && Fold(o) != Fold(deck.Display(f->object, r)) && Overlap(*claimed, *truth))
            v.push_back("a distractor is true of the bound");
          break;
        }
        case ValueType::Year:
        case ValueType::Date: {
          auto d = ParseShown(o);
          typed = d && !d->end && d->start.precision == f->object.date.precision &&
                  d->start.doubt == f->object.date.doubt && d->start.circa == f->object.date.circa;
          if (d && !d->end && typed && Fold(o) != Fold(deck.Display(f->object, r))) {
            auto [af, al] = Widened(f->object.date);
            auto [df, dl] = Widened(d->start);
            if (!(dl < af || al < df)) v.push_back("distractor within the answer's range");
          }
          break;
        }
        case ValueType::Picture: break; // asked above
        case ValueType::Text: {
          typed = false;
          for (const Fact& g : deck.facts)
            if (g.relation == f->relation && g.object.text == o) typed = true;
          if (o != deck.Display(f->object, r) && NamesALink(deck, f->subject, o))
            v.push_back("a distractor may be true of the subject");
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
    // A span is asked whole; "When did this begin" asks its start.
    const bool whole = q.prompt.rfind("When did this begin", 0) != 0;
    const Date* asked = whole && e->end && !(*e->end == e->date) ? &*e->end : nullptr;
    auto [answerFirst, answerLast] = Widened(e->date, asked);
    int right = 0, answerRound = 0, roundestOther = 0;
    for (size_t i = 0; i < q.options.size(); ++i) {
      auto d = ParseShown(q.options[i]);
      if (!d) {
        v.push_back("option is not a date");
        continue;
      }
      if (d->start.precision != e->date.precision || d->start.doubt != e->date.doubt ||
          d->start.circa != e->date.circa || d->end.has_value() != (asked != nullptr))
        v.push_back("date at another precision");
      const bool isAnswer = d->start == e->date && (!asked || (d->end && *d->end == *asked));
      if (isAnswer) {
        ++right;
        if (static_cast<int>(i) != q.answer) v.push_back("answer is not true");
      } else {
        auto [first, last] = Widened(d->start, d->end ? &*d->end : nullptr);
        if (!(last < answerFirst || answerLast < first)) v.push_back("distractor within the answer's range");
      }
      if (d->start.precision == DatePrecision::Year && d->start.doubt == DateDoubt::None && !d->end) {
        if (isAnswer)
          answerRound = Roundness(d->start.year);
        else
          roundestOther = std::max(roundestOther, Roundness(d->start.year));
      }
    }
    if (right != 1) v.push_back(right == 0 ? "answer is not true" : "a distractor is true");
    if (answerRound > 1 && roundestOther < answerRound) v.push_back("the answer is the only round option");
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
    // A beginning is guessed first, an end last: events of one stage only.
    std::set<int> stages;
    for (const std::string& o : q.options)
      stages.insert(Stage(o));
    if (stages.size() > 1) v.push_back("order given by wording");
    // Two events of one site or programme (a place or tag that few of the deck's events
    // share) tell one story, whose order the names give away.
    auto fewShare = [&](auto&& holds) {
      const size_t n = static_cast<size_t>(std::count_if(deck.events.begin(), deck.events.end(), holds));
      return 3 * n <= deck.events.size();
    };
    for (size_t i = 0; i < events.size(); ++i)
      for (size_t j = i + 1; j < events.size(); ++j) {
        const Event& a = *events[i];
        const Event& b = *events[j];
        bool oneStory = !a.place.empty() && Fold(a.place) == Fold(b.place) &&
                        fewShare([&](const Event& e) { return Fold(e.place) == Fold(a.place); });
        for (const std::string& tag : a.tags)
          if (std::find(b.tags.begin(), b.tags.end(), tag) != b.tags.end() &&
              fewShare([&](const Event& e) { return std::find(e.tags.begin(), e.tags.end(), tag) != e.tags.end(); }))
            oneStory = true;
        if (oneStory) v.push_back("order within one story");
      }
    // The deck's context (events well outside its middle years) is not ordered.
    if (auto middle = MiddleYears(deck)) {
      const int pad = std::max(3, (middle->second - middle->first) / 4);
      for (const Event* e : events)
        if (e->date.FirstYear() < middle->first - pad || e->date.FirstYear() > middle->second + pad)
          v.push_back("order outside the period");
    }
    break;
  }
  case QuestionKind::TypedYear: {
    const Event* e = q.items.empty() ? nullptr : deck.FindEvent(q.items[0]);
    if (e == nullptr) {
      v.push_back("unknown event");
      break;
    }
    if (q.answerText != e->date.Display()) v.push_back("answer is not true");
    // The accepted years cover the date and go no further than its circa tolerance.
    auto yearOf = [](std::int64_t day) {
      int y, m, d;
      CivilFromDays(day, y, m, d);
      return y;
    };
    auto [wideFirst, wideLast] = Widened(e->date);
    if (q.acceptedYears.empty()) v.push_back("no accepted years");
    for (const auto& [first, last] : q.acceptedYears)
      if (first > last || first < yearOf(wideFirst) || last > yearOf(wideLast)) v.push_back("accepted years too wide");
    auto accepted = [&](int year) {
      for (const auto& [first, last] : q.acceptedYears)
        if (year >= first && year <= last) return true;
      return false;
    };
    if (!accepted(e->date.year) || !accepted(e->date.Latest().year)) v.push_back("accepted years miss the date");
    for (const std::string& year : Words(Fold(q.answerText)))
      if (year.size() >= 3 && year.find_first_not_of("0123456789") == std::string::npos && Tells(q.prompt, year))
        v.push_back("answer in prompt");
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
  CheckForm(deck, q, v);
  return v;
}

} // namespace factdeck::test
