// Study rules on top of the FSRS scheduler: what a card is, how an answer becomes a
// rating, and which cards make today's queue. docs/scheduling.md explains each rule.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/srs/fsrs.h"
#include "core/srs/study_day.h"

namespace factdeck::srs {

// The ways an item can be asked. Each (deck, item, kind) is a card with its own memory.
enum class QuestionKind { MultipleChoice, MultipleChoiceReverse, When, WhichFirst, Ordering, TypedYear, Flashcard };

// "multiple-choice", "multiple-choice-reverse", "when", "which-first", "ordering",
// "typed-year", "flashcard": used in keys and on the command line.
const char* QuestionKindName(QuestionKind kind);
// The kind as people read it, on screens: "Multiple choice", "Put in order", "Type the year".
const char* QuestionKindLabel(QuestionKind kind);
std::optional<QuestionKind> QuestionKindFromName(std::string_view name);

// Recognition (0: pick from options) comes before recall (1: produce the answer).
int RecallLevel(QuestionKind kind);

// An item's recall cards are introduced once one of its recognition cards is this stable.
inline constexpr double kRecallUnlockStability = 7.0; // days

// "deck-id/item-id/kind": the stable key progress is stored under.
std::string CardKey(std::string_view deck, std::string_view item, QuestionKind kind);

// --- Ratings -------------------------------------------------------------------------

// A typical answer time: the median of the learner's recent right answers of a kind.
// 0 (unknown) with fewer than kMinTimingSamples answers.
inline constexpr size_t kMinTimingSamples = 10;
int TypicalResponseMs(std::vector<int> recentRightAnswersMs);

// The chance that a blind guess answers right: 1 in 2 for which-first, 1 in n for one of n
// options, 1 in 2^n - 1 when any non-empty set of n options may be right (select all), 1 in
// n! for an ordering of n events, none for a typed year or a self-graded flashcard.
double GuessChance(QuestionKind kind, size_t options, bool selectAll = false);

// How much a right answer shows that the card was remembered rather than guessed: by Bayes,
// R / (R + (1 - R) c) for the card's predicted recall R before the answer and the guess
// chance c.
double EvidenceOfRecall(double recall, double guessChance);

// A right answer with less evidence than this is not sure (which-first at R = 0.6: 0.75).
inline constexpr double kSureEvidence = 0.75;

struct AnswerEvidence {
  double evidence = 1.0; // EvidenceOfRecall; 1 for an answer that cannot be guessed
  bool guessed = false;  // the learner said so
};

// Judged answers are not self-graded: wrong is Again. Right is Good, and right in at most
// half the learner's typical time (when known) Easy; but a right answer the learner says
// was a guess is Hard, and so is a right answer that is not sure (kSureEvidence) unless it
// came within the learner's typical time, and then it is Good at most.
Rating RateAnswer(bool correct, int responseMs, int typicalMs, AnswerEvidence evidence = {});

// A date-ordering answer: `answer[i]` is the true position (0-based) of the event the
// learner put at place i. Each event is rated Good when it is ordered correctly against
// every other event, Again otherwise; `ratings[k]` is for the event whose true position is k.
std::vector<Rating> RateOrdering(const std::vector<int>& answer);

// Partial credit for an ordering: 1 minus the normalized Kendall tau distance (the share
// of pairs in the wrong order). 1 for the right order, 0 for the reversed one.
double OrderingCredit(const std::vector<int>& answer);

// --- The daily queue -----------------------------------------------------------------

struct StudyCard {
  MemoryState memory;
  size_t item = 0; // dense item number: cards of one item are siblings
  QuestionKind kind = QuestionKind::MultipleChoice;
  bool suspended = false;
};

enum class QueueMode {
  Normal,     // today's learning, due reviews and new cards, within the limits
  StudyAhead, // also reviews due in the next `aheadDays` days
  Cram,       // every card given, shuffled; answers do not change the schedule
};

struct QueueOptions {
  QueueMode mode = QueueMode::Normal;
  int newPerDay = 20;
  int reviewsPerDay = 200;
  int newDoneToday = 0;               // already introduced today
  int reviewsDoneToday = 0;           // already reviewed today
  StudyDay day;                       // the learner's days: time zone and day-start hour
  int aheadDays = 1;                  // for StudyAhead
  TimeMs learnAhead = 20 * kMinuteMs; // learning cards due this soon are shown now
  std::uint64_t seed = 0;             // cram order
};

enum class QueueSlot { Learning, Review, New, Cram };

struct QueueEntry {
  size_t card; // index into the cards given
  QueueSlot slot;
  bool reschedule = true; // false in cram mode: record the answer, keep the schedule
};

// Today's queue: learning cards first (by due time), then reviews (lowest retrievability
// first) with new cards spread among them (in the order given). At most one card per item
// per day, and none of an item already studied today, except learning cards. Recall cards
// of an item wait until its recognition is stable (kRecallUnlockStability).
std::vector<QueueEntry> BuildDailyQueue(const std::vector<StudyCard>& cards, const Fsrs& fsrs, TimeMs now,
                                        const QueueOptions& options);

} // namespace factdeck::srs
