// The application state the screens draw from, and the intents they post back.
//
// Screens never change state directly: they post an Intent, and ApplyIntents() changes
// the state between frames. That keeps every change in one place, testable without a
// window.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "deck_library.h"
#include "profile_store.h"
#include "settings.h"

namespace factdeck {

enum class Screen { Home, Settings };

inline constexpr Screen kAllScreens[] = {Screen::Home, Screen::Settings};

// Stable lower-case names, as used by --screen and in test item paths.
const char* ScreenName(Screen screen);
std::optional<Screen> ScreenFromName(std::string_view name);
// The names of all screens, comma-separated, for help and error messages.
std::string ScreenNames();

struct GoToScreen {
  Screen screen;
};
struct ChangeSettings {
  Settings settings;
};
struct DismissNotice {
  size_t index;
};
struct Quit {};
using Intent = std::variant<GoToScreen, ChangeSettings, DismissNotice, Quit>;

struct AppState {
  Screen screen = Screen::Home;
  Settings settings;
  std::filesystem::path dataDir;      // where settings and progress live
  std::vector<std::string> notices;   // problems to show the user (bad settings file, ...)
  std::vector<DeckEntry> decks;       // listed on the home screen
  std::unique_ptr<ProfileStore> store;  // the learners' progress; null when it cannot be used
  std::int64_t profile = 0;           // the learner studying now
  bool quitRequested = false;
  std::vector<Intent> intents;        // posted by screens during a frame

  void Post(Intent intent) { intents.push_back(std::move(intent)); }
  std::filesystem::path SettingsFile() const { return dataDir / "settings.toml"; }
};

// What ApplyIntents changed that the window must react to.
struct AppliedChanges {
  bool appearanceChanged = false;  // theme, scale or font size: rebuild fonts and style
  bool settingsChanged = false;    // save settings
};

// The state a new window starts with: settings from `dataDir` (each problem with the
// settings file becomes a notice), the progress store (its problems become notices too;
// without it FactDeck still runs, saying that progress will not be saved) and the deck
// library (bundled decks, then `deck` when given). Never throws.
AppState LoadAppState(const std::filesystem::path& dataDir, const std::filesystem::path& deck = {});

// Applies and clears the posted intents.
AppliedChanges ApplyIntents(AppState& state);

} // namespace factdeck
