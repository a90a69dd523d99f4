// User settings kept between runs in DATA_DIR/settings.toml.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/deck/table_reading.h"

namespace factdeck {

enum class Theme { Dark, Light };

const char* ThemeName(Theme theme);

// Window placement in screen coordinates (GLFW's "screen coordinates", not pixels).
struct WindowGeometry {
  int x = 0, y = 0;
  int width = 1280, height = 800;
  bool hasPosition = false; // false until the window has been placed once
  bool maximized = false;
};

struct Settings {
  Theme theme = Theme::Dark;
  float uiScale = 1.0f;   // multiplies the monitor's content scale; 0.5 .. 3
  float fontSize = 18.0f; // base font size in points at scale 1; 10 .. 40
  bool projector = false; // projector mode everywhere: everything larger, high contrast
  // Projector mode for classroom matches only: the classroom and live-game screens (set in
  // the classroom set-up; the rest of the app keeps its look).
  bool classroomProjector = false;
  // Study.
  int newPerDay = 20;      // new cards introduced a day, 0 .. 9999
  int reviewsPerDay = 200; // reviews a day, 0 .. 99999
  float retention = 0.90f; // desired probability of recall when a card falls due, 0.70 .. 0.99
  int dayStartHour = 4;    // the study day begins at this local hour, 0 .. 23
  // The live game: the class the host last expected (0: no limit). Beyond it, new devices
  // wait for the host's approval (LiveOptions::expectedPlayers).
  int liveClassSize = 0;
  WindowGeometry window;
  // Deck files the learner opened, newest first, listed on the home screen at every start.
  std::vector<std::string> openedDecks;
  // The sheet chosen of a workbook with several (path -> sheet name); the first otherwise.
  std::map<std::string, std::string> sheets;
  // How a file of rows is read when the learner chose it in the import preview (path ->
  // reading; never Auto); FactDeck's own reading otherwise.
  std::map<std::string, TableReading> readings;

  static constexpr size_t kMaxOpenedDecks = 30;
  static constexpr size_t kMaxSheetChoices = 1000; // read from the file
  static constexpr float kProjectorScale = 1.5f;   // font size multiplier in projector mode
  static constexpr float kMinUiScale = 0.5f, kMaxUiScale = 3.0f;
  static constexpr float kMinFontSize = 10.0f, kMaxFontSize = 40.0f;
  static constexpr int kMaxLiveClassSize = 500; // LiveOptions::maxPlayers
};

// Result of loading: the settings (defaults where the file is missing or a value is bad)
// and one message per problem found, with file:line:column where known.
struct LoadedSettings {
  Settings settings;
  std::vector<std::string> warnings;
};

// Loads settings. A missing file is not a problem; a malformed file or out-of-range value
// falls back to defaults for what is wrong and says so in `warnings`. Never throws.
LoadedSettings LoadSettings(const std::filesystem::path& file);

// Serialises settings to TOML text.
std::string SettingsToToml(const Settings& settings);

// Saves settings atomically. Returns an empty string on success, else the error.
std::string SaveSettings(const std::filesystem::path& file, const Settings& settings);

} // namespace factdeck
