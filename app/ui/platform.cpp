#include "ui/platform.h"

#include <utility>

// glad first: it provides the GL declarations GLFW would otherwise pull in.
#include <glad/gl.h>
#include <GLFW/glfw3.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <atomic>
#include <future>

namespace factdeck::ui {

namespace {

// GLFW reports errors through a global callback; keep the last one for the message.
std::string& LastGlfwError() {
  static std::string error;
  return error;
}

void OnGlfwError(int code, const char* description) {
  LastGlfwError() = std::string(description) + " (GLFW error " + std::to_string(code) + ")";
}

Platform::Events& EventsOf(GLFWwindow* window) {
  return *static_cast<Platform::Events*>(glfwGetWindowUserPointer(window));
}

// Our callbacks only note that something happened; ImGui's backend, installed after
// them, chains to them and does the real input handling.
void MarkEvent(GLFWwindow* window) { EventsOf(window).any = true; }
void OnCursorPos(GLFWwindow* w, double, double) { MarkEvent(w); }
void OnMouseButton(GLFWwindow* w, int, int, int) { MarkEvent(w); }
void OnScroll(GLFWwindow* w, double, double) { MarkEvent(w); }
void OnKey(GLFWwindow* w, int, int, int, int) { MarkEvent(w); }
void OnChar(GLFWwindow* w, unsigned int) { MarkEvent(w); }
void OnFocus(GLFWwindow* w, int focused) {
  MarkEvent(w);
  if (focused) EventsOf(w).focusGained = true;
}
void OnCursorEnter(GLFWwindow* w, int) { MarkEvent(w); }
void OnSize(GLFWwindow* w, int, int) { MarkEvent(w); }
void OnRefresh(GLFWwindow* w) { MarkEvent(w); }
void OnIconify(GLFWwindow* w, int) { MarkEvent(w); }
void OnContentScale(GLFWwindow* w, float, float) {
  MarkEvent(w);
  EventsOf(w).scaleChanged = true;
}
void OnDrop(GLFWwindow* w, int count, const char** paths) {
  MarkEvent(w);
  for (int i = 0; i < count; ++i)
    EventsOf(w).dropped.emplace_back(paths[i]);
}

// True when the rectangle's top-left corner is on some monitor's work area, so a
// remembered position from a since-unplugged monitor is not restored off screen.
bool OnSomeMonitor(int x, int y) {
  int count = 0;
  GLFWmonitor** monitors = glfwGetMonitors(&count);
  for (int i = 0; i < count; ++i) {
    int mx = 0, my = 0, mw = 0, mh = 0;
    glfwGetMonitorWorkarea(monitors[i], &mx, &my, &mw, &mh);
    if (x >= mx && y >= my && x < mx + mw - 40 && y < my + mh - 40) return true;
  }
  return false;
}

} // namespace

std::unique_ptr<Platform> Platform::Create(const PlatformOptions& options, std::string& error) {
  glfwSetErrorCallback(OnGlfwError);
  if (!glfwInit()) {
    error = "cannot open a window: " + LastGlfwError() + ". Is a display available (DISPLAY or WAYLAND_DISPLAY)?";
    return nullptr;
  }
  std::unique_ptr<Platform> platform(new Platform());

  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_VISIBLE, options.visible ? GLFW_TRUE : GLFW_FALSE);
  glfwWindowHint(GLFW_MAXIMIZED, options.visible && options.geometry.maximized ? GLFW_TRUE : GLFW_FALSE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  glfwWindowHintString(GLFW_X11_CLASS_NAME, "factdeck");
  glfwWindowHintString(GLFW_X11_INSTANCE_NAME, "factdeck");

  const WindowGeometry& g = options.geometry;
  platform->m_window = glfwCreateWindow(g.width, g.height, "FactDeck", nullptr, nullptr);
  if (platform->m_window == nullptr) {
    error = "cannot create an OpenGL 3.3 window: " + LastGlfwError();
    glfwTerminate();
    return nullptr;
  }
  GLFWwindow* window = platform->m_window;
  if (g.hasPosition && OnSomeMonitor(g.x, g.y)) glfwSetWindowPos(window, g.x, g.y);
  glfwSetWindowSizeLimits(window, 640, 480, GLFW_DONT_CARE, GLFW_DONT_CARE);

  glfwMakeContextCurrent(window);
  if (gladLoadGL(glfwGetProcAddress) == 0) {
    error = "cannot load OpenGL 3.3 functions";
    return nullptr; // the destructor cleans up
  }
  glfwSwapInterval(options.vsync ? 1 : 0);

  glfwSetWindowUserPointer(window, &platform->m_events);
  glfwSetCursorPosCallback(window, OnCursorPos);
  glfwSetMouseButtonCallback(window, OnMouseButton);
  glfwSetScrollCallback(window, OnScroll);
  glfwSetKeyCallback(window, OnKey);
  glfwSetCharCallback(window, OnChar);
  glfwSetWindowFocusCallback(window, OnFocus);
  glfwSetCursorEnterCallback(window, OnCursorEnter);
  glfwSetFramebufferSizeCallback(window, OnSize);
  glfwSetWindowRefreshCallback(window, OnRefresh);
  glfwSetWindowIconifyCallback(window, OnIconify);
  glfwSetWindowContentScaleCallback(window, OnContentScale);
  glfwSetDropCallback(window, OnDrop);

  platform->m_events.any = true;
  return platform;
}

void Platform::StartImGui(std::unique_ptr<ImFontAtlas> atlas) {
  m_atlas = std::move(atlas);
  IMGUI_CHECKVERSION();
  ImGui::CreateContext(m_atlas.get());
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr; // FactDeck lays out its own screens; nothing to remember
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  ImGui_ImplGlfw_InitForOpenGL(m_window, /*install_callbacks=*/true); // chains to ours
  ImGui_ImplOpenGL3_Init("#version 330 core");
  m_imguiBackendsReady = true;
}

OpenedWindow OpenWindow(const PlatformOptions& options, float fontPixelSize, std::string& error) {
  auto atlas = std::make_unique<ImFontAtlas>();
  ImFontAtlas* building = atlas.get();
  std::future<FontSet> fonts =
      std::async(std::launch::async, [building, fontPixelSize] { return LoadUiFonts(*building, fontPixelSize); });
  OpenedWindow opened;
  opened.platform = Platform::Create(options, error);
  opened.fonts = fonts.get();
  if (opened.platform) opened.platform->StartImGui(std::move(atlas));
  return opened;
}

Platform::~Platform() {
  if (m_fontTexture != 0) glDeleteTextures(1, &m_fontTexture);
  if (m_imguiBackendsReady) {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
  }
  if (m_window != nullptr) glfwDestroyWindow(m_window);
  glfwTerminate();
}

bool Platform::ShouldClose() const { return glfwWindowShouldClose(m_window) != 0; }
namespace {
std::atomic<bool> g_woken{false}; // PostEmptyEvent was called: a frame is due
} // namespace

void Platform::PostEmptyEvent() {
  g_woken = true;
  glfwPostEmptyEvent();
}

void Platform::Wait(const FrameWait& wait) {
  // A minimised window draws nothing: wait for it to come back.
  if (glfwGetWindowAttrib(m_window, GLFW_ICONIFIED) != 0) {
    glfwWaitEvents();
    return;
  }
  switch (wait.kind) {
  case FrameWait::Kind::Poll: glfwPollEvents(); break;
  case FrameWait::Kind::Timeout: glfwWaitEventsTimeout(wait.seconds); break;
  case FrameWait::Kind::Forever: glfwWaitEvents(); break;
  }
}

bool Platform::TakeEvents() {
  bool any = m_events.any || g_woken.exchange(false);
  m_events.any = false;
  return any;
}

float Platform::ContentScale() const {
  float x = 1.0f, y = 1.0f;
  glfwGetWindowContentScale(m_window, &x, &y);
  return x > 0.0f ? x : 1.0f;
}

bool Platform::TakeScaleChanged() {
  bool changed = m_events.scaleChanged;
  m_events.scaleChanged = false;
  return changed;
}

bool Platform::TakeFocusGained() { return std::exchange(m_events.focusGained, false); }

std::vector<std::string> Platform::TakeDroppedFiles() {
  std::vector<std::string> dropped;
  dropped.swap(m_events.dropped);
  return dropped;
}

double Platform::Now() const { return glfwGetTime(); }

void Platform::NewFrame() {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
}

void Platform::Render(const ImVec4& clearColor) {
  ImGui::Render();
  int width = 0, height = 0;
  glfwGetFramebufferSize(m_window, &width, &height);
  glViewport(0, 0, width, height);
  glClearColor(clearColor.x, clearColor.y, clearColor.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

Image Platform::ReadFramebuffer() const {
  Image image;
  glfwGetFramebufferSize(m_window, &image.width, &image.height);
  image.rgba.resize(static_cast<size_t>(image.width) * image.height * 4);
  glFinish();
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, image.width, image.height, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
  // OpenGL's rows run bottom to top; flip to the usual order.
  const size_t row = static_cast<size_t>(image.width) * 4;
  std::vector<std::uint8_t> swap(row);
  for (int y = 0; y < image.height / 2; ++y) {
    std::uint8_t* a = &image.rgba[static_cast<size_t>(y) * row];
    std::uint8_t* b = &image.rgba[static_cast<size_t>(image.height - 1 - y) * row];
    std::copy(a, a + row, swap.data());
    std::copy(b, b + row, a);
    std::copy(swap.data(), swap.data() + row, b);
  }
  return image;
}

void Platform::Present() { glfwSwapBuffers(m_window); }
void Platform::Finish() { glFinish(); }

void Platform::RecreateFontTexture() {
  ImGuiIO& io = ImGui::GetIO();
  ImFontAtlas* atlas = io.Fonts;
  if (!m_deviceObjectsReady) {
    // The OpenGL3 backend makes its shaders and its own RGBA font texture on the first
    // NewFrame. Make them now, from a tiny stand-in atlas, and drop its texture: the real
    // atlas is never converted to RGBA (that copy alone is 4 bytes a texel in CPU memory).
    ImFontAtlas standIn;
    io.Fonts = &standIn;
    ImGui_ImplOpenGL3_CreateDeviceObjects();
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    io.Fonts = atlas;
    m_deviceObjectsReady = true;
  }
  if (m_fontTexture != 0) glDeleteTextures(1, &m_fontTexture);
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  atlas->GetTexDataAsAlpha8(&pixels, &width, &height);
  GLint lastTexture = 0;
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &lastTexture);
  glGenTextures(1, &m_fontTexture);
  glBindTexture(GL_TEXTURE_2D, m_fontTexture);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  // One channel, read by the backend's shader as white with the glyph's coverage as alpha.
  const GLint swizzle[4] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
  glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
  glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(lastTexture));
  atlas->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(m_fontTexture)));
  atlas->ClearTexData(); // the texture has it; ImGui needs only the glyph tables now
}

WindowGeometry Platform::Geometry() const {
  WindowGeometry g;
  g.maximized = glfwGetWindowAttrib(m_window, GLFW_MAXIMIZED) != 0;
  glfwGetWindowPos(m_window, &g.x, &g.y);
  glfwGetWindowSize(m_window, &g.width, &g.height);
  g.hasPosition = true;
  return g;
}

} // namespace factdeck::ui
