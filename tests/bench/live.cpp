// The live game's server under a class: each iteration, 100 phones (threads, each its own
// connection, as phones are) answer the same question over loopback HTTP within about a
// second; reported are the server's latency percentiles per answer (p50, p99, max) and every
// answer counted. Then a hall: 500 phones, each from its own address with its own keep-alive
// connection, polling as the page does and all answering within one second. Also one
// phone's state poll round trip, and the room's own cost of a view (no HTTP).
#include <arpa/inet.h>
#include <fcntl.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <random>

#include <algorithm>
#include <atomic>
#include <benchmark/benchmark.h>
#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/net/live_server.h"
#include "core/import/deck_file.h"
#include "core/base/paths.h"

namespace {

using namespace factdeck;
using nlohmann::json;

srs::TimeMs Now() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

const Deck& SeedDeck() {
  static const Deck deck = [] {
    DeckLoad load = LoadDeckFile((BundledDeckDirs().back() / "german-soviet-military-cooperation.toml").string());
    return std::move(load.deck);
  }();
  return deck;
}

struct Room {
  std::shared_ptr<LiveRoom> room;
  std::unique_ptr<LiveServer> server;
  std::vector<std::string> tokens;
  explicit Room(int players) {
    LiveOptions options;
    options.request.count = 50;
    options.readSeconds = 0;
    options.secondsPerQuestion = 120;
    options.maxPlayersPerAddress = 1000; // one address plays the whole class
    room = std::make_shared<LiveRoom>(SeedDeck(), options, "111111", Now());
    LiveServerOptions serving;
    serving.port = 0;
    serving.requestsPerSecond = serving.requestBurst = 1e9; // likewise
    serving.joinsPerMinute = 1 << 30;
    serving.maxConnectionsPerAddress = 1000;
    server = std::make_unique<LiveServer>(room, serving, Now);
    if (!server->Start().empty()) std::abort();
    for (int i = 0; i < players; ++i)
      tokens.push_back(room->Join("111111", "Player " + std::to_string(i), "127.0.0.1", Now()).token);
  }
};

void BM_LiveClassAnswers(benchmark::State& state) {
  constexpr int kPlayers = 100;
  Room r(kPlayers);
  r.room->Start(Now());
  std::vector<double> latencies;
  int question = 0;
  std::int64_t counted = 0;
  for (auto _ : state) {
    state.PauseTiming();
    if (question > 0) r.room->Next(Now());
    state.ResumeTiming();
    std::vector<double> times(kPlayers);
    const int options = static_cast<int>(r.room->Questions()[static_cast<size_t>(question)].options.size());
    std::vector<std::thread> phones;
    for (int i = 0; i < kPlayers; ++i)
      phones.emplace_back([&, i] {
        std::this_thread::sleep_for(std::chrono::milliseconds(i * 9)); // a class answers over about a second
        httplib::Client c("127.0.0.1", r.server->Port());
        const auto start = std::chrono::steady_clock::now();
        auto res = c.Post("/api/answer", httplib::Headers{{"X-FactDeck-Token", r.tokens[static_cast<size_t>(i)]}},
                          json{{"question", question}, {"option", i % options}}.dump(), "application/json");
        times[static_cast<size_t>(i)] =
            res && res->status == 200
                ? std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count()
                : -1;
      });
    for (auto& t : phones)
      t.join();
    for (double t : times)
      if (t >= 0) latencies.push_back(t);
    counted = static_cast<std::int64_t>(r.room->Answers().size());
    ++question;
  }
  std::sort(latencies.begin(), latencies.end());
  auto at = [&](double q) {
    return latencies.empty() ? -1.0 : latencies[static_cast<size_t>(q * static_cast<double>(latencies.size() - 1))];
  };
  state.counters["p50_ms"] = at(0.50);
  state.counters["p99_ms"] = at(0.99);
  state.counters["max_ms"] = at(1.0);
  state.counters["answers_counted"] = static_cast<double>(counted);
  state.counters["answers_sent"] = static_cast<double>(question * kPlayers);
}
BENCHMARK(BM_LiveClassAnswers)->Iterations(20)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_LiveStatePoll(benchmark::State& state) {
  Room r(1);
  r.room->Start(Now());
  httplib::Client c("127.0.0.1", r.server->Port());
  const httplib::Headers headers{{"X-FactDeck-Token", r.tokens[0]}};
  for (auto _ : state) {
    auto res = c.Get("/api/state", headers);
    benchmark::DoNotOptimize(res);
  }
}
BENCHMARK(BM_LiveStatePoll)->Unit(benchmark::kMicrosecond)->UseRealTime();

// One phone's poll, without HTTP: the room's view for a player in a class of 100.
void BM_LiveRoomView(benchmark::State& state) {
  LiveOptions options;
  options.request.count = 50;
  options.readSeconds = 0;
  options.maxPlayersPerAddress = 1000;
  LiveRoom room(SeedDeck(), options, "111111", 0);
  std::vector<std::string> tokens;
  for (int i = 0; i < 100; ++i)
    tokens.push_back(room.Join("111111", std::to_string(i) + " P", "a", 0).token);
  room.Start(0);
  for (size_t i = 0; i < tokens.size(); i += 2)
    room.Answer(tokens[i], 0, 1, 1000);
  size_t i = 0;
  LivePlayerView view;
  for (auto _ : state) {
    benchmark::DoNotOptimize(room.View(tokens[i++ % tokens.size()], 1000, view));
    benchmark::DoNotOptimize(view);
  }
}
BENCHMARK(BM_LiveRoomView)->Unit(benchmark::kMicrosecond);

// ---- A hall of phones: one thread plays them all over non-blocking sockets, so that what is
// timed is the server, not 500 client threads fighting for two cores.

using SteadyClock = std::chrono::steady_clock;

double Ms(SteadyClock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

double CpuSeconds(clockid_t clock) {
  timespec t{};
  clock_gettime(clock, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

double ResidentMb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::atof(line.c_str() + 6) / 1024.0;
  return -1;
}

struct HallPhone {
  int fd = -1;
  std::string address, token, in;
  bool busy = false, answering = false, answered = false;
  SteadyClock::time_point sent, nextPoll, answerAt;
};

// The whole response in `in`: its status, or 0 while it is still arriving.
int CompleteResponse(const std::string& in) {
  const size_t end = in.find("\r\n\r\n");
  if (end == std::string::npos || in.size() < 12) return 0;
  size_t length = 0;
  for (size_t at = in.find('\n'); at != std::string::npos && at < end; at = in.find('\n', at + 1))
    if (strncasecmp(in.c_str() + at + 1, "Content-Length:", 15) == 0)
      length = std::strtoul(in.c_str() + at + 16, nullptr, 10);
  return in.size() >= end + 4 + length ? std::atoi(in.c_str() + 9) : 0;
}

bool SendAll(int fd, const std::string& bytes) {
  size_t at = 0;
  while (at < bytes.size()) {
    const ssize_t n = send(fd, bytes.data() + at, bytes.size() - at, MSG_NOSIGNAL);
    if (n > 0)
      at += static_cast<size_t>(n);
    else if (n < 0 && errno == EAGAIN) {
      pollfd p{fd, POLLOUT, 0};
      poll(&p, 1, 100);
    } else {
      return false;
    }
  }
  return true;
}

std::string Request(const HallPhone& phone, int port, const std::string& method, const std::string& path,
                    const std::string& body) {
  std::string r = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) + "\r\n";
  if (!phone.token.empty()) r += "X-FactDeck-Token: " + phone.token + "\r\n";
  if (method == "POST")
    r += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
  return r + "\r\n" + body;
}

// Reads what has arrived; the status once the response is whole (0: not yet, -1: closed).
int Receive(HallPhone& phone) {
  char buffer[8192];
  for (;;) {
    const ssize_t n = recv(phone.fd, buffer, sizeof buffer, 0);
    if (n > 0) {
      phone.in.append(buffer, static_cast<size_t>(n));
      continue;
    }
    if (n < 0 && errno == EAGAIN) break;
    return -1;
  }
  return CompleteResponse(phone.in);
}

void BM_LiveHall(benchmark::State& state) {
  const int phones = static_cast<int>(state.range(0));
  const int windowMs = static_cast<int>(state.range(1)); // every phone answers within this
  const double before = ResidentMb();
  LiveOptions options;
  options.request.count = 50;
  options.readSeconds = 0;
  options.secondsPerQuestion = 120;
  auto room = std::make_shared<LiveRoom>(SeedDeck(), options, "111111", Now());
  LiveServer server(room, LiveServerOptions{"127.0.0.1", 0}, Now); // the limits phones meet
  if (!server.Start().empty()) std::abort();
  const int port = server.Port();

  // Each phone: its own address (127.0.X.Y), one connection kept open, joined over it.
  std::vector<HallPhone> hall(static_cast<size_t>(phones));
  for (int i = 0; i < phones; ++i) {
    HallPhone& p = hall[static_cast<size_t>(i)];
    p.address = "127.0." + std::to_string(1 + i / 200) + "." + std::to_string(1 + i % 200);
    p.fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in from{}, to{};
    from.sin_family = to.sin_family = AF_INET;
    inet_pton(AF_INET, p.address.c_str(), &from.sin_addr);
    inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
    to.sin_port = htons(static_cast<std::uint16_t>(port));
    if (bind(p.fd, reinterpret_cast<sockaddr*>(&from), sizeof from) != 0 ||
        connect(p.fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0)
      std::abort();
    fcntl(p.fd, F_SETFL, O_NONBLOCK);
    SendAll(p.fd, Request(p, port, "POST", "/api/join",
                          json{{"code", "111111"}, {"name", "Phone " + std::to_string(i)}}.dump()));
    int status = 0;
    while ((status = Receive(p)) == 0) {
      pollfd w{p.fd, POLLIN, 0};
      poll(&w, 1, 1000);
    }
    if (status != 200) std::abort();
    p.token = json::parse(p.in.substr(p.in.find("\r\n\r\n") + 4))["token"].get<std::string>();
    p.in.clear();
  }
  const double joinedMb = ResidentMb();

  std::vector<double> answerMs, pollMs;
  std::int64_t failures = 0, sent = 0;
  double wall = 0, serverCpu = 0;
  int question = 0;
  std::mt19937 random(7);
  for (auto _ : state) {
    if (question == 0)
      room->Start(Now());
    else
      room->Next(Now());
    const double cpuStart = CpuSeconds(CLOCK_PROCESS_CPUTIME_ID), clientStart = CpuSeconds(CLOCK_THREAD_CPUTIME_ID);
    const auto start = SteadyClock::now();
    // Every phone answers once within the window, at a random moment, and polls every 600 ms
    // as the page does (each from its own moment of the cycle).
    for (HallPhone& p : hall) {
      p.answered = false;
      p.answerAt =
          start + std::chrono::microseconds(std::uniform_int_distribution<int>(0, windowMs * 1000 - 1)(random));
      p.nextPoll = start + std::chrono::microseconds(std::uniform_int_distribution<int>(0, 599999)(random));
    }
    const int choices = static_cast<int>(room->Questions()[static_cast<size_t>(question)].options.size());
    std::vector<pollfd> waiting;
    std::vector<HallPhone*> waitingPhone;
    for (;;) {
      const auto now = SteadyClock::now();
      bool pending = false;
      for (HallPhone& p : hall) {
        pending = pending || !p.answered || p.busy;
        if (p.busy) continue;
        if (!p.answered && now >= p.answerAt) {
          p.answering = true;
          p.busy = SendAll(p.fd, Request(p, port, "POST", "/api/answer",
                                         json{{"question", question},
                                              {"option", static_cast<int>(random() % static_cast<unsigned>(choices))}}
                                             .dump()));
        } else if (now >= p.nextPoll && now - start < std::chrono::milliseconds(1200)) {
          p.answering = false;
          p.nextPoll += std::chrono::milliseconds(600);
          p.busy = SendAll(p.fd, Request(p, port, "GET", "/api/state", ""));
        } else {
          continue;
        }
        ++sent;
        p.sent = now;
        if (!p.busy) {
          ++failures;
          p.answered = true;
        }
      }
      if (!pending) break;
      waiting.clear();
      waitingPhone.clear();
      for (HallPhone& p : hall)
        if (p.busy) {
          waiting.push_back({p.fd, POLLIN, 0});
          waitingPhone.push_back(&p);
        }
      if (poll(waiting.data(), waiting.size(), 1) <= 0) continue;
      for (size_t i = 0; i < waiting.size(); ++i) {
        if (waiting[i].revents == 0) continue;
        HallPhone& p = *waitingPhone[i];
        const int status = Receive(p);
        if (status == 0) continue;
        const double ms = Ms(SteadyClock::now() - p.sent);
        (p.answering ? answerMs : pollMs).push_back(ms);
        if (status != 200) ++failures;
        if (p.answering) p.answered = true;
        p.busy = false;
        p.in.clear();
      }
    }
    const double seconds = Ms(SteadyClock::now() - start) / 1000.0;
    wall += seconds;
    serverCpu +=
        (CpuSeconds(CLOCK_PROCESS_CPUTIME_ID) - cpuStart) - (CpuSeconds(CLOCK_THREAD_CPUTIME_ID) - clientStart);
    room->Reveal(Now());
    ++question;
  }
  for (HallPhone& p : hall)
    close(p.fd);
  auto percentile = [](std::vector<double>& v, double q) {
    if (v.empty()) return -1.0;
    std::sort(v.begin(), v.end());
    return v[static_cast<size_t>(q * static_cast<double>(v.size() - 1))];
  };
  state.counters["answer_p50_ms"] = percentile(answerMs, 0.5);
  state.counters["answer_p99_ms"] = percentile(answerMs, 0.99);
  state.counters["answer_max_ms"] = percentile(answerMs, 1.0);
  state.counters["poll_p50_ms"] = percentile(pollMs, 0.5);
  state.counters["poll_p99_ms"] = percentile(pollMs, 0.99);
  state.counters["poll_max_ms"] = percentile(pollMs, 1.0);
  state.counters["requests"] = static_cast<double>(sent);
  state.counters["failures"] = static_cast<double>(failures);
  state.counters["answers_counted"] = static_cast<double>(room->Answers().size());
  state.counters["server_cpu_pct"] = wall > 0 ? 100.0 * serverCpu / wall : 0;
  state.counters["hall_joined_mb"] = joinedMb - before;
}
// A hall answering over one second, and the worst case: everyone within 100 ms of the options.
BENCHMARK(BM_LiveHall)
    ->Args({500, 1000})
    ->Args({500, 100})
    ->Iterations(10)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

} // namespace

BENCHMARK_MAIN();
