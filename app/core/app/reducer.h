// The reducer's handlers, one overload per intent, each feature in its own file
// (library_intents.cpp, study_intents.cpp, timeline_intents.cpp, classroom_intents.cpp,
// live_intents.cpp). ApplyIntents (app_state.cpp) dispatches with std::visit, so an
// alternative of `Intent` without an overload here is a compile error. Internal to
// core/app: screens and tests go through AppState::Post and ApplyIntents.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/app/app_state.h"

namespace factdeck::reducer {

// What one handler call may read and report besides the state.
struct Context {
  srs::TimeMs now = 0;     // the state's clock, read once for the batch of intents
  AppliedChanges& changes; // what the window must react to
};

// [SECTION] library_intents.cpp
void Apply(AppState& state, const GoToScreen& intent, Context& context);
void Apply(AppState& state, const ChangeSettings& intent, Context& context);
void Apply(AppState& state, const DismissNotice& intent, Context& context);
void Apply(AppState& state, const Quit& intent, Context& context);
void Apply(AppState& state, const SwitchProfile& intent, Context& context);
void Apply(AppState& state, const CreateProfile& intent, Context& context);
void Apply(AppState& state, const RenameProfile& intent, Context& context);
void Apply(AppState& state, const DeleteProfile& intent, Context& context);
void Apply(AppState& state, const OpenDeck& intent, Context& context);
void Apply(AppState& state, const NewDeckFromTemplate& intent, Context& context);
void Apply(AppState& state, const ReadDecksAgain& intent, Context& context);
void Apply(AppState& state, const CheckDecksOnDisk& intent, Context& context);
void Apply(AppState& state, const BringHistory& intent, Context& context);
void Apply(AppState& state, const ChooseSheet& intent, Context& context);
void Apply(AppState& state, const ForgetDeck& intent, Context& context);

// [SECTION] import_intents.cpp
void Apply(AppState& state, const PreviewImport& intent, Context& context);
void Apply(AppState& state, const ChangeReading& intent, Context& context);
void Apply(AppState& state, const ConfirmImport& intent, Context& context);
void Apply(AppState& state, const CancelImport& intent, Context& context);
// Opens the import preview of the file at `path` read as `reading`.
void OpenPreview(AppState& state, const std::filesystem::path& path, const FileReading& reading, bool justOpened);
// Opens the preview of the listed deck read from `path`, just opened, when it is a file of rows
// or an Anki package; otherwise nothing.
void PreviewJustOpened(AppState& state, const std::filesystem::path& path);

// [SECTION] editor_intents.cpp
void Apply(AppState& state, const OpenEditor& intent, Context& context);
void Apply(AppState& state, const EditorSelect& intent, Context& context);
void Apply(AppState& state, const EditorSetField& intent, Context& context);
void Apply(AppState& state, const EditorAdd& intent, Context& context);
void Apply(AppState& state, const EditorDuplicate& intent, Context& context);
void Apply(AppState& state, const EditorDelete& intent, Context& context);
void Apply(AppState& state, const EditorStartAfresh& intent, Context& context);
void Apply(AppState& state, const EditorUndo& intent, Context& context);
void Apply(AppState& state, const EditorRedo& intent, Context& context);
void Apply(AppState& state, const EditorSave& intent, Context& context);
void Apply(AppState& state, const EditorReload& intent, Context& context);
void Apply(AppState& state, const EditorMerge& intent, Context& context);
void Apply(AppState& state, const EditorSaveAsFactsFile& intent, Context& context);
void Apply(AppState& state, const EditorTick& intent, Context& context);
// Opens the editor on the file at `path` (read as `reading`), selecting the item `item`.
void OpenEditorOn(AppState& state, const std::filesystem::path& path, const FileReading& reading,
                  const std::string& item);
// Leaves the editor: the library is read again when it saved.
void CloseEditor(AppState& state);
// The editor's file changed on disk: read again when nothing is unsaved, else the conflict offered.
void CheckEditorFile(AppState& state);

// [SECTION] study_intents.cpp
void Apply(AppState& state, const StartStudy& intent, Context& context);
void Apply(AppState& state, const StartQuiz& intent, Context& context);
void Apply(AppState& state, const StudyChoose& intent, Context& context);
void Apply(AppState& state, const StudyChooseAll& intent, Context& context);
void Apply(AppState& state, const ExamGoTo& intent, Context& context);
void Apply(AppState& state, const ExamFlag& intent, Context& context);
void Apply(AppState& state, const ExamHandIn& intent, Context& context);
void Apply(AppState& state, const StudyOrder& intent, Context& context);
void Apply(AppState& state, const StudyTypeYear& intent, Context& context);
void Apply(AppState& state, const StudyReveal& intent, Context& context);
void Apply(AppState& state, const StudyGrade& intent, Context& context);
void Apply(AppState& state, const StudyNext& intent, Context& context);
void Apply(AppState& state, const StudySayGuessed& intent, Context& context);
void Apply(AppState& state, const StudyTick& intent, Context& context);
void Apply(AppState& state, const ReportQuestion& intent, Context& context);
void Apply(AppState& state, const ExportQuizReport& intent, Context& context);

// [SECTION] timeline_intents.cpp
void Apply(AppState& state, const StartTimeline& intent, Context& context);
void Apply(AppState& state, const TimelinePlace& intent, Context& context);

// [SECTION] classroom_intents.cpp
void Apply(AppState& state, const OpenClassroom& intent, Context& context);
void Apply(AppState& state, const StartMatch& intent, Context& context);
void Apply(AppState& state, const ClassroomBuzz& intent, Context& context);
void Apply(AppState& state, const ClassroomAnswer& intent, Context& context);
void Apply(AppState& state, const ClassroomNext& intent, Context& context);
void Apply(AppState& state, const ClassroomTick& intent, Context& context);
void Apply(AppState& state, const ExportMatch& intent, Context& context);
void Apply(AppState& state, const NewMatch& intent, Context& context);

// [SECTION] exam_intents.cpp
void Apply(AppState& state, const PlanExam& intent, Context& context);
void Apply(AppState& state, const RemoveExam& intent, Context& context);
// The cards a study session for an exam asks on `deckId` (StartStudy::exam), in order.
std::vector<std::pair<std::string, QuestionKind>> ExamCards(const AppState& state, std::int64_t exam,
                                                            const std::string& deckId, bool revision);

// [SECTION] live_intents.cpp
void Apply(AppState& state, const OpenLive& intent, Context& context);
void Apply(AppState& state, const OpenLiveRoom& intent, Context& context);
void Apply(AppState& state, const LiveControl& intent, Context& context);
void Apply(AppState& state, const LiveKick& intent, Context& context);
void Apply(AppState& state, const LiveLink& intent, Context& context);
void Apply(AppState& state, const LiveLock& intent, Context& context);
void Apply(AppState& state, const LiveKickAddresses& intent, Context& context);
void Apply(AppState& state, const LiveAdmit& intent, Context& context);
void Apply(AppState& state, const FitMemoryModel& intent, Context& context);
void Apply(AppState& state, const UseFittedWeights& intent, Context& context);
void Apply(AppState& state, const UseDefaultWeights& intent, Context& context);

// [SECTION] Shared by the handlers (app_state.cpp)
// Loads a listed deck again for a game run (the file may have changed); null, with a
// notice, when it no longer loads.
std::shared_ptr<const Deck> LoadListedDeck(AppState& state, size_t index);
// The scheduler for the learner studying now: their weights (when they chose a fit), their
// retention, fuzz on.
srs::FsrsParameters LearnerFsrsParameters(const AppState& state);
srs::Fsrs LearnerFsrs(const AppState& state);
// The questions a classroom set-up asks for: count, kinds, tags, a seed from `now`.
QuestionRequest SetupRequest(const ClassroomSetup& setup, srs::TimeMs now);
// Writes a report or results file to DATA_DIR/reports/PREFIX-DECK-DATE-HHMMSS.EXT, never
// over an existing file; the outcome becomes a notice ("WHAT saved: PATH", or why not).
void WriteReport(AppState& state, std::string_view what, std::string_view prefix, std::string_view deckId,
                 std::string_view extension, const std::string& text, srs::TimeMs now);

} // namespace factdeck::reducer
