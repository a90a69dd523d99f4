// The live game's host screen, driven through the real window, with phones simulated over
// HTTP on loopback.
#include <GLFW/glfw3.h>
#include <httplib.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "harness.h"
#include "core/base/sqlite_db.h"
#include "support/net.h"
#include "support/raw_http.h"

using namespace factdeck;
using nlohmann::json;
using test::UiHarness;

namespace {

struct Phone {
  httplib::Client http;
  std::string token;
  Phone(int port, const std::string& code, const std::string& name) : http("127.0.0.1", port) {
    auto r = http.Post("/api/join", json{{"code", code}, {"name", name}}.dump(), "application/json");
    REQUIRE(r);
    INFO(r->body);
    REQUIRE(r->status == 200);
    token = json::parse(r->body)["token"].get<std::string>();
  }
  int Answer(int question, int option) {
    auto r = http.Post("/api/answer", httplib::Headers{{"X-FactDeck-Token", token}},
                       json{{"question", question}, {"option", option}}.dump(), "application/json");
    REQUIRE(r);
    return r->status;
  }
};

} // namespace

TEST_CASE("a live game hosted from the keyboard: phones join, one is removed, the game is saved and feeds a learner",
          "[ui][live]") {
  UiHarness ui(1280, 860);
  srs::TimeMs now = 1767268800000;
  ui.State().clock = [&now] { return now; };
  size_t deck = 0;
  while (ui.State().decks[deck].id != "german-soviet-military-cooperation")
    ++deck;
  ui.Click("home/deck/" + std::to_string(deck) + "/classroom");
  ui.Widgets().classroom.questions = 2;
  ui.Click("classroom/live");
  REQUIRE(ui.State().screen == Screen::Live);
  REQUIRE(ui.State().live);
  CHECK(ui.Has("live/network"));
  // Loopback here; a teacher picks the school network's address.
  ui.State().live->interfaces = {{"lo", "127.0.0.1", true}};
  const int port = test::FreeLoopbackPort();
  ui.Widgets().live.port = port;
  ui.PressKey(GLFW_KEY_ENTER);
  REQUIRE(ui.State().live->room);
  LiveRoom& room = *ui.State().live->room;
  ui.Frames(2);
  CHECK(ui.Has("live/qr"));
  CHECK(ui.Has("live/code"));
  CHECK(ui.State().live->url == "http://127.0.0.1:" + std::to_string(port) + "/?code=" + room.Code());
  CHECK(ui.State().live->qr.size >= 21);

  Phone rohm(port, room.Code(), "Röhm"), tuch(port, room.Code(), "Тухачевский"), rude(port, room.Code(), "Rude");
  ui.Frames(2);
  ui.Click("live/player/3/menu");
  ui.Frames(2);
  ui.Click("live/player/3/remove");
  CHECK(room.Snapshot(now).players[2].kicked);
  // Röhm is the learner on this computer.
  const std::int64_t learner = ui.State().profile;
  const std::string learnerName = ui.State().profiles.front().name;
  ui.Click("live/player/1/menu");
  ui.Frames(2);
  ui.Click("live/player/1/learner/" + learnerName);
  CHECK(room.Snapshot(now).players[0].profile == learner);
  // The host locks the room: a latecomer is turned away with a sentence; unlocked, they join.
  ui.Click("live/lock");
  CHECK(room.Snapshot(now).locked);
  {
    // From another device (127.0.0.1 is barred: a player from it was removed above).
    auto r = test::RawRequest("127.0.0.9", ui.State().live->server->Port(), "POST", "/api/join",
                              {"Content-Type: application/json"}, json{{"code", room.Code()}, {"name", "Late"}}.dump());
    CHECK(r.status == 403);
    CHECK(json::parse(r.body)["error"] == "room-locked");
  }
  ui.Click("live/lock");
  CHECK_FALSE(room.Snapshot(now).locked);
  ui.SaveScreenshot("live-lobby");

  ui.PressKey(GLFW_KEY_ENTER); // start
  CHECK(room.Snapshot(now).phase == LivePhase::Reading);
  now += 3000;
  ui.Frames(2);
  CHECK(ui.Has("live/answered"));
  const Question& q1 = room.Questions()[0];
  CHECK(rohm.Answer(0, q1.answer) == 200);
  CHECK(rude.Answer(0, q1.answer) == 403);
  ui.Frames(2);
  ui.SaveScreenshot("live-question");
  CHECK(tuch.Answer(0, (q1.answer + 1) % static_cast<int>(q1.options.size())) == 200);
  ui.Frames(2);
  CHECK(room.Snapshot(now).phase == LivePhase::Revealed); // everyone left answered
  CHECK(ui.Has("live/next"));
  ui.SaveScreenshot("live-reveal");

  ui.PressKey(GLFW_KEY_SPACE); // the leaderboard
  ui.Frames(2);
  CHECK(ui.Has("live/leaderboard"));
  CHECK(room.Snapshot(now).question == 0);
  ui.PressKey(GLFW_KEY_SPACE); // question 2
  CHECK(room.Snapshot(now).question == 1);
  now += 3000;
  ui.Frames(2);
  const Question& q2 = room.Questions()[1];
  CHECK(rohm.Answer(1, q2.answer) == 200);
  ui.PressKey(GLFW_KEY_SPACE); // reveal now: Тухачевский is too slow
  CHECK(room.Snapshot(now).phase == LivePhase::Revealed);
  ui.PressKey(GLFW_KEY_SPACE); // the podium: no leaderboard after the last question
  REQUIRE(room.Snapshot(now).phase == LivePhase::Finished);
  ui.Frames(2);
  CHECK(ui.Has("live/podium"));
  ui.SaveScreenshot("live-podium");

  const auto matches = ui.State().store->Matches();
  REQUIRE(matches.size() == 1);
  CHECK(matches[0].mode == "live");
  REQUIRE(matches[0].players.size() == 3);
  CHECK(matches[0].players[0].name == "Röhm");
  sql::Database db(ui.State().store->File().string(), sql::Database::Mode::ReadOnly);
  CHECK(db.QueryInt("SELECT COUNT(*) FROM match_answer").value_or(0) == 3);
  // Röhm's two answers are now the learner's reviews: one a question, one an event of an order.
  auto reviews = [](const Question& q) {
    return q.kind == QuestionKind::Ordering || q.kind == QuestionKind::WhichFirst ? q.items.size() : size_t{1};
  };
  CHECK(db.QueryInt("SELECT COUNT(*) FROM review").value_or(0) ==
        static_cast<std::int64_t>(reviews(room.Questions()[0]) + reviews(room.Questions()[1])));

  ui.Click("live/close");
  ui.Frames(2);
  ui.Click("live/close/confirm");
  CHECK(ui.State().screen == Screen::Classroom);
  CHECK_FALSE(ui.State().live->room);
  httplib::Client after("127.0.0.1", port);
  after.set_connection_timeout(1, 0);
  CHECK_FALSE(after.Get("/"));
}

