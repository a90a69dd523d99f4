#include "core/srs/exam_plan.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <queue>
#include <random>
#include <unordered_map>

#include "core/srs/study.h"

namespace factdeck::srs {

namespace {

// A review whose gain at the exams is under this per answer is not worth the learner's time.
constexpr double kMinGainPerAnswer = 0.002;
// The forecast's runs: enough runs that cards × runs reach this.
constexpr size_t kForecastCardRuns = 4000;
constexpr size_t kSearchCards = 1000;
// The forecast's runs are as many as keep cards × runs × days near this (at most kMaxSamples).
constexpr double kForecastCardDays = 4000.0 * 30.0;
constexpr int kMaxSamples = 16;

bool InSteps(const MemoryState& m) { return m.state == CardState::Learning || m.state == CardState::Relearning; }

// An exam is studied for at `t` when it begins at least kExamMargin later.
bool Ahead(const PlanExam& exam, TimeMs t) { return exam.at - kExamMargin > t; }

// Recall at `at` by the model's forgetting curve, counting the days to the hour: memory does
// not wait for midnight.
double RecallAt(const Fsrs& fsrs, const MemoryState& m, TimeMs at) {
  if (m.state == CardState::New || m.stability <= 0) return 0.0;
  const double days = std::max(0.0, static_cast<double>(at - m.lastReview) / static_cast<double>(kDayMs));
  return fsrs.ForgettingCurve(days, m.stability);
}

// A card's memory after its learning steps, all answered right after the first (the first
// sight of a new card, or a lapse): the steps come back the same day.
MemoryState AfterSteps(const Fsrs& fsrs, ReviewOutcome outcome, int& answers) {
  for (int guard = 0; guard < 8 && InSteps(outcome.card); ++guard) {
    outcome = fsrs.Review(outcome.card, std::max(outcome.card.due, outcome.card.lastReview + kMinuteMs), Rating::Good);
    ++answers;
  }
  return outcome.card;
}

// The plan's choice of a day's cards.
class Planner {
public:
  Planner(const Fsrs& fsrs, const std::vector<PlanExam>& exams) : m_fsrs(fsrs), m_exams(exams) {
    int answers = 1;
    m_intro = AfterSteps(fsrs, fsrs.Review(MemoryState{}, 0, Rating::Again), answers);
    m_introAnswers = answers;
  }

