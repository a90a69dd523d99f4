// The profile store: every learner's progress in one SQLite file, DATA_DIR/progress.db.
//
// Every answer is committed in its own transaction (WAL, synchronous=FULL) before the
// caller shows feedback. Only one FactDeck may hold a data folder (a lock file). A file
// that is not a database, or is damaged, is moved aside, never overwritten. A backup is
// taken on the first start of each day; the last 7 are kept. See docs/storage.md.
#pragma once

#include <filesystem>
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/srs/study_day.h"
#include "core/deck/deck.h"
#include "core/import/anki_history.h"
#include "core/srs/optimizer.h"
#include "core/srs/study.h"

namespace factdeck {

namespace sql {
class Database;
}

// The outcome of a write: ok, or a message for the learner.
struct StoreStatus {
  bool ok = true;
  std::string message;
  std::int64_t id = 0; // the new row, when one was made
  explicit operator bool() const { return ok; }
};

struct ProfileInfo {
  std::int64_t id = 0;
  std::string name;
};

struct StoredCard {
  std::string deck, item;
  srs::QuestionKind kind = srs::QuestionKind::MultipleChoice;
  srs::MemoryState memory;
  bool hidden = false;
};

struct AnswerRecord {
  std::int64_t profile = 0;
  std::int64_t session = 0; // 0: outside a session
  std::string deck, item;
  srs::QuestionKind kind = srs::QuestionKind::MultipleChoice;
  srs::TimeMs time = 0;
  std::string options; // the options shown, as the question wrote them (e.g. JSON)
  std::string answer;  // what the learner gave
  bool correct = false;
  int responseMs = 0;
  srs::Rating rating = srs::Rating::Good;
  srs::MemoryState after; // the card's state after this answer
  bool reschedule = true; // false in cram: the log keeps the answer, the card keeps its state
  // One answer can rate several cards (which-first: two events; an ordering: each event).
  // Part 0 is the answer: it counts in the day's answers, right when `answerCorrect`. Parts
  // 1, 2, ... log their card's review only.
  int part = 0;
  bool answerCorrect = false;
};

struct StoreStats {
  // Answers: what the learner did (an ordering is one answer). Card reviews: what the
  // scheduler learned from them (an ordering reviews each of its events' cards).
  std::int64_t answers = 0, answersToday = 0, answersLast30Days = 0;
  std::int64_t cardReviews = 0, cardReviewsToday = 0;
  std::int64_t introducedToday = 0;         // cards answered for the first time today
  double retentionLast30Days = 0.0;         // right answers among review-state cards, last 30 days
  std::int64_t reviewedLast30Days = 0;      // the reviews that figure counts
  int currentStreak = 0, longestStreak = 0; // days with at least one review
  std::int64_t cards = 0, newCards = 0, learningCards = 0, reviewCards = 0;
  std::vector<std::int64_t> dueForecast; // due on each of the next 7 days; [0] includes overdue
};

// A classroom match, as saved when it ends.
struct MatchPlayer {
  std::string name, color;
  std::int64_t profile = 0; // 0: not linked to a learner
  int finalScore = 0, rank = 0;
};
struct MatchAnswer {
  size_t player = 0; // index into MatchRecord::players
  int question = 0;
  std::string item, kind, answer;
  bool correct = false;
  srs::TimeMs time = 0;
  int responseMs = 0, points = 0;
};
struct MatchRecord {
  std::string deck, mode, scoring;
  srs::TimeMs started = 0, ended = 0;
  std::vector<MatchPlayer> players;
  std::vector<MatchAnswer> answers;
};
struct MatchSummary {
  std::int64_t id = 0;
  std::string deck, mode, scoring;
  srs::TimeMs started = 0, ended = 0;
  std::vector<MatchPlayer> players; // by rank
};

// A question a learner reported, as it was shown.
enum class ReportReason { Wrong, TwoRight, Unclear, Typo };
inline constexpr ReportReason kReportReasons[] = {ReportReason::Wrong, ReportReason::TwoRight, ReportReason::Unclear,
                                                  ReportReason::Typo};
const char* ReportReasonName(ReportReason reason);  // "two-right": stored, and in JSON
const char* ReportReasonLabel(ReportReason reason); // "Two right answers": for people
std::optional<ReportReason> ReportReasonFromName(std::string_view name);
struct QuestionReport {
  std::int64_t id = 0;
  std::int64_t profile = 0;
  std::string learner; // the profile's name, when read back
  std::string deck, deckVersion, item;
  srs::QuestionKind kind = srs::QuestionKind::MultipleChoice;
  std::string mode; // "study", "practice", "exam"
  ReportReason reason = ReportReason::Wrong;
  std::string note;
  std::string prompt;
  std::vector<std::string> options;
  std::string answer, source; // the right answer and the citation, as shown
  srs::TimeMs time = 0;
};

// For the stats screen.
struct DayActivity {
  std::int64_t day = 0;         // srs::StudyDay::DayOf
  int answers = 0, correct = 0; // the learner's answers that day, and the right ones
};
struct PeriodRetention {
  std::int64_t firstDay = 0;    // the period's first study day
  int reviews = 0, correct = 0; // answers to cards that had reached review
};
struct ItemAccuracy {
  std::string deck, item, kind;
  int reviews = 0, correct = 0;
};
struct SessionRecord {
  std::int64_t id = 0;
  std::string mode, deck;
  srs::TimeMs started = 0, ended = 0;
  int score = 0, questions = 0, correct = 0;
};

// What a deck has for a learner, for the home screen.
struct DeckProgress {
  std::string deck;
  std::int64_t dueNow = 0, learning = 0, learned = 0;
};

// A review from another program's log, as imported: `card` is that program's card id.
struct ImportedReview {
  std::string card;
  srs::TimeMs time = 0;
  int rating = 3;
  srs::LoggedReviewKind kind = srs::LoggedReviewKind::Review;
};

// The learner's fitted memory model: the weights in use (when not FSRS-6's defaults), and
// the last fit with how it predicts, for the stats screen and `factdeck srs optimize`.
struct MemoryModelRecord {
  srs::TimeMs time = 0; // when it was fitted
  std::array<double, 21> weights{};
  std::size_t items = 0, reviews = 0;
  double logLossBefore = 0, logLossAfter = 0, rmseBefore = 0, rmseAfter = 0;
  std::optional<double> heldOutLogLossBefore, heldOutLogLossAfter, heldOutRmseBefore, heldOutRmseAfter;
};

// An exam the learner revises for (core/app/exams.h plans it).
struct ExamRecord {
  std::int64_t id = 0;
  std::int64_t profile = 0;
  std::string name;
  srs::TimeMs at = 0;                                  // when it begins
  std::vector<std::string> decks;                      // deck ids
  std::vector<std::string> tags;                       // empty: every item of the decks
  int minutes = 0, cards = 0;                          // the daily budget: cards when set, else minutes
  std::vector<std::pair<std::string, double>> weights; // topic (tag) weights; others count 1
  srs::TimeMs created = 0;
};

class ProfileStore {
public:
  struct Opened {
    std::unique_ptr<ProfileStore> store; // null when the store cannot be used
    std::string error;                   // why, when it is null
    std::vector<std::string> notices;    // what the learner must be told even so
  };

