// The window's frame: one full-window ImGui window holding the notices and the current
// screen, and the keys that work on every screen.
#include <algorithm>

#include "core/base/text.h"
#include "ui/app.h"
#include "ui/screens/screens.h"

namespace factdeck::ui {

namespace {

// Problems as warnings; things done as asked in the colour of a right answer, with a tick.
void DrawNotices(UiContext& ui) {
  auto list = [&](const std::vector<std::string>& lines, bool confirmation) {
    for (size_t i = 0; i < lines.size(); ++i) {
      ImGui::PushID(static_cast<int>(confirmation ? 1000 + i : i));
      ImGui::PushStyleColor(ImGuiCol_Text, confirmation ? ui.palette->right : ui.palette->warning);
      ImGui::TextWrapped("%s%s", confirmation ? "\xE2\x9C\x93  " : "Warning: ", lines[i].c_str()); // ✓
      ImGui::PopStyleColor();
      if (confirmation) ui.Track("confirmation/" + std::to_string(i));
      ImGui::SameLine();
      if (ImGui::SmallButton("Dismiss")) ui.Post(DismissNotice{i, confirmation});
      if (!confirmation) ui.Track("notice/" + std::to_string(i) + "/dismiss");
      ImGui::PopID();
    }
  };
  list(ui.state.notices, false);
  list(ui.state.confirmations, true);
  if (!ui.state.notices.empty() || !ui.state.confirmations.empty()) ImGui::Separator();
}

} // namespace

std::string KindCheckboxLabel(QuestionKind kind, size_t count) {
  return std::string(QuestionKindLabel(kind)) + " (" + CountText(count) + ")";
}

bool KindCheckbox(QuestionKind kind, size_t count, bool& on) {
  const std::string label = KindCheckboxLabel(kind, count);
  ImGui::BeginDisabled(count == 0);
  bool shown = on && count > 0;
  if (ImGui::Checkbox(label.c_str(), &shown)) on = shown;
  ImGui::EndDisabled();
  return on && count > 0;
}

void Heading(UiContext& ui, const char* text) {
  ImGui::PushFont(ui.fonts.title);
  ImGui::TextUnformatted(text);
  ImGui::PopFont();
}

void ToggleOption(std::vector<int>& marked, int option) {
  if (auto at = std::find(marked.begin(), marked.end(), option); at != marked.end())
    marked.erase(at);
  else
    marked.push_back(option);
}

void SameLineIfFits(float width) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + style.ItemSpacing.x + width <= right) ImGui::SameLine();
}

ContentColumn::ContentColumn(UiContext& ui, float measureEm) {
  const float measure = measureEm * ui.Em(), avail = ImGui::GetContentRegionAvail().x;
  m_child = avail > measure + 2 * ui.Em();
  if (!m_child) return;
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - measure) / 2);
  ImGui::BeginChild("column", ImVec2(measure, 0), false, ImGuiWindowFlags_NoBackground);
}

ContentColumn::~ContentColumn() {
  if (m_child) ImGui::EndChild();
}

float ButtonWidth(const char* label) {
  return ImGui::CalcTextSize(label, nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x;
}

void BackButton(UiContext& ui, const char* screenName) {
  if (ImGui::Button("\xE2\x86\x90 Back")) ui.Post(GoToScreen{Screen::Home});
  ui.Track(std::string(screenName) + "/back");
}

void DrawAppFrame(UiContext& ui) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  // No background: the frame is cleared to the window colour (Platform::Render), and filling
  // the whole window once more costs a software renderer most of a frame.
  constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                      ImGuiWindowFlags_NoBackground;
  // Keyboard navigation (arrows move focus, Space and Enter press) everywhere but in study and
  // the timeline game, where those keys answer, move items and continue.
  ImGuiIO& io = ImGui::GetIO();
  if (ui.state.screen == Screen::Study || ui.state.screen == Screen::Timeline ||
      (ui.state.screen == Screen::Classroom && ui.state.classroom && ui.state.classroom->match) ||
      (ui.state.screen == Screen::Live && ui.state.live && ui.state.live->room))
    io.ConfigFlags &= ~ImGuiConfigFlags_NavEnableKeyboard;
  else
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  ImGui::Begin("FactDeck", nullptr, kFlags);
  // Whether a popup was open before the screen drew: Esc that closes a popup this frame
  // must not also leave the screen.
  const bool popupOpen = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopup);
  DrawNotices(ui);
  switch (ui.state.screen) {
  case Screen::Home: DrawHomeScreen(ui); break;
  case Screen::Study: DrawStudyScreen(ui); break;
  case Screen::Stats: DrawStatsScreen(ui); break;
  case Screen::Timeline: DrawTimelineScreen(ui); break;
  case Screen::Classroom: DrawClassroomScreen(ui); break;
  case Screen::Live: DrawLiveScreen(ui); break;
  case Screen::Settings: DrawSettingsScreen(ui); break;
  case Screen::Import: DrawImportScreen(ui); break;
  case Screen::Editor: DrawEditorScreen(ui); break;
  }
  // Esc leaves any screen for home, unless a widget (a text field, a popup) uses it, or a
  // classroom match is being played (its screen asks first).
  const bool matchOn = ui.state.screen == Screen::Classroom && ui.state.classroom && ui.state.classroom->match &&
                       ui.state.classroom->match->GetPhase() != ClassroomMatch::Phase::Finished;
  if (ui.state.screen != Screen::Home && !matchOn && !ImGui::GetIO().WantTextInput && !popupOpen &&
      !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopup) &&
      ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
    if (ui.state.screen == Screen::Import)
      ui.Post(CancelImport{});
    else if (ui.state.screen == Screen::Editor && ui.state.editor && ui.state.editor->session &&
             ui.state.editor->session->Dirty())
      ui.widgets.editor.askLeave = true; // save, leave without, or stay
    else
      ui.Post(GoToScreen{Screen::Home});
  }
  ImGui::End();
}

} // namespace factdeck::ui
