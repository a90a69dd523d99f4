// An Anki package's scheduling brought into FactDeck's terms: each card's memory and due,
// and each review as FactDeck logs its own (docs/facts-format.md, "Anki review history").
#pragma once

#include <string>
#include <vector>

#include "core/import/anki.h"
#include "core/srs/fsrs.h"

namespace factdeck {

struct HistoryReview {
  srs::TimeMs time = 0;
  srs::Rating rating = srs::Rating::Good;
  int responseMs = 0;
  bool rescheduled = true; // false: a filtered deck's review that left the schedule alone
  srs::MemoryState after;  // the card's memory after it
  std::string origin;      // the review's key in its source ("anki:" + revlog id): stored once
};

struct HistoryCard {
  std::string item;
  srs::QuestionKind kind = srs::QuestionKind::Flashcard;
  srs::MemoryState memory;            // now: state, stability, difficulty, due, last review
  std::vector<HistoryReview> reviews; // oldest first
};

// Each card's memory by FSRS-6 (`fsrs`) over its reviews, or as Anki kept it when it
// scheduled with FSRS (stability, difficulty); due when Anki scheduled it, its state as
// Anki's (new, learning, review, relearning). A card with a schedule but no review left (a
// log cut short) gets a stability of its interval. Manual changes are not answers: a reset
// ("Forget") makes the card new again, a due date set by hand only moves its due.
std::vector<HistoryCard> ReplayAnkiHistory(const AnkiHistory& history, const srs::Fsrs& fsrs);

} // namespace factdeck
