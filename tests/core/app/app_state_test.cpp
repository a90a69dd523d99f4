#include <catch2/catch.hpp>

#include "core/app/app_state.h"
#include "support/temp_dir.h"

using namespace factdeck;

TEST_CASE("every screen has a name that maps back to it", "[app_state]") {
  for (Screen screen : kAllScreens) {
    auto back = ScreenFromName(ScreenName(screen));
    REQUIRE(back.has_value());
    CHECK(*back == screen);
  }
  CHECK_FALSE(ScreenFromName("nowhere").has_value());
}

TEST_CASE("intents change the state between frames", "[app_state]") {
  AppState state;
  state.notices = {"first", "second"};
  Settings larger = state.settings;
  larger.fontSize = 30;
  state.Post(GoToScreen{Screen::Settings});
  state.Post(DismissNotice{0});
  state.Post(ChangeSettings{larger});

  AppliedChanges changes = ApplyIntents(state);
  CHECK(state.screen == Screen::Settings);
  CHECK(state.notices == std::vector<std::string>{"second"});
  CHECK(state.settings.fontSize == 30);
  CHECK(changes.appearanceChanged);
  CHECK(changes.settingsChanged);
  CHECK(state.intents.empty());

  Settings moved = state.settings;
  moved.window.x = 300;
  state.Post(ChangeSettings{moved});
  changes = ApplyIntents(state);
  CHECK_FALSE(changes.appearanceChanged); // geometry alone needs no new fonts
  CHECK(changes.settingsChanged);

  state.Post(Quit{});
  ApplyIntents(state);
  CHECK(state.quitRequested);
}

TEST_CASE("the app opens the progress store, a second window on the same data says why it cannot save",
          "[app_state][store]") {
  test::TempDir dir;
  AppState first = LoadAppState(dir.Path());
  REQUIRE(first.store);
  CHECK(first.profile > 0);
  AppState second = LoadAppState(dir.Path());
  CHECK_FALSE(second.store);
  bool told = false;
  for (const std::string& notice : second.notices)
    told = told || notice.find("Progress will not be saved: another FactDeck") != std::string::npos;
  CHECK(told);
}
