// The profile store: schema and migrations, answers, deck edits, profiles, bad states,
// backups, and the kill test (answers survive SIGKILL at any moment).
#include <catch2/catch.hpp>
#include <csignal>
#include <fcntl.h>
#include <fstream>
#include <functional>
#include <poll.h>
#include <random>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/import/csv.h"
#include "core/store/profile_store.h"
#include "core/base/sqlite_db.h"
#include "core/store/store_schema.h"
#include "support/temp_dir.h"

using namespace factdeck;
using factdeck::test::TempDir;

namespace {

constexpr srs::TimeMs kNow = 1735732800000; // 2025-01-01T12:00:00Z

std::unique_ptr<ProfileStore> OpenOk(const std::filesystem::path& dir, srs::TimeMs now = kNow) {
  auto opened = ProfileStore::Open(dir, now);
  INFO(opened.error);
  REQUIRE(opened.store);
  return std::move(opened.store);
}

AnswerRecord Answer(std::int64_t profile, const std::string& item, srs::TimeMs time, bool correct,
                    srs::QuestionKind kind = srs::QuestionKind::MultipleChoice) {
  AnswerRecord a;
  a.profile = profile;
  a.deck = "deck";
  a.item = item;
  a.kind = kind;
  a.time = time;
  a.options = "[\"Lipetsk\",\"Kazan\",\"Tomka\",\"Fili\"]";
  a.answer = correct ? "Lipetsk" : "Kazan";
  a.correct = correct;
  a.responseMs = 2500;
  a.rating = correct ? srs::Rating::Good : srs::Rating::Again;
  a.after.state = srs::CardState::Review;
  a.after.stability = 3.5;
  a.after.difficulty = 5.25;
  a.after.lastReview = time;
  a.after.due = time + 3 * srs::kDayMs;
  a.after.scheduledDays = 3;
  a.after.reps = 1;
  return a;
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Runs `body` in a forked child process (to drop privileges or limit file sizes without
// touching the test process); returns what the body returned, or "child failed".
std::string InChild(const std::function<std::string()>& body) {
  int fds[2];
  if (pipe(fds) != 0) return "pipe failed";
  pid_t child = fork();
  if (child < 0) return "fork failed";
  if (child == 0) {
    close(fds[0]);
    const std::string result = body();
    (void)!write(fds[1], result.data(), result.size());
    _exit(0);
  }
  close(fds[1]);
  std::string output;
  char buffer[512];
  for (ssize_t n; (n = read(fds[0], buffer, sizeof buffer)) > 0;)
    output.append(buffer, static_cast<size_t>(n));
  close(fds[0]);
  int status = 0;
  waitpid(child, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? output : "child failed";
}

std::int64_t CountReviews(const std::filesystem::path& file) {
  sql::Database db(file.string(), sql::Database::Mode::ReadOnly);
  return db.QueryInt("SELECT COUNT(*) FROM review").value_or(-1);
}

} // namespace

TEST_CASE("a new store has the latest schema, WAL, foreign keys and a default profile", "[store]") {
  TempDir dir;
  auto store = OpenOk(dir.Path());
  CHECK(store->SchemaVersion() == schema::kVersion);
  sql::Database db(store->File().string());
  CHECK(db.QueryText("PRAGMA journal_mode") == "wal");
  auto profiles = store->Profiles();
  REQUIRE(profiles.size() == 1);
  CHECK(profiles[0].name == "Learner");
  CHECK(store->DefaultProfile() == profiles[0].id);
}

TEST_CASE("stores of every earlier schema version migrate forward, keeping their data", "[store][migration]") {
  for (int from = 0; from < schema::kVersion; ++from) {
    INFO("from version " << from);
    TempDir dir;
    {
      sql::Database db((dir.Path() / ProfileStore::kFileName).string());
      for (int v = 0; v < from; ++v)
        db.Exec(schema::kMigrations[static_cast<size_t>(v)]);
      db.Exec("PRAGMA user_version=" + std::to_string(from));
      if (from >= 1) {
        db.Exec("INSERT INTO profile (id, name, created_ms) VALUES (7, 'Röhm', 1)");
        db.Exec("INSERT INTO card (id, profile_id, deck, item, kind, state, stability, difficulty, due_ms, "
                "last_review_ms, scheduled_days, learning_step, reps, lapses) "
                "VALUES (1, 7, 'd', 'i', 'multiple-choice', 2, 4.5, 5.5, 100, 50, 4, 0, 3, 1)");
        db.Exec("INSERT INTO review (card_id, time_ms, kind, correct, response_ms, rating, state, stability, "
                "difficulty, due_ms) VALUES (1, 50, 'multiple-choice', 1, 900, 3, 2, 4.5, 5.5, 100)");
      }
    }
    auto store = OpenOk(dir.Path());
    CHECK(store->SchemaVersion() == schema::kVersion);
    if (from >= 1) {
      auto card = store->Card(7, "d", "i", srs::QuestionKind::MultipleChoice);
      REQUIRE(card);
      CHECK(card->stability == 4.5);
      CHECK(card->lapses == 1);
      CHECK(CountReviews(store->File()) == 1);
      CHECK(store->FindProfile("Röhm") == 7);
    }
  }
}

TEST_CASE("a store from a newer FactDeck is refused and left untouched", "[store][migration]") {
  TempDir dir;
  const auto file = dir / ProfileStore::kFileName;
  {
    sql::Database db(file.string());
    db.Exec("CREATE TABLE future (x); PRAGMA user_version=99;");
  }
  const std::string before = ReadFile(file);
  auto opened = ProfileStore::Open(dir.Path(), kNow);
  CHECK_FALSE(opened.store);
  CHECK_THAT(opened.error, Catch::Contains("newer FactDeck"));
  CHECK(ReadFile(file) == before);
}

TEST_CASE("answers are stored with the card's new state, cram answers do not reschedule", "[store]") {
  TempDir dir;
  auto store = OpenOk(dir.Path());
  const auto profile = store->DefaultProfile();
  AnswerRecord first = Answer(profile, "lipetsk.opened", kNow, true);
  StoreStatus saved = store->RecordAnswer(first);
  REQUIRE(saved);
  CHECK(saved.id > 0);
  auto card = store->Card(profile, "deck", "lipetsk.opened", srs::QuestionKind::MultipleChoice);
  REQUIRE(card);
  CHECK(card->stability == 3.5);
  CHECK(card->due == kNow + 3 * srs::kDayMs);

  AnswerRecord cram = Answer(profile, "lipetsk.opened", kNow + 1000, false);
  cram.reschedule = false;
  cram.after.stability = 0.5;
  REQUIRE(store->RecordAnswer(cram));
  CHECK(store->Card(profile, "deck", "lipetsk.opened", srs::QuestionKind::MultipleChoice)->stability == 3.5);
  CHECK(CountReviews(store->File()) == 2);
}

TEST_CASE("editing a deck never loses progress: rewording, removal and return, renamed ids", "[store][deck]") {
  TempDir dir;
  auto store = OpenOk(dir.Path());
  const auto profile = store->DefaultProfile();
  for (const char* item : {"kama.opened", "tomka.place", "fili.company"})
    REQUIRE(store->RecordAnswer(Answer(profile, item, kNow, true)));

  // A fact reworded keeps its id: nothing changes.
  REQUIRE(store->SyncDeck("deck", {"kama.opened", "tomka.place", "fili.company"}, {}));
  CHECK(store->Cards(profile, "deck").size() == 3);

  // A fact removed: its card is hidden, with its history.
  REQUIRE(store->SyncDeck("deck", {"kama.opened", "fili.company"}, {}));
  CHECK(store->Cards(profile, "deck").size() == 2);
  auto all = store->Cards(profile, "deck", true);
  REQUIRE(all.size() == 3);
  CHECK(std::count_if(all.begin(), all.end(), [](const StoredCard& c) { return c.hidden; }) == 1);

  // It comes back: so does its card.
  REQUIRE(store->SyncDeck("deck", {"kama.opened", "tomka.place", "fili.company"}, {}));
  CHECK(store->Cards(profile, "deck").size() == 3);

  // Renamed with renamed_from: the history follows the new id.
  REQUIRE(
      store->SyncDeck("deck", {"kama.opened", "tomka.location", "fili.company"}, {{"tomka.place", "tomka.location"}}));
  auto renamed = store->Card(profile, "deck", "tomka.location", srs::QuestionKind::MultipleChoice);
  REQUIRE(renamed);
  CHECK(renamed->stability == 3.5);
  CHECK_FALSE(store->Card(profile, "deck", "tomka.place", srs::QuestionKind::MultipleChoice));
  CHECK(CountReviews(store->File()) == 3);
}

TEST_CASE("profiles: several learners, Unicode names, rename and delete", "[store]") {
  TempDir dir;
  auto store = OpenOk(dir.Path());
  StoreStatus made = store->CreateProfile("Тухачевский", kNow);
  REQUIRE(made);
  CHECK_FALSE(store->CreateProfile("Тухачевский", kNow));
  CHECK_FALSE(store->CreateProfile("", kNow));
  CHECK_FALSE(store->CreateProfile("bad\nname", kNow));
  REQUIRE(store->RecordAnswer(Answer(made.id, "x", kNow, true)));
  REQUIRE(store->RenameProfile(made.id, "Bažanov"));
  CHECK(store->FindProfile("Bažanov") == made.id);
  REQUIRE(store->DeleteProfile(made.id));
  CHECK_FALSE(store->FindProfile("Bažanov"));
  CHECK(CountReviews(store->File()) == 0); // a deleted learner's reviews go with them
  CHECK(store->Profiles().size() == 1);
}

TEST_CASE("a file that is not a database is moved aside and a fresh store started", "[store][bad]") {
  TempDir dir;
  const auto file = dir / ProfileStore::kFileName;
  std::ofstream(file) << "these are my notes, not a database\n";
  auto opened = ProfileStore::Open(dir.Path(), kNow);
  REQUIRE(opened.store);
  REQUIRE(opened.notices.size() == 1);
  CHECK_THAT(opened.notices[0], Catch::Contains("damaged") && Catch::Contains(".corrupt-20250101-120000"));
  CHECK(ReadFile(dir / "progress.db.corrupt-20250101-120000") == "these are my notes, not a database\n");
  CHECK(opened.store->SchemaVersion() == schema::kVersion);
}

TEST_CASE("a truncated store is moved aside, and the latest backup is offered", "[store][bad]") {
  TempDir dir;
  {
    auto store = OpenOk(dir.Path());
    const auto profile = store->DefaultProfile();
    for (int i = 0; i < 300; ++i)
      REQUIRE(store->RecordAnswer(Answer(profile, "item-" + std::to_string(i), kNow, true)));
    REQUIRE(store->BackupTo(store->BackupDir() / "progress-2025-01-01.db"));
  }
  const auto file = dir / ProfileStore::kFileName;
  {
    sql::Database db(file.string());
    db.Exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }
  std::filesystem::resize_file(file, std::filesystem::file_size(file) / 2);
  auto opened = ProfileStore::Open(dir.Path(), kNow + srs::kDayMs);
  REQUIRE(opened.store);
  REQUIRE(opened.notices.size() == 1);
  CHECK_THAT(opened.notices[0], Catch::Contains("damaged") && Catch::Contains("factdeck restore") &&
                                    Catch::Contains("progress-2025-01-01.db"));
  CHECK(CountReviews(opened.store->File()) == 0);
}

TEST_CASE("a second FactDeck on the same data folder is refused with a message", "[store][bad]") {
  TempDir dir;
  auto first = OpenOk(dir.Path());
  auto second = ProfileStore::Open(dir.Path(), kNow);
  CHECK_FALSE(second.store);
  CHECK_THAT(second.error, Catch::Contains("another FactDeck is already using"));
  first.reset();
  CHECK(ProfileStore::Open(dir.Path(), kNow).store); // free again once the first is closed
}

TEST_CASE("a read-only data folder gives a message, not a crash", "[store][bad]") {
  TempDir dir;
  const auto data = dir / "readonly";
  std::filesystem::create_directories(data);
  // Root may write anywhere, so the check runs as an unprivileged user in a child process.
  std::string message = InChild([&] {
    if (getuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0)) return std::string("cannot drop root");
    chmod(data.c_str(), 0555);
    auto opened = ProfileStore::Open(data, kNow);
    return opened.store ? std::string("OPENED") : opened.error;
  });
  CHECK_THAT(message, Catch::Contains("cannot be saved") && Catch::Contains("Permission denied"));
  CHECK_FALSE(std::filesystem::exists(data / ProfileStore::kFileName));
}

TEST_CASE("a full disk fails the answer with a message and keeps what was saved", "[store][bad]") {
  TempDir dir;
  auto store = OpenOk(dir.Path());
  const auto profile = store->DefaultProfile();
  REQUIRE(store->RecordAnswer(Answer(profile, "before", kNow, true)));
  sql::Database probe(store->File().string());
  store->LimitPagesForTesting(probe.QueryInt("PRAGMA page_count").value_or(0));
  StoreStatus failed;
  for (int i = 0; i < 1000 && failed.ok; ++i) {
    AnswerRecord big = Answer(profile, "big-" + std::to_string(i), kNow + i, true);
    big.options = std::string(4000, 'x');
    failed = store->RecordAnswer(big);
  }
  CHECK_FALSE(failed.ok);
  CHECK_THAT(failed.message, Catch::Contains("disk is full"));
  CHECK(store->Card(profile, "deck", "before", srs::QuestionKind::MultipleChoice));
  CHECK(probe.QueryText("PRAGMA integrity_check") == "ok");
  store->LimitPagesForTesting(0); // space again: saving works again
  CHECK(store->RecordAnswer(Answer(profile, "after", kNow + 5000, true)));
}

TEST_CASE("a write that fails on disk leaves the store as it was, and says so", "[store][bad]") {
  TempDir dir;
  {
    auto store = OpenOk(dir.Path());
    REQUIRE(store->RecordAnswer(Answer(store->DefaultProfile(), "kept", kNow, true)));
  }
  // In a child process whose files may not grow (RLIMIT_FSIZE), answers cannot be written.
  std::string message = InChild([&] {
    signal(SIGXFSZ, SIG_IGN);
    auto opened = ProfileStore::Open(dir.Path(), kNow);
    if (!opened.store) return opened.error;
    auto profile = opened.store->DefaultProfile();
    rlimit limit{static_cast<rlim_t>(std::filesystem::file_size(dir / ProfileStore::kFileName)),
                 static_cast<rlim_t>(std::filesystem::file_size(dir / ProfileStore::kFileName))};
    setrlimit(RLIMIT_FSIZE, &limit);
    std::string result;
    for (int i = 0; i < 2000 && result.empty(); ++i) {
      StoreStatus s = opened.store->RecordAnswer(Answer(profile, "lost-" + std::to_string(i), kNow, true));
      if (!s) result = s.message;
    }
    return result;
  });
  CHECK_THAT(message, Catch::Contains("could not be saved"));
  auto store = OpenOk(dir.Path());
  CHECK(store->Card(store->DefaultProfile(), "deck", "kept", srs::QuestionKind::MultipleChoice));
  sql::Database db(store->File().string());
  CHECK(db.QueryText("PRAGMA integrity_check") == "ok");
}

TEST_CASE("a backup is taken on the first start of each day, the last 7 kept", "[store][backup]") {
  TempDir dir;
  for (int day = 0; day < 10; ++day) {
    auto store = OpenOk(dir.Path(), kNow + day * srs::kDayMs);
    store->WaitForBackup(); // it runs beside the app; here it must be of the store as it was at the start
    CHECK_FALSE(store->TakeBackupProblem());
    REQUIRE(store->RecordAnswer(
        Answer(store->DefaultProfile(), "day-" + std::to_string(day), kNow + day * srs::kDayMs, true)));
  }
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir / "backups"))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  REQUIRE(names.size() == 7);
  CHECK(names.front() == "progress-2025-01-04.db"); // day 0 had nothing to back up; days 1-9 made nine
  CHECK(names.back() == "progress-2025-01-10.db");
  CHECK(CountReviews(dir / "backups" / names.back()) == 9); // taken before that day's answer
}

