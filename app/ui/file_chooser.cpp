#include "ui/file_chooser.h"

#include <atomic>
#include <gio/gio.h>
#include <libportal/portal.h>

#include "core/base/shared_library.h"
#include "core/base/threads.h"

namespace factdeck::ui {

namespace {

constexpr int kPortalCheckMs = 5000; // the first call may start the portal service

// libportal and the GLib it uses, loaded when the desktop's chooser or a folder is first
// opened (core/base/shared_library.h).
// clang-format off
#define FACTDECK_PORTAL_FUNCTIONS(X)     \
  X(g_error_free)                        \
  X(xdp_portal_open_file_finish)         \
  X(g_error_matches)                     \
  X(g_io_error_quark)                    \
  X(g_variant_lookup)                    \
  X(g_filename_from_uri)                 \
  X(g_free)                              \
  X(g_variant_unref)                     \
  X(g_bus_get_sync)                      \
  X(g_dbus_connection_set_exit_on_close) \
  X(g_dbus_connection_call_sync)         \
  X(g_variant_new)                       \
  X(g_object_unref)                      \
  X(g_filename_to_uri)                   \
  X(g_app_info_launch_default_for_uri)   \
  X(g_cancellable_cancel)                \
  X(g_main_context_wakeup)               \
  X(g_thread_pool_stop_unused_threads)   \
  X(g_main_context_new)                  \
  X(g_main_context_push_thread_default)  \
  X(g_cancellable_new)                   \
  X(xdp_portal_new)                      \
  X(g_variant_new_parsed)                \
  X(xdp_portal_open_file)                \
  X(g_main_context_iteration)            \
  X(g_dbus_connection_flush_sync)        \
  X(g_main_context_pop_thread_default)   \
  X(g_main_context_unref)
// clang-format on

FACTDECK_LIBRARY_API(PortalApi, Portal, FACTDECK_SONAME_PORTAL, FACTDECK_PORTAL_FUNCTIONS)

// A GError freed when the scope ends.
struct Error {
  GError* p = nullptr;
  ~Error() {
    if (p != nullptr) Portal().g_error_free(p);
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
  const PortalApi& gio = Portal();
  auto& job = *static_cast<Job*>(data);
  Error error;
  GVariant* reply = gio.xdp_portal_open_file_finish(reinterpret_cast<XdpPortal*>(source), result, &error.p);
  if (reply == nullptr) {
    // The learner closed the dialog; anything else (a portal without a working file
    // chooser back end) falls back to FactDeck's own browser.
    const bool cancelled = gio.g_error_matches(error.p, gio.g_io_error_quark(), G_IO_ERROR_CANCELLED);
    job.outcome = cancelled ? DesktopFileChooser::Outcome::Cancelled : DesktopFileChooser::Outcome::Unavailable;
    job.reason = error.p != nullptr ? error.p->message : "no reply";
    return;
  }
  const char** uris = nullptr;
  job.outcome = DesktopFileChooser::Outcome::Cancelled;
  if (gio.g_variant_lookup(reply, "uris", "^a&s", &uris) && uris != nullptr && uris[0] != nullptr) {
    Error uriError;
    if (char* file = gio.g_filename_from_uri(uris[0], nullptr, &uriError.p)) {
      job.outcome = DesktopFileChooser::Outcome::Chosen;
      job.path = file;
      gio.g_free(file);
    } else {
      job.outcome = DesktopFileChooser::Outcome::Unavailable;
      job.reason = std::string("the chooser gave a location that is not a file: ") + uris[0];
    }
  }
  gio.g_free(uris);
  gio.g_variant_unref(reply);
}

// The session bus when a desktop portal with a file chooser answers on it (a reference
// the caller releases); else nullptr and the reason.
GDBusConnection* PortalBus(GCancellable* cancel, std::string& reason) {
  const PortalApi& gio = Portal();
  Error error;
  GDBusConnection* bus = gio.g_bus_get_sync(G_BUS_TYPE_SESSION, cancel, &error.p);
  if (bus == nullptr) {
    reason = std::string("no session bus: ") + error.p->message;
    return nullptr;
  }
  // The connection is GLib's shared one: a bus that goes away must not end the program.
  gio.g_dbus_connection_set_exit_on_close(bus, FALSE);
  GVariant* version = gio.g_dbus_connection_call_sync(
      bus, "org.freedesktop.portal.Desktop", "/org/freedesktop/portal/desktop", "org.freedesktop.DBus.Properties",
      "Get", gio.g_variant_new("(ss)", "org.freedesktop.portal.FileChooser", "version"),
      reinterpret_cast<const GVariantType*>("(v)"), G_DBUS_CALL_FLAGS_NONE, kPortalCheckMs, cancel, &error.p);
  if (version == nullptr) {
    reason = std::string("no desktop portal file chooser: ") + error.p->message;
    gio.g_object_unref(bus);
    return nullptr;
  }
  gio.g_variant_unref(version);
  return bus;
}

} // namespace

std::string OpenFolderOnDesktop(const std::filesystem::path& folder) {
  const PortalApi& gio = Portal();
  if (!gio.error.empty()) return gio.error;
  Error error;
  char* uri = gio.g_filename_to_uri(folder.c_str(), nullptr, &error.p);
  if (uri == nullptr) return error.p->message;
  const bool launched = gio.g_app_info_launch_default_for_uri(uri, nullptr, &error.p);
  gio.g_free(uri);
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
  const PortalApi& gio = Portal();
  {
    std::lock_guard lock(m_shared->mutex);
    m_shared->stop = true;
    if (m_shared->syncCancel != nullptr) gio.g_cancellable_cancel(m_shared->syncCancel);
    if (m_shared->context != nullptr) gio.g_main_context_wakeup(m_shared->context);
  }
  m_worker.join();
}

// D-Bus work leaves GLib's shared worker threads ("pool") idle, each ending by itself some
// seconds later: one may end while the process exits, racing LeakSanitizer's exit-time scan
// of the threads (a crash in its tracer). Idle ones are told to end now, and waited for.
void DesktopFileChooser::StopIdleGlibThreads() {
  const PortalApi& gio = Portal();
  if (!gio.error.empty()) return;
  gio.g_thread_pool_stop_unused_threads();
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
    const PortalApi& gio = Portal();
    if (!gio.error.empty()) {
      shared->Finish(Outcome::Unavailable, {}, "the desktop's file chooser could not be loaded: " + gio.error);
      if (wake) wake();
      return;
    }
    GMainContext* context = gio.g_main_context_new();
    gio.g_main_context_push_thread_default(context);
    GCancellable* syncCancel = gio.g_cancellable_new();
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
      XdpPortal* portal = gio.xdp_portal_new();
      GCancellable* portalCancel = gio.g_cancellable_new();
      GVariant* filters =
          gio.g_variant_new_parsed("[('Decks (.toml, .csv, .tsv, .txt, .xlsx, .ods, .apkg, .colpkg)', [(uint32 0, "
                                   "'*.toml'), (0, '*.csv'), (0, '*.tsv'), (0, '*.txt'), (0, '*.xlsx'), "
                                   "(0, '*.ods'), (0, '*.apkg'), (0, '*.colpkg')]), "
                                   "('All files', [(uint32 0, '*')])]");
      gio.xdp_portal_open_file(portal, nullptr, title.c_str(), filters, nullptr, nullptr, XDP_OPEN_FILE_FLAG_NONE,
                               portalCancel, OnOpened, &job);
      while (job.outcome == Outcome::Waiting && !shared->stop)
        gio.g_main_context_iteration(context, TRUE);
      if (job.outcome == Outcome::Waiting) {
        // The window is closing with the dialog open: close the dialog too (libportal
        // sends the request's Close when its call is cancelled), then stop.
        gio.g_cancellable_cancel(portalCancel);
        for (int i = 0; i < 100 && job.outcome == Outcome::Waiting; ++i)
          gio.g_main_context_iteration(context, FALSE);
        job.outcome = Outcome::Cancelled;
      }
      gio.g_object_unref(portalCancel);
      gio.g_object_unref(portal);
      // The bus is GLib's shared connection: when its last reference goes it closes, and a
      // Close still queued would be lost with it.
      gio.g_dbus_connection_flush_sync(bus, nullptr, nullptr);
      gio.g_object_unref(bus);
    }
    {
      std::lock_guard lock(shared->mutex);
      shared->context = nullptr;
      shared->syncCancel = nullptr;
    }
    gio.g_object_unref(syncCancel);
    gio.g_main_context_pop_thread_default(context);
    gio.g_main_context_unref(context);
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