  // The cards to study at `t`, most useful per answer first, as many as the day's answers:
  // each exam's own (`budgets`, by exam), a card charged to the one of its exams with the
  // most left. Their learning steps take answers too: the steps the day's budget does not
  // reach come the next day, which the model finds worth more than a third sight the same day.
  std::vector<size_t> Choose(const std::vector<PlanCard>& cards, TimeMs t, const std::vector<double>& budgets) {
    // A review's gain is at most what the card would forget by its exams, for at least one
    // answer: the cards are weighed exactly in the order of that bound, and only until the
    // bound falls under the gains already enough for each exam's day (a day of 20,000 cards
    // weighs a few hundred exactly). A review card's bound changes only when it is studied
    // or one of its exams passes, so it is kept from day to day.
    std::uint32_t ahead = 0;
    for (size_t e = 0; e < m_exams.size(); ++e)
      ahead |= static_cast<std::uint32_t>(Ahead(m_exams[e], t)) << e;
    if (ahead != m_ahead || m_bounds.size() != cards.size()) {
      m_ahead = ahead;
      m_bounds.assign(cards.size(), Cached{});
    }
    std::vector<std::pair<double, size_t>> bounds, ranked; // gain per answer (at most), card
    for (size_t i = 0; i < cards.size(); ++i) {
      const double bound = Bound(cards[i], t, m_bounds[i]);
      if (bound >= kMinGainPerAnswer) bounds.emplace_back(bound, i);
    }
    auto higher = [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    };
    // For each exam, the best gains so far, as many as its day takes and some room for
    // siblings set aside; an exam is settled for a bound that cannot beat them.
    const size_t exams = m_exams.size();
    std::vector<size_t> enough(exams, 0);
    std::vector<std::priority_queue<double, std::vector<double>, std::greater<double>>> best(exams);
    size_t wanted = 0;
    for (size_t e = 0; e < exams; ++e) {
      enough[e] = budgets[e] > 0 ? static_cast<size_t>(budgets[e] * 1.25) + 16 : 0;
      wanted += enough[e];
    }
    auto settled = [&](size_t e, double bound) {
      return enough[e] == 0 || (best[e].size() >= enough[e] && bound <= best[e].top());
    };
    // In order of the bound: twice what is wanted sorted at once, the rest if reached.
    size_t sorted = std::min(bounds.size(), wanted * 2);
    std::nth_element(bounds.begin(), bounds.begin() + static_cast<std::ptrdiff_t>(sorted), bounds.end(), higher);
    std::sort(bounds.begin(), bounds.begin() + static_cast<std::ptrdiff_t>(sorted), higher);
    for (size_t k = 0; k < bounds.size(); ++k) {
      if (k == sorted) {
        std::sort(bounds.begin() + static_cast<std::ptrdiff_t>(k), bounds.end(), higher);
        sorted = bounds.size();
      }
      const auto [bound, i] = bounds[k];
      bool all = true, useful = false;
      for (size_t e = 0; e < exams; ++e) {
        const bool done = settled(e, bound);
        all = all && done;
        useful = useful || (!done && (cards[i].exams >> e & 1u));
      }
      if (all) break; // nothing after it can do better for any exam
      if (!useful) continue;
      double gain = 0.0, cost = 1.0;
      if (!Gain(cards[i], t, gain, cost) || gain / cost < kMinGainPerAnswer) continue;
      ranked.emplace_back(gain / cost, i);
      for (size_t e = 0; e < exams; ++e)
        if ((cards[i].exams >> e & 1u) && enough[e] > 0) {
          best[e].push(gain / cost);
          if (best[e].size() > enough[e]) best[e].pop();
        }
    }
    std::sort(ranked.begin(), ranked.end(), higher);
    // One card of an item a day, as in the daily queue; its other cards only when the day's
    // answers reach past every item (the last days of a short plan).
    std::vector<double> room = budgets;
    auto charge = [&](size_t i) {
      size_t pick = exams;
      for (size_t e = 0; e < exams; ++e)
        if ((cards[i].exams >> e & 1u) && room[e] > 0 && (pick == exams || room[e] > room[pick])) pick = e;
      if (pick == exams) return false;
      room[pick] -= 1;
      return true;
    };
    std::vector<size_t> chosen, siblings;
    std::vector<bool> itemTaken;
    for (const auto& [ratio, i] : ranked) {
      const size_t item = cards[i].item;
      if (item >= itemTaken.size()) itemTaken.resize(item + 1, false);
      if (itemTaken[item] && !InSteps(cards[i].memory)) {
        siblings.push_back(i);
        continue;
      }
      if (!charge(i)) continue;
      itemTaken[item] = true;
      chosen.push_back(i);
    }
    for (size_t i : siblings)
      if (charge(i)) chosen.push_back(i);
    return chosen;
  }

private:
  struct Cached {
    TimeMs lastReview = -1;
    int reps = -1;
    double bound = 0.0;
  };

  // At least the gain per answer of studying the card at `t` (Gain), from one forgetting
  // curve per exam.
  double Bound(const PlanCard& card, TimeMs t, Cached& cached) const {
    const MemoryState& m = card.memory;
    if (m.state != CardState::Review) { // new and learning cards are cheap to weigh exactly
      double gain = 0.0, cost = 1.0;
      return Gain(card, t, gain, cost) ? gain / cost : 0.0;
    }
    if (cached.lastReview != m.lastReview || cached.reps != m.reps) {
      ForExams(
          card, t, [&](TimeMs at) { return 1.0 - RecallAt(m_fsrs, m, at); }, cached.bound);
      cached.lastReview = m.lastReview;
      cached.reps = m.reps;
    }
    return cached.bound;
  }

