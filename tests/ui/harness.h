// Drives the real FactDeck UI in a real GLFW window (under Xvfb in CI) by injecting
// mouse and keyboard input through ImGuiIO, and finds widgets by their stable names
// ("home/settings"). Each test: what the UI draws is the app's own code (App::Frame);
// what drives it is here.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>

#include "ui/app.h"
#include "support/temp_dir.h"

namespace factdeck::test {

class UiHarness {
public:
  // Opens a window of the given size with a fresh data directory (or `dataDir`), and
  // `deck` opened as --deck would.
  explicit UiHarness(int width = 1280, int height = 800, std::filesystem::path dataDir = {},
                     const std::filesystem::path& deck = {});
  ~UiHarness();

  AppState& State() { return m_state; }
  ui::App& App() { return *m_app; }
  ui::WidgetState& Widgets() { return m_app->Widgets(); }
  const std::filesystem::path& DataDir() const { return m_state.dataDir; }

  // Draws `count` frames with the current input, showing each.
  void Frames(int count = 1);

  // The named item as drawn in the latest frame; fails the test when it was not drawn.
  ui::ItemRect Item(const std::string& name);
  bool Has(const std::string& name);

  // Mouse: moves to the item's centre, presses and releases over three frames.
  void Click(const std::string& name);
  void MoveMouse(ImVec2 position);
  // Turns the mouse wheel over the named item (positive: up) for one frame.
  void Scroll(const std::string& name, float wheel);
  // Drags the mouse from one point to another with the left button held.
  void Drag(ImVec2 from, ImVec2 to, int steps = 6);
  // Keyboard: `key` is a GLFW key code. Down for one frame, up the next; with `ctrl`, Ctrl is
  // held with it.
  void PressKey(int key, bool ctrl = false);
  void TypeText(const std::string& utf8);

  // The framebuffer as last drawn (draws one frame first).
  ui::Image Screenshot();
  // Also writes it to build/.../screenshots/NAME.png, for people to look at.
  ui::Image SaveScreenshot(const std::string& name);

private:
  void Inject(ImGuiIO& io);

  std::unique_ptr<TempDir> m_ownedDir;
  AppState m_state;
  std::unique_ptr<ui::Platform> m_platform;
  ui::ItemRegistry m_registry;
  std::unique_ptr<ui::App> m_app;

  ImVec2 m_mouse{-1, -1};
  bool m_mouseDown = false;
  std::map<int, bool> m_keys; // keys this harness has touched, and whether held
  std::string m_text;         // characters to type in the next frame
  bool m_ctrl = false;        // Ctrl held
  float m_wheel = 0.0f;       // the wheel turned in the next frame
};

// Mean absolute difference of a pixel from a colour, over RGB, 0..255.
int ColourDistance(const std::uint8_t* pixel, const std::uint8_t* other);

// The seed deck's place in the home screen's list (fails the test when it is not listed).
size_t SeedDeckIndex(UiHarness& ui);

} // namespace factdeck::test
