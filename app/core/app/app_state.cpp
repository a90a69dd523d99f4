// The app state's life: loading it, the figures the home and stats screens read, the
// helpers the handlers share, and ApplyIntents, which hands each intent to its handler.
#include "core/app/app_state.h"
#include "core/import/deck_file.h"

#include <algorithm>
#include <type_traits>

#include "core/app/reducer.h"
#include "core/base/atomic_file.h"
#include "core/base/iso_time.h"
#include "core/base/paths.h"
#include "core/base/text.h"

namespace factdeck {

const char* ScreenName(Screen screen) {
  switch (screen) {
  case Screen::Home: return "home";
  case Screen::Study: return "study";
  case Screen::Timeline: return "timeline";
  case Screen::Classroom: return "classroom";
  case Screen::Live: return "live";
  case Screen::Stats: return "stats";
  case Screen::Settings: return "settings";
  case Screen::Import: return "import";
  case Screen::Editor: return "editor";
  }
  return "home";
}

std::optional<Screen> ScreenFromName(std::string_view name) {
  for (Screen screen : kAllScreens)
    if (name == ScreenName(screen)) return screen;
  return std::nullopt;
}

ClassroomSetup DefaultClassroomSetup(size_t teams) {
  ClassroomSetup setup;
  for (size_t i = 0; i < std::clamp<size_t>(teams, 2, kMaxClassroomTeams); ++i)
    setup.teams.push_back({"Team " + std::to_string(i + 1), kClassroomTeamColours[i]});
  return setup;
}

AppState LoadAppState(const std::filesystem::path& dataDir, const std::filesystem::path& deck,
                      const std::vector<std::filesystem::path>& open) {
  AppState state;
  state.dataDir = dataDir;
  LoadedSettings loaded = LoadSettings(state.SettingsFile());
  state.settings = loaded.settings;
  state.notices = std::move(loaded.warnings);
  ProfileStore::Opened opened =
      ProfileStore::Open(dataDir, srs::WallClockNow(), srs::LocalStudyDay(state.settings.dayStartHour));
  for (std::string& notice : opened.notices)
    state.notices.push_back(std::move(notice));
  if (opened.store) {
    state.store = std::move(opened.store);
    state.profile = state.store->DefaultProfile();
  } else {
    state.notices.push_back("Progress will not be saved: " + opened.error);
  }
  state.launchDeck = deck;
  // Decks passed to open are remembered before the library is read, once, with them.
  bool remembered = false;
  std::filesystem::path firstNew;          // the first given, when it was not opened before
  for (size_t i = open.size(); i-- > 0;) { // the first given ends up first
    const auto before = state.settings.openedDecks;
    if (auto path = RememberOpenedDeck(state, open[i])) {
      remembered = true;
      if (i == 0 && deck.empty()) state.launchDeck = *path; // listed once all the same
      if (i == 0 && std::find(before.begin(), before.end(), path->string()) == before.end()) firstNew = *path;
    }
  }
  if (remembered && !dataDir.empty())
    if (std::string error = SaveSettings(state.SettingsFile(), state.settings); !error.empty())
      state.notices.push_back("Settings not saved: " + error);
  std::error_code ec;
  if (!dataDir.empty()) std::filesystem::create_directories(state.UserDecksDir(), ec);
  ReloadLibrary(state);
  // A file of rows or an Anki package opened for the first time starts on how it is read.
  if (!firstNew.empty()) reducer::PreviewJustOpened(state, firstNew);
  return state;
}

std::optional<std::filesystem::path> RememberOpenedDeck(AppState& state, std::filesystem::path path) {
  // "~/decks/x.csv" and relative paths are made absolute, so the deck is found again at the
  // next start whatever the working directory.
  const std::string text = path.string();
  if (text.rfind("~/", 0) == 0)
    if (auto home = ProcessEnv("HOME")) path = std::filesystem::path(*home) / text.substr(2);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    state.notices.push_back("Cannot open " + path.string() + ": not a file");
    return std::nullopt;
  }
  path = std::filesystem::absolute(path, ec).lexically_normal();
  // Remembered across restarts, the newest first.
  auto& opened = state.settings.openedDecks;
  opened.erase(std::remove(opened.begin(), opened.end(), path.string()), opened.end());
  opened.insert(opened.begin(), path.string());
  if (opened.size() > Settings::kMaxOpenedDecks) opened.resize(Settings::kMaxOpenedDecks);
  return path;
}

void ReloadLibrary(AppState& state) {
  std::vector<std::filesystem::path> opened;
  if (!state.launchDeck.empty()) opened.push_back(state.launchDeck);
  for (const std::string& path : state.settings.openedDecks)
    opened.emplace_back(path);
  std::map<std::string, FileReading> readings;
  for (const auto& [path, sheet] : state.settings.sheets)
    readings[path].sheet = sheet;
  for (const auto& [path, reading] : state.settings.readings)
    readings[path].table = reading;
  state.decks = LoadDeckLibrary(BundledDeckDirs(), opened, state.UserDecksDir(), readings);
  ++state.libraryReads;
  RefreshProgress(state);
}

void OpenStats(AppState& state) {
  if (!state.store) return;
  state.stats = std::make_unique<StatsView>(LoadStatsView(
      *state.store, state.profile, state.clock(), srs::LocalStudyDay(state.settings.dayStartHour), state.decks));
}