  // Opens (creating, migrating, checking, backing up) DATA_DIR/progress.db. `day` is how
  // the learner's days are counted (streaks, the daily backup).
  static Opened Open(const std::filesystem::path& dataDir, srs::TimeMs now, srs::StudyDay day = {});
  ~ProfileStore();

  static constexpr const char* kFileName = "progress.db";
  static constexpr int kBackupsKept = 7;
  std::filesystem::path File() const { return m_dataDir / kFileName; }
  std::filesystem::path BackupDir() const { return m_dataDir / "backups"; }
  int SchemaVersion();
  // Changes whenever the store is written, by this program or another one: equal stamps,
  // nothing stored has changed in between (what a cached view of the store is keyed by).
  std::pair<std::int64_t, std::int64_t> ChangeStamp();

  // Profiles: several learners on one machine.
  std::vector<ProfileInfo> Profiles();
  std::int64_t DefaultProfile(); // the first profile; "Learner" is made when there is none
  StoreStatus CreateProfile(const std::string& name, srs::TimeMs now);
  StoreStatus RenameProfile(std::int64_t profile, const std::string& name);
  StoreStatus DeleteProfile(std::int64_t profile);
  std::optional<std::int64_t> FindProfile(const std::string& name);

  // Cards and answers.
  std::optional<srs::MemoryState> Card(std::int64_t profile, const std::string& deck, const std::string& item,
                                       srs::QuestionKind kind);
  std::vector<StoredCard> Cards(std::int64_t profile, const std::string& deck, bool withHidden = false);
  // Commits the answer and the card's new state in one transaction; returns the review's id.
  StoreStatus RecordAnswer(const AnswerRecord& answer);
  // The learner said a right answer was a guess: review `reviewId` (an id RecordAnswer
  // returned) takes `rating` and the state after it, and so does its card when the answer
  // rescheduled it. The answer stays right; the day's counts do not change.
  StoreStatus AmendAnswer(std::int64_t reviewId, srs::Rating rating, const srs::MemoryState& after);

