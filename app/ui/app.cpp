#include "ui/app.h"

#include <cstdio>

namespace factdeck::ui {

App::App(Platform& platform, AppState& state, FontSet fonts, ItemRegistry* registry)
    : m_platform(platform), m_state(state), m_registry(registry), m_fontSet(std::move(fonts)),
      m_pictures(std::make_unique<PictureCache>(std::size_t{192} << 20, [] { Platform::PostEmptyEvent(); })) {
  m_state.canDraw = DrawableBy(m_fontSet.fonts);
  if (m_fontSet.files.regular.path.empty())
    m_state.notices.push_back(
        "No TrueType font covering Latin, Greek and Cyrillic was found (install fonts-dejavu-core); "
        "using the built-in font, which shows only ASCII.");
}

App::~App() {
  // The window goes before the room may: the room must not wake a window that is gone.
  if (m_listenedRoom) m_listenedRoom->SetChangeListener({});
}

void App::RefreshAppearance() {
  const float contentScale = m_platform.ContentScale();
  m_scale = contentScale * m_state.settings.uiScale;
  ImGuiIO& io = ImGui::GetIO();
  const float pixelSize = FontPixelSize(m_state.settings, contentScale, m_state.ProjectorOn());
  // The atlas keeps no pixels once uploaded (Platform::RecreateFontTexture): it is built and
  // uploaded again only when the size changes, never re-uploaded for a theme alone.
  bool rebuilt = false;
  if (pixelSize != m_fontSet.pixelSize) {
    m_fontSet.fonts = BuildUiFonts(*io.Fonts, m_fontSet.files, pixelSize);
    m_fontSet.pixelSize = pixelSize;
    rebuilt = true;
  }
  if (m_fontSet.fonts.fallback && !m_fontSet.files.regular.path.empty())
    std::fprintf(stderr, "factdeck: warning: cannot load %s; using the built-in font\n",
                 m_fontSet.files.regular.path.c_str());
  io.FontDefault = m_fontSet.fonts.regular;
  if (rebuilt) m_state.canDraw = DrawableBy(m_fontSet.fonts);
  if (rebuilt || !m_platform.HasFontTexture()) m_platform.RecreateFontTexture();
  ApplyTheme(ImGui::GetStyle(), m_state.settings.theme, m_scale, m_state.ProjectorOn());
  m_appearanceDirty = false;
}

void App::UseDesktopFileChooser(bool use) {
  if (!use)
    m_fileChooser.reset();
  else if (!m_fileChooser)
    m_fileChooser = std::make_unique<DesktopFileChooser>([] { Platform::PostEmptyEvent(); });
}

// The desktop's file chooser has answered: open the deck, or show FactDeck's own browser
// when there is no desktop chooser to ask.
void App::TakeChosenFile() {
  if (!m_fileChooser) return;
  std::filesystem::path path;
  std::string reason;
  switch (m_fileChooser->Take(path, reason)) {
  case DesktopFileChooser::Outcome::Chosen: m_state.Post(OpenDeck{std::move(path)}); break;
  case DesktopFileChooser::Outcome::Unavailable:
    std::fprintf(stderr, "factdeck: %s; using FactDeck's own deck browser\n", reason.c_str());
    m_widgets.home.showBrowser = true;
    break;
  default: break;
  }
}

void App::Frame(const InputHook& inject) {
  if (m_platform.TakeScaleChanged()) m_appearanceDirty = true;
  if (m_appearanceDirty) RefreshAppearance();

  // A live room changes between frames (phones join and answer on the server's thread): it
  // wakes the window then, so the live screen needs no polling timer.
  std::shared_ptr<LiveRoom> room = m_state.live ? m_state.live->room : nullptr;
  if (room != m_listenedRoom) {
    if (m_listenedRoom) m_listenedRoom->SetChangeListener({});
    if (room) room->SetChangeListener([] { Platform::PostEmptyEvent(); });
    m_listenedRoom = std::move(room);
  }

  // Decks changed by another program are read again: looked at when the window gets the focus
  // back, and every few seconds while it is drawn (never waking it just for that).
  if (m_platform.TakeFocusGained() || m_platform.Now() - m_diskCheckedAt >= 2.0) {
    m_diskCheckedAt = m_platform.Now();
    m_state.Post(CheckDecksOnDisk{});
  }

  // Files dropped on the window open as decks.
  for (std::string& dropped : m_platform.TakeDroppedFiles())
    m_state.Post(OpenDeck{std::move(dropped)});
  m_platform.NewFrame();
  ImGuiIO& io = ImGui::GetIO();
  if (inject) inject(io);
  ImGui::NewFrame();

  TakeChosenFile();
  m_picturesLoading = m_pictures->Update(m_frame + 1);
  UiContext ui{m_state,
               m_state.intents,
               m_widgets,
               m_fontSet.fonts,
               &PaletteFor(m_state.settings.theme, m_state.ProjectorOn()),
               m_registry,
               ++m_frame,
               m_platform.Now(),
               {},
               m_stillFrames,
               m_fileChooser.get(),
               m_pictures.get()};
  DrawAppFrame(ui);
  // A focused text field blinks its cursor: wake for the blink, not every frame.
  if (io.WantTextInput) ui.needs.WakeAt(ui.now + 0.5);
  m_needs = ui.needs;

  if (m_drawToScreen)
    m_platform.Render(ImGui::GetStyle().Colors[ImGuiCol_WindowBg]);
  else
    ImGui::Render();

  AppliedChanges changes = ApplyIntents(m_state);
  if (changes.appearanceChanged) {
    m_appearanceDirty = true;
    m_needs.animating = true; // draw the next frame with the new look at once
  }
  if (changes.settingsChanged && !m_state.dataDir.empty()) {
    if (std::string error = SaveSettings(m_state.SettingsFile(), m_state.settings); !error.empty())
      m_state.notices.push_back("Settings not saved: " + error);
  }
}

} // namespace factdeck::ui