TEST_CASE("a class of two: a third phone waits until the host lets it in, a fourth is refused, two ticked devices "
          "leave at once",
          "[ui][live]") {
  UiHarness ui(1280, 860);
  size_t deck = 0;
  while (ui.State().decks[deck].id != "german-soviet-military-cooperation")
    ++deck;
  ui.Click("home/deck/" + std::to_string(deck) + "/classroom");
  ui.Click("classroom/live");
  REQUIRE(ui.State().screen == Screen::Live);
  ui.State().live->interfaces = {{"lo", "127.0.0.1", true}};
  ui.Frames(1);
  CHECK(ui.Widgets().live.classSize == 0); // no limit until the host sets one
  ui.Widgets().live.classSize = 2;
  ui.Widgets().live.port = test::FreeLoopbackPort();
  ui.PressKey(GLFW_KEY_ENTER);
  REQUIRE(ui.State().live->room);
  LiveRoom& room = *ui.State().live->room;
  CHECK(room.Options().expectedPlayers == 2);
  CHECK(ui.State().settings.liveClassSize == 2); // the next room's default
  const int port = ui.State().live->server->Port();
  auto join = [&](const std::string& device, const std::string& name) {
    const auto r = test::RawRequest(device, port, "POST", "/api/join", {"Content-Type: application/json"},
                                    json{{"code", room.Code()}, {"name", name}}.dump());
    INFO(r.body);
    REQUIRE(r.status == 200);
    return json::parse(r.body)["waiting"].get<bool>();
  };
  // Names as the projector's own fonts draw them: Vietnamese and Georgian letters are drawn,
  // Hebrew (which the window cannot lay out right to left) and emoji are refused with a reason.
  REQUIRE(ui.State().canDraw);
  for (const char* refused : {"\u05E9\u05E8\u05D4", "Anna \U0001F600"}) {
    const auto r = test::RawRequest("127.0.7.9", port, "POST", "/api/join", {"Content-Type: application/json"},
                                    json{{"code", room.Code()}, {"name", refused}}.dump());
    CHECK(r.status == 400);
    CHECK(json::parse(r.body)["error"] == "undrawable");
  }
  CHECK_FALSE(join("127.0.7.1", "Anna"));
  CHECK_FALSE(join("127.0.7.2", "Ben"));
  CHECK(join("127.0.7.3", "Nguy\u1EC5n \u10D2\u10D8\u10D0"));
  CHECK(join("127.0.7.4", "Unknown"));
  ui.Frames(2);
  CHECK(ui.Has("live/waiting"));
  ui.SaveScreenshot("live-waiting");
  ui.Click("live/waiting/3/admit");
  CHECK(room.Snapshot(0).players[2].Playing());
  ui.Frames(2);
  ui.SaveScreenshot("live-waiting-let-in");
  ui.Click("live/refuse-all");
  CHECK(room.Snapshot(0).players[3].kicked);
  ui.Frames(2);
  CHECK_FALSE(ui.Has("live/waiting"));
  // Anna's and Ben's devices, ticked and removed in one action.
  ui.Click("live/player/1/tick");
  ui.Click("live/player/2/tick");
  ui.Frames(2);
  ui.Click("live/remove-ticked");
  const LiveHostView view = room.Snapshot(0);
  CHECK(view.players[0].kicked);
  CHECK(view.players[1].kicked);
  CHECK(view.players[2].Playing());
  CHECK(ui.Widgets().live.selectedDevices.empty());
}