  // After a deck is loaded: carries progress over renamed ids (`renames`: old, new), hides
  // the cards of items the deck no longer has, shows again those that came back.
  StoreStatus SyncDeck(const std::string& deck, const std::vector<std::string>& items,
                       const std::vector<std::pair<std::string, std::string>>& renames);

  // The same, from a loaded deck: its fact, event, card and written question ids, its
  // renamed_from lists, and `renames` besides (ids a file of rows made from changed words).
  StoreStatus SyncDeck(const Deck& deck, const std::vector<std::pair<std::string, std::string>>& renames = {});

  // Classroom matches: saved whole, in one transaction; the newest first.
  StoreStatus SaveMatch(const MatchRecord& match);
  std::vector<MatchSummary> Matches(size_t limit = 50);

  // Reported questions: newest first, of one deck or all (empty `deck`). ReportedCards: the
  // (item, kind) pairs a learner reported in this version of a deck, set aside in study.
  StoreStatus AddReport(const QuestionReport& report);
  std::vector<QuestionReport> Reports(const std::string& deck = {});
  std::vector<std::pair<std::string, srs::QuestionKind>> ReportedCards(std::int64_t profile, const std::string& deck,
                                                                       const std::string& deckVersion);

  // Sessions, bests, settings.
  StoreStatus StartSession(std::int64_t profile, const std::string& mode, const std::string& deck, srs::TimeMs now);
  StoreStatus EndSession(std::int64_t session, srs::TimeMs now, int score, int questions, int correct);
  // Records a score; ok with id 1 when it is a new personal best.
  StoreStatus RecordScore(std::int64_t profile, const std::string& mode, const std::string& deck, int score,
                          srs::TimeMs now);
  std::optional<int> PersonalBest(std::int64_t profile, const std::string& mode, const std::string& deck);
  StoreStatus SetSetting(std::int64_t profile, const std::string& key, const std::string& value);
  std::optional<std::string> Setting(std::int64_t profile, const std::string& key);

  // The learner's memory model. Reviews: FactDeck's own log (each card in time order, with
  // whether it was learning, review, relearning or cram) and the imported ones, for fitting.
  std::vector<srs::LoggedReview> ReviewLog(std::int64_t profile);
  // Brings a history from another program (ReplayAnkiHistory) into the learner's progress on
  // `deck`: each review joins the log once (by its origin: importing again adds nothing) and
  // counts in the learner's days (streak, calendar, stats) and for the memory model; a card
  // takes the history's memory unless the learner answered it more recently. A review the
  // learner has already from another file (a newer export of the same collection is another
  // deck) moves to this deck's card and is not counted again. Counts what was added in
  // `reviewsAdded`, what moved in `reviewsMoved` and the cards whose memory was set in `cardsSet`.
  StoreStatus ImportHistory(std::int64_t profile, const std::string& deck, const std::vector<HistoryCard>& cards,
                            std::int64_t& reviewsAdded, std::int64_t& cardsSet, std::int64_t* reviewsMoved = nullptr);
  // Reviews of `deck` brought from another program's history.
  std::int64_t HistoryReviewCount(std::int64_t profile, const std::string& deck);
  // Adds reviews from another program's log under `source` (e.g. "anki"); the same review
  // twice is kept once. Returns how many were new (in `id`).
  StoreStatus AddImportedReviews(std::int64_t profile, const std::string& source,
                                 const std::vector<ImportedReview>& reviews);
  std::int64_t ImportedReviewCount(std::int64_t profile);
  // The weights the scheduler uses for this learner (nullopt: the defaults); the last fit.
  std::optional<std::array<double, 21>> LearnerWeights(std::int64_t profile);
  StoreStatus SetLearnerWeights(std::int64_t profile, const std::optional<std::array<double, 21>>& weights);
  // Exams: a learner's, soonest first (those past too; the caller decides what to show).
  StoreStatus AddExam(const ExamRecord& exam);
  StoreStatus RemoveExam(std::int64_t profile, std::int64_t id);
  std::vector<ExamRecord> Exams(std::int64_t profile);
  // The median time of the learner's last `recent` answers (0: none yet), for a budget in minutes.
  int MedianAnswerMs(std::int64_t profile, int recent = 200);

