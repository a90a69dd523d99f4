#include "core/games/timeline_game.h"

#include <algorithm>

namespace factdeck {

TimelineGame::TimelineGame(const Deck& deck, ProfileStore* store, std::int64_t profile, srs::TimeMs now,
                           std::uint64_t seed)
    : m_deck(deck), m_store(store), m_profile(profile), m_random(seed) {
  // Events named like another cannot be told apart on the timeline either.
  for (size_t i = 0; i < deck.events.size(); ++i)
    if (!deck.EventNamedAlike(i)) m_pool.push_back(i);
  m_random.Shuffle(m_pool);
  if (m_store) m_previousBest = m_store->PersonalBest(profile, "timeline", deck.id);
  // The first event starts the timeline.
  if (!m_pool.empty()) {
    m_timeline.push_back(m_pool.back());
    m_pool.pop_back();
  }
  Draw(now);
}

bool TimelineGame::Playable(const Deck& deck) {
  const Event *earliest = nullptr, *latest = nullptr;
  for (size_t i = 0; i < deck.events.size(); ++i) {
    if (deck.EventNamedAlike(i)) continue;
    const Event& e = deck.events[i];
    if (!earliest || e.date.LastDay() < earliest->date.LastDay()) earliest = &e;
    if (!latest || e.date.FirstDay() > latest->date.FirstDay()) latest = &e;
  }
  return earliest && latest && earliest != latest && EventsApart(*earliest, *latest);
}

void TimelineGame::Draw(srs::TimeMs now) {
  m_current.reset();
  if (m_lives > 0) {
    while (!m_pool.empty()) {
      const size_t candidate = m_pool.back();
      m_pool.pop_back();
      const bool apart = std::all_of(m_timeline.begin(), m_timeline.end(), [&](size_t placed) {
        return EventsApart(m_deck.events[candidate], m_deck.events[placed]);
      });
      if (apart) {
        m_current = candidate;
        return;
      }
    }
  }
  // Over: keep the score.
  if (m_store) {
    StoreStatus best = m_store->RecordScore(m_profile, "timeline", m_deck.id, m_score, now);
    m_newBest = best.ok && best.id == 1 && m_score > 0;
  }
}

TimelineGame::Placement TimelineGame::Place(size_t slot, srs::TimeMs now) {
  if (!m_current) return {0, false, 0};
  const size_t event = *m_current;
  const Event& e = m_deck.events[event];
  // Where it belongs: after every placed event that ends before it begins.
  size_t belongs = 0;
  while (belongs < m_timeline.size() && m_deck.events[m_timeline[belongs]].date.FirstDay() < e.date.FirstDay())
    ++belongs;
  const bool right = slot == belongs;
  if (right)
    ++m_score;
  else
    --m_lives;
  m_timeline.insert(m_timeline.begin() + static_cast<std::ptrdiff_t>(belongs), event);
  m_last = Placement{event, right, belongs};
  Draw(now);
  return *m_last;
}

} // namespace factdeck
