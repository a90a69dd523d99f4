#include "ui/file_chooser.h"

#include <atomic>
#include <gio/gio.h>
#include <libportal/portal.h>

#include "core/base/threads.h"

namespace factdeck::ui {

namespace {

constexpr int kPortalCheckMs = 5000; // the first call may start the portal service

// A GError freed when the scope ends.
struct Error {
  GError* p = nullptr;
  ~Error() {
    if (p != nullptr) g_error_free(p);
  }
};

} // namespace

struct DesktopFileChooser::Shared {
  std::mutex mutex;
  Outcome outcome = Outcome::None;
  std::filesystem::path path;
  std::string reason;
  std::atomic<bool> stop{false};
  GMainContext* context = nullptr;    // the worker's, while it runs (under mutex)
  GCancellable* syncCancel = nullptr; // cancels the worker's blocking D-Bus calls (under mutex)

  void Finish(Outcome o, std::filesystem::path p, std::string r) {
    std::lock_guard lock(mutex);
    outcome = o;
    path = std::move(p);
    reason = std::move(r);
  }
};

namespace {

struct Job {
  DesktopFileChooser::Outcome outcome = DesktopFileChooser::Outcome::Waiting;
  std::filesystem::path path;
  std::string reason;
};

void OnOpened(GObject* source, GAsyncResult* result, gpointer data) {
  auto& job = *static_cast<Job*>(data);
  Error error;
  GVariant* reply = xdp_portal_open_file_finish(XDP_PORTAL(source), result, &error.p);
  if (reply == nullptr) {
    // The learner closed the dialog; anything else (a portal without a working file
    // chooser back end) falls back to FactDeck's own browser.
    const bool cancelled = g_error_matches(error.p, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    job.outcome = cancelled ? DesktopFileChooser::Outcome::Cancelled : DesktopFileChooser::Outcome::Unavailable;
    job.reason = error.p != nullptr ? error.p->message : "no reply";
    return;
  }
  const char** uris = nullptr;
  job.outcome = DesktopFileChooser::Outcome::Cancelled;
  if (g_variant_lookup(reply, "uris", "^a&s", &uris) && uris != nullptr && uris[0] != nullptr) {
    Error uriError;
    if (char* file = g_filename_from_uri(uris[0], nullptr, &uriError.p)) {
      job.outcome = DesktopFileChooser::Outcome::Chosen;
      job.path = file;
      g_free(file);
    } else {
      job.outcome = DesktopFileChooser::Outcome::Unavailable;
      job.reason = std::string("the chooser gave a location that is not a file: ") + uris[0];
    }
  }
  g_free(uris);
  g_variant_unref(reply);
}

// The session bus when a desktop portal with a file chooser answers on it (a reference
// the caller releases); else nullptr and the reason.
GDBusConnection* PortalBus(GCancellable* cancel, std::string& reason) {
  Error error;
  GDBusConnection* bus = g_bus_get_sync(G_BUS_TYPE_SESSION, cancel, &error.p);
  if (bus == nullptr) {
    reason = std::string("no session bus: ") + error.p->message;
    return nullptr;
  }
  // The connection is GLib's shared one: a bus that goes away must not end the program.
  g_dbus_connection_set_exit_on_close(bus, FALSE);
  GVariant* version = g_dbus_connection_call_sync(
      bus, "org.freedesktop.portal.Desktop", "/org/freedesktop/portal/desktop", "org.freedesktop.DBus.Properties",
      "Get", g_variant_new("(ss)", "org.freedesktop.portal.FileChooser", "version"), G_VARIANT_TYPE("(v)"),
      G_DBUS_CALL_FLAGS_NONE, kPortalCheckMs, cancel, &error.p);
  if (version == nullptr) {
    reason = std::string("no desktop portal file chooser: ") + error.p->message;
    g_object_unref(bus);
    return nullptr;
  }
  g_variant_unref(version);
  return bus;
}

} // namespace

std::string OpenFolderOnDesktop(const std::filesystem::path& folder) {
  Error error;
  char* uri = g_filename_to_uri(folder.c_str(), nullptr, &error.p);
  if (uri == nullptr) return error.p->message;
  const bool launched = g_app_info_launch_default_for_uri(uri, nullptr, &error.p);
  g_free(uri);
  return launched ? std::string() : std::string(error.p != nullptr ? error.p->message : "no application for folders");
}

DesktopFileChooser::DesktopFileChooser(std::function<void()> wake) : m_wake(std::move(wake)) {}

DesktopFileChooser::~DesktopFileChooser() {
  const bool used = m_shared != nullptr;
  Join();
  if (used) StopIdleGlibThreads();
}

void DesktopFileChooser::Join() {
  if (!m_worker.joinable()) return;
  {
    std::lock_guard lock(m_shared->mutex);
    m_shared->stop = true;
    if (m_shared->syncCancel != nullptr) g_cancellable_cancel(m_shared->syncCancel);
    if (m_shared->context != nullptr) g_main_context_wakeup(m_shared->context);
  }
  m_worker.join();
}

// D-Bus work leaves GLib's shared worker threads ("pool") idle, each ending by itself some
// seconds later: one may end while the process exits, racing LeakSanitizer's exit-time scan
// of the threads (a crash in its tracer). Idle ones are told to end now, and waited for.
void DesktopFileChooser::StopIdleGlibThreads() {
  g_thread_pool_stop_unused_threads();
  WaitForThreadsToEnd([](const std::string& name) { return name == "pool"; }, 2000);
}

bool DesktopFileChooser::IsWaiting() const {
  if (!m_shared) return false;
  std::lock_guard lock(m_shared->mutex);
  return m_shared->outcome == Outcome::Waiting;
}

void DesktopFileChooser::Open(const std::string& title) {
  if (IsWaiting()) return;
  if (m_worker.joinable()) m_worker.join(); // the last dialog's worker has finished
  m_shared = std::make_shared<Shared>();
  m_shared->outcome = Outcome::Waiting;
  m_worker = std::thread([shared = m_shared, title, wake = m_wake] {
    NameThisThread("fd-chooser");
    GMainContext* context = g_main_context_new();
    g_main_context_push_thread_default(context);
    GCancellable* syncCancel = g_cancellable_new();
    {
      std::lock_guard lock(shared->mutex);
      shared->context = context;
      shared->syncCancel = syncCancel;
    }
    Job job;
    GDBusConnection* bus = PortalBus(syncCancel, job.reason);
    if (bus == nullptr) {
      job.outcome = Outcome::Unavailable;
    } else {
      XdpPortal* portal = xdp_portal_new();
      GCancellable* portalCancel = g_cancellable_new();
      GVariant* filters = g_variant_new_parsed("[('Decks (.toml, .csv, .tsv, .txt)', [(uint32 0, '*.toml'), "
                                               "(0, '*.csv'), (0, '*.tsv'), (0, '*.txt')]), "
                                               "('All files', [(uint32 0, '*')])]");
      xdp_portal_open_file(portal, nullptr, title.c_str(), filters, nullptr, nullptr, XDP_OPEN_FILE_FLAG_NONE,
                           portalCancel, OnOpened, &job);
      while (job.outcome == Outcome::Waiting && !shared->stop)
        g_main_context_iteration(context, TRUE);
      if (job.outcome == Outcome::Waiting) {
        // The window is closing with the dialog open: close the dialog too (libportal
        // sends the request's Close when its call is cancelled), then stop.
        g_cancellable_cancel(portalCancel);
        for (int i = 0; i < 100 && job.outcome == Outcome::Waiting; ++i)
          g_main_context_iteration(context, FALSE);
        job.outcome = Outcome::Cancelled;
      }
      g_object_unref(portalCancel);
      g_object_unref(portal);
      // The bus is GLib's shared connection: when its last reference goes it closes, and a
      // Close still queued would be lost with it.
      g_dbus_connection_flush_sync(bus, nullptr, nullptr);
      g_object_unref(bus);
    }
    {
      std::lock_guard lock(shared->mutex);
      shared->context = nullptr;
      shared->syncCancel = nullptr;
    }
    g_object_unref(syncCancel);
    g_main_context_pop_thread_default(context);
    g_main_context_unref(context);
    shared->Finish(job.outcome, std::move(job.path), std::move(job.reason));
    if (wake) wake();
  });
}

DesktopFileChooser::Outcome DesktopFileChooser::Take(std::filesystem::path& path, std::string& reason) {
  if (!m_shared) return Outcome::None;
  std::lock_guard lock(m_shared->mutex);
  const Outcome outcome = m_shared->outcome;
  if (outcome == Outcome::Waiting || outcome == Outcome::None) return outcome;
  path = std::move(m_shared->path);
  reason = std::move(m_shared->reason);
  m_shared->outcome = Outcome::None;
  return outcome;
}

} // namespace factdeck::ui
