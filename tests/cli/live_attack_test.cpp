// A live room opened from the command line (factdeck --screen live-lobby, the real program in
// a real window), attacked as a mischievous pupil's laptop on the school network would, while
// honest phones play. Everything on loopback; each device has its own source address
// (127.0.0.N); every loop is bounded in count and time.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <atomic>
#include <memory>
#include <regex>
#include <thread>

#include "support/process.h"
#include "support/raw_http.h"
#include "support/temp_dir.h"

using namespace factdeck::test;
using nlohmann::json;

namespace {

// Under AddressSanitizer (scripts/test) freed memory waits in a quarantine of up to 256 MB
// before it is reused, so the app's resident memory would grow with every request served,
// attack or not. The app under test reuses memory at once, so that what is measured is what
// the attack holds.
const char* NoQuarantine() {
  std::string options = std::getenv("ASAN_OPTIONS") ? std::getenv("ASAN_OPTIONS") : "";
  options += (options.empty() ? "" : ":") + std::string("quarantine_size_mb=0:thread_local_quarantine_size_kb=0");
  setenv("ASAN_OPTIONS", options.c_str(), 1);
  return FACTDECK_EXE;
}

// The program with a sample room open; its join address read from the line it prints.
struct RoomFromCommandLine {
  TempDir data;
  BackgroundProcess app{{NoQuarantine(), "--data-dir", data.Path().string(), "--screen", "live-lobby"}, true};
  int port = 0;
  std::string code;

  RoomFromCommandLine() {
    REQUIRE(app.Started());
    std::smatch m;
    for (int line = 0; line < 20 && port == 0; ++line) {
      const std::string text = app.ReadLine(60000);
      static const std::regex kJoin(R"(^join: http://127\.0\.0\.1:(\d+)/\?code=(\d{6})$)");
      if (std::regex_match(text, m, kJoin)) {
        port = std::stoi(m[1]);
        code = m[2];
      }
    }
    REQUIRE(port > 0);
  }

  // A phone from `source` joins; its token, or empty.
  std::string Join(const std::string& source, const std::string& name) {
    const RawResponse r = RawRequest(source, port, "POST", "/api/join", {"Content-Type: application/json"},
                                     json{{"code", code}, {"name", name}}.dump());
    if (r.status != 200) return {};
    return json::parse(r.body)["token"].get<std::string>();
  }
};

// Honest phones, each on its own address, polling the room for `seconds` as the page does;
// the slowest answer and whether every request was answered with 200.
struct Honest {
  double worstMs = 0;
  int requests = 0, failures = 0;
};

Honest PlayHonestly(RoomFromCommandLine& room, const std::vector<std::string>& tokens, double seconds) {
  std::vector<Honest> each(tokens.size());
  std::vector<std::thread> phones;
  for (size_t i = 0; i < tokens.size(); ++i)
    phones.emplace_back([&, i] {
      const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
      for (int poll = 0; poll < 100 && std::chrono::steady_clock::now() < end; ++poll) {
        const RawResponse r = RawRequest("127.0.1." + std::to_string(i + 1), room.port, "GET", "/api/state",
                                         {"X-FactDeck-Token: " + tokens[i]}, {}, 3000);
        ++each[i].requests;
        each[i].failures += r.status == 200 ? 0 : 1;
        each[i].worstMs = std::max(each[i].worstMs, r.status == 200 ? r.ms : 1e9);
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
      }
    });
  for (auto& t : phones)
    t.join();
  Honest all;
  for (const Honest& h : each) {
    all.worstMs = std::max(all.worstMs, h.worstMs);
    all.requests += h.requests;
    all.failures += h.failures;
  }
  return all;
}

std::vector<std::string> JoinClass(RoomFromCommandLine& room, int phones) {
  std::vector<std::string> tokens;
  for (int i = 0; i < phones; ++i)
    tokens.push_back(room.Join("127.0.1." + std::to_string(i + 1), "Pupil " + std::to_string(i + 1)));
  for (const std::string& token : tokens)
    REQUIRE_FALSE(token.empty());
  return tokens;
}

// The app's resident memory once it has settled: the class has played a while (the window
// has drawn its frames, the server has served), read until two readings 0.5 s apart agree.
double SettledMb(RoomFromCommandLine& room, const std::vector<std::string>& tokens) {
  PlayHonestly(room, tokens, 1.0);
  double last = ResidentMb(room.app.Pid());
  for (int i = 0; i < 20; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    const double now = ResidentMb(room.app.Pid());
    if (std::abs(now - last) < 0.5) return now;
    last = now;
  }
  return last;
}

} // namespace

