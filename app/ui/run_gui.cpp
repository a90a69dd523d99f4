#include "ui/run_gui.h"

#include <atomic>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <pthread.h>
#include <thread>

#include "core/app/fixtures.h"
#include "core/base/threads.h"
#include "ui/app.h"

namespace factdeck::ui {

namespace {

constexpr int kScreenshotFrames = 4; // enough for auto-sized layouts to settle

// SIGINT and SIGTERM close the window cleanly (settings saved) instead of killing the
// process mid-write. They are blocked in every thread and taken by one thread with
// sigwait, which then wakes the loop: no work inside a signal handler.
sigset_t StopSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGUSR2); // used only to end the watcher
  return set;
}

class StopSignalWatcher {
public:
  StopSignalWatcher() {
    m_thread = std::thread([this] {
      NameThisThread("fd-signals");
      sigset_t set = StopSignals();
      int signal = 0;
      while (sigwait(&set, &signal) == 0) {
        if (signal == SIGUSR2) return;
        m_stop = true;
        Platform::PostEmptyEvent();
      }
    });
  }
  ~StopSignalWatcher() {
    pthread_kill(m_thread.native_handle(), SIGUSR2);
    m_thread.join();
  }
  bool StopRequested() const { return m_stop; }

private:
  std::atomic<bool> m_stop{false};
  std::thread m_thread;
};

double WallClockSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_REALTIME, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Whenever a live room opens, its join address goes to standard output as one line
// ("join: http://ADDRESS:PORT/?code=NNNNNN"), so that a room can be tried and tested from a
// terminal.
void AnnounceRoom(const AppState& state, std::string& announced) {
  const std::string url = state.live && state.live->room ? state.live->url : std::string();
  if (!url.empty() && url != announced) {
    std::printf("join: %s\n", url.c_str());
    std::fflush(stdout);
  }
  announced = url;
}

} // namespace

int RunGui(const GuiOptions& options) {
  // Before any thread starts, so that every thread inherits the mask.
  sigset_t stopSignals = StopSignals();
  pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

  AppState state = LoadAppState(options.dataDir, options.deck.value_or(std::filesystem::path()), options.open);
  if (options.sampleDays > 0) SimulateStudy(state, options.sampleDays, 7);
  const bool screenshot = options.screenshot.has_value();
  PlatformOptions platformOptions;
  platformOptions.geometry = state.settings.window;
  if (options.width > 0 && options.height > 0) {
    platformOptions.geometry.width = options.width;
    platformOptions.geometry.height = options.height;
    platformOptions.geometry.maximized = false;
  }
  platformOptions.visible = !screenshot;
  platformOptions.vsync = !screenshot && options.quitAfterFrames == 0;

  // Most screens are at content scale 1; a HiDPI monitor rebuilds the fonts once.
  std::string error;
  OpenedWindow window = OpenWindow(platformOptions, FontPixelSize(state.settings, 1.0f, state.ProjectorOn()), error);
  if (!window.platform) {
    std::fprintf(stderr, "factdeck: error: %s\n", error.c_str());
    return 1;
  }
  Platform* platform = window.platform.get();
  App app(*platform, state, std::move(window.fonts));
  app.UseDesktopFileChooser(!screenshot);
  // Once the fonts are known (AppState::canDraw): a sample live room takes only names they draw.
  StartOnScreen(state, options.screen, /*stillClock=*/screenshot);
  for (const std::string& notice : state.notices)
    std::fprintf(stderr, "factdeck: warning: %s\n", notice.c_str());

  if (screenshot) {
    app.SetStillFrames(true);
    for (int i = 1; i < kScreenshotFrames; ++i) {
      app.Frame();
      app.Present();
    }
    app.Frame();
    if (std::string writeError = WritePng(platform->ReadFramebuffer(), options.screenshot->string());
        !writeError.empty()) {
      std::fprintf(stderr, "factdeck: error: %s\n", writeError.c_str());
      return 1;
    }
    return 0;
  }

  StopSignalWatcher signals;
  FramePacer pacer;
  bool firstFrameShown = false;
  std::string announced;
  AnnounceRoom(state, announced);
  while (!platform->ShouldClose() && !state.quitRequested && !signals.StopRequested()) {
    platform->Wait(pacer.NextWait(platform->Now()));
    if (platform->TakeEvents()) pacer.OnEvent();
    if (!pacer.FrameDue(platform->Now())) continue;
    app.Frame();
    app.Present();
    pacer.OnFrameDrawn(app.Needs());
    if (!firstFrameShown && options.reportFirstFrame) {
      platform->Finish();
      std::printf("first-frame %.6f\n", WallClockSeconds());
      std::fflush(stdout);
    }
    firstFrameShown = true;
    AnnounceRoom(state, announced);
    if (options.quitAfterFrames > 0 && app.FrameCount() >= options.quitAfterFrames) break;
  }

  CloseLiveRoom(state); // phones are told nothing more; a game in progress is saved
  state.settings.window = platform->Geometry();
  if (std::string saveError = SaveSettings(state.SettingsFile(), state.settings); !saveError.empty()) {
    std::fprintf(stderr, "factdeck: warning: settings not saved: %s\n", saveError.c_str());
  }
  return 0;
}

} // namespace factdeck::ui
