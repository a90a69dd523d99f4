// The floor for FactDeck's start-up benchmarks: the smallest GLFW + OpenGL 3.3 + Dear
// ImGui window, built from the same packages, drawing one ImGui window with the built-in
// font. Speaks the same benchmark flags as factdeck: --report-first-frame prints the
// wall-clock time when the first frame has been drawn; --quit-after-frames N exits.
#include <glad/gl.h>
#include <GLFW/glfw3.h>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

namespace {
volatile std::sig_atomic_t g_stop = 0;
void OnSignal(int) { g_stop = 1; }
} // namespace

int main(int argc, char** argv) {
  bool report = false;
  int quitAfter = 0;
  int width = 1280, height = 800;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--report-first-frame") == 0)
      report = true;
    else if (std::strcmp(argv[i], "--quit-after-frames") == 0 && i + 1 < argc)
      quitAfter = std::atoi(argv[++i]);
    else if (std::strcmp(argv[i], "--size") == 0 && i + 1 < argc &&
             std::sscanf(argv[++i], "%dx%d", &width, &height) != 2)
      return 2;
  }
  std::signal(SIGTERM, OnSignal);
  if (!glfwInit()) return 1;
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  GLFWwindow* window = glfwCreateWindow(width, height, "bare", nullptr, nullptr);
  if (window == nullptr) return 1;
  glfwMakeContextCurrent(window);
  gladLoadGL(glfwGetProcAddress);
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");

  int frames = 0;
  while (!glfwWindowShouldClose(window) && !g_stop) {
    if (frames > 2)
      glfwWaitEventsTimeout(0.5); // event-driven, like factdeck; wakes for SIGTERM
    else
      glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    ImGui::Begin("Bare window");
    ImGui::TextUnformatted("Hello");
    ImGui::End();
    ImGui::Render();
    int w = 0, h = 0;
    glfwGetFramebufferSize(window, &w, &h);
    glViewport(0, 0, w, h);
    glClearColor(0.1f, 0.1f, 0.1f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(window);
    if (++frames == 1 && report) {
      glFinish();
      timespec ts{};
      clock_gettime(CLOCK_REALTIME, &ts);
      std::printf("first-frame %.6f\n", static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9);
      std::fflush(stdout);
    }
    if (quitAfter > 0 && frames >= quitAfter) break;
  }
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  return 0;
}
