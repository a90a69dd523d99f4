// The profile store's speed: how long an answer takes to commit (p50 and p99; target p99
// 5 ms), and opening a store of 1,000,000 reviews and 100,000 cards until the home screen's
// figures are read (target 100 ms). The large store is made once, in the build tree.
#include <algorithm>
#include <benchmark/benchmark.h>
#include <filesystem>
#include <fstream>
#include <vector>

#include "core/store/profile_store.h"
#include "core/base/sqlite_db.h"

namespace {

using namespace factdeck;
constexpr srs::TimeMs kStart = 1735689600000; // 2025-01-01

AnswerRecord MakeAnswer(std::int64_t profile, int i) {
  AnswerRecord a;
  a.profile = profile;
  a.deck = "deck-" + std::to_string(i % 10);
  a.item = "item-" + std::to_string(i % 10000);
  a.kind = i % 3 ? srs::QuestionKind::When : srs::QuestionKind::MultipleChoice;
  a.time = kStart + static_cast<srs::TimeMs>(i) * 60000;
  a.options = R"(["Lipetsk","Kazan","Tomka","Fili"])";
  a.answer = "Kazan";
  a.correct = i % 4 != 0;
  a.responseMs = 2000 + i % 3000;
  a.rating = a.correct ? srs::Rating::Good : srs::Rating::Again;
  a.after.state = srs::CardState::Review;
  a.after.stability = 1.0 + i % 100;
  a.after.difficulty = 5;
  a.after.lastReview = a.time;
  a.after.due = a.time + static_cast<srs::TimeMs>(1 + i % 30) * srs::kDayMs;
  return a;
}

void BM_CommitAnswer(benchmark::State& state) {
  const auto dir = std::filesystem::temp_directory_path() / "factdeck-bench-commit";
  std::filesystem::remove_all(dir);
  auto opened = ProfileStore::Open(dir, kStart);
  if (!opened.store) {
    state.SkipWithError(opened.error.c_str());
    return;
  }
  const auto profile = opened.store->DefaultProfile();
  std::vector<double> micros;
  int i = 0;
  for (auto _ : state) {
    const auto begin = std::chrono::steady_clock::now();
    StoreStatus saved = opened.store->RecordAnswer(MakeAnswer(profile, i++));
    micros.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - begin).count());
    if (!saved) state.SkipWithError(saved.message.c_str());
  }
  std::sort(micros.begin(), micros.end());
  state.counters["p50_ms"] = micros[micros.size() / 2] / 1000.0;
  state.counters["p99_ms"] = micros[micros.size() * 99 / 100] / 1000.0;
  opened.store.reset();
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_CommitAnswer)->Iterations(2000)->Unit(benchmark::kMicrosecond);

// A store with 100,000 cards (10 decks) and 1,000,000 reviews, made once.
std::filesystem::path LargeStore() {
  const auto dir = std::filesystem::path(FACTDECK_BENCH_DIR) / "store-1m";
  if (std::filesystem::exists(dir / "ready")) return dir;
  std::filesystem::remove_all(dir);
  {
    auto opened = ProfileStore::Open(dir, kStart);
    opened.store.reset();
  }
  sql::Database db((dir / ProfileStore::kFileName).string());
  db.Exec("PRAGMA synchronous=OFF; BEGIN");
  auto card = db.Prepare("INSERT INTO card (id, profile_id, deck, item, kind, state, stability, difficulty, due_ms, "
                         "last_review_ms, scheduled_days, learning_step, reps, lapses) "
                         "VALUES (?1, 1, ?2, ?3, 'multiple-choice', ?4, ?5, 5.0, ?6, ?7, 3, 0, 10, 1)");
  for (int c = 1; c <= 100000; ++c) {
    card.Bind(1, c).Bind(2, "deck-" + std::to_string(c % 10)).Bind(3, "item-" + std::to_string(c));
    card.Bind(4, c % 20 == 0 ? 1 : 2)
        .Bind(5, 1.0 + c % 300)
        .Bind(6, kStart + static_cast<srs::TimeMs>(c % 400) * srs::kDayMs);
    card.Bind(7, kStart).Run();
  }
  auto review =
      db.Prepare("INSERT INTO review (card_id, time_ms, kind, options, answer, correct, response_ms, rating, "
                 "state, stability, difficulty, due_ms) "
                 "VALUES (?1, ?2, 'multiple-choice', '[\"A\",\"B\",\"C\",\"D\"]', 'B', ?3, 2500, 3, 2, 10.0, 5.0, ?2)");
  for (int r = 0; r < 1000000; ++r)
    review.Bind(1, 1 + r % 100000).Bind(2, kStart + static_cast<srs::TimeMs>(r) * 30000).Bind(3, r % 5 ? 1 : 0).Run();
  auto day = db.Prepare("INSERT INTO day_activity (profile_id, day, reviews, correct) VALUES (1, ?1, 2880, 2300)");
  for (int d = 0; d < 348; ++d)
    day.Bind(1, kStart / srs::kDayMs + d).Run();
  db.Exec("COMMIT; PRAGMA wal_checkpoint(TRUNCATE)");
  std::ofstream(dir / "ready") << "1\n";
  return dir;
}

