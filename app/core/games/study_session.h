// A study session: today's queue for one deck and learner, one question at a time, each
// answer rated, rescheduled and saved before its feedback is shown. The Study screen draws
// from it; tests drive it without a window.
#pragma once

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <unordered_map>
#include <string>
#include <vector>

#include "core/store/profile_store.h"
#include "core/games/question_run.h"
#include "core/questions/questions.h"

namespace factdeck {

struct StudySummary {
  int answered = 0, correct = 0;
  int newCards = 0; // cards met for the first time

  int askedAgain = 0; // questions that came back in the session for a learning step
  int setAside = 0;   // questions the learner reported, left unanswered
  srs::TimeMs started = 0, ended = 0;
};

// A card still in its learning steps comes back in the same session when its next step is
// due within the learn-ahead time, at most this many times (so a session always ends).
inline constexpr int kMaxReturnsPerCard = 4;
// Building the day's queue again after setting cards aside (no question today, a prompt
// already asked, an answer already shown): each pass sets at least one more aside, and the
// queue is filled back to the day's limits, usually within two or three passes.
inline constexpr int kMaxQueuePasses = 32;

class StudySession : public QuestionRun {
public:
  struct Options {
    srs::QueueOptions queue;
    srs::FsrsParameters fsrs;
    srs::StudyDay day;
    std::uint64_t seed = 1;
    // An exam's cards (core/app/exams.h), in this order, after the learning steps due:
    // the queue instead of today's usual one, its limits not applied.
    std::vector<std::pair<std::string, QuestionKind>> planned;
  };

  // Builds today's queue from the deck's cards and the learner's stored progress. `store`
  // may be null: the session then runs and says that nothing is saved.
  StudySession(const Deck& deck, ProfileStore* store, std::int64_t profile, srs::TimeMs now, Options options);

  bool Done() const override { return m_current >= m_questions.size() && m_returns.empty(); }
  size_t Position() const override { return m_current; }
  // The questions answered and those left: the session's size, which grows only when an
  // answer adds steps (StudyFeedback::addedToSession).
  size_t Total() const override { return m_current + (m_feedback ? 1 : 0) + Left(); }
  // Questions still to answer, counting each card's learning steps that will come back in
  // this session if it is answered right (a new card is usually asked twice).
  size_t Left() const;
  // What the last answer added to the session (StudyFeedback::addedToSession), kept after
  // its feedback: a flashcard graded Again moves on at once, and the count says why it grew.
  int LastAdded() const { return m_lastAdded; }
  // The questions queued now, each once (the learning steps to come are not counted).
  size_t Queued() const { return m_questions.size() - std::min(m_current, m_questions.size()) + m_returns.size(); }
  const Question* Current() const override { return Done() ? nullptr : &m_questions[m_current]; }
  // The feedback for the current question once it is answered, else null.
  const StudyFeedback* Feedback() const override { return m_feedback ? &*m_feedback : nullptr; }
  const StudySummary& Summary() const { return m_summary; }
  // What is left to study beyond today's queue: new cards over the daily limit, and
  // reviews due by this time tomorrow (for "Study more").
  size_t NewLeft() const { return m_newLeft; }
  size_t DueTomorrow() const { return m_dueTomorrow; }

  // Answers: the option picked, the order given (option indices, earliest first), a typed
  // year, or a flashcard's self-grade. Each rates the card, saves it, then sets Feedback().
  void AnswerOptions(const std::vector<int>& chosen, int responseMs, srs::TimeMs now) override;
  void AnswerOrder(const std::vector<int>& order, int responseMs, srs::TimeMs now) override;
  void AnswerYear(const std::string& text, int responseMs, srs::TimeMs now) override;
  void Grade(srs::Rating rating, int responseMs, srs::TimeMs now) override;
  // After a right answer to a question that could be guessed: the learner says it was a
  // guess. Its cards are rated Hard instead (docs/scheduling.md), saved again.
  bool CanSayGuessed() const;
  void SayGuessed(srs::TimeMs now);

  // What each flashcard grade button would give: "10 min", "1 d", "3 d", ...
  std::array<std::string, 4> GradeIntervals(srs::TimeMs now) const override;

