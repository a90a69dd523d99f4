// Browse… on the home screen asks the desktop's file chooser (the XDG desktop portal) when
// one answers on the session bus, and shows FactDeck's own deck browser when none does.
// The bus is a private dbus-daemon; the portal is the stand-in of support/fake_portal.h.
#include <catch2/catch.hpp>
#include <chrono>
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
