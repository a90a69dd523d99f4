// An Anki review log exported as CSV (the revlog table's columns: id, cid, usn, ease, ivl,
// lastIvl, factor, time, type), read as reviews to bring into a learner's history.
#pragma once

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

} // namespace factdeck
