// A live room opened from the command line (factdeck --screen live-lobby, the real program in
// a real window), attacked as a mischievous pupil's laptop on the school network would, while
// honest phones play. Everything on loopback; each device has its own source address
// (127.0.0.N); every loop is bounded in count and time.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <atomic>
#include <memory>
#include <fstream>
#include <regex>
#include <set>
#include <thread>

#include "support/process.h"
#include "support/raw_http.h"
#include "support/synthetic_pictures.h"
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

// The program with a sample room open (`--screen live-lobby` unless `extra` names another
// stage, on the deck `extra` gives with --deck, else the largest bundled deck); its join
// address read from the line it prints. `settings` is written as its settings file first.
struct RoomFromCommandLine {
  TempDir data;
  std::unique_ptr<BackgroundProcess> app;
  int port = 0;
  std::string code;

  explicit RoomFromCommandLine(std::vector<std::string> extra = {}, const std::string& settings = {}) {
    if (!settings.empty()) std::ofstream(data.Path() / "settings.toml") << settings;
    std::vector<std::string> argv{NoQuarantine(), "--data-dir", data.Path().string()};
    if (std::find(extra.begin(), extra.end(), "--screen") == extra.end())
      extra.insert(extra.end(), {"--screen", "live-lobby"});
    argv.insert(argv.end(), extra.begin(), extra.end());
    app = std::make_unique<BackgroundProcess>(argv, true);
    REQUIRE(app->Started());
    std::smatch m;
    for (int line = 0; line < 20 && port == 0; ++line) {
      const std::string text = app->ReadLine(60000);
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
  double last = ResidentMb(room.app->Pid());
  for (int i = 0; i < 20; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    const double now = ResidentMb(room.app->Pid());
    if (std::abs(now - last) < 0.5) return now;
    last = now;
  }
  return last;
}

// The libraries of `libraries` that process `pid` has mapped now (from /proc/PID/maps).
std::set<std::string> MappedOf(int pid, const std::vector<std::string>& libraries) {
  std::ifstream maps("/proc/" + std::to_string(pid) + "/maps");
  std::set<std::string> mapped;
  for (std::string line; std::getline(maps, line);)
    for (const std::string& library : libraries)
      if (line.find("/" + library + ".so") != std::string::npos) mapped.insert(library);
  return mapped;
}

} // namespace

TEST_CASE("the live room's and the desktop chooser's libraries are loaded only when first used", "[live][memory]") {
  // About 6 MB resident that a window never opening a room or the desktop's chooser does not
  // carry (docs/performance.md): the HTTP server with its TLS stack, ICU's spoof checker, the QR
  // code, libportal with GIO. (ICU's common library comes with the GL driver, so it is not here.)
  const std::vector<std::string> lazy{"libmicrohttpd", "libgnutls", "libicui18n",
                                      "libqrencode",   "libportal", "libgio-2.0"};
  {
    TempDir data;
    BackgroundProcess home({NoQuarantine(), "--data-dir", data.Path().string(), "--report-first-frame"}, true);
    REQUIRE(home.Started());
    REQUIRE_THAT(home.ReadLine(60000), Catch::StartsWith("first-frame "));
    CHECK(MappedOf(home.Pid(), lazy).empty());
  }
  RoomFromCommandLine room;
  REQUIRE_FALSE(room.Join("127.0.1.1", "Zoë").empty()); // the name is checked for look-alikes
  const std::set<std::string> mapped = MappedOf(room.app->Pid(), lazy);
  CHECK(mapped.count("libmicrohttpd") == 1);
  CHECK(mapped.count("libicui18n") == 1);
  CHECK(mapped.count("libportal") == 0);
}

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
  const double after = ResidentMb(room.app->Pid());
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
  const double after = ResidentMb(room.app->Pid());
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

namespace {

// A deck of four cards, each asking whose large photograph (noise: about 6 MB as PNG) is
// shown, for the picture attacks; its path.
std::string BigPictureDeck(const std::filesystem::path& dir) {
  const std::filesystem::path deck = NoisyPictureDeck(dir, 1450, 1400);
  REQUIRE_FALSE(deck.empty());
  return deck.string();
}

// Joins from `source` and reads the state: every picture address the phone is given.
std::vector<std::string> PictureAddresses(RoomFromCommandLine& room, const std::string& source) {
  const std::string token = room.Join(source, "Spy " + source);
  REQUIRE_FALSE(token.empty());
  const RawResponse r = RawRequest(source, room.port, "GET", "/api/state", {"X-FactDeck-Token: " + token});
  REQUIRE(r.status == 200);
  const json view = json::parse(r.body);
  INFO(view.dump());
  std::vector<std::string> addresses;
  if (view.contains("picture")) addresses.push_back(view["picture"]);
  for (const json& a : view.value("optionPictures", json::array()))
    addresses.push_back(a);
  return addresses;
}

// The room prepares its pictures on a thread of its own: asked too early, a picture is "not
// ready" (503). Waits for `address`, as the page does.
void WaitUntilPrepared(RoomFromCommandLine& room, const std::string& address) {
  for (int i = 0; i < 300; ++i) {
    if (RawRequest("127.0.9.250", room.port, "GET", address).status == 200) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  FAIL("the picture " << address << " was never prepared");
}

// A hash a pupil's script might try on a file's path or a name: FNV-1a (32 and 64 bits) and
// the standard library's, in hex and decimal.
std::vector<std::string> Hashes(const std::string& text) {
  std::uint32_t h32 = 2166136261u;
  std::uint64_t h64 = 1469598103934665603ull;
  for (unsigned char c : text) {
    h32 = (h32 ^ c) * 16777619u;
    h64 = (h64 ^ c) * 1099511628211ull;
  }
  char hex[32];
  std::vector<std::string> all;
  std::snprintf(hex, sizeof hex, "%08x", h32);
  all.push_back(hex);
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h64));
  all.push_back(hex);
  std::snprintf(hex, sizeof hex, "%zx", std::hash<std::string>{}(text));
  all.push_back(hex);
  all.push_back(std::to_string(h32));
  all.push_back(std::to_string(h64));
  return all;
}

} // namespace

