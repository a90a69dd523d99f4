// The window and its graphics context: GLFW, OpenGL 3.3 core (loaded with glad) and
// Dear ImGui's GLFW and OpenGL3 backends. One per process.
#pragma once

#include <imgui.h>
#include <memory>
#include <string>
#include <vector>

#include "ui/fonts.h"
#include "core/app/frame_pacer.h"
#include "ui/image.h"
#include "core/app/settings.h"

struct GLFWwindow;

namespace factdeck::ui {

struct PlatformOptions {
  WindowGeometry geometry; // size, and position when known
  bool visible = true;     // false for off-screen screenshots
  bool vsync = true;
};

class Platform {
public:
  // Opens the window with its OpenGL context. On failure returns nullptr and sets
  // `error` to a message for the user (no display, no OpenGL 3.3, ...).
  static std::unique_ptr<Platform> Create(const PlatformOptions& options, std::string& error);
  // Creates the ImGui context and its backends around a built font atlas, which the
  // platform keeps (the backends use it until they shut down).
  void StartImGui(std::unique_ptr<ImFontAtlas> atlas);
  ~Platform();
  Platform(const Platform&) = delete;
  Platform& operator=(const Platform&) = delete;

  bool ShouldClose() const;
  // Wakes a Wait() from any thread; the next TakeEvents() is true, so a frame is drawn.
  static void PostEmptyEvent();

  // Waits for events as `wait` says, then dispatches them.
  void Wait(const FrameWait& wait);
  // True when an input or window event arrived, or PostEmptyEvent was called, since the last call.
  bool TakeEvents();
  // The monitor content scale (1 on a standard-DPI screen); true from TakeScaleChanged
  // when it changed since the last call (the window moved to another monitor, say).
  float ContentScale() const;
  bool TakeScaleChanged();
  // True once after the window got the keyboard focus (the user may have edited a deck elsewhere).
  bool TakeFocusGained();
  // Paths of files dropped onto the window since the last call.
  std::vector<std::string> TakeDroppedFiles();

  double Now() const; // seconds since the platform started

  void NewFrame();                       // backends read input and display size
  void Render(const ImVec4& clearColor); // draws ImGui's draw data to the back buffer
  Image ReadFramebuffer() const;         // the back buffer, top row first
  void Present();                        // swaps buffers
  void Finish();                         // waits until the GPU has drawn everything
  // Uploads the font atlas (after it was built or rebuilt) as a one-channel texture and
  // frees the atlas's pixels: the CPU keeps no copy, the driver a quarter of an RGBA one.
  void RecreateFontTexture();
  bool HasFontTexture() const { return m_fontTexture != 0; }

  WindowGeometry Geometry() const;
  GLFWwindow* Window() const { return m_window; }

  // Set by GLFW callbacks.
  struct Events {
    bool any = false;
    bool scaleChanged = false;
    bool focusGained = false;
    std::vector<std::string> dropped;
  };

private:
  Platform() = default;
  GLFWwindow* m_window = nullptr;
  Events m_events;
  std::unique_ptr<ImFontAtlas> m_atlas;
  bool m_imguiBackendsReady = false;
  unsigned m_fontTexture = 0; // GL texture name of the atlas
  bool m_deviceObjectsReady = false;
};

// A window with ImGui started and its fonts, which were loaded on another thread while
// the window opened (start-up time is the slower of the two, not their sum).
struct OpenedWindow {
  std::unique_ptr<Platform> platform; // nullptr on failure
  FontSet fonts;
};
OpenedWindow OpenWindow(const PlatformOptions& options, float fontPixelSize, std::string& error);

} // namespace factdeck::ui