  std::optional<MemoryModelRecord> LastFit(std::int64_t profile);
  StoreStatus SaveFit(std::int64_t profile, const MemoryModelRecord& fit);

  // Reading for the home screen, stats and exports.
  std::vector<DeckProgress> Progress(std::int64_t profile, srs::TimeMs now);
  StoreStats Stats(std::int64_t profile, srs::TimeMs now, srs::StudyDay day = {});
  // Reviews per study day from `fromDay` on; the due count for each of the next `days` days
  // (overdue in the first); true retention per `periodDays` for `periods` periods back;
  // right answers per item; the latest sessions.
  std::vector<DayActivity> Activity(std::int64_t profile, std::int64_t fromDay);
  std::vector<std::int64_t> DueForecast(std::int64_t profile, srs::TimeMs now, int days, srs::StudyDay day = {});
  std::vector<PeriodRetention> RetentionHistory(std::int64_t profile, srs::TimeMs now, int periodDays, int periods,
                                                srs::StudyDay day = {});
  std::vector<ItemAccuracy> Accuracy(std::int64_t profile);
  std::vector<SessionRecord> Sessions(std::int64_t profile, size_t limit = 50);

  // The current and longest day streaks, from the per-day counts (fast: for the home screen).
  std::pair<int, int> Streaks(std::int64_t profile, srs::TimeMs now, srs::StudyDay day = {});
  // The review log as CSV (header first), for one profile or all (profile 0).
  StoreStatus ExportReviewsCsv(std::int64_t profile, const std::filesystem::path& file);

  // Backups: a consistent copy of the whole store.
  StoreStatus BackupTo(const std::filesystem::path& file);
  // Open starts the daily backup on a thread of its own, with its own read connection, so the
  // window does not wait for it (it reads the whole store); the copy begins 2 s later, once
  // the window is up. This starts it at once if it has not begun, and waits until it is done.
  void WaitForBackup();
  // What went wrong with that backup, once (for the app to tell the learner); nullopt when
  // nothing did or it has not finished.
  std::optional<std::string> TakeBackupProblem();
  std::optional<std::filesystem::path> LatestBackup() const;
  // Replaces the store in `dataDir` with `backup` after checking it; the current store is
  // first saved as a backup itself. Fails while another FactDeck holds the folder.
  static StoreStatus Restore(const std::filesystem::path& dataDir, const std::filesystem::path& backup,
                             srs::TimeMs now);

  // Tests fill the store with SQLite's page limit, which fails writes exactly as a full
  // disk does (SQLITE_FULL). 0 lifts the limit.
  void LimitPagesForTesting(std::int64_t pages);

private:
  ProfileStore(std::filesystem::path dataDir, int lockFd, std::unique_ptr<sql::Database> db);
  template <typename F> StoreStatus Write(const char* what, F&& body);

  // The daily backup: decides on the calling thread whether one is due today, then copies
  // on m_backup. Never touches m_db from the other thread.
  void StartDailyBackup(srs::TimeMs now, srs::StudyDay day);
  std::optional<std::filesystem::path> DueBackup(srs::TimeMs now, srs::StudyDay day);
  void PruneBackups();

  std::filesystem::path m_dataDir;
  srs::StudyDay m_day;
  std::thread m_backup;
  std::mutex m_backupMutex;
  std::condition_variable m_backupWake;
  bool m_backupNow = false; // start the copy without waiting (someone waits for it)
  std::string m_backupProblem;
  std::atomic<bool> m_backupProblemSet{false};
  int m_lockFd = -1;
  std::unique_ptr<sql::Database> m_db;
};

// "damaged" for SQLite's corrupt and not-a-database codes, "full" for a full disk, etc.:
// a sentence for the learner about a failed write.
std::string DescribeStoreError(int sqliteCode, const std::string& detail);

} // namespace factdeck
