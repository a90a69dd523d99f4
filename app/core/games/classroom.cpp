#include "core/games/classroom.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/import/csv.h"
#include "core/games/question_run.h"

namespace factdeck {

const char* ClassroomModeName(ClassroomMode mode) { return mode == ClassroomMode::Turns ? "turns" : "buzzer"; }

const char* ClassroomScoringName(ClassroomScoring scoring) {
  return scoring == ClassroomScoring::Speed ? "speed" : "accuracy";
}

int ClassroomPoints(ClassroomScoring scoring, double answerSeconds, double limitSeconds, int streakBefore,
                    bool streakBonus) {
  int points = 1000;
  if (scoring == ClassroomScoring::Speed && limitSeconds > 0) {
    const double t = std::clamp(answerSeconds, 0.0, limitSeconds);
    points = static_cast<int>(std::lround((1.0 - t / limitSeconds / 2.0) * 1000.0));
  }
  if (streakBonus) points += 100 * std::clamp(streakBefore, 0, 5);
  return points;
}

void Standing::Count(bool correct, int points, int responseMs) {
  if (!correct) {
    streak = 0;
    return;
  }
  score += points;
  ++right;
  ++streak;
  answerMs += responseMs;
}

bool RanksAbove(const Standing& a, const Standing& b) {
  if (a.score != b.score) return a.score > b.score;
  if (a.right != b.right) return a.right > b.right;
  return a.answerMs < b.answerMs;
}

std::vector<size_t> RankOrder(const std::vector<const Standing*>& all) {
  std::vector<size_t> order(all.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (RanksAbove(*all[a], *all[b])) return true;
    if (RanksAbove(*all[b], *all[a])) return false;
    return all[a]->name < all[b]->name;
  });
  return order;
}

int RankOf(const std::vector<const Standing*>& all, size_t index) {
  int better = 0;
  for (const Standing* other : all)
    if (RanksAbove(*other, *all[index])) ++better;
  return better + 1;
}

ClassroomMatch::ClassroomMatch(const Deck& deck, ClassroomOptions options, std::vector<ClassroomTeam> teams,
                               srs::TimeMs now)
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
  for (ClassroomTeam& t : teams) {
    TeamState state;
    state.name = t.name;
    state.team = std::move(t);
    m_teams.push_back(std::move(state));
  }
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
  if (m_phase == Phase::Answering) return LimitSeconds() - static_cast<double>(now - m_optionsAt) / 1000.0;
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
  if (m_phase != Phase::Answering || m_answering) return; // someone has the floor
  // Pressed in the same frame: nobody can tell who was first, so the lot decides.
  m_answering = pressed[m_random.Below(pressed.size())];
}

int ClassroomMatch::LimitSeconds() const {
  const Question* q = Current();
  return q != nullptr ? SecondsFor(*q, m_options.secondsPerQuestion) : m_options.secondsPerQuestion;
}

void ClassroomMatch::AnswerAll(const std::vector<int>& options, srs::TimeMs now) {
  Tick(now);
  const Question* q = Current();
  if (m_phase != Phase::Answering || !m_answering || q == nullptr) return;
  const size_t team = *m_answering;
  const Judgement judgement = JudgeOptions(*q, options);
  const bool correct = judgement.correct;
  TeamState& t = m_teams[team];
  const int responseMs = static_cast<int>(now - m_optionsAt);
  const int points =
      correct ? ClassroomPoints(m_options.scoring, responseMs / 1000.0, LimitSeconds(), t.streak, m_options.streakBonus)
              : 0;
  t.Count(correct, points, responseMs);
  if (!correct) m_locked[team] = true;
  m_log.push_back({team, static_cast<int>(m_question), q->card, QuestionKindName(q->kind), judgement.given, correct,
                   now, responseMs, points});
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
  if (m_question >= m_questions.size())
    m_phase = Phase::Finished;
  else
    Begin(now);
}

std::vector<const Standing*> ClassroomMatch::Standings() const {
  std::vector<const Standing*> all;
  for (const TeamState& t : m_teams)
    all.push_back(&t);
  return all;
}

std::vector<size_t> ClassroomMatch::Ranking() const { return RankOrder(Standings()); }

int ClassroomMatch::RankOf(size_t team) const { return factdeck::RankOf(Standings(), team); }

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
    csv += FormatCsvRecord({std::to_string(a.question + 1), m_teams[a.team].team.name, a.answer,
                            a.correct ? "yes" : "no", seconds, std::to_string(a.points)});
  }
  csv += FormatCsvRecord({});
  csv += FormatCsvRecord({"rank", "team", "score", "right"});
  for (size_t t : Ranking())
    csv += FormatCsvRecord({std::to_string(RankOf(t)), m_teams[t].team.name, std::to_string(m_teams[t].score),
                            std::to_string(m_teams[t].right)});
  return csv;
}

} // namespace factdeck