TEST_CASE("the daily backup runs beside the app: answers go on while it copies, and its problems are told",
          "[store][backup]") {
  TempDir dir;
  {
    auto store = OpenOk(dir.Path(), kNow);
    for (int i = 0; i < 2000; ++i)
      REQUIRE(store->RecordAnswer(
          Answer(store->DefaultProfile(), "item-" + std::to_string(i % 300), kNow + i * 1000, i % 3 != 0)));
  }
  {
    // The next day: the backup starts on its own thread; answers are committed meanwhile.
    auto store = OpenOk(dir.Path(), kNow + srs::kDayMs);
    for (int i = 0; i < 50; ++i)
      REQUIRE(store->RecordAnswer(
          Answer(store->DefaultProfile(), "next-" + std::to_string(i), kNow + srs::kDayMs + i, true)));
    store->WaitForBackup();
    CHECK_FALSE(store->TakeBackupProblem());
    const auto backup = dir / "backups" / "progress-2025-01-02.db";
    REQUIRE(std::filesystem::exists(backup));
    const auto copied = CountReviews(backup);
    CHECK(copied >= 2000); // everything from before the start, and maybe some of today's
    CHECK(copied <= 2050);
    sql::Database db(backup.string(), sql::Database::Mode::ReadOnly);
    CHECK(db.QueryText("PRAGMA integrity_check") == "ok");
  }
  {
    // A backup that cannot be written (the folder is a file) is told, once, and nothing else fails.
    std::filesystem::remove_all(dir / "backups");
    std::ofstream(dir / "backups") << "in the way";
    auto store = OpenOk(dir.Path(), kNow + 2 * srs::kDayMs);
    REQUIRE(store->RecordAnswer(Answer(store->DefaultProfile(), "after", kNow + 2 * srs::kDayMs, true)));
    store->WaitForBackup();
    const auto problem = store->TakeBackupProblem();
    REQUIRE(problem);
    CHECK_THAT(*problem, Catch::Contains("Today's backup could not be made"));
    CHECK_FALSE(store->TakeBackupProblem());
  }
}

