// The live game's server under a class: each iteration, 100 phones (threads, each its own
// connection, as phones are) answer the same question over loopback HTTP within about a
// second; reported are the server's latency percentiles per answer (p50, p99, max) and every
// answer counted. Also one phone's state poll round trip, and the room's own cost of an
// view (no HTTP).
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <benchmark/benchmark.h>
#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/net/live_server.h"
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

} // namespace

BENCHMARK_MAIN();
