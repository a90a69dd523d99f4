// Intents of the question screen: start a study session, a practice quiz or an exam on a
// deck; answer (an option, an order, a typed year, a flashcard grade); go on; the exam's
// report.
#include <algorithm>

#include "core/app/reducer.h"
#include "core/base/paths.h"

namespace factdeck::reducer {

namespace {

// A new question is on screen: its time starts, nothing is answered or revealed yet.
void ShowQuestion(AppState& state, StudyState& study, srs::TimeMs now) {
  study.shownSerial = ++state.shownCount;
  study.shownAt = now;
  study.shownPosition = study.session->Position();
  study.revealed = false;
  study.chosen.clear();
  // An exam question answered before shows that answer, to keep or change.
  if (const ExamDraft* draft = study.quiz ? study.quiz->Draft(study.session->Position()) : nullptr)
    study.chosen = draft->options;
  state.confirmations.clear(); // what was done belongs to the question before
}

void StartRun(AppState& state, std::unique_ptr<StudyState> study, srs::TimeMs now) {
  ShowQuestion(state, *study, now);
  state.study = std::move(study);
  state.screen = Screen::Study;
}

// The run being answered, or null.
StudyState* Running(AppState& state) { return state.study && state.study->session ? state.study.get() : nullptr; }

int ResponseMs(const StudyState& study, srs::TimeMs now) {
  return static_cast<int>(std::clamp<srs::TimeMs>(now - study.shownAt, 0, 600000));
}

// An exam moves on by itself after each answer: the next question is shown at once.
void FollowExam(AppState& state, StudyState& study, srs::TimeMs now) {
  if (study.quiz && study.session->Position() != study.shownPosition) ShowQuestion(state, study, now);
}

} // namespace

void Apply(AppState& state, const StartStudy& start, Context& context) {
  auto deck = LoadListedDeck(state, start.deck);
  if (!deck) return;
  auto study = std::make_unique<StudyState>();
  study->deck = std::move(deck);
  StudySession::Options options;
  options.day = srs::LocalStudyDay(state.settings.dayStartHour);
  options.fsrs = LearnerFsrsParameters(state);
  options.queue.newPerDay = state.settings.newPerDay;
  options.queue.reviewsPerDay = state.settings.reviewsPerDay;
  options.seed = static_cast<std::uint64_t>(context.now);
  if (state.store) {
    // Today's limits count what was already done today, in any session.
    const StoreStats today = state.store->Stats(state.profile, context.now, options.day);
    options.queue.reviewsDoneToday = static_cast<int>(today.cardReviewsToday - today.introducedToday);
    options.queue.newDoneToday = static_cast<int>(today.introducedToday);
  }
  // Study more, when today's queue is done: a few more new cards, or tomorrow's reviews.
  if (start.extraNew > 0) options.queue.newPerDay = options.queue.newDoneToday + start.extraNew;
  if (start.ahead) {
    options.queue.mode = srs::QueueMode::StudyAhead;
    options.queue.aheadDays = 1;
    options.queue.newPerDay = options.queue.newDoneToday;
  }
  if (start.exam != 0) {
    options.planned = ExamCards(state, start.exam, study->deck->id, start.revision);
    if (options.planned.empty()) {
      state.notices.push_back(start.revision ? "The exam has no cards on this deck to revise."
                                             : "Nothing is planned for today on this deck: the exam's plan is done.");
      return;
    }
  }
  auto session = std::make_unique<StudySession>(*study->deck, state.store.get(), state.profile, context.now, options);
  study->study = session.get();
  study->session = std::move(session);
  StartRun(state, std::move(study), context.now);
}

void Apply(AppState& state, const StartQuiz& start, Context& context) {
  auto deck = LoadListedDeck(state, start.deck);
  if (!deck) return;
  auto study = std::make_unique<StudyState>();
  study->deck = std::move(deck);
  QuizOptions options = start.options;
  options.request.seed = static_cast<std::uint64_t>(context.now);
  options.fsrs = LearnerFsrsParameters(state);
  auto quiz = std::make_unique<QuizSession>(*study->deck, state.store.get(), state.profile, context.now, options);
  study->quiz = quiz.get();
  study->session = std::move(quiz);
  StartRun(state, std::move(study), context.now);
}

void Apply(AppState& state, const StudyChooseAll& choose, Context& context) {
  StudyState* study = Running(state);
  if (!study) return;
  if (!study->session->Feedback()) study->chosen = choose.options;
  study->session->AnswerOptions(choose.options, ResponseMs(*study, context.now), context.now);
  FollowExam(state, *study, context.now);
}

void Apply(AppState& state, const ExamGoTo& go, Context& context) {
  StudyState* study = Running(state);
  if (!study || !study->quiz) return;
  study->quiz->GoTo(go.index, context.now);
  ShowQuestion(state, *study, context.now);
}

void Apply(AppState& state, const ExamFlag&, Context&) {
  if (StudyState* study = Running(state); study && study->quiz) study->quiz->ToggleFlag();
}

void Apply(AppState& state, const ExamHandIn&, Context& context) {
  StudyState* study = Running(state);
  if (!study || !study->quiz) return;
  study->quiz->HandIn(context.now);
  ShowQuestion(state, *study, context.now);
}

void Apply(AppState& state, const StudyChoose& choose, Context& context) {
  Apply(state, StudyChooseAll{{choose.option}}, context);
}

void Apply(AppState& state, const StudyOrder& order, Context& context) {
  StudyState* study = Running(state);
  if (!study) return;
  study->session->AnswerOrder(order.order, ResponseMs(*study, context.now), context.now);
  FollowExam(state, *study, context.now);
}

void Apply(AppState& state, const StudyTypeYear& typed, Context& context) {
  StudyState* study = Running(state);
  if (!study) return;
  study->session->AnswerYear(typed.text, ResponseMs(*study, context.now), context.now);
  FollowExam(state, *study, context.now);
}

void Apply(AppState& state, const StudyReveal&, Context&) {
  if (StudyState* study = Running(state)) study->revealed = true;
}

void Apply(AppState& state, const StudyGrade& grade, Context& context) {
  StudyState* study = Running(state);
  if (!study || !study->revealed) return;
  study->session->Grade(grade.rating, ResponseMs(*study, context.now), context.now);
  // The grade was the answer, and the back is already showing: on to the next card, unless
  // something needs saying (the answer could not be saved).
  const StudyFeedback* feedback = study->session->Feedback();
  if (feedback && feedback->saveError.empty()) {
    study->session->Next(context.now);
    ShowQuestion(state, *study, context.now);
    return;
  }
  FollowExam(state, *study, context.now);
}

void Apply(AppState& state, const StudySayGuessed&, Context& context) {
  StudyState* study = Running(state);
  if (study && study->study) study->study->SayGuessed(context.now);
}

void Apply(AppState& state, const StudyNext&, Context& context) {
  StudyState* study = Running(state);
  if (!study) return;
  study->session->Next(context.now);
  ShowQuestion(state, *study, context.now);
}

namespace {
// The right answer as the question showed it after answering.
std::string ShownAnswer(const Question& q) {
  if (q.kind == QuestionKind::Ordering) return JudgeOrder(q, {}).rightAnswer;
  if (!RightOptions(q).empty()) return JudgeOptions(q, {}).rightAnswer;
  return q.answerText;
}
} // namespace

void Apply(AppState& state, const ReportQuestion& r, Context& context) {
  StudyState* study = Running(state);
  if (!study) return;
  const Question* q = study->session->Current();
  if (!q) return;
  if (!state.store) {
    state.notices.push_back("The report was not kept: progress is not being saved on this computer.");
    return;
  }
  QuestionReport report;
  report.profile = state.profile;
  report.deck = study->deck->id;
  report.deckVersion = study->deck->version;
  report.item = q->card;
  report.kind = q->kind;
  report.mode = study->quiz ? QuizModeName(study->quiz->Mode()) : "study";
  report.reason = r.reason;
  report.note = r.note;
  report.prompt = q->prompt;
  report.options = q->options;
  report.answer = ShownAnswer(*q);
  report.source = q->source;
  report.time = context.now;
  if (StoreStatus saved = state.store->AddReport(report); !saved) {
    state.notices.push_back("The report was not kept: " + saved.message);
    return;
  }
  const std::string what = ReportReasonLabel(r.reason) + (r.note.empty() ? std::string() : ": " + r.note);
  if (study->quiz) {
    study->quiz->NoteReport(what);
    state.confirmations.push_back("Reported (" + what + "). It is listed in the report at the end.");
  } else if (study->study) {
    study->study->SetAsideCurrent(context.now);
    ShowQuestion(state, *study, context.now);
    state.confirmations.push_back("Reported (" + what +
                                  "). This question is set aside for you until the deck changes.");
  }
}

void Apply(AppState& state, const StudyTick&, Context& context) {
  StudyState* study = Running(state);
  if (!study || !study->quiz) return;
  study->quiz->Tick(context.now);
  FollowExam(state, *study, context.now);
}

void Apply(AppState& state, const ExportQuizReport& report, Context& context) {
  StudyState* study = Running(state);
  if (!study || !study->quiz) return;
  const std::string text =
      report.html ? study->quiz->ReportHtml("Exam: " + study->deck->title) : study->quiz->ReportCsv();
  WriteReport(state, "Report", "exam", study->deck->id, report.html ? "html" : "csv", text, context.now);
}

} // namespace factdeck::reducer
