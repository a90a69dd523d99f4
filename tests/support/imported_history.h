// A simulated learner's review history (tests/data/fsrs_optimizer_histories.json) imported
// into a learner's store, as `factdeck import-anki-revlog` would add it: for tests of the
// memory model's fit, with a window or without.
#pragma once

#include <catch2/catch.hpp>
#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/store/profile_store.h"

namespace factdeck::test {

// The first `cards` cards of the second simulated learner, their reviews from 2025-01-01.
inline void ImportHistory(ProfileStore& store, std::int64_t profile, size_t cards) {
  std::ifstream in(std::string(FACTDECK_SOURCE_DIR) + "/tests/data/fsrs_optimizer_histories.json");
  REQUIRE(in);
  const auto histories = nlohmann::json::parse(in);
  const auto& all = histories["datasets"][1]["cards"];
  std::vector<ImportedReview> reviews;
  const srs::TimeMs start = 1735725600000; // 2025-01-01 10:00 UTC
  for (size_t card = 0; card < std::min(cards, all.size()); ++card)
    for (size_t k = 0; k < all[card].size(); ++k) {
      const int kind = all[card][k][2].get<int>();
      reviews.push_back({std::to_string(card),
                         start + all[card][k][0].get<int>() * srs::kDayMs + static_cast<srs::TimeMs>(k) * 600000,
                         all[card][k][1].get<int>(),
                         kind == 0   ? srs::LoggedReviewKind::Learning
                         : kind == 1 ? srs::LoggedReviewKind::Review
                                     : srs::LoggedReviewKind::Relearning});
    }
  REQUIRE(store.AddImportedReviews(profile, "anki", reviews));
}

} // namespace factdeck::test