TEST_CASE("restore brings a backup back, keeps the current store, and refuses junk", "[store][backup]") {
  TempDir dir;
  const auto backup = dir / "saved.db";
  {
    auto store = OpenOk(dir.Path());
    REQUIRE(store->RecordAnswer(Answer(store->DefaultProfile(), "old", kNow, true)));
    REQUIRE(store->BackupTo(backup));
    REQUIRE(store->RecordAnswer(Answer(store->DefaultProfile(), "newer", kNow + 1000, true)));
    // While FactDeck holds the folder, no restore.
    CHECK_THAT(ProfileStore::Restore(dir.Path(), backup, kNow).message, Catch::Contains("another FactDeck"));
  }
  std::ofstream(dir / "junk.db") << "not a backup";
  StoreStatus junk = ProfileStore::Restore(dir.Path(), dir / "junk.db", kNow);
  CHECK_FALSE(junk);
  CHECK_THAT(junk.message, Catch::Contains("not a usable backup"));

  REQUIRE(ProfileStore::Restore(dir.Path(), backup, kNow + 2000));
  auto store = OpenOk(dir.Path());
  CHECK(CountReviews(store->File()) == 1);
  bool keptBefore = false;
  for (const auto& entry : std::filesystem::directory_iterator(dir / "backups"))
    if (entry.path().filename().string().rfind("before-restore-", 0) == 0) keptBefore = CountReviews(entry.path()) == 2;
  CHECK(keptBefore);
}

