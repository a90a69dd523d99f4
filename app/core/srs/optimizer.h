// Fitting FSRS-6's 21 weights to one learner's review history, and judging weights on it.
//
// The training items, the loss, the pre-training of the initial stabilities, the outlier
// filter, the recency weighting, the parameter clamps and the mini-batch Adam schedule
// follow the reference optimizer (fsrs-rs 6.x, which Anki uses); docs/scheduling.md
// describes each rule. Gradients are exact: the model is run on numbers that carry their
// derivative with respect to every weight (forward mode). Evaluation runs the model in
// single precision, as the reference does, so its figures match the reference's.
//
// Everything here is deterministic: the same items and options give the same weights.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/srs/fsrs.h"

namespace factdeck::srs {

// One review of a training item: its rating (1-4) and the learner's days since the review
// before it (0 for the first review, and for a review on the same day as the one before).
struct TrainingReview {
  int rating = 3;
  int deltaDays = 0;
};

// A card's reviews up to and including the one to predict (the last), as the reference's
// FSRSItem. `card` says which card it is (-1: unknown); fitting needs only the reviews.
struct TrainingItem {
  std::vector<TrainingReview> reviews;
  std::int64_t card = -1;
  // Reviews with a gap of more than a day ("long-term" reviews).
  int LongTermReviews() const;
};

// One entry of a review log, as the store or an Anki export keeps it.
enum class LoggedReviewKind { Learning, Review, Relearning, Filtered, Manual };
struct LoggedReview {
  std::int64_t card = 0;
  TimeMs time = 0;
  int rating = 3; // 1-4; 0 (a manual entry without a rating) is left out
  LoggedReviewKind kind = LoggedReviewKind::Review;
};

// Training items from a review log, as Anki builds them for FSRS: per card in time order,
// entries of filtered (cram) decks and manual or rescheduling entries left out; the
// history starts at the last block of learning reviews (a card without one is left out);
// day gaps counted in the learner's days (`dayOf`, e.g. StudyDay::DayOf); one item per
// review after the first whose gap is over 0, the same-day reviews before it kept with gap
// 0. Items are in the order of their last review's time.
template <typename DayOf> std::vector<TrainingItem> TrainingItems(std::vector<LoggedReview> log, DayOf dayOf);

// The same items in the order the reference's Node binding hands them to its optimizer and
// evaluation: first the items of one long-term review kept for the first stabilities
// (grouped by first rating and gap), then every other item that survives the filter. Its
// recency weights follow that order; comparisons with the binding's figures use it.
std::vector<TrainingItem> ReferencePreparedItems(const std::vector<TrainingItem>& items);

// The summed, recency-weighted log loss of `items` under `weights` as training computes it,
// and its exact gradient when asked.
double TrainingLoss(const std::vector<TrainingItem>& items, const std::array<double, 21>& weights,
                    std::array<double, 21>* gradient = nullptr);

// Log loss and RMSE over bins, the reference's two measures of how well weights predict.
struct Evaluation {
  double logLoss = 0.0;
  double rmseBins = 0.0;
  std::size_t items = 0;
};

// How well `weights` predict `items`: each item's last review from the reviews before it,
// weighted by recency (the reference's FSRS::evaluate). `recencyWeighted` false weighs every
// item alike (the reference's judging of a held-out split). nullopt when there is no item
// or a prediction is not finite.
std::optional<Evaluation> Evaluate(const std::vector<TrainingItem>& items, const std::array<double, 21>& weights,
                                   bool recencyWeighted = true);

struct OptimizerOptions {
  int epochs = 5;
  int batchSize = 512;
  double learningRate = 4e-2;
  int maxSequenceLength = 256;
  double gamma = 1.0; // strength of the pull towards the starting weights
  std::uint64_t seed = 2023;
  bool shortTerm = true;
  int relearningSteps = 1;
  // Below this many training items (after the outlier filter) the optimizer refuses.
  std::size_t minimumItems = 400;
};

struct OptimizerResult {
  std::array<double, 21> weights = kDefaultWeights;
  std::size_t items = 0;      // training items after the outlier filter
  std::size_t reviews = 0;    // reviews in the items' cards
  std::size_t neededMore = 0; // when refused: how many more items would do
  std::string error;          // empty when weights were fitted
  bool Ok() const { return error.empty(); }
};

// Fits the weights to `items` (in time order). Refuses, with a message saying how many
// more reviews are needed, below options.minimumItems.
OptimizerResult Optimize(const std::vector<TrainingItem>& items, const OptimizerOptions& options = {});

// A fit and how it predicts, as the learner is shown it: the weights fitted to all items,
// the log loss and RMSE of the default and the fitted weights on all items, and on the last
// 20 % of the items (in time order) of weights fitted to the first 80 % only: how well a fit
// predicts reviews it has not seen. The held-out figures are missing when the first 80 %
// are too few to fit.
struct FitReport {
  OptimizerResult fit;
  std::optional<Evaluation> defaults, fitted;               // on all items
  std::optional<Evaluation> heldOutDefaults, heldOutFitted; // on the last 20 %
};
FitReport FitAndEvaluate(const std::vector<TrainingItem>& items, const OptimizerOptions& options = {});

// The reference's clamps on the weights (parameter_clipper.rs), for training and for
// evaluation (there with short-term weights allowed down to 0).
std::array<double, 21> ClampTrainingWeights(std::array<double, 21> w, int relearningSteps, bool shortTerm);

// [SECTION] Template definition -------------------------------------------------------------

namespace detail {
std::vector<TrainingItem> ItemsFromSortedLog(const std::vector<LoggedReview>& log,
                                             const std::vector<std::int64_t>& days);
}

template <typename DayOf> std::vector<TrainingItem> TrainingItems(std::vector<LoggedReview> log, DayOf dayOf) {
  std::stable_sort(log.begin(), log.end(), [](const LoggedReview& a, const LoggedReview& b) {
    return a.card != b.card ? a.card < b.card : a.time < b.time;
  });
  std::vector<std::int64_t> days;
  days.reserve(log.size());
  for (const LoggedReview& r : log)
    days.push_back(static_cast<std::int64_t>(dayOf(r.time)));
  return detail::ItemsFromSortedLog(log, days);
}

} // namespace factdeck::srs
