// What a question shows (its prompt, right answers and explanation) and whether a later
// question of the same run is given away by what was shown before it.
#include <algorithm>

#include "core/questions/question_parts.h"

namespace factdeck {

using namespace question_parts;

namespace {

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
// letters or more ("train" and "trained"), or one that differs from it only in endings of
// up to three letters past a shared stem of five or more ("reported" and "reports").
bool HasStem(const std::vector<std::string>& words, const std::string& w) {
  auto it = std::lower_bound(words.begin(), words.end(), w);
  if (it != words.end() && *it == w) return true;
  // The words sharing the longest start with `w` sort next to where it would be.
  auto sharedEnding = [&](const std::string& other) {
    size_t common = 0;
    while (common < w.size() && common < other.size() && w[common] == other[common])
      ++common;
    return common >= 5 && w.size() - common <= 3 && other.size() - common <= 3;
  };
  if ((it != words.end() && sharedEnding(*it)) || (it != words.begin() && sharedEnding(*std::prev(it)))) return true;
  // A longer word beginning with `w` sorts right after where `w` would be.
  if (w.size() >= 4 && it != words.end() && it->compare(0, w.size(), w) == 0) return true;
  // A shorter word that `w` begins with.
  for (size_t n = 4; n < w.size(); ++n)
    if (std::binary_search(words.begin(), words.end(), w.substr(0, n))) return true;
  return false;
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

namespace question_parts {

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

} // namespace question_parts

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

} // namespace factdeck
