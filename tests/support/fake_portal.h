// A private D-Bus session bus with a stand-in for the XDG desktop portal's file chooser,
// so the desktop file chooser path of the app is tested without a desktop. The bus is a
// real dbus-daemon; the stand-in answers OpenFile as a learner would: choose a file,
// cancel, or keep the dialog open until the app closes it. One per process: GLib keeps the
// first session bus it connects to for the life of the process, and ctest runs each test
// case in a process of its own.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

namespace factdeck::test {

class FakePortal {
public:
  enum class Answer { Choose, Cancel, KeepOpen };
  // Starts the bus and points DBUS_SESSION_BUS_ADDRESS at it (for this process). With
  // `fileChooser` false the bus has no portal at all.
  explicit FakePortal(bool fileChooser = true);
  ~FakePortal();
  FakePortal(const FakePortal&) = delete;
  FakePortal& operator=(const FakePortal&) = delete;

  bool Ready() const;
  void AnswerWith(Answer answer, std::filesystem::path file = {});
  // What the last OpenFile asked: its title and whether it offered a deck filter.
  int OpenCalls() const;
  int CloseCalls() const; // the app closed a dialog still open
  std::string LastTitle() const;
  std::string LastFilters() const; // the filters as GVariant text

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

} // namespace factdeck::test
