// Events as questions: when, which first, ordering, and the year typed.
#include "core/questions/question_parts.h"

#include <algorithm>

namespace factdeck::question_parts {

std::string StoryYearReason(int storyEnd, const char* what) {
  return std::string(what) + " reads as " +
         (storyEnd > 0 ? "an end in the deck's last year" : "a beginning in the deck's first year") +
         ", so its year is guessed (it is asked only when dated to the month or day)";
}

std::optional<Question> Builder::When(const Event& e) {
  Question q;
  q.kind = QuestionKind::When;
  q.items = {e.id};
  // A span is asked whole, against spans of its length; when its ends differ in
  // precision, its beginning is asked instead.
  DateOption answer{e.date, e.end};
  // Spans longer than a generation would need options centuries apart: their
  // beginning is asked instead.
  if (answer.end && (*answer.end == e.date || answer.end->Latest().LastYear() - e.date.FirstYear() > kLongestAskedSpan))
    answer.end.reset();
  std::vector<int> steps = OptionSteps(e.date, answer.end ? &*answer.end : nullptr);
  if (steps.empty() && answer.end) {
    answer.end.reset();
    steps = OptionSteps(e.date, nullptr);
  }
  if (steps.empty()) return std::nullopt;
  // An end in the period's last year (a beginning in its first) is asked only to the month
  // or day, and then not as the latest (earliest) option.
  const int storyEnd = answer.end ? 0 : YearGivenByStory(e);
  if (storyEnd != 0 && e.date.precision >= DatePrecision::Year) {
    Refuse(StoryYearReason(storyEnd, "its name"));
    return std::nullopt;
  }
  const bool startOnly = e.ongoing || (e.end && !(*e.end == e.date) && !answer.end);
  q.prompt = AsQuestion(std::string(startOnly ? "When did this begin: " : "When did this happen: ") + e.name);
  auto never = [](const DateOption&) { return false; };
  auto ladder = DateLadder(answer, steps, never, storyEnd);
  if (!ladder) return std::nullopt;
  std::sort(ladder->first.begin(), ladder->first.end(),
            [](const DateOption& a, const DateOption& b) { return a.First() < b.First(); });
  for (const DateOption& d : ladder->first)
    q.options.push_back(d.Text());
  q.answer = ladder->second;
  q.answerText = answer.Text();
  q.recallable = true;
  q.image = PictureOf(e.id);
  q.explanation =
      e.name + ": " + EventWhen(e) + (e.place.empty() ? "" : ", " + e.place) + (e.note.empty() ? "" : ". " + e.note);
  q.source = Cite(e.source);
  q.tags = e.tags;
  return q;
}

// Events that can be told apart from all of `chosen`, picked at random among those of a
// comparable period and topic: the first chosen event's neighbours in date order (a fifth
// of the deck's events either side, at least four), those sharing a broad tag with it
// first; none of the same thread (EventThreads).
// Only when too few of them can be told apart does the choice widen, twice.
std::vector<size_t> Builder::ApartEvents(const std::vector<size_t>& chosen, size_t wanted) {
  std::vector<size_t> picked = chosen;
  const auto& all = x.eventsByDate;
  if (all.empty()) return picked;
  const size_t rank = x.dateRank[chosen.front()];
  const size_t centre = rank == std::string::npos ? all.size() / 2 : rank;
  const std::vector<std::string>& tags = deck.events[chosen.front()].tags;
  // Only events inside the deck's period are ordered: one years after the rest is placed last
  // by a student who knows only the period, and those outside it (a prelude, an epilogue) are
  // the deck's context, whose order is general knowledge more than the deck's: they are
  // asked when, not ordered. So are those of its first and last years (the end a deck's
  // title often names), guessed first or last by anyone who knows the period.
  auto inPeriod = [&](const Event& e) {
    return !x.period || x.period->last - x.period->first < 4 ||
           (e.date.FirstYear() > x.period->first && e.date.FirstYear() < x.period->last);
  };
  if (!inPeriod(deck.events[chosen.front()])) {
    Refuse("it lies outside the deck's period (" + YearText(x.period->first) + "–" + YearText(x.period->last) +
           ") or in its first or last year: asked when, not ordered");
    return picked;
  }
  auto fits = [&](size_t candidate) {
    const Event& c = deck.events[candidate];
    if (!inPeriod(c)) return false;
    for (size_t p : picked) {
      const Event& other = deck.events[p];
      if (p == candidate || !Apart(c, other) || Fold(c.name) == Fold(other.name)) return false;
      // A beginning is guessed first and an end last, whatever the two are about ("Tests begin
      // at the range" before anything; "the school closes" after): one stage only.
      if (x.storyStage[candidate] != x.storyStage[p]) return false;
      // Two events of one site or programme: their order is its story's ("fighters arrive",
      // then "the base reaches full strength"), read from the names.
      if (SharesTag(x.threads[candidate], x.threads[p])) return false;
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

std::optional<Question> Builder::Order(size_t event, QuestionKind kind) {
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

int Builder::YearGivenByStory(const Event& e) const {
  if (!x.period) return 0;
  auto at = x.eventById.find(e.id);
  return YearGivenByStory(at == x.eventById.end() ? 0 : x.storyStage[at->second], e.date);
}

int Builder::YearGivenByStory(int stage, const Date& date) const {
  if (!x.period) return 0;
  if (stage > 0 && date.LastYear() == x.period->last) return 1;
  if (stage < 0 && date.FirstYear() == x.period->first) return -1;
  return 0;
}

std::optional<Question> Builder::TypedYear(const Event& e) {
  // A year is asked only of dates written to the year or finer, within one year ("between
  // 1921 and 1922" is no answer to "In what year").
  if (e.date.precision > DatePrecision::Year || e.date.Latest().precision > DatePrecision::Year ||
      e.date.FirstYear() != e.date.LastYear())
    return std::nullopt;
  if (const int storyEnd = YearGivenByStory(e); storyEnd != 0) {
    Refuse(StoryYearReason(storyEnd, "its name"));
    return std::nullopt;
  }
  Question q;
  q.kind = QuestionKind::TypedYear;
  q.items = {e.id};
  q.acceptedYears = AcceptedYears(e.date);
  q.answerText = e.date.Display();
  q.prompt = AsQuestion(std::string(e.end || e.ongoing ? "In what year did this begin: " : "In what year: ") + e.name) +
             (e.date.circa ? " (roughly)" : "");
  q.explanation = e.name + ": " + EventWhen(e) + (e.note.empty() ? "" : ". " + e.note);
  q.source = Cite(e.source);
  q.tags = e.tags;
  q.image = PictureOf(e.id);
  return q;
}

} // namespace factdeck::question_parts
