// [SECTION] Opening: lock, check, move a damaged file aside, migrate, daily backup.
// [SECTION] Profiles, cards, answers: learners, card states, answers committed, deck edits.
// [SECTION] Reported questions: a learner's reports, kept for the deck's author.
// [SECTION] Sessions, bests, settings: study sessions, game bests, the learner's settings.
// [SECTION] Memory model: fitted weights, the weights in use, imported review history.
// [SECTION] Reading: progress, stats, export.
// [SECTION] Backups and restore: copies taken, listed and restored.
#include "core/store/profile_store.h"

#include <algorithm>
#include <map>
#include <cmath>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <ctime>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sqlite3.h>
#include <sys/file.h>
#include <unistd.h>

#include "core/base/calendar.h"
#include "core/base/threads.h"
#include "core/import/csv.h"
#include "core/base/iso_time.h"
#include "core/base/sqlite_db.h"
#include "core/store/store_schema.h"

namespace factdeck {

namespace fs = std::filesystem;
using sql::Database;
using sql::SqliteError;
using sql::Statement;

std::string DescribeStoreError(int code, const std::string& detail) {
  switch (code & 0xFF) {
  case SQLITE_FULL: return "the disk is full, so progress could not be saved (" + detail + "); free some space";
  case SQLITE_READONLY:
  case SQLITE_PERM:
  case SQLITE_CANTOPEN: return "progress could not be saved: the data folder is not writable (" + detail + ")";
  case SQLITE_BUSY:
  case SQLITE_LOCKED: return "progress could not be saved: the store is busy (" + detail + ")";
  case SQLITE_CORRUPT:
  case SQLITE_NOTADB: return "the progress file is damaged (" + detail + ")";
  case SQLITE_IOERR: return "progress could not be saved: the disk reported an error (" + detail + ")";
  default: return "progress could not be saved (" + detail + ")";
  }
}

namespace {

// "20240305-143000", for file names.
std::string Stamp(srs::TimeMs now) {
  std::string iso = FormatIsoTime(now); // 2024-03-05T14:30:00.000Z
  return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2) + "-" + iso.substr(11, 2) + iso.substr(14, 2) +
         iso.substr(17, 2);
}

// The shortest text that reads back as the same number.
std::string Shortest(double value) {
  char text[32];
  return std::string(text, std::to_chars(text, text + sizeof text, value).ptr);
}

std::string Errno(const std::string& what) { return what + ": " + std::strerror(errno); }

// Takes the folder's lock; -1 and a message when another FactDeck holds it or it cannot be made.
int TakeLock(const fs::path& dataDir, std::string& error) {
  const fs::path lockFile = dataDir / (std::string(ProfileStore::kFileName) + ".lock");
  int fd = ::open(lockFile.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    error = "progress cannot be saved: " + Errno("cannot write in " + dataDir.string());
    return -1;
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    error = errno == EWOULDBLOCK
                ? "another FactDeck is already using " + dataDir.string() + "; close it first (or use --data-dir)"
                : "progress cannot be saved: " + Errno("cannot lock " + lockFile.string());
    ::close(fd);
    return -1;
  }
  return fd;
}

// Moves the store and its WAL files aside as NAME.corrupt-STAMP; returns the new name.
fs::path MoveAside(const fs::path& file, srs::TimeMs now) {
  fs::path aside = file.string() + ".corrupt-" + Stamp(now);
  std::error_code ec;
  fs::rename(file, aside, ec);
  for (const char* suffix : {"-wal", "-shm"}) {
    fs::path extra = file.string() + suffix;
    if (fs::exists(extra, ec)) fs::rename(extra, aside.string() + suffix, ec);
  }
  return aside;
}

// Empty when the file is a whole SQLite database as far as a fast look can tell: it reads as
// a database, its schema reads, and it is as long as its header says (a truncated copy is
// not). A full check would read every page: too slow for every start on a large store;
// the daily backup reads every page instead.
std::string QuickLook(Database& db, const fs::path& file) {
  try {
    db.QueryInt("PRAGMA user_version");
    db.QueryInt("SELECT COUNT(*) FROM sqlite_master");
    std::error_code ec;
    const auto wal = fs::file_size(file.string() + "-wal", ec);
    if (ec || wal == 0) {
      const auto pages = db.QueryInt("PRAGMA page_count").value_or(0);
      const auto pageSize = db.QueryInt("PRAGMA page_size").value_or(0);
      const auto size = fs::file_size(file, ec);
      if (!ec && static_cast<std::int64_t>(size) < pages * pageSize)
        return "the file is shorter than its header says: " + std::to_string(size) + " of " +
               std::to_string(pages * pageSize) + " bytes";
    }
    return {};
  } catch (const SqliteError& e) {
    return e.what();
  }
}

// Empty when `db` passes SQLite's quick check, else what is wrong.
std::string QuickCheck(Database& db) {
  try {
    std::string result = db.QueryText("PRAGMA quick_check");
    return result == "ok" ? std::string() : result;
  } catch (const SqliteError& e) {
    return e.what();
  }
}

void Configure(Database& db) {
  // WAL keeps readers and the writer apart; FULL makes each commit durable on its own.
  if (db.QueryText("PRAGMA journal_mode=WAL") != "wal") throw SqliteError(SQLITE_IOERR, "cannot use WAL mode");
  db.Exec("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
}

// Refuses a store from a newer FactDeck before anything is written to it.
void CheckVersion(Database& db) {
  const int version = static_cast<int>(db.QueryInt("PRAGMA user_version").value_or(0));
  if (version > schema::kVersion)
    throw SqliteError(SQLITE_CANTOPEN, "the progress file was written by a newer FactDeck (schema " +
                                           std::to_string(version) + "; this one knows " +
                                           std::to_string(schema::kVersion) + "); update FactDeck");
}

// Brings the store to schema::kVersion, one migration per transaction.
void Migrate(Database& db) {
  const int version = static_cast<int>(db.QueryInt("PRAGMA user_version").value_or(0));
  for (int v = version; v < schema::kVersion; ++v) {
    sql::Transaction transaction(db);
    db.Exec(schema::kMigrations[static_cast<size_t>(v)]);
    db.Exec("PRAGMA user_version=" + std::to_string(v + 1));
    transaction.Commit();
  }
}

srs::MemoryState ReadMemory(const Statement& s, int first) {
  srs::MemoryState m;
  m.state = static_cast<srs::CardState>(s.Int(first));
  m.stability = s.Real(first + 1);
  m.difficulty = s.Real(first + 2);
  m.due = s.Int(first + 3);
  m.lastReview = s.Int(first + 4);
  m.scheduledDays = static_cast<int>(s.Int(first + 5));
  m.learningStep = static_cast<int>(s.Int(first + 6));
  m.reps = static_cast<int>(s.Int(first + 7));
  m.lapses = static_cast<int>(s.Int(first + 8));
  return m;
}

constexpr const char* kMemoryColumns =
    "state, stability, difficulty, due_ms, last_review_ms, scheduled_days, learning_step, reps, lapses";

} // namespace

// [SECTION] Opening ------------------------------------------------------------------

ProfileStore::ProfileStore(fs::path dataDir, int lockFd, std::unique_ptr<Database> db)
    : m_dataDir(std::move(dataDir)), m_lockFd(lockFd), m_db(std::move(db)) {}

ProfileStore::~ProfileStore() {
  WaitForBackup();
  m_db.reset();
  if (m_lockFd >= 0) ::close(m_lockFd);
}

ProfileStore::Opened ProfileStore::Open(const fs::path& dataDir, srs::TimeMs now, srs::StudyDay day) {
  Opened opened;
  std::error_code ec;
  fs::create_directories(dataDir, ec);
  if (ec) {
    opened.error = "progress cannot be saved: cannot create " + dataDir.string() + ": " + ec.message();
    return opened;
  }
  int lock = TakeLock(dataDir, opened.error);
  if (lock < 0) return opened;

  const fs::path file = dataDir / kFileName;
  std::unique_ptr<Database> db;
  try {
    if (fs::exists(file, ec) && fs::file_size(file, ec) > 0) {
      std::string problem;
      try {
        db = std::make_unique<Database>(file.string());
        problem = QuickLook(*db, file);
      } catch (const SqliteError& e) {
        problem = e.what();
      }
      if (!problem.empty()) {
        db.reset();
        fs::path aside = MoveAside(file, now);
        std::string notice = "The progress file was damaged (" + problem + "). It was moved to " + aside.string() +
                             " and a new one was started.";
        ProfileStore probe(dataDir, -1, nullptr);
        if (auto backup = probe.LatestBackup())
          notice += " The latest backup is " + backup->string() + ": restore it with factdeck restore " +
                    backup->string() + " (progress since then is in the damaged file).";
        opened.notices.push_back(notice);
      }
    }
    if (!db) db = std::make_unique<Database>(file.string());
    CheckVersion(*db);
    Configure(*db);
    Migrate(*db);
  } catch (const SqliteError& e) {
    ::close(lock);
    opened.error =
        e.PrimaryCode() == SQLITE_CANTOPEN && std::string(e.what()).find("newer FactDeck") != std::string::npos
            ? std::string(e.what())
            : DescribeStoreError(e.Code(), e.what());
    return opened;
  }
  opened.store.reset(new ProfileStore(dataDir, lock, std::move(db)));
  opened.store->m_day = day;
  opened.store->DefaultProfile();
  opened.store->StartDailyBackup(now, day);
  return opened;
}

void ProfileStore::LimitPagesForTesting(std::int64_t pages) {
  m_db->Exec("PRAGMA max_page_count=" + std::to_string(pages > 0 ? pages : 4294967294LL));
}

int ProfileStore::SchemaVersion() { return static_cast<int>(m_db->QueryInt("PRAGMA user_version").value_or(0)); }

std::pair<std::int64_t, std::int64_t> ProfileStore::ChangeStamp() {
  // total_changes counts this connection's writes; data_version moves with other connections'.
  return {sqlite3_total_changes64(m_db->Handle()), m_db->QueryInt("PRAGMA data_version").value_or(0)};
}

template <typename F> StoreStatus ProfileStore::Write(const char* what, F&& body) {
  try {
    sql::Transaction transaction(*m_db);
    StoreStatus status = body();
    if (status.ok) transaction.Commit();
    return status;
  } catch (const SqliteError& e) {
    return {false, std::string(what) + ": " + DescribeStoreError(e.Code(), e.what()), 0};
  }
}

// [SECTION] Profiles, cards, answers ---------------------------------------------------

std::vector<ProfileInfo> ProfileStore::Profiles() {
  std::vector<ProfileInfo> profiles;
  try {
    Statement s = m_db->Prepare("SELECT id, name FROM profile ORDER BY id");
    while (s.Step())
      profiles.push_back({s.Int(0), s.Text(1)});
  } catch (const SqliteError&) {
  }
  return profiles;
}

std::int64_t ProfileStore::DefaultProfile() {
  auto profiles = Profiles();
  if (!profiles.empty()) return profiles.front().id;
  StoreStatus made = CreateProfile("Learner", 0);
  return made.ok ? made.id : 0;
}

std::optional<std::int64_t> ProfileStore::FindProfile(const std::string& name) {
  for (const ProfileInfo& p : Profiles())
    if (p.name == name) return p.id;
  return std::nullopt;
}

namespace {
std::string CheckName(const std::string& name) {
  if (name.empty() || name.size() > 60) return "a profile name has 1 to 60 characters";
  for (unsigned char c : name)
    if (c < 0x20 || c == 0x7F) return "a profile name cannot hold control characters";
  return {};
}
} // namespace

StoreStatus ProfileStore::CreateProfile(const std::string& name, srs::TimeMs now) {
  if (std::string problem = CheckName(name); !problem.empty()) return {false, problem, 0};
  if (FindProfile(name)) return {false, "there is already a profile named '" + name + "'", 0};
  return Write("creating the profile", [&] {
    m_db->Prepare("INSERT INTO profile (name, created_ms) VALUES (?1, ?2)").Bind(1, name).Bind(2, now).Run();
    return StoreStatus{true, {}, m_db->LastInsertId()};
  });
}

StoreStatus ProfileStore::RenameProfile(std::int64_t profile, const std::string& name) {
  if (std::string problem = CheckName(name); !problem.empty()) return {false, problem, 0};
  if (auto other = FindProfile(name); other && *other != profile)
    return {false, "there is already a profile named '" + name + "'", 0};
  return Write("renaming the profile", [&] {
    m_db->Prepare("UPDATE profile SET name = ?1 WHERE id = ?2").Bind(1, name).Bind(2, profile).Run();
    return StoreStatus{m_db->Changes() == 1, m_db->Changes() == 1 ? "" : "no such profile", profile};
  });
}

StoreStatus ProfileStore::DeleteProfile(std::int64_t profile) {
  return Write("deleting the profile", [&] {
    m_db->Prepare("DELETE FROM profile WHERE id = ?1").Bind(1, profile).Run();
    return StoreStatus{m_db->Changes() == 1, m_db->Changes() == 1 ? "" : "no such profile", profile};
  });
}

std::optional<srs::MemoryState> ProfileStore::Card(std::int64_t profile, const std::string& deck,
                                                   const std::string& item, srs::QuestionKind kind) {
  try {
    Statement s = m_db->Prepare(std::string("SELECT ") + kMemoryColumns +
                                " FROM card WHERE profile_id = ?1 AND deck = ?2 AND item = ?3 AND kind = ?4");
    s.Bind(1, profile).Bind(2, deck).Bind(3, item).Bind(4, srs::QuestionKindName(kind));
    if (s.Step()) return ReadMemory(s, 0);
  } catch (const SqliteError&) {
  }
  return std::nullopt;
}

std::vector<StoredCard> ProfileStore::Cards(std::int64_t profile, const std::string& deck, bool withHidden) {
  std::vector<StoredCard> cards;
  try {
    Statement s = m_db->Prepare(std::string("SELECT item, kind, hidden, ") + kMemoryColumns +
                                " FROM card WHERE profile_id = ?1 AND deck = ?2 AND (?3 OR hidden = 0) ORDER BY id");
    s.Bind(1, profile).Bind(2, deck).Bind(3, withHidden ? 1 : 0);
    while (s.Step())
      cards.push_back({deck, s.Text(0),
                       srs::QuestionKindFromName(s.Text(1)).value_or(srs::QuestionKind::MultipleChoice),
                       ReadMemory(s, 3), s.Int(2) != 0});
  } catch (const SqliteError&) {
  }
  return cards;
}

StoreStatus ProfileStore::RecordAnswer(const AnswerRecord& a) {
  return Write("saving the answer", [&] {
    const char* kind = srs::QuestionKindName(a.kind);
    // The card: made on its first answer; its state changes only when the answer reschedules.
    Statement insert = m_db->Prepare(std::string("INSERT INTO card (profile_id, deck, item, kind, ") + kMemoryColumns +
                                     ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) "
                                     "ON CONFLICT (profile_id, deck, item, kind) DO " +
                                     (a.reschedule ? "UPDATE SET state = ?5, stability = ?6, difficulty = ?7, "
                                                     "due_ms = ?8, last_review_ms = ?9, scheduled_days = ?10, "
                                                     "learning_step = ?11, reps = ?12, lapses = ?13, hidden = 0"
                                                   : "NOTHING"));
    const srs::MemoryState& m = a.after;
    srs::MemoryState stored = a.reschedule ? m : srs::MemoryState{};
    insert.Bind(1, a.profile).Bind(2, a.deck).Bind(3, a.item).Bind(4, kind);
    insert.Bind(5, static_cast<int>(stored.state)).Bind(6, stored.stability).Bind(7, stored.difficulty);
    insert.Bind(8, stored.due).Bind(9, stored.lastReview).Bind(10, stored.scheduledDays);
    insert.Bind(11, stored.learningStep).Bind(12, stored.reps).Bind(13, stored.lapses);
    insert.Run();
    Statement find =
        m_db->Prepare("SELECT id FROM card WHERE profile_id = ?1 AND deck = ?2 AND item = ?3 AND kind = ?4");
    find.Bind(1, a.profile).Bind(2, a.deck).Bind(3, a.item).Bind(4, kind);
    if (!find.Step()) return StoreStatus{false, "saving the answer: the card was not stored", 0};
    const std::int64_t card = find.Int(0);

    Statement review = m_db->Prepare(
        "INSERT INTO review (card_id, session_id, time_ms, kind, options, answer, correct, response_ms, rating, "
        "rescheduled, state, stability, difficulty, due_ms, answer_part) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
    review.Bind(1, card);
    if (a.session > 0)
      review.Bind(2, a.session);
    else
      review.BindNull(2);
    review.Bind(3, a.time).Bind(4, kind).Bind(5, a.options).Bind(6, a.answer).Bind(7, a.correct ? 1 : 0);
    review.Bind(8, a.responseMs).Bind(9, static_cast<int>(a.rating)).Bind(10, a.reschedule ? 1 : 0);
    review.Bind(11, static_cast<int>(m.state)).Bind(12, m.stability).Bind(13, m.difficulty).Bind(14, m.due);
    review.Bind(15, a.part);
    review.Run();
    const std::int64_t id = m_db->LastInsertId();

    // The learner's day's count of answers, for streaks and the calendar (the column keeps
    // its first name, `reviews`).
    if (a.part == 0) {
      Statement day =
          m_db->Prepare("INSERT INTO day_activity (profile_id, day, reviews, correct) VALUES (?1, ?2, 1, ?3) "
                        "ON CONFLICT (profile_id, day) DO UPDATE SET reviews = reviews + 1, correct = correct + ?3");
      day.Bind(1, a.profile).Bind(2, m_day.DayOf(a.time)).Bind(3, a.answerCorrect ? 1 : 0).Run();
    }
    return StoreStatus{true, {}, id};
  });
}

StoreStatus ProfileStore::AmendAnswer(std::int64_t reviewId, srs::Rating rating, const srs::MemoryState& after) {
  return Write("saving that the answer was a guess", [&] {
    Statement review = m_db->Prepare("UPDATE review SET rating = ?2, state = ?3, stability = ?4, difficulty = ?5, "
                                     "due_ms = ?6 WHERE id = ?1");
    review.Bind(1, reviewId).Bind(2, static_cast<int>(rating)).Bind(3, static_cast<int>(after.state));
    review.Bind(4, after.stability).Bind(5, after.difficulty).Bind(6, after.due).Run();
    if (m_db->Changes() != 1) return StoreStatus{false, "saving that the answer was a guess: no such answer", 0};
    Statement card =
        m_db->Prepare("UPDATE card SET state = ?2, stability = ?3, difficulty = ?4, due_ms = ?5, "
                      "last_review_ms = ?6, scheduled_days = ?7, learning_step = ?8, reps = ?9, "
                      "lapses = ?10 WHERE id = (SELECT card_id FROM review WHERE id = ?1 AND rescheduled = 1)");
    card.Bind(1, reviewId).Bind(2, static_cast<int>(after.state)).Bind(3, after.stability).Bind(4, after.difficulty);
    card.Bind(5, after.due).Bind(6, after.lastReview).Bind(7, after.scheduledDays).Bind(8, after.learningStep);
    card.Bind(9, after.reps).Bind(10, after.lapses).Run();
    return StoreStatus{true, {}, reviewId};
  });
}

StoreStatus ProfileStore::SyncDeck(const std::string& deck, const std::vector<std::string>& items,
                                   const std::vector<std::pair<std::string, std::string>>& renames) {
  return Write("updating the deck's progress", [&] {
    // Renamed ids carry their history, unless the new id already has progress of its own.
    Statement rename =
        m_db->Prepare("UPDATE card SET item = ?3 WHERE deck = ?1 AND item = ?2 AND NOT EXISTS "
                      "(SELECT 1 FROM card AS other WHERE other.profile_id = card.profile_id AND other.deck = ?1 "
                      "AND other.item = ?3 AND other.kind = card.kind)");
    for (const auto& [from, to] : renames)
      rename.Bind(1, deck).Bind(2, from).Bind(3, to).Run();
    m_db->Exec(
        "CREATE TEMP TABLE IF NOT EXISTS live_item (item TEXT PRIMARY KEY) WITHOUT ROWID; DELETE FROM live_item;");
    Statement add = m_db->Prepare("INSERT OR IGNORE INTO live_item (item) VALUES (?1)");
    for (const std::string& item : items)
      add.Bind(1, item).Run();
    m_db->Prepare("UPDATE card SET hidden = (item NOT IN (SELECT item FROM live_item)) WHERE deck = ?1")
        .Bind(1, deck)
        .Run();
    m_db->Exec("DELETE FROM live_item");
    return StoreStatus{};
  });
}

StoreStatus ProfileStore::SyncDeck(const Deck& deck, const std::vector<std::pair<std::string, std::string>>& more) {
  std::vector<std::string> items;
  std::vector<std::pair<std::string, std::string>> renames = more;
  auto add = [&](const std::string& id, const std::vector<std::string>& formerly) {
    items.push_back(id);
    for (const std::string& old : formerly)
      renames.emplace_back(old, id);
  };
  for (const Fact& f : deck.facts)
    add(f.id, f.renamedFrom);
  for (const Event& e : deck.events)
    add(e.id, e.renamedFrom);
  for (const factdeck::Card& c : deck.cards)
    add(c.id, {});
  for (const Choice& c : deck.choices)
    add(c.id, {});
  return SyncDeck(deck.id, items, renames);
}

StoreStatus ProfileStore::SaveMatch(const MatchRecord& m) {
  return Write("saving the match", [&] {
    m_db->Prepare("INSERT INTO match (deck, mode, scoring, started_ms, ended_ms) VALUES (?1, ?2, ?3, ?4, ?5)")
        .Bind(1, m.deck)
        .Bind(2, m.mode)
        .Bind(3, m.scoring)
        .Bind(4, m.started)
        .Bind(5, m.ended)
        .Run();
    const std::int64_t match = m_db->LastInsertId();
    std::vector<std::int64_t> players;
    Statement player = m_db->Prepare("INSERT INTO match_player (match_id, name, color, profile_id, final_score, rank) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    for (const MatchPlayer& p : m.players) {
      player.Bind(1, match).Bind(2, p.name).Bind(3, p.color);
      if (p.profile > 0)
        player.Bind(4, p.profile);
      else
        player.BindNull(4);
      player.Bind(5, p.finalScore).Bind(6, p.rank).Run();
      players.push_back(m_db->LastInsertId());
    }
    Statement answer = m_db->Prepare("INSERT INTO match_answer (match_id, player_id, question, item, kind, answer, "
                                     "correct, time_ms, response_ms, points) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    for (const MatchAnswer& a : m.answers) {
      if (a.player >= players.size()) return StoreStatus{false, "saving the match: an answer names no player", 0};
      answer.Bind(1, match).Bind(2, players[a.player]).Bind(3, a.question).Bind(4, a.item).Bind(5, a.kind);
      answer.Bind(6, a.answer)
          .Bind(7, a.correct ? 1 : 0)
          .Bind(8, a.time)
          .Bind(9, a.responseMs)
          .Bind(10, a.points)
          .Run();
    }
    return StoreStatus{true, {}, match};
  });
}

std::vector<MatchSummary> ProfileStore::Matches(size_t limit) {
  std::vector<MatchSummary> matches;
  try {
    Statement s = m_db->Prepare(
        "SELECT id, deck, mode, scoring, started_ms, ended_ms FROM match ORDER BY started_ms DESC, id DESC LIMIT ?1");
    s.Bind(1, static_cast<std::int64_t>(limit));
    Statement players = m_db->Prepare("SELECT name, color, COALESCE(profile_id, 0), final_score, COALESCE(rank, 0) "
                                      "FROM match_player WHERE match_id = ?1 "
                                      "ORDER BY rank, id");
    while (s.Step()) {
      MatchSummary m{s.Int(0), s.Text(1), s.Text(2), s.Text(3), s.Int(4), s.Int(5), {}};
      players.Bind(1, m.id);
      while (players.Step())
        m.players.push_back({players.Text(0), players.Text(1), players.Int(2), static_cast<int>(players.Int(3)),
                             static_cast<int>(players.Int(4))});
      players.Reset();
      matches.push_back(std::move(m));
    }
  } catch (const SqliteError&) {
  }
  return matches;
}

// [SECTION] Reported questions ------------------------------------------------------------

namespace {
struct ReasonName {
  ReportReason reason;
  const char *name, *label;
};
constexpr ReasonName kReasonNames[] = {{ReportReason::Wrong, "wrong", "Wrong"},
                                       {ReportReason::TwoRight, "two-right", "Two right answers"},
                                       {ReportReason::Unclear, "unclear", "Unclear"},
                                       {ReportReason::Typo, "typo", "A typo"}};
} // namespace

const char* ReportReasonName(ReportReason reason) {
  for (const ReasonName& r : kReasonNames)
    if (r.reason == reason) return r.name;
  return "wrong";
}

const char* ReportReasonLabel(ReportReason reason) {
  for (const ReasonName& r : kReasonNames)
    if (r.reason == reason) return r.label;
  return "Wrong";
}

std::optional<ReportReason> ReportReasonFromName(std::string_view name) {
  for (const ReasonName& r : kReasonNames)
    if (name == r.name) return r.reason;
  return std::nullopt;
}

namespace {
// Options are kept one to a line (an option never holds a line break: the loaders refuse
// control characters in names and values).
std::string JoinLines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines)
    out += (out.empty() ? "" : "\n") + line;
  return out;
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (!text.empty() && start <= text.size()) {
    const size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return lines;
}
} // namespace