TEST_CASE("stats: reviews, retention, streaks and the due forecast", "[store][stats]") {
  TempDir dir;
  auto store = OpenOk(dir.Path());
  const auto profile = store->DefaultProfile();
  // Three days in a row, a gap of a day, then today: two streaks.
  for (int day : {-4, -3, -2, 0})
    REQUIRE(store->RecordAnswer(Answer(profile, "d" + std::to_string(day), kNow + day * srs::kDayMs, true)));
  StoreStats gap = store->Stats(profile, kNow);
  CHECK(gap.longestStreak == 3);
  CHECK(gap.currentStreak == 1);
  // Review-state cards answered again (one right, one wrong) count for retention; the
  // answer yesterday fills the gap.
  REQUIRE(store->RecordAnswer(Answer(profile, "d-4", kNow - srs::kDayMs, true)));
  REQUIRE(store->RecordAnswer(Answer(profile, "d-3", kNow, false)));
  StoreStats stats = store->Stats(profile, kNow);
  CHECK(stats.answers == 6);
  CHECK(stats.answersToday == 2);
  CHECK(stats.cardReviews == 6);
  CHECK(stats.longestStreak == 5);
  CHECK(stats.currentStreak == 5);
  CHECK(stats.reviewedLast30Days == 2);
  CHECK(stats.retentionLast30Days == Approx(0.5));
  REQUIRE(stats.dueForecast.size() == 7);
  std::int64_t due = 0;
  for (auto n : stats.dueForecast)
    due += n;
  CHECK(due == 4);
}

