// The application state the screens draw from: what the program knows (decks, learners,
// the run in progress, the match, the live room).
//
// Screens read it and never change it: they post an Intent (intents.h), and ApplyIntents()
// changes the state between frames. That keeps every change in one place, testable without
// a window. What belongs to a widget (text being typed, a selection, an animation) lives in
// the UI's own structs (app/ui/widget_state.h), not here.
#pragma once

#include <array>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/app/deck_library.h"
#include "core/app/exams.h"
#include "core/app/intents.h"
#include "core/store/profile_store.h"
#include "core/app/stats_view.h"
#include "core/games/quiz_session.h"
#include "core/games/study_session.h"
#include "core/games/timeline_game.h"
#include "core/games/classroom.h"
#include "core/net/live_server.h"
#include "core/app/settings.h"
#include "core/edit/edit_session.h"

namespace factdeck {

inline constexpr Screen kAllScreens[] = {Screen::Home,      Screen::Study,  Screen::Timeline,
                                         Screen::Classroom, Screen::Live,   Screen::Stats,
                                         Screen::Settings,  Screen::Import, Screen::Editor};

// Stable lower-case names, as used by --screen and in test item paths.
const char* ScreenName(Screen screen);
std::optional<Screen> ScreenFromName(std::string_view name);

// The question screen's state: the deck and the run (study, practice or exam).
struct StudyState {
  std::shared_ptr<const Deck> deck;
  std::unique_ptr<QuestionRun> session;
  StudySession* study = nullptr; // the same run, when it is a study session
  QuizSession* quiz = nullptr;   // the same run, when it is a practice quiz or an exam
  std::uint64_t shownSerial = 0; // changes whenever a new question is shown (AppState::shownCount)
  srs::TimeMs shownAt = 0;       // when the current question appeared, for the response time
  size_t shownPosition = 0;      // the question the fields below belong to
  bool revealed = false;         // a flashcard's back is showing
  std::vector<int> chosen;       // the options the learner answered
};

// The import preview's state: a file read as asked, what it gave and what it left out.
struct ImportPreviewState {
  std::filesystem::path path;
  FileReading reading;     // as asked (its table reading Auto: as FactDeck finds it)
  bool justOpened = false; // opened by path for this preview: leaving it forgets the deck
  std::string fileKind;    // "a CSV file", "a spreadsheet", "an Anki package"
  std::string title;
  DeckSummary summary;
  std::optional<TableShape> shape;                    // a file of rows: how it was read, its first rows
  std::vector<Question> sample;                       // the first items as a student meets them
  std::vector<std::string> errors, skipped, warnings; // formatted; skipped: the rows left out
  std::string notice;                                 // DeckLoad::notice
};

// The deck editor's state: the file being edited and what the screen shows about it.
struct EditorState {
  std::unique_ptr<edit::EditSession> session;
  std::ptrdiff_t selected = -1; // index into the session's items
  // Changes whenever the selected item's text may have changed (an edit, undo, a reload):
  // the screen fills its fields again.
  std::uint64_t revision = 0;
  std::string message; // the last outcome ("Saved deck.toml", why not)
  bool messageIsProblem = false;
  bool conflict = false;               // a save found the file changed by another program
  std::vector<std::string> lost;       // edits a merge could not make again
  bool saved = false;                  // saved at least once: the library is read again on leaving
  std::vector<QuestionReport> reports; // learners' reports on this deck, newest first
};

struct AppState {
  Screen screen = Screen::Home;
  Settings settings;
  std::filesystem::path dataDir;    // where settings and progress live
  std::vector<std::string> notices; // problems to show the user (bad settings file, ...)
  // What was done as asked ("Report saved: FILE"): shown as done, until the screen changes.
  std::vector<std::string> confirmations;
  std::vector<DeckEntry> decks;        // listed on the home screen
  std::unique_ptr<ProfileStore> store; // the learners' progress; null when it cannot be used
  std::int64_t profile = 0;            // the learner studying now
  std::unique_ptr<StudyState> study;   // while a study session is open
  std::unique_ptr<StatsView> stats;    // read when the stats screen opens
  struct TimelineState {
    std::shared_ptr<const Deck> deck;
    std::unique_ptr<TimelineGame> game;
  };
  std::unique_ptr<TimelineState> timeline;
  struct ClassroomState {
    size_t deckIndex = 0;
    std::shared_ptr<const Deck> deck;
    // The match, and what the screen shows between questions.
    std::unique_ptr<ClassroomMatch> match;
    bool showingLeaderboard = false, saved = false;
    std::vector<int> previousRanks; // before the last question, for the rank animation
    std::string saveMessage;
    std::vector<MatchSummary> history; // earlier matches, read when the screen opens and after each match
    std::vector<size_t> kindCounts;    // items the deck has for each of kClassroomKinds
    std::string setupMessage;          // why a match could not start
    std::string tagHint;               // TagHint of the deck
  };
  std::unique_ptr<ClassroomState> classroom;
  struct LiveState {
    std::shared_ptr<const Deck> deck;
    LiveOptions options;                      // from the classroom set-up
    bool hideLeaderboard = false;             // from the classroom set-up: standings only at the end
    std::vector<NetworkInterface> interfaces; // where phones may reach the room
    size_t interfaceIndex = 0;                // the one the room was last opened on
    int port = kDefaultLivePort;              // likewise
    std::shared_ptr<LiveRoom> room;           // while a room is open
    std::unique_ptr<LiveServer> server;
    std::string url, error, saveMessage;
    QrCode qr; // of url
    bool saved = false, showingLeaderboard = false;
    std::map<int, float> placeBefore; // player id -> place (0-based) before the last question, for the animation
    std::set<int> recorded;           // players whose answers went into a learner's study after the end
    ~LiveState() {
      if (server) server->Stop();
    }
  };
  std::unique_ptr<LiveState> live;
  std::unique_ptr<ImportPreviewState> preview;        // while the import preview is open
  std::unique_ptr<EditorState> editor;                // while the deck editor is open
  std::vector<DeckProgress> progress;                 // per deck id, for the home screen (RefreshProgress)
  std::vector<ProfileInfo> profiles;                  // the learners, for the switcher
  std::filesystem::path launchDeck;                   // the deck given on the command line (listed first)
  int streak = 0;                                     // the learner's current day streak
  std::map<std::string, std::int64_t> historyBrought; // deck id -> reviews brought from its file's history
  ExamPlanning exams;                                 // the learner's exams planned (RefreshProgress)
  std::string examsKey;           // what `exams` was planned from (RefreshExams plans again when it changes)
  std::uint64_t libraryReads = 0; // ReloadLibrary's count: a deck read again may have changed
  std::function<srs::TimeMs()> clock = srs::WallClockNow; // tests set their own
  // The characters the window's fonts draw (set by the UI when it builds them; unset: any).
  // Names shown on the projector (players', teams') must draw whole.
  std::function<bool(char32_t)> canDraw;
  bool quitRequested = false;
  std::uint64_t shownCount = 0; // questions shown so far (StudyState::shownSerial)
  std::vector<Intent> intents;  // posted by screens during a frame

