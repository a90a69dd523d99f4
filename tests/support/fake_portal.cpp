#include "support/fake_portal.h"

#include <atomic>
#include <cstdlib>
#include <gio/gio.h>
#include <mutex>
#include <thread>

#include "support/process.h"

namespace factdeck::test {

namespace {

constexpr const char* kIntrospection = R"(
<node>
  <interface name="org.freedesktop.portal.FileChooser">
    <method name="OpenFile">
      <arg type="s" name="parent_window" direction="in"/>
      <arg type="s" name="title" direction="in"/>
      <arg type="a{sv}" name="options" direction="in"/>
      <arg type="o" name="handle" direction="out"/>
    </method>
    <property name="version" type="u" access="read"/>
  </interface>
</node>)";

constexpr const char* kRequestIntrospection = R"(
<node>
  <interface name="org.freedesktop.portal.Request">
    <method name="Close"/>
  </interface>
</node>)";

} // namespace

struct FakePortal::Impl {
  std::unique_ptr<BackgroundProcess> daemon;
  std::string address;
  bool fileChooser = true;
  std::thread thread;
  GMainContext* context = nullptr;
  std::atomic<bool> ready{false}, stop{false};

  mutable std::mutex mutex;
  Answer answer = Answer::Choose;
  std::filesystem::path file;
  int openCalls = 0, closeCalls = 0;
  std::string title, filters;
  GDBusNodeInfo* requestInfo = nullptr;

  static void OnCall(GDBusConnection* bus, const char* sender, const char*, const char* interface, const char* method,
                     GVariant* parameters, GDBusMethodInvocation* invocation, gpointer data) {
    auto& self = *static_cast<Impl*>(data);
    if (std::string(interface) == "org.freedesktop.portal.Request") {
      std::lock_guard lock(self.mutex);
      ++self.closeCalls;
      g_dbus_method_invocation_return_value(invocation, nullptr);
      return;
    }
    if (std::string(method) != "OpenFile") {
      g_dbus_method_invocation_return_dbus_error(invocation, "org.freedesktop.DBus.Error.UnknownMethod", method);
      return;
    }
    const char *parent = nullptr, *title = nullptr;
    GVariant* options = nullptr;
    g_variant_get(parameters, "(&s&s@a{sv})", &parent, &title, &options);
    const char* token = "t";
    g_variant_lookup(options, "handle_token", "&s", &token);
    // The request's path, as the portal documents it: the caller's unique name without
    // its ':' and with '.' as '_', then the caller's token.
    std::string caller = sender + 1;
    for (char& c : caller)
      if (c == '.') c = '_';
    const std::string handle = std::string("/org/freedesktop/portal/desktop/request/") + caller + "/" + token;
    Answer answer;
    std::filesystem::path file;
    {
      std::lock_guard lock(self.mutex);
      self.title = title;
      GVariant* filters = g_variant_lookup_value(options, "filters", nullptr);
      self.filters.clear();
      if (filters != nullptr) {
        char* text = g_variant_print(filters, FALSE);
        self.filters = text;
        g_free(text);
        g_variant_unref(filters);
      }
      answer = self.answer;
      file = self.file;
    }
    g_variant_unref(options);
    static const GDBusInterfaceVTable requestTable{OnCall, nullptr, nullptr, {}};
    g_dbus_connection_register_object(bus, handle.c_str(), self.requestInfo->interfaces[0], &requestTable, data,
                                      nullptr, nullptr);
    {
      // Counted once the request can be closed: a Close to a path not yet registered is
      // refused by GDBus's own thread, before this one could register it.
      std::lock_guard lock(self.mutex);
      ++self.openCalls;
    }
    g_dbus_method_invocation_return_value(invocation, g_variant_new("(o)", handle.c_str()));
    if (answer == Answer::KeepOpen) return;
    GVariantBuilder results;
    g_variant_builder_init(&results, G_VARIANT_TYPE("a{sv}"));
    if (answer == Answer::Choose) {
      char* uri = g_filename_to_uri(file.c_str(), nullptr, nullptr);
      const char* uris[] = {uri, nullptr};
      g_variant_builder_add(&results, "{sv}", "uris", g_variant_new_strv(uris, 1));
      g_free(uri);
    }
    g_dbus_connection_emit_signal(bus, sender, handle.c_str(), "org.freedesktop.portal.Request", "Response",
                                  g_variant_new("(ua{sv})", answer == Answer::Choose ? 0u : 1u, &results), nullptr);
  }

