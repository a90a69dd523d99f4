// Settings: theme, UI scale and font size. Changes apply at once and are saved.
#include "screens.h"

namespace factdeck::ui {

void DrawSettingsScreen(UiContext& ui) {
  BackButton(ui, "settings");
  Heading(ui, "Settings");
  ImGui::Spacing();

  Settings edited = ui.state.settings;
  bool changed = false;

  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Theme");
  ImGui::SameLine(8 * ui.Em());
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
  ImGui::SameLine(8 * ui.Em());
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
  ImGui::SameLine(8 * ui.Em());
  ImGui::SetNextItemWidth(16 * ui.Em());
  float size = edited.fontSize;
  ImGui::SliderFloat("##font_size", &size, Settings::kMinFontSize, Settings::kMaxFontSize, "%.0f pt",
                     ImGuiSliderFlags_AlwaysClamp);
  ui.Track("settings/font_size");
  if (ImGui::IsItemDeactivatedAfterEdit()) {
    edited.fontSize = static_cast<float>(static_cast<int>(size + 0.5f));
    changed = true;
  }

  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
  ImGui::TextWrapped("Settings are saved in %s", ui.state.SettingsFile().string().c_str());
  ImGui::PopStyleColor();

  if (changed) ui.state.Post(ChangeSettings{edited});
}

} // namespace factdeck::ui
