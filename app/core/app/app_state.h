// The application state the screens draw from, and the intents they post back.
//
// Screens never change state directly: they post an Intent, and ApplyIntents() changes
// the state between frames. That keeps every change in one place, testable without a
// window.
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
#include <variant>
#include <vector>

#include "core/app/deck_library.h"
#include "core/store/profile_store.h"
#include "core/app/stats_view.h"
#include "core/games/quiz_session.h"
#include "core/games/study_session.h"
#include "core/games/timeline_game.h"
#include "core/games/classroom.h"
#include "core/net/live_server.h"
#include "core/app/settings.h"

namespace factdeck {

enum class Screen { Home, Study, Timeline, Classroom, Live, Stats, Settings };

inline constexpr Screen kAllScreens[] = {Screen::Home,      Screen::Study, Screen::Timeline,
                                         Screen::Classroom, Screen::Live, Screen::Stats, Screen::Settings};

// Stable lower-case names, as used by --screen and in test item paths.
const char* ScreenName(Screen screen);
std::optional<Screen> ScreenFromName(std::string_view name);
// The names of all screens, comma-separated, for help and error messages.
std::string ScreenNames();

struct GoToScreen {
  Screen screen;
};
struct ChangeSettings {
  Settings settings;
};
struct DismissNotice {
  size_t index;
};
struct Quit {};
// Study: start on a listed deck, answer, go on.
struct StartStudy {
  size_t deck;  // index into AppState::decks
};
struct StartQuiz {
  size_t deck;
  QuizOptions options;
};
struct StudyChoose {
  int option;
};
struct StudyOrder {
  std::vector<int> order;  // option indices, earliest first
};
struct StudyTypeYear {
  std::string text;
};
struct StudyReveal {};
struct StudyGrade {
  srs::Rating rating;
};
struct StudyNext {};
struct StudyTick {};
// Classroom: set up a match on a deck, play it, look back at earlier ones.
struct OpenClassroom {
  size_t deck;
};
struct StartMatch {};
struct ClassroomBuzz {
  std::vector<size_t> teams;  // pressed in the same frame
};
struct ClassroomAnswer {
  int option;
};
struct ClassroomNext {};   // from the answer to the leaderboard, or on to the next question
struct ClassroomTick {};
struct ExportMatch {};
// Live: phones join a room over the network; set up from the classroom set-up.
struct OpenLive {};     // the live screen for the classroom's deck and set-up (a room already open stays)
struct OpenLiveRoom {};  // start serving on the chosen interface and port
enum class LiveStep { Start, Reveal, Next, End, Close, Export };
struct LiveControl {
  LiveStep step;
};
struct LiveKick {
  int player;
};
struct LiveLink {
  int player;
  std::int64_t profile;  // 0 unlinks
};
struct StartTimeline {
  size_t deck;
};
struct TimelinePlace {
  size_t slot;  // before this timeline position
};  // a quiz's timer: time may have run out
struct ExportQuizReport {
  bool html;  // else CSV
};
// Learners on this machine, and decks opened from a path or dropped on the window.
struct SwitchProfile {
  std::int64_t profile;
};
struct CreateProfile {
  std::string name;
};
struct RenameProfile {
  std::int64_t profile;
  std::string name;
};
struct DeleteProfile {
  std::int64_t profile;
};
struct OpenDeck {
  std::filesystem::path path;
};
using Intent = std::variant<GoToScreen, ChangeSettings, DismissNotice, Quit, StartStudy, StartQuiz, StudyChoose, StudyOrder,
                            StudyTypeYear, StudyReveal, StudyGrade, StudyNext, StudyTick, ExportQuizReport, StartTimeline, TimelinePlace, OpenClassroom, StartMatch, ClassroomBuzz,
                            ClassroomAnswer, ClassroomNext, ClassroomTick, ExportMatch, OpenLive, OpenLiveRoom, LiveControl, LiveKick, LiveLink, SwitchProfile, CreateProfile,
                            RenameProfile, DeleteProfile, OpenDeck>;

// The question screen's state: the deck and the run (study, practice or exam).
struct StudyState {
  std::shared_ptr<const Deck> deck;
  std::unique_ptr<QuestionRun> session;
  StudySession* study = nullptr;  // the same run, when it is a study session
  QuizSession* quiz = nullptr;    // the same run, when it is a practice quiz or an exam
  srs::TimeMs shownAt = 0;     // when the current question appeared, for the response time
  size_t shownPosition = 0;    // the question the fields below belong to
  bool revealed = false;       // a flashcard's back is showing
  std::vector<int> order;      // the ordering the learner is building
  int selected = 0;            // the ordering item the arrow keys move
  int chosen = -1;             // the option the learner picked
  std::array<char, 32> typed{};  // a typed year being written
  bool focusInput = false;     // put the keyboard in the year field
};

struct AppState {
  Screen screen = Screen::Home;
  Settings settings;
  std::filesystem::path dataDir;      // where settings and progress live
  std::vector<std::string> notices;   // problems to show the user (bad settings file, ...)
  std::vector<DeckEntry> decks;       // listed on the home screen
  std::unique_ptr<ProfileStore> store;  // the learners' progress; null when it cannot be used
  std::int64_t profile = 0;           // the learner studying now
  std::unique_ptr<StudyState> study;  // while a study session is open
  std::unique_ptr<StatsView> stats;   // read when the stats screen opens
  struct TimelineState {
    std::shared_ptr<const Deck> deck;
    std::unique_ptr<TimelineGame> game;
    size_t slot = 0;  // where the arrow keys put the marker
  };
  std::unique_ptr<TimelineState> timeline;
  struct ClassroomState {
    size_t deckIndex = 0;
    std::shared_ptr<const Deck> deck;
    // The set-up.
    int teamCount = 3;
    std::array<std::array<char, 32>, 8> names{};
    std::array<std::array<float, 3>, 8> colours{};  // RGB 0..1, set when the screen first opens
    ClassroomMode mode = ClassroomMode::Buzzer;
    ClassroomScoring scoring = ClassroomScoring::Speed;
    int questions = 10, seconds = 20;
    bool streakBonus = true, hideLeaderboard = false;
    std::array<bool, 4> kinds{true, true, true, true};  // multiple choice, reverse, when, which first
    std::array<char, 256> tags{};                       // space- or comma-separated; empty: all
    // The match, and what the screen shows between questions.
    std::unique_ptr<ClassroomMatch> match;
    bool showingLeaderboard = false, saved = false;
    std::vector<int> previousRanks;  // before the last question, for the rank animation
    double rankChangedAt = 0.0;      // platform seconds, set by the screen
    std::string saveMessage;
    std::vector<MatchSummary> history;  // earlier matches, read when the screen opens and after each match
  };
  std::unique_ptr<ClassroomState> classroom;
  struct LiveState {
    std::shared_ptr<const Deck> deck;
    LiveOptions options;                       // from the classroom set-up
    bool hideLeaderboard = false;              // from the classroom set-up: standings only at the end
    std::vector<NetworkInterface> interfaces;  // where phones may reach the room
    int interfaceIndex = 0, port = 8765;
    std::shared_ptr<LiveRoom> room;            // while a room is open
    std::unique_ptr<LiveServer> server;
    std::string url, error, saveMessage;
    QrCode qr;                                 // of url
    bool saved = false, showingLeaderboard = false;
    std::map<int, float> placeBefore;  // player id -> place (0-based) before the last question, for the animation
    double rankChangedAt = 0.0;        // platform seconds, set by the screen
    std::set<int> recorded;  // players whose answers went into a learner's study after the end
    ~LiveState() {
      if (server) server->Stop();
    }
  };
  std::unique_ptr<LiveState> live;
  std::vector<DeckProgress> progress; // per deck id, for the home screen (RefreshProgress)
  std::vector<ProfileInfo> profiles;  // the learners, for the switcher
  std::vector<std::filesystem::path> openedDecks;  // decks opened this run, beyond the bundled ones
  // What the home screen's text fields hold.
  struct HomeFields {
    std::array<char, 1024> deckPath{};
    std::array<char, 64> profileName{};
    // The practice and exam set-up.
    int count = 10, secondsPerQuestion = 0, examMinutes = 10;
    std::array<bool, 7> kinds{true, true, true, true, true, true, true};  // AllQuestionKinds order
    std::array<char, 256> tags{};  // space- or comma-separated
    bool streakBonus = true;
  } home;
  int streak = 0;                     // the learner's current day streak
  std::function<srs::TimeMs()> clock = WallClockNow;  // tests set their own
  bool quitRequested = false;
  std::vector<Intent> intents;        // posted by screens during a frame

