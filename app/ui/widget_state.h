// What belongs to the widgets, not to the model: text being typed, set-up forms before they
// are submitted, the ordering being built, the timeline marker, animation clocks. The UI owns
// it (ui::App); screens change it freely. What the program knows lives in AppState and
// changes only through intents (core/app/intents.h).
#pragma once

#include <array>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <cstdint>
#include <vector>

#include "core/app/intents.h"
#include "core/questions/questions.h"

namespace factdeck::ui {

// The home screen's fields and the practice and exam set-up.
struct HomeForm {
  std::array<char, 1024> deckPath{};
  std::array<char, 64> profileName{};
  int count = 10, secondsPerQuestion = 0, examMinutes = 10;
  std::array<bool, 7> kinds{true, true, true, true, true, true, true}; // AllQuestionKinds order
  std::array<char, 256> tags{};                                        // space- or comma-separated
  bool streakBonus = true;
  std::filesystem::path browseDir; // the folder the deck browser shows; empty: the decks folder
  bool showBrowser = false;        // open the deck browser (the desktop's chooser is not there)
  std::string folderError;         // why the decks folder could not be shown in the file manager
  // "Plan an exam": as typed.
  std::array<char, 128> examName{};
  std::array<char, 32> examWhen{};
  std::array<char, 256> examTags{}, examWeights{};
  int examDailyMinutes = 30;
  int examDailyCards = 0; // 0: the budget is in minutes
};

// The question being answered: reset whenever a new question is shown.
struct StudyWidgets {
  std::uint64_t serial = 0;     // StudyState::shownSerial of the question these belong to
  std::vector<int> order;       // the ordering the learner is building
  std::vector<int> marked;      // a select-all question: the options marked so far
  int selected = 0;             // the ordering item the arrow keys move
  std::array<char, 32> typed{}; // a typed year being written
  bool focusInput = false;      // put the keyboard in the year field
  int reportReason = 0;         // the report being written: kReportReasons index
  std::array<char, 256> reportNote{};
};

struct TimelineWidgets {
  size_t slot = 0; // where the arrow keys put the marker
};

// The classroom set-up as edited; ToSetup() is what StartMatch and OpenLive carry.
struct ClassroomForm {
  ClassroomForm();
  int teamCount = 3;
  std::array<std::array<char, 32>, kMaxClassroomTeams> names{};
  std::array<std::array<float, 3>, kMaxClassroomTeams> colours{}; // RGB 0..1
  ClassroomMode mode = ClassroomMode::Buzzer;
  ClassroomScoring scoring = ClassroomScoring::Speed;
  int questions = 10, seconds = 20;
  bool streakBonus = true, hideLeaderboard = false;
  std::array<bool, std::size(kClassroomKinds)> kinds{true, true, true, true};
  std::array<char, 256> tags{};
  double rankChangedAt = 0.0; // the leaderboard's animation start (platform seconds); 0: not started
  std::vector<int> marked;    // a select-all question: the tiles the answering team marked
  size_t markedFor = 0;       // the question they belong to

  ClassroomSetup ToSetup() const;
};

struct LiveForm {
  int interfaceIndex = 0;
  int port = kDefaultLivePort;
  int classSize = -1;         // players expected; -1 until the form first shows (then the settings' last one)
  double rankChangedAt = 0.0; // as ClassroomForm::rankChangedAt
  std::set<std::string> selectedDevices; // addresses ticked in the players list, to remove at once
};

// One choice of the deck editor's "Choose..." list: an id, what it names, both folded.
struct PickChoice {
  std::string id, name, folded;
};

// The deck editor: the selected item's fields as typed, the list's search and filters.
struct EditorWidgets {
  const void* session = nullptr;              // the editing session these belong to (a new one starts afresh)
  int drawnFrame = -1;                        // the last frame the editor drew (a screen between starts afresh)
  std::uint64_t revision = ~std::uint64_t{0}; // EditorState::revision the fields were filled at
  std::ptrdiff_t item = -2;                   // the item they belong to
  std::map<std::string, std::string> fields;  // key -> text being typed
  std::map<std::string, std::string> stored;  // key -> text as the file has it
  std::vector<Question> preview;              // of the item, as of `revision`
  std::string search, tag;
  int kind = -1; // edit::ItemKind shown, -1: all
  bool problemsOnly = false, reportedOnly = false;
  std::vector<size_t> shown;        // the items the filters let through
  std::string shownKey;             // what `shown` was made for
  std::vector<size_t> kindCounts;   // items of each kind, with `shown`
  std::vector<std::string> folded;  // each item's title and id folded, for the search
  std::uint64_t foldedRevision = 0; // EditorState::revision + 1 they were folded at; 0: none
  bool focusSearch = false, scrollToItem = false;
  bool askDelete = false, askLeave = false, leaveAfterSave = false;
  std::string pickFilter;              // the "Choose..." list's filter
  std::vector<PickChoice> pickChoices; // made when it opens
  std::vector<size_t> pickShown;       // those the filter lets through (the first 500)
  std::string pickShownFor;            // the filter `pickShown` was made for
  std::string editing;                 // the paragraph field being typed in (the others show their text wrapped)
  std::string tabFrom;                 // the field Tab was pressed in this frame
  std::string focusKey;                // the field Tab goes to, focused when next drawn
  bool focusEditing = false;
};

struct WidgetState {
  HomeForm home;
  StudyWidgets study;
  TimelineWidgets timeline;
  ClassroomForm classroom;
  LiveForm live;
  EditorWidgets editor;
};

} // namespace factdeck::ui
