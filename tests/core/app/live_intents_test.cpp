// The live game's intents: the room opened from the classroom set-up, the host's steps,
// removing and linking players. Everything on loopback.
#include <filesystem>

#include "core/app/intent_fixture.h"
#include "support/net.h"

using namespace factdeck;
using test::IntentFixture;

namespace {

// The classroom set-up on the seed deck, then the live screen with loopback as its network.
void OpenLiveScreen(IntentFixture& f, int questions) {
  f.Apply(OpenClassroom{f.seedDeck});
  ClassroomSetup setup = DefaultClassroomSetup();
  setup.questions = questions;
  setup.seconds = 15;
  f.Apply(OpenLive{setup});
  REQUIRE(f.state.live);
  f.state.live->interfaces = {{"lo", "127.0.0.1", true}};
}

// The live screen, then a room opened on loopback through the intents.
LiveRoom& OpenTestRoom(IntentFixture& f, int questions) {
  OpenLiveScreen(f, questions);
  f.Apply(OpenLiveRoom{0, test::FreeLoopbackPort()});
  INFO(f.state.live->error);
  REQUIRE(f.state.live->room);
  return *f.state.live->room;
}

} // namespace

TEST_CASE("OpenLive carries the set-up, OpenLiveRoom refuses a bad port or network, then opens", "[intents][live]") {
  IntentFixture f;
  f.Apply(OpenLive{DefaultClassroomSetup()}); // no classroom set-up yet
  CHECK_FALSE(f.state.live);
  OpenLiveScreen(f, 3);
  CHECK(f.state.screen == Screen::Live);
  CHECK(f.state.live->options.request.count == 3);
  CHECK(f.state.live->options.secondsPerQuestion == 15);

  f.Apply(OpenLiveRoom{0, 80});
  CHECK_FALSE(f.state.live->room);
  CHECK(f.state.live->error == "Choose a port from 1024 to 65535.");
  f.Apply(OpenLiveRoom{7, test::FreeLoopbackPort()});
  CHECK_FALSE(f.state.live->room);
  CHECK(f.state.live->error == "Choose a network for the phones.");

  const int port = test::FreeLoopbackPort();
  f.Apply(OpenLiveRoom{0, port});
  INFO(f.state.live->error);
  REQUIRE(f.state.live->room);
  CHECK(f.state.live->error.empty());
  CHECK(f.state.live->port == port);
  CHECK(f.state.live->url == "http://127.0.0.1:" + std::to_string(port) + "/?code=" + f.state.live->room->Code());
  CHECK(f.state.live->qr.size >= 21);
  CloseLiveRoom(f.state);
  CHECK_FALSE(f.state.live->room);
}

TEST_CASE(
    "the host's steps through intents: start, reveal, leaderboard, next, end, kick, and a link that feeds a learner",
    "[intents][live]") {
  IntentFixture f;
  LiveRoom& room = OpenTestRoom(f, 2);
  const auto anna = room.Join(room.Code(), "Anna", "10.0.0.1", f.now);
  const auto ben = room.Join(room.Code(), "Ben", "10.0.0.2", f.now);
  const auto kim = room.Join(room.Code(), "Kim", "10.0.0.3", f.now);
  f.Apply(LiveKick{kim.player});
  CHECK(room.Snapshot(f.now).players[2].kicked);

  f.Apply(LiveControl{LiveStep::Start});
  CHECK(room.Snapshot(f.now).phase == LivePhase::Reading);
  f.now += 3500;
  room.Tick(f.now);
  REQUIRE(room.Snapshot(f.now).phase == LivePhase::Answering);
  REQUIRE(room.Answer(anna.token, 0, room.Questions()[0].answer, f.now) == LiveError::None);
  f.Apply(LiveControl{LiveStep::Reveal});
  CHECK(room.Snapshot(f.now).phase == LivePhase::Revealed);
  f.Apply(LiveControl{LiveStep::Next});
  CHECK(f.state.live->showingLeaderboard);
  CHECK(room.Snapshot(f.now).question == 0);
  f.Apply(LiveControl{LiveStep::Next});
  CHECK_FALSE(f.state.live->showingLeaderboard);
  CHECK(room.Snapshot(f.now).question == 1);
  CHECK(f.state.live->placeBefore.size() == 2); // the two players still in

  f.Apply(LiveControl{LiveStep::End});
  CHECK(room.Snapshot(f.now).phase == LivePhase::Finished);
  CHECK(f.state.live->saved);
  CHECK(f.state.live->saveMessage == "Game saved.");
  REQUIRE(f.state.store->Matches().size() == 1);

  // Linked after the end: Anna's answer becomes the learner's answer at once, reviewing one
  // card, or one for each event of an order.
  const std::int64_t learner = f.state.profile;
  const StoreStats before = f.state.store->Stats(learner, f.now);
  f.Apply(LiveLink{anna.player, learner});
  const Question& first = room.Questions()[0];
  const size_t reviews =
      first.kind == QuestionKind::Ordering || first.kind == QuestionKind::WhichFirst ? first.items.size() : 1u;
  const StoreStats after = f.state.store->Stats(learner, f.now);
  CHECK(after.answers == before.answers + 1);
  CHECK(after.cardReviews == before.cardReviews + static_cast<std::int64_t>(reviews));
  CHECK(f.state.live->recorded.count(anna.player) == 1);
  (void)ben;

  f.Apply(LiveControl{LiveStep::Export});
  f.Apply(LiveControl{LiveStep::Export}); // the same second: refused, not overwritten
  // Saved is said as done; refused as a problem.
  REQUIRE(f.state.confirmations.size() == 1);
  REQUIRE(f.state.notices.size() == 1);
  CHECK(f.state.confirmations[0].find("Results saved: ") == 0);
  CHECK(f.state.notices[0].find("already exists") != std::string::npos);

  f.Apply(LiveControl{LiveStep::Close});
  CHECK_FALSE(f.state.live->room);
  CHECK(f.state.screen == Screen::Classroom);
}

