// The desktop app's entry: opens the window and runs the event-driven loop.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/app/app_state.h"

namespace factdeck::ui {

struct GuiOptions {
  std::filesystem::path dataDir;
  std::optional<std::filesystem::path> deck;       // list this deck first, for this run only (screenshots)
  std::vector<std::filesystem::path> open;         // open these decks and remember them (LoadAppState)
  std::string screen = "home";                     // screen to start on (StartScreenNames)
  std::optional<std::filesystem::path> screenshot; // render, write this PNG, exit
  int width = 0, height = 0;                       // window size override (0: remembered)
  int quitAfterFrames = 0;                         // exit after this many frames (0: never)
  bool reportFirstFrame = false;                   // print the wall-clock time of the first frame shown
  int sampleDays = 0;                              // simulate this many days of study first (screenshots)
};

// Runs the app until the window closes. Returns the process exit code.
int RunGui(const GuiOptions& options);

} // namespace factdeck::ui
