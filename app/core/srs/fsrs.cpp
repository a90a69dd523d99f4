#include "core/srs/fsrs.h"

#include <algorithm>
#include <cmath>

#include "core/base/calendar.h"

namespace factdeck::srs {

namespace {

constexpr double kMinStability = 0.001;
constexpr double kMaxStability = 36500.0;

double Clamp(double value, double lo, double hi) { return std::min(std::max(value, lo), hi); }

// A number in [0, 1) from the seed (splitmix64): the fuzz of one review.
double FuzzFactor(std::uint64_t seed) {
  std::uint64_t z = seed + 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  z ^= z >> 31;
  return static_cast<double>(z >> 11) * 0x1.0p-53;
}

// What a learning step gives a rating: minutes until due (0: none) and the next step.
struct Step {
  double minutes = 0.0;
  int next = 0;
};

} // namespace

const char* CardStateName(CardState state) {
  switch (state) {
  case CardState::New: return "new";
  case CardState::Learning: return "learning";
  case CardState::Review: return "review";
  case CardState::Relearning: return "relearning";
  }
  return "new";
}

double JsRound(double value) {
  double floor = std::floor(value);
  return value - floor >= 0.5 ? floor + 1.0 : floor;
}

double Round8(double value) { return JsRound(value * 100000000.0) / 100000000.0; }

int CalendarDaysBetween(TimeMs earlier, TimeMs later) {
  auto day = [](TimeMs t) { return FloorDiv(t, kDayMs); };
  return static_cast<int>(day(later) - day(earlier));
}

std::array<std::pair<double, double>, 21> WeightRanges(bool shortTerm) {
  return {{{kMinStability, 100.0},
           {kMinStability, 100.0},
           {kMinStability, 100.0},
           {kMinStability, 100.0},
           {1.0, 10.0},
           {0.001, 4.0},
           {0.001, 4.0},
           {0.001, 0.75},
           {0.0, 4.5},
           {0.0, 0.8},
           {0.001, 3.5},
           {0.001, 5.0},
           {0.001, 0.25},
           {0.001, 0.9},
           {0.0, 4.0},
           {0.0, 1.0},
           {1.0, 6.0},
           {0.0, kW17W18Ceiling},
           {0.0, kW17W18Ceiling},
           {shortTerm ? 0.01 : 0.0, 0.8},
           {0.1, 0.8}}};
}

std::array<double, 21> ClipWeights(const std::array<double, 21>& w, size_t relearningSteps, bool shortTerm) {
  auto bounds = WeightRanges(shortTerm);
  if (relearningSteps > 1) {
    // Several relearning steps must not raise stability above what a lapse leaves.
    double w11 = Clamp(w[11], bounds[11].first, bounds[11].second);
    double w13 = Clamp(w[13], bounds[13].first, bounds[13].second);
    double w14 = Clamp(w[14], bounds[14].first, bounds[14].second);
    double value =
        -(std::log(w11) + std::log(std::pow(2.0, w13) - 1.0) + w14 * 0.3) / static_cast<double>(relearningSteps);
    double ceiling = Clamp(Round8(std::sqrt(std::max(value, 0.0))), 0.01, kW17W18Ceiling);
    bounds[17].second = bounds[18].second = ceiling;
  }
  std::array<double, 21> clipped{};
  for (size_t i = 0; i < w.size(); ++i)
    clipped[i] = Clamp(std::isfinite(w[i]) ? w[i] : 0.0, bounds[i].first, bounds[i].second);
  return clipped;
}

Fsrs::Fsrs(FsrsParameters parameters) : m_p(std::move(parameters)) {
  m_p.w = ClipWeights(m_p.w, m_p.relearningSteps.size(), m_p.shortTerm);
  m_p.retention = Clamp(m_p.retention, 0.01, 0.99999);
  m_p.maximumInterval = std::max(1, m_p.maximumInterval);
  m_decay = -m_p.w[20];
  m_factor = Round8(std::exp(std::pow(m_decay, -1.0) * std::log(0.9)) - 1.0);
  m_intervalModifier = Round8((std::pow(m_p.retention, 1.0 / m_decay) - 1.0) / m_factor);
  const auto& w = m_p.w;
  m_expW8 = std::exp(w[8]);
  m_failDivisor = m_p.shortTerm ? std::exp(w[17] * w[18]) : std::exp(0.0 * 0.0);
  for (int g = 1; g <= 4; ++g) {
    m_initDifficulty[static_cast<size_t>(g)] = Round8(w[4] - std::exp((g - 1) * w[5]) + 1.0);
    m_shortTermGrowth[static_cast<size_t>(g)] = std::exp(w[17] * (g - 3 + w[18]));
  }
}

double Fsrs::ForgettingCurve(double elapsedDays, double stability) const {
  return Round8(std::pow(1.0 + (m_factor * elapsedDays) / stability, m_decay));
}

double Fsrs::Retrievability(const MemoryState& card, TimeMs now) const {
  if (card.state == CardState::New) return 0.0;
  TimeMs diff = now - card.lastReview;
  double days = std::max(std::floor(static_cast<double>(diff) / static_cast<double>(kDayMs)), 0.0);
  return ForgettingCurve(days, card.stability);
}

std::pair<int, int> Fsrs::FuzzRange(int interval, int elapsedDays) const {
  struct Range {
    double start, end, factor;
  };
  static constexpr Range kRanges[] = {{2.5, 7.0, 0.15}, {7.0, 20.0, 0.1}, {20.0, INFINITY, 0.05}};
  double delta = 1.0;
  for (const Range& r : kRanges)
    delta += r.factor * std::max(std::min(static_cast<double>(interval), r.end) - r.start, 0.0);
  double ivl = std::min(interval, m_p.maximumInterval);
  int lo = static_cast<int>(std::max(2.0, JsRound(ivl - delta)));
  int hi = static_cast<int>(std::min(JsRound(ivl + delta), static_cast<double>(m_p.maximumInterval)));
  if (ivl > elapsedDays) lo = std::max(lo, elapsedDays + 1);
  lo = std::min(lo, hi);
  return {lo, hi};
}

int Fsrs::NextInterval(double stability, int elapsedDays, double fuzzFactor) const {
  double ivl =
      std::min(std::max(1.0, JsRound(stability * m_intervalModifier)), static_cast<double>(m_p.maximumInterval));
  if (!m_p.fuzz || ivl < 2.5) return static_cast<int>(ivl);
  auto [lo, hi] = FuzzRange(static_cast<int>(ivl), elapsedDays);
  return static_cast<int>(std::floor(fuzzFactor * (hi - lo + 1) + lo));
}

double Fsrs::InitDifficulty(int grade) const { return m_initDifficulty[static_cast<size_t>(grade)]; }

double Fsrs::RecallGrowth(Memory m, double r) const {
  // Evaluated left to right as ts-fsrs does, so the bits are the same.
  return m_expW8 * (11.0 - m.difficulty) * std::pow(m.stability, -m_p.w[9]) * (std::exp((1.0 - r) * m_p.w[10]) - 1.0);
}

Fsrs::Memory Fsrs::NextMemory(Memory m, double t, int g, double r, double recallGrowth) const {
  const auto& w = m_p.w;
  if (m.difficulty == 0.0 && m.stability == 0.0)
    return {Clamp(InitDifficulty(g), 1.0, 10.0), std::max(w[static_cast<size_t>(g - 1)], 0.1)};
  const double d = m.difficulty, s = m.stability;
  double next;
  if (t == 0.0 && m_p.shortTerm) {
    double sinc = std::pow(s, -w[19]) * m_shortTermGrowth[static_cast<size_t>(g)];
    double masked = g >= 2 ? std::max(sinc, 1.0) : sinc;
    next = Round8(Clamp(s * masked, kMinStability, kMaxStability));
  } else if (g == 1) {
    double afterFail =
        Round8(Clamp(w[11] * std::pow(d, -w[12]) * (std::pow(s + 1.0, w[13]) - 1.0) * std::exp((1.0 - r) * w[14]),
                     kMinStability, kMaxStability));
    next = Clamp(Round8(s / m_failDivisor), kMinStability, afterFail);
  } else {
    double hard = g == 2 ? w[15] : 1.0, easy = g == 4 ? w[16] : 1.0;
    next = Round8(Clamp(s * (1.0 + recallGrowth * hard * easy), kMinStability, kMaxStability));
  }
  double delta = -w[6] * (g - 3);
  double damped = d + Round8((delta * (10.0 - d)) / 9.0);
  double nextD = Clamp(Round8(w[7] * InitDifficulty(4) + (1.0 - w[7]) * damped), 1.0, 10.0);
  return {nextD, next};
}

struct Fsrs::Context {
  MemoryState last, current; // before the review; with the review counted
  TimeMs now;
  int elapsed;           // calendar days since the last review (0 for a new card)
  double fuzz;           // this review's fuzz, in [0, 1)
  double recall;         // R at `elapsed` days, for the memory formulas
  double retrievability; // R reported for the review (ts-fsrs's get_retrievability)
  double recallGrowth;   // shared by the ratings that recall
};

Fsrs::Context Fsrs::Begin(const MemoryState& last, TimeMs now, std::uint64_t fuzzSeed) const {
  Context c{last, last, now, 0, FuzzFactor(fuzzSeed), 0.0, 0.0, 0.0};
  if (last.state != CardState::New && last.lastReview != 0) c.elapsed = CalendarDaysBetween(last.lastReview, now);
  if (!m_p.shortTerm && last.state == CardState::New) c.current.scheduledDays = 0;
  c.current.lastReview = now;
  c.current.reps += 1;
  if (last.stability > 0) c.recall = ForgettingCurve(c.elapsed, last.stability);
  // The reported R counts whole 24-hour periods rather than calendar days; mostly the same.
  if (last.state != CardState::New) {
    const double days =
        std::max(std::floor(static_cast<double>(now - last.lastReview) / static_cast<double>(kDayMs)), 0.0);
    c.retrievability = days == c.elapsed && last.stability > 0 ? c.recall : ForgettingCurve(days, last.stability);
  }
  if (last.stability > 0 && last.difficulty > 0 && (c.elapsed > 0 || !m_p.shortTerm))
    c.recallGrowth = RecallGrowth({last.difficulty, last.stability}, c.recall);
  return c;
}

// One rating's outcome, as ts-fsrs's basic scheduler (with short-term steps) or long-term
// scheduler computes it. Intervals of the ratings depend on each other (Hard is never
// longer than Good, Good and Easy each at least a day longer than the one below), so a
// rating computes the intervals of the ratings below it as well.
ReviewOutcome Fsrs::Outcome(const Context& c, int g) const {
  const MemoryState& last = c.last;
  ReviewOutcome out{c.current, c.retrievability, c.elapsed};
  MemoryState& card = out.card;
  const Memory memory{last.difficulty, last.stability};
  auto memoryFor = [&](int grade) { return NextMemory(memory, c.elapsed, grade, c.recall, c.recallGrowth); };
  auto setDays = [&](int days) {
    card.state = CardState::Review;
    card.learningStep = 0;
    card.scheduledDays = days;
    card.due = c.now + days * kDayMs;
  };
  const Memory mine = memoryFor(g);
  card.difficulty = mine.difficulty;
  card.stability = mine.stability;

  if (!m_p.shortTerm) {
    // Long-term only: every rating goes straight to review, in days.
    const int elapsed = last.state == CardState::New ? 0 : c.elapsed;
    if (last.state == CardState::New) out.elapsedDays = 0;
    std::array<int, 4> days{};
    const int needed = std::max(g, 2);
    for (int k = 1; k <= needed; ++k)
      days[static_cast<size_t>(k - 1)] =
          NextInterval(k == g ? mine.stability : memoryFor(k).stability, elapsed, c.fuzz);
    days[0] = std::min(days[0], days[1]);
    days[1] = std::max(days[1], days[0] + 1);
    if (needed >= 3) days[2] = std::max(days[2], days[1] + 1);
    if (needed >= 4) days[3] = std::max(days[3], days[2] + 1);
    setDays(days[static_cast<size_t>(g - 1)]);
    if (g == 1 && last.state != CardState::New) card.lapses += 1;
    return out;
  }

  if (last.state == CardState::Review && g > 1) {
    int hard = NextInterval(g == 2 ? mine.stability : memoryFor(2).stability, c.elapsed, c.fuzz);
    int good = NextInterval(g == 3 ? mine.stability : memoryFor(3).stability, c.elapsed, c.fuzz);
    hard = std::min(hard, good);
    good = std::max(good, hard + 1);
    if (g == 2)
      setDays(hard);
    else if (g == 3)
      setDays(good);
    else
      setDays(std::max(NextInterval(mine.stability, c.elapsed, c.fuzz), good + 1));
    return out;
  }

  // Learning and relearning steps: the step this rating leads to, from the current step.
  const bool relearning = last.state == CardState::Relearning || last.state == CardState::Review;
  const std::vector<int>& steps = relearning ? m_p.relearningSteps : m_p.learningSteps;
  const int count = static_cast<int>(steps.size()), step = last.learningStep;
  Step next;
  if (count > 0 && step < count) {
    if (last.state == CardState::Review) {
      next = {static_cast<double>(steps[static_cast<size_t>(std::max(0, step))]), 0};
    } else if (g == 1) {
      next = {static_cast<double>(steps[0]), 0};
    } else if (g == 2) {
      next = {count == 1 ? JsRound(steps[0] * 1.5) : JsRound((steps[0] + steps[1]) / 2.0), step};
    } else if (g == 3 && step + 1 < count && steps[static_cast<size_t>(step + 1)] != 0) {
      next = {JsRound(steps[static_cast<size_t>(step + 1)]), step + 1};
    }
  }
  const CardState toState = last.state == CardState::Review ? CardState::Relearning
                            : last.state == CardState::New  ? CardState::Learning
                                                            : last.state;
  const double minutes = std::max(0.0, next.minutes);
  if (minutes > 0 && minutes < 1440) {
    card.learningStep = std::max(0, next.next);
    card.scheduledDays = 0;
    card.state = toState;
    card.due = c.now + static_cast<TimeMs>(JsRound(minutes)) * kMinuteMs;
  } else if (minutes >= 1440) {
    card.state = CardState::Review;
    card.learningStep = std::max(0, next.next);
    card.due = c.now + static_cast<TimeMs>(JsRound(minutes)) * kMinuteMs;
    card.scheduledDays = static_cast<int>(std::floor(minutes / 1440));
  } else {
    setDays(NextInterval(card.stability, c.elapsed, c.fuzz));
  }
  if (last.state == CardState::Review) card.lapses += 1; // Again on a review card: a lapse
  return out;
}

std::array<ReviewOutcome, 4> Fsrs::Preview(const MemoryState& card, TimeMs now, std::uint64_t fuzzSeed) const {
  const Context context = Begin(card, now, fuzzSeed);
  return {Outcome(context, 1), Outcome(context, 2), Outcome(context, 3), Outcome(context, 4)};
}

ReviewOutcome Fsrs::Review(const MemoryState& card, TimeMs now, Rating rating, std::uint64_t fuzzSeed) const {
  return Outcome(Begin(card, now, fuzzSeed), static_cast<int>(rating));
}

} // namespace factdeck::srs
