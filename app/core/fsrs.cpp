#include "fsrs.h"

#include <algorithm>
#include <cmath>

namespace factdeck::srs {

namespace {

constexpr double kMinStability = 0.001;
constexpr double kMaxStability = 36500.0;

double Clamp(double value, double lo, double hi) {
  return std::min(std::max(value, lo), hi);
}

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

double Round8(double value) {
  return JsRound(value * 100000000.0) / 100000000.0;
}

int CalendarDaysBetween(TimeMs earlier, TimeMs later) {
  auto day = [](TimeMs t) { return t >= 0 ? t / kDayMs : -((-t + kDayMs - 1) / kDayMs); };
  return static_cast<int>(day(later) - day(earlier));
}

std::array<double, 21> ClipWeights(const std::array<double, 21>& w, size_t relearningSteps, bool shortTerm) {
  constexpr double kW17W18Ceiling = 2.0;
  std::array<std::pair<double, double>, 21> bounds{{
      {kMinStability, 100.0}, {kMinStability, 100.0}, {kMinStability, 100.0}, {kMinStability, 100.0},
      {1.0, 10.0}, {0.001, 4.0}, {0.001, 4.0}, {0.001, 0.75}, {0.0, 4.5}, {0.0, 0.8}, {0.001, 3.5},
      {0.001, 5.0}, {0.001, 0.25}, {0.001, 0.9}, {0.0, 4.0}, {0.0, 1.0}, {1.0, 6.0},
      {0.0, kW17W18Ceiling}, {0.0, kW17W18Ceiling}, {shortTerm ? 0.01 : 0.0, 0.8}, {0.1, 0.8}}};
  if (relearningSteps > 1) {
    // Several relearning steps must not raise stability above what a lapse leaves.
    double w11 = Clamp(w[11], bounds[11].first, bounds[11].second);
    double w13 = Clamp(w[13], bounds[13].first, bounds[13].second);
    double w14 = Clamp(w[14], bounds[14].first, bounds[14].second);
    double value = -(std::log(w11) + std::log(std::pow(2.0, w13) - 1.0) + w14 * 0.3) / static_cast<double>(relearningSteps);
    double ceiling = Clamp(Round8(std::sqrt(std::max(value, 0.0))), 0.01, kW17W18Ceiling);
    bounds[17].second = bounds[18].second = ceiling;
  }
  std::array<double, 21> clipped{};
  for (size_t i = 0; i < w.size(); ++i) clipped[i] = Clamp(std::isfinite(w[i]) ? w[i] : 0.0, bounds[i].first, bounds[i].second);
  return clipped;
}

Fsrs::Fsrs(FsrsParameters parameters) : m_p(std::move(parameters)) {
  m_p.w = ClipWeights(m_p.w, m_p.relearningSteps.size(), m_p.shortTerm);
  m_p.retention = Clamp(m_p.retention, 0.01, 0.99999);
  m_p.maximumInterval = std::max(1, m_p.maximumInterval);
  m_decay = -m_p.w[20];
  m_factor = Round8(std::exp(std::pow(m_decay, -1.0) * std::log(0.9)) - 1.0);
  m_intervalModifier = Round8((std::pow(m_p.retention, 1.0 / m_decay) - 1.0) / m_factor);
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
  for (const Range& r : kRanges) delta += r.factor * std::max(std::min(static_cast<double>(interval), r.end) - r.start, 0.0);
  double ivl = std::min(interval, m_p.maximumInterval);
  int lo = static_cast<int>(std::max(2.0, JsRound(ivl - delta)));
  int hi = static_cast<int>(std::min(JsRound(ivl + delta), static_cast<double>(m_p.maximumInterval)));
  if (ivl > elapsedDays) lo = std::max(lo, elapsedDays + 1);
  lo = std::min(lo, hi);
  return {lo, hi};
}

int Fsrs::NextInterval(double stability, int elapsedDays, double fuzzFactor) const {
  double ivl = std::min(std::max(1.0, JsRound(stability * m_intervalModifier)), static_cast<double>(m_p.maximumInterval));
  if (!m_p.fuzz || ivl < 2.5) return static_cast<int>(ivl);
  auto [lo, hi] = FuzzRange(static_cast<int>(ivl), elapsedDays);
  return static_cast<int>(std::floor(fuzzFactor * (hi - lo + 1) + lo));
}

double Fsrs::InitDifficulty(int grade) const {
  return Round8(m_p.w[4] - std::exp((grade - 1) * m_p.w[5]) + 1.0);
}

Fsrs::Memory Fsrs::NextMemory(Memory m, double t, int g) const {
  return NextMemory(m, t, g, m.stability > 0 ? ForgettingCurve(t, m.stability) : 0.0);
}

Fsrs::Memory Fsrs::NextMemory(Memory m, double t, int g, double r) const {
  const auto& w = m_p.w;
  if (m.difficulty == 0.0 && m.stability == 0.0)
    return {Clamp(InitDifficulty(g), 1.0, 10.0), std::max(w[static_cast<size_t>(g - 1)], 0.1)};
  const double d = m.difficulty, s = m.stability;
  double next;
  if (t == 0.0 && m_p.shortTerm) {
    double sinc = std::pow(s, -w[19]) * std::exp(w[17] * (g - 3 + w[18]));
    double masked = g >= 2 ? std::max(sinc, 1.0) : sinc;
    next = Round8(Clamp(s * masked, kMinStability, kMaxStability));
  } else if (g == 1) {
    double afterFail = Round8(Clamp(w[11] * std::pow(d, -w[12]) * (std::pow(s + 1.0, w[13]) - 1.0) *
                                        std::exp((1.0 - r) * w[14]),
                                    kMinStability, kMaxStability));
    double w17 = m_p.shortTerm ? w[17] : 0.0, w18 = m_p.shortTerm ? w[18] : 0.0;
    next = Clamp(Round8(s / std::exp(w17 * w18)), kMinStability, afterFail);
  } else {
    double hard = g == 2 ? w[15] : 1.0, easy = g == 4 ? w[16] : 1.0;
    next = Round8(Clamp(s * (1.0 + std::exp(w[8]) * (11.0 - d) * std::pow(s, -w[9]) *
                                       (std::exp((1.0 - r) * w[10]) - 1.0) * hard * easy),
                        kMinStability, kMaxStability));
  }
  double delta = -w[6] * (g - 3);
  double damped = d + Round8((delta * (10.0 - d)) / 9.0);
  double nextD = Clamp(Round8(w[7] * InitDifficulty(4) + (1.0 - w[7]) * damped), 1.0, 10.0);
  return {nextD, next};
}

std::array<ReviewOutcome, 4> Fsrs::Preview(const MemoryState& last, TimeMs now, std::uint64_t fuzzSeed) const {
  const double fuzz = FuzzFactor(fuzzSeed);
  MemoryState current = last;
  int elapsed = last.state != CardState::New && last.lastReview != 0 ? CalendarDaysBetween(last.lastReview, now) : 0;
  current.lastReview = now;
  current.reps += 1;
  const double retrievability = Retrievability(last, now);
  const Memory memory{current.difficulty, current.stability};

  std::array<ReviewOutcome, 4> out;
  for (int g = 1; g <= 4; ++g) {
    out[g - 1].card = current;
    out[g - 1].retrievability = retrievability;
    out[g - 1].elapsedDays = elapsed;
  }
  auto setMemory = [&](int g, double t, bool withR) {
    Memory next = withR ? NextMemory(memory, t, g, ForgettingCurve(t, memory.stability)) : NextMemory(memory, t, g);
    out[g - 1].card.difficulty = next.difficulty;
    out[g - 1].card.stability = next.stability;
  };
  auto setDays = [&](int g, int days) {
    MemoryState& card = out[g - 1].card;
    card.state = CardState::Review;
    card.learningStep = 0;
    card.scheduledDays = days;
    card.due = now + days * kDayMs;
  };

  if (!m_p.shortTerm) {
    // Long-term only: every rating goes straight to review, in days.
    if (last.state == CardState::New) {
      elapsed = 0;
      for (auto& o : out) o.card.scheduledDays = 0, o.elapsedDays = 0;
    }
    for (int g = 1; g <= 4; ++g) setMemory(g, elapsed, last.state != CardState::New);
    std::array<int, 4> days;
    for (int g = 1; g <= 4; ++g) days[g - 1] = NextInterval(out[g - 1].card.stability, elapsed, fuzz);
    days[0] = std::min(days[0], days[1]);
    days[1] = std::max(days[1], days[0] + 1);
    days[2] = std::max(days[2], days[1] + 1);
    days[3] = std::max(days[3], days[2] + 1);
    for (int g = 1; g <= 4; ++g) setDays(g, days[g - 1]);
    if (last.state != CardState::New) out[0].card.lapses += 1;
    return out;
  }

  // The learning step a rating leads to, from the card's current state and step.
  auto stepFor = [&](int g) -> Step {
    const bool relearning = last.state == CardState::Relearning || last.state == CardState::Review;
    const std::vector<int>& steps = relearning ? m_p.relearningSteps : m_p.learningSteps;
    const int count = static_cast<int>(steps.size());
    const int step = last.learningStep;
    if (count == 0 || step >= count) return {};
    if (last.state == CardState::Review) return g == 1 ? Step{static_cast<double>(steps[static_cast<size_t>(std::max(0, step))]), 0} : Step{};
    switch (g) {
    case 1: return {static_cast<double>(steps[0]), 0};
    case 2:
      return {count == 1 ? JsRound(steps[0] * 1.5) : JsRound((steps[0] + steps[1]) / 2.0), step};
    case 3:
      if (step + 1 < count && steps[static_cast<size_t>(step + 1)] != 0)
        return {JsRound(steps[static_cast<size_t>(step + 1)]), step + 1};
      return {};
    default: return {};
    }
  };
  auto applySteps = [&](int g, CardState toState) {
    Step s = stepFor(g);
    double minutes = std::max(0.0, s.minutes);
    MemoryState& card = out[g - 1].card;
    if (minutes > 0 && minutes < 1440) {
      card.learningStep = std::max(0, s.next);
      card.scheduledDays = 0;
      card.state = toState;
      card.due = now + static_cast<TimeMs>(JsRound(minutes)) * kMinuteMs;
    } else if (minutes >= 1440) {
      card.state = CardState::Review;
      card.learningStep = std::max(0, s.next);
      card.due = now + static_cast<TimeMs>(JsRound(minutes)) * kMinuteMs;
      card.scheduledDays = static_cast<int>(std::floor(minutes / 1440));
    } else {
      setDays(g, NextInterval(card.stability, elapsed, fuzz));
    }
  };

  switch (last.state) {
  case CardState::New:
  case CardState::Learning:
  case CardState::Relearning:
    for (int g = 1; g <= 4; ++g) {
      setMemory(g, elapsed, false);
      applySteps(g, last.state == CardState::New ? CardState::Learning : last.state);
    }
    break;
  case CardState::Review: {
    for (int g = 1; g <= 4; ++g) setMemory(g, elapsed, true);
    int hard = NextInterval(out[1].card.stability, elapsed, fuzz);
    int good = NextInterval(out[2].card.stability, elapsed, fuzz);
    hard = std::min(hard, good);
    good = std::max(good, hard + 1);
    int easy = std::max(NextInterval(out[3].card.stability, elapsed, fuzz), good + 1);
    setDays(2, hard);
    setDays(3, good);
    setDays(4, easy);
    applySteps(1, CardState::Relearning);
    out[0].card.lapses += 1;
    break;
  }
  }
  return out;
}

ReviewOutcome Fsrs::Review(const MemoryState& card, TimeMs now, Rating rating, std::uint64_t fuzzSeed) const {
  return Preview(card, now, fuzzSeed)[static_cast<size_t>(rating) - 1];
}

} // namespace factdeck::srs
