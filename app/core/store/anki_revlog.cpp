#include "core/store/anki_revlog.h"

#include <algorithm>
#include <array>
#include <charconv>

#include "core/base/text.h"
#include "core/deck/numbers.h"
#include "core/import/anki.h"
#include "core/import/anki_history.h"
#include "core/import/csv.h"

namespace factdeck {

namespace {

std::optional<std::int64_t> Integer(const std::string& text) {
  std::string_view t = text;
  while (!t.empty() && t.front() == ' ')
    t.remove_prefix(1);
  while (!t.empty() && (t.back() == ' ' || t.back() == '\r'))
    t.remove_suffix(1);
  std::int64_t value = 0;
  const auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
  if (ec != std::errc() || ptr != t.data() + t.size() || t.empty()) return std::nullopt;
  return value;
}

std::string Count(std::int64_t n) { return GroupedNumber(std::to_string(n)); }

} // namespace

AnkiRevlog ParseAnkiRevlog(std::string_view text, const std::string& fileName) {
  AnkiRevlog out;
  CsvParse parsed = ParseCsv(text, fileName, ',');
  out.diagnostics = std::move(parsed.diagnostics);
  const auto& records = parsed.table.records;
  auto problem = [&](Position pos, std::string message) {
    out.diagnostics.push_back({Severity::Error, fileName, pos, std::move(message)});
  };
  if (records.empty()) {
    problem({1, 1}, "the file is empty: expected a header row id,cid,usn,ease,ivl,lastIvl,factor,time,type");
    return out;
  }
  // The columns by name (as Anki names them), in any order.
  constexpr std::array<const char*, 4> kNeeded{"id", "cid", "ease", "type"};
  std::array<size_t, 4> column{};
  const CsvRecord& header = records.front();
  for (size_t n = 0; n < kNeeded.size(); ++n) {
    auto found = std::find_if(header.fields.begin(), header.fields.end(),
                              [&](const std::string& f) { return Fold(f) == kNeeded[n]; });
    if (found == header.fields.end()) {
      problem(header.positions.empty() ? Position{1, 1} : header.positions.front(),
              std::string("no '") + kNeeded[n] +
                  "' column in the header: an Anki review log has id,cid,usn,ease,ivl,lastIvl,factor,time,type");
      return out;
    }
    column[n] = static_cast<size_t>(found - header.fields.begin());
  }
  for (size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& row = records[r];
    auto field = [&](size_t n) -> std::optional<std::int64_t> {
      return column[n] < row.fields.size() ? Integer(row.fields[column[n]]) : std::nullopt;
    };
    auto where = [&](size_t n) {
      if (column[n] < row.positions.size()) return row.positions[column[n]];
      return row.positions.empty() ? Position{} : row.positions.back();
    };
    const auto id = field(0), cid = field(1), ease = field(2), type = field(3);
    std::optional<size_t> bad;
    std::string why;
    if (!id || *id <= 0) {
      bad = 0;
      why = "'id' must be the review's time in milliseconds since 1970";
    } else if (!cid) {
      bad = 1;
      why = "'cid' must be the card's number";
    } else if (!ease || *ease < 0 || *ease > 4) {
      bad = 2;
      why = "'ease' must be 0 (manual) or a rating from 1 (again) to 4 (easy)";
    } else if (!type || *type < 0 || *type > 5) {
      bad = 3;
      why = "'type' must be 0 (learning), 1 (review), 2 (relearning), 3 (filtered), 4 (manual) or 5 (rescheduled)";
    }
    if (bad) {
      const bool missing = column[*bad] >= row.fields.size();
      problem(where(*bad), missing ? "the row has no '" + std::string(kNeeded[*bad]) + "' field"
                                   : why + ", not '" + row.fields[column[*bad]] + "'");
      ++out.skipped;
      continue;
    }
    ImportedReview review;
    review.card = std::to_string(*cid);
    review.time = *id;
    review.rating = static_cast<int>(*ease);
    review.kind = *type == 0   ? srs::LoggedReviewKind::Learning
                  : *type == 1 ? srs::LoggedReviewKind::Review
                  : *type == 2 ? srs::LoggedReviewKind::Relearning
                  : *type == 3 ? srs::LoggedReviewKind::Filtered
                               : srs::LoggedReviewKind::Manual;
    if (review.rating == 0) review.kind = srs::LoggedReviewKind::Manual;
    out.reviews.push_back(std::move(review));
  }
  return out;
}

HistoryBrought BringAnkiHistory(ProfileStore& store, std::int64_t profile, const std::string& path,
                                const std::filesystem::path& cacheDir, const srs::Fsrs& fsrs) {
  HistoryBrought out;
  AnkiImport read = LoadAnkiHistory(path, cacheDir);
  if (!read.load.Ok()) {
    for (const Diagnostic& d : read.load.diagnostics)
      if (d.severity == Severity::Error) {
        out.error = d.Format();
        break;
      }
    return out;
  }
  out.deck = read.load.deck.id;
  out.leftOut = read.history.leftOut;
  out.newCards = read.history.newCards;
  out.suspended = read.history.suspended;
  if (read.history.cards.empty()) {
    out.error = path + ": the package holds no review history (Anki exports it with \"Include scheduling "
                       "information\", and a whole collection, .colpkg, always has it)";
    return out;
  }
  const std::vector<HistoryCard> cards = ReplayAnkiHistory(read.history, fsrs);
  for (const HistoryCard& c : cards)
    out.reviews += c.reviews.size();
  const StoreStatus status = store.ImportHistory(profile, out.deck, cards, out.added, out.cards, &out.moved);
  if (!status.ok) out.error = status.message;
  return out;
}

std::string DescribeHistoryBrought(const HistoryBrought& b, const std::string& learner) {
  if (!b.error.empty()) return b.error;
  std::string text;
  if (b.added == 0 && b.cards == 0 && b.moved == 0)
    text = "The package's " + Count(static_cast<std::int64_t>(b.reviews)) + " reviews are in " + learner +
           "'s progress already: nothing was added.";
  else
    text = "Brought " + Count(b.added) + " reviews from Anki into " + learner + "'s progress; " + Count(b.cards) +
           (b.cards == 1 ? " card keeps" : " cards keep") + " Anki's schedule.";
  if (b.moved > 0)
    text += " " + Count(b.moved) + (b.moved == 1 ? " review was" : " reviews were") + " in " + learner +
            "'s progress already from another file of the same collection (an earlier export): " +
            (b.moved == 1 ? "it now belongs" : "they now belong") + " to this deck and " +
            (b.moved == 1 ? "is" : "are") + " not counted twice.";
  if (b.suspended > 0)
    text += " " + Count(static_cast<std::int64_t>(b.suspended)) + (b.suspended == 1 ? " card is" : " cards are") +
            " suspended in Anki; FactDeck has no suspension, so " + (b.suspended == 1 ? "it comes" : "they come") +
            " up for study like the others.";
  if (b.leftOut == 1)
    text += " 1 review of a card FactDeck left out of the deck was not brought.";
  else if (b.leftOut > 1)
    text += " " + Count(static_cast<std::int64_t>(b.leftOut)) +
            " reviews of cards FactDeck left out of the deck were not brought.";
  return text;
}

} // namespace factdeck
