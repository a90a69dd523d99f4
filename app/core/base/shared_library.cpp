#include "core/base/shared_library.h"

#include <dlfcn.h>

namespace factdeck {

SharedLibrary::SharedLibrary(const char* soname) {
  m_handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (m_handle == nullptr) {
    const char* why = dlerror();
    m_error = why != nullptr ? why : std::string(soname) + ": cannot be loaded";
  }
}

void* SharedLibrary::Symbol(const char* name) {
  if (m_handle == nullptr) return nullptr;
  dlerror();
  void* symbol = dlsym(m_handle, name);
  if (symbol == nullptr && m_error.empty()) {
    const char* why = dlerror();
    m_error = why != nullptr ? why : std::string(name) + ": not found";
  }
  return symbol;
}

} // namespace factdeck