  void Post(Intent intent) { intents.push_back(std::move(intent)); }
  std::filesystem::path SettingsFile() const { return dataDir / "settings.toml"; }
  // The learner's own decks folder: every deck file in it is listed on the home screen.
  std::filesystem::path UserDecksDir() const { return dataDir.empty() ? dataDir : dataDir / "decks"; }
  // Projector mode as drawn now: everywhere when the settings say so, else on the classroom
  // and live-game screens when the classroom set-up turned it on.
  bool ProjectorOn() const {
    return settings.projector ||
           (settings.classroomProjector && (screen == Screen::Classroom || screen == Screen::Live));
  }
};

// What ApplyIntents changed that the window must react to.
struct AppliedChanges {
  bool appearanceChanged = false; // theme, scale or font size: rebuild fonts and style
  bool settingsChanged = false;   // save settings
};

// The state a new window starts with: settings from `dataDir` (each problem with the
// settings file becomes a notice), the progress store (its problems become notices too;
// without it FactDeck still runs, saying that progress will not be saved) and the deck
// library (`deck` when given, the decks opened before, the bundled ones, the learner's
// decks folder). Never throws.
// `open` are the decks a file manager or the command line passes (`factdeck FILE...`,
// `--deck`): each is remembered as the Open box does, the first listed first, and the
// settings saved at once; the first is the launch deck (the sample screens' deck).
AppState LoadAppState(const std::filesystem::path& dataDir, const std::filesystem::path& deck = {},
                      const std::vector<std::filesystem::path>& open = {});

// Remembers a deck opened by path (Settings::openedDecks, newest first), its path made
// absolute ("~/" expanded); a path that is no file becomes a notice and nullopt. The caller
// saves the settings and lists the decks again.
std::optional<std::filesystem::path> RememberOpenedDeck(AppState& state, std::filesystem::path path);

// Reads the home screen's figures from the store: progress per deck, the day streak, the
// exams' plan.
void RefreshProgress(AppState& state);
// Plans the learner's exams again (AppState::exams) on the listed decks.
void RefreshExams(AppState& state);
// Lists the decks again: the one given on the command line, those opened (Settings::
// openedDecks), the bundled ones and the learner's decks folder; then RefreshProgress.
void ReloadLibrary(AppState& state);
// Reads the stats screen's figures (StatsView) from the store.
void OpenStats(AppState& state);

// Ends a live game in progress (one that has started), saves it, and stops its server:
// "Close the room", and when the window closes.
void CloseLiveRoom(AppState& state);

// Applies and clears the posted intents.
AppliedChanges ApplyIntents(AppState& state);

} // namespace factdeck
