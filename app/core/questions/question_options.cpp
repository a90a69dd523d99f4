// The Builder's shared parts: sampling, date options that fit the deck, pictures and
// their credits, and the checks every generated question passes.
#include "core/questions/question_parts.h"

#include <algorithm>

namespace factdeck::question_parts {

// Up to 16 of `all`, at random: enough candidates without copying a large relation.
std::vector<size_t> Builder::Sample(const std::vector<size_t>& all) {
  constexpr size_t kSample = 16;
  if (all.size() <= kSample) return all;
  std::vector<size_t> some;
  for (size_t n = 0; n < kSample; ++n)
    some.push_back(all[random.Below(all.size())]);
  return some;
}

// Date options (the answer last) that a student who knows the deck's period could not tell
// apart by form: each inside the period, widened around the answer (OptionWindow), and the
// answer not the odd one out in year, month, day, era or roundness (DateStandsOut).
bool Builder::DatesFit(const std::vector<DateOption>& options) const {
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

std::string Builder::PeriodText() const {
  return x.period ? " inside the deck's period (" + YearText(x.period->first) + "–" + YearText(x.period->last) + ")"
                  : std::string();
}

// The file of an item's picture, or "" when it has none.
std::string Builder::PictureOf(const std::string& id) const {
  if (const Entity* e = deck.FindEntity(id); e && !e->picture.Empty()) return deck.PictureFile(e->picture).string();
  if (const Event* e = deck.FindEvent(id); e && !e->picture.Empty()) return deck.PictureFile(e->picture).string();
  return {};
}

// The credits of the pictures a question shows, after its source: "… · Picture: Drawn for
// FactDeck, CC0" (each credit once).
void Builder::CreditPictures(Question& q) const {
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

// The rules every question must pass; false drops it.
bool Builder::Good(const Question& q) const {
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

} // namespace factdeck::question_parts
