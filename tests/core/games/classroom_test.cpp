#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "core/games/classroom.h"
#include "core/base/paths.h"
#include "support/seed_deck.h"
#include "support/temp_dir.h"

using namespace factdeck;

namespace {
constexpr srs::TimeMs kNow = 1767268800000;

using test::SeedDeck;

std::vector<ClassroomTeam> Teams(size_t n) {
  const char* names[] = {"Röhm", "Тухачевский", "Bažanov", "Seeckt"};
  std::vector<ClassroomTeam> teams;
  for (size_t i = 0; i < n; ++i)
    teams.push_back({names[i], "#336699", 'A' + static_cast<int>(i)});
  return teams;
}

ClassroomOptions Options(ClassroomMode mode, size_t questions, std::uint64_t seed = 3) {
  ClassroomOptions o;
  o.mode = mode;
  o.request.count = questions;
  o.request.seed = seed;
  o.readSeconds = 3;
  o.secondsPerQuestion = 20;
  return o;
}

int Wrong(const Question& q) { return (q.answer + 1) % static_cast<int>(q.options.size()); }
} // namespace

TEST_CASE("classroom points: 1000 down to 500 by speed, flat for accuracy, a capped streak bonus", "[classroom]") {
  CHECK(ClassroomPoints(ClassroomScoring::Speed, 0, 20, 0, true) == 1000);
  CHECK(ClassroomPoints(ClassroomScoring::Speed, 10, 20, 0, true) == 750);
  CHECK(ClassroomPoints(ClassroomScoring::Speed, 20, 20, 0, true) == 500);
  CHECK(ClassroomPoints(ClassroomScoring::Speed, 30, 20, 0, true) == 500); // never below half
  CHECK(ClassroomPoints(ClassroomScoring::Accuracy, 19, 20, 0, true) == 1000);
  CHECK(ClassroomPoints(ClassroomScoring::Accuracy, 1, 20, 2, true) == 1200);
  CHECK(ClassroomPoints(ClassroomScoring::Accuracy, 1, 20, 9, true) == 1500);  // bonus at most 500
  CHECK(ClassroomPoints(ClassroomScoring::Accuracy, 1, 20, 9, false) == 1000); // switched off
}

TEST_CASE("turn mode: each team answers its own question in turn, after the reading time", "[classroom]") {
  const Deck deck = SeedDeck();
  ClassroomMatch match(deck, Options(ClassroomMode::Turns, 6), Teams(3), kNow);
  REQUIRE(match.QuestionCount() == 6);
  srs::TimeMs now = kNow;
  for (size_t q = 0; q < 6; ++q) {
    CHECK(match.GetPhase() == ClassroomMatch::Phase::Reading);
    REQUIRE(match.Answering());
    CHECK(*match.Answering() == q % 3);
    match.Answer(match.Current()->answer, now + 1000); // too early: the options are not up yet
    CHECK(match.GetPhase() == ClassroomMatch::Phase::Reading);
    now += 3000;
    match.Tick(now);
    CHECK(match.GetPhase() == ClassroomMatch::Phase::Answering);
    match.Answer(q == 4 ? Wrong(*match.Current()) : match.Current()->answer, now += 5000);
    CHECK(match.GetPhase() == ClassroomMatch::Phase::Revealed);
    match.Next(now += 2000);
  }
  CHECK(match.GetPhase() == ClassroomMatch::Phase::Finished);
  // Team 0 answered questions 1 and 4 right after 5 s: 875, then 875 + 100 streak.
  CHECK(match.Teams()[0].score == 875 + 975);
  CHECK(match.Teams()[1].score == 875); // question 5 wrong
  CHECK(match.Teams()[2].score == 875 + 975);
  CHECK(match.Log().size() == 6);
}

