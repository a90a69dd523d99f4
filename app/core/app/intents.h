// What the screens ask for: one struct per intent, grouped by feature. A screen posts an
// Intent (AppState::Post); ApplyIntents (app_state.h) hands each to its feature's handler
// between frames. Every alternative of `Intent` must have a handler (reducer.h): a new
// intent without one does not compile.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <variant>
#include <vector>

#include "core/app/settings.h"
#include "core/edit/deck_document.h"
#include "core/games/classroom.h"
#include "core/games/quiz_session.h"
#include "core/live/live_room.h"
#include "core/srs/fsrs.h"

namespace factdeck {

enum class Screen { Home, Study, Timeline, Classroom, Live, Stats, Settings, Import, Editor };

// [SECTION] Library: screens, settings, notices, learners, decks (library_intents.cpp)
struct GoToScreen {
  Screen screen;
};
struct ChangeSettings {
  Settings settings;
};
struct DismissNotice {
  size_t index;
  bool confirmation = false; // of AppState::confirmations, else of AppState::notices
};
struct Quit {};
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
// A deck opened from a path or dropped on the window.
struct OpenDeck {
  std::filesystem::path path;
};
struct ForgetDeck { // takes a deck opened by path off the home screen (the file stays)
  std::filesystem::path path;
};
// Copies a deck template ("quiz.csv", "term-list.csv", "chronology.csv", "typed-facts.toml")
// into the learner's decks folder under a name not yet taken, lists it and opens it in the
// editor to be filled in; an empty `file` makes an empty facts file titled `title`.
struct NewDeckFromTemplate {
  std::string file;
  std::string title = "New deck";
};
struct ReadDecksAgain {}; // every listed deck read from its file again (after editing one)
// Looks whether a listed deck's file (or the one being edited) was changed by another
// program, and reads it again when it was (posted when the window gets the focus, and
// every few seconds).
struct CheckDecksOnDisk {};
// Brings the review history an Anki package holds (DeckEntry::historyReviews) into the
// learner's progress on it; bringing it again adds only what is new.
struct BringHistory {
  size_t deck;
};
// Reads another sheet of a workbook as the deck (remembered for the file; a sheet other than
// the first is a deck of its own, with its own progress).
struct ChooseSheet {
  size_t deck;
  size_t sheet;
};

// [SECTION] Import preview: how a file of rows or an Anki package is read (import_intents.cpp)
// Opens the preview of a listed deck's file: what it will be read as, its columns, the first
// questions, the rows left out. A deck file of rows or an Anki package opened by path for
// the first time opens it too.
struct PreviewImport {
  size_t deck;
};
// Reads the previewed file this way (the kind, the header row, each column's role); Auto:
// as FactDeck finds it.
struct ChangeReading {
  TableReading reading;
};
// Keeps the previewed reading for the file (Settings::readings), so that it opens the same
// way next time, and goes home with the deck listed.
struct ConfirmImport {};
// Leaves the preview; a deck opened just now for it is not kept on the list.
struct CancelImport {};

// [SECTION] Deck editor (editor_intents.cpp)
// Opens a listed deck's file in the editor, on the item with id `item` when given (a question
// being studied, a reported one).
struct OpenEditor {
  size_t deck;
  std::string item;
};
struct EditorSelect {
  size_t item; // index into the session's items
};
// Sets a field of the item selected (an edit made when the field is left or Enter pressed).
struct EditorSetField {
  std::string key, text;
};
struct EditorAdd {
  edit::ItemKind kind;
};
struct EditorDuplicate {};
struct EditorDelete {}; // the screen asks first; undo brings it back
// "This is a new question": the item selected gets a new id, so its progress starts afresh.
struct EditorStartAfresh {};
struct EditorUndo {};
struct EditorRedo {};
// Writes the file; one changed by another program meanwhile only with `overwrite`.
struct EditorSave {
  bool overwrite = false;
};
struct EditorReload {};          // the file as it is now; this session's edits dropped
struct EditorMerge {};           // the file as it is now, with this session's unsaved edits made on it
struct EditorSaveAsFactsFile {}; // a file of rows written as a facts file beside it, edited from then on
struct EditorTick {};            // takes the result of a check running on a thread

// [SECTION] Exams to revise for (exam_intents.cpp)
struct PlanExam {
  std::string name;
  std::string when;    // "2027-01-20" (9:00) or "2027-01-20 14:30", the learner's local time
  size_t deck = 0;     // index into AppState::decks
  std::string tags;    // as typed (spaces or commas between); empty: the whole deck
  int minutes = 30;    // a day
  std::string weights; // topic weights: "algebra=2, geometry=0.5"
  int cards = 0;       // a day, instead of minutes when set
};
struct RemoveExam {
  std::int64_t id = 0;
};

// [SECTION] Study, practice and exam (study_intents.cpp)
struct StartStudy {
  size_t deck;        // index into AppState::decks
  int extraNew = 0;   // "study more": this many new cards beyond today's limit
  bool ahead = false; // "review ahead": reviews due by this time tomorrow, no new cards
  // An exam's plan for today (ExamRecord::id), or with `revision` the last days' revision:
  // the exam's cards on this deck least likely remembered on the day first.
  std::int64_t exam = 0;
  bool revision = false;
};
struct StartQuiz {
  size_t deck;
  QuizOptions options;
};
struct StudyChoose {
  int option;
};
struct StudyChooseAll { // a select-all question: every option the learner marked
  std::vector<int> options;
};
struct StudyOrder {
  std::vector<int> order; // option indices, earliest first
};
struct StudyTypeYear {
  std::string text;
};
struct StudyReveal {};
struct StudyGrade {
  srs::Rating rating;
};
struct StudyNext {};
// After a right answer to a question that could be guessed: "I guessed" (rated Hard).
struct StudySayGuessed {};
struct StudyTick {}; // a quiz's timer: time may have run out
struct ExamGoTo {    // an exam: show that question (0-based)
  size_t index;
};
struct ExamFlag {};   // an exam: flag the question shown for review, or unflag it
struct ExamHandIn {}; // an exam: hand it in; every answer is judged and saved
// The learner reports the question shown: kept in the store for the deck's author; in study
// the card is set aside until the deck changes and the session moves on.
struct ReportQuestion {
  ReportReason reason = ReportReason::Wrong;
  std::string note;
};
struct ExportQuizReport {
  bool html; // else CSV
};

// [SECTION] Timeline game (timeline_intents.cpp)
struct StartTimeline {
  size_t deck;
};
struct TimelinePlace {
  size_t slot; // before this timeline position
};

// [SECTION] Classroom match on one screen (classroom_intents.cpp)
struct ClassroomTeamSetup {
  std::string name;
  std::string colour; // "#rrggbb"
};
// What the classroom set-up says; used by the one-screen match and the live game.
struct ClassroomSetup {
  std::vector<ClassroomTeamSetup> teams; // 2 to 8 (the one-screen match only)
  ClassroomMode mode = ClassroomMode::Buzzer;
  ClassroomScoring scoring = ClassroomScoring::Speed;
  int questions = 10; // 1 to 100
  int seconds = 20;   // per question, 5 to 120
  bool streakBonus = true, hideLeaderboard = false;
  std::vector<QuestionKind> kinds{std::begin(kClassroomKinds), std::end(kClassroomKinds)};
  std::string tags; // space- or comma-separated; empty: all
};
// Teams "Team 1".."Team N" in the default colours.
ClassroomSetup DefaultClassroomSetup(size_t teams = 3);

struct OpenClassroom {
  size_t deck;
};
struct StartMatch {
  ClassroomSetup setup;
};
struct ClassroomBuzz {
  std::vector<size_t> teams; // pressed in the same frame
};
struct ClassroomAnswer {
  std::vector<int> options; // one, or every option marked for a select-all question
};
struct ClassroomNext {}; // from the answer to the leaderboard, or on to the next question
struct ClassroomTick {};
struct ExportMatch {};
struct NewMatch {}; // back to the set-up after a match

// [SECTION] The learner's memory model, on the stats screen (memory_intents.cpp)
struct FitMemoryModel {};    // fits the FSRS-6 weights to the learner's reviews; the fit is shown, not yet used
struct UseFittedWeights {};  // the learner's schedule uses the last fit's weights from now on
struct UseDefaultWeights {}; // back to FSRS-6's defaults

// [SECTION] Live game on phones (live_intents.cpp)
// The live screen for the classroom's deck with this set-up (a room already open stays).
struct OpenLive {
  ClassroomSetup setup;
};
// Ports a room may listen on: 0 (any free port) or 1024 to 65535.
inline constexpr int kMinLivePort = 1024, kMaxLivePort = 65535;
// Start serving on one of AppState::LiveState::interfaces and a port.
struct OpenLiveRoom {
  size_t interfaceIndex = 0;
  int port = kDefaultLivePort;
  // The class the host expects (0: no limit): beyond it new devices wait for LiveAdmit. Kept
  // in the settings as the next room's default.
  int classSize = 0;
};
enum class LiveStep { Start, Reveal, Next, End, Close, Export };
struct LiveControl {
  LiveStep step;
};
struct LiveKick {
  int player;
};
struct LiveLink {
  int player;
  std::int64_t profile; // 0 unlinks
};
struct LiveLock {
  bool locked; // a locked room takes no new players
};
// Removes every player who joined from those network addresses (devices) at once, and bars them.
struct LiveKickAddresses {
  std::vector<std::string> addresses;
};
// Lets a player waiting in the lobby into the game (0: everyone waiting, while there is room).
struct LiveAdmit {
  int player = 0;
};

using Intent = std::variant<
    // library
    GoToScreen, ChangeSettings, DismissNotice, Quit, SwitchProfile, CreateProfile, RenameProfile, DeleteProfile,
    OpenDeck, ForgetDeck, NewDeckFromTemplate, ReadDecksAgain, CheckDecksOnDisk, BringHistory, ChooseSheet,
    // import preview
    PreviewImport, ChangeReading, ConfirmImport, CancelImport,
    // deck editor
    OpenEditor, EditorSelect, EditorSetField, EditorAdd, EditorDuplicate, EditorDelete, EditorStartAfresh, EditorUndo,
    EditorRedo, EditorSave, EditorReload, EditorMerge, EditorSaveAsFactsFile, EditorTick,
    // exams
    PlanExam, RemoveExam,
    // study
    StartStudy, StartQuiz, StudyChoose, StudyChooseAll, StudyOrder, StudyTypeYear, StudyReveal, StudyGrade, StudyNext,
    StudySayGuessed, StudyTick, ExamGoTo, ExamFlag, ExamHandIn, ExportQuizReport, ReportQuestion,
    // timeline
    StartTimeline, TimelinePlace,
    // classroom
    OpenClassroom, StartMatch, ClassroomBuzz, ClassroomAnswer, ClassroomNext, ClassroomTick, ExportMatch, NewMatch,
    // live
    OpenLive, OpenLiveRoom, LiveControl, LiveKick, LiveLink, LiveLock, LiveKickAddresses, LiveAdmit,
    // memory model
    FitMemoryModel, UseFittedWeights, UseDefaultWeights>;

} // namespace factdeck
