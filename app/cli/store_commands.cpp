// The profile store from the command line: factdeck stats, export, backup, restore, reports.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/store_access.h"
#include "core/app/settings.h"
#include "core/base/iso_time.h"
#include "core/base/paths.h"
#include "core/store/profile_store.h"

namespace factdeck::cli {

srs::TimeMs Now() { return srs::WallClockNow(); }

std::filesystem::path DataDir(const StoreOptions& o) {
  return o.dataDir->empty() ? DefaultDataDir() : std::filesystem::path(*o.dataDir);
}

srs::StudyDay LearnerDay(const StoreOptions& o) {
  return srs::LocalStudyDay(LoadSettings(DataDir(o) / "settings.toml").settings.dayStartHour);
}

std::unique_ptr<ProfileStore> OpenStore(const StoreOptions& o) {
  auto opened = ProfileStore::Open(DataDir(o), Now(), LearnerDay(o));
  for (const std::string& notice : opened.notices)
    std::cerr << "factdeck: " << notice << '\n';
  if (!opened.store) {
    std::cerr << "factdeck: error: " << opened.error << '\n';
    return nullptr;
  }
  // A command is over in a moment: it waits for the daily backup and says how it went.
  opened.store->WaitForBackup();
  if (auto problem = opened.store->TakeBackupProblem()) std::cerr << "factdeck: " << *problem << '\n';
  return std::move(opened.store);
}

std::int64_t ProfileOf(ProfileStore& store, const StoreOptions& o) {
  if (o.profile.empty()) return store.DefaultProfile();
  if (auto id = store.FindProfile(o.profile)) return *id;
  std::cerr << "factdeck: error: no profile named '" << o.profile << "'; profiles:";
  for (const ProfileInfo& p : store.Profiles())
    std::cerr << " '" << p.name << "'";
  std::cerr << '\n';
  return 0;
}

namespace {

int RunStats(const StoreOptions& o) {
  auto store = OpenStore(o);
  if (!store) return 1;
  const std::int64_t profile = ProfileOf(*store, o);
  if (profile == 0) return 1;
  const srs::TimeMs now = Now();
  StoreStats s = store->Stats(profile, now, srs::LocalStudyDay());
  std::string name;
  for (const ProfileInfo& p : store->Profiles())
    if (p.id == profile) name = p.name;
  if (o.json) {
    nlohmann::ordered_json out = {
        {"profile", name},
        {"answers", {{"total", s.answers}, {"today", s.answersToday}, {"last_30_days", s.answersLast30Days}}},
        {"card_reviews", {{"total", s.cardReviews}, {"today", s.cardReviewsToday}}},
        {"retention_last_30_days", s.reviewedLast30Days > 0 ? nlohmann::json(s.retentionLast30Days) : nlohmann::json()},
        {"retention_reviews", s.reviewedLast30Days},
        {"streak", {{"current", s.currentStreak}, {"longest", s.longestStreak}}},
        {"cards", {{"total", s.cards}, {"new", s.newCards}, {"learning", s.learningCards}, {"review", s.reviewCards}}},
        {"due_forecast", s.dueForecast}};
    std::cout << out.dump(2) << '\n';
    return 0;
  }
  std::cout << "Profile: " << name << '\n'
            << "Answers: " << s.answers << " in all, " << s.answersToday << " today, " << s.answersLast30Days
            << " in the last 30 days\n"
            << "Card reviews: " << s.cardReviews << " in all (an ordering reviews each of its events' cards), "
            << s.cardReviewsToday << " today\n"
            << "Retention (last 30 days): ";
  if (s.reviewedLast30Days > 0)
    std::cout << static_cast<int>(s.retentionLast30Days * 1000 + 0.5) / 10.0 << " % of " << s.reviewedLast30Days
              << " reviews\n";
  else
    std::cout << "no reviews of learned cards yet\n";
  std::cout << "Streak: " << s.currentStreak << (s.currentStreak == 1 ? " day" : " days") << " (longest "
            << s.longestStreak << ")\n"
            << "Cards: " << s.cards << " (" << s.newCards << " new, " << s.learningCards << " learning, "
            << s.reviewCards << " in review)\n"
            << "Due:";
  static const char* kDays[] = {"today", "tomorrow", "in 2 days", "in 3 days", "in 4 days", "in 5 days", "in 6 days"};
  for (size_t d = 0; d < s.dueForecast.size(); ++d)
    std::cout << (d ? ", " : " ") << s.dueForecast[d] << ' ' << kDays[d];
  std::cout << '\n';
  return 0;
}

int RunExport(const StoreOptions& o) {
  auto store = OpenStore(o);
  if (!store) return 1;
  const std::int64_t profile = o.profile.empty() ? 0 : ProfileOf(*store, o);
  if (!o.profile.empty() && profile == 0) return 1;
  StoreStatus done = store->ExportReviewsCsv(profile, o.file);
  if (!done) {
    std::cerr << "factdeck: error: " << done.message << '\n';
    return 1;
  }
  std::cout << "wrote " << o.file << ": " << done.id << (done.id == 1 ? " review\n" : " reviews\n");
  return 0;
}

int RunBackup(const StoreOptions& o) {
  auto store = OpenStore(o);
  if (!store) return 1;
  std::string stamp = FormatIsoTime(Now());
  std::filesystem::path file = o.file.empty()
                                   ? store->BackupDir() / ("manual-" + stamp.substr(0, 10) + "-" + stamp.substr(11, 2) +
                                                           stamp.substr(14, 2) + stamp.substr(17, 2) + ".db")
                                   : std::filesystem::path(o.file);
  std::error_code ec;
  if (std::filesystem::exists(file, ec)) {
    std::cerr << "factdeck: error: " << file.string() << " already exists\n";
    return 1;
  }
  StoreStatus done = store->BackupTo(file);
  if (!done) {
    std::cerr << "factdeck: error: " << done.message << '\n';
    return 1;
  }
  std::cout << "backed up to " << file.string() << '\n';
  return 0;
}

int RunRestore(const StoreOptions& o) {
  StoreStatus done = ProfileStore::Restore(DataDir(o), o.file, Now());
  if (!done) {
    std::cerr << "factdeck: error: " << done.message << '\n';
    return 1;
  }
  std::cout << "restored " << o.file << "; the store it replaced is in " << (DataDir(o) / "backups").string()
            << " (before-restore-...)\n";
  return 0;
}

// The questions learners reported, newest first, as they were shown: for a deck's author.
int RunReports(const StoreOptions& o) {
  auto store = OpenStore(o);
  if (!store) return 1;
  const std::vector<QuestionReport> reports = store->Reports(o.deck);
  if (o.json) {
    nlohmann::ordered_json out = nlohmann::json::array();
    for (const QuestionReport& r : reports)
      out.push_back({{"time", FormatIsoTime(r.time)},
                     {"learner", r.learner},
                     {"deck", r.deck},
                     {"deck_version", r.deckVersion},
                     {"item", r.item},
                     {"kind", srs::QuestionKindName(r.kind)},
                     {"mode", r.mode},
                     {"reason", ReportReasonName(r.reason)},
                     {"note", r.note},
                     {"question", r.prompt},
                     {"options", r.options},
                     {"answer", r.answer},
                     {"source", r.source}});
    std::cout << out.dump(2) << '\n';
    return 0;
  }
  if (reports.empty()) {
    std::cout << "No questions reported" << (o.deck.empty() ? "" : " in " + o.deck) << ".\n";
    return 0;
  }
  for (const QuestionReport& r : reports) {
    std::cout << FormatIsoTime(r.time).substr(0, 16) << "  " << r.deck << " / " << r.item << "  ("
              << srs::QuestionKindName(r.kind) << ", " << r.mode << ", " << r.learner << ")\n"
              << "  " << ReportReasonLabel(r.reason) << (r.note.empty() ? "" : ": " + r.note) << '\n'
              << "  Q: " << r.prompt << '\n';
    for (size_t i = 0; i < r.options.size(); ++i)
      std::cout << "     " << static_cast<char>('A' + std::min<size_t>(i, 25)) << ") " << r.options[i] << '\n';
    std::cout << "  Answer: " << r.answer << '\n';
    if (!r.source.empty()) std::cout << "  Source: " << r.source << '\n';
    std::cout << '\n';
  }
  std::cout << reports.size() << (reports.size() == 1 ? " report" : " reports") << '\n';
  return 0;
}

} // namespace

void RegisterStoreCommands(CLI::App& app, CommandList& commands, const std::string& dataDir) {
  auto stats = std::make_shared<StoreOptions>();
  stats->dataDir = &dataDir;
  CLI::App* statsCommand = app.add_subcommand("stats", "Reviews, retention, streaks and the due forecast");
  statsCommand->add_option("--profile", stats->profile, "Whose stats (default: the first profile)")->type_name("NAME");
  statsCommand->add_flag("--json", stats->json, "Print JSON");
  commands.push_back({statsCommand, [stats] { return RunStats(*stats); }});

  auto exported = std::make_shared<StoreOptions>();
  exported->dataDir = &dataDir;
  CLI::App* exportCommand = app.add_subcommand("export", "Write the review log");
  exportCommand->add_option("--csv", exported->file, "The CSV file to write")->required()->type_name("FILE");
  exportCommand->add_option("--profile", exported->profile, "Only this learner's reviews")->type_name("NAME");
  commands.push_back({exportCommand, [exported] { return RunExport(*exported); }});

  auto backup = std::make_shared<StoreOptions>();
  backup->dataDir = &dataDir;
  CLI::App* backupCommand = app.add_subcommand("backup", "Copy the progress store to a file");
  backupCommand->add_option("FILE", backup->file, "Where to write (default: DATA_DIR/backups/manual-DATE-TIME.db)")
      ->type_name("FILE");
  commands.push_back({backupCommand, [backup] { return RunBackup(*backup); }});

  auto restore = std::make_shared<StoreOptions>();
  restore->dataDir = &dataDir;
  CLI::App* restoreCommand =
      app.add_subcommand("restore", "Replace the progress store with a backup (the current one is kept)");
  restoreCommand->add_option("FILE", restore->file, "The backup")->required()->type_name("FILE");
  commands.push_back({restoreCommand, [restore] { return RunRestore(*restore); }});

  auto reports = std::make_shared<StoreOptions>();
  reports->dataDir = &dataDir;
  CLI::App* reportsCommand =
      app.add_subcommand("reports", "The questions learners reported (wrong, two right answers, unclear, a typo)");
  reportsCommand->add_option("--deck", reports->deck, "Only this deck's reports")->type_name("ID");
  reportsCommand->add_flag("--json", reports->json, "Print JSON");
  commands.push_back({reportsCommand, [reports] { return RunReports(*reports); }});
}

} // namespace factdeck::cli