StoreStatus ProfileStore::AddReport(const QuestionReport& r) {
  return Write("saving the report", [&] {
    m_db->Prepare("INSERT INTO report (profile_id, deck, deck_version, item, kind, mode, reason, note, prompt, "
                  "options, answer, source, time_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)")
        .Bind(1, r.profile)
        .Bind(2, r.deck)
        .Bind(3, r.deckVersion)
        .Bind(4, r.item)
        .Bind(5, srs::QuestionKindName(r.kind))
        .Bind(6, r.mode)
        .Bind(7, ReportReasonName(r.reason))
        .Bind(8, r.note)
        .Bind(9, r.prompt)
        .Bind(10, JoinLines(r.options))
        .Bind(11, r.answer)
        .Bind(12, r.source)
        .Bind(13, r.time)
        .Run();
    return StoreStatus{true, {}, m_db->LastInsertId()};
  });
}

StoreStatus ProfileStore::AddExam(const ExamRecord& x) {
  std::vector<std::string> weights;
  for (const auto& [tag, weight] : x.weights)
    weights.push_back(tag + "=" + std::to_string(weight));
  return Write("saving the exam", [&] {
    m_db->Prepare("INSERT INTO exam (profile_id, name, at_ms, decks, tags, minutes, cards, weights, created_ms) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        .Bind(1, x.profile)
        .Bind(2, x.name)
        .Bind(3, x.at)
        .Bind(4, JoinLines(x.decks))
        .Bind(5, JoinLines(x.tags))
        .Bind(6, static_cast<std::int64_t>(x.minutes))
        .Bind(7, static_cast<std::int64_t>(x.cards))
        .Bind(8, JoinLines(weights))
        .Bind(9, x.created)
        .Run();
    return StoreStatus{true, {}, m_db->LastInsertId()};
  });
}

StoreStatus ProfileStore::RemoveExam(std::int64_t profile, std::int64_t id) {
  return Write("removing the exam", [&] {
    m_db->Prepare("DELETE FROM exam WHERE profile_id = ?1 AND id = ?2").Bind(1, profile).Bind(2, id).Run();
    return StoreStatus{true, {}, id};
  });
}

std::vector<ExamRecord> ProfileStore::Exams(std::int64_t profile) {
  std::vector<ExamRecord> exams;
  try {
    Statement s = m_db->Prepare("SELECT id, name, at_ms, decks, tags, minutes, cards, weights, created_ms FROM exam "
                                "WHERE profile_id = ?1 ORDER BY at_ms, id");
    s.Bind(1, profile);
    while (s.Step()) {
      ExamRecord x;
      x.id = s.Int(0);
      x.profile = profile;
      x.name = s.Text(1);
      x.at = s.Int(2);
      x.decks = SplitLines(s.Text(3));
      x.tags = SplitLines(s.Text(4));
      x.minutes = static_cast<int>(s.Int(5));
      x.cards = static_cast<int>(s.Int(6));
      for (const std::string& line : SplitLines(s.Text(7)))
        if (const size_t eq = line.rfind('='); eq != std::string::npos)
          x.weights.emplace_back(line.substr(0, eq), std::strtod(line.c_str() + eq + 1, nullptr));
      x.created = s.Int(8);
      exams.push_back(std::move(x));
    }
  } catch (const SqliteError&) {
  }
  return exams;
}

int ProfileStore::MedianAnswerMs(std::int64_t profile, int recent) {
  std::vector<std::int64_t> times;
  try {
    Statement s = m_db->Prepare("SELECT r.response_ms FROM review r JOIN card c ON c.id = r.card_id "
                                "WHERE c.profile_id = ?1 AND r.answer_part = 0 AND r.response_ms > 0 "
                                "ORDER BY r.time_ms DESC LIMIT ?2");
    s.Bind(1, profile).Bind(2, recent);
    while (s.Step())
      times.push_back(s.Int(0));
  } catch (const SqliteError&) {
  }
  if (times.empty()) return 0;
  std::nth_element(times.begin(), times.begin() + static_cast<std::ptrdiff_t>(times.size() / 2), times.end());
  return static_cast<int>(times[times.size() / 2]);
}

std::vector<QuestionReport> ProfileStore::Reports(const std::string& deck) {
  std::vector<QuestionReport> reports;
  try {
    Statement s = m_db->Prepare(
        "SELECT r.id, r.profile_id, p.name, r.deck, r.deck_version, r.item, r.kind, r.mode, r.reason, r.note, "
        "r.prompt, r.options, r.answer, r.source, r.time_ms FROM report r JOIN profile p ON p.id = r.profile_id "
        "WHERE ?1 = '' OR r.deck = ?1 ORDER BY r.time_ms DESC, r.id DESC");
    s.Bind(1, deck);
    while (s.Step()) {
      QuestionReport r;
      r.id = s.Int(0);
      r.profile = s.Int(1);
      r.learner = s.Text(2);
      r.deck = s.Text(3);
      r.deckVersion = s.Text(4);
      r.item = s.Text(5);
      r.kind = srs::QuestionKindFromName(s.Text(6)).value_or(srs::QuestionKind::MultipleChoice);
      r.mode = s.Text(7);
      r.reason = ReportReasonFromName(s.Text(8)).value_or(ReportReason::Wrong);
      r.note = s.Text(9);
      r.prompt = s.Text(10);
      r.options = SplitLines(s.Text(11));
      r.answer = s.Text(12);
      r.source = s.Text(13);
      r.time = s.Int(14);
      reports.push_back(std::move(r));
    }
  } catch (const SqliteError&) {
  }
  return reports;
}

std::vector<std::pair<std::string, srs::QuestionKind>>
ProfileStore::ReportedCards(std::int64_t profile, const std::string& deck, const std::string& deckVersion) {
  std::vector<std::pair<std::string, srs::QuestionKind>> cards;
  try {
    Statement s = m_db->Prepare(
        "SELECT DISTINCT item, kind FROM report WHERE profile_id = ?1 AND deck = ?2 AND deck_version = ?3");
    s.Bind(1, profile).Bind(2, deck).Bind(3, deckVersion);
    while (s.Step())
      if (auto kind = srs::QuestionKindFromName(s.Text(1))) cards.emplace_back(s.Text(0), *kind);
  } catch (const SqliteError&) {
  }
  return cards;
}

// [SECTION] Sessions, bests, settings ----------------------------------------------------

StoreStatus ProfileStore::StartSession(std::int64_t profile, const std::string& mode, const std::string& deck,
                                       srs::TimeMs now) {
  return Write("starting the session", [&] {
    m_db->Prepare("INSERT INTO session (profile_id, mode, deck, started_ms) VALUES (?1, ?2, ?3, ?4)")
        .Bind(1, profile)
        .Bind(2, mode)
        .Bind(3, deck)
        .Bind(4, now)
        .Run();
    return StoreStatus{true, {}, m_db->LastInsertId()};
  });
}

StoreStatus ProfileStore::EndSession(std::int64_t session, srs::TimeMs now, int score, int questions, int correct) {
  return Write("ending the session", [&] {
    m_db->Prepare("UPDATE session SET ended_ms = ?2, score = ?3, questions = ?4, correct = ?5 WHERE id = ?1")
        .Bind(1, session)
        .Bind(2, now)
        .Bind(3, score)
        .Bind(4, questions)
        .Bind(5, correct)
        .Run();
    return StoreStatus{true, {}, session};
  });
}

StoreStatus ProfileStore::RecordScore(std::int64_t profile, const std::string& mode, const std::string& deck, int score,
                                      srs::TimeMs now) {
  const std::optional<int> best = PersonalBest(profile, mode, deck);
  const bool isBest = !best || score > *best;
  if (!isBest) return {true, {}, 0};
  return Write("saving the personal best", [&] {
    m_db->Prepare(
            "INSERT OR REPLACE INTO personal_best (profile_id, mode, deck, score, time_ms) VALUES (?1, ?2, ?3, ?4, ?5)")
        .Bind(1, profile)
        .Bind(2, mode)
        .Bind(3, deck)
        .Bind(4, score)
        .Bind(5, now)
        .Run();
    return StoreStatus{true, {}, 1};
  });
}

std::optional<int> ProfileStore::PersonalBest(std::int64_t profile, const std::string& mode, const std::string& deck) {
  try {
    Statement s = m_db->Prepare("SELECT score FROM personal_best WHERE profile_id = ?1 AND mode = ?2 AND deck = ?3");
    s.Bind(1, profile).Bind(2, mode).Bind(3, deck);
    if (s.Step()) return static_cast<int>(s.Int(0));
  } catch (const SqliteError&) {
  }
  return std::nullopt;
}

StoreStatus ProfileStore::SetSetting(std::int64_t profile, const std::string& key, const std::string& value) {
  return Write("saving the setting", [&] {
    m_db->Prepare("INSERT OR REPLACE INTO setting (profile_id, key, value) VALUES (?1, ?2, ?3)")
        .Bind(1, profile)
        .Bind(2, key)
        .Bind(3, value)
        .Run();
    return StoreStatus{};
  });
}

std::optional<std::string> ProfileStore::Setting(std::int64_t profile, const std::string& key) {
  try {
    Statement s = m_db->Prepare("SELECT value FROM setting WHERE profile_id = ?1 AND key = ?2");
    s.Bind(1, profile).Bind(2, key);
    if (s.Step()) return s.Text(0);
  } catch (const SqliteError&) {
  }
  return std::nullopt;
}

// [SECTION] Memory model ----------------------------------------------------------------------

namespace {

constexpr const char* kWeightsSetting = "fsrs.weights";
constexpr const char* kFitSetting = "fsrs.fit";

std::string WeightsText(const std::array<double, 21>& w) {
  std::string out;
  for (double x : w) {
    char buffer[32];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, x).ptr;
    out += (out.empty() ? "" : ",") + std::string(buffer, end);
  }
  return out;
}

std::optional<std::array<double, 21>> ParseWeights(const std::string& text) {
  std::array<double, 21> w{};
  size_t n = 0, at = 0;
  while (at <= text.size() && n < 21) {
    const size_t end = std::min(text.find(',', at), text.size());
    const auto [ptr, ec] = std::from_chars(text.data() + at, text.data() + end, w[n]);
    if (ec != std::errc() || ptr != text.data() + end || !std::isfinite(w[n])) return std::nullopt;
    ++n;
    at = end + 1;
  }
  if (n != 21 || at <= text.size()) return std::nullopt;
  return w;
}

} // namespace