TEST_CASE("the review log exports as CSV that reads back", "[store][export]") {
  TempDir dir;
  auto store = OpenOk(dir.Path());
  const auto profile = store->DefaultProfile();
  REQUIRE(store->RecordAnswer(Answer(profile, "Röhm, Ernst", kNow, true)));
  REQUIRE(store->RecordAnswer(Answer(profile, "Kama", kNow + 5000, false)));
  StoreStatus exported = store->ExportReviewsCsv(0, dir / "log.csv");
  REQUIRE(exported);
  CHECK(exported.id == 2);
  CsvParse csv = ParseCsv(ReadFile(dir / "log.csv"), "log.csv");
  REQUIRE(csv.table.records.size() == 3);
  CHECK(csv.table.records[0].fields[0] == "time");
  CHECK(csv.table.records[1].fields[3] == "Röhm, Ernst");
  CHECK(csv.table.records[1].fields[0] == "2025-01-01T12:00:00.000Z");
  CHECK(csv.table.records[2].fields[6] == "0");
}

namespace {
// Starts the store writer; returns its pid and the read end of its output.
pid_t StartWriter(const std::filesystem::path& data, int& out) {
  int fds[2];
  if (pipe(fds) != 0) return -1;
  pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[1], STDOUT_FILENO);
    close(fds[0]);
    close(fds[1]);
    execl(FACTDECK_STORE_WRITER, FACTDECK_STORE_WRITER, data.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  close(fds[1]);
  out = fds[0];
  return pid;
}
} // namespace

