// A classroom match on one screen: 2 to 8 players or teams, turn (hot seat) or buzzer mode,
// speed-weighted or accuracy-only scoring. The model only: the screen draws from it and
// feeds it key presses with their times. Rules in docs/scoring.md.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/store/profile_store.h"
#include "core/questions/questions.h"

namespace factdeck {

enum class ClassroomMode { Turns, Buzzer };
enum class ClassroomScoring { Speed, Accuracy };

// At most this many teams; each has its buzzer key (letters far apart on the keyboard, as
// GLFW key codes, which are their ASCII capitals) and a default colour far apart on the wheel.
inline constexpr size_t kMaxClassroomTeams = 8;
inline constexpr size_t kMaxTeamNameCharacters = 40; // longer than a phone's nickname: a class's name
inline constexpr int kClassroomBuzzKeys[kMaxClassroomTeams] = {'Q', 'P', 'Z', 'M', 'T', 'Y', 'C', 'B'};
// Team colours: none of them the red, blue, yellow or green of the answer tiles, so that a
// team is never read as an answer (purple, teal, pink, copper, silver, lilac, olive, coral).
inline constexpr const char* kClassroomTeamColours[kMaxClassroomTeams] = {"#a05cff", "#1ec8c8", "#ff5cc8", "#c07a3c",
                                                                          "#b4b4b4", "#d2aaff", "#9c9c1e", "#ff8c7a"};

// The question kinds a class can play: those with options to pick (tiles and phones).
inline constexpr QuestionKind kClassroomKinds[] = {QuestionKind::MultipleChoice, QuestionKind::MultipleChoiceReverse,
                                                   QuestionKind::When, QuestionKind::WhichFirst};

struct ClassroomTeam {
  std::string name;
  std::string color; // "#rrggbb"
  int buzzKey = 0;   // the key that buzzes for this team (a GLFW key code, for the screen)
};

struct ClassroomOptions {
  ClassroomMode mode = ClassroomMode::Buzzer;
  ClassroomScoring scoring = ClassroomScoring::Speed;
  QuestionRequest request; // deck questions: count, kinds, tags, seed
  int secondsPerQuestion = 20;
  int readSeconds = 3; // the question alone before the options appear
  bool streakBonus = true;
  bool hideLeaderboard = false; // keep the standings secret until the podium
};

// Points for a right answer. Speed style: 1000 for an instant answer down to 500 at the last
// moment, round((1 - t / limit / 2) * 1000); accuracy style: 1000 whatever the time. The
// streak bonus adds 100 for each right answer in a row before this one, at most 500.
int ClassroomPoints(ClassroomScoring scoring, double answerSeconds, double limitSeconds, int streakBefore,
                    bool streakBonus);

// What happens to a buzz pressed before the options appear: that team may not answer
// this question, and loses this many points.
inline constexpr int kEarlyBuzzPenalty = 250;

// A player's or team's standing. Ranked by score, then right answers, then the lower total
// time of right answers; equal on all three share a rank (RankOf), and the name orders them
// on the list (RankOrder).
struct Standing {
  std::string name;
  int score = 0, right = 0, streak = 0;
  std::int64_t answerMs = 0; // total time of right answers, for ties

  // Counts an answer: a right one adds its points and time and lengthens the streak.
  void Count(bool correct, int points, int responseMs);
};
bool RanksAbove(const Standing& a, const Standing& b); // strictly better, names aside
std::vector<size_t> RankOrder(const std::vector<const Standing*>& all);
int RankOf(const std::vector<const Standing*>& all, size_t index); // 1-based

class ClassroomMatch {
public:
  enum class Phase { Reading, Answering, Revealed, Finished };

  struct TeamState : Standing {
    ClassroomTeam team;
  };

  struct AnswerLog {
    size_t team = 0;
    int question = 0;
    std::string item, kind, answer;
    bool correct = false;
    srs::TimeMs time = 0;
    int responseMs = 0, points = 0;
  };

  ClassroomMatch(const Deck& deck, ClassroomOptions options, std::vector<ClassroomTeam> teams, srs::TimeMs now);

  Phase GetPhase() const { return m_phase; }
  const ClassroomOptions& Options() const { return m_options; }
  size_t QuestionIndex() const { return m_question; }
  size_t QuestionCount() const { return m_questions.size(); }
  const Question* Current() const { return m_question < m_questions.size() ? &m_questions[m_question] : nullptr; }
  const std::vector<TeamState>& Teams() const { return m_teams; }
  const std::vector<AnswerLog>& Log() const { return m_log; }

  // The team that may answer now: in turn mode the team whose turn it is; in buzzer mode the
  // team that buzzed first, once someone has.
  std::optional<size_t> Answering() const { return m_answering; }
  bool LockedOut(size_t team) const { return m_locked[team]; }
  // Seconds until the options appear (Reading) or until time is up (Answering).
  double SecondsLeft(srs::TimeMs now) const;

  // Moves Reading to Answering, and Answering to Revealed when time is up. Call every frame.
  void Tick(srs::TimeMs now);
  // Buzzer mode: `teams` pressed their keys in the same frame at `now`; ties are drawn by
  // lot (seeded), key repeat is ignored (a team that already has the floor, or is locked
  // out, changes nothing).
  void Buzz(const std::vector<size_t>& teams, srs::TimeMs now);
  // The answering team picks an option. A wrong answer locks that team out; in buzzer mode
  // the others may buzz to steal, until all are out or time is up.
  // A select-all question takes every option the team marked (AnswerAll); it is right
  // only when they are exactly the right ones.
  void Answer(int option, srs::TimeMs now) { AnswerAll({option}, now); }
  void AnswerAll(const std::vector<int>& options, srs::TimeMs now);
  // The current question's time limit: its own (a hand-written question's `seconds`), else
  // the match's.
  int LimitSeconds() const;
  // From Revealed to the next question (or Finished).
  void Next(srs::TimeMs now);

  // The standings: score, then right answers, then the lower total time of right answers,
  // then the name. Equal on all four share a rank.
  std::vector<size_t> Ranking() const;
  int RankOf(size_t team) const; // 1-based, shared by exact ties

  // The match as the store keeps it.
  MatchRecord Record(const std::string& deckId, srs::TimeMs ended) const;
  // Every answer as CSV: question, team, answer, right, seconds, points.
  std::string ResultsCsv() const;

private:
  std::vector<const Standing*> Standings() const;
  void Begin(srs::TimeMs now);
  void Reveal();

  ClassroomOptions m_options;
  std::vector<Question> m_questions;
  std::vector<TeamState> m_teams;
  std::vector<bool> m_locked;
  std::vector<AnswerLog> m_log;
  size_t m_question = 0;
  Phase m_phase = Phase::Reading;
  srs::TimeMs m_shown = 0, m_optionsAt = 0, m_started = 0;
  std::optional<size_t> m_answering;
  Random m_random;
};

const char* ClassroomModeName(ClassroomMode mode);          // "turns", "buzzer"
const char* ClassroomScoringName(ClassroomScoring scoring); // "speed", "accuracy"

} // namespace factdeck
