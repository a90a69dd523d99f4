// What the Stats screen shows, read from the store once when the screen opens (not every
// frame: a large store takes tens of milliseconds to count).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/app/deck_library.h"
#include "core/store/profile_store.h"

namespace factdeck {

struct TagAccuracy {
  std::string tag;
  int right = 0, answers = 0;
};

struct StatsView {
  StoreStats totals;
  std::int64_t today = 0;                 // srs::StudyDay::DayOf(now)
  std::vector<DayActivity> calendar;      // the last 53 weeks
  std::vector<std::int64_t> dueForecast;  // the next 30 days, overdue in the first
  std::vector<PeriodRetention> retention; // 12 weeks
  std::vector<TagAccuracy> tags;          // weakest first, at most 12
  std::vector<SessionRecord> sessions;    // the last 30, oldest first
  // The memory model: the weights in use (nullopt: FSRS-6's defaults), the last fit, and
  // why the last attempt to fit failed (empty when it did not).
  std::optional<std::array<double, 21>> weightsInUse;
  std::optional<MemoryModelRecord> lastFit;
  std::int64_t importedReviews = 0; // from another program's log, counted only in fits
  std::string fitProblem;
};

// Tags come from the decks: each item (fact, event, card) has its subject's or its own.
StatsView LoadStatsView(ProfileStore& store, std::int64_t profile, srs::TimeMs now, srs::StudyDay day,
                        const std::vector<DeckEntry>& decks);

} // namespace factdeck
