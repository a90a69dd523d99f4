// The profile store's schema, as forward migrations. Migration N (1-based) turns a store
// at version N-1 into version N; PRAGMA user_version holds the version. Never edit a
// migration that has shipped: add the next one.
#pragma once

#include <array>
#include <string_view>

namespace factdeck::schema {

// Version 1: learners, their cards and every review, study sessions, bests, settings.
inline constexpr std::string_view kV1Profiles = R"sql(
CREATE TABLE profile (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  created_ms INTEGER NOT NULL
);
-- One card per (profile, deck, item, kind) with its FSRS memory state. Cards whose item
-- left the deck are hidden, not deleted, and come back with it.
CREATE TABLE card (
  id             INTEGER PRIMARY KEY,
  profile_id     INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,
  deck           TEXT NOT NULL,
  item           TEXT NOT NULL,
  kind           TEXT NOT NULL,
  state          INTEGER NOT NULL,
  stability      REAL NOT NULL,
  difficulty     REAL NOT NULL,
  due_ms         INTEGER NOT NULL,
  last_review_ms INTEGER NOT NULL,
  scheduled_days INTEGER NOT NULL,
  learning_step  INTEGER NOT NULL,
  reps           INTEGER NOT NULL,
  lapses         INTEGER NOT NULL,
  hidden         INTEGER NOT NULL DEFAULT 0,
  UNIQUE (profile_id, deck, item, kind)
);
CREATE INDEX card_due ON card (profile_id, deck, hidden, due_ms);
CREATE TABLE session (
  id         INTEGER PRIMARY KEY,
  profile_id INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,
  mode       TEXT NOT NULL,
  deck       TEXT NOT NULL,
  started_ms INTEGER NOT NULL,
  ended_ms   INTEGER,
  score      INTEGER NOT NULL DEFAULT 0,
  questions  INTEGER NOT NULL DEFAULT 0,
  correct    INTEGER NOT NULL DEFAULT 0
);
-- Every answer, as it was given.
CREATE TABLE review (
  id          INTEGER PRIMARY KEY,
  card_id     INTEGER NOT NULL REFERENCES card(id) ON DELETE CASCADE,
  session_id  INTEGER REFERENCES session(id) ON DELETE SET NULL,
  time_ms     INTEGER NOT NULL,
  kind        TEXT NOT NULL,
  options     TEXT NOT NULL DEFAULT '',
  answer      TEXT NOT NULL DEFAULT '',
  correct     INTEGER NOT NULL,
  response_ms INTEGER NOT NULL,
  rating      INTEGER NOT NULL,
  rescheduled INTEGER NOT NULL DEFAULT 1,
  state       INTEGER NOT NULL,
  stability   REAL NOT NULL,
  difficulty  REAL NOT NULL,
  due_ms      INTEGER NOT NULL
);
CREATE INDEX review_card ON review (card_id, time_ms);
CREATE INDEX review_time ON review (time_ms);
-- Reviews per learner per study day, for streaks and the calendar without reading the log.
CREATE TABLE day_activity (
  profile_id INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,
  day        INTEGER NOT NULL,
  reviews    INTEGER NOT NULL,
  correct    INTEGER NOT NULL,
  PRIMARY KEY (profile_id, day)
) WITHOUT ROWID;
CREATE TABLE personal_best (
  profile_id INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,
  mode       TEXT NOT NULL,
  deck       TEXT NOT NULL,
  score      INTEGER NOT NULL,
  time_ms    INTEGER NOT NULL,
  PRIMARY KEY (profile_id, mode, deck)
) WITHOUT ROWID;
CREATE TABLE setting (
  profile_id INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,
  key        TEXT NOT NULL,
  value      TEXT NOT NULL,
  PRIMARY KEY (profile_id, key)
) WITHOUT ROWID;
)sql";

// Version 2: classroom matches, every answer of every player or team.
inline constexpr std::string_view kV2Matches = R"sql(
CREATE TABLE match (
  id         INTEGER PRIMARY KEY,
  deck       TEXT NOT NULL,
  mode       TEXT NOT NULL,
  scoring    TEXT NOT NULL,
  started_ms INTEGER NOT NULL,
  ended_ms   INTEGER
);
CREATE TABLE match_player (
  id          INTEGER PRIMARY KEY,
  match_id    INTEGER NOT NULL REFERENCES match(id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  color       TEXT NOT NULL DEFAULT '',
  profile_id  INTEGER REFERENCES profile(id) ON DELETE SET NULL,
  final_score INTEGER NOT NULL DEFAULT 0,
  rank        INTEGER
);
CREATE TABLE match_answer (
  id          INTEGER PRIMARY KEY,
  match_id    INTEGER NOT NULL REFERENCES match(id) ON DELETE CASCADE,
  player_id   INTEGER NOT NULL REFERENCES match_player(id) ON DELETE CASCADE,
  question    INTEGER NOT NULL,
  item        TEXT NOT NULL,
  kind        TEXT NOT NULL,
  answer      TEXT NOT NULL,
  correct     INTEGER NOT NULL,
  time_ms     INTEGER NOT NULL,
  response_ms INTEGER NOT NULL,
  points      INTEGER NOT NULL
);
CREATE INDEX match_answer_match ON match_answer (match_id, question);
)sql";