TEST_CASE("kill test: every committed answer survives SIGKILL at a random moment, 50 of 50", "[store][kill]") {
  TempDir dir;
  std::mt19937 random(2025);
  std::vector<std::int64_t> reported;
  int kills = 0, roundsWithCommits = 0;
  for (int round = 0; round < 50; ++round) {
    int out = -1;
    pid_t writer = StartWriter(dir.Path(), out);
    REQUIRE(writer > 0);
    // Let it run for a random while (the first round also makes the store), reading what it reports.
    const int runMs = round == 0 ? 250 : std::uniform_int_distribution<int>(20, 120)(random);
    // Every other round first waits (up to 30 s, however busy the machine) for the writer's
    // first commit, so that kills land between commits as well as while the store opens;
    // the others are killed at a purely random moment, which may be before any commit.
    const bool waitForCommit = round % 2 == 0;
    std::string pending;
    auto readAvailable = [&](int timeoutMs) {
      pollfd p{out, POLLIN, 0};
      char buffer[4096];
      while (poll(&p, 1, timeoutMs) > 0) {
        ssize_t n = read(out, buffer, sizeof buffer);
        if (n <= 0) break;
        pending.append(buffer, static_cast<size_t>(n));
        timeoutMs = 0;
      }
    };
    if (waitForCommit) {
      const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
      while (pending.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline)
        readAvailable(20);
      INFO("round " << round);
      REQUIRE(pending.find('\n') != std::string::npos); // the writer commits at all
      ++roundsWithCommits;
    }
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(runMs);
    while (std::chrono::steady_clock::now() < until)
      readAvailable(5);
    kill(writer, SIGKILL);
    int status = 0;
    waitpid(writer, &status, 0);
    kills += WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    readAvailable(0);
    close(out);
    // Only whole lines were reported as committed.
    for (size_t start = 0, end; (end = pending.find('\n', start)) != std::string::npos; start = end + 1)
      reported.push_back(std::stoll(pending.substr(start, end - start)));

    sql::Database db((dir / ProfileStore::kFileName).string());
    INFO("round " << round);
    REQUIRE(db.QueryText("PRAGMA integrity_check") == "ok");
    const std::int64_t present = db.QueryInt("SELECT COUNT(*) FROM review").value_or(0);
    CHECK(present >= static_cast<std::int64_t>(reported.size()));
    if (!reported.empty()) {
      auto find = db.Prepare("SELECT COUNT(*) FROM review WHERE id = ?1");
      for (std::int64_t id : {reported.front(), reported.back(), reported[reported.size() / 2]}) {
        find.Bind(1, id);
        REQUIRE(find.Step());
        CHECK(find.Int(0) == 1);
        find.Reset();
      }
    }
  }
  CHECK(kills == 50);
  // The writer committed answers between kills: at least one in every round that waited for
  // one (a bound on rounds, not on the machine's speed).
  CHECK(roundsWithCommits == 25);
  CHECK(reported.size() >= static_cast<size_t>(roundsWithCommits));
  // Every answer ever reported is in the store.
  sql::Database db((dir / ProfileStore::kFileName).string());
  auto find = db.Prepare("SELECT COUNT(*) FROM review WHERE id = ?1");
  size_t missing = 0;
  for (std::int64_t id : reported) {
    find.Bind(1, id);
    find.Step();
    missing += find.Int(0) == 1 ? 0 : 1;
    find.Reset();
  }
  CHECK(missing == 0);
}

TEST_CASE("a deck's renamed_from carries progress over when the deck is synced", "[store][deck]") {
  TempDir dir;
  auto store = OpenOk(dir.Path());
  const auto profile = store->DefaultProfile();
  AnswerRecord answer = Answer(profile, "kama-opened", kNow, true, srs::QuestionKind::When);
  answer.deck = "gsmc";
  REQUIRE(store->RecordAnswer(answer));
  DeckLoad load = ParseDeck(R"([deck]
id = "gsmc"
title = "T"
[[deck.source]]
id = "s"
title = "S"
[[event]]
id = "kama-school-opened"
renamed_from = ["kama-opened"]
name = "The Kama school opens"
date = "1929"
source = "s"
)",
                            "gsmc.toml");
  REQUIRE(load.Ok());
  REQUIRE(store->SyncDeck(load.deck));
  CHECK(store->Card(profile, "gsmc", "kama-school-opened", srs::QuestionKind::When));
  CHECK(store->Cards(profile, "gsmc").size() == 1);
}

