#include "app_state.h"

#include "paths.h"

namespace factdeck {

const char* ScreenName(Screen screen) {
  switch (screen) {
  case Screen::Home: return "home";
  case Screen::Settings: return "settings";
  }
  return "home";
}

std::optional<Screen> ScreenFromName(std::string_view name) {
  for (Screen screen : kAllScreens)
    if (name == ScreenName(screen)) return screen;
  return std::nullopt;
}

std::string ScreenNames() {
  std::string names;
  for (Screen screen : kAllScreens) {
    if (!names.empty()) names += ", ";
    names += ScreenName(screen);
  }
  return names;
}

namespace {

bool SameAppearance(const Settings& a, const Settings& b) {
  return a.theme == b.theme && a.uiScale == b.uiScale && a.fontSize == b.fontSize;
}

} // namespace

AppState LoadAppState(const std::filesystem::path& dataDir, const std::filesystem::path& deck) {
  AppState state;
  state.dataDir = dataDir;
  LoadedSettings loaded = LoadSettings(state.SettingsFile());
  state.settings = loaded.settings;
  state.notices = std::move(loaded.warnings);
  ProfileStore::Opened opened = ProfileStore::Open(dataDir, WallClockNow(), LocalStudyDay());
  for (std::string& notice : opened.notices) state.notices.push_back(std::move(notice));
  if (opened.store) {
    state.store = std::move(opened.store);
    state.profile = state.store->DefaultProfile();
  } else {
    state.notices.push_back("Progress will not be saved: " + opened.error);
  }
  state.decks = LoadDeckLibrary(BundledDeckDirs(), deck);
  return state;
}

AppliedChanges ApplyIntents(AppState& state) {
  AppliedChanges changes;
  // Intents may post further intents only through the next frame, so iterate a copy.
  std::vector<Intent> intents;
  intents.swap(state.intents);
  for (Intent& intent : intents) {
    if (auto* go = std::get_if<GoToScreen>(&intent)) {
      state.screen = go->screen;
    } else if (auto* change = std::get_if<ChangeSettings>(&intent)) {
      if (!SameAppearance(state.settings, change->settings)) changes.appearanceChanged = true;
      state.settings = change->settings;
      changes.settingsChanged = true;
    } else if (auto* dismiss = std::get_if<DismissNotice>(&intent)) {
      if (dismiss->index < state.notices.size())
        state.notices.erase(state.notices.begin() + static_cast<std::ptrdiff_t>(dismiss->index));
    } else if (std::holds_alternative<Quit>(intent)) {
      state.quitRequested = true;
    }
  }
  return changes;
}

} // namespace factdeck
