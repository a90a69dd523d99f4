#include "ui/theme.h"

#include <cstdio>

namespace factdeck::ui {

namespace {

const Palette kDarkPalette{
    {0.40f, 0.65f, 1.00f, 1.0f}, // accent
    {0.35f, 0.70f, 1.00f, 1.0f}, // right: blue
    {1.00f, 0.60f, 0.20f, 1.0f}, // wrong: orange
    {0.65f, 0.67f, 0.72f, 1.0f}, // muted
    {1.00f, 0.80f, 0.30f, 1.0f}, // warning
};
const Palette kLightPalette{
    {0.10f, 0.35f, 0.80f, 1.0f}, {0.05f, 0.35f, 0.75f, 1.0f}, {0.75f, 0.35f, 0.00f, 1.0f},
    {0.38f, 0.40f, 0.45f, 1.0f}, {0.60f, 0.40f, 0.00f, 1.0f},
};

const Palette kProjectorDarkPalette{
    {0.45f, 0.75f, 1.00f, 1.0f}, {0.40f, 0.80f, 1.00f, 1.0f}, {1.00f, 0.65f, 0.10f, 1.0f},
    {0.85f, 0.85f, 0.85f, 1.0f}, {1.00f, 0.90f, 0.20f, 1.0f},
};
const Palette kProjectorLightPalette{
    {0.00f, 0.25f, 0.75f, 1.0f}, {0.00f, 0.30f, 0.80f, 1.0f}, {0.80f, 0.30f, 0.00f, 1.0f},
    {0.20f, 0.20f, 0.20f, 1.0f}, {0.55f, 0.35f, 0.00f, 1.0f},
};

} // namespace

const Palette& PaletteFor(factdeck::Theme theme, bool projector) {
  if (projector) return theme == factdeck::Theme::Light ? kProjectorLightPalette : kProjectorDarkPalette;
  return theme == factdeck::Theme::Light ? kLightPalette : kDarkPalette;
}

void ApplyTheme(ImGuiStyle& style, factdeck::Theme theme, float scale, bool projector) {
  style = ImGuiStyle();
  if (theme == factdeck::Theme::Light) {
    ImGui::StyleColorsLight(&style);
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.96f, 0.96f, 0.97f, 1.0f);
    style.Colors[ImGuiCol_Button] = ImVec4(0.84f, 0.88f, 0.96f, 1.0f);
  } else {
    ImGui::StyleColorsDark(&style);
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.11f, 0.12f, 0.14f, 1.0f);
    style.Colors[ImGuiCol_ChildBg] = ImVec4(0.14f, 0.15f, 0.18f, 1.0f);
    style.Colors[ImGuiCol_Button] = ImVec4(0.22f, 0.32f, 0.50f, 1.0f);
  }
  style.WindowRounding = 0.0f;
  style.WindowBorderSize = 0.0f;
  style.ChildRounding = 6.0f;
  style.FrameRounding = 5.0f;
  style.GrabRounding = 5.0f;
  style.PopupRounding = 5.0f;
  style.WindowPadding = ImVec2(16, 16);
  style.FramePadding = ImVec2(10, 6);
  style.ItemSpacing = ImVec2(10, 8);
  style.ScrollbarSize = 16;
  if (projector) {
    const bool light = theme == factdeck::Theme::Light;
    const ImVec4 background = light ? ImVec4(1, 1, 1, 1) : ImVec4(0, 0, 0, 1);
    const ImVec4 text = light ? ImVec4(0, 0, 0, 1) : ImVec4(1, 1, 1, 1);
    style.Colors[ImGuiCol_WindowBg] = style.Colors[ImGuiCol_ChildBg] = background;
    style.Colors[ImGuiCol_Text] = text;
    style.Colors[ImGuiCol_Border] = text;
    style.Colors[ImGuiCol_Button] = light ? ImVec4(0.80f, 0.87f, 1.0f, 1) : ImVec4(0.10f, 0.25f, 0.55f, 1);
    style.FrameBorderSize = 2.0f;
  }
  style.ScaleAllSizes(scale);
}

ImVec4 HexColour(const std::string& hex) {
  unsigned r = 128, g = 128, b = 128;
  if (hex.size() == 7) std::sscanf(hex.c_str() + 1, "%02x%02x%02x", &r, &g, &b);
  return ImVec4(r / 255.0f, g / 255.0f, b / 255.0f, 1.0f);
}

} // namespace factdeck::ui
