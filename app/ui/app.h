// One running FactDeck UI: the state, its fonts and theme, and the code that draws one
// frame. The window loop (RunGui) and the UI tests both drive it, so tests run exactly
// the frame code users see.
#pragma once

#include <functional>

#include "core/app/app_state.h"
#include "ui/file_chooser.h"
#include "ui/picture_cache.h"
#include "ui/platform.h"
#include "ui/ui_context.h"

namespace factdeck::ui {

// Called after the platform has read real input and before ImGui starts the frame: the
// place where tests replace mouse and keyboard state.
using InputHook = std::function<void(ImGuiIO&)>;

class App {
public:
  // `fonts` come from OpenWindow; the atlas is rebuilt when the scale turns out different.
  App(Platform& platform, AppState& state, FontSet fonts, ItemRegistry* registry = nullptr);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  // Draws one frame into the back buffer (Present() shows it).
  void Frame(const InputHook& inject = {});
  // Benchmarks measure building a frame (FactDeck's drawing code and ImGui's layout) apart
  // from the GL driver: with this off, Frame() stops at ImGui::Render().
  void SetDrawToScreen(bool draw) { m_drawToScreen = draw; }
  void Present() { m_platform.Present(); }
  // Screenshots: animations are drawn at their end rather than where they are now.
  void SetStillFrames(bool still) { m_stillFrames = still; }

  // The widgets' own state (forms, selections, animation clocks).
  WidgetState& Widgets() { return m_widgets; }

  // What the last frame asked of the next ones.
  const FrameNeeds& Needs() const { return m_needs; }
  const UiFonts& Fonts() const { return m_fontSet.fonts; }
  const FontFiles& FontFilesInUse() const { return m_fontSet.files; }
  // Draws with these font files from the next frame on (tests of the fallback chain).
  void UseFontFiles(const FontFiles& files) {
    m_fontSet.files = files;
    m_fontSet.pixelSize = 0.0f; // rebuild the atlas
    m_appearanceDirty = true;
  }
  // Browse… asks the desktop's file chooser (XDG desktop portal) first; off by default, so
  // tests see FactDeck's own deck browser unless they ask for the portal.
  void UseDesktopFileChooser(bool use);
  int FrameCount() const { return m_frame; }
  float Scale() const { return m_scale; }
  // Pictures: the cache, and whether some are still being decoded (tests draw until not).
  PictureCache& Pictures() { return *m_pictures; }
  bool PicturesLoading() const { return m_picturesLoading; }

private:
  void RefreshAppearance();
  void TakeChosenFile();

  Platform& m_platform;
  AppState& m_state;
  ItemRegistry* m_registry;
  FontSet m_fontSet;
  FrameNeeds m_needs;
  WidgetState m_widgets;
  bool m_stillFrames = false;
  std::unique_ptr<DesktopFileChooser> m_fileChooser;
  std::unique_ptr<PictureCache> m_pictures;
  bool m_picturesLoading = false;
  std::shared_ptr<LiveRoom> m_listenedRoom; // the live room that wakes the window when it changes
  double m_diskCheckedAt = 0.0;             // when the decks' files were last looked at
  bool m_drawToScreen = true;
  float m_scale = 1.0f;
  int m_frame = 0;
  bool m_appearanceDirty = true;
};

// Draws the whole window for the current screen.
void DrawAppFrame(UiContext& ui);

} // namespace factdeck::ui