TEST_CASE("buzzer mode: early buzzes penalised, the first buzz answers, a wrong answer lets others steal",
          "[classroom]") {
  const Deck deck = SeedDeck();
  ClassroomMatch match(deck, Options(ClassroomMode::Buzzer, 3), Teams(3), kNow);
  match.Buzz({0}, kNow + 1000); // before the options appear
  CHECK(match.Teams()[0].score == -kEarlyBuzzPenalty);
  CHECK(match.LockedOut(0));
  match.Tick(kNow + 3000);
  match.Buzz({0}, kNow + 3500); // locked out for this question: nothing happens
  CHECK_FALSE(match.Answering());
  match.Buzz({1}, kNow + 4000);
  REQUIRE(match.Answering() == 1u);
  match.Buzz({1, 2}, kNow + 4100); // key repeat of the team with the floor, and a late buzz: ignored
  CHECK(match.Answering() == 1u);
  match.Answer(Wrong(*match.Current()), kNow + 5000);
  CHECK(match.LockedOut(1));
  CHECK(match.GetPhase() == ClassroomMatch::Phase::Answering); // team 2 may steal
  match.Buzz({2}, kNow + 6000);
  match.Answer(match.Current()->answer, kNow + 7000);
  CHECK(match.GetPhase() == ClassroomMatch::Phase::Revealed);
  CHECK(match.Teams()[2].score == ClassroomPoints(ClassroomScoring::Speed, 4.0, 20, 0, true));
  CHECK(match.Teams()[1].score == 0);

  // Time up with nobody right: revealed all the same.
  match.Next(kNow + 8000);
  match.Tick(kNow + 8000 + 3000 + 20000);
  CHECK(match.GetPhase() == ClassroomMatch::Phase::Revealed);
}

TEST_CASE("buzzer mode: presses in the same frame are drawn by lot, fairly", "[classroom]") {
  const Deck deck = SeedDeck();
  std::map<size_t, int> wins;
  for (std::uint64_t seed = 1; seed <= 200; ++seed) {
    ClassroomMatch match(deck, Options(ClassroomMode::Buzzer, 1, seed), Teams(2), kNow);
    match.Tick(kNow + 3000);
    match.Buzz({0, 1}, kNow + 3500);
    REQUIRE(match.Answering());
    ++wins[*match.Answering()];
  }
  CHECK(wins[0] > 70); // about half each, not the first key every time
  CHECK(wins[1] > 70);
}

TEST_CASE("ranking: score, then right answers, then speed, then name, exact ties share a rank", "[classroom]") {
  const Deck deck = SeedDeck();
  ClassroomOptions options = Options(ClassroomMode::Turns, 4);
  options.scoring = ClassroomScoring::Accuracy;
  options.streakBonus = false;
  ClassroomMatch match(deck, options, Teams(4), kNow);
  srs::TimeMs now = kNow;
  // Teams 0 and 1 right (0 faster), team 2 right, team 3 wrong.
  const int delays[] = {1000, 4000, 4000, 1000};
  for (int q = 0; q < 4; ++q) {
    match.Tick(now += 3000);
    match.Answer(q == 3 ? Wrong(*match.Current()) : match.Current()->answer, now += delays[q]);
    match.Next(now += 1000);
  }
  const auto ranking = match.Ranking();
  CHECK(ranking == std::vector<size_t>{0, 2, 1, 3}); // 1 and 2 tie on score, time and rights: by name (Bažanov first)
  CHECK(match.RankOf(0) == 1);
  CHECK(match.RankOf(1) == 2);
  CHECK(match.RankOf(2) == 2); // an exact tie shares the rank
  CHECK(match.RankOf(3) == 4);
}

TEST_CASE("a finished match is saved whole and exports as CSV", "[classroom][store]") {
  const Deck deck = SeedDeck();
  test::TempDir dir;
  auto store = ProfileStore::Open(dir.Path(), kNow).store;
  ClassroomMatch match(deck, Options(ClassroomMode::Turns, 2), Teams(2), kNow);
  srs::TimeMs now = kNow;
  for (int q = 0; q < 2; ++q) {
    match.Tick(now += 3000);
    match.Answer(match.Current()->answer, now += 2000);
    match.Next(now += 1000);
  }
  REQUIRE(store->SaveMatch(match.Record(deck.id, now)));
  auto saved = store->Matches();
  REQUIRE(saved.size() == 1);
  CHECK(saved[0].mode == "turns");
  CHECK(saved[0].players.size() == 2);
  CHECK_THAT(match.ResultsCsv(), Catch::Contains("Тухачевский") && Catch::Contains("rank,team,score,right"));
}