TEST_CASE("a picture's address tells nothing: no hash of a file or name matches its tag, another room has other tags",
          "[live][attack][pictures]") {
  const std::filesystem::path deck = std::filesystem::path(FACTDECK_SOURCE_DIR) / "questions" / "flags-of-europe.toml";
  // Every file and name of the deck a script could hash.
  std::vector<std::string> candidates;
  for (const auto& entry : std::filesystem::directory_iterator(deck.parent_path() / "flags-of-europe")) {
    const std::filesystem::path file = entry.path();
    for (const std::string& form :
         {file.string(), "flags-of-europe/" + file.filename().string(), file.filename().string(), file.stem().string()})
      candidates.push_back(form);
    std::string name = file.stem().string();
    name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    candidates.push_back(name);
  }
  std::set<std::string> hashes;
  for (const std::string& c : candidates)
    for (const std::string& h : Hashes(c))
      hashes.insert(h);

  std::set<std::string> tags[2];
  for (int run = 0; run < 2; ++run) {
    // The same deck and the same sample game twice: question 1 is open for answers.
    RoomFromCommandLine room({"--deck", deck.string(), "--screen", "live-question"});
    const std::vector<std::string> addresses = PictureAddresses(room, "127.0.8." + std::to_string(run + 1));
    REQUIRE_FALSE(addresses.empty());
    for (const std::string& address : addresses) {
      INFO(address);
      static const std::regex kPicture(R"(^/picture/\d+/([0-9a-f]+)$)");
      std::smatch m;
      REQUIRE(std::regex_match(address, m, kPicture));
      const std::string tag = m[1];
      CHECK(tag.size() >= 24); // 96 random bits
      CHECK(hashes.count(tag) == 0);
      for (const std::string& c : candidates)
        CHECK(tag.find(c) == std::string::npos);
      tags[run].insert(tag);
      WaitUntilPrepared(room, address); // served
    }
  }
  for (const std::string& tag : tags[0])
    CHECK(tags[1].count(tag) == 0);
}

TEST_CASE("a 6 MB picture reaches a phone reading at 250 kB/s whole", "[live][attack][pictures]") {
  TempDir pictures;
  RoomFromCommandLine room({"--deck", BigPictureDeck(pictures.Path()), "--screen", "live-question"});
  const std::vector<std::string> addresses = PictureAddresses(room, "127.0.9.1");
  REQUIRE_FALSE(addresses.empty());
  WaitUntilPrepared(room, addresses[0]);
  RawConnection phone("127.0.9.2", "127.0.0.1", room.port, 16 * 1024);
  REQUIRE(phone.Send("GET " + addresses[0] + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(room.port) + "\r\n\r\n"));
  // 4 KB every 16 ms: 250 kB/s, with a bound on the whole.
  std::string got;
  size_t length = 0, headerEnd = std::string::npos;
  const auto start = std::chrono::steady_clock::now();
  bool closed = false;
  while (!closed && std::chrono::steady_clock::now() - start < std::chrono::seconds(60)) {
    got += phone.ReceiveSome(4000, 2000, &closed);
    if (headerEnd == std::string::npos && (headerEnd = got.find("\r\n\r\n")) != std::string::npos) {
      static const std::regex kLength(R"(Content-Length: (\d+))", std::regex::icase);
      std::smatch m;
      const std::string head = got.substr(0, headerEnd);
      REQUIRE(std::regex_search(head, m, kLength));
      length = std::stoul(m[1]);
    }
    if (headerEnd != std::string::npos && got.size() >= headerEnd + 4 + length) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(16));
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  INFO("picture of " << length << " bytes, received " << got.size() << " in " << seconds << " s");
  CHECK(got.rfind("HTTP/1.1 200", 0) == 0);
  REQUIRE(headerEnd != std::string::npos);
  CHECK(length > 500 * 1000); // large enough that sending it outlasts the request deadline (2 s)
  CHECK(got.size() == headerEnd + 4 + length);
  CHECK(seconds > 2.0);
}

