#include "core/base/threads.h"

#include <filesystem>
#include <fstream>
#include <pthread.h>

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

} // namespace factdeck
