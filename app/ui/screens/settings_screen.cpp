// Settings: appearance (theme, scale, font size, projector mode) and study (daily limits,
// day start, desired retention). Changes apply at once and are saved.
#include <algorithm>
#include <optional>
#include <string>

#include "ui/screens/screens.h"

namespace factdeck::ui {

namespace {

// A label in the settings' first column; the control follows in the second.
void Label(UiContext& ui, const char* text) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(text);
  ImGui::SameLine(12 * ui.Em());
}

// A percentage or size slider that applies when released (rebuilding the font atlas on
// every drag step is wasteful). Returns the value when the slider was released after an edit.
std::optional<float> ReleasedSlider(UiContext& ui, const char* label, const char* id, float value, float lo, float hi,
                                    const char* format, float width) {
  Label(ui, label);
  ImGui::SetNextItemWidth(width * ui.Em());
  ImGui::SliderFloat(id, &value, lo, hi, format, ImGuiSliderFlags_AlwaysClamp);
  ui.Track(std::string("settings/") + (id + 2));
  if (ImGui::IsItemDeactivatedAfterEdit()) return value;
  return std::nullopt;
}

// An integer edited in place; applied when the field is left or Enter pressed.
bool Number(UiContext& ui, const char* label, const char* id, int& value, int lo, int hi) {
  Label(ui, label);
  ImGui::SetNextItemWidth(8 * ui.Em());
  int edit = value;
  ImGui::InputInt(id, &edit, 1, 10);
  ui.Track(std::string("settings/") + (id + 2));
  edit = std::clamp(edit, lo, hi);
  if (edit == value) return false;
  value = edit;
  return true;
}

bool DrawAppearance(UiContext& ui, Settings& edited) {
  bool changed = false;
  Label(ui, "Theme");
  if (ImGui::RadioButton("Dark", edited.theme == Theme::Dark)) {
    edited.theme = Theme::Dark;
    changed = true;
  }
  ui.Track("settings/theme_dark");
  ImGui::SameLine();
  if (ImGui::RadioButton("Light", edited.theme == Theme::Light)) {
    edited.theme = Theme::Light;
    changed = true;
  }
  ui.Track("settings/theme_light");
  if (auto percent = ReleasedSlider(ui, "Interface scale", "##ui_scale", edited.uiScale * 100.0f,
                                    Settings::kMinUiScale * 100, Settings::kMaxUiScale * 100, "%.0f%%", 16)) {
    edited.uiScale = static_cast<float>(static_cast<int>(*percent / 5.0f + 0.5f)) * 0.05f;
    changed = true;
  }
  if (auto size = ReleasedSlider(ui, "Font size", "##font_size", edited.fontSize, Settings::kMinFontSize,
                                 Settings::kMaxFontSize, "%.0f pt", 16)) {
    edited.fontSize = static_cast<float>(static_cast<int>(*size + 0.5f));
    changed = true;
  }
  if (ImGui::Checkbox("Projector mode everywhere: larger type, high contrast", &edited.projector)) changed = true;
  ui.Track("settings/projector");
  return changed;
}

bool DrawStudySettings(UiContext& ui, Settings& edited) {
  ImGui::PushFont(ui.fonts.bold);
  ImGui::TextUnformatted("Study");
  ImGui::PopFont();
  bool changed = Number(ui, "New cards a day", "##new_per_day", edited.newPerDay, 0, 9999);
  changed |= Number(ui, "Reviews a day", "##reviews_per_day", edited.reviewsPerDay, 0, 99999);
  changed |= Number(ui, "New day at (hour)", "##day_start_hour", edited.dayStartHour, 0, 23);
  if (auto retention = ReleasedSlider(ui, "Remembered when due", "##retention", edited.retention * 100.0f, 70.0f, 99.0f,
                                      "%.0f%%", 12)) {
    edited.retention = static_cast<float>(static_cast<int>(*retention + 0.5f)) / 100.0f;
    changed = true;
  }
  ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
  // Lines of readable length, however wide the window.
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 46 * ui.Em());
  ImGui::TextUnformatted("New day at: cards studied after midnight count for the day before until this hour "
                         "(4 means 4 in the morning). Remembered when due: how likely you are to still know a card "
                         "when it comes back. Higher means shorter gaps and more reviews; 90% suits most learners.");
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  return changed;
}

} // namespace

void DrawSettingsScreen(UiContext& ui) {
  BackButton(ui, "settings");
  Heading(ui, "Settings");
  ImGui::Spacing();
  Settings edited = ui.state.settings;
  bool changed = DrawAppearance(ui, edited);
  ImGui::Spacing();
  changed |= DrawStudySettings(ui, edited);
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
  ImGui::TextWrapped("Settings are saved in %s", ui.state.SettingsFile().string().c_str());
  ImGui::PopStyleColor();
  if (changed) ui.Post(ChangeSettings{edited});
}

} // namespace factdeck::ui