  // The expected gain in recall at the card's exams (weighted) from studying it at `t`, and
  // the answers that costs. False for a card on no exam still ahead.
  bool Gain(const PlanCard& card, TimeMs t, double& gain, double& cost) const {
    const MemoryState& m = card.memory;
    bool ahead = false;
    for (size_t e = 0; e < m_exams.size(); ++e)
      ahead |= (card.exams >> e & 1u) && Ahead(m_exams[e], t);
    if (!ahead) return false;
    if (InSteps(m)) { // unfinished steps come first
      gain = 1e9;
      cost = 1.0;
      return true;
    }
    if (m.state == CardState::New) { // the same for every new card of the same exams
      cost = m_introAnswers;
      if (m_introAt != t) {
        m_introAt = t;
        m_introGain.clear();
      }
      auto [known, added] = m_introGain.try_emplace(card.exams, 0.0);
      if (added) {
        MemoryState introduced = m_intro;
        introduced.lastReview = t;
        PlanCard unweighted = card;
        unweighted.weight = 1.0;
        ForExams(
            unweighted, t, [&](TimeMs at) { return RecallAt(m_fsrs, introduced, at); }, known->second);
      }
      gain = card.weight * known->second;
      return true;
    }
    const double recall = RecallAt(m_fsrs, m, t);
    const MemoryState good = m_fsrs.Review(m, t, Rating::Good).card;
    int lapseAnswers = 1;
    const MemoryState lapsed = AfterSteps(m_fsrs, m_fsrs.Review(m, t, Rating::Again), lapseAnswers);
    cost = recall + (1.0 - recall) * lapseAnswers;
    ForExams(
        card, t,
        [&](TimeMs at) {
          return recall * RecallAt(m_fsrs, good, at) + (1.0 - recall) * RecallAt(m_fsrs, lapsed, at) -
                 RecallAt(m_fsrs, m, at);
        },
        gain);
    return true;
  }

  template <class F> void ForExams(const PlanCard& card, TimeMs t, F&& gainAt, double& gain) const {
    gain = 0.0;
    for (size_t e = 0; e < m_exams.size(); ++e)
      if ((card.exams >> e & 1u) && Ahead(m_exams[e], t)) gain += card.weight * gainAt(m_exams[e].at);
  }

  const Fsrs& m_fsrs;
  const std::vector<PlanExam>& m_exams;
  MemoryState m_intro;
  int m_introAnswers = 1;
  mutable TimeMs m_introAt = -1; // a new card's gain, by its exams, at that time
  mutable std::unordered_map<std::uint32_t, double> m_introGain;
  std::uint32_t m_ahead = 0;    // the exams still ahead when the bounds were kept
  std::vector<Cached> m_bounds; // by card
};

// Ordinary scheduling's choice, as the study queue makes it, without its daily limits: the
// budget stops the day.
std::vector<size_t> DueOrder(const std::vector<PlanCard>& cards, const Fsrs& fsrs, TimeMs t, const StudyDay& day) {
  std::vector<StudyCard> study(cards.size());
  for (size_t i = 0; i < cards.size(); ++i) {
    study[i].memory = cards[i].memory;
    study[i].item = cards[i].item;
  }
  QueueOptions options;
  options.newPerDay = options.reviewsPerDay = static_cast<int>(cards.size());
  options.day = day;
  std::vector<size_t> order;
  for (const QueueEntry& e : BuildDailyQueue(study, fsrs, t, options))
    order.push_back(e.card);
  return order;
}

// The model learner's day: the cards in `order`, learning steps back when due, until the
// budget's answers are given.
class LearnerDay {
public:
  LearnerDay(std::vector<PlanCard>& cards, const Fsrs& fsrs, std::mt19937_64& random, TimeMs dayEnd, TimeMs answerMs)
      : m_cards(cards), m_fsrs(fsrs), m_random(random), m_dayEnd(dayEnd), m_answerMs(answerMs) {}