void BM_OpenLargeStoreForHome(benchmark::State& state) {
  const auto dir = LargeStore();
  const srs::TimeMs now = kStart + 400 * srs::kDayMs;
  {
    auto warm = ProfileStore::Open(dir, now); // today's backup is made here, once a day
  }
  size_t decks = 0;
  for (auto _ : state) {
    auto opened = ProfileStore::Open(dir, now);
    if (!opened.store) {
      state.SkipWithError(opened.error.c_str());
      break;
    }
    const auto profile = opened.store->DefaultProfile();
    auto progress = opened.store->Progress(profile, now);
    auto streaks = opened.store->Streaks(profile, now);
    decks = progress.size();
    benchmark::DoNotOptimize(streaks);
  }
  state.counters["decks"] = static_cast<double>(decks);
}
BENCHMARK(BM_OpenLargeStoreForHome)->Repetitions(5)->ReportAggregatesOnly(true)->Unit(benchmark::kMillisecond);

// The first start of a day: today's backup is due. It runs on its own thread, so what the
// learner waits for is the same open as any other; the copy finishes beside it (untimed here,
// in the store's destructor).
void BM_FirstStartOfDayLargeStore(benchmark::State& state) {
  const auto dir = LargeStore();
  const srs::TimeMs now = kStart + 401 * srs::kDayMs;
  size_t decks = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::error_code ec;
    std::filesystem::remove_all(dir / "backups", ec);
    state.ResumeTiming();
    auto opened = ProfileStore::Open(dir, now);
    if (!opened.store) {
      state.SkipWithError(opened.error.c_str());
      break;
    }
    const auto profile = opened.store->DefaultProfile();
    auto progress = opened.store->Progress(profile, now);
    decks = progress.size();
    benchmark::DoNotOptimize(opened.store->Streaks(profile, now));
    state.PauseTiming();
    opened.store.reset(); // waits for the backup
    state.ResumeTiming();
  }
  state.counters["decks"] = static_cast<double>(decks);
}
BENCHMARK(BM_FirstStartOfDayLargeStore)->Iterations(5)->Unit(benchmark::kMillisecond);

void BM_DailyBackupLargeStore(benchmark::State& state) {
  const auto dir = LargeStore();
  auto opened = ProfileStore::Open(dir, kStart + 400 * srs::kDayMs);
  if (!opened.store) {
    state.SkipWithError(opened.error.c_str());
    return;
  }
  const auto file = std::filesystem::temp_directory_path() / "factdeck-bench-backup.db";
  for (auto _ : state) {
    std::filesystem::remove(file);
    StoreStatus made = opened.store->BackupTo(file);
    if (!made) state.SkipWithError(made.message.c_str());
  }
  std::filesystem::remove(file);
}
BENCHMARK(BM_DailyBackupLargeStore)->Iterations(2)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
