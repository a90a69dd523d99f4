// Browse… on the home screen asks the desktop's file chooser (the XDG desktop portal) when
// one answers on the session bus, and shows FactDeck's own deck browser when none does.
// The bus is a private dbus-daemon; the portal is the stand-in of support/fake_portal.h.
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <thread>

#include "support/fake_portal.h"
#include "ui/harness.h"

using namespace factdeck;
using test::FakePortal;
using test::UiHarness;

namespace {

// Draws frames until `done` holds (the chooser answers on another thread), for at most 10 s.
template <typename Done> bool FramesUntil(UiHarness& ui, Done done) {
  for (int i = 0; i < 500; ++i) {
    if (done()) return true;
    ui.Frames(1);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return done();
}

} // namespace

TEST_CASE("Browse opens the deck chosen in the desktop's file chooser", "[ui][deck][portal]") {
  FakePortal portal;
  REQUIRE(portal.Ready());
  test::TempDir data, elsewhere;
  const auto file = elsewhere / "Römische Kaiser.csv";
  std::ofstream(file) << "front,back\nAugustus,27 BC\nNero,54\n";
  portal.AnswerWith(FakePortal::Answer::Choose, file);
  UiHarness ui(1280, 800, data.Path());
  ui.App().UseDesktopFileChooser(true);
  const size_t before = ui.State().decks.size();
  ui.Click("home/browse");
  REQUIRE(FramesUntil(ui, [&] { return ui.State().decks.size() == before + 1; }));
  CHECK(ui.State().decks[0].path == file);
  CHECK(portal.OpenCalls() == 1);
  CHECK(portal.LastTitle() == "Open a deck");
  CHECK(portal.LastFilters().find("'*.toml'") != std::string::npos);
  CHECK(portal.LastFilters().find("'*.csv'") != std::string::npos);
  CHECK_FALSE(ui.Has("home/browse/up")); // FactDeck's own browser stayed closed
}

TEST_CASE("Closing the desktop's file chooser opens nothing and Browse works again", "[ui][deck][portal]") {
  FakePortal portal;
  REQUIRE(portal.Ready());
  portal.AnswerWith(FakePortal::Answer::Cancel);
  UiHarness ui;
  ui.App().UseDesktopFileChooser(true);
  const size_t before = ui.State().decks.size();
  ui.Click("home/browse");
  REQUIRE(FramesUntil(ui, [&] { return portal.OpenCalls() == 1; }));
  ui.Frames(3);
  CHECK(FramesUntil(ui, [&] { return !ui.Has("home/choosing"); }));
  CHECK(ui.State().decks.size() == before);
  CHECK_FALSE(ui.Has("home/browse/up"));
  ui.Click("home/browse"); // enabled again: a second dialog is asked for
  CHECK(FramesUntil(ui, [&] { return portal.OpenCalls() == 2; }));
}

TEST_CASE("Without a desktop portal, Browse shows FactDeck's own deck browser", "[ui][deck][portal]") {
  FakePortal bus(/*fileChooser=*/false); // a session bus where nothing answers as the portal
  REQUIRE(bus.Ready());
  UiHarness ui;
  ui.App().UseDesktopFileChooser(true);
  ui.Click("home/browse");
  CHECK(FramesUntil(ui, [&] { return ui.Has("home/browse/up"); }));
  CHECK(bus.OpenCalls() == 0);
}

TEST_CASE("A file chooser still open when FactDeck closes is closed with it", "[ui][deck][portal]") {
  FakePortal portal;
  REQUIRE(portal.Ready());
  portal.AnswerWith(FakePortal::Answer::KeepOpen);
  {
    UiHarness ui;
    ui.App().UseDesktopFileChooser(true);
    ui.Click("home/browse");
    REQUIRE(FramesUntil(ui, [&] { return portal.OpenCalls() == 1; }));
    ui.Frames(2);
    CHECK(ui.Has("home/choosing"));
    ui.SaveScreenshot("home-file-chooser-open");
  } // the window closes
  for (int i = 0; i < 250 && portal.CloseCalls() == 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  CHECK(portal.CloseCalls() == 1);
}

TEST_CASE("Show the folder opens the decks folder in the desktop's application for folders", "[ui][deck][portal]") {
  // A desktop of our own: its default application for folders writes down what it was given.
  test::TempDir desktop, data;
  std::filesystem::create_directories(desktop / "data" / "applications");
  std::filesystem::create_directories(desktop / "config");
  const auto opened = desktop / "opened.txt";
  const auto script = desktop / "file-manager.sh";
  std::ofstream(script) << "#!/bin/sh\nprintf '%s' \"$1\" > '" << opened.string() << "'\n";
  std::filesystem::permissions(script, std::filesystem::perms::owner_all);
  std::ofstream(desktop / "data" / "applications" / "test-files.desktop")
      << "[Desktop Entry]\nType=Application\nName=Test files\nExec=" << script.string()
      << " %u\nMimeType=inode/directory;\n";
  std::ofstream(desktop / "config" / "mimeapps.list") << "[Default Applications]\ninode/directory=test-files.desktop\n";
  setenv("XDG_DATA_HOME", (desktop / "data").c_str(), 1);
  setenv("XDG_DATA_DIRS", (desktop / "data").c_str(), 1);
  setenv("XDG_CONFIG_HOME", (desktop / "config").c_str(), 1);
  setenv("XDG_CONFIG_DIRS", (desktop / "config").c_str(), 1);

  UiHarness ui(1280, 800, data.Path());
  ui.Click("home/show-folder");
  for (int i = 0; i < 250 && !std::filesystem::exists(opened); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  std::this_thread::sleep_for(std::chrono::milliseconds(50)); // the script finishes writing
  std::string given;
  std::getline(std::ifstream(opened), given);
  CHECK(given.find((data / "decks").string()) != std::string::npos);
  CHECK_FALSE(ui.Has("home/show-folder/error"));
}
