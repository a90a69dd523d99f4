// An Anki review log exported as CSV (the revlog table's columns: id, cid, usn, ease, ivl,
// lastIvl, factor, time, type), read as reviews to bring into a learner's history.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/diagnostics.h"
#include "core/store/profile_store.h"

namespace factdeck {

struct AnkiRevlog {
  std::vector<ImportedReview> reviews;
  Diagnostics diagnostics; // bad rows, each with file:line:column; they are skipped
  std::size_t skipped = 0;
};

// `id` is the review's time (milliseconds since 1970), `cid` the card, `ease` the rating (1-4;
// 0 for a manual entry), `type` 0 learning, 1 review, 2 relearning, 3 filtered (cram),
// 4 manual, 5 rescheduled. The header row is required, its columns in any order.
AnkiRevlog ParseAnkiRevlog(std::string_view text, const std::string& fileName);

// An Anki package's own history brought into a learner's progress (ProfileStore::ImportHistory).
struct HistoryBrought {
  std::string error;      // set when nothing could be brought: the package cannot be read, or the store
  std::string deck;       // the deck's id the progress is kept under
  size_t reviews = 0;     // answers in the package's log, of the cards made
  std::int64_t added = 0; // of them, new to the learner's log
  std::int64_t moved = 0; // of them, in the log already from another file (an earlier export)
  std::int64_t cards = 0; // cards whose memory was set from the history
  size_t leftOut = 0;     // reviews of cards not made (left out of the deck)
  size_t newCards = 0;    // cards made that Anki had never shown
  size_t suspended = 0;   // cards made that were suspended in Anki
};

// Reads the package at `path` (its cards as the app makes them, pictures in `cacheDir`),
// replays its history with `fsrs` and brings it into `profile`'s progress.
HistoryBrought BringAnkiHistory(ProfileStore& store, std::int64_t profile, const std::string& path,
                                const std::filesystem::path& cacheDir, const srs::Fsrs& fsrs);

// What was brought, for people: "Brought 1,204 reviews of 310 cards from Anki: 35 due today."
std::string DescribeHistoryBrought(const HistoryBrought& brought, const std::string& learner);

} // namespace factdeck
