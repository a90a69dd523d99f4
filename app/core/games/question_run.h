// What a screen answers questions in: a study session, a practice quiz or an exam. The
// answering widgets are the same for all; what an answer does (reschedule, score, wait for
// the report) is the run's business.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "core/questions/questions.h"
#include "core/store/profile_store.h"
#include "core/srs/fsrs.h"

namespace factdeck {

struct StudyFeedback {
  bool correct = false;
  double credit = 0.0;     // 0..1; orderings earn partial credit
  std::string rightAnswer; // as the learner should read it
  std::string explanation, source;
  std::string saveError; // set when the answer could not be saved
  int points = 0;        // practice: what this answer scored
  // Study: questions this answer added to the session (a failed card's steps coming back),
  // beyond those planned for it; and whether the learner said the right answer was a guess.
  int addedToSession = 0;
  bool saidGuessed = false;
};

class QuestionRun {
public:
  virtual ~QuestionRun() = default;

  virtual bool Done() const = 0;
  virtual size_t Position() const = 0;
  virtual size_t Total() const = 0;
  virtual const Question* Current() const = 0;
  // The current question's feedback once answered; null before (and always in an exam).
  virtual const StudyFeedback* Feedback() const = 0;

  // The options picked: one, or for a select-all question (SelectAll) every one the learner
  // marked. AnswerOption picks one.
  virtual void AnswerOptions(const std::vector<int>& chosen, int responseMs, srs::TimeMs now) = 0;
  void AnswerOption(int option, int responseMs, srs::TimeMs now) { AnswerOptions({option}, responseMs, now); }
  virtual void AnswerOrder(const std::vector<int>& order, int responseMs, srs::TimeMs now) = 0;
  virtual void AnswerYear(const std::string& text, int responseMs, srs::TimeMs now) = 0;
  virtual void Grade(srs::Rating rating, int responseMs, srs::TimeMs now) = 0;
  virtual void Next(srs::TimeMs now) = 0;

  // What each flashcard grade would give ("10 min", "3 d"); empty labels when grades do
  // not schedule anything (a quiz).
  virtual std::array<std::string, 4> GradeIntervals(srs::TimeMs now) const = 0;
};

// How an answer is judged, the same in every run: the option, the order (Kendall tau
// credit), or the typed year (within the question's tolerance).
struct Judgement {
  bool correct = false;
  double credit = 0.0;
  std::string given, rightAnswer;
};
// An answer as the store logs it: whose, which card (`item` and `kind`), when, the options
// shown, what was given and whether it was right. The caller adds the response time, the
// rating, whether it reschedules and the memory state after.
AnswerRecord LoggedAnswer(const Question& q, const std::string& item, QuestionKind kind, std::int64_t profile,
                          std::int64_t session, const std::string& deck, srs::TimeMs now, const std::string& given,
                          bool correct);

// Right when the options chosen are exactly the right ones (in any order, each once).
Judgement JudgeOptions(const Question& q, const std::vector<int>& chosen);
inline Judgement JudgeOption(const Question& q, int option) { return JudgeOptions(q, {option}); }
Judgement JudgeOrder(const Question& q, const std::vector<int>& order);
Judgement JudgeYear(const Question& q, const std::string& text);

} // namespace factdeck
