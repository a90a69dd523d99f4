// The screens, one per file. Each draws from the state in `ui` and posts intents.
#pragma once

#include "ui/ui_context.h"

namespace factdeck::ui {

void DrawHomeScreen(UiContext& ui);
void DrawSettingsScreen(UiContext& ui);
void DrawStudyScreen(UiContext& ui);
void DrawStatsScreen(UiContext& ui);
void DrawTimelineScreen(UiContext& ui);
void DrawClassroomScreen(UiContext& ui);
void DrawLiveScreen(UiContext& ui);
void DrawImportScreen(UiContext& ui);
void DrawEditorScreen(UiContext& ui);

// The marks for right and wrong, shown with colour so that colour-blind learners see them.
inline constexpr const char* kRightMark = "\xE2\x9C\x93"; // ✓
inline constexpr const char* kWrongMark = "\xE2\x9C\x97"; // ✗

// Shared pieces of screen layout.
// A heading in the title font.
void Heading(UiContext& ui, const char* text);
// Continues on the same line when an item `width` wide still fits there, else on the next:
// rows of buttons wrap on a narrow window or at a large scale.
void SameLineIfFits(float width);
// Marks `option` in a select-all answer being built, or unmarks it when it is marked.
void ToggleOption(std::vector<int>& marked, int option);
// The width of a button labelled `label` (text and frame padding).
float ButtonWidth(const char* label);

// A question kind's tick box in a game set-up, labelled with how many items the deck has for
// it ("when (41)") and greyed out at 0. True when it is ticked and the deck can ask it.
bool KindCheckbox(QuestionKind kind, size_t count, bool& on);
std::string KindCheckboxLabel(QuestionKind kind, size_t count); // "Multiple choice (160)"

// A column of readable width, `measureEm` font sizes wide (46: lines of 80 to 90
// characters), centred when the window is wider; the whole width otherwise. Ends with its
// scope.
class ContentColumn {
public:
  explicit ContentColumn(UiContext& ui, float measureEm = 46);
  ~ContentColumn();
  ContentColumn(const ContentColumn&) = delete;
  ContentColumn& operator=(const ContentColumn&) = delete;

private:
  bool m_child = false;
};

// A "Back" button that returns to the home screen (Esc does the same); tracked as
// "<screen>/back".
void BackButton(UiContext& ui, const char* screenName);

} // namespace factdeck::ui
