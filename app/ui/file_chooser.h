// The desktop's own file chooser, reached through the XDG desktop portal
// (org.freedesktop.portal.FileChooser, with libportal): the dialog people know from
// their other programs, with their bookmarks and recent files. It runs on a worker thread
// with its own GLib main context, so the window keeps drawing while it is open; the UI
// polls for the outcome. When no portal answers (no session bus, no portal service, a
// portal without a file chooser), the outcome is Unavailable and the home screen shows
// FactDeck's own deck browser instead.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace factdeck::ui {

// Shows a folder in the desktop's file manager (the default application for folders, as
// GIO finds it: the same one the desktop opens). Empty when it was launched, else why not.
std::string OpenFolderOnDesktop(const std::filesystem::path& folder);

class DesktopFileChooser {
public:
  enum class Outcome { None, Waiting, Chosen, Cancelled, Unavailable };

  // `wake` is called from the worker thread when the outcome is known (it wakes the window).
  explicit DesktopFileChooser(std::function<void()> wake);
  ~DesktopFileChooser(); // closes a dialog still open and waits for the worker
  DesktopFileChooser(const DesktopFileChooser&) = delete;
  DesktopFileChooser& operator=(const DesktopFileChooser&) = delete;

  // Asks for one deck file (.toml, .csv, .tsv, .txt; "All files" as the second filter).
  // Does nothing while a dialog is already open.
  void Open(const std::string& title);
  // Waiting while the dialog is open; then, once, Chosen (with `path`), Cancelled or
  // Unavailable (with `reason`, for the log); None when nothing was asked.
  Outcome Take(std::filesystem::path& path, std::string& reason);
  bool IsWaiting() const;

private:
  struct Shared;
  void Join();
  static void StopIdleGlibThreads();
  std::shared_ptr<Shared> m_shared;
  std::thread m_worker;
  std::function<void()> m_wake;
};

} // namespace factdeck::ui
