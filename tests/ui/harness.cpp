#include "harness.h"

#include <utility>
#include "ui/image.h"
#include "core/base/threads.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <thread>

namespace factdeck::test {

UiHarness::UiHarness(int width, int height, std::filesystem::path dataDir, const std::filesystem::path& deck) {
  if (dataDir.empty()) {
    m_ownedDir = std::make_unique<TempDir>();
    dataDir = m_ownedDir->Path();
  }
  m_state = LoadAppState(dataDir, deck);
  // Mesa's software renderer draws on one thread here: its worker threads, still running
  // at exit, now and then crashed LeakSanitizer's exit scan ("Tracer caught signal 11")
  // and failed a test that had passed. Measured: the UI tests take as long either way.
  setenv("LP_NUM_THREADS", "0", 0);

  ui::PlatformOptions options;
  options.geometry.width = width;
  options.geometry.height = height;
  options.vsync = false;
  std::string error;
  ui::OpenedWindow window =
      ui::OpenWindow(options, ui::FontPixelSize(m_state.settings, 1.0f, m_state.ProjectorOn()), error);
  // Now and then (twice in some twenty full runs) a test's first connection to Xvfb fails
  // ("Failed to open display", GLFW error 65544) while every other test's succeeds: the
  // harness tries again a few times, and says so, rather than fail a test of the app for it.
  for (int retry = 1; !window.platform && retry <= 5 && error.find("65544") != std::string::npos; ++retry) {
    WARN("the test window could not open the display (" << error << "); trying again (" << retry << " of 5)");
    std::this_thread::sleep_for(std::chrono::milliseconds(200 * retry));
    error.clear();
    window = ui::OpenWindow(options, ui::FontPixelSize(m_state.settings, 1.0f, m_state.ProjectorOn()), error);
  }
  m_platform = std::move(window.platform);
  if (!m_platform)
    FAIL("cannot open the test window: " << error << " (DISPLAY="
                                         << (std::getenv("DISPLAY") ? std::getenv("DISPLAY") : "unset") << ")");
  m_app = std::make_unique<ui::App>(*m_platform, m_state, std::move(window.fonts), &m_registry);
  Frames(3);
}

UiHarness::~UiHarness() {
  // As the program does when its window closes (run_gui.cpp): a live room still open closes.
  CloseLiveRoom(m_state);
  m_app.reset();
  m_platform.reset();
  // The rule: every thread FactDeck starts (named "fd-...") is joined when its window
  // closes, so none is still running while the process exits.
  const std::vector<std::string> left =
      WaitForThreadsToEnd([](const std::string& name) { return name.rfind(kThreadPrefix, 0) == 0; }, 2000);
  std::string names;
  for (const std::string& name : left)
    names += name + " ";
  INFO("FactDeck threads still running after the window closed: " << names);
  CHECK(left.empty());
}

void UiHarness::Inject(ImGuiIO& io) {
  // The harness owns input. Other test windows on the same X display take the focus away
  // at random moments, which would make ImGui drop the keys held this frame.
  io.AppFocusLost = false;
  io.MousePos = m_mouse;
  io.MouseDown[0] = m_mouseDown;
  for (auto& [key, down] : m_keys)
    io.KeysDown[key] = down;
  io.KeyShift = io.KeyAlt = io.KeySuper = false;
  io.KeyCtrl = m_ctrl;
  io.MouseWheel = std::exchange(m_wheel, 0.0f);
  if (!m_text.empty()) {
    io.AddInputCharactersUTF8(m_text.c_str());
    m_text.clear();
  }
}

void UiHarness::Frames(int count) {
  for (int i = 0; i < count; ++i) {
    m_platform->Wait({factdeck::FrameWait::Kind::Poll, 0.0});
    m_app->Frame([this](ImGuiIO& io) { Inject(io); });
    m_app->Present();
  }
}

bool UiHarness::Has(const std::string& name) { return m_registry.Find(name, m_app->FrameCount()) != nullptr; }

ui::ItemRect UiHarness::Item(const std::string& name) {
  const ui::ItemRect* item = m_registry.Find(name, m_app->FrameCount());
  if (item == nullptr) {
    std::string drawn;
    for (auto& [known, rect] : m_registry.Items())
      if (rect.frame == m_app->FrameCount()) drawn += " " + known;
    FAIL("item '" << name << "' was not drawn in the last frame; drawn:" << drawn);
  }
  return *item;
}

void UiHarness::MoveMouse(ImVec2 position) {
  m_mouse = position;
  Frames(1);
}

void UiHarness::Scroll(const std::string& name, float wheel) {
  MoveMouse(Item(name).Center());
  m_wheel = wheel;
  Frames(2);
}

void UiHarness::Click(const std::string& name) {
  ImVec2 centre = Item(name).Center();
  MoveMouse(centre); // hover first, as a real pointer does
  m_mouseDown = true;
  Frames(1);
  m_mouseDown = false;
  Frames(2); // release, then let the posted intent take effect
}

void UiHarness::Drag(ImVec2 from, ImVec2 to, int steps) {
  MoveMouse(from);
  m_mouseDown = true;
  Frames(1);
  for (int i = 1; i <= steps; ++i) {
    float t = static_cast<float>(i) / static_cast<float>(steps);
    m_mouse = ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t);
    Frames(1);
  }
  m_mouseDown = false;
  Frames(2);
}

void UiHarness::PressKey(int key, bool ctrl) {
  m_ctrl = ctrl;
  m_keys[key] = true;
  Frames(1);
  m_keys[key] = false;
  m_ctrl = false;
  Frames(2);
}

void UiHarness::TypeText(const std::string& utf8) {
  m_text = utf8;
  Frames(2);
}

ui::Image UiHarness::Screenshot() {
  m_platform->Wait({factdeck::FrameWait::Kind::Poll, 0.0});
  m_app->Frame([this](ImGuiIO& io) { Inject(io); });
  ui::Image image = m_platform->ReadFramebuffer();
  m_app->Present();
  return image;
}

int ColourDistance(const std::uint8_t* pixel, const std::uint8_t* other) {
  return (std::abs(pixel[0] - other[0]) + std::abs(pixel[1] - other[1]) + std::abs(pixel[2] - other[2])) / 3;
}

ui::Image UiHarness::SaveScreenshot(const std::string& name) {
  ui::Image image = Screenshot();
  std::filesystem::create_directories(FACTDECK_SCREENSHOT_DIR);
  std::string error = ui::WritePng(image, std::string(FACTDECK_SCREENSHOT_DIR) + "/" + name + ".png");
  CHECK(error.empty());
  return image;
}

size_t SeedDeckIndex(UiHarness& ui) {
  for (size_t i = 0; i < ui.State().decks.size(); ++i)
    if (ui.State().decks[i].id == "german-soviet-military-cooperation") return i;
  FAIL("the seed deck is not listed");
  return 0;
}

} // namespace factdeck::test