  // On to the next question (after its feedback).
  void Next(srs::TimeMs now) override;
  // The learner reported the question shown: it is left unanswered (or, answered already,
  // left behind) and does not come back in this session.
  void SetAsideCurrent(srs::TimeMs now);

private:
  void ShowNext(srs::TimeMs now);
  struct Entry {
    std::string item;
    QuestionKind kind;
    srs::MemoryState memory;
  };
  srs::MemoryState MemoryOf(const std::string& item, QuestionKind kind) const;
  // Today's queue: BuildDailyQueue's, or an exam's plan (Options::planned).
  std::vector<srs::QueueEntry> Queue(const std::vector<srs::StudyCard>& cards, const std::vector<Entry>& entries,
                                     srs::TimeMs now, const srs::QueueOptions& queueOptions) const;
  // The question for the card (`item`, `kind`) with `memory`: asked from memory while a card
  // that could be guessed is in its learning steps and its question can be (AskFromMemory).
  std::optional<Question> Ask(QuestionKind kind, const std::string& item, const srs::MemoryState& memory,
                              std::uint64_t seed) const;
  // The rating of a right or wrong answer about `item`, by RateAnswer with the evidence
  // the answer gives for that card (the question's guess chance against its recall).
  srs::Rating RatingFor(const std::string& item, QuestionKind kind, bool correct, int responseMs,
                        srs::TimeMs now) const;
  // srs::EvidenceOfRecall for a right answer to `q` about a card with `memory`.
  double EvidenceOf(const srs::MemoryState& memory, const Question& q, srs::TimeMs now) const;
  // One card's review of the current answer (`part` 0 is the answer itself).
  void Record(const std::string& item, QuestionKind kind, bool correct, srs::Rating rating, const std::string& given,
              int responseMs, srs::TimeMs now, StudyFeedback& feedback, int part = 0, bool answerCorrect = false);
  // The card comes back in this session when still learning and its next step falls within
  // the learn-ahead time; its return is planned with the showings that follow it.
  void PlanReturn(const std::string& item, QuestionKind kind, const srs::MemoryState& before,
                  const srs::MemoryState& after, srs::TimeMs now);
  // How many times a question is shown from `at` if every answer is right: 1, plus the
  // learning steps that come back within the learn-ahead time.
  size_t PlannedShowings(srs::MemoryState memory, const Question& q, srs::TimeMs at, bool reschedule,
                         int returnsSoFar) const;
  void Finish(bool correct, double credit, StudyFeedback feedback);

  const Deck& m_deck;
  ProfileStore* m_store;
  std::int64_t m_profile;
  Options m_options;
  srs::Fsrs m_fsrs;
  QuestionGenerator m_generator;
  std::vector<Question> m_questions;
  std::vector<bool> m_reschedule;
  std::vector<size_t> m_planned;                              // each question's planned showings (PlannedShowings)
  std::unordered_map<std::string, srs::MemoryState> m_memory; // key -> state, as stored and updated
  std::vector<int> m_rightTimes;                              // this session's right answers, ms
  std::int64_t m_sessionId = 0;                               // the session row in the store
  size_t m_current = 0;
  // Cards that come back later in the session (their learning step), by when they are due.
  struct Return {
    Question question;
    srs::TimeMs due = 0;
    size_t planned = 1;
  };
  // The cards the current answer reviewed, for SayGuessed.
  struct Reviewed {
    std::string item;
    QuestionKind kind;
    srs::MemoryState before;
    srs::Rating rating;
    std::int64_t reviewId = 0;
    srs::TimeMs time = 0;
  };
  std::vector<Reviewed> m_reviewed;
  std::vector<Return> m_returns;
  std::unordered_map<std::string, int> m_returnCount; // key -> times it came back
  size_t m_newLeft = 0, m_dueTomorrow = 0;
  std::optional<StudyFeedback> m_feedback;
  int m_lastAdded = 0;
  StudySummary m_summary;
};

// "10 min", "3 h", "1 d", "3.5 mo", "2.1 y": how long until a card is due.
std::string FormatInterval(srs::TimeMs from, srs::TimeMs due);

} // namespace factdeck