  static GVariant* OnGetProperty(GDBusConnection*, const char*, const char*, const char*, const char*, GError**,
                                 gpointer) {
    return g_variant_new_uint32(3);
  }
};

FakePortal::FakePortal(bool fileChooser) : m_impl(std::make_unique<Impl>()) {
  Impl& impl = *m_impl;
  impl.fileChooser = fileChooser;
  impl.daemon = std::make_unique<BackgroundProcess>(
      std::vector<std::string>{"/usr/bin/dbus-daemon", "--session", "--nofork", "--print-address"}, true);
  impl.address = impl.daemon->ReadLine(10000);
  if (impl.address.empty()) return;
  setenv("DBUS_SESSION_BUS_ADDRESS", impl.address.c_str(), 1);
  impl.requestInfo = g_dbus_node_info_new_for_xml(kRequestIntrospection, nullptr);
  impl.context = g_main_context_new();
  impl.thread = std::thread([&impl] {
    g_main_context_push_thread_default(impl.context);
    GError* error = nullptr;
    GDBusConnection* bus = g_dbus_connection_new_for_address_sync(
        impl.address.c_str(),
        static_cast<GDBusConnectionFlags>(G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                          G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION),
        nullptr, nullptr, &error);
    GDBusNodeInfo* info = g_dbus_node_info_new_for_xml(kIntrospection, nullptr);
    if (bus != nullptr) {
      g_dbus_connection_set_exit_on_close(bus, FALSE);
      if (impl.fileChooser) {
        static const GDBusInterfaceVTable table{Impl::OnCall, Impl::OnGetProperty, nullptr, {}};
        g_dbus_connection_register_object(bus, "/org/freedesktop/portal/desktop", info->interfaces[0], &table, &impl,
                                          nullptr, nullptr);
        GVariant* reply =
            g_dbus_connection_call_sync(bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                        "RequestName", g_variant_new("(su)", "org.freedesktop.portal.Desktop", 4u),
                                        G_VARIANT_TYPE("(u)"), G_DBUS_CALL_FLAGS_NONE, 5000, nullptr, nullptr);
        if (reply != nullptr) g_variant_unref(reply);
      }
      impl.ready = true;
      while (!impl.stop)
        g_main_context_iteration(impl.context, TRUE);
      g_dbus_connection_close_sync(bus, nullptr, nullptr);
      g_object_unref(bus);
    } else {
      g_error_free(error);
    }
    g_dbus_node_info_unref(info);
    g_main_context_pop_thread_default(impl.context);
  });
  for (int i = 0; i < 500 && !impl.ready; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
}

FakePortal::~FakePortal() {
  if (m_impl->thread.joinable()) {
    m_impl->stop = true;
    g_main_context_wakeup(m_impl->context);
    m_impl->thread.join();
  }
  if (m_impl->context != nullptr) g_main_context_unref(m_impl->context);
  if (m_impl->requestInfo != nullptr) g_dbus_node_info_unref(m_impl->requestInfo);
}

bool FakePortal::Ready() const { return m_impl->ready; }

void FakePortal::AnswerWith(Answer answer, std::filesystem::path file) {
  std::lock_guard lock(m_impl->mutex);
  m_impl->answer = answer;
  m_impl->file = std::move(file);
}

int FakePortal::OpenCalls() const {
  std::lock_guard lock(m_impl->mutex);
  return m_impl->openCalls;
}

int FakePortal::CloseCalls() const {
  std::lock_guard lock(m_impl->mutex);
  return m_impl->closeCalls;
}

std::string FakePortal::LastTitle() const {
  std::lock_guard lock(m_impl->mutex);
  return m_impl->title;
}

std::string FakePortal::LastFilters() const {
  std::lock_guard lock(m_impl->mutex);
  return m_impl->filters;
}

} // namespace factdeck::test