std::vector<srs::LoggedReview> ProfileStore::ReviewLog(std::int64_t profile) {
  std::vector<srs::LoggedReview> log;
  try {
    // FactDeck's own: the state before each answer is the one the card's previous
    // rescheduling answer left (new before the first).
    Statement s = m_db->Prepare("SELECT r.card_id, r.time_ms, r.rating, r.rescheduled, r.state FROM review r "
                                "JOIN card c ON c.id = r.card_id WHERE c.profile_id = ?1 "
                                "ORDER BY r.card_id, r.time_ms, r.id");
    s.Bind(1, profile);
    std::int64_t card = -1;
    auto before = srs::CardState::New;
    while (s.Step()) {
      if (s.Int(0) != card) {
        card = s.Int(0);
        before = srs::CardState::New;
      }
      srs::LoggedReview r;
      r.card = card;
      r.time = s.Int(1);
      r.rating = static_cast<int>(s.Int(2));
      if (s.Int(3) == 0) {
        r.kind = srs::LoggedReviewKind::Filtered;
      } else {
        r.kind = before == srs::CardState::New || before == srs::CardState::Learning ? srs::LoggedReviewKind::Learning
                 : before == srs::CardState::Relearning                              ? srs::LoggedReviewKind::Relearning
                                                                                     : srs::LoggedReviewKind::Review;
        before = static_cast<srs::CardState>(std::clamp<std::int64_t>(s.Int(4), 0, 3));
      }
      log.push_back(r);
    }
    // Imported histories: each (source, card) a card of its own, numbered apart from ours.
    Statement imported = m_db->Prepare("SELECT source, card, time_ms, rating, kind FROM imported_review "
                                       "WHERE profile_id = ?1 ORDER BY source, card, time_ms, id");
    imported.Bind(1, profile);
    constexpr std::int64_t kImportedCards = std::int64_t{1} << 48;
    std::int64_t number = kImportedCards - 1;
    std::string lastSource, lastCard;
    while (imported.Step()) {
      if (imported.Text(0) != lastSource || imported.Text(1) != lastCard) {
        lastSource = imported.Text(0);
        lastCard = imported.Text(1);
        ++number;
      }
      srs::LoggedReview r;
      r.card = number;
      r.time = imported.Int(2);
      r.rating = static_cast<int>(imported.Int(3));
      r.kind = static_cast<srs::LoggedReviewKind>(std::clamp<std::int64_t>(imported.Int(4), 0, 4));
      log.push_back(r);
    }
  } catch (const SqliteError&) {
  }
  return log;
}