TEST_CASE("a flood of picture requests from 66 addresses that never read leaves honest polls under a second and "
          "memory within 100 MB",
          "[live][attack][pictures]") {
  TempDir pictures;
  RoomFromCommandLine room({"--deck", BigPictureDeck(pictures.Path()), "--screen", "live-question"});
  const std::vector<std::string> addresses = PictureAddresses(room, "127.0.9.1");
  REQUIRE_FALSE(addresses.empty());
  WaitUntilPrepared(room, addresses[0]); // the flood asks for the prepared picture itself
  const auto tokens = JoinClass(room, 30);
  const double before = SettledMb(room, tokens);
  std::vector<std::unique_ptr<RawConnection>> flood;
  const std::string request =
      "GET " + addresses[0] + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(room.port) + "\r\n\r\n";
  for (int a = 0; a < 66; ++a)
    for (int i = 0; i < 6; ++i) {
      flood.push_back(
          std::make_unique<RawConnection>("127.0.10." + std::to_string(a + 1), "127.0.0.1", room.port, 4096));
      flood.back()->Send(request);
    }
  const Honest honest = PlayHonestly(room, tokens, 4.0);
  const double after = ResidentMb(room.app->Pid());
  INFO("honest requests " << honest.requests << ", failed " << honest.failures << ", slowest " << honest.worstMs
                          << " ms; resident memory " << before << " MB before, " << after << " MB during the flood");
  CHECK(honest.requests >= 30 * 8);
  CHECK(honest.failures == 0);
  CHECK(honest.worstMs < 1000.0);
  CHECK(after - before < 100.0);
}

TEST_CASE("340 addresses try to fill a class of 30: the flood waits in the lobby, a latecomer is still taken in to "
          "wait for the teacher",
          "[live][attack]") {
  RoomFromCommandLine room({}, "[live]\nclass_size = 30\n"); // six sample phones are in already
  int in = 0, waiting = 0, refused = 0;
  for (int a = 0; a < 340; ++a)
    for (int i = 0; i < 3; ++i) {
      const RawResponse r = RawRequest("127.0." + std::to_string(11 + a / 200) + "." + std::to_string(1 + a % 200),
                                       room.port, "POST", "/api/join", {"Content-Type: application/json"},
                                       json{{"code", room.code}, {"name", "Bot " + std::to_string(a * 3 + i)}}.dump());
      if (r.status == 200)
        ++(json::parse(r.body)["waiting"].get<bool>() ? waiting : in);
      else
        ++refused;
    }
  CHECK(in == 24);           // the class of 30 less the six sample phones
  CHECK(waiting == 340 - 8); // one waiting player per device beyond the class (8 devices got in with three each)
  CHECK(refused == 340 * 3 - in - waiting);
  const RawResponse late = RawRequest("127.0.1.1", room.port, "POST", "/api/join", {"Content-Type: application/json"},
                                      json{{"code", room.code}, {"name", "Anna Real"}}.dump());
  REQUIRE(late.status == 200);
  CHECK(json::parse(late.body)["waiting"] == true);
}

TEST_CASE("names that would fool the projector are refused: a blank suffix, a look-alike, an undrawable script",
          "[live][attack]") {
  RoomFromCommandLine room;
  auto join = [&](const std::string& source, const std::string& name) {
    return RawRequest(source, room.port, "POST", "/api/join", {"Content-Type: application/json"},
                      json{{"code", room.code}, {"name", name}}.dump());
  };
  REQUIRE(join("127.0.12.1", "Zofia").status == 200);
  for (const char* blank : {"Zofia\u2800", "Zofia\u3164", "\u115F", "Zofia\uFFA0"}) {
    const RawResponse r = join("127.0.12.2", blank);
    CHECK(r.status == 400);
    CHECK(json::parse(r.body)["error"] == "bad-name");
  }
  const RawResponse alike = join("127.0.12.2", "Z\u043Efia"); // a Cyrillic о
  CHECK(alike.status == 409);
  CHECK(json::parse(alike.body)["error"] == "name-taken");
  for (const char* undrawable : {"\u05E9\u05E8\u05D4", "\u0633\u0627\u0631\u0629", "Anna \U0001F600"}) {
    const RawResponse r = join("127.0.12.2", undrawable);
    CHECK(r.status == 400);
    CHECK(json::parse(r.body)["error"] == "undrawable");
  }
  CHECK(join("127.0.12.2", "Nguy\u1EC5n").status == 200); // Vietnamese: drawn
}

TEST_CASE("a body of another type is refused: application/jsonfoo and JSON patch get 415", "[live][attack]") {
  RoomFromCommandLine room;
  for (const char* type : {"application/jsonfoo", "application/json-patch+json", "text/plain"}) {
    const RawResponse r =
        RawRequest("127.0.12.3", room.port, "POST", "/api/join", {std::string("Content-Type: ") + type},
                   json{{"code", room.code}, {"name", "Typed"}}.dump());
    INFO(type);
    CHECK(r.status == 415);
  }
  CHECK(RawRequest("127.0.12.3", room.port, "POST", "/api/join", {"Content-Type: application/json; charset=utf-8"},
                   json{{"code", room.code}, {"name", "Typed"}}.dump())
            .status == 200);
}