  // `room`: each exam's answers for the day; an answer is charged to the card's exam with
  // the most left, and a card none of whose exams has any left waits.
  void Run(const std::vector<size_t>& order, TimeMs t, std::vector<double> room, PlanDay& record) {
    auto examFor = [&](size_t i) {
      size_t pick = room.size();
      for (size_t e = 0; e < room.size(); ++e)
        if ((m_cards[i].exams >> e & 1u) && room[e] > 0 && (pick == room.size() || room[e] > room[pick])) pick = e;
      return pick;
    };
    auto spent = [&] { return std::none_of(room.begin(), room.end(), [](double r) { return r > 0; }); };
    auto answerReturns = [&](TimeMs until) {
      while (!m_returns.empty() && m_returns.top().first <= until && !spent()) {
        const size_t i = m_returns.top().second;
        m_returns.pop();
        const size_t e = examFor(i);
        if (e == room.size()) continue; // its step waits for tomorrow
        room[e] -= 1;
        t = std::max(t, m_cards[i].memory.due);
        Answer(i, t, record);
        t += m_answerMs;
      }
    };
    for (size_t i : order) {
      answerReturns(t);
      if (spent()) break;
      const size_t e = examFor(i);
      if (e == room.size()) continue;
      record.reached += 1;
      if (InSteps(m_cards[i].memory) && m_cards[i].memory.due > t) continue; // comes back by itself
      room[e] -= 1;
      Answer(i, t, record);
      t += m_answerMs;
    }
    answerReturns(m_dayEnd);
    record.answers += m_answers;
  }

private:
  void Answer(size_t i, TimeMs t, PlanDay& record) {
    MemoryState& m = m_cards[i].memory;
    const bool fresh = m.state == CardState::New;
    const bool recalled = !fresh && std::uniform_real_distribution<double>(0.0, 1.0)(m_random) < RecallAt(m_fsrs, m, t);
    if (fresh)
      record.newCards += 1;
    else if (m.state == CardState::Review)
      record.reviews += 1;
    m = m_fsrs.Review(m, t, recalled ? Rating::Good : Rating::Again).card;
    ++m_answers;
    touched.push_back(i);
    if (InSteps(m) && m.due < m_dayEnd) m_returns.emplace(m.due, i);
  }

public:
  std::vector<size_t> touched; // the cards answered, once for each answer