TEST_CASE("classroom matches are saved whole with every answer", "[store][match]") {
  TempDir dir;
  auto store = OpenOk(dir.Path());
  MatchRecord match;
  match.deck = "gsmc";
  match.mode = "buzzer";
  match.scoring = "speed";
  match.started = kNow;
  match.ended = kNow + 600000;
  match.players = {{"Team Röhm", "#e6194b", 0, 2400, 1},
                   {"Team Тухачевский", "#3cb44b", store->DefaultProfile(), 900, 2}};
  match.answers = {{0, 1, "rapallo.signed", "when", "1922", true, kNow + 1000, 3200, 1000},
                   {1, 1, "rapallo.signed", "when", "1923", false, kNow + 1200, 4100, 0}};
  StoreStatus saved = store->SaveMatch(match);
  REQUIRE(saved);
  auto matches = store->Matches();
  REQUIRE(matches.size() == 1);
  CHECK(matches[0].mode == "buzzer");
  REQUIRE(matches[0].players.size() == 2);
  CHECK(matches[0].players[0].name == "Team Röhm");
  CHECK(matches[0].players[1].profile == store->DefaultProfile());
  sql::Database db(store->File().string());
  CHECK(db.QueryInt("SELECT COUNT(*) FROM match_answer").value_or(0) == 2);

  MatchRecord broken = match; // an answer for a player who is not there: nothing saved
  broken.answers.push_back({7, 2, "x", "when", "", false, kNow, 0, 0});
  CHECK_FALSE(store->SaveMatch(broken));
  CHECK(store->Matches().size() == 1);
}

TEST_CASE("a reported question is kept as it was shown, and sets its card aside in that version of the deck",
          "[store][report]") {
  TempDir dir;
  auto store = OpenOk(dir.Path());
  const std::int64_t anna = store->DefaultProfile();
  QuestionReport r;
  r.profile = anna;
  r.deck = "rome";
  r.deckVersion = "0123456789abcdef";
  r.item = "caesar.born_in";
  r.kind = srs::QuestionKind::MultipleChoice;
  r.mode = "study";
  r.reason = ReportReason::TwoRight;
  r.note = "Subura is in Rome";
  r.prompt = "Where was Caesar born?";
  r.options = {"Rome", "Subura", "Arpinum", "Capua"};
  r.answer = "Rome";
  r.source = "Suetonius";
  r.time = kNow;
  REQUIRE(store->AddReport(r));
  r.reason = ReportReason::Typo;
  r.item = "cicero.born_in";
  r.options = {};
  r.time = kNow + 1000;
  r.deck = "greece";
  REQUIRE(store->AddReport(r));

  const auto rome = store->Reports("rome");
  REQUIRE(rome.size() == 1);
  CHECK(rome[0].learner == store->Profiles()[0].name);
  CHECK(rome[0].reason == ReportReason::TwoRight);
  CHECK(rome[0].note == "Subura is in Rome");
  CHECK(rome[0].options == std::vector<std::string>{"Rome", "Subura", "Arpinum", "Capua"});
  CHECK(rome[0].answer == "Rome");
  CHECK(rome[0].source == "Suetonius");
  const auto all = store->Reports();
  REQUIRE(all.size() == 2);
  CHECK(all[0].deck == "greece"); // newest first
  CHECK(all[0].options.empty());

  using Card = std::pair<std::string, srs::QuestionKind>;
  CHECK(store->ReportedCards(anna, "rome", "0123456789abcdef") ==
        std::vector<Card>{{"caesar.born_in", srs::QuestionKind::MultipleChoice}});
  CHECK(store->ReportedCards(anna, "rome", "fedcba9876543210").empty()); // the deck changed
  auto ben = store->CreateProfile("Ben", kNow);
  REQUIRE(ben);
  CHECK(store->ReportedCards(ben.id, "rome", "0123456789abcdef").empty()); // someone else's report

  // Kept across a restart.
  store.reset();
  store = OpenOk(dir.Path());
  CHECK(store->Reports().size() == 2);
  for (ReportReason reason : kReportReasons)
    CHECK(ReportReasonFromName(ReportReasonName(reason)) == reason);
}

