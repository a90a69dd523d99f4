// Colours and sizes of the UI, for the dark and light themes.
#pragma once

#include <imgui.h>
#include <string>

#include "core/app/settings.h"

namespace factdeck::ui {

// Semantic colours the screens use beyond ImGui's own style colours. Right and wrong are
// told apart by icon and text as well as colour, so the pair is safe for colour-blind users
// (blue/orange rather than green/red).
struct Palette {
  ImVec4 accent;
  ImVec4 right;
  ImVec4 wrong;
  ImVec4 muted; // secondary text
  ImVec4 warning;
};

// Resets `style` to the theme at `scale` (sizes multiplied; fonts are scaled separately).
// Projector mode: pure background, full-contrast text, framed widgets, brighter marks.
void ApplyTheme(ImGuiStyle& style, factdeck::Theme theme, float scale, bool projector = false);

const Palette& PaletteFor(factdeck::Theme theme, bool projector = false);

// "#rrggbb" as an opaque colour; mid grey for anything else.
ImVec4 HexColour(const std::string& hex);

} // namespace factdeck::ui
