// The timeline game: events come one at a time and the player places each into a growing
// timeline. A wrong place costs one of three lives; the event then goes where it belongs.
// Only events that can be told apart from every placed one are drawn, so no placement is
// ever ambiguous. The score (events placed right) and the high score are kept per learner.
#pragma once

#include <optional>
#include <vector>

#include "core/store/profile_store.h"
#include "core/questions/questions.h"

namespace factdeck {

class TimelineGame {
public:
  static constexpr int kLives = 3;

  TimelineGame(const Deck& deck, ProfileStore* store, std::int64_t profile, srs::TimeMs now, std::uint64_t seed);

  // Whether the deck has anything to place: two events that can be told apart, by name and
  // by date (the earliest and the latest are apart when any two are).
  static bool Playable(const Deck& deck);

  const Deck& GetDeck() const { return m_deck; }
  // Placed events (indices into the deck's events), earliest first.
  const std::vector<size_t>& Timeline() const { return m_timeline; }
  // The event to place next, or none when the game is over.
  std::optional<size_t> Current() const { return m_current; }
  bool Over() const { return !m_current.has_value(); }

  struct Placement {
    size_t event;
    bool right;
    size_t slot; // where it belongs (and now is)
  };
  // Places the current event before timeline position `slot` (0 .. size).
  Placement Place(size_t slot, srs::TimeMs now);
  const std::optional<Placement>& Last() const { return m_last; }

  int Lives() const { return m_lives; }
  int Score() const { return m_score; }
  std::optional<int> PreviousBest() const { return m_previousBest; }
  bool NewBest() const { return m_newBest; }

private:
  void Draw(srs::TimeMs now);

  const Deck& m_deck;
  ProfileStore* m_store;
  std::int64_t m_profile;
  Random m_random;
  std::vector<size_t> m_pool, m_timeline;
  std::optional<size_t> m_current;
  std::optional<Placement> m_last;
  int m_lives = kLives, m_score = 0;
  std::optional<int> m_previousBest;
  bool m_newBest = false;
};

} // namespace factdeck
