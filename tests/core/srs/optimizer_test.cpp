// The FSRS-6 optimizer against the reference (fsrs-rs through its Node binding): the
// reference's fitted weights and evaluations of simulated learners' histories are recorded
// in tests/data/fsrs_optimizer_reference.json by tests/tools/fsrs/optimizer_reference.mjs.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/srs/optimizer.h"

using namespace factdeck::srs;
using nlohmann::json;

namespace {

json ReadJson(const std::string& name) {
  std::ifstream in(std::string(FACTDECK_SOURCE_DIR) + "/tests/data/" + name);
  REQUIRE(in);
  return json::parse(in);
}

// A simulated history as a review log: [day, rating, kind] per review, several reviews of a
// day a minute apart, in the order the reference script gives them the same times.
std::vector<LoggedReview> LogOf(const json& cards) {
  std::vector<LoggedReview> log;
  for (size_t card = 0; card < cards.size(); ++card) {
    int seq = 0;
    for (size_t k = 0; k < cards[card].size(); ++k) {
      const auto& r = cards[card][k];
      const int day = r[0].get<int>();
      seq = k > 0 && cards[card][k - 1][0].get<int>() == day ? seq + 1 : 0;
      LoggedReview entry;
      entry.card = static_cast<std::int64_t>(card);
      entry.time = day * kDayMs + seq * 60000 + static_cast<TimeMs>(card);
      entry.rating = r[1].get<int>();
      const int kind = r[2].get<int>();
      entry.kind = kind == 0   ? LoggedReviewKind::Learning
                   : kind == 1 ? LoggedReviewKind::Review
                               : LoggedReviewKind::Relearning;
      log.push_back(entry);
    }
  }
  return log;
}

std::vector<TrainingItem> ItemsOf(const json& cards) {
  return TrainingItems(LogOf(cards), [](TimeMs t) { return t / kDayMs; });
}

std::array<double, 21> WeightsOf(const json& j) {
  std::array<double, 21> w{};
  REQUIRE(j.size() == 21);
  for (size_t i = 0; i < 21; ++i)
    w[i] = j[i].get<double>();
  return w;
}

} // namespace

TEST_CASE("training items are built from a review log as Anki builds them", "[srs][optimizer]") {
  auto at = [](int day, int minute) { return day * kDayMs + minute * kMinuteMs; };
  std::vector<LoggedReview> log = {
      // Card 1: learned (two steps the same day), reviewed, a cram answer, lapsed and relearned.
      {1, at(0, 0), 1, LoggedReviewKind::Learning},
      {1, at(0, 10), 3, LoggedReviewKind::Learning},
      {1, at(2, 0), 3, LoggedReviewKind::Review},
      {1, at(3, 0), 4, LoggedReviewKind::Filtered},
      {1, at(7, 0), 1, LoggedReviewKind::Review},
      {1, at(7, 10), 3, LoggedReviewKind::Relearning},
      {1, at(9, 0), 3, LoggedReviewKind::Review},
      // Card 2: reviewed, then reset and learned again: its history starts at the second learning.
      {2, at(1, 0), 3, LoggedReviewKind::Learning},
      {2, at(4, 0), 3, LoggedReviewKind::Review},
      {2, at(5, 0), 0, LoggedReviewKind::Manual},
      {2, at(6, 0), 2, LoggedReviewKind::Learning},
      {2, at(8, 0), 3, LoggedReviewKind::Review},
      // Card 3: no learning in the log (its start was lost): left out.
      {3, at(1, 0), 3, LoggedReviewKind::Review},
      {3, at(5, 0), 3, LoggedReviewKind::Review},
  };
  // Days start at 04:00: a review at 02:00 belongs to the day before.
  log.push_back({4, at(10, 2 * 60), 3, LoggedReviewKind::Learning});
  log.push_back({4, at(10, 5 * 60), 3, LoggedReviewKind::Review});
  auto dayOf = [](TimeMs t) {
    const TimeMs shifted = t - 4 * 60 * kMinuteMs;
    return shifted >= 0 ? shifted / kDayMs : -((-shifted + kDayMs - 1) / kDayMs);
  };
  auto items = TrainingItems(log, dayOf);
  REQUIRE(items.size() == 5);
  // In the order of their last review: card 1 day 2, card 1 day 7, card 2 day 8, card 1 day 9, card 4.
  CHECK(items[0].card == 1);
  CHECK(items[0].reviews.size() == 3);
  CHECK(items[0].reviews[1].deltaDays == 0); // the same-day learning step, kept with gap 0
  CHECK(items[0].reviews[2].deltaDays == 2);
  CHECK(items[1].card == 1);
  CHECK(items[1].reviews.size() == 4); // the cram answer of day 3 is not a review
  CHECK(items[1].reviews[3].deltaDays == 5);
  CHECK(items[1].reviews[3].rating == 1);
  CHECK(items[2].card == 2);
  REQUIRE(items[2].reviews.size() == 2); // from the second learning, after the reset
  CHECK(items[2].reviews[0].rating == 2);
  CHECK(items[2].reviews[1].deltaDays == 2);
  CHECK(items[3].card == 1);
  CHECK(items[3].reviews.size() == 6); // the relearning step the same day, gap 0
  CHECK(items[3].reviews[4].deltaDays == 0);
  CHECK(items[3].reviews[5].deltaDays == 2);
  CHECK(items[4].card == 4);
  CHECK(items[4].reviews[1].deltaDays == 1);
}