TEST_CASE("the learner's review log for the memory model: kinds from the card's states, imported reviews apart",
          "[store][srs]") {
  TempDir dir;
  auto store = OpenOk(dir.Path());
  const std::int64_t profile = store->DefaultProfile();
  // One card: learned in two steps, reviewed, lapsed, relearned; a cram answer between.
  auto answer = [&](srs::TimeMs time, srs::Rating rating, srs::CardState after, bool reschedule = true) {
    AnswerRecord a = Answer(profile, "card", time, rating != srs::Rating::Again);
    a.rating = rating;
    a.after.state = after;
    a.reschedule = reschedule;
    REQUIRE(store->RecordAnswer(a));
  };
  answer(kNow, srs::Rating::Again, srs::CardState::Learning);
  answer(kNow + 10 * srs::kMinuteMs, srs::Rating::Good, srs::CardState::Review);
  answer(kNow + 2 * srs::kDayMs, srs::Rating::Good, srs::CardState::Review);
  answer(kNow + 3 * srs::kDayMs, srs::Rating::Easy, srs::CardState::Review, false); // cram
  answer(kNow + 7 * srs::kDayMs, srs::Rating::Again, srs::CardState::Relearning);
  answer(kNow + 7 * srs::kDayMs + 10 * srs::kMinuteMs, srs::Rating::Good, srs::CardState::Review);
  const auto log = store->ReviewLog(profile);
  REQUIRE(log.size() == 6);
  using K = srs::LoggedReviewKind;
  const std::vector<K> kinds = {K::Learning, K::Learning, K::Review, K::Filtered, K::Review, K::Relearning};
  for (size_t i = 0; i < log.size(); ++i) {
    INFO(i);
    CHECK(log[i].kind == kinds[i]);
  }
  CHECK(log[0].rating == 1);
  CHECK(log[2].time == kNow + 2 * srs::kDayMs);

  // Another program's reviews: added once however often they are imported, on cards of their own.
  const std::vector<ImportedReview> imported = {{"77", kNow, 3, K::Learning}, {"77", kNow + srs::kDayMs, 3, K::Review}};
  auto added = store->AddImportedReviews(profile, "anki", imported);
  REQUIRE(added);
  CHECK(added.id == 2);
  CHECK(store->AddImportedReviews(profile, "anki", imported).id == 0);
  CHECK(store->ImportedReviewCount(profile) == 2);
  const auto all = store->ReviewLog(profile);
  REQUIRE(all.size() == 8);
  CHECK(all[6].card != log[0].card);
  CHECK(all[6].card == all[7].card);
  CHECK(all[7].kind == K::Review);
}

TEST_CASE("a learner's weights and last fit are kept, read back exactly, and can go back to the defaults",
          "[store][srs]") {
  TempDir dir;
  auto store = OpenOk(dir.Path());
  const std::int64_t profile = store->DefaultProfile();
  CHECK_FALSE(store->LearnerWeights(profile));
  CHECK_FALSE(store->LastFit(profile));
  std::array<double, 21> w = srs::kDefaultWeights;
  w[0] = 0.123456789012345;
  w[20] = 0.31;
  REQUIRE(store->SetLearnerWeights(profile, w));
  REQUIRE(store->LearnerWeights(profile));
  CHECK(*store->LearnerWeights(profile) == w);

  MemoryModelRecord fit;
  fit.time = kNow;
  fit.weights = w;
  fit.items = 1234;
  fit.reviews = 2000;
  fit.logLossBefore = 0.377;
  fit.logLossAfter = 0.370;
  fit.rmseBefore = 0.041;
  fit.rmseAfter = 0.027;
  fit.heldOutLogLossAfter = 0.38;
  REQUIRE(store->SaveFit(profile, fit));
  const auto back = store->LastFit(profile);
  REQUIRE(back);
  CHECK(back->time == kNow);
  CHECK(back->weights == w);
  CHECK(back->items == 1234);
  CHECK(back->logLossAfter == 0.370);
  CHECK(back->rmseBefore == 0.041);
  REQUIRE(back->heldOutLogLossAfter);
  CHECK(*back->heldOutLogLossAfter == 0.38);
  CHECK_FALSE(back->heldOutRmseAfter);

  REQUIRE(store->SetLearnerWeights(profile, std::nullopt));
  CHECK_FALSE(store->LearnerWeights(profile));
  CHECK(store->LastFit(profile)); // the fit stays, for the stats screen
}
