#include "classroom.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "csv.h"

namespace factdeck {

const char* ClassroomModeName(ClassroomMode mode) {
  return mode == ClassroomMode::Turns ? "turns" : "buzzer";
}

const char* ClassroomScoringName(ClassroomScoring scoring) {
  return scoring == ClassroomScoring::Speed ? "speed" : "accuracy";
}

int ClassroomPoints(ClassroomScoring scoring, double answerSeconds, double limitSeconds, int streakBefore, bool streakBonus) {
  int points = 1000;
  if (scoring == ClassroomScoring::Speed && limitSeconds > 0) {
    const double t = std::clamp(answerSeconds, 0.0, limitSeconds);
    points = static_cast<int>(std::lround((1.0 - t / limitSeconds / 2.0) * 1000.0));
  }
  if (streakBonus) points += 100 * std::clamp(streakBefore, 0, 5);
  return points;
}

ClassroomMatch::ClassroomMatch(const Deck& deck, ClassroomOptions options, std::vector<ClassroomTeam> teams, srs::TimeMs now)
    : m_options(std::move(options)), m_started(now), m_random(m_options.request.seed) {
  // Classroom questions are answered by picking an option.
  if (m_options.request.kinds.empty())
    m_options.request.kinds = {QuestionKind::MultipleChoice, QuestionKind::MultipleChoiceReverse, QuestionKind::When,
                               QuestionKind::WhichFirst};
  m_options.request.kinds.erase(std::remove_if(m_options.request.kinds.begin(), m_options.request.kinds.end(),
                                               [](QuestionKind k) {
                                                 return k == QuestionKind::Ordering || k == QuestionKind::TypedYear ||
                                                        k == QuestionKind::Flashcard;
                                               }),
                                m_options.request.kinds.end());
  m_questions = QuestionGenerator(deck).Generate(m_options.request);
  for (ClassroomTeam& t : teams) m_teams.push_back({std::move(t), 0, 0, 0, 0});
  m_locked.assign(m_teams.size(), false);
  if (m_questions.empty() || m_teams.size() < 2) {
    m_phase = Phase::Finished;
    return;
  }
  Begin(now);
}

void ClassroomMatch::Begin(srs::TimeMs now) {
  m_phase = Phase::Reading;
  m_shown = now;
  m_optionsAt = now + static_cast<srs::TimeMs>(m_options.readSeconds) * 1000;
  m_locked.assign(m_teams.size(), false);
  m_answering.reset();
  if (m_options.mode == ClassroomMode::Turns) m_answering = m_question % m_teams.size();
}

double ClassroomMatch::SecondsLeft(srs::TimeMs now) const {
  if (m_phase == Phase::Reading) return static_cast<double>(m_optionsAt - now) / 1000.0;
  if (m_phase == Phase::Answering)
    return m_options.secondsPerQuestion - static_cast<double>(now - m_optionsAt) / 1000.0;
  return 0.0;
}

void ClassroomMatch::Tick(srs::TimeMs now) {
  if (m_phase == Phase::Reading && now >= m_optionsAt) m_phase = Phase::Answering;
  if (m_phase == Phase::Answering && SecondsLeft(now) <= 0) Reveal();
}

void ClassroomMatch::Buzz(const std::vector<size_t>& teams, srs::TimeMs now) {
  if (m_options.mode != ClassroomMode::Buzzer) return;
  Tick(now);
  std::vector<size_t> pressed;
  for (size_t t : teams)
    if (t < m_teams.size() && !m_locked[t] && m_answering != t) pressed.push_back(t);
  if (pressed.empty()) return;
  if (m_phase == Phase::Reading) {
    // Too early: out of this question, and a penalty.
    for (size_t t : pressed) {
      m_locked[t] = true;
      m_teams[t].score -= kEarlyBuzzPenalty;
    }
    return;
  }
  if (m_phase != Phase::Answering || m_answering) return;  // someone has the floor
  // Pressed in the same frame: nobody can tell who was first, so the lot decides.
  m_answering = pressed[m_random.Below(pressed.size())];
}

void ClassroomMatch::Answer(int option, srs::TimeMs now) {
  Tick(now);
  const Question* q = Current();
  if (m_phase != Phase::Answering || !m_answering || q == nullptr) return;
  const size_t team = *m_answering;
  const bool correct = option == q->answer;
  TeamState& t = m_teams[team];
  const int responseMs = static_cast<int>(now - m_optionsAt);
  int points = 0;
  if (correct) {
    points = ClassroomPoints(m_options.scoring, responseMs / 1000.0, m_options.secondsPerQuestion, t.streak,
                             m_options.streakBonus);
    t.score += points;
    ++t.right;
    ++t.streak;
    t.answerMs += responseMs;
  } else {
    t.streak = 0;
    m_locked[team] = true;
  }
  m_log.push_back({team, static_cast<int>(m_question), q->card, QuestionKindName(q->kind),
                   option >= 0 && option < static_cast<int>(q->options.size()) ? q->options[static_cast<size_t>(option)] : "",
                   correct, now, responseMs, points});
  m_answering.reset();
  const bool anyoneLeft = std::find(m_locked.begin(), m_locked.end(), false) != m_locked.end();
  if (correct || m_options.mode == ClassroomMode::Turns || !anyoneLeft) Reveal();
}

void ClassroomMatch::Reveal() {
  // A team that never answered in time loses its streak.
  if (m_options.mode == ClassroomMode::Turns && m_answering) m_teams[*m_answering].streak = 0;
  m_answering.reset();
  m_phase = Phase::Revealed;
}

void ClassroomMatch::Next(srs::TimeMs now) {
  if (m_phase != Phase::Revealed) return;
  ++m_question;
  if (m_question >= m_questions.size()) m_phase = Phase::Finished;
  else Begin(now);
}

std::vector<size_t> ClassroomMatch::Ranking() const {
  std::vector<size_t> order(m_teams.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const TeamState &x = m_teams[a], &y = m_teams[b];
    if (x.score != y.score) return x.score > y.score;
    if (x.right != y.right) return x.right > y.right;
    if (x.answerMs != y.answerMs) return x.answerMs < y.answerMs;
    return x.team.name < y.team.name;
  });
  return order;
}