StoreStatus ProfileStore::AddImportedReviews(std::int64_t profile, const std::string& source,
                                             const std::vector<ImportedReview>& reviews) {
  return Write("saving the imported reviews", [&] {
    Statement insert = m_db->Prepare("INSERT OR IGNORE INTO imported_review (profile_id, source, card, time_ms, "
                                     "rating, kind) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    std::int64_t added = 0;
    for (const ImportedReview& r : reviews) {
      insert.Reset();
      insert.Bind(1, profile)
          .Bind(2, source)
          .Bind(3, r.card)
          .Bind(4, r.time)
          .Bind(5, r.rating)
          .Bind(6, static_cast<int>(r.kind))
          .Run();
      added += m_db->Changes();
    }
    return StoreStatus{true, {}, added};
  });
}

StoreStatus ProfileStore::ImportHistory(std::int64_t profile, const std::string& deck,
                                        const std::vector<HistoryCard>& cards, std::int64_t& reviewsAdded,
                                        std::int64_t& cardsSet, std::int64_t* reviewsMoved) {
  reviewsAdded = cardsSet = 0;
  std::int64_t added = 0, set = 0, moved = 0;
  StoreStatus status = Write("bringing in the review history", [&] {
    Statement find = m_db->Prepare(
        "SELECT id, last_review_ms FROM card WHERE profile_id = ?1 AND deck = ?2 AND item = ?3 AND kind = ?4");
    Statement insertCard =
        m_db->Prepare(std::string("INSERT INTO card (profile_id, deck, item, kind, ") + kMemoryColumns +
                      ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
    Statement updateCard = m_db->Prepare("UPDATE card SET state = ?2, stability = ?3, difficulty = ?4, due_ms = ?5, "
                                         "last_review_ms = ?6, scheduled_days = ?7, learning_step = ?8, reps = ?9, "
                                         "lapses = ?10, hidden = 0 WHERE id = ?1");
    Statement review = m_db->Prepare(
        "INSERT OR IGNORE INTO review (card_id, time_ms, kind, correct, response_ms, rating, rescheduled, state, "
        "stability, difficulty, due_ms, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    // The learner's reviews brought before, by origin -> (review, card): one brought from
    // another deck's file (an earlier export of the same collection) moves to this deck's card.
    std::unordered_map<std::string, std::pair<std::int64_t, std::int64_t>> brought;
    Statement prior = m_db->Prepare("SELECT r.origin, r.id, r.card_id FROM review r JOIN card c ON c.id = r.card_id "
                                    "WHERE c.profile_id = ?1 AND r.origin IS NOT NULL");
    prior.Bind(1, profile);
    while (prior.Step())
      brought.emplace(prior.Text(0), std::make_pair(prior.Int(1), prior.Int(2)));
    Statement move = m_db->Prepare("UPDATE review SET card_id = ?1 WHERE id = ?2");
    Statement day =
        m_db->Prepare("INSERT INTO day_activity (profile_id, day, reviews, correct) VALUES (?1, ?2, ?3, ?4) "
                      "ON CONFLICT (profile_id, day) DO UPDATE SET reviews = reviews + ?3, "
                      "correct = correct + ?4");
    std::map<std::int64_t, std::pair<std::int64_t, std::int64_t>> days; // day -> answers, right ones added
    for (const HistoryCard& c : cards) {
      const char* kind = srs::QuestionKindName(c.kind);
      const srs::MemoryState& m = c.memory;
      find.Reset();
      find.Bind(1, profile).Bind(2, deck).Bind(3, c.item).Bind(4, kind);
      std::int64_t card = 0;
      if (find.Step()) {
        card = find.Int(0);
        if (find.Int(1) < m.lastReview) { // the history is newer than the learner's own answers
          updateCard.Reset();
          updateCard.Bind(1, card).Bind(2, static_cast<int>(m.state)).Bind(3, m.stability).Bind(4, m.difficulty);
          updateCard.Bind(5, m.due).Bind(6, m.lastReview).Bind(7, m.scheduledDays).Bind(8, m.learningStep);
          updateCard.Bind(9, m.reps).Bind(10, m.lapses).Run();
          ++set;
        }
      } else {
        insertCard.Reset();
        insertCard.Bind(1, profile).Bind(2, deck).Bind(3, c.item).Bind(4, kind);
        insertCard.Bind(5, static_cast<int>(m.state)).Bind(6, m.stability).Bind(7, m.difficulty);
        insertCard.Bind(8, m.due).Bind(9, m.lastReview).Bind(10, m.scheduledDays);
        insertCard.Bind(11, m.learningStep).Bind(12, m.reps).Bind(13, m.lapses).Run();
        card = m_db->LastInsertId();
        set += m.state != srs::CardState::New;
      }
      for (const HistoryReview& r : c.reviews) {
        if (auto at = brought.find(r.origin); at != brought.end()) {
          if (at->second.second != card) {
            move.Reset();
            move.Bind(1, card).Bind(2, at->second.first).Run();
            at->second.second = card;
            ++moved;
          }
          continue;
        }
        const bool correct = r.rating != srs::Rating::Again;
        review.Reset();
        review.Bind(1, card).Bind(2, r.time).Bind(3, kind).Bind(4, correct ? 1 : 0).Bind(5, r.responseMs);
        review.Bind(6, static_cast<int>(r.rating)).Bind(7, r.rescheduled ? 1 : 0);
        review.Bind(8, static_cast<int>(r.after.state)).Bind(9, r.after.stability).Bind(10, r.after.difficulty);
        review.Bind(11, r.after.due).Bind(12, r.origin).Run();
        if (m_db->Changes() == 0) continue; // twice in the history
        ++added;
        auto& [answers, right] = days[m_day.DayOf(r.time)];
        ++answers;
        right += correct ? 1 : 0;
      }
    }
    for (const auto& [d, counts] : days) {
      day.Reset();
      day.Bind(1, profile).Bind(2, d).Bind(3, counts.first).Bind(4, counts.second).Run();
    }
    return StoreStatus{true, {}, added};
  });
  if (status.ok) {
    reviewsAdded = added;
    cardsSet = set;
    if (reviewsMoved) *reviewsMoved = moved;
  }
  return status;
}

std::int64_t ProfileStore::HistoryReviewCount(std::int64_t profile, const std::string& deck) {
  try {
    Statement s = m_db->Prepare("SELECT COUNT(*) FROM review r JOIN card c ON c.id = r.card_id "
                                "WHERE c.profile_id = ?1 AND c.deck = ?2 AND r.origin IS NOT NULL");
    s.Bind(1, profile).Bind(2, deck);
    if (s.Step()) return s.Int(0);
  } catch (const SqliteError&) {
  }
  return 0;
}

std::int64_t ProfileStore::ImportedReviewCount(std::int64_t profile) {
  try {
    Statement s = m_db->Prepare("SELECT COUNT(*) FROM imported_review WHERE profile_id = ?1");
    s.Bind(1, profile);
    if (s.Step()) return s.Int(0);
  } catch (const SqliteError&) {
  }
  return 0;
}

std::optional<std::array<double, 21>> ProfileStore::LearnerWeights(std::int64_t profile) {
  const auto text = Setting(profile, kWeightsSetting);
  if (!text || text->empty()) return std::nullopt;
  return ParseWeights(*text);
}

StoreStatus ProfileStore::SetLearnerWeights(std::int64_t profile, const std::optional<std::array<double, 21>>& w) {
  return SetSetting(profile, kWeightsSetting, w ? WeightsText(*w) : std::string());
}

std::optional<MemoryModelRecord> ProfileStore::LastFit(std::int64_t profile) {
  const auto text = Setting(profile, kFitSetting);
  if (!text || text->empty()) return std::nullopt;
  MemoryModelRecord fit;
  bool weights = false;
  for (size_t at = 0; at < text->size();) {
    size_t end = text->find('\n', at);
    if (end == std::string::npos) end = text->size();
    const std::string line = text->substr(at, end - at);
    at = end + 1;
    const size_t eq = line.find('=');
    if (eq == std::string::npos) continue;
    const std::string key = line.substr(0, eq), value = line.substr(eq + 1);
    if (key == "weights") {
      if (auto w = ParseWeights(value)) {
        fit.weights = *w;
        weights = true;
      }
      continue;
    }
    double number = 0;
    if (std::from_chars(value.data(), value.data() + value.size(), number).ec != std::errc()) continue;
    if (key == "time")
      fit.time = static_cast<srs::TimeMs>(number);
    else if (key == "items")
      fit.items = static_cast<std::size_t>(number);
    else if (key == "reviews")
      fit.reviews = static_cast<std::size_t>(number);
    else if (key == "logloss_before")
      fit.logLossBefore = number;
    else if (key == "logloss_after")
      fit.logLossAfter = number;
    else if (key == "rmse_before")
      fit.rmseBefore = number;
    else if (key == "rmse_after")
      fit.rmseAfter = number;
    else if (key == "held_out_logloss_before")
      fit.heldOutLogLossBefore = number;
    else if (key == "held_out_logloss_after")
      fit.heldOutLogLossAfter = number;
    else if (key == "held_out_rmse_before")
      fit.heldOutRmseBefore = number;
    else if (key == "held_out_rmse_after")
      fit.heldOutRmseAfter = number;
  }
  if (!weights) return std::nullopt;
  return fit;
}

StoreStatus ProfileStore::SaveFit(std::int64_t profile, const MemoryModelRecord& fit) {
  auto number = [](double x) {
    char buffer[32];
    return std::string(buffer, std::to_chars(buffer, buffer + sizeof buffer, x).ptr);
  };
  std::string text = "time=" + std::to_string(fit.time) + "\nitems=" + std::to_string(fit.items) +
                     "\nreviews=" + std::to_string(fit.reviews) + "\nweights=" + WeightsText(fit.weights) +
                     "\nlogloss_before=" + number(fit.logLossBefore) + "\nlogloss_after=" + number(fit.logLossAfter) +
                     "\nrmse_before=" + number(fit.rmseBefore) + "\nrmse_after=" + number(fit.rmseAfter);
  auto optional = [&](const char* key, const std::optional<double>& x) {
    if (x) text += std::string("\n") + key + "=" + number(*x);
  };
  optional("held_out_logloss_before", fit.heldOutLogLossBefore);
  optional("held_out_logloss_after", fit.heldOutLogLossAfter);
  optional("held_out_rmse_before", fit.heldOutRmseBefore);
  optional("held_out_rmse_after", fit.heldOutRmseAfter);
  return SetSetting(profile, kFitSetting, text);
}

// [SECTION] Reading ----------------------------------------------------------------------

std::vector<DeckProgress> ProfileStore::Progress(std::int64_t profile, srs::TimeMs now) {
  std::vector<DeckProgress> decks;
  try {
    Statement s = m_db->Prepare("SELECT deck, SUM(due_ms <= ?2 AND state != 0), SUM(state IN (1, 3)), SUM(state = 2) "
                                "FROM card WHERE profile_id = ?1 AND hidden = 0 GROUP BY deck ORDER BY deck");
    s.Bind(1, profile).Bind(2, now);
    while (s.Step())
      decks.push_back({s.Text(0), s.Int(1), s.Int(2), s.Int(3)});
  } catch (const SqliteError&) {
  }
  return decks;
}

StoreStats ProfileStore::Stats(std::int64_t profile, srs::TimeMs now, srs::StudyDay day) {
  StoreStats stats;
  try {
    const srs::TimeMs today = day.StartOf(now);
    const srs::TimeMs monthAgo = today - 29 * srs::kDayMs;
    Statement reviews = m_db->Prepare(
        "SELECT COALESCE(SUM(r.answer_part = 0), 0), COALESCE(SUM(r.answer_part = 0 AND r.time_ms >= ?2), 0), "
        "COALESCE(SUM(r.answer_part = 0 AND r.time_ms >= ?3), 0), COUNT(*), COALESCE(SUM(r.time_ms >= ?2), 0) "
        "FROM review r JOIN card c ON c.id = r.card_id WHERE c.profile_id = ?1");
    reviews.Bind(1, profile).Bind(2, today).Bind(3, monthAgo);
    if (reviews.Step()) {
      stats.answers = reviews.Int(0);
      stats.answersToday = reviews.Int(1);
      stats.answersLast30Days = reviews.Int(2);
      stats.cardReviews = reviews.Int(3);
      stats.cardReviewsToday = reviews.Int(4);
    }
    Statement introduced = m_db->Prepare("SELECT COUNT(*) FROM card c WHERE c.profile_id = ?1 AND (SELECT MIN(time_ms) "
                                         "FROM review r WHERE r.card_id = c.id) >= ?2");
    introduced.Bind(1, profile).Bind(2, today);
    if (introduced.Step()) stats.introducedToday = introduced.Int(0);
    // True retention: answers to cards that were in review (not learning) before the answer.
    Statement retention = m_db->Prepare(
        "SELECT COUNT(*), SUM(r.correct) FROM review r JOIN card c ON c.id = r.card_id "
        "WHERE c.profile_id = ?1 AND r.time_ms >= ?2 AND r.rescheduled = 1 AND (r.state = 2 OR r.rating = 1) "
        "AND EXISTS (SELECT 1 FROM review p WHERE p.card_id = r.card_id AND p.time_ms < r.time_ms AND p.state = 2)");
    retention.Bind(1, profile).Bind(2, monthAgo);
    if (retention.Step() && retention.Int(0) > 0) {
      stats.reviewedLast30Days = retention.Int(0);
      stats.retentionLast30Days = static_cast<double>(retention.Int(1)) / static_cast<double>(retention.Int(0));
    }
    std::tie(stats.currentStreak, stats.longestStreak) = Streaks(profile, now, day);

    Statement cards = m_db->Prepare("SELECT COUNT(*), SUM(state = 0), SUM(state IN (1, 3)), SUM(state = 2) FROM card "
                                    "WHERE profile_id = ?1 AND hidden = 0");
    cards.Bind(1, profile);
    if (cards.Step()) {
      stats.cards = cards.Int(0);
      stats.newCards = cards.Int(1);
      stats.learningCards = cards.Int(2);
      stats.reviewCards = cards.Int(3);
    }
    stats.dueForecast = DueForecast(profile, now, 7, day);
  } catch (const SqliteError&) {
  }
  return stats;
}

std::vector<DayActivity> ProfileStore::Activity(std::int64_t profile, std::int64_t fromDay) {
  std::vector<DayActivity> days;
  try {
    Statement s = m_db->Prepare(
        "SELECT day, reviews, correct FROM day_activity WHERE profile_id = ?1 AND day >= ?2 ORDER BY day");
    s.Bind(1, profile).Bind(2, fromDay);
    while (s.Step())
      days.push_back({s.Int(0), static_cast<int>(s.Int(1)), static_cast<int>(s.Int(2))});
  } catch (const SqliteError&) {
  }
  return days;
}

std::vector<std::int64_t> ProfileStore::DueForecast(std::int64_t profile, srs::TimeMs now, int days,
                                                    srs::StudyDay day) {
  std::vector<std::int64_t> due(static_cast<size_t>(std::max(days, 1)), 0);
  try {
    const srs::TimeMs today = day.StartOf(now);
    Statement s =
        m_db->Prepare("SELECT due_ms FROM card WHERE profile_id = ?1 AND hidden = 0 AND state != 0 AND due_ms < ?2");
    s.Bind(1, profile).Bind(2, today + static_cast<srs::TimeMs>(days) * srs::kDayMs);
    while (s.Step()) {
      const std::int64_t index = std::max<std::int64_t>(0, (s.Int(0) - today) / srs::kDayMs);
      ++due[static_cast<size_t>(std::min<std::int64_t>(index, days - 1))];
    }
  } catch (const SqliteError&) {
  }
  return due;
}

std::vector<PeriodRetention> ProfileStore::RetentionHistory(std::int64_t profile, srs::TimeMs now, int periodDays,
                                                            int periods, srs::StudyDay day) {
  std::vector<PeriodRetention> history;
  try {
    const std::int64_t today = day.DayOf(now);
    const std::int64_t first = today - static_cast<std::int64_t>(periodDays) * periods + 1;
    for (int p = 0; p < periods; ++p)
      history.push_back({first + static_cast<std::int64_t>(p) * periodDays, 0, 0});
    // Answers to cards that had been in review before: the same rule as Stats.
    Statement s = m_db->Prepare(
        "SELECT r.time_ms, r.correct FROM review r JOIN card c ON c.id = r.card_id WHERE c.profile_id = ?1 "
        "AND r.rescheduled = 1 AND EXISTS (SELECT 1 FROM review p WHERE p.card_id = r.card_id AND p.time_ms < "
        "r.time_ms "
        "AND p.state = 2) AND r.time_ms >= ?2");
    const srs::TimeMs from = day.StartOf(now) - (today - first) * srs::kDayMs;
    s.Bind(1, profile).Bind(2, from);
    while (s.Step()) {
      const std::int64_t index = (day.DayOf(s.Int(0)) - first) / periodDays;
      if (index < 0 || index >= periods) continue;
      ++history[static_cast<size_t>(index)].reviews;
      history[static_cast<size_t>(index)].correct += static_cast<int>(s.Int(1));
    }
  } catch (const SqliteError&) {
  }
  return history;
}

std::vector<ItemAccuracy> ProfileStore::Accuracy(std::int64_t profile) {
  std::vector<ItemAccuracy> items;
  try {
    Statement s = m_db->Prepare(
        "SELECT c.deck, c.item, c.kind, COUNT(*), SUM(r.correct) FROM review r JOIN card c ON c.id = r.card_id "
        "WHERE c.profile_id = ?1 GROUP BY c.id ORDER BY c.deck, c.item");
    s.Bind(1, profile);
    while (s.Step())
      items.push_back({s.Text(0), s.Text(1), s.Text(2), static_cast<int>(s.Int(3)), static_cast<int>(s.Int(4))});
  } catch (const SqliteError&) {
  }
  return items;
}

std::vector<SessionRecord> ProfileStore::Sessions(std::int64_t profile, size_t limit) {
  std::vector<SessionRecord> sessions;
  try {
    Statement s = m_db->Prepare(
        "SELECT id, mode, deck, started_ms, COALESCE(ended_ms, 0), score, questions, correct FROM session "
        "WHERE profile_id = ?1 ORDER BY started_ms DESC, id DESC LIMIT ?2");
    s.Bind(1, profile).Bind(2, static_cast<std::int64_t>(limit));
    while (s.Step())
      sessions.push_back({s.Int(0), s.Text(1), s.Text(2), s.Int(3), s.Int(4), static_cast<int>(s.Int(5)),
                          static_cast<int>(s.Int(6)), static_cast<int>(s.Int(7))});
  } catch (const SqliteError&) {
  }
  std::reverse(sessions.begin(), sessions.end()); // oldest first, for charts
  return sessions;
}

std::pair<int, int> ProfileStore::Streaks(std::int64_t profile, srs::TimeMs now, srs::StudyDay day) {
  int current = 0, longest = 0;
  try {
    Statement days = m_db->Prepare("SELECT day FROM day_activity WHERE profile_id = ?1 AND reviews > 0 ORDER BY day");
    days.Bind(1, profile);
    std::int64_t previous = INT64_MIN / 2, run = 0;
    while (days.Step()) {
      const std::int64_t d = days.Int(0);
      run = d == previous + 1 ? run + 1 : 1;
      longest = std::max(longest, static_cast<int>(run));
      previous = d;
    }
    // A streak still counts today before today's first review.
    current = previous >= day.DayOf(now) - 1 ? static_cast<int>(run) : 0;
  } catch (const SqliteError&) {
  }
  return {current, longest};
}

StoreStatus ProfileStore::ExportReviewsCsv(std::int64_t profile, const fs::path& file) {
  try {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (!out) return {false, Errno("cannot write " + file.string()), 0};
    out << FormatCsvRecord({"time", "profile", "deck", "item", "kind", "answer", "correct", "response_ms", "rating",
                            "state_after", "stability_after", "difficulty_after", "due_after"});
    Statement s = m_db->Prepare(
        "SELECT r.time_ms, p.name, c.deck, c.item, r.kind, r.answer, r.correct, r.response_ms, r.rating, r.state, "
        "r.stability, r.difficulty, r.due_ms FROM review r JOIN card c ON c.id = r.card_id "
        "JOIN profile p ON p.id = c.profile_id WHERE ?1 = 0 OR c.profile_id = ?1 ORDER BY r.time_ms, r.id");
    s.Bind(1, profile);
    std::int64_t rows = 0;
    while (s.Step()) {
      out << FormatCsvRecord({FormatIsoTime(s.Int(0)), s.Text(1), s.Text(2), s.Text(3), s.Text(4), s.Text(5),
                              s.Int(6) ? "1" : "0", std::to_string(s.Int(7)), std::to_string(s.Int(8)),
                              srs::CardStateName(static_cast<srs::CardState>(s.Int(9))), Shortest(s.Real(10)),
                              Shortest(s.Real(11)), FormatIsoTime(s.Int(12))});
      ++rows;
    }
    out.flush();
    if (!out) return {false, Errno("cannot write " + file.string()), 0};
    return {true, {}, rows};
  } catch (const SqliteError& e) {
    return {false, DescribeStoreError(e.Code(), e.what()), 0};
  }
}

// [SECTION] Backups and restore -----------------------------------------------------------

namespace {

// A consistent, compact copy of `db` written to `file` (through FILE.partial, renamed when
// complete), with VACUUM INTO, which works while the store stays open and in use.
StoreStatus VacuumInto(Database& db, const fs::path& file) {
  std::error_code ec;
  fs::create_directories(file.parent_path().empty() ? fs::path(".") : file.parent_path(), ec);
  const fs::path partial = file.string() + ".partial";
  fs::remove(partial, ec);
  try {
    Statement s = db.Prepare("VACUUM INTO ?1");
    s.Bind(1, partial.string());
    s.Run();
  } catch (const SqliteError& e) {
    fs::remove(partial, ec);
    return {false, "backup to " + file.string() + " failed: " + DescribeStoreError(e.Code(), e.what()), 0};
  }
  fs::rename(partial, file, ec);
  if (ec) return {false, "backup to " + file.string() + " failed: " + ec.message(), 0};
  return {};
}

} // namespace

StoreStatus ProfileStore::BackupTo(const fs::path& file) { return VacuumInto(*m_db, file); }

std::optional<fs::path> ProfileStore::LatestBackup() const {
  std::vector<fs::path> backups;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(BackupDir(), ec)) {
    std::string name = entry.path().filename().string();
    if (name.rfind("progress-", 0) == 0 && entry.path().extension() == ".db") backups.push_back(entry.path());
  }
  if (backups.empty()) return std::nullopt;
  return *std::max_element(backups.begin(), backups.end());
}

std::optional<fs::path> ProfileStore::DueBackup(srs::TimeMs now, srs::StudyDay day) {
  const srs::TimeMs dayStart = day.StartOf(now);
  const std::string date =
      FormatIsoTime(dayStart + static_cast<srs::TimeMs>(day.utcOffsetMinutes) * srs::kMinuteMs).substr(0, 10);
  const fs::path today = BackupDir() / ("progress-" + date + ".db");
  std::error_code ec;
  if (fs::exists(today, ec)) return std::nullopt;
  // Nothing to keep yet: a store without a single answer needs no backup.
  if (m_db->QueryInt("SELECT COUNT(*) FROM review").value_or(0) == 0) return std::nullopt;
  return today;
}

void ProfileStore::PruneBackups() {
  std::vector<fs::path> backups;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(BackupDir(), ec)) {
    std::string name = entry.path().filename().string();
    if (name.rfind("progress-", 0) == 0 && entry.path().extension() == ".db") backups.push_back(entry.path());
  }
  std::sort(backups.begin(), backups.end());
  for (size_t i = 0; i + kBackupsKept < backups.size(); ++i)
    fs::remove(backups[i], ec);
}

void ProfileStore::StartDailyBackup(srs::TimeMs now, srs::StudyDay day) {
  std::optional<fs::path> today;
  try {
    today = DueBackup(now, day);
  } catch (const SqliteError& e) {
    std::lock_guard lock(m_backupMutex);
    m_backupProblem = "Today's backup could not be made: " + DescribeStoreError(e.Code(), e.what());
    m_backupProblemSet = true;
    return;
  }
  if (!today) return;
  m_backup = std::thread([this, file = *today] {
    NameThisThread("fd-backup");
    {
      // Let the window open first: the copy competes with it for the disk and the CPU.
      std::unique_lock lock(m_backupMutex);
      m_backupWake.wait_for(lock, std::chrono::seconds(2), [this] { return m_backupNow; });
    }
    StoreStatus made;
    try {
      // Its own connection: the app's keeps answering while this one reads every page.
      Database copy(File().string(), Database::Mode::ReadOnly);
      made = VacuumInto(copy, file);
    } catch (const SqliteError& e) {
      made = {false, DescribeStoreError(e.Code(), e.what()), 0};
    }
    if (made) {
      PruneBackups();
      return;
    }
    std::lock_guard lock(m_backupMutex);
    m_backupProblem = "Today's backup could not be made: " + made.message;
    m_backupProblemSet = true;
  });
}

void ProfileStore::WaitForBackup() {
  if (!m_backup.joinable()) return;
  {
    std::lock_guard lock(m_backupMutex);
    m_backupNow = true;
  }
  m_backupWake.notify_all();
  m_backup.join();
}

std::optional<std::string> ProfileStore::TakeBackupProblem() {
  if (!m_backupProblemSet) return std::nullopt;
  std::lock_guard lock(m_backupMutex);
  m_backupProblemSet = false;
  return std::exchange(m_backupProblem, {});
}

StoreStatus ProfileStore::Restore(const fs::path& dataDir, const fs::path& backup, srs::TimeMs now) {
  // Check the backup before touching anything.
  try {
    Database candidate(backup.string(), Database::Mode::ReadOnly);
    if (std::string problem = QuickCheck(candidate); !problem.empty())
      return {false, backup.string() + " is not a usable backup: " + problem, 0};
    const auto version = candidate.QueryInt("PRAGMA user_version").value_or(0);
    if (version < 1 || version > schema::kVersion)
      return {false,
              backup.string() + " is not a FactDeck backup this version can read (schema " + std::to_string(version) +
                  ")",
              0};
    if (!candidate.QueryInt("SELECT COUNT(*) FROM profile"))
      return {false, backup.string() + " is not a FactDeck backup", 0};
  } catch (const SqliteError& e) {
    return {false, backup.string() + " is not a usable backup: " + e.what(), 0};
  }
  std::string error;
  int lock = TakeLock(dataDir, error);
  if (lock < 0) return {false, error, 0};
  const fs::path file = dataDir / kFileName;
  std::error_code ec;
  // The current store is kept as a backup itself, so a restore can be undone.
  if (fs::exists(file, ec)) {
    try {
      fs::create_directories(dataDir / "backups", ec);
      Database current(file.string());
      Statement s = current.Prepare("VACUUM INTO ?1");
      s.Bind(1, (dataDir / "backups" / ("before-restore-" + Stamp(now) + ".db")).string());
      s.Run();
    } catch (const SqliteError&) {
      MoveAside(file, now); // unreadable: keep it aside rather than lose it
    }
  }
  const fs::path partial = file.string() + ".restoring";
  fs::copy_file(backup, partial, fs::copy_options::overwrite_existing, ec);
  if (ec) {
    ::close(lock);
    return {false, "restore failed: " + ec.message(), 0};
  }
  for (const char* suffix : {"-wal", "-shm"})
    fs::remove(file.string() + suffix, ec);
  fs::rename(partial, file, ec);
  ::close(lock);
  if (ec) return {false, "restore failed: " + ec.message(), 0};
  return {};
}

} // namespace factdeck