  void Post(Intent intent) { intents.push_back(std::move(intent)); }
  std::filesystem::path SettingsFile() const { return dataDir / "settings.toml"; }
};

// What ApplyIntents changed that the window must react to.
struct AppliedChanges {
  bool appearanceChanged = false;  // theme, scale or font size: rebuild fonts and style
  bool settingsChanged = false;    // save settings
};

// The state a new window starts with: settings from `dataDir` (each problem with the
// settings file becomes a notice), the progress store (its problems become notices too;
// without it FactDeck still runs, saying that progress will not be saved) and the deck
// library (bundled decks, then `deck` when given). Never throws.
AppState LoadAppState(const std::filesystem::path& dataDir, const std::filesystem::path& deck = {});

// Reads the home screen's figures from the store: progress per deck, the day streak.
void RefreshProgress(AppState& state);
// Reads the stats screen's figures (StatsView) from the store.
void OpenStats(AppState& state);

// Fills the store with `days` days of simulated study of the first deck (about four answers
// in five right), for screenshots of a learner with history. Only into an empty store.
void SimulateStudy(AppState& state, int days, std::uint64_t seed);

// The screens --screen can start on, with sample state for the game screens: home, study,
// practice, exam, ordering (a practice of ordering questions), timeline, classroom (the
// set-up), classroom-question, classroom-leaderboard and classroom-podium (a sample
// four-team match at that stage), stats, settings.
const std::vector<std::string>& StartScreenNames();
// Opens `name` (one of StartScreenNames), starting a run on the first deck that loads for
// the game screens. False for an unknown name.
bool StartOnScreen(AppState& state, std::string_view name);

// Ends a live game in progress (one that has started), saves it, and stops its server:
// "Close the room", and when the window closes.
void CloseLiveRoom(AppState& state);

// Applies and clears the posted intents.
AppliedChanges ApplyIntents(AppState& state);

} // namespace factdeck
