// The deck editor: a listed deck's items in a searchable list beside the selected item's form.
// Every edit is an intent (core/app/editor_intents.cpp) on the deck's document (core/edit/),
// which changes only the edited bytes of the file when saved.
#include <GLFW/glfw3.h>

#include "core/base/text.h"
#include "ui/screens/editor_parts.h"
#include "ui/screens/game_widgets.h"

namespace factdeck::ui {

namespace {

bool Ctrl() { return ImGui::GetIO().KeyCtrl; }

// Ctrl+S saves, Ctrl+Z and Ctrl+Y (or Ctrl+Shift+Z) undo and redo outside a text field (a
// field undoes its own typing), Ctrl+F finds, Ctrl+N adds an item of the kind selected.
void Shortcuts(UiContext& ui, const EditorState& editor) {
  if (!Ctrl()) return;
  EditorWidgets& w = ui.widgets.editor;
  if (Pressed(GLFW_KEY_S)) {
    CommitEditorFields(ui, editor);
    ui.Post(EditorSave{});
  }
  if (Pressed(GLFW_KEY_F)) w.focusSearch = true;
  if (Pressed(GLFW_KEY_N)) {
    const auto& items = editor.session->Items();
    edit::ItemKind kind = editor.session->Addable().front();
    if (editor.selected >= 0 && static_cast<size_t>(editor.selected) < items.size())
      for (edit::ItemKind k : editor.session->Addable())
        if (k == items[static_cast<size_t>(editor.selected)].kind) kind = k;
    CommitEditorFields(ui, editor);
    ui.Post(EditorAdd{kind});
  }
  if (ImGui::GetIO().WantTextInput) return;
  if (Pressed(GLFW_KEY_Z, false)) {
    if (ImGui::GetIO().KeyShift)
      ui.Post(EditorRedo{});
    else
      ui.Post(EditorUndo{});
  }
  if (Pressed(GLFW_KEY_Y, false)) ui.Post(EditorRedo{});
}

void ToolBar(UiContext& ui, const EditorState& editor) {
  const edit::EditSession& session = *editor.session;
  if (ImGui::Button("\xE2\x86\x90 Back")) {
    if (CommitEditorFields(ui, editor) || session.Dirty())
      ui.widgets.editor.askLeave = true;
    else
      ui.Post(GoToScreen{Screen::Home});
  }
  ui.Track("editor/back");
  ImGui::SameLine();
  const std::string title =
      session.CurrentDeck().title.empty() ? session.Path().filename().string() : session.CurrentDeck().title;
  ImGui::PushFont(ui.fonts.bold);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(FirstLineCut(title, 60).c_str());
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
  ImGui::TextUnformatted(session.Path().filename().string().c_str());
  ImGui::PopStyleColor();

  ImGui::BeginDisabled(!session.Dirty());
  if (ImGui::Button("Save")) {
    CommitEditorFields(ui, editor);
    ui.Post(EditorSave{});
  }
  ImGui::EndDisabled();
  ui.Track("editor/save");
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Ctrl+S");
  ImGui::SameLine();
  ImGui::BeginDisabled(!session.CanUndo());
  if (ImGui::Button("Undo")) ui.Post(EditorUndo{});
  ImGui::EndDisabled();
  ui.Track("editor/undo");
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && session.CanUndo())
    ImGui::SetTooltip("%s (Ctrl+Z)", session.UndoLabel().c_str());
  ImGui::SameLine();
  ImGui::BeginDisabled(!session.CanRedo());
  if (ImGui::Button("Redo")) ui.Post(EditorRedo{});
  ImGui::EndDisabled();
  ui.Track("editor/redo");
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && session.CanRedo())
    ImGui::SetTooltip("%s (Ctrl+Y)", session.RedoLabel().c_str());
  if (session.Rows()) {
    const char* label = "Save as a facts file";
    SameLineIfFits(ButtonWidth(label));
    if (ImGui::Button(label)) {
      CommitEditorFields(ui, editor);
      ui.Post(EditorSaveAsFactsFile{});
    }
    ui.Track("editor/as-facts-file");
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("For what the file's columns cannot hold (events in a term list, sources, pictures):\n"
                        "writes the deck as a facts file beside it and edits that from then on.");
  }
  // Where the deck stands: unsaved edits, what the check says.
  std::string status;
  if (session.Dirty())
    status = CountText(session.UnsavedEdits()) + (session.UnsavedEdits() == 1 ? " unsaved edit" : " unsaved edits");
  else
    status = session.CanUndo() || session.CanRedo() ? "All saved" : "No unsaved edits";
  if (session.Checking())
    status += " · checking...";
  else if (session.Errors() + session.Warnings() == 0)
    status += " · check passes";
  else
    status += " · " + CountText(session.Errors()) + (session.Errors() == 1 ? " error, " : " errors, ") +
              CountText(session.Warnings()) + (session.Warnings() == 1 ? " warning" : " warnings");
  SameLineIfFits(ImGui::CalcTextSize(status.c_str()).x);
  ImGui::AlignTextToFramePadding();
  ImGui::PushStyleColor(ImGuiCol_Text, session.Errors() > 0 ? ui.palette->wrong : ui.palette->muted);
  ImGui::TextUnformatted(status.c_str());
  ImGui::PopStyleColor();
  ui.Track("editor/status");
}