int ClassroomMatch::RankOf(size_t team) const {
  const TeamState& t = m_teams[team];
  int better = 0;
  for (const TeamState& other : m_teams)
    if (other.score > t.score || (other.score == t.score && (other.right > t.right ||
                                                             (other.right == t.right && other.answerMs < t.answerMs))))
      ++better;
  return better + 1;
}

MatchRecord ClassroomMatch::Record(const std::string& deckId, srs::TimeMs ended) const {
  MatchRecord record;
  record.deck = deckId;
  record.mode = ClassroomModeName(m_options.mode);
  record.scoring = ClassroomScoringName(m_options.scoring);
  record.started = m_started;
  record.ended = ended;
  for (size_t i = 0; i < m_teams.size(); ++i)
    record.players.push_back({m_teams[i].team.name, m_teams[i].team.color, 0, m_teams[i].score, RankOf(i)});
  for (const AnswerLog& a : m_log)
    record.answers.push_back({a.team, a.question, a.item, a.kind, a.answer, a.correct, a.time, a.responseMs, a.points});
  return record;
}

std::string ClassroomMatch::ResultsCsv() const {
  std::string csv = FormatCsvRecord({"question", "team", "answer", "right", "seconds", "points"});
  for (const AnswerLog& a : m_log) {
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.2f", a.responseMs / 1000.0);
    csv += FormatCsvRecord({std::to_string(a.question + 1), m_teams[a.team].team.name, a.answer, a.correct ? "yes" : "no",
                            seconds, std::to_string(a.points)});
  }
  csv += FormatCsvRecord({});
  csv += FormatCsvRecord({"rank", "team", "score", "right"});
  for (size_t t : Ranking())
    csv += FormatCsvRecord({std::to_string(RankOf(t)), m_teams[t].team.name, std::to_string(m_teams[t].score),
                            std::to_string(m_teams[t].right)});
  return csv;
}

} // namespace factdeck
