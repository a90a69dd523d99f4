// Practice quizzes and exams: questions chosen by tags, kinds and count rather than by the
// scheduler. docs/scoring.md gives the rules.
//
// Practice: feedback after every answer, points with a streak multiplier, an optional
// timer per question, a personal best, and a review of every mistake at the end. Answers
// are logged but do not change the schedule.
// Exam: judged kinds only (no self-graded flashcards), a time limit for the whole exam and
// no feedback until it is handed in. Until then answers can be changed, questions visited
// in any order and flagged for review. Then a report by tag, weakest first; answers are
// rated and rescheduled, so mistakes come back in study.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/store/profile_store.h"
#include "core/games/question_run.h"

namespace factdeck {

enum class QuizMode { Practice, Exam };

const char* QuizModeName(QuizMode mode); // "practice", "exam": stored with sessions and bests

struct QuizOptions {
  QuizMode mode = QuizMode::Practice;
  QuestionRequest request;
  int secondsPerQuestion = 0; // practice: 0 for no timer
  int timeLimitSeconds = 0;   // exam: 0 for no limit
  bool streakBonus = true;    // practice
  srs::FsrsParameters fsrs;   // the learner's scheduler, for the answers the cards remember
};

struct QuizAnswer {
  Question question;
  Judgement judgement;
  int points = 0;
  bool timedOut = false; // practice: the question's time ran out; exam: never answered
};

// An exam answer not yet handed in: what the learner chose, to be judged at the end.
struct ExamDraft {
  std::vector<int> options, order;
  std::string year;
};

struct TagResult {
  std::string tag;
  int right = 0, total = 0;
};

// Points for a practice answer: 100 for a right one, times 1 + 0.5 for each right answer in
// a row before it (at most x3); an ordering earns its share of pairs in order, without the
// multiplier unless it is all right; a wrong answer 0.
int PracticePoints(const Judgement& judgement, int streakBefore, bool streakBonus);

// Keeps a learner's answer to `q` in the review log, one row per item it asked about (every
// event of an ordering or which-first question), rated Good when right and Again when wrong.
// With `reschedule` the cards move on by FSRS, so mistakes come back in study.
StoreStatus RecordQuestionAnswer(ProfileStore& store, const srs::Fsrs& fsrs, std::int64_t profile, std::int64_t session,
                                 const std::string& deck, const Question& q, const std::string& given, bool correct,
                                 int responseMs, srs::TimeMs now, bool reschedule);

class QuizSession : public QuestionRun {
public:
  QuizSession(const Deck& deck, ProfileStore* store, std::int64_t profile, srs::TimeMs now, QuizOptions options);

  bool Done() const override { return m_finished || m_current >= m_questions.size(); }
  size_t Position() const override { return m_current; }
  size_t Total() const override { return m_questions.size(); }
  const Question* Current() const override { return Done() ? nullptr : &m_questions[m_current]; }
  const Question& At(size_t index) const { return m_questions[index]; }
  const StudyFeedback* Feedback() const override { return m_feedback ? &*m_feedback : nullptr; }

  void AnswerOptions(const std::vector<int>& chosen, int responseMs, srs::TimeMs now) override;
  void AnswerOrder(const std::vector<int>& order, int responseMs, srs::TimeMs now) override;
  void AnswerYear(const std::string& text, int responseMs, srs::TimeMs now) override;
  void Grade(srs::Rating rating, int responseMs, srs::TimeMs now) override;
  void Next(srs::TimeMs now) override;
  std::array<std::string, 4> GradeIntervals(srs::TimeMs) const override { return {}; }

  // Timers: call every frame. A practice question left too long counts as wrong; an exam
  // past its limit ends, unanswered questions counting as wrong.
  void Tick(srs::TimeMs now);
  // Seconds left for this question (practice) or the exam; nullopt without a timer.
  std::optional<double> SecondsLeft(srs::TimeMs now) const;

  // Exam: go to any question; flag the current one for review; hand in (every answer is then
  // judged and saved, those never given counted wrong as "not answered").
  void GoTo(size_t index, srs::TimeMs now);
  void ToggleFlag();
  bool Flagged(size_t index) const { return index < m_flags.size() && m_flags[index]; }
  const ExamDraft* Draft(size_t index) const {
    return index < m_drafts.size() && m_drafts[index] ? &*m_drafts[index] : nullptr;
  }
  size_t Unanswered() const;
  // After the hand-in: "Time ran out. 3 questions were not answered.", or "" when all were.
  std::string NotAnsweredText() const;
  void HandIn(srs::TimeMs now);
  bool TimeRanOut() const { return m_timeRanOut; }

  QuizMode Mode() const { return m_options.mode; }
  int Score() const { return m_score; }
  int Streak() const { return m_streak; }
  int Right() const;
  std::optional<int> PreviousBest() const { return m_previousBest; }
  bool NewBest() const { return m_newBest; }
  const std::vector<QuizAnswer>& Answers() const { return m_answers; }
  // What the learner answered, for the report: "(time ran out)" for a practice question
  // left too long, "(not answered)" for an exam question never answered.
  std::string Given(const QuizAnswer& a) const {
    return !a.timedOut ? a.judgement.given : m_options.mode == QuizMode::Exam ? "(not answered)" : "(time ran out)";
  }
  // Exam report: right and total per tag, weakest first ("(no tag)" for untagged items).
  std::vector<TagResult> ByTag() const;
  // The report as a self-contained HTML page, and as CSV (one row per question).
  std::string ReportHtml(const std::string& title) const;
  std::string ReportCsv() const;
  // The learner reported the question shown ("Two right answers: B and C are both true");
  // the report names it beside that question. Reported() by question key.
  void NoteReport(std::string text);
  const std::map<std::string, std::string>& Reported() const { return m_reported; }

private:
  void Answered(Judgement judgement, int responseMs, srs::TimeMs now, bool timedOut = false);
  void Keep(ExamDraft draft, int responseMs); // exam: the current question's answer, for now
  void Finish(srs::TimeMs now);

  const Deck& m_deck;
  ProfileStore* m_store;
  std::int64_t m_profile;
  QuizOptions m_options;
  srs::Fsrs m_fsrs;
  std::vector<Question> m_questions;
  std::vector<QuizAnswer> m_answers;
  std::map<std::string, std::string> m_reported; // question key -> what the learner reported
  size_t m_current = 0;
  std::optional<StudyFeedback> m_feedback;
  srs::TimeMs m_started = 0, m_questionShown = 0;
  std::int64_t m_sessionId = 0;
  int m_score = 0, m_streak = 0;
  std::optional<int> m_previousBest;
  bool m_newBest = false, m_finished = false;
  std::vector<std::optional<ExamDraft>> m_drafts; // exam: per question
  std::vector<bool> m_flags;                      // exam: per question
  std::vector<int> m_draftMs;                     // exam: time spent on each question
  bool m_timeRanOut = false;
};

} // namespace factdeck