  std::vector<PlanCard>& m_cards;
  const Fsrs& m_fsrs;
  std::mt19937_64& m_random;
  TimeMs m_dayEnd, m_answerMs;
  int m_answers = 0;
  using Return = std::pair<TimeMs, size_t>;
  std::priority_queue<Return, std::vector<Return>, std::greater<Return>> m_returns;
};

// The plan's days: a study session a day at the time of day of `now` (the first is now), for
// as long as an exam is ahead of it, at most kMaxPlanDays.
struct StudyTimes {
  StudyTimes(const std::vector<PlanExam>& exams, const StudyDay& day, TimeMs now)
      : m_day(day), m_now(now), m_start(day.StartOf(now)) {
    while (count < kMaxPlanDays &&
           std::any_of(exams.begin(), exams.end(), [&](const PlanExam& e) { return Ahead(e, At(count)); }))
      ++count;
  }
  TimeMs At(int k) const { return k == 0 ? m_now : m_start + k * kDayMs + (m_now - m_start); }
  TimeMs DayEnd(int k) const { return m_start + (k + 1) * kDayMs; }
  std::int64_t Day(int k) const { return m_day.DayOf(At(k)); }
  int count = 0;

private:
  StudyDay m_day;
  TimeMs m_now, m_start;
};

// Each exam's answers for a session at `t`: its daily budget, or what the time left before
// it holds, at `answerMs` an answer; none once it is too close. `done` answers already given
// today come off them all alike.
std::vector<double> Budgets(const std::vector<PlanExam>& exams, TimeMs t, TimeMs answerMs, double done = 0) {
  std::vector<double> budgets;
  double total = 0;
  for (const PlanExam& e : exams) {
    const double left = static_cast<double>(e.at - kExamMargin - t) / static_cast<double>(answerMs);
    budgets.push_back(Ahead(e, t) ? std::min(e.answersPerDay, std::max(0.0, left)) : 0.0);
    total += budgets.back();
  }
  if (done > 0 && total > 0)
    for (double& b : budgets)
      b *= std::max(0.0, total - done) / total;
  return budgets;
}

// Each exam's expected share remembered, kept up to date card by card: a card's recall at
// an exam changes only when it is studied.
class ExamSums {
public:
  ExamSums(const std::vector<PlanCard>& cards, const std::vector<PlanExam>& exams, const Fsrs& fsrs)
      : m_cards(cards), m_exams(exams), m_fsrs(fsrs), m_part(cards.size() * exams.size(), 0.0),
        m_sum(exams.size(), 0.0), m_weight(exams.size(), 0.0) {
    for (size_t i = 0; i < cards.size(); ++i) {
      for (size_t e = 0; e < exams.size(); ++e)
        m_weight[e] += (cards[i].exams >> e & 1u) ? cards[i].weight : 0.0;
      Update(i);
    }
  }
  void Update(size_t i) {
    for (size_t e = 0; e < m_exams.size(); ++e) {
      if (!(m_cards[i].exams >> e & 1u)) continue;
      double& part = m_part[i * m_exams.size() + e];
      const double now = m_cards[i].weight * RecallAt(m_fsrs, m_cards[i].memory, m_exams[e].at);
      m_sum[e] += now - part;
      part = now;
    }
  }
  double Share(size_t e) const { return m_weight[e] > 0 ? m_sum[e] / m_weight[e] : 0.0; }

private:
  const std::vector<PlanCard>& m_cards;
  const std::vector<PlanExam>& m_exams;
  const Fsrs& m_fsrs;
  std::vector<double> m_part, m_sum, m_weight;
};

// SimulateStudy on a sample of the cards: `scale` is the sample's share of them (the exams'
// budgets given are scaled already; the answers given today are scaled here).
SimulationResult Simulate(std::vector<PlanCard> cards, const std::vector<PlanExam>& exams, const Fsrs& fsrs, TimeMs now,
                          StudyPolicy policy, const PlanOptions& options, std::uint64_t seed, double scale) {
  SimulationResult result;
  result.recallAtExams.assign(exams.size(), 0.0);
  result.unseen.assign(exams.size(), 0.0);
  const StudyDay& day = options.day;
  Planner planner(fsrs, exams);
  std::mt19937_64 random(seed);
  const StudyTimes times(exams, day, now);
  const TimeMs answerMs = std::max(1, options.answerSeconds) * 1000LL;
  ExamSums sums(cards, exams, fsrs);
  auto settle = [&](size_t e) { // the exam's figures, once its last study day is over
    result.recallAtExams[e] = sums.Share(e);
    result.unseen[e] = 0;
    for (const PlanCard& c : cards)
      result.unseen[e] += (c.exams >> e & 1u) && c.memory.state == CardState::New;
  };
  for (size_t e = 0; e < exams.size(); ++e)
    if (!Ahead(exams[e], now)) settle(e);
  for (int k = 0; k < times.count; ++k) {
    const TimeMs t = times.At(k);
    const std::vector<double> budgets = Budgets(exams, t, answerMs, k == 0 ? options.answersDoneToday * scale : 0.0);
    const std::vector<size_t> order =
        policy == StudyPolicy::ExamPlan ? planner.Choose(cards, t, budgets) : DueOrder(cards, fsrs, t, day);
    PlanDay record;
    record.day = times.Day(k);
    record.at = t;
    LearnerDay learner(cards, fsrs, random, std::min(times.DayEnd(k), t + kDayMs), answerMs);
    learner.Run(order, t, budgets, record);
    for (size_t i : learner.touched)
      sums.Update(i);
    result.answers += static_cast<long long>(record.answers);
    for (size_t e = 0; e < exams.size(); ++e) {
      record.recallAtExams.push_back(sums.Share(e));
      if (Ahead(exams[e], t) && !Ahead(exams[e], times.At(k + 1))) settle(e);
    }
    result.days.push_back(std::move(record));
  }
  return result;
}

// The plan's forecast: the model learner's runs averaged. A deck of more cards than
// kForecastCardRuns is followed on a sample of its items (siblings stay together) with the
// budgets scaled to the sample, and the sample's counts scaled back: a share of 4,000 cards
// is within about a point of the whole deck's.
SimulationResult Forecast(const std::vector<PlanCard>& cards, const std::vector<PlanExam>& exams, const Fsrs& fsrs,
                          TimeMs now, const PlanOptions& options, int samples, size_t limit = kForecastCardRuns) {
  std::vector<PlanCard> sample;
  std::vector<PlanExam> scaled = exams;
  double scale = 1.0;
  if (cards.size() > limit) {
    const double keep = static_cast<double>(limit) / static_cast<double>(cards.size());
    std::mt19937_64 mix;
    for (const PlanCard& c : cards) {
      mix.seed(c.item ^ options.seed);
      if (std::uniform_real_distribution<double>(0.0, 1.0)(mix) < keep) sample.push_back(c);
    }
    scale = static_cast<double>(sample.size()) / static_cast<double>(cards.size());
    for (PlanExam& e : scaled)
      e.answersPerDay *= scale;
  }
  const std::vector<PlanCard>& followed = sample.empty() ? cards : sample;
  SimulationResult mean;
  for (int k = 0; k < samples; ++k) {
    SimulationResult run = Simulate(followed, scaled, fsrs, now, StudyPolicy::ExamPlan, options,
                                    options.seed + static_cast<std::uint64_t>(k) * 0x9E3779B97F4A7C15ull, scale);
    if (k == 0) {
      mean = std::move(run);
      continue;
    }
    for (size_t e = 0; e < exams.size(); ++e) {
      mean.recallAtExams[e] += run.recallAtExams[e];
      mean.unseen[e] += run.unseen[e];
    }
    for (size_t d = 0; d < mean.days.size(); ++d) {
      mean.days[d].answers += run.days[d].answers;
      mean.days[d].reviews += run.days[d].reviews;
      mean.days[d].newCards += run.days[d].newCards;
      mean.days[d].reached += run.days[d].reached;
      for (size_t e = 0; e < exams.size(); ++e)
        mean.days[d].recallAtExams[e] += run.days[d].recallAtExams[e];
    }
    mean.answers += run.answers;
  }
  const double n = samples, counts = samples * scale;
  for (size_t e = 0; e < exams.size(); ++e) {
    mean.recallAtExams[e] /= n;
    mean.unseen[e] /= counts;
  }
  for (PlanDay& d : mean.days) {
    d.answers /= counts;
    d.reviews /= counts;
    d.newCards /= counts;
    d.reached /= counts;
    for (double& r : d.recallAtExams)
      r /= n;
  }
  mean.answers = static_cast<long long>(std::llround(static_cast<double>(mean.answers) / counts));
  return mean;
}

// The smallest budget for exam `e` whose forecast reaches the target, for the exam alone on
// a sample of at most kSearchCards of its cards, to a tenth: advice, not a promise.
void FindBudget(const std::vector<PlanCard>& cards, const std::vector<PlanExam>& exams, size_t e, const Fsrs& fsrs,
                TimeMs now, const PlanOptions& options, ExamOutlook& outlook) {
  std::vector<PlanCard> own;
  for (const PlanCard& c : cards)
    if (c.exams >> e & 1u) {
      own.push_back(c);
      own.back().exams = 1;
    }
  std::vector<PlanExam> alone{exams[e]};
  auto reach = [&](int answers) {
    alone[0].answersPerDay = answers;
    return Forecast(own, alone, fsrs, now, options, 1, kSearchCards).recallAtExams[0];
  };
  // Enough to introduce every card on the first day and review all of them on each day
  // after: more is never needed.
  const int ceiling = static_cast<int>(own.size()) * 5 + 10;
  int lo = std::max(1, static_cast<int>(exams[e].answersPerDay)), hi = lo;
  double reached = outlook.recallPlanned;
  while (reached < kExamTarget && hi < ceiling) {
    lo = hi;
    hi = std::min(ceiling, hi * 2);
    reached = reach(hi);
  }
  if (reached < kExamTarget) {
    outlook.answersNeeded = -1;
    outlook.recallAtMostBudget = reached;
    return;
  }
  while (hi - lo > std::max(1, hi / 10)) {
    const int mid = (lo + hi) / 2;
    const double r = reach(mid);
    if (r >= kExamTarget) {
      hi = mid;
      reached = r;
    } else {
      lo = mid;
    }
  }
  outlook.answersNeeded = hi;
  outlook.recallAtMostBudget = reached;
}

} // namespace

double AnswersPerDay(int minutes, int cards, int answerSeconds) {
  if (cards > 0) return cards;
  return std::max(0, minutes) * 60.0 / std::max(1, answerSeconds);
}

double ExpectedRecallAt(const std::vector<PlanCard>& cards, int exam, const Fsrs& fsrs, TimeMs at) {
  std::vector<PlanExam> exams(static_cast<size_t>(exam) + 1); // only the last one's share is read
  for (PlanExam& e : exams)
    e.at = at;
  return ExamSums(cards, exams, fsrs).Share(static_cast<size_t>(exam));
}

std::vector<size_t> WeakestFirst(const std::vector<PlanCard>& cards, int exam, const Fsrs& fsrs, TimeMs examAt) {
  std::vector<std::pair<double, size_t>> keyed;
  for (size_t i = 0; i < cards.size(); ++i)
    if (cards[i].exams >> exam & 1u)
      keyed.emplace_back(cards[i].weight * (1.0 - RecallAt(fsrs, cards[i].memory, examAt)), i);
  std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<size_t> order;
  for (const auto& [key, i] : keyed)
    order.push_back(i);
  return order;
}

SimulationResult SimulateStudy(std::vector<PlanCard> cards, const std::vector<PlanExam>& exams, const Fsrs& fsrs,
                               TimeMs now, StudyPolicy policy, const PlanOptions& options, std::uint64_t seed) {
  return Simulate(std::move(cards), exams, fsrs, now, policy, options, seed, 1.0);
}

ExamPlan MakeExamPlan(const std::vector<PlanCard>& cards, const std::vector<PlanExam>& exams, const Fsrs& fsrs,
                      TimeMs now, const PlanOptions& options) {
  ExamPlan plan;
  const StudyDay& day = options.day;
  const std::int64_t today = day.DayOf(now);
  const std::vector<double> budgets =
      Budgets(exams, now, std::max(1, options.answerSeconds) * 1000LL, options.answersDoneToday);
  plan.today = Planner(fsrs, exams).Choose(cards, now, budgets);
  int samples = options.samples;
  if (samples <= 0) {
    const double cardDays =
        static_cast<double>(std::min(cards.size(), kForecastCardRuns)) * std::max(1, StudyTimes(exams, day, now).count);
    samples =
        static_cast<int>(std::clamp(std::ceil(kForecastCardDays / cardDays), 1.0, static_cast<double>(kMaxSamples)));
  }
  const SimulationResult forecast = Forecast(cards, exams, fsrs, now, options, samples);
  plan.days = forecast.days;
  // Today's figures are what the budget is expected to reach of today's list, and the list
  // is cut there: a session of what the day's time holds.
  if (!plan.days.empty() && plan.days.front().day == today) {
    plan.todayNew = static_cast<int>(std::lround(plan.days.front().newCards));
    plan.todayReviews = static_cast<int>(std::lround(plan.days.front().reviews));
    const auto reached = static_cast<size_t>(std::lround(std::ceil(plan.days.front().reached)));
    if (plan.today.size() > reached) plan.today.resize(std::max<size_t>(reached, 1));
  }
  for (size_t e = 0; e < exams.size(); ++e) {
    ExamOutlook outlook;
    for (const PlanCard& c : cards)
      outlook.cards += c.exams >> e & 1u;
    outlook.recallNow = ExpectedRecallAt(cards, static_cast<int>(e), fsrs, exams[e].at);
    outlook.recallPlanned = forecast.recallAtExams[e];
    outlook.unseen = forecast.unseen[e];
    outlook.recallAtMostBudget = outlook.recallPlanned;
    if (outlook.recallPlanned < kExamTarget && options.findBudget && Ahead(exams[e], now))
      FindBudget(cards, exams, e, fsrs, now, options, outlook);
    plan.exams.push_back(outlook);
  }
  return plan;
}

} // namespace factdeck::srs