void RefreshProgress(AppState& state) {
  if (!state.store) return;
  state.profiles = state.store->Profiles();
  const srs::TimeMs now = state.clock();
  state.progress = state.store->Progress(state.profile, now);
  state.streak = state.store->Streaks(state.profile, now, srs::LocalStudyDay(state.settings.dayStartHour)).first;
  state.historyBrought.clear();
  for (const DeckEntry& entry : state.decks)
    if (entry.historyReviews > 0)
      state.historyBrought[entry.id] = state.store->HistoryReviewCount(state.profile, entry.id);
  RefreshExams(state);
}

namespace {

// Everything an exam plan depends on, so that coming back to the home screen plans again
// only when something changed: the store (reviews, exams, weights), the decks listed and
// read, the learner's settings, and the time to five minutes.
std::string ExamsKey(AppState& state, srs::TimeMs now) {
  const auto [writes, version] = state.store->ChangeStamp();
  std::string key = std::to_string(state.profile) + ' ' + std::to_string(writes) + ' ' + std::to_string(version) + ' ' +
                    std::to_string(state.libraryReads) + ' ' + std::to_string(state.settings.retention) + ' ' +
                    std::to_string(state.settings.dayStartHour) + ' ' + std::to_string(now / (5 * 60 * 1000));
  for (const DeckEntry& entry : state.decks)
    key += '\n' + entry.id + '\t' + entry.path.string() + '\t' + std::to_string(entry.errors.size());
  return key;
}

} // namespace

void RefreshExams(AppState& state) {
  if (!state.store) {
    state.exams = {};
    return;
  }
  const srs::TimeMs now = state.clock();
  std::string key = ExamsKey(state, now);
  if (key == state.examsKey) return;
  state.examsKey = std::move(key);
  state.exams = {};
  ExamPlanInput input;
  input.exams = state.store->Exams(state.profile);
  if (input.exams.empty()) return;
  input.deck = [&state](const std::string& id) -> std::shared_ptr<const Deck> {
    for (size_t i = 0; i < state.decks.size(); ++i)
      if (state.decks[i].id == id && state.decks[i].errors.empty()) return reducer::LoadListedDeck(state, i);
    return nullptr;
  };
  input.store = state.store.get();
  input.profile = state.profile;
  input.fsrs = reducer::LearnerFsrsParameters(state);
  input.day = srs::LocalStudyDay(state.settings.dayStartHour);
  input.now = now;
  state.exams = PlanExams(input);
}

namespace reducer {

std::shared_ptr<const Deck> LoadListedDeck(AppState& state, size_t index) {
  if (index >= state.decks.size()) return nullptr;
  const DeckEntry& entry = state.decks[index];
  DeckLoad load = LoadDeckFile(entry.path.string(), entry.reading);
  if (!load.Ok()) {
    state.notices.push_back("The deck could not be opened: " + load.diagnostics.front().Format());
    return nullptr;
  }
  return std::make_shared<const Deck>(std::move(load.deck));
}

srs::FsrsParameters LearnerFsrsParameters(const AppState& state) {
  srs::FsrsParameters parameters;
  // The learner's own weights when they chose a fit to their reviews.
  if (state.store && state.profile != 0)
    if (auto w = state.store->LearnerWeights(state.profile)) parameters.w = *w;
  parameters.retention = state.settings.retention;
  parameters.fuzz = true;
  return parameters;
}

srs::Fsrs LearnerFsrs(const AppState& state) { return srs::Fsrs(LearnerFsrsParameters(state)); }

QuestionRequest SetupRequest(const ClassroomSetup& setup, srs::TimeMs now) {
  QuestionRequest request;
  request.count = static_cast<size_t>(std::clamp(setup.questions, 1, 100));
  request.kinds = setup.kinds;
  request.tags = SplitTags(setup.tags);
  request.seed = static_cast<std::uint64_t>(now);
  return request;
}

void WriteReport(AppState& state, std::string_view what, std::string_view prefix, std::string_view deckId,
                 std::string_view extension, const std::string& text, srs::TimeMs now) {
  const std::string stamp = FormatIsoTime(now).substr(0, 19); // YYYY-MM-DDTHH:MM:SS
  const std::string name = std::string(prefix) + "-" + std::string(deckId) + "-" + stamp.substr(0, 10) + "-" +
                           stamp.substr(11, 2) + stamp.substr(14, 2) + stamp.substr(17, 2) + "." +
                           std::string(extension);
  const auto file = state.dataDir / "reports" / name;
  std::error_code ec;
  if (std::filesystem::exists(file, ec))
    state.notices.push_back(file.string() + " already exists: nothing was written");
  else if (std::string error = WriteFileAtomically(file, text); !error.empty())
    state.notices.push_back(error);
  else
    state.confirmations.push_back(std::string(what) + " saved: " + file.string());
}

} // namespace reducer

AppliedChanges ApplyIntents(AppState& state) {
  AppliedChanges changes;
  // The daily backup runs beside the window; a problem with it is told when it is known.
  if (state.store)
    if (auto problem = state.store->TakeBackupProblem()) state.notices.push_back(std::move(*problem));
  // Handlers may post further intents only for the next frame, so apply a copy.
  std::vector<Intent> intents;
  intents.swap(state.intents);
  reducer::Context context{state.clock(), changes};
  const bool projector = state.ProjectorOn();
  for (const Intent& intent : intents)
    std::visit([&](const auto& alternative) { reducer::Apply(state, alternative, context); }, intent);
  // Into or out of a classroom match in projector mode: the look changes with the screen.
  if (state.ProjectorOn() != projector) changes.appearanceChanged = true;
  return changes;
}

} // namespace factdeck
