// The player page in a real browser: headless Chromium driven through chromedriver (the W3C
// WebDriver protocol, plain HTTP), against a live room on loopback hosted by this test.
#include <httplib.h>

#include <algorithm>
#include <catch2/catch.hpp>

#include <memory>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/net/live_server.h"
#include "core/import/deck_file.h"
#include "core/store/profile_store.h"
#include "support/net.h"
#include "support/process.h"
#include "support/seed_deck.h"

using namespace factdeck;
using nlohmann::json;

namespace {

// The room's clock: real time, so that answers are timed as phones send them.
srs::TimeMs Now() { return srs::WallClockNow(); }

std::string DecodeBase64(const std::string& text) {
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char ch : text) {
    int v = -1;
    if (ch >= 'A' && ch <= 'Z')
      v = ch - 'A';
    else if (ch >= 'a' && ch <= 'z')
      v = ch - 'a' + 26;
    else if (ch >= '0' && ch <= '9')
      v = ch - '0' + 52;
    else if (ch == '+')
      v = 62;
    else if (ch == '/')
      v = 63;
    if (v < 0) continue;
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  return out;
}

// A WebDriver session with headless Chromium.
class Browser {
public:
  // The driver on a free port, then a session. Tests run side by side: a port taken in the
  // moment between choosing it and the driver binding it, or a browser that fails to start
  // under the load of the whole suite, leaves no session; the driver is then started again
  // on another port (three tries), and only the last failure fails the test.
  Browser() {
    const json caps = {{"capabilities",
                        {{"alwaysMatch",
                          {{"goog:chromeOptions",
                            {{"binary", "/usr/bin/chromium"},
                             {"args",
                              {"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                               "--disable-dev-shm-usage", "--window-size=412,860"}}}}}}}}};
    for (int attempt = 1;; ++attempt) {
      m_http.reset();
      m_driver.reset();
      const int port = test::FreeLoopbackPort();
      m_driver = std::make_unique<test::BackgroundProcess>(
          std::vector<std::string>{"/usr/bin/chromedriver", "--port=" + std::to_string(port)});
      m_http = std::make_unique<httplib::Client>("127.0.0.1", port);
      m_http->set_read_timeout(60, 0);
      for (int i = 0; i < 100 && !m_http->Get("/status"); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      if (attempt < 3) {
        httplib::Result r = m_http->Post("/session", caps.dump(), "application/json");
        if (!r || r->status != 200) continue;
        m_session = json::parse(r->body)["value"]["sessionId"].get<std::string>();
        return;
      }
      const json session = Call("POST", "/session", caps);
      m_session = session["value"]["sessionId"].get<std::string>();
      return;
    }
  }
  ~Browser() {
    if (!m_session.empty()) m_http->Delete(("/session/" + m_session).c_str());
  }

  json Call(const std::string& method, const std::string& path, const json& body = json::object()) {
    httplib::Result r = method == "GET"      ? m_http->Get(path.c_str())
                        : method == "DELETE" ? m_http->Delete(path.c_str())
                                             : m_http->Post(path.c_str(), body.dump(), "application/json");
    INFO(method << " " << path);
    REQUIRE(r);
    INFO(r->body);
    REQUIRE(r->status == 200);
    return json::parse(r->body);
  }
  json Session(const std::string& method, const std::string& path, const json& body = json::object()) {
    return Call(method, "/session/" + m_session + path, body);
  }
  void Open(const std::string& url) { Session("POST", "/url", {{"url", url}}); }
  // Runs `script` in the page and returns what it returns.
  json Run(const std::string& script) {
    return Session("POST", "/execute/sync", {{"script", script}, {"args", json::array()}})["value"];
  }
  std::string Element(const std::string& css) {
    return Session("POST", "/element", {{"using", "css selector"}, {"value", css}})["value"]
        .begin()
        .value()
        .get<std::string>();
  }
  void Type(const std::string& css, const std::string& text) {
    Session("POST", "/element/" + Element(css) + "/value", {{"text", text}});
  }
  void Click(const std::string& css) { Session("POST", "/element/" + Element(css) + "/click"); }
  std::string Text(const std::string& css) {
    return Session("GET", "/element/" + Element(css) + "/text")["value"].get<std::string>();
  }
  // Waits (at most 20 s) until `script` returns true in the page.
  bool WaitFor(const std::string& script) {
    for (int i = 0; i < 200; ++i) {
      if (Run("return !!(" + script + ");") == true) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
  }
  void Screenshot(const std::filesystem::path& file) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << DecodeBase64(Session("GET", "/screenshot")["value"].get<std::string>());
  }

private:
  std::unique_ptr<test::BackgroundProcess> m_driver;
  std::unique_ptr<httplib::Client> m_http;
  std::string m_session;
};

// A live game of `count` questions from a deck file, its server on loopback, and one phone
// that has joined as `name` and waits in the lobby.
struct PhoneGame {
  std::shared_ptr<LiveRoom> room;
  std::unique_ptr<LiveServer> server;
  Browser browser;

  PhoneGame(const std::filesystem::path& deckFile, size_t count, std::uint64_t seed, const std::string& code,
            const std::string& name) {
    DeckLoad load = LoadDeckFile(deckFile.string());
    REQUIRE(load.Ok());
    LiveOptions live;
    live.request.count = count;
    live.request.seed = seed;
    live.readSeconds = 0;
    live.secondsPerQuestion = 60;
    room = std::make_shared<LiveRoom>(load.deck, live, code, Now());
    REQUIRE(room->QuestionCount() == count);
    LiveServerOptions options;
    options.port = 0;
    server = std::make_unique<LiveServer>(room, options, Now);
    REQUIRE(server->Start().empty());
    browser.Open(server->JoinUrl());
    browser.Type("#name", name);
    browser.Click("#join");
    REQUIRE(browser.WaitFor("document.getElementById('prompt').textContent.includes('Waiting for the host')"));
  }
};

} // namespace

TEST_CASE("a phone joins from the page, answers, sees its result, and survives a reload and a network drop",
          "[live][browser]") {
  const Deck deck = test::SeedDeck();
  LiveOptions live;
  live.request.count = 2;
  live.request.seed = 9;
  live.readSeconds = 1;
  live.secondsPerQuestion = 60;
  auto room = std::make_shared<LiveRoom>(deck, live, "135790", Now());
  LiveServerOptions options;
  options.port = 0;
  LiveServer server(room, options, Now);
  REQUIRE(server.Start().empty());

  Browser browser;
  browser.Open(server.JoinUrl());
  // The code comes from the QR code's address; the player types a name with markup in it.
  CHECK(browser.Run("return document.getElementById('code').value;") == "135790");
  const std::string name = "<b>Röhm</b>";
  browser.Type("#name", name);
  browser.Click("#join");
  for (int i = 0; i < 100 && room->Snapshot(Now()).players.empty(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  const auto lobby = room->Snapshot(Now());
  REQUIRE(lobby.players.size() == 1);
  CHECK(lobby.players[0].name == name);
  REQUIRE(browser.WaitFor("document.getElementById('prompt').textContent.includes('Waiting for the host')"));
  // The name shows as typed, as text: no <b> element was made from it.
  CHECK(browser.Text("#status").find(name) != std::string::npos);
  CHECK(browser.Run("return document.querySelectorAll('b').length;") == 0);

  room->Start(Now());
  const Question& q = room->Questions()[0];
  REQUIRE(browser.WaitFor("document.querySelectorAll('button.option').length === " + std::to_string(q.options.size())));
  CHECK(browser.Text("#prompt") == q.prompt);
  browser.Screenshot(std::filesystem::path(FACTDECK_SCREENSHOT_DIR) / "live-phone-question.png");
  browser.Click("button.option[data-index='" + std::to_string(q.answer) + "']");
  // The only player answered: the room reveals, and the page shows the result.
  REQUIRE(browser.WaitFor("document.getElementById('result').textContent.includes('Right')"));
  const auto answers = room->Answers();
  REQUIRE(answers.size() == 1);
  CHECK(answers[0].options == std::vector<int>{q.answer});
  CHECK(browser.Text("#score").find("rank 1 of 1") != std::string::npos);
  CHECK(browser.Text("#detail").find(q.source) != std::string::npos);
  browser.Screenshot(std::filesystem::path(FACTDECK_SCREENSHOT_DIR) / "live-phone-result.png");

  // A reload keeps the player: the page comes back in the game, not at the join form.
  browser.Session("POST", "/refresh");
  REQUIRE(browser.WaitFor("document.getElementById('result').textContent.includes('Right')"));
  CHECK(browser.Run("return document.getElementById('joinView').hidden;") == true);
  CHECK(room->Snapshot(Now()).players.size() == 1);

  // A brief network drop: the server goes away and comes back on the same port. The page
  // says it is reconnecting, then carries on by itself.
  const int port = server.Port();
  server.Stop();
  REQUIRE(browser.WaitFor("getComputedStyle(document.getElementById('net')).display !== 'none'"));
  LiveServerOptions again;
  again.port = port;
  LiveServer back(room, again, Now);
  REQUIRE(back.Start().empty());
  REQUIRE(browser.WaitFor("getComputedStyle(document.getElementById('net')).display === 'none'"));

  // The next question, answered after the reload and the drop with the same identity.
  room->Next(Now());
  const Question& q2 = room->Questions()[1];
  REQUIRE(browser.WaitFor("document.querySelectorAll('button.option:not([disabled])').length === " +
                          std::to_string(q2.options.size())));
  browser.Click("button.option[data-index='" + std::to_string((q2.answer + 1) % static_cast<int>(q2.options.size())) +
                "']");
  REQUIRE(browser.WaitFor("document.getElementById('result').textContent.includes('Not this time')"));
  room->Next(Now());
  REQUIRE(browser.WaitFor("document.getElementById('prompt').textContent.includes('Game over')"));
  CHECK(browser.Text("#result").find(name) != std::string::npos);
  CHECK(room->Answers().size() == 2);
}

TEST_CASE("a teacher's quiz spreadsheet in either layout plays as a live game on a phone, select-all questions too",
          "[live][browser][choice]") {
  for (const char* file : {"quiz-numbered.csv", "quiz-correct-incorrect.csv"}) {
    INFO(file);
    PhoneGame game(std::filesystem::path(FACTDECK_SOURCE_DIR) / "tests/data" / file, 20, 4, "246802", "Zoë");
    auto& room = game.room;
    Browser& browser = game.browser;
    room->Start(Now());
    int selectAll = 0;
    for (int n = 0; n < 20; ++n) {
      const Question& q = room->Questions()[static_cast<size_t>(n)];
      INFO(q.prompt);
      REQUIRE(browser.WaitFor("document.querySelectorAll('button.option:not([disabled])').length === " +
                              std::to_string(q.options.size())));
      CHECK(browser.Text("#prompt") == q.prompt);
      if (SelectAll(q)) {
        // Tapping marks; nothing is sent until Send. A second tap unmarks.
        CHECK(browser.Text("#hint") == "Select all that apply.");
        for (int option : q.answers)
          browser.Click("button.option[data-index='" + std::to_string(option) + "']");
        const int wrong = static_cast<int>(std::find(q.answers.begin(), q.answers.end(), 0) == q.answers.end() ? 0 : 1);
        browser.Click("button.option[data-index='" + std::to_string(wrong) + "']");
        browser.Click("button.option[data-index='" + std::to_string(wrong) + "']");
        CHECK(room->Answers().size() == static_cast<size_t>(n));
        CHECK(browser.Run("return document.querySelectorAll('button.option.marked').length;") ==
              static_cast<int>(q.answers.size()));
        if (selectAll++ == 0)
          browser.Screenshot(std::filesystem::path(FACTDECK_SCREENSHOT_DIR) / "live-phone-select-all.png");
        browser.Click("#send");
      } else {
        browser.Click("button.option[data-index='" + std::to_string(q.answer) + "']");
      }
      REQUIRE(browser.WaitFor("document.getElementById('result').textContent.includes('Right')"));
      const auto answers = room->Answers();
      REQUIRE(answers.size() == static_cast<size_t>(n + 1));
      CHECK(answers.back().correct);
      CHECK(answers.back().options == RightOptions(q));
      room->Next(Now());
    }
    REQUIRE(browser.WaitFor("document.getElementById('prompt').textContent.includes('Game over')"));
    CHECK(selectAll == (std::string(file) == "quiz-numbered.csv" ? 3 : 0));
    const auto standing = room->Snapshot(Now());
    REQUIRE(standing.players.size() == 1);
    CHECK(standing.players[0].right == 20);
  }
}

TEST_CASE("the flags deck plays on a phone: a flag to name, or four flags to choose from, loaded from the room",
          "[live][browser][pictures]") {
  PhoneGame game(std::filesystem::path(FACTDECK_SOURCE_DIR) / "questions/flags-of-europe.toml", 4, 8, "135791", "Ilse");
  auto& room = game.room;
  Browser& browser = game.browser;
  // In the lobby there is no picture.
  CHECK(browser.Run("return document.getElementById('picture').hidden;") == true);
  room->Start(Now());
  std::string previous;
  int flagShown = 0, flagsOffered = 0;
  for (int n = 0; n < 4; ++n) {
    const Question& q = room->Questions()[static_cast<size_t>(n)];
    const std::string question = "/picture/" + std::to_string(n) + "/";
    REQUIRE(browser.WaitFor("document.querySelectorAll('button.option:not([disabled])').length === 4"));
    if (q.image.empty()) {
      // Four flags on the buttons, decoded by the browser, and no names on them yet.
      REQUIRE(q.optionImages.size() == 4);
      REQUIRE(browser.WaitFor("[...document.querySelectorAll('button.option img')].filter(i => i.complete && "
                              "i.naturalWidth > 0 && i.src.includes('" +
                              question + "')).length === 4"));
      CHECK(browser.Run("return document.getElementById('picture').hidden;") == true);
      CHECK(browser.Run("return document.querySelector('#options').textContent.includes('" +
                        q.options[static_cast<size_t>(q.answer)] + "');") == false);
      if (flagsOffered++ == 0)
        browser.Screenshot(std::filesystem::path(FACTDECK_SCREENSHOT_DIR) / "live-phone-flag-options.png");
      browser.Click("button.option[data-index='" + std::to_string(q.answer) + "']");
      REQUIRE(browser.WaitFor("document.getElementById('result').textContent.includes('Right')"));
      // Revealed: each flag now says whose it is.
      REQUIRE(browser.WaitFor("document.querySelector('#options').textContent.includes('" +
                              q.options[static_cast<size_t>(q.answer)] + "')"));
    } else {
      // The flag is decoded by the browser: shown, with its own size (300 pixels wide).
      REQUIRE(browser.WaitFor("document.getElementById('picture').complete && "
                              "document.getElementById('picture').naturalWidth === 300 && "
                              "!document.getElementById('picture').hidden && "
                              "document.getElementById('picture').src.includes('" +
                              question + "')"));
      const std::string src = browser.Run("return document.getElementById('picture').src;").get<std::string>();
      CHECK(src != previous); // each question its own picture
      previous = src;
      if (flagShown++ == 0) browser.Screenshot(std::filesystem::path(FACTDECK_SCREENSHOT_DIR) / "live-phone-flag.png");
      browser.Click("button.option[data-index='" + std::to_string(q.answer) + "']");
      REQUIRE(browser.WaitFor("document.getElementById('result').textContent.includes('Right')"));
    }
    room->Next(Now());
  }
  CHECK(flagShown >= 1);
  CHECK(flagsOffered >= 1);
}
