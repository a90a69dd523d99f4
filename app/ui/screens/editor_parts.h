// The deck editor's screen, in parts: the frame (editor_screen.cpp: tool bar, shortcuts, a
// changed file, leaving), the item list (editor_list.cpp) and the item's form with its checks,
// its questions and its reports (editor_form.cpp).
#pragma once

#include "ui/screens/screens.h"

#include <imgui_stdlib.h> // InputText on std::string (after imgui.h)

namespace factdeck::ui {

// The list of items with its search and filters; a click selects. Tracked as "editor/item/N".
void DrawEditorList(UiContext& ui, const EditorState& editor);
// The selected item's fields, what is wrong with them, and the questions it makes.
void DrawEditorForm(UiContext& ui, const EditorState& editor);
// Every field typed in but not yet stored goes to the file's text (before saving, or leaving);
// true when there was one.
bool CommitEditorFields(UiContext& ui, const EditorState& editor);

} // namespace factdeck::ui