// The last outcome; a file changed by another program, with the three ways on.
void MessageBar(UiContext& ui, const EditorState& editor) {
  if (!editor.message.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, editor.messageIsProblem ? ui.palette->warning : ui.palette->right);
    ImGui::TextWrapped("%s", editor.message.c_str());
    ImGui::PopStyleColor();
    ui.Track("editor/message");
  }
  if (editor.conflict) {
    if (ImGui::Button("Keep both")) ui.Post(EditorMerge{});
    ui.Track("editor/conflict/merge");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Reads the file as it is now and makes your edits on it again");
    ImGui::SameLine();
    if (ImGui::Button("Read it again")) ui.Post(EditorReload{});
    ui.Track("editor/conflict/reload");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Your unsaved edits are dropped");
    ImGui::SameLine();
    if (ImGui::Button("Save mine over it")) ui.Post(EditorSave{true});
    ui.Track("editor/conflict/overwrite");
  }
  // What the check says outside every item (a syntax error between tables, no [deck] table).
  const std::vector<std::string> loose = editor.session->LooseMessages();
  for (size_t i = 0; i < loose.size() && i < 4; ++i) {
    ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->wrong);
    ImGui::TextWrapped("%s", loose[i].c_str());
    ImGui::PopStyleColor();
    ui.Track("editor/file-problems");
  }
  if (loose.size() > 4) ImGui::TextDisabled("and %zu more (factdeck check lists them all)", loose.size() - 4);
  for (const std::string& lost : editor.lost) {
    ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->warning);
    ImGui::BulletText("%s", lost.c_str());
    ImGui::PopStyleColor();
  }
}

// Leaving with unsaved edits: save, drop them, or stay.
void LeavePopup(UiContext& ui, const EditorState& editor) {
  EditorWidgets& w = ui.widgets.editor;
  if (w.askLeave) {
    ImGui::OpenPopup("Unsaved edits");
    w.askLeave = false;
  }
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal("Unsaved edits", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  ImGui::Text("%s has %zu unsaved %s.", editor.session->Path().filename().string().c_str(),
              editor.session->UnsavedEdits(), editor.session->UnsavedEdits() == 1 ? "edit" : "edits");
  if (ImGui::Button("Save and leave")) {
    ui.Post(EditorSave{});
    w.leaveAfterSave = true; // only once saved: a save that fails stays, saying why
    ImGui::CloseCurrentPopup();
  }
  ui.Track("editor/leave/save");
  ImGui::SameLine();
  if (ImGui::Button("Leave without saving")) {
    ui.Post(GoToScreen{Screen::Home});
    ImGui::CloseCurrentPopup();
  }
  ui.Track("editor/leave/discard");
  ImGui::SameLine();
  if (ImGui::Button("Stay") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
    ImGui::CloseCurrentPopup();
  ui.Track("editor/leave/stay");
  ImGui::EndPopup();
}

} // namespace

void DrawEditorScreen(UiContext& ui) {
  if (!ui.state.editor || !ui.state.editor->session) {
    BackButton(ui, "editor");
    ImGui::TextUnformatted("No deck is open in the editor.");
    return;
  }
  const EditorState& editor = *ui.state.editor;
  // Another file, or the editor opened again: its widgets start afresh.
  if (ui.widgets.editor.session != editor.session.get() || ui.widgets.editor.drawnFrame != ui.frame - 1) {
    ui.widgets.editor = EditorWidgets{};
    ui.widgets.editor.session = editor.session.get();
  }
  ui.widgets.editor.drawnFrame = ui.frame;
  if (editor.session->Checking()) {
    ui.Post(EditorTick{});
    ui.needs.animating = true; // look again next frame
  }
  if (ui.widgets.editor.leaveAfterSave) {
    ui.widgets.editor.leaveAfterSave = false;
    if (!editor.session->Dirty()) ui.Post(GoToScreen{Screen::Home});
  }
  Shortcuts(ui, editor);
  ToolBar(ui, editor);
  MessageBar(ui, editor);
  ImGui::Separator();
  // The list beside the form; on a narrow window the list takes less.
  const float width = ImGui::GetContentRegionAvail().x;
  const float listWidth = std::clamp(width * 0.36f, 14 * ui.Em(), 26 * ui.Em());
  ImGui::BeginChild("list", ImVec2(listWidth, 0), false);
  DrawEditorList(ui, editor);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("form", ImVec2(0, 0), false);
  DrawEditorForm(ui, editor);
  ImGui::EndChild();
  LeavePopup(ui, editor);
}

} // namespace factdeck::ui