TEST_CASE("evaluation of any weights equals the reference's to 1e-5", "[srs][optimizer]") {
  // The binding evaluates the items as it prepares them for training (outliers dropped, the
  // items kept for the first stabilities first): the same items in the same order here.
  const json histories = ReadJson("fsrs_optimizer_histories.json");
  const json reference = ReadJson("fsrs_optimizer_reference.json");
  REQUIRE(histories["datasets"].size() == reference["datasets"].size());
  for (size_t d = 0; d < reference["datasets"].size(); ++d) {
    const json& ref = reference["datasets"][d];
    INFO(ref["name"].get<std::string>());
    const auto all = ItemsOf(histories["datasets"][d]["cards"]);
    REQUIRE(all.size() == ref["items"].get<size_t>());
    const auto items = ReferencePreparedItems(all);
    CHECK(items.size() < all.size());
    const auto defaults = Evaluate(items, kDefaultWeights);
    REQUIRE(defaults);
    CHECK(defaults->logLoss == Approx(ref["defaults"]["logLoss"].get<double>()).margin(1e-5));
    CHECK(defaults->rmseBins == Approx(ref["defaults"]["rmseBins"].get<double>()).margin(1e-5));
    const auto fitted = Evaluate(items, WeightsOf(ref["fitted"]));
    REQUIRE(fitted);
    CHECK(fitted->logLoss == Approx(ref["fittedEvaluation"]["logLoss"].get<double>()).margin(1e-5));
    CHECK(fitted->rmseBins == Approx(ref["fittedEvaluation"]["rmseBins"].get<double>()).margin(1e-5));
  }
}

TEST_CASE("fitted weights predict as well as the reference's: log loss within 0.5 %, RMSE within 5 %",
          "[srs][optimizer]") {
  const json histories = ReadJson("fsrs_optimizer_histories.json");
  const json reference = ReadJson("fsrs_optimizer_reference.json");
  for (size_t d = 0; d < reference["datasets"].size(); ++d) {
    const json& ref = reference["datasets"][d];
    INFO(ref["name"].get<std::string>());
    const auto items = ItemsOf(histories["datasets"][d]["cards"]);
    const OptimizerResult fit = Optimize(items);
    INFO(fit.error);
    REQUIRE(fit.Ok());
    const auto ours = Evaluate(items, fit.weights);
    const auto theirs = Evaluate(items, WeightsOf(ref["fitted"]));
    REQUIRE(ours);
    REQUIRE(theirs);
    std::string weights;
    for (double w : fit.weights)
      weights += std::to_string(w) + " ";
    INFO("ours: log loss " << ours->logLoss << ", RMSE " << ours->rmseBins << "; reference: " << theirs->logLoss << ", "
                           << theirs->rmseBins << "; weights " << weights);
    CHECK(ours->logLoss <= theirs->logLoss * 1.005);
    CHECK(ours->rmseBins <= theirs->rmseBins * 1.05);
    // Every weight within the reference's clamps.
    CHECK(ClampTrainingWeights(fit.weights, 1, true) == fit.weights);
  }
}

TEST_CASE("the optimizer is deterministic and refuses too little history, saying how much more", "[srs][optimizer]") {
  const json histories = ReadJson("fsrs_optimizer_histories.json");
  auto items = ItemsOf(histories["datasets"][1]["cards"]);
  const OptimizerResult a = Optimize(items), b = Optimize(items);
  REQUIRE(a.Ok());
  CHECK(a.weights == b.weights);
  CHECK(a.weights != kDefaultWeights);

  items.resize(150);
  const OptimizerResult few = Optimize(items);
  CHECK_FALSE(few.Ok());
  CHECK(few.neededMore > 250);
  CHECK(few.neededMore <= 250 + 150);
  CHECK_THAT(few.error,
             Catch::Contains("not enough review history") && Catch::Contains(std::to_string(few.neededMore) + " more"));

  std::vector<TrainingItem> bad = {TrainingItem{{{3, 0}, {5, 2}}, 1}};
  CHECK_THAT(Optimize(bad).error, Catch::Contains("malformed"));
}

TEST_CASE("the training gradient equals finite differences of the loss", "[srs][optimizer]") {
  // Same-day steps, a lapse and its relearning step, Hard and Easy: every branch of the model.
  const std::vector<TrainingItem> items = {{{{3, 0}, {3, 3}, {3, 8}, {1, 20}, {3, 0}, {3, 2}}, 1},
                                           {{{1, 0}, {3, 0}, {3, 1}, {2, 4}}, 2},
                                           {{{4, 0}, {3, 10}, {1, 30}}, 3},
                                           {{{2, 0}, {4, 2}, {3, 6}}, 4}};
  std::array<double, 21> w = kDefaultWeights;
  w[7] = 0.05; // away from the clamps, so that every weight has a derivative
  w[17] = 0.5;
  w[19] = 0.1;
  std::array<double, 21> gradient{};
  TrainingLoss(items, w, &gradient);
  int nonZero = 0;
  for (size_t i = 0; i < 21; ++i) {
    auto up = w, down = w;
    const double h = 1e-6 * std::max(1.0, std::fabs(w[i]));
    up[i] += h;
    down[i] -= h;
    const double numeric = (TrainingLoss(items, up) - TrainingLoss(items, down)) / (2 * h);
    INFO("w" << i);
    CHECK(gradient[i] == Approx(numeric).margin(1e-6).epsilon(1e-4));
    nonZero += gradient[i] != 0.0;
  }
  CHECK(nonZero >= 18);
}