// Version 3: questions learners reported (wrong, two right answers, unclear, a typo), with
// the question as it was shown, for the deck's author. A reported card is set aside for
// its learner while the deck's version (a fingerprint of its file) is the one reported.
inline constexpr std::string_view kV3Reports = R"sql(
CREATE TABLE report (
  id           INTEGER PRIMARY KEY,
  profile_id   INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,
  deck         TEXT NOT NULL,
  deck_version TEXT NOT NULL,
  item         TEXT NOT NULL,
  kind         TEXT NOT NULL,
  mode         TEXT NOT NULL,
  reason       TEXT NOT NULL,
  note         TEXT NOT NULL DEFAULT '',
  prompt       TEXT NOT NULL,
  options      TEXT NOT NULL DEFAULT '',
  answer       TEXT NOT NULL DEFAULT '',
  source       TEXT NOT NULL DEFAULT '',
  time_ms      INTEGER NOT NULL
);
CREATE INDEX report_deck ON report (deck, time_ms);
CREATE INDEX report_card ON report (profile_id, deck, deck_version);
)sql";

// Version 4: review histories brought from other programs (an Anki review log), kept apart
// from FactDeck's own cards, for fitting the learner's memory model. One row per review;
// importing the same log again adds nothing.
inline constexpr std::string_view kV4ImportedReviews = R"sql(
CREATE TABLE imported_review (
  id         INTEGER PRIMARY KEY,
  profile_id INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,
  source     TEXT NOT NULL,
  card       TEXT NOT NULL,
  time_ms    INTEGER NOT NULL,
  rating     INTEGER NOT NULL,
  kind       INTEGER NOT NULL,
  UNIQUE (profile_id, source, card, time_ms)
);
)sql";

// Version 5: the home screen's per-deck counts (due, learning, in review) read from one
// index that holds every column they need, instead of visiting each card's row.
inline constexpr std::string_view kV5HomeCounts = R"sql(
CREATE INDEX card_home ON card (profile_id, hidden, deck, state, due_ms);
)sql";

// Version 6: one answer can rate several cards (which-first: both events; an ordering: each
// event). The first card's row is the answer (answer_part 0); the others are further parts
// of it (1, 2, ...), logged for their cards' memory but not counted as answers again. Rows
// written before, of one which-first or ordering answer (same session, time and kind), are
// numbered the same way.
inline constexpr std::string_view kV6AnswerParts = R"sql(
ALTER TABLE review ADD COLUMN answer_part INTEGER NOT NULL DEFAULT 0;
UPDATE review SET answer_part = (
  SELECT COUNT(*) FROM review p
  WHERE p.session_id IS review.session_id AND p.time_ms = review.time_ms AND p.kind = review.kind AND p.id < review.id)
WHERE kind IN ('which-first', 'ordering');
)sql";

// Version 7: exams a learner revises for (docs/scheduling.md, "Exams"): when, which decks and
// tags, the daily budget (minutes, or cards when set), and topic weights ("tag=weight" lines).
inline constexpr std::string_view kV7Exams = R"sql(
CREATE TABLE exam (
  id         INTEGER PRIMARY KEY,
  profile_id INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  at_ms      INTEGER NOT NULL,
  decks      TEXT NOT NULL,
  tags       TEXT NOT NULL DEFAULT '',
  minutes    INTEGER NOT NULL DEFAULT 0,
  cards      INTEGER NOT NULL DEFAULT 0,
  weights    TEXT NOT NULL DEFAULT '',
  created_ms INTEGER NOT NULL
);
CREATE INDEX exam_profile ON exam (profile_id, at_ms);
)sql";

// Version 8: reviews brought with a history from another program (an Anki package) keep
// where they came from ("anki:" and the review's id there), so that bringing the same
// history again adds nothing. FactDeck's own answers have none.
inline constexpr std::string_view kV8ReviewOrigin = R"sql(
ALTER TABLE review ADD COLUMN origin TEXT;
CREATE UNIQUE INDEX review_origin ON review (card_id, origin) WHERE origin IS NOT NULL;
)sql";

inline constexpr std::array<std::string_view, 8> kMigrations{
    kV1Profiles, kV2Matches, kV3Reports, kV4ImportedReviews, kV5HomeCounts, kV6AnswerParts, kV7Exams, kV8ReviewOrigin};
inline constexpr int kVersion = static_cast<int>(kMigrations.size());

} // namespace factdeck::schema
