#include "core/import/anki_history.h"

#include <algorithm>

namespace factdeck {

namespace {

constexpr srs::TimeMs kDayMs = 24LL * 60 * 60 * 1000;

// When a review set the card due: Anki's interval is days when positive, seconds when not.
srs::TimeMs DueAfter(const AnkiReviewEntry& e) { return e.id + (e.ivl > 0 ? e.ivl * kDayMs : -e.ivl * 1000); }

// The state a review left, by what Anki scheduled: days away is a review card; minutes
// away a card in its (re)learning steps.
srs::CardState StateAfter(const AnkiReviewEntry& e, srs::CardState before) {
  if (e.ivl > 0) return srs::CardState::Review;
  const bool lapsed = before == srs::CardState::Review || before == srs::CardState::Relearning;
  return lapsed ? srs::CardState::Relearning : srs::CardState::Learning;
}

HistoryCard Replay(const AnkiCardHistory& card, const srs::Fsrs& fsrs) {
  HistoryCard out;
  out.item = card.item;
  out.kind = card.kind;
  srs::MemoryState m;
  for (const AnkiReviewEntry& e : card.reviews) {
    if (e.ease == 0 || e.type == 4 || e.type == 5) {
      if (e.ivl == 0) m = srs::MemoryState{}; // "Forget": new again
      continue;                               // a due date set by hand: the card's due says where it went
    }
    HistoryReview r;
    r.time = e.id;
    r.rating = static_cast<srs::Rating>(e.ease);
    r.responseMs = e.timeMs;
    r.origin = "anki:" + std::to_string(e.id);
    // A filtered deck's review that did not reschedule (Anki logs it with no ease factor).
    r.rescheduled = !(e.type == 3 && e.factor == 0);
    if (r.rescheduled) {
      srs::MemoryState next = fsrs.Review(m, e.id, r.rating).card;
      next.state = StateAfter(e, m.state);
      next.due = DueAfter(e);
      next.scheduledDays = static_cast<int>(std::max<std::int64_t>(0, e.ivl));
      next.learningStep = 0;
      next.lapses = m.lapses + (r.rating == srs::Rating::Again && m.state == srs::CardState::Review ? 1 : 0);
      m = next;
    }
    r.after = m;
    out.reviews.push_back(std::move(r));
  }
  // The card as Anki has it now.
  if (card.type == 0) {
    out.memory = srs::MemoryState{};
    return out;
  }
  m.state = static_cast<srs::CardState>(card.type);
  m.due = card.due;
  m.lapses = card.lapses;
  if (card.type == 2) m.scheduledDays = static_cast<int>(card.ivl);
  if (card.stability > 0) {
    m.stability = card.stability;
    m.difficulty = card.difficulty;
  }
  if (m.lastReview == 0) { // no review in the log: known from its schedule alone
    m.lastReview = card.due - std::max<std::int64_t>(card.ivl, 0) * kDayMs;
    if (m.stability <= 0) m.stability = std::max<double>(0.1, static_cast<double>(card.ivl));
    if (m.difficulty <= 0) m.difficulty = 5.0;
    m.reps = std::max(m.reps, 1);
  }
  out.memory = m;
  return out;
}

} // namespace

std::vector<HistoryCard> ReplayAnkiHistory(const AnkiHistory& history, const srs::Fsrs& fsrs) {
  std::vector<HistoryCard> cards;
  cards.reserve(history.cards.size());
  for (const AnkiCardHistory& card : history.cards)
    cards.push_back(Replay(card, fsrs));
  return cards;
}

} // namespace factdeck