TEST_CASE("slow and silent connections cannot stall the room: 30 phones are answered within a second",
          "[live][attack]") {
  RoomFromCommandLine room;
  const auto tokens = JoinClass(room, 30);
  const double before = SettledMb(room, tokens);

  // One laptop: 60 connections that send a request one byte at a time (a byte every 300 ms),
  // and 100 that send nothing; a second machine with ten addresses, 6 slow ones from each.
  std::atomic<bool> stop{false};
  std::vector<std::unique_ptr<RawConnection>> slow, silent;
  for (int i = 0; i < 60; ++i)
    slow.push_back(std::make_unique<RawConnection>("127.0.0.2", "127.0.0.1", room.port));
  for (int a = 0; a < 10; ++a)
    for (int i = 0; i < 6; ++i)
      slow.push_back(std::make_unique<RawConnection>("127.0.2." + std::to_string(a + 1), "127.0.0.1", room.port));
  for (int i = 0; i < 100; ++i)
    silent.push_back(std::make_unique<RawConnection>("127.0.0.3", "127.0.0.1", room.port));
  std::thread attacker([&] {
    const std::string request = "GET /api/state HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(room.port) +
                                "\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    for (size_t at = 0; at < request.size() && !stop; ++at) {
      for (auto& c : slow)
        c->Send(request.substr(at, 1));
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
    }
  });
  const Honest honest = PlayHonestly(room, tokens, 4.0);
  stop = true;
  attacker.join();

  INFO("honest requests " << honest.requests << ", failed " << honest.failures << ", slowest " << honest.worstMs
                          << " ms");
  CHECK(honest.requests >= 30 * 8);
  CHECK(honest.failures == 0);
  CHECK(honest.worstMs < 1000.0);
  // Every slow or silent connection was closed by the server: refused at once over the
  // per-address cap, or shut at the request deadline (2 s).
  int open = 0;
  for (auto& c : slow)
    open += c->ClosedWithin(500) ? 0 : 1;
  for (auto& c : silent)
    open += c->ClosedWithin(500) ? 0 : 1;
  CHECK(open == 0);
  const double after = ResidentMb(room.app.Pid());
  INFO("resident memory " << before << " MB before, " << after << " MB after");
  CHECK(after - before < 20.0);
}

TEST_CASE("oversized requests are refused unread: a chunked 16 MB body, a 16 MB length, 2,400 long header lines",
          "[live][attack]") {
  RoomFromCommandLine room;
  const auto tokens = JoinClass(room, 5);
  const double before = SettledMb(room, tokens);
  const std::string host = "Host: 127.0.0.1:" + std::to_string(room.port) + "\r\n";
  const std::string chunk(64 * 1024, 'x');
  char size[16];
  std::snprintf(size, sizeof size, "%zx\r\n", chunk.size());

  {
    // Chunked: refused when the headers are in, before any body byte is sent.
    RawConnection c("127.0.0.4", "127.0.0.1", room.port);
    REQUIRE(c.Send("POST /api/join HTTP/1.1\r\n" + host +
                   "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"));
    const std::string answer = c.Receive(2000);
    CHECK(answer.rfind("HTTP/1.1 411", 0) == 0);
    size_t sent = 0;
    for (int i = 0; i < 256 && c.Send(std::string(size) + chunk + "\r\n"); ++i)
      sent += chunk.size();
    INFO("body bytes the socket took before the server closed it: " << sent);
    CHECK(sent < 16u * 1024 * 1024);
  }
  {
    // A 16 MB Content-Length: 413 at once.
    RawConnection c("127.0.0.5", "127.0.0.1", room.port);
    REQUIRE(c.Send("POST /api/join HTTP/1.1\r\n" + host +
                   "Content-Type: application/json\r\nContent-Length: 16777216\r\n\r\n"));
    CHECK(c.Receive(2000).rfind("HTTP/1.1 413", 0) == 0);
  }
  {
    // 2,400 header lines of 7 KB: refused long before they are all sent.
    RawConnection c("127.0.0.6", "127.0.0.1", room.port);
    REQUIRE(c.Send("GET /api/state HTTP/1.1\r\n" + host));
    const std::string line = "X-Junk: " + std::string(7 * 1024, 'j') + "\r\n";
    int lines = 0;
    while (lines < 2400 && c.Send(line))
      ++lines;
    INFO("header lines the socket took: " << lines);
    CHECK(lines < 2400);
  }
  const Honest honest = PlayHonestly(room, tokens, 1.0);
  CHECK(honest.failures == 0);
  CHECK(honest.worstMs < 1000.0);
  const double after = ResidentMb(room.app.Pid());
  INFO("resident memory " << before << " MB before, " << after << " MB after");
  CHECK(after - before < 4.0);
}

TEST_CASE("a join flood from one laptop's ten addresses is held to three players a device", "[live][attack]") {
  RoomFromCommandLine room;
  int joined = 0, refused = 0;
  for (int a = 0; a < 10; ++a)
    for (int i = 0; i < 10; ++i) {
      const RawResponse r = RawRequest("127.0.3." + std::to_string(a + 1), room.port, "POST", "/api/join",
                                       {"Content-Type: application/json"},
                                       json{{"code", room.code}, {"name", "Bot " + std::to_string(a * 10 + i)}}.dump());
      if (r.status == 200)
        ++joined;
      else if (r.status == 403 && json::parse(r.body)["error"] == "device-full")
        ++refused;
    }
  CHECK(joined == 30);
  CHECK(refused == 70);
  // The room still takes an honest phone.
  CHECK_FALSE(room.Join("127.0.1.1", "Anna Real").empty());
}