TEST_CASE("LiveLock closes the room to new players and opens it again, LiveKickAddresses removes a device's players",
          "[intents][live]") {
  IntentFixture f;
  LiveRoom& room = OpenTestRoom(f, 2);
  room.Join(room.Code(), "Bot 1", "10.0.0.9", f.now);
  room.Join(room.Code(), "Bot 2", "10.0.0.9", f.now);
  room.Join(room.Code(), "Anna", "10.0.0.1", f.now);
  f.Apply(LiveLock{true});
  CHECK(room.Snapshot(f.now).locked);
  CHECK(room.Join(room.Code(), "Ben", "10.0.0.2", f.now).error == LiveError::RoomLocked);
  f.Apply(LiveLock{false});
  CHECK(room.Join(room.Code(), "Ben", "10.0.0.2", f.now).error == LiveError::None);
  f.Apply(LiveKickAddresses{{"10.0.0.9"}});
  const LiveHostView view = room.Snapshot(f.now);
  CHECK(view.players[0].kicked);
  CHECK(view.players[1].kicked);
  CHECK_FALSE(view.players[2].kicked);
  CHECK(room.Join(room.Code(), "Bot 3", "10.0.0.9", f.now).error == LiveError::Kicked);
}

TEST_CASE("closing the room mid-game ends the game and keeps what was played", "[intents][live]") {
  IntentFixture f;
  LiveRoom& room = OpenTestRoom(f, 3);
  const auto a = room.Join(room.Code(), "Anna", "10.0.0.1", f.now);
  room.Join(room.Code(), "Ben", "10.0.0.2", f.now);
  f.Apply(LiveControl{LiveStep::Start});
  f.now += 4000;
  REQUIRE(room.Answer(a.token, 0, room.Questions()[0].answer, f.now) == LiveError::None);
  CHECK(f.state.store->Matches().empty());
  f.Apply(LiveControl{LiveStep::Close});
  CHECK_FALSE(f.state.live->room);
  CHECK(f.state.screen == Screen::Classroom);
  const auto matches = f.state.store->Matches();
  REQUIRE(matches.size() == 1);
  CHECK(matches[0].mode == "live");
  REQUIRE(matches[0].players.size() == 2);
  CHECK(matches[0].players[0].name == "Anna");
  CHECK(matches[0].players[0].finalScore > 0);
  CHECK(f.state.classroom->history.size() == 1);
}

TEST_CASE("a room in the lobby closes without saving an empty game", "[intents][live]") {
  IntentFixture f;
  LiveRoom& room = OpenTestRoom(f, 2);
  room.Join(room.Code(), "Anna", "10.0.0.1", f.now);
  CloseLiveRoom(f.state);
  CHECK_FALSE(f.state.live->room);
  CHECK(f.state.store->Matches().empty());
}

TEST_CASE("live intents without an open room change nothing", "[intents][live]") {
  IntentFixture f;
  OpenLiveScreen(f, 2);
  for (LiveStep step : {LiveStep::Start, LiveStep::Reveal, LiveStep::Next, LiveStep::End, LiveStep::Export})
    f.Apply(LiveControl{step});
  f.Apply(LiveKick{1});
  f.Apply(LiveLink{1, f.state.profile});
  f.Apply(LiveLock{true});
  f.Apply(LiveKickAddresses{{"10.0.0.1"}});
  CHECK_FALSE(f.state.live->room);
  CHECK(f.state.notices.empty());
  CHECK(f.state.screen == Screen::Live);
}

TEST_CASE("OpenLiveRoom sets the class size and keeps it for next time, LiveAdmit lets waiting players in",
          "[intents][live]") {
  IntentFixture f;
  OpenLiveScreen(f, 2);
  f.Apply(OpenLiveRoom{0, test::FreeLoopbackPort(), 501});
  CHECK_FALSE(f.state.live->room);
  CHECK(f.state.live->error == "Choose a class size from 1 to 500, or 0 for no limit.");
  const AppliedChanges changes = f.Apply(OpenLiveRoom{0, test::FreeLoopbackPort(), 1});
  REQUIRE(f.state.live->room);
  CHECK(f.state.settings.liveClassSize == 1);
  CHECK(changes.settingsChanged);
  LiveRoom& room = *f.state.live->room;
  CHECK(room.Options().expectedPlayers == 1);
  const auto anna = room.Join(room.Code(), "Anna", "10.0.0.1", f.now);
  const auto ben = room.Join(room.Code(), "Ben", "10.0.0.2", f.now);
  const auto kim = room.Join(room.Code(), "Kim", "10.0.0.3", f.now);
  CHECK_FALSE(anna.waiting);
  REQUIRE(ben.waiting);
  REQUIRE(kim.waiting);
  f.Apply(LiveAdmit{ben.player});
  CHECK(room.Snapshot(f.now).players[1].Playing());
  CHECK(room.Snapshot(f.now).players[2].waiting);
  f.Apply(LiveAdmit{0});
  CHECK(room.Snapshot(f.now).players[2].Playing());
}
