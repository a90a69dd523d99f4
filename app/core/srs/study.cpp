#include "core/srs/study.h"
#include "core/srs/study_day.h"

#include <algorithm>
#include <cmath>

#include "core/base/calendar.h"

namespace factdeck::srs {

namespace {
// A well-mixed 64-bit hash of a number (SplitMix64's finaliser).
std::uint64_t SplitMix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

struct KindName {
  QuestionKind kind;
  const char* name;
  const char* label;
  int level;
};
constexpr KindName kKinds[] = {
    {QuestionKind::MultipleChoice, "multiple-choice", "Multiple choice", 0},
    {QuestionKind::MultipleChoiceReverse, "multiple-choice-reverse", "Multiple choice, the other way round", 0},
    {QuestionKind::When, "when", "When was it?", 0},
    {QuestionKind::WhichFirst, "which-first", "Which came first?", 0},
    {QuestionKind::Ordering, "ordering", "Put in order", 0},
    {QuestionKind::TypedYear, "typed-year", "Type the year", 1},
    {QuestionKind::Flashcard, "flashcard", "Flashcard", 0}, // a card's only kind: nothing to unlock it
};
} // namespace

const char* QuestionKindName(QuestionKind kind) {
  for (const KindName& k : kKinds)
    if (k.kind == kind) return k.name;
  return "multiple-choice";
}

const char* QuestionKindLabel(QuestionKind kind) {
  for (const KindName& k : kKinds)
    if (k.kind == kind) return k.label;
  return "Multiple choice";
}

std::optional<QuestionKind> QuestionKindFromName(std::string_view name) {
  for (const KindName& k : kKinds)
    if (name == k.name) return k.kind;
  return std::nullopt;
}

int RecallLevel(QuestionKind kind) {
  for (const KindName& k : kKinds)
    if (k.kind == kind) return k.level;
  return 0;
}

std::string CardKey(std::string_view deck, std::string_view item, QuestionKind kind) {
  std::string key;
  key.reserve(deck.size() + item.size() + 16);
  key.append(deck).append("/").append(item).append("/").append(QuestionKindName(kind));
  return key;
}

int TypicalResponseMs(std::vector<int> times) {
  constexpr size_t kRecent = 50;
  if (times.size() < kMinTimingSamples) return 0;
  if (times.size() > kRecent) times.erase(times.begin(), times.end() - kRecent);
  auto middle = times.begin() + static_cast<std::ptrdiff_t>(times.size() / 2);
  std::nth_element(times.begin(), middle, times.end());
  return *middle;
}

double GuessChance(QuestionKind kind, size_t options, bool selectAll) {
  switch (kind) {
  case QuestionKind::TypedYear:
  case QuestionKind::Flashcard: return 0.0;
  case QuestionKind::Ordering: {
    double permutations = 1.0;
    for (size_t n = 2; n <= options; ++n)
      permutations *= static_cast<double>(n);
    return 1.0 / permutations;
  }
  default:
    if (options == 0) return 0.0;
    if (selectAll) return 1.0 / (std::ldexp(1.0, static_cast<int>(std::min<size_t>(options, 60))) - 1.0);
    return 1.0 / static_cast<double>(options);
  }
}

double EvidenceOfRecall(double recall, double guessChance) {
  const double r = std::clamp(recall, 0.0, 1.0), c = std::clamp(guessChance, 0.0, 1.0);
  const double either = r + (1.0 - r) * c;
  return either > 0.0 ? r / either : 0.0;
}

Rating RateAnswer(bool correct, int responseMs, int typicalMs, AnswerEvidence evidence) {
  if (!correct) return Rating::Again;
  if (evidence.guessed) return Rating::Hard;
  const bool known = typicalMs > 0 && responseMs >= 0;
  if (evidence.evidence < kSureEvidence) return known && responseMs <= typicalMs ? Rating::Good : Rating::Hard;
  if (known && 2 * static_cast<long long>(responseMs) <= typicalMs) return Rating::Easy;
  return Rating::Good;
}

std::vector<Rating> RateOrdering(const std::vector<int>& answer) {
  const size_t n = answer.size();
  std::vector<size_t> placed(n); // true position -> place in the answer
  for (size_t i = 0; i < n; ++i)
    if (answer[i] >= 0 && static_cast<size_t>(answer[i]) < n) placed[static_cast<size_t>(answer[i])] = i;
  std::vector<Rating> ratings(n, Rating::Good);
  for (size_t k = 0; k < n; ++k)
    for (size_t j = 0; j < n; ++j)
      if (j != k && (k < j) != (placed[k] < placed[j])) ratings[k] = Rating::Again;
  return ratings;
}

double OrderingCredit(const std::vector<int>& answer) {
  const size_t n = answer.size();
  if (n < 2) return 1.0;
  size_t discordant = 0;
  for (size_t i = 0; i < n; ++i)
    for (size_t j = i + 1; j < n; ++j)
      discordant += answer[i] > answer[j];
  return 1.0 - static_cast<double>(discordant) / static_cast<double>(n * (n - 1) / 2);
}

std::vector<QueueEntry> BuildDailyQueue(const std::vector<StudyCard>& cards, const Fsrs& fsrs, TimeMs now,
                                        const QueueOptions& options) {
  std::vector<QueueEntry> queue;
  if (options.mode == QueueMode::Cram) {
    // Each card's place comes from the seed and the card alone, so setting a card aside
    // and building the queue again keeps the others in the same order.
    std::vector<std::pair<std::uint64_t, size_t>> keyed;
    for (size_t i = 0; i < cards.size(); ++i)
      if (!cards[i].suspended) keyed.emplace_back(SplitMix(options.seed ^ SplitMix(i)), i);
    std::sort(keyed.begin(), keyed.end());
    for (const auto& [key, i] : keyed)
      queue.push_back({i, QueueSlot::Cram, false});
    return queue;
  }

  const TimeMs dayStart = options.day.StartOf(now);
  const TimeMs reviewHorizon =
      dayStart + kDayMs + (options.mode == QueueMode::StudyAhead ? std::max(0, options.aheadDays) * kDayMs : 0);

  // What each item has done: studied today (its siblings wait for tomorrow), and how well
  // it is recognised (its recall cards wait until then).
  struct Item {
    bool studiedToday = false, taken = false;
    double recognition = 0.0;
  };
  size_t itemCount = 0;
  for (const StudyCard& c : cards)
    itemCount = std::max(itemCount, c.item + 1);
  std::vector<Item> items(itemCount);
  for (const StudyCard& c : cards) {
    if (c.suspended || c.memory.state == CardState::New) continue;
    Item& item = items[c.item];
    if (c.memory.lastReview >= dayStart) item.studiedToday = true;
    if (RecallLevel(c.kind) == 0) item.recognition = std::max(item.recognition, c.memory.stability);
  }

  std::vector<size_t> learning, fresh;
  std::vector<std::pair<double, size_t>> due; // retrievability, card
  for (size_t i = 0; i < cards.size(); ++i) {
    const StudyCard& c = cards[i];
    if (c.suspended) continue;
    switch (c.memory.state) {
    case CardState::Learning:
    case CardState::Relearning:
      if (c.memory.due <= now + options.learnAhead) learning.push_back(i);
      break;
    case CardState::Review:
      if (c.memory.due < reviewHorizon && !items[c.item].studiedToday)
        due.emplace_back(fsrs.Retrievability(c.memory, now), i);
      break;
    case CardState::New:
      if (!items[c.item].studiedToday &&
          (RecallLevel(c.kind) == 0 || items[c.item].recognition >= kRecallUnlockStability))
        fresh.push_back(i);
      break;
    }
  }

  std::sort(learning.begin(), learning.end(), [&](size_t a, size_t b) {
    return cards[a].memory.due != cards[b].memory.due ? cards[a].memory.due < cards[b].memory.due : a < b;
  });
  for (size_t i : learning) {
    queue.push_back({i, QueueSlot::Learning, true});
    items[cards[i].item].taken = true;
  }

  // Reviews, most forgotten first, one per item, within the day's limit. A heap: only the
  // cards that fit the limit are ever ordered.
  auto later = [](const std::pair<double, size_t>& a, const std::pair<double, size_t>& b) {
    return a.first != b.first ? a.first > b.first : a.second > b.second;
  };
  std::make_heap(due.begin(), due.end(), later);
  std::vector<size_t> reviews;
  const size_t reviewLimit = static_cast<size_t>(std::max(0, options.reviewsPerDay - options.reviewsDoneToday));
  while (!due.empty() && reviews.size() < reviewLimit) {
    std::pop_heap(due.begin(), due.end(), later);
    size_t i = due.back().second;
    due.pop_back();
    if (items[cards[i].item].taken) continue;
    items[cards[i].item].taken = true;
    reviews.push_back(i);
  }

  std::vector<size_t> news;
  const size_t newLimit = static_cast<size_t>(std::max(0, options.newPerDay - options.newDoneToday));
  for (size_t i : fresh) {
    if (news.size() >= newLimit) break;
    if (items[cards[i].item].taken) continue;
    items[cards[i].item].taken = true;
    news.push_back(i);
  }

  // New cards spread evenly among the reviews.
  const size_t gap = news.empty() ? 0 : std::max<size_t>(1, reviews.size() / (news.size() + 1));
  size_t n = 0;
  for (size_t r = 0; r < reviews.size(); ++r) {
    queue.push_back({reviews[r], QueueSlot::Review, true});
    if (gap > 0 && (r + 1) % gap == 0 && n < news.size()) queue.push_back({news[n++], QueueSlot::New, true});
  }
  for (; n < news.size(); ++n)
    queue.push_back({news[n], QueueSlot::New, true});
  return queue;
}

} // namespace factdeck::srs
