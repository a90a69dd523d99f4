#include "core/base/threads.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <pthread.h>
#include <thread>

namespace factdeck {

void NameThisThread(const char* name) {
  const std::string cut = std::string(name).substr(0, 15);
  pthread_setname_np(pthread_self(), cut.c_str());
}

std::vector<std::string> ThreadNames() {
  std::vector<std::string> names;
  std::error_code error;
  for (const auto& task : std::filesystem::directory_iterator("/proc/self/task", error)) {
    std::string name;
    std::getline(std::ifstream(task.path() / "comm"), name);
    if (!name.empty()) names.push_back(name);
  }
  return names;
}

std::vector<std::string> WaitForThreadsToEnd(const std::function<bool(const std::string&)>& named, int ms) {
  constexpr int kPollMs = 10;
  std::vector<std::string> left;
  for (int waited = 0;; waited += kPollMs) {
    left.clear();
    for (std::string& name : ThreadNames())
      if (named(name)) left.push_back(std::move(name));
    if (left.empty() || waited >= ms) return left;
    std::this_thread::sleep_for(std::chrono::milliseconds(kPollMs));
  }
}

} // namespace factdeck
