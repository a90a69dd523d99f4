#include "core/games/quiz_session.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/import/csv.h"
#include "core/base/iso_time.h"
#include "core/questions/worksheet.h"

namespace factdeck {

const char* QuizModeName(QuizMode mode) { return mode == QuizMode::Exam ? "exam" : "practice"; }

int PracticePoints(const Judgement& judgement, int streakBefore, bool streakBonus) {
  if (judgement.correct) {
    const double multiplier = streakBonus ? 1.0 + 0.5 * std::min(streakBefore, 4) : 1.0;
    return static_cast<int>(std::lround(100 * multiplier));
  }
  return static_cast<int>(std::lround(100 * judgement.credit)); // partial credit for an ordering, else 0
}

QuizSession::QuizSession(const Deck& deck, ProfileStore* store, std::int64_t profile, srs::TimeMs now,
                         QuizOptions options)
    : m_deck(deck), m_store(store), m_profile(profile), m_options(std::move(options)), m_fsrs(m_options.fsrs),
      m_started(now), m_questionShown(now) {
  bool askable = true;
  if (m_options.mode == QuizMode::Exam) {
    // An exam judges every answer: a flashcard's self-grade has no place in it.
    auto& kinds = m_options.request.kinds;
    if (kinds.empty()) kinds = AllQuestionKinds();
    kinds.erase(std::remove(kinds.begin(), kinds.end(), QuestionKind::Flashcard), kinds.end());
    askable = !kinds.empty(); // no kinds would mean every kind to the generator
  }
  if (askable) m_questions = QuestionGenerator(deck).Generate(m_options.request);
  m_drafts.resize(m_questions.size());
  m_flags.resize(m_questions.size());
  m_draftMs.resize(m_questions.size());
  if (m_store) {
    m_previousBest = m_store->PersonalBest(profile, QuizModeName(m_options.mode), deck.id);
    if (!m_questions.empty()) {
      StoreStatus started = m_store->StartSession(profile, QuizModeName(m_options.mode), deck.id, now);
      if (started) m_sessionId = started.id;
    }
  }
}

int QuizSession::Right() const {
  return static_cast<int>(
      std::count_if(m_answers.begin(), m_answers.end(), [](const QuizAnswer& a) { return a.judgement.correct; }));
}

StoreStatus RecordQuestionAnswer(ProfileStore& store, const srs::Fsrs& fsrs, std::int64_t profile, std::int64_t session,
                                 const std::string& deck, const Question& q, const std::string& given, bool correct,
                                 int responseMs, srs::TimeMs now, bool reschedule) {
  const srs::Rating rating = correct ? srs::Rating::Good : srs::Rating::Again;
  StoreStatus result;
  int part = 0; // one answer, however many events' cards it reviews
  for (const std::string& item : q.kind == QuestionKind::Ordering || q.kind == QuestionKind::WhichFirst
                                     ? q.items
                                     : std::vector<std::string>{q.items[0]}) {
    AnswerRecord record = LoggedAnswer(q, item, q.kind, profile, session, deck, now, given, correct);
    record.part = part++;
    record.responseMs = responseMs;
    record.rating = rating;
    record.reschedule = reschedule;
    const srs::MemoryState before = store.Card(profile, deck, item, q.kind).value_or(srs::MemoryState{});
    record.after =
        reschedule ? fsrs.Review(before, now, rating, std::hash<std::string>{}(item) + before.reps).card : before;
    StoreStatus saved = store.RecordAnswer(record);
    if (!saved) result = saved;
  }
  return result;
}

void QuizSession::Answered(Judgement judgement, int responseMs, srs::TimeMs now, bool timedOut) {
  const Question& q = m_questions[m_current];
  QuizAnswer answer{q, judgement, 0, timedOut};
  StudyFeedback feedback;
  feedback.correct = judgement.correct;
  feedback.credit = judgement.credit;
  feedback.rightAnswer = judgement.rightAnswer;
  feedback.explanation = q.explanation;
  feedback.source = q.source;
  if (m_options.mode == QuizMode::Practice) {
    answer.points = PracticePoints(judgement, m_streak, m_options.streakBonus);
    m_streak = judgement.correct ? m_streak + 1 : 0;
  } else {
    answer.points = judgement.correct ? 1 : 0;
  }
  m_score += answer.points;
  feedback.points = answer.points;

  // The log keeps every answer. An exam also reschedules, so its mistakes return in study.
  if (m_store) {
    StoreStatus saved = RecordQuestionAnswer(
        *m_store, m_fsrs, m_profile, m_sessionId, m_deck.id, q,
        timedOut ? (m_options.mode == QuizMode::Exam ? "(not answered)" : "(time ran out)") : judgement.given,
        judgement.correct, responseMs, now, m_options.mode == QuizMode::Exam);
    if (!saved) feedback.saveError = saved.message;
  }
  m_answers.push_back(std::move(answer));
  if (m_options.mode == QuizMode::Practice) m_feedback = std::move(feedback);
}

void QuizSession::AnswerOptions(const std::vector<int>& chosen, int responseMs, srs::TimeMs now) {
  const Question* q = Current();
  if (q == nullptr || m_feedback || q->options.empty() || q->kind == QuestionKind::Ordering) return;
  if (m_options.mode == QuizMode::Exam) return Keep({chosen, {}, {}}, responseMs);
  Answered(JudgeOptions(*q, chosen), responseMs, now);
}

void QuizSession::AnswerOrder(const std::vector<int>& order, int responseMs, srs::TimeMs now) {
  const Question* q = Current();
  if (q == nullptr || m_feedback || q->kind != QuestionKind::Ordering || order.size() != q->order.size()) return;
  if (m_options.mode == QuizMode::Exam) return Keep({{}, order, {}}, responseMs);
  Answered(JudgeOrder(*q, order), responseMs, now);
}

void QuizSession::AnswerYear(const std::string& text, int responseMs, srs::TimeMs now) {
  const Question* q = Current();
  if (q == nullptr || m_feedback || q->kind != QuestionKind::TypedYear) return;
  if (m_options.mode == QuizMode::Exam) return Keep({{}, {}, text}, responseMs);
  Answered(JudgeYear(*q, text), responseMs, now);
}

void QuizSession::Keep(ExamDraft draft, int responseMs) {
  m_drafts[m_current] = std::move(draft);
  m_draftMs[m_current] += responseMs;
  // On to the next question not yet answered, if any (else stay: the learner hands in).
  for (size_t step = 1; step <= m_questions.size(); ++step) {
    const size_t next = (m_current + step) % m_questions.size();
    if (!m_drafts[next]) {
      m_current = next;
      return;
    }
  }
}

void QuizSession::GoTo(size_t index, srs::TimeMs now) {
  if (m_options.mode != QuizMode::Exam || m_finished || index >= m_questions.size()) return;
  m_current = index;
  m_questionShown = now;
}

void QuizSession::ToggleFlag() {
  if (m_options.mode == QuizMode::Exam && !m_finished && m_current < m_flags.size())
    m_flags[m_current] = !m_flags[m_current];
}

std::string QuizSession::NotAnsweredText() const {
  const size_t missed = Unanswered();
  if (m_options.mode != QuizMode::Exam || !m_finished || (!m_timeRanOut && missed == 0)) return {};
  return std::string(m_timeRanOut ? "Time ran out. " : "") + std::to_string(missed) +
         (missed == 1 ? " question was" : " questions were") + " not answered.";
}

size_t QuizSession::Unanswered() const {
  return static_cast<size_t>(std::count(m_drafts.begin(), m_drafts.end(), std::nullopt));
}

void QuizSession::HandIn(srs::TimeMs now) {
  if (m_options.mode != QuizMode::Exam || m_finished) return;
  // Judged in question order; each saved as an answer given now.
  for (m_current = 0; m_current < m_questions.size(); ++m_current) {
    // A question never answered is judged as an empty answer: wrong, with its right answer.
    const Question& q = m_questions[m_current];
    const ExamDraft d = m_drafts[m_current].value_or(ExamDraft{});
    const Judgement j = q.kind == QuestionKind::Ordering    ? JudgeOrder(q, d.order)
                        : q.kind == QuestionKind::TypedYear ? JudgeYear(q, d.year)
                                                            : JudgeOptions(q, d.options);
    Answered(j, m_draftMs[m_current], now, !m_drafts[m_current]);
  }
  Finish(now);
}

void QuizSession::Grade(srs::Rating rating, int responseMs, srs::TimeMs now) {
  const Question* q = Current();
  if (q == nullptr || m_feedback || q->kind != QuestionKind::Flashcard) return;
  Judgement j;
  j.correct = rating != srs::Rating::Again;
  j.credit = j.correct ? 1.0 : 0.0;
  j.rightAnswer = q->answerText;
  j.given = j.correct ? "knew it" : "did not know";
  Answered(j, responseMs, now);
}

void QuizSession::Next(srs::TimeMs now) {
  if (!m_feedback) return;
  m_feedback.reset();
  ++m_current;
  m_questionShown = now;
  if (Done()) Finish(now);
}

void QuizSession::Finish(srs::TimeMs now) {
  if (m_finished) return;
  m_finished = true;
  m_current = m_questions.size();
  if (!m_store) return;
  if (m_sessionId > 0) m_store->EndSession(m_sessionId, now, m_score, static_cast<int>(m_answers.size()), Right());
  StoreStatus best = m_store->RecordScore(m_profile, QuizModeName(m_options.mode), m_deck.id, m_score, now);
  m_newBest = best.ok && best.id == 1;
}

std::optional<double> QuizSession::SecondsLeft(srs::TimeMs now) const {
  if (m_options.mode == QuizMode::Practice && m_options.secondsPerQuestion > 0 && !m_feedback)
    return m_options.secondsPerQuestion - static_cast<double>(now - m_questionShown) / 1000.0;
  if (m_options.mode == QuizMode::Exam && m_options.timeLimitSeconds > 0)
    return m_options.timeLimitSeconds - static_cast<double>(now - m_started) / 1000.0;
  return std::nullopt;
}

void QuizSession::Tick(srs::TimeMs now) {
  if (Done()) return;
  auto left = SecondsLeft(now);
  if (!left || *left > 0) return;
  if (m_options.mode == QuizMode::Practice) {
    Judgement timedOut;
    timedOut.rightAnswer = m_questions[m_current].answer >= 0
                               ? m_questions[m_current].options[static_cast<size_t>(m_questions[m_current].answer)]
                               : m_questions[m_current].answerText;
    Answered(timedOut, m_options.secondsPerQuestion * 1000, now, true);
    return;
  }
  // The exam's time is up: it is handed in as it stands.
  m_timeRanOut = true;
  HandIn(now);
}

std::vector<TagResult> QuizSession::ByTag() const {
  std::map<std::string, TagResult> byTag;
  for (const QuizAnswer& a : m_answers)
    for (const std::string& tag : a.question.tags.empty() ? std::vector<std::string>{"(no tag)"} : a.question.tags) {
      TagResult& r = byTag[tag];
      r.tag = tag;
      r.right += a.judgement.correct ? 1 : 0;
      ++r.total;
    }
  std::vector<TagResult> results;
  for (auto& [tag, r] : byTag)
    results.push_back(r);
  std::stable_sort(results.begin(), results.end(), [](const TagResult& a, const TagResult& b) {
    return static_cast<long long>(a.right) * b.total < static_cast<long long>(b.right) * a.total;
  });
  return results;
}

void QuizSession::NoteReport(std::string text) {
  if (const Question* q = Current()) m_reported[q->key] = std::move(text);
}

std::string QuizSession::ReportCsv() const {
  std::string csv = FormatCsvRecord(
      {"number", "kind", "question", "your answer", "right answer", "right", "tags", "source", "reported"});
  for (size_t i = 0; i < m_answers.size(); ++i) {
    const QuizAnswer& a = m_answers[i];
    std::string tags;
    for (const std::string& t : a.question.tags)
      tags += (tags.empty() ? "" : " ") + t;
    auto reported = m_reported.find(a.question.key);
    csv += FormatCsvRecord({std::to_string(i + 1), QuestionKindName(a.question.kind), a.question.prompt, Given(a),
                            a.judgement.rightAnswer, a.judgement.correct ? "yes" : "no", tags, a.question.source,
                            reported == m_reported.end() ? "" : reported->second});
  }
  return csv;
}

std::string QuizSession::ReportHtml(const std::string& title) const {
  std::string html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
                     EscapeHtml(title) +
                     "</title>\n<style>body{font-family:\"DejaVu Sans\",Arial,sans-serif;margin:2em;max-width:60em}"
                     "table{border-collapse:collapse}td,th{border:1px solid #999;padding:.3em .6em;text-align:left}"
                     ".wrong{color:#a33}.right{color:#236}</style>\n</head>\n<body>\n<h1>" +
                     EscapeHtml(title) + "</h1>\n";
  html += "<p>" + std::to_string(Right()) + " of " + std::to_string(m_answers.size()) + " right.</p>\n";
  if (const std::string missed = NotAnsweredText(); !missed.empty()) html += "<p>" + EscapeHtml(missed) + "</p>\n";
  html +=
      "<h2>By tag, weakest first</h2>\n<table>\n<tr><th>Tag</th><th>Right</th><th>Questions</th><th>Share</th></tr>\n";
  for (const TagResult& r : ByTag())
    html += "<tr><td>" + EscapeHtml(r.tag) + "</td><td>" + std::to_string(r.right) + "</td><td>" +
            std::to_string(r.total) + "</td><td>" + std::to_string(r.total ? 100 * r.right / r.total : 0) +
            "%</td></tr>\n";
  html += "</table>\n<h2>Every question</h2>\n<ol>\n";
  for (const QuizAnswer& a : m_answers) {
    html += "<li><p>" + EscapeHtml(a.question.prompt) + "</p><p class=\"" + (a.judgement.correct ? "right" : "wrong") +
            "\">" + (a.judgement.correct ? "Right: " : "Your answer: ") + EscapeHtml(Given(a)) + "</p>";
    if (!a.judgement.correct) html += "<p>Right answer: " + EscapeHtml(a.judgement.rightAnswer) + "</p>";
    html += "<p>" + EscapeHtml(a.question.explanation) + "</p>";
    if (!a.question.source.empty()) html += "<p><small>Source: " + EscapeHtml(a.question.source) + "</small></p>";
    if (auto reported = m_reported.find(a.question.key); reported != m_reported.end())
      html += "<p class=\"wrong\">You reported this question: " + EscapeHtml(reported->second) + "</p>";
    html += "</li>\n";
  }
  return html + "</ol>\n</body>\n</html>\n";
}

} // namespace factdeck
