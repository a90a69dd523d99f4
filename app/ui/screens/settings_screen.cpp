// Settings: theme, UI scale and font size. Changes apply at once and are saved.
#include <algorithm>

#include "ui/screens/screens.h"

namespace factdeck::ui {

void DrawSettingsScreen(UiContext& ui) {
  BackButton(ui, "settings");
  Heading(ui, "Settings");
  ImGui::Spacing();

  Settings edited = ui.state.settings;
  bool changed = false;

  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Theme");
  ImGui::SameLine(12 * ui.Em());
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

  // Sliders apply when released: rebuilding the font atlas on every drag step is wasteful.
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Interface scale");
  ImGui::SameLine(12 * ui.Em());
  ImGui::SetNextItemWidth(16 * ui.Em());
  float percent = edited.uiScale * 100.0f;
  ImGui::SliderFloat("##ui_scale", &percent, Settings::kMinUiScale * 100, Settings::kMaxUiScale * 100, "%.0f%%",
                     ImGuiSliderFlags_AlwaysClamp);
  ui.Track("settings/ui_scale");
  if (ImGui::IsItemDeactivatedAfterEdit()) {
    edited.uiScale = static_cast<float>(static_cast<int>(percent / 5.0f + 0.5f)) * 0.05f;
    changed = true;
  }

  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Font size");
  ImGui::SameLine(12 * ui.Em());
  ImGui::SetNextItemWidth(16 * ui.Em());
  float size = edited.fontSize;
  ImGui::SliderFloat("##font_size", &size, Settings::kMinFontSize, Settings::kMaxFontSize, "%.0f pt",
                     ImGuiSliderFlags_AlwaysClamp);
  ui.Track("settings/font_size");
  if (ImGui::IsItemDeactivatedAfterEdit()) {
    edited.fontSize = static_cast<float>(static_cast<int>(size + 0.5f));
    changed = true;
  }

  if (ImGui::Checkbox("Projector mode: larger type, high contrast", &edited.projector)) changed = true;
  ui.Track("settings/projector");

  ImGui::Spacing();
  ImGui::PushFont(ui.fonts.bold);
  ImGui::TextUnformatted("Study");
  ImGui::PopFont();
  // An integer setting edited in place; applied when the field is left or Enter pressed.
  auto number = [&](const char* label, const char* id, int& value, int lo, int hi) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::SameLine(12 * ui.Em());
    ImGui::SetNextItemWidth(8 * ui.Em());
    int edit = value;
    ImGui::InputInt(id, &edit, 1, 10);
    ui.Track(std::string("settings/") + (id + 2));
    edit = std::clamp(edit, lo, hi);
    if (edit != value) {
      value = edit;
      changed = true;
    }
  };
  number("New cards a day", "##new_per_day", edited.newPerDay, 0, 9999);
  number("Reviews a day", "##reviews_per_day", edited.reviewsPerDay, 0, 99999);
  number("Day starts at (hour)", "##day_start_hour", edited.dayStartHour, 0, 23);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Desired retention");
  ImGui::SameLine(12 * ui.Em());
  ImGui::SetNextItemWidth(12 * ui.Em());
  float retention = edited.retention * 100.0f;
  ImGui::SliderFloat("##retention", &retention, 70.0f, 99.0f, "%.0f%%", ImGuiSliderFlags_AlwaysClamp);
  ui.Track("settings/retention");
  if (ImGui::IsItemDeactivatedAfterEdit()) {
    edited.retention = static_cast<float>(static_cast<int>(retention + 0.5f)) / 100.0f;
    changed = true;
  }
  ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
  ImGui::TextWrapped("Higher retention means more reviews: 90%% is FSRS's usual choice.");
  ImGui::PopStyleColor();

  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
  ImGui::TextWrapped("Settings are saved in %s", ui.state.SettingsFile().string().c_str());
  ImGui::PopStyleColor();

  if (changed) ui.state.Post(ChangeSettings{edited});
}

} // namespace factdeck::ui
