#include "core/srs/optimizer.h"

#include <cmath>
#include <map>
#include <numeric>
#include <unordered_map>

namespace factdeck::srs {

namespace {

constexpr double kMinStability = 0.001, kMaxStability = 36500.0;
constexpr double kMinDifficulty = 1.0, kMaxDifficulty = 10.0;
constexpr double kMaxInitialStability = 100.0;
constexpr double kMinProbability = 1e-7;

// How far each weight usually strays from its default, for the pull back towards the start.
constexpr std::array<double, 21> kWeightSpread{6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6,  0.12, 0.39, 0.18, 0.33,
                                               0.3,  0.09, 0.16,  0.57,  0.25, 1.03, 0.31, 0.32, 0.14, 0.27};

// [SECTION] Numbers with their derivative ----------------------------------------------------

// A value and its derivative with respect to each of the 21 weights (forward mode).
struct Dual {
  double v = 0.0;
  std::array<double, 21> d{};

  Dual() = default;
  Dual(double value) : v(value) {} // NOLINT: constants mix with duals
  static Dual Weight(double value, size_t i) {
    Dual x(value);
    x.d[i] = 1.0;
    return x;
  }
};

inline Dual operator+(const Dual& a, const Dual& b) {
  Dual r(a.v + b.v);
  for (size_t i = 0; i < 21; ++i)
    r.d[i] = a.d[i] + b.d[i];
  return r;
}
inline Dual operator-(const Dual& a, const Dual& b) {
  Dual r(a.v - b.v);
  for (size_t i = 0; i < 21; ++i)
    r.d[i] = a.d[i] - b.d[i];
  return r;
}
inline Dual operator*(const Dual& a, const Dual& b) {
  Dual r(a.v * b.v);
  for (size_t i = 0; i < 21; ++i)
    r.d[i] = a.d[i] * b.v + a.v * b.d[i];
  return r;
}
inline Dual operator/(const Dual& a, const Dual& b) {
  Dual r(a.v / b.v);
  const double inv = 1.0 / (b.v * b.v);
  for (size_t i = 0; i < 21; ++i)
    r.d[i] = (a.d[i] * b.v - a.v * b.d[i]) * inv;
  return r;
}
// f(a) with f'(a) given.
inline Dual Chain(const Dual& a, double value, double derivative) {
  Dual r(value);
  for (size_t i = 0; i < 21; ++i)
    r.d[i] = a.d[i] * derivative;
  return r;
}
inline Dual Exp(const Dual& a) {
  const double e = std::exp(a.v);
  return Chain(a, e, e);
}
inline Dual Log(const Dual& a) { return Chain(a, std::log(a.v), 1.0 / a.v); }
// a^b for a > 0: exp(b ln a).
inline Dual Pow(const Dual& a, const Dual& b) { return Exp(b * Log(a)); }
// Clamps as the reference's training does: the derivative passes on the bounds, and
// stops outside them.
inline Dual Clamp(const Dual& a, double low, double high) {
  if (a.v < low) return Dual(low);
  if (a.v > high) return Dual(high);
  return a;
}
inline const Dual& Min(const Dual& a, const Dual& b) { return b.v < a.v ? b : a; }
inline const Dual& Max(const Dual& a, const Dual& b) { return b.v > a.v ? b : a; }

inline float Exp(float a) { return std::exp(a); }
inline float Log(float a) { return std::log(a); }
inline float Pow(float a, float b) { return std::pow(a, b); }
inline float Clamp(float a, double low, double high) {
  return std::clamp(a, static_cast<float>(low), static_cast<float>(high));
}
inline float Min(float a, float b) { return std::min(a, b); }
inline float Max(float a, float b) { return std::max(a, b); }
inline double Value(const Dual& a) { return a.v; }
inline double Value(float a) { return a; }

// [SECTION] The model -----------------------------------------------------------------------

// FSRS-6 as the reference's model computes it (model.rs): T is float for evaluation, which
// the reference runs in single precision, and Dual for training.
template <typename T> struct Model {
  std::array<T, 21> w;
  T decay, factor;

  explicit Model(const std::array<T, 21>& weights) : w(weights) {
    decay = T(0.0f) - w[20];
    factor = Exp(Log(T(0.9f)) / decay) - T(1.0f);
  }

  T Curve(double elapsedDays, const T& stability) const {
    return Pow(T(static_cast<float>(elapsedDays)) / stability * factor + T(1.0f), decay);
  }
  T InitDifficulty(int rating) const { return w[4] - Exp(w[5] * T(static_cast<float>(rating - 1))) + T(1.0f); }

  struct State {
    T stability, difficulty;
  };
  State First(int rating) const {
    const int r = std::clamp(rating, 1, 4);
    return {Clamp(w[static_cast<size_t>(r - 1)], kMinStability, kMaxStability),
            Clamp(InitDifficulty(r), kMinDifficulty, kMaxDifficulty)};
  }

  State Step(const State& state, int deltaDays, int rating) const {
    const T lastS = Clamp(state.stability, kMinStability, kMaxStability);
    const T lastD = Clamp(state.difficulty, kMinDifficulty, kMaxDifficulty);
    const T one(1.0f);
    const T g(static_cast<float>(rating));
    T newS;
    if (deltaDays == 0) {
      const T sinc = Exp(w[17] * (g - T(3.0f) + w[18])) * Pow(lastS, T(0.0f) - w[19]);
      newS = lastS * (rating >= 2 ? Max(sinc, one) : sinc);
    } else {
      const T r = Curve(deltaDays, lastS);
      if (rating == 1) {
        const T fail = w[11] * Pow(lastD, T(0.0f) - w[12]) * (Pow(lastS + one, w[13]) - one) * Exp((one - r) * w[14]);
        newS = Min(fail, lastS / Exp(w[17] * w[18]));
      } else {
        const T hard = rating == 2 ? w[15] : one;
        const T easy = rating == 4 ? w[16] : one;
        newS = lastS * (Exp(w[8]) * (T(11.0f) - lastD) * Pow(lastS, T(0.0f) - w[9]) * (Exp((one - r) * w[10]) - one) *
                            hard * easy +
                        one);
      }
    }
    const T delta = T(0.0f) - w[6] * (g - T(3.0f));
    const T damped = lastD + (T(10.0f) - lastD) * delta / T(9.0f);
    const T reverted = w[7] * (InitDifficulty(4) - damped) + damped;
    return {Clamp(newS, kMinStability, kMaxStability), Clamp(reverted, kMinDifficulty, kMaxDifficulty)};
  }
};

// [SECTION] Items ---------------------------------------------------------------------------

// The recency weight of the item at `index` of `count` (dataset.rs): 0.25 for the oldest,
// 1 for the newest, growing with the cube of the position.
float RecencyWeight(size_t index, size_t count) {
  const float length = std::max(static_cast<float>(count) - 1.0f, 1.0f);
  const float x = static_cast<float>(index) / length;
  return 0.25f + 0.75f * (x * x * x);
}

TrainingReview FirstLongTerm(const TrainingItem& item) {
  for (const TrainingReview& r : item.reviews)
    if (r.deltaDays > 0) return r;
  return item.reviews.back();
}

// The reference's bins for RMSE: by the gap before the predicted review, the number of
// long-term reviews, and the lapses before it (dataset.rs r_matrix_index).
std::array<std::uint32_t, 3> Bin(const TrainingItem& item) {
  const double delta = item.reviews.back().deltaDays;
  const auto deltaBin = static_cast<std::uint32_t>(
      std::round(2.48 * std::pow(3.62, std::floor(std::log(delta) / std::log(3.62))) * 100.0));
  const double length = item.LongTermReviews() + 1.0;
  const auto lengthBin =
      static_cast<std::uint32_t>(std::round(1.99 * std::pow(1.89, std::floor(std::log(length) / std::log(1.89)))));
  int lapses = 0;
  for (size_t i = 0; i + 1 < item.reviews.size(); ++i)
    lapses += item.reviews[i].rating == 1 && item.reviews[i].deltaDays > 0;
  if (lapses == 0) return {deltaBin, lengthBin, 0};
  const auto lapseBin = static_cast<std::uint32_t>(
      std::round(1.65 * std::pow(1.73, std::floor(std::log(static_cast<double>(lapses)) / std::log(1.73)))));
  return {deltaBin, lengthBin, lapseBin};
}

// [SECTION] Outliers and the first stabilities -------------------------------------------------

// Which (first rating, gap before the first long-term review) pairs the reference drops as
// outliers, and the items it keeps for estimating the first stabilities (dataset.rs).
struct Outliers {
  std::array<std::vector<int>, 5> removed; // by first rating: the gaps dropped
  std::vector<size_t> keptForInitialization;
  bool Drops(const TrainingItem& item) const {
    const auto& gaps = removed[static_cast<size_t>(std::clamp(item.reviews.front().rating, 0, 4))];
    return std::find(gaps.begin(), gaps.end(), FirstLongTerm(item).deltaDays) != gaps.end();
  }
};

Outliers FindOutliers(const std::vector<TrainingItem>& items) {
  std::map<int, std::map<int, std::vector<size_t>>> groups; // first rating -> gap -> items
  for (size_t i = 0; i < items.size(); ++i)
    if (items[i].LongTermReviews() == 1)
      groups[items[i].reviews.front().rating][items[i].reviews.back().deltaDays].push_back(i);
  Outliers out;
  for (auto& [rating, byGap] : groups) {
    std::vector<std::pair<int, std::vector<size_t>>> sub(byGap.begin(), byGap.end());
    // Largest group first, then the longer gap; walked from the end: smallest groups first.
    std::sort(sub.begin(), sub.end(), [](const auto& a, const auto& b) {
      return a.second.size() != b.second.size() ? a.second.size() > b.second.size() : a.first > b.first;
    });
    size_t total = 0;
    for (const auto& s : sub)
      total += s.second.size();
    size_t removed = 0;
    for (auto it = sub.rbegin(); it != sub.rend(); ++it) {
      const auto& [gap, indices] = *it;
      if (removed + indices.size() >= std::max<size_t>(20, total / 20)) {
        if (indices.size() >= 6 && gap <= (rating != 4 ? 100 : 365))
          out.keptForInitialization.insert(out.keptForInitialization.end(), indices.begin(), indices.end());
        else
          out.removed[static_cast<size_t>(rating)].push_back(gap);
      } else {
        removed += indices.size();
        out.removed[static_cast<size_t>(rating)].push_back(gap);
      }
    }
  }
  return out;
}

// The first stability for each first rating (parameter_initialization.rs): the stability
// whose forgetting curve best fits the recall seen at each gap, by ternary search, with a
// pull towards the default; then made to grow with the rating and filled in where a rating
// was never given first.
struct FirstStabilities {
  std::map<int, double> byRating;
  std::map<int, std::uint32_t> counts;
};

FirstStabilities SearchFirstStabilities(const std::vector<TrainingItem>& items, float averageRecall) {
  std::map<int, std::map<int, std::pair<double, double>>> groups; // rating -> gap -> (recalled, count)
  for (const TrainingItem& item : items) {
    if (item.LongTermReviews() != 1) continue;
    const TrainingReview second = FirstLongTerm(item);
    auto& g = groups[item.reviews.front().rating][second.deltaDays];
    g.first += second.rating > 1 ? 1.0 : 0.0;
    g.second += 1.0;
  }
  FirstStabilities out;
  const double decay = -static_cast<double>(static_cast<float>(kDefaultWeights[20]));
  const double factor = std::pow(0.9, 1.0 / decay) - 1.0;
  for (const auto& [rating, byGap] : groups) {
    double count = 0;
    for (const auto& [gap, g] : byGap)
      count += g.second;
    out.counts[rating] = static_cast<std::uint32_t>(count);
    const double defaultS = static_cast<float>(kDefaultWeights[static_cast<size_t>(std::clamp(rating, 1, 4) - 1)]);
    auto loss = [&, &gaps = byGap](double s) { // a structured binding is captured by name (clang 14)
      double sum = 0.0;
      for (const auto& [gap, g] : gaps) {
        const double recall = ((g.first / g.second) * g.second + averageRecall) / (g.second + 1.0);
        const double y = std::pow(gap / s * factor + 1.0, decay);
        sum += -(recall * std::log(y) + (1.0 - recall) * std::log(1.0 - y)) * g.second;
      }
      return sum + std::fabs(s - defaultS) / 16.0;
    };
    double low = static_cast<float>(kMinStability), high = kMaxInitialStability, best = defaultS;
    for (int iteration = 0; high - low > 2.220446049250313e-16 && iteration < 1000; ++iteration) {
      const double m1 = low + (high - low) / 3.0, m2 = high - (high - low) / 3.0;
      if (loss(m1) < loss(m2))
        high = m2;
      else
        low = m1;
      best = (high + low) / 2.0;
    }
    out.byRating[rating] = static_cast<float>(best);
  }
  return out;
}

// Orders the first stabilities by rating and fills in the missing ones (smooth_and_fill).
std::optional<std::array<double, 4>> SmoothAndFill(std::map<int, double> s,
                                                   const std::map<int, std::uint32_t>& counts) {
  for (auto it = s.begin(); it != s.end();)
    it = counts.count(it->first) ? std::next(it) : s.erase(it);
  for (auto [small, big] : {std::pair{1, 2}, {2, 3}, {3, 4}, {1, 3}, {2, 4}, {1, 4}})
    if (s.count(small) && s.count(big) && s[small] > s[big]) {
      if (counts.at(small) > counts.at(big))
        s[big] = s[small];
      else
        s[small] = s[big];
    }
  const double w1 = 0.41, w2 = 0.54;
  std::array<std::optional<double>, 5> r{};
  for (const auto& [rating, v] : s)
    if (rating >= 1 && rating <= 4) r[static_cast<size_t>(rating)] = v;
  std::vector<double> init;
  auto flat = [&] {
    std::vector<double> v;
    for (size_t i = 1; i <= 4; ++i)
      if (r[i]) v.push_back(*r[i]);
    return v;
  };
  switch (s.size()) {
  case 0: return std::nullopt;
  case 1: {
    const auto& [rating, v] = *s.begin();
    const double f = v / static_cast<float>(kDefaultWeights[static_cast<size_t>(rating - 1)]);
    for (size_t i = 0; i < 4; ++i)
      init.push_back(static_cast<float>(kDefaultWeights[i]) * f);
    std::sort(init.begin(), init.end());
    break;
  }
  case 2: {
    auto P = [](double a, double b) { return std::pow(a, b); };
    if (!r[1] && !r[2] && r[3] && r[4]) {
      r[2] = P(*r[3], 1.0 / (1.0 - w2)) * P(*r[4], 1.0 - 1.0 / (1.0 - w2));
      r[1] = P(*r[2], 1.0 / w1) * P(*r[3], 1.0 - 1.0 / w1);
    } else if (!r[1] && r[2] && !r[3] && r[4]) {
      r[3] = P(*r[2], 1.0 - w2) * P(*r[4], w2);
      r[1] = P(*r[2], 1.0 / w1) * P(*r[3], 1.0 - 1.0 / w1);
    } else if (!r[1] && r[2] && r[3] && !r[4]) {
      r[4] = P(*r[2], 1.0 - 1.0 / w2) * P(*r[3], 1.0 / w2);
      r[1] = P(*r[2], 1.0 / w1) * P(*r[3], 1.0 - 1.0 / w1);
    } else if (r[1] && !r[2] && !r[3] && r[4]) {
      const double k = w1 / (w1 + w2 - w1 * w2), k2 = w2 / (w1 + w2 - w1 * w2);
      r[2] = P(*r[1], k) * P(*r[4], 1.0 - k);
      r[3] = P(*r[1], 1.0 - k2) * P(*r[4], k2);
    } else if (r[1] && !r[2] && r[3] && !r[4]) {
      r[2] = P(*r[1], w1) * P(*r[3], 1.0 - w1);
      r[4] = P(*r[2], 1.0 - 1.0 / w2) * P(*r[3], 1.0 / w2);
    } else if (r[1] && r[2] && !r[3] && !r[4]) {
      r[3] = P(*r[1], 1.0 - 1.0 / (1.0 - w1)) * P(*r[2], 1.0 / (1.0 - w1));
      r[4] = P(*r[2], 1.0 - 1.0 / w2) * P(*r[3], 1.0 / w2);
    }
    init = flat();
    break;
  }
  case 3: {
    auto P = [](double a, double b) { return std::pow(a, b); };
    if (!r[1] && r[2] && r[3])
      r[1] = P(*r[2], 1.0 / w1) * P(*r[3], 1.0 - 1.0 / w1);
    else if (r[1] && !r[2] && r[3])
      r[2] = P(*r[1], w1) * P(*r[3], 1.0 - w1);
    else if (r[2] && !r[3] && r[4])
      r[3] = P(*r[2], 1.0 - w2) * P(*r[4], w2);
    else if (r[2] && r[3] && !r[4])
      r[4] = P(*r[2], 1.0 - 1.0 / w2) * P(*r[3], 1.0 / w2);
    init = flat();
    break;
  }
  default: init = flat(); break;
  }
  if (init.size() < 4) return std::nullopt;
  std::array<double, 4> out{};
  for (size_t i = 0; i < 4; ++i)
    out[i] = std::clamp(static_cast<double>(static_cast<float>(init[i])), kMinStability, kMaxInitialStability);
  return out;
}

// [SECTION] Training ------------------------------------------------------------------------

// A card's reviews with, at each position, the weight of the item predicting it (0: none).
struct Sequence {
  std::vector<TrainingReview> reviews;
  std::vector<float> weights;
  size_t labels = 0;
};

// The summed weighted log loss of a batch and its gradient.
double BatchLossAndGradient(const std::vector<const Sequence*>& batch, const std::array<double, 21>& w,
                            std::array<double, 21>& gradient) {
  std::array<Dual, 21> dw;
  for (size_t i = 0; i < 21; ++i)
    dw[i] = Dual::Weight(w[i], i);
  const Model<Dual> model(dw);
  double loss = 0.0;
  for (const Sequence* s : batch) {
    auto state = model.First(s->reviews[0].rating);
    for (size_t i = 1; i < s->reviews.size(); ++i) {
      const TrainingReview& r = s->reviews[i];
      if (s->weights[i] > 0.0f) {
        const Dual p = model.Curve(r.deltaDays, state.stability);
        const double label = r.rating > 1 ? 1.0 : 0.0, weight = s->weights[i];
        const double clamped = std::clamp(p.v, kMinProbability, 1.0 - kMinProbability);
        loss += -(label * std::log(clamped) + (1.0 - label) * std::log(1.0 - clamped)) * weight;
        if (p.v > kMinProbability && p.v < 1.0 - kMinProbability) {
          const double dLoss = -weight * (label / clamped - (1.0 - label) / (1.0 - clamped));
          for (size_t k = 0; k < 21; ++k)
            gradient[k] += dLoss * p.d[k];
        }
      }
      state = model.Step(state, r.deltaDays, r.rating);
    }
  }
  return loss;
}

// The learning rate along a cosine from its start to 0 (cosine_annealing.rs).
class CosineAnnealing {
public:
  CosineAnnealing(double steps, double rate) : m_steps(steps), m_start(rate), m_rate(rate) {}
  double Next() {
    constexpr double kPi = 3.14159265358979323846;
    m_count += 1.0;
    if (m_count == 0.0) {
      m_rate = m_start;
    } else if (std::fmod(m_count - 1.0 - m_steps, 2.0 * m_steps) == 0.0) {
      m_rate = m_start * (1.0 - std::cos(kPi / m_steps)) / 2.0;
    } else {
      m_rate = (1.0 + std::cos(kPi * m_count / m_steps)) / (1.0 + std::cos(kPi * (m_count - 1.0) / m_steps)) * m_rate;
    }
    return m_rate;
  }

private:
  double m_steps, m_start, m_rate, m_count = -1.0;
};

std::uint64_t SplitMix(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

} // namespace

int TrainingItem::LongTermReviews() const {
  int n = 0;
  for (const TrainingReview& r : reviews)
    n += r.deltaDays > 0;
  return n;
}

std::array<double, 21> ClampTrainingWeights(std::array<double, 21> w, int relearningSteps, bool shortTerm) {
  auto ranges = WeightRanges(shortTerm);
  if (relearningSteps > 1) {
    // fsrs-rs's rule: w17 · w18 may not raise stability above what a lapse leaves.
    const double bound = -(std::log(w[11]) + std::log(std::pow(2.0, w[13]) - 1.0) + w[14] * 0.3) / relearningSteps;
    ranges[17].second = ranges[18].second = std::min(std::sqrt(std::max(bound, 0.01)), kW17W18Ceiling);
  }
  for (size_t i = 0; i < 21; ++i)
    w[i] = std::clamp(w[i], ranges[i].first, ranges[i].second);
  return w;
}

namespace detail {

std::vector<TrainingItem> ItemsFromSortedLog(const std::vector<LoggedReview>& log,
                                             const std::vector<std::int64_t>& days) {
  std::vector<std::pair<TimeMs, TrainingItem>> timed;
  for (size_t begin = 0; begin < log.size();) {
    size_t end = begin;
    while (end < log.size() && log[end].card == log[begin].card)
      ++end;
    // The entries that count: no cram, no manual or rescheduling entries, a rating.
    std::vector<size_t> kept;
    for (size_t i = begin; i < end; ++i)
      if (log[i].kind != LoggedReviewKind::Filtered && log[i].kind != LoggedReviewKind::Manual && log[i].rating >= 1 &&
          log[i].rating <= 4)
        kept.push_back(i);
    // From the start of the last block of learning reviews.
    std::optional<size_t> start;
    for (size_t k = 0; k < kept.size(); ++k)
      if (log[kept[k]].kind == LoggedReviewKind::Learning &&
          (k == 0 || log[kept[k - 1]].kind != LoggedReviewKind::Learning))
        start = k;
    if (start) {
      TrainingItem item;
      item.card = log[begin].card;
      for (size_t k = *start; k < kept.size(); ++k) {
        const size_t i = kept[k];
        const int gap = k == *start ? 0 : static_cast<int>(std::max<std::int64_t>(0, days[i] - days[kept[k - 1]]));
        item.reviews.push_back({log[i].rating, gap});
        if (k > *start && gap > 0) timed.emplace_back(log[i].time, item);
      }
    }
    begin = end;
  }
  std::stable_sort(timed.begin(), timed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<TrainingItem> items;
  items.reserve(timed.size());
  for (auto& [time, item] : timed)
    items.push_back(std::move(item));
  return items;
}

} // namespace detail

double TrainingLoss(const std::vector<TrainingItem>& items, const std::array<double, 21>& weights,
                    std::array<double, 21>* gradient) {
  std::vector<Sequence> sequences;
  for (size_t n = 0; n < items.size(); ++n) {
    Sequence s;
    s.reviews = items[n].reviews;
    s.weights.assign(s.reviews.size(), 0.0f);
    s.weights.back() = RecencyWeight(n, items.size());
    s.labels = 1;
    sequences.push_back(std::move(s));
  }
  std::vector<const Sequence*> batch;
  for (const Sequence& s : sequences)
    batch.push_back(&s);
  std::array<double, 21> g{};
  const double loss = BatchLossAndGradient(batch, weights, g);
  if (gradient != nullptr) *gradient = g;
  return loss;
}

std::vector<TrainingItem> ReferencePreparedItems(const std::vector<TrainingItem>& items) {
  const Outliers outliers = FindOutliers(items);
  std::vector<TrainingItem> out;
  for (size_t i : outliers.keptForInitialization)
    out.push_back(items[i]);
  for (const TrainingItem& item : items)
    if (item.LongTermReviews() != 1 && !outliers.Drops(item)) out.push_back(item);
  return out;
}

std::optional<Evaluation> Evaluate(const std::vector<TrainingItem>& items, const std::array<double, 21>& weights,
                                   bool recencyWeighted) {
  if (items.empty()) return std::nullopt;
  const std::array<double, 21> clamped = ClampTrainingWeights(weights, 1, false);
  std::array<float, 21> wf{};
  for (size_t i = 0; i < 21; ++i)
    wf[i] = static_cast<float>(clamped[i]);
  const Model<float> model(wf);
  struct BinSum {
    float predicted = 0, actual = 0, count = 0, weight = 0;
  };
  std::map<std::array<std::uint32_t, 3>, BinSum> bins;
  float loss = 0.0f, weightSum = 0.0f;
  for (size_t n = 0; n < items.size(); ++n) {
    const TrainingItem& item = items[n];
    if (item.reviews.size() < 2) return std::nullopt;
    auto state = model.First(item.reviews[0].rating);
    for (size_t i = 1; i + 1 < item.reviews.size(); ++i)
      state = model.Step(state, item.reviews[i].deltaDays, item.reviews[i].rating);
    const float p = model.Curve(item.reviews.back().deltaDays, state.stability);
    if (!std::isfinite(p)) return std::nullopt;
    const float y = item.reviews.back().rating > 1 ? 1.0f : 0.0f;
    const float weight = recencyWeighted ? RecencyWeight(n, items.size()) : 1.0f;
    BinSum& b = bins[Bin(item)];
    b.predicted += p;
    b.actual += y;
    b.count += 1.0f;
    b.weight += weight;
    loss += (y * std::log(p) + (1.0f - y) * std::log(1.0f - p)) * weight;
    weightSum += weight;
  }
  float squares = 0.0f, binWeights = 0.0f;
  for (const auto& [key, b] : bins) {
    const float difference = b.predicted / b.count - b.actual / b.count;
    squares += difference * difference * b.weight;
    binWeights += b.weight;
  }
  Evaluation e;
  e.logLoss = -loss / weightSum;
  e.rmseBins = std::sqrt(squares / binWeights);
  e.items = items.size();
  if (!std::isfinite(e.logLoss) || !std::isfinite(e.rmseBins)) return std::nullopt;
  return e;
}

// The sequences to train on, and in `trainItems` how many items they carry.
static std::vector<Sequence> ShareReplays(const std::vector<TrainingItem>& train, int maxSequenceLength,
                                          size_t& trainItems) {
  // Items whose reviews begin another item's share its replay: the model's prediction after
  // a history depends on nothing else. So each sequence is the longest of the items that are
  // its prefixes (all the items of one card, and any card whose history is the same so far),
  // and every item adds its weight at the position it predicts.
  std::vector<size_t> byLength(train.size());
  std::iota(byLength.begin(), byLength.end(), size_t{0});
  std::stable_sort(byLength.begin(), byLength.end(),
                   [&](size_t a, size_t b) { return train[a].reviews.size() > train[b].reviews.size(); });
  auto mix = [](std::uint64_t h, const TrainingReview& r) {
    std::uint64_t x = h ^ (static_cast<std::uint64_t>(r.rating) << 32 | static_cast<std::uint32_t>(r.deltaDays));
    x *= 0x9E3779B97F4A7C15ull;
    return x ^ (x >> 29);
  };
  std::vector<Sequence> sequences;
  std::unordered_map<std::uint64_t, size_t> prefixes; // hash of a prefix -> a sequence that has it
  for (size_t n : byLength) {
    const TrainingItem& item = train[n];
    if (static_cast<int>(item.reviews.size()) > maxSequenceLength) continue;
    std::uint64_t h = 0;
    for (const TrainingReview& r : item.reviews)
      h = mix(h, r);
    size_t at = sequences.size();
    if (auto found = prefixes.find(h); found != prefixes.end()) {
      const auto& longer = sequences[found->second].reviews;
      if (std::equal(item.reviews.begin(), item.reviews.end(), longer.begin(),
                     [](const auto& a, const auto& b) { return a.rating == b.rating && a.deltaDays == b.deltaDays; }))
        at = found->second;
    }
    if (at == sequences.size()) {
      Sequence s;
      s.reviews = item.reviews;
      s.weights.assign(item.reviews.size(), 0.0f);
      std::uint64_t p = 0;
      for (const TrainingReview& r : item.reviews)
        prefixes.emplace(p = mix(p, r), at);
      sequences.push_back(std::move(s));
    }
    Sequence& s = sequences[at];
    s.weights[item.reviews.size() - 1] += RecencyWeight(n, train.size());
    ++s.labels;
    ++trainItems;
  }
  return sequences;
}

OptimizerResult Optimize(const std::vector<TrainingItem>& all, const OptimizerOptions& options) {
  OptimizerResult result;
  for (const TrainingItem& item : all)
    if (item.reviews.size() < 2 || item.reviews.back().deltaDays <= 0 ||
        std::any_of(item.reviews.begin(), item.reviews.end(),
                    [](const TrainingReview& r) { return r.rating < 1 || r.rating > 4 || r.deltaDays < 0; })) {
      result.error = "a training item is malformed: ratings must be 1 to 4, and the last review a day or more later";
      return result;
    }
  // The outlier filter, and the items the first stabilities are estimated from.
  const Outliers outliers = FindOutliers(all);
  std::vector<TrainingItem> initialization;
  for (size_t i : outliers.keptForInitialization)
    initialization.push_back(all[i]);
  std::vector<TrainingItem> train;
  for (const TrainingItem& item : all)
    if (!outliers.Drops(item)) train.push_back(item);
  result.items = train.size();
  if (train.size() < options.minimumItems) {
    result.neededMore = options.minimumItems - train.size();
    result.error = "not enough review history: " + std::to_string(train.size()) + " reviews can be learned from, " +
                   std::to_string(options.minimumItems) + " are needed (" + std::to_string(result.neededMore) +
                   " more: reviews a day or more after the one before)";
    return result;
  }
  size_t recalled = 0;
  for (const TrainingItem& item : train)
    recalled += item.reviews.back().rating > 1;
  const float averageRecall = static_cast<float>(recalled) / static_cast<float>(train.size());
  const FirstStabilities first = SearchFirstStabilities(initialization, averageRecall);
  const auto firstStabilities = SmoothAndFill(first.byRating, first.counts);
  if (!firstStabilities) {
    result.error = "not enough review history: no card has been reviewed once a day or more after it was learned";
    return result;
  }
  std::array<double, 21> start{};
  for (size_t i = 0; i < 21; ++i)
    start[i] = i < 4 ? (*firstStabilities)[i] : static_cast<double>(static_cast<float>(kDefaultWeights[i]));
  if (!options.shortTerm) start[17] = start[18] = start[19] = 0.0;
  // With every item its card's first long-term review, there is nothing beyond the first
  // stabilities to learn (the reference stops here too).
  if (train.size() == initialization.size()) {
    result.weights = start;
    return result;
  }

  size_t trainItems = 0;
  const std::vector<Sequence> sequences = ShareReplays(train, options.maxSequenceLength, trainItems);
  for (const Sequence& s : sequences)
    result.reviews += s.reviews.size();
  // Batches of whole cards, each epoch in a new random order, of at most batchSize
  // predictions each. (The reference sorts its batches by length, which saves padding in
  // tensors; here there is none, and mixed batches converge faster.)
  const size_t steps = (trainItems / static_cast<size_t>(options.batchSize) + 1) * static_cast<size_t>(options.epochs);
  CosineAnnealing rate(static_cast<double>(steps), options.learningRate);
  std::array<double, 21> w = start, m{}, v{};
  int t = 0;
  std::uint64_t random = options.seed;
  std::vector<size_t> order(sequences.size());
  std::vector<const Sequence*> batch;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::iota(order.begin(), order.end(), size_t{0});
    for (size_t i = order.size(); i > 1; --i)
      std::swap(order[i - 1], order[SplitMix(random) % i]);
    for (size_t next = 0; next < order.size();) {
      batch.clear();
      size_t labels = 0;
      while (next < order.size() &&
             (batch.empty() || labels + sequences[order[next]].labels <= static_cast<size_t>(options.batchSize))) {
        batch.push_back(&sequences[order[next]]);
        labels += sequences[order[next]].labels;
        ++next;
      }
      const double lr = rate.Next();
      std::array<double, 21> gradient{};
      BatchLossAndGradient(batch, w, gradient);
      const double scale = options.gamma * static_cast<double>(labels) / static_cast<double>(trainItems);
      for (size_t i = 0; i < 21; ++i)
        gradient[i] += 2.0 * (w[i] - start[i]) / (kWeightSpread[i] * kWeightSpread[i]) * scale;
      if (!options.shortTerm) {
        for (size_t i = 0; i < 4; ++i)
          gradient[i] = 0.0;
        for (size_t i = 17; i < 20; ++i)
          gradient[i] = 0.0;
      }
      // Adam.
      ++t;
      const double bias1 = 1.0 - std::pow(0.9, t), bias2 = 1.0 - std::pow(0.999, t);
      for (size_t i = 0; i < 21; ++i) {
        m[i] = 0.9 * m[i] + 0.1 * gradient[i];
        v[i] = 0.999 * v[i] + 0.001 * gradient[i] * gradient[i];
        w[i] -= lr * (m[i] / bias1) / (std::sqrt(v[i] / bias2) + 1e-8);
      }
      w = ClampTrainingWeights(w, options.relearningSteps, options.shortTerm);
    }
  }
  for (double x : w)
    if (!std::isfinite(x)) {
      result.error = "the fit did not converge (a weight is not a number)";
      return result;
    }
  // The first stabilities in rating order again, as after pre-training.
  std::map<int, double> fitted;
  for (int r = 1; r <= 4; ++r)
    fitted[r] = w[static_cast<size_t>(r - 1)];
  if (const auto smoothed = SmoothAndFill(fitted, first.counts))
    for (size_t i = 0; i < 4; ++i)
      w[i] = (*smoothed)[i];
  result.weights = w;
  return result;
}

FitReport FitAndEvaluate(const std::vector<TrainingItem>& items, const OptimizerOptions& options) {
  FitReport report;
  report.fit = Optimize(items, options);
  if (!report.fit.Ok()) return report;
  report.defaults = Evaluate(items, kDefaultWeights);
  report.fitted = Evaluate(items, report.fit.weights);
  const size_t cut = items.size() * 8 / 10;
  const std::vector<TrainingItem> first(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(cut));
  const std::vector<TrainingItem> last(items.begin() + static_cast<std::ptrdiff_t>(cut), items.end());
  const OptimizerResult early = Optimize(first, options);
  if (early.Ok() && !last.empty()) {
    report.heldOutDefaults = Evaluate(last, kDefaultWeights, false);
    report.heldOutFitted = Evaluate(last, early.weights, false);
  }
  return report;
}

} // namespace factdeck::srs
