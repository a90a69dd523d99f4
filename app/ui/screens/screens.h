// The screens, one per file. Each draws from the state in `ui` and posts intents.
#pragma once

#include "ui_context.h"

namespace factdeck::ui {

void DrawHomeScreen(UiContext& ui);
void DrawSettingsScreen(UiContext& ui);
void DrawStudyScreen(UiContext& ui);
void DrawStatsScreen(UiContext& ui);
void DrawTimelineScreen(UiContext& ui);

// Shared pieces of screen layout.
// A heading in the title font.
void Heading(UiContext& ui, const char* text);
// A "Back" button that returns to the home screen (Esc does the same); tracked as
// "<screen>/back".
void BackButton(UiContext& ui, const char* screenName);

} // namespace factdeck::ui
