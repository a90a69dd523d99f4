// The one-screen classroom match's intents.
#include <filesystem>

#include "core/app/intent_fixture.h"

using namespace factdeck;
using test::IntentFixture;

namespace {

ClassroomSetup TwoTeams(ClassroomMode mode, int questions) {
  ClassroomSetup setup = DefaultClassroomSetup(2);
  setup.teams[0].name = "Röhm";
  setup.teams[1] = {"Тухачевский", "#123456"};
  setup.mode = mode;
  setup.questions = questions;
  setup.seconds = 10;
  return setup;
}

} // namespace

TEST_CASE("the default set-up has named teams in distinct colours", "[intents][classroom]") {
  const ClassroomSetup setup = DefaultClassroomSetup(kMaxClassroomTeams + 3);
  REQUIRE(setup.teams.size() == kMaxClassroomTeams);
  CHECK(setup.teams[0].name == "Team 1");
  for (size_t i = 1; i < setup.teams.size(); ++i)
    CHECK(setup.teams[i].colour != setup.teams[i - 1].colour);
  CHECK(DefaultClassroomSetup(1).teams.size() == 2);
}

TEST_CASE("StartMatch plays the set-up it carries, and one without kinds or with one team starts nothing",
          "[intents][classroom]") {
  IntentFixture f;
  f.Apply(StartMatch{TwoTeams(ClassroomMode::Turns, 2)}); // no set-up screen open yet
  CHECK_FALSE(f.state.classroom);
  f.Apply(OpenClassroom{f.seedDeck});
  CHECK(f.state.screen == Screen::Classroom);
  REQUIRE(f.state.classroom);

  ClassroomSetup none = TwoTeams(ClassroomMode::Turns, 2);
  none.kinds.clear();
  f.Apply(StartMatch{none});
  CHECK_FALSE(f.state.classroom->match);
  ClassroomSetup alone = TwoTeams(ClassroomMode::Turns, 2);
  alone.teams.resize(1);
  f.Apply(StartMatch{alone});
  CHECK_FALSE(f.state.classroom->match);

  f.Apply(StartMatch{TwoTeams(ClassroomMode::Buzzer, 2)});
  REQUIRE(f.state.classroom->match);
  const ClassroomMatch& match = *f.state.classroom->match;
  CHECK(match.QuestionCount() == 2);
  CHECK(match.Options().secondsPerQuestion == 10);
  CHECK(match.Teams()[0].team.name == "Röhm");
  CHECK(match.Teams()[1].team.color == "#123456");
  CHECK(match.Teams()[1].team.buzzKey == kClassroomBuzzKeys[1]);
}

TEST_CASE("team names follow the live game's rules: one that draws as nothing becomes the team's number",
          "[intents][classroom]") {
  IntentFixture f;
  f.Apply(OpenClassroom{f.seedDeck});
  ClassroomSetup setup = TwoTeams(ClassroomMode::Turns, 2);
  setup.teams[0].name = "\u3164";              // a Hangul filler alone
  setup.teams[1].name = "  Red   Foxes\u2800"; // a braille blank after the name
  f.Apply(StartMatch{setup});
  REQUIRE(f.state.classroom->match);
  CHECK(f.state.classroom->match->Teams()[0].team.name == "Team 1");
  CHECK(f.state.classroom->match->Teams()[1].team.name == "Team 2");
  setup.teams[1].name = "  Red   Foxes ";
  f.Apply(OpenClassroom{f.seedDeck});
  f.Apply(StartMatch{setup});
  REQUIRE(f.state.classroom->match);
  CHECK(f.state.classroom->match->Teams()[1].team.name == "Red Foxes");
  // A name the window's fonts cannot draw (here: an emoji) is not shown as boxes either.
  f.state.canDraw = [](char32_t c) { return c < 0x250; };
  setup.teams[1].name = "Red Foxes \U0001F98A";
  f.Apply(OpenClassroom{f.seedDeck});
  f.Apply(StartMatch{setup});
  REQUIRE(f.state.classroom->match);
  CHECK(f.state.classroom->match->Teams()[1].team.name == "Team 2");
}

TEST_CASE("a buzzer match through intents: tick, buzz, answer, leaderboard, next, podium, saved, exported once",
          "[intents][classroom]") {
  IntentFixture f;
  f.Apply(OpenClassroom{f.seedDeck});
  f.Apply(StartMatch{TwoTeams(ClassroomMode::Buzzer, 2)});
  REQUIRE(f.state.classroom->match);
  const ClassroomMatch& match = *f.state.classroom->match;
  for (size_t round = 0; round < 2; ++round) {
    CHECK(match.GetPhase() == ClassroomMatch::Phase::Reading);
    f.now += 3500;
    f.Apply(ClassroomTick{});
    REQUIRE(match.GetPhase() == ClassroomMatch::Phase::Answering);
    f.now += 1000;
    f.Apply(ClassroomBuzz{{round}});
    REQUIRE(match.Answering() == round);
    f.Apply(ClassroomAnswer{{match.Current()->answer}});
    REQUIRE(match.GetPhase() == ClassroomMatch::Phase::Revealed);
    CHECK(match.Teams()[round].score > 0);
    f.Apply(ClassroomNext{});
    if (round == 0) { // the leaderboard between questions, then the next question
      CHECK(f.state.classroom->showingLeaderboard);
      f.Apply(ClassroomNext{});
      CHECK_FALSE(f.state.classroom->showingLeaderboard);
      CHECK(f.state.classroom->previousRanks.size() == 2);
    }
  }
  CHECK(match.GetPhase() == ClassroomMatch::Phase::Finished);
  CHECK(f.state.classroom->saved);
  CHECK(f.state.classroom->saveMessage == "Match saved.");
  CHECK(f.state.classroom->history.size() == 1);

  f.Apply(ExportMatch{});
  f.Apply(ExportMatch{}); // the same second: the file is there already
  // Saved is said as done; refused as a problem.
  REQUIRE(f.state.confirmations.size() == 1);
  REQUIRE(f.state.notices.size() == 1);
  CHECK(f.state.confirmations[0].find("Results saved: ") == 0);
  CHECK(f.state.notices[0].find("already exists") != std::string::npos);
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(f.dir.Path() / "reports"))
    files += entry.is_regular_file();
  CHECK(files == 1);

  f.Apply(NewMatch{});
  CHECK_FALSE(f.state.classroom->match);
  CHECK(f.state.screen == Screen::Classroom);
}

TEST_CASE("classroom intents without a match change nothing", "[intents][classroom]") {
  IntentFixture f;
  f.Apply(OpenClassroom{f.seedDeck});
  f.Apply(ClassroomBuzz{{0}});
  f.Apply(ClassroomAnswer{{0}});
  f.Apply(ClassroomNext{});
  f.Apply(ClassroomTick{});
  f.Apply(ExportMatch{});
  f.Apply(NewMatch{});
  CHECK_FALSE(f.state.classroom->match);
  CHECK(f.state.notices.empty());
}
