// FSRS-6, the spaced-repetition scheduler, computed as the reference implementation
// ts-fsrs 5.x computes it: same formulas, same rounding of intermediate values to 8
// decimals, same learning and relearning steps, same order rules between the four ratings'
// intervals. tests/core/fsrs_test.cpp replays histories written by ts-fsrs itself.
//
// Nothing here reads a clock: every call takes the review time, and fuzz takes a seed.
// Times are milliseconds since 1970-01-01 UTC; days are UTC calendar days, as in ts-fsrs.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace factdeck::srs {

using TimeMs = std::int64_t;
inline constexpr TimeMs kMinuteMs = 60'000;
inline constexpr TimeMs kDayMs = 86'400'000;

enum class Rating { Again = 1, Hard = 2, Good = 3, Easy = 4 };
enum class CardState { New = 0, Learning = 1, Review = 2, Relearning = 3 };

const char* CardStateName(CardState state); // "new", "learning", "review", "relearning"

inline constexpr std::array<double, 21> kDefaultWeights{0.212,  1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194,
                                                        0.001,  1.8722, 0.1666, 0.796,  1.4835, 0.0614, 0.2629,
                                                        1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542};

struct FsrsParameters {
  std::array<double, 21> w = kDefaultWeights;
  double retention = 0.9;                // desired probability of recall at the due time
  int maximumInterval = 36500;           // days
  bool fuzz = false;                     // spread review days a little, so cards learned together part
  bool shortTerm = true;                 // same-day reviews change stability; steps are used
  std::vector<int> learningSteps{1, 10}; // minutes, for new cards
  std::vector<int> relearningSteps{10};  // minutes, after a lapse
};

// One card's memory, as the scheduler keeps it between reviews.
struct MemoryState {
  CardState state = CardState::New;
  double stability = 0.0;  // days until recall probability falls to 90 %
  double difficulty = 0.0; // 1..10
  TimeMs due = 0;
  TimeMs lastReview = 0; // 0: never reviewed
  int scheduledDays = 0;
  int learningStep = 0; // index into the learning or relearning steps
  int reps = 0;
  int lapses = 0;
};

// The result of one review.
struct ReviewOutcome {
  MemoryState card;
  double retrievability = 0.0; // of the card at the review time, before it (0 for a new card)
  int elapsedDays = 0;         // calendar days since the previous review
};

class Fsrs {
public:
  explicit Fsrs(FsrsParameters parameters = {});

  const FsrsParameters& Parameters() const { return m_p; }

  // Reviews `card` at `now` with `rating`. `fuzzSeed` picks the fuzz (when enabled): the
  // same card, review and seed always give the same interval.
  ReviewOutcome Review(const MemoryState& card, TimeMs now, Rating rating, std::uint64_t fuzzSeed = 0) const;

  // The outcomes of all four ratings (index 0 = Again), e.g. to show each button's interval.
  std::array<ReviewOutcome, 4> Preview(const MemoryState& card, TimeMs now, std::uint64_t fuzzSeed = 0) const;

  // Probability of recall at `now` (0 for a new card), as ts-fsrs's get_retrievability.
  double Retrievability(const MemoryState& card, TimeMs now) const;

  // The power forgetting curve R(t, S), rounded as ts-fsrs rounds it.
  double ForgettingCurve(double elapsedDays, double stability) const;

  // The days a fuzzed interval of `interval` days may take (both ends included).
  std::pair<int, int> FuzzRange(int interval, int elapsedDays) const;

  double IntervalModifier() const { return m_intervalModifier; }

private:
  struct Memory {
    double difficulty, stability;
  };
  struct Context; // one review in progress
  // `recallGrowth` is the part of the recall-stability formula every rating shares.
  Memory NextMemory(Memory memory, double elapsedDays, int grade, double retrievability, double recallGrowth) const;
  double RecallGrowth(Memory memory, double retrievability) const;
  double InitDifficulty(int grade) const;
  int NextInterval(double stability, int elapsedDays, double fuzzFactor) const;
  Context Begin(const MemoryState& card, TimeMs now, std::uint64_t fuzzSeed) const;
  ReviewOutcome Outcome(const Context& context, int grade) const;

  FsrsParameters m_p;
  double m_decay = 0.0, m_factor = 0.0, m_intervalModifier = 0.0;
  // Values the formulas use on every review, computed once.
  double m_expW8 = 0.0, m_failDivisor = 1.0;
  std::array<double, 5> m_initDifficulty{}, m_shortTermGrowth{}; // by grade
};

// The range each weight may take (the same in ts-fsrs and fsrs-rs), with w17 and w18 up to
// kW17W18Ceiling; with several relearning steps each lowers that ceiling by its own rule.
inline constexpr double kW17W18Ceiling = 2.0;
std::array<std::pair<double, double>, 21> WeightRanges(bool shortTerm);

// Clamps the weights to the ranges ts-fsrs allows (its clipParameters).
std::array<double, 21> ClipWeights(const std::array<double, 21>& w, size_t relearningSteps, bool shortTerm);

// Calendar days between two times, by UTC date (ts-fsrs's dateDiffInDays).
int CalendarDaysBetween(TimeMs earlier, TimeMs later);

// JavaScript's Math.round, which rounds halves up: Math.round(-2.5) == -2.
double JsRound(double value);
// ts-fsrs's roundTo(value, 8).
double Round8(double value);

} // namespace factdeck::srs
