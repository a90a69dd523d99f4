// Libraries FactDeck loads only when a feature first needs them (the live room's server and
// QR code, the confusable-names check, the desktop's file chooser), so that a window that
// never opens a live room or the desktop's chooser does not map them at all: together they
// are about 6 MB of resident memory (docs/performance.md, "Peak memory").
//
// A library is opened once, by the soname CMake read from the library it built against
// (cmake/Dependencies.cmake, factdeck_soname), and stays loaded until the process exits:
// closing it could pull code from under a thread the library started.
#pragma once

#include <string>

#define FACTDECK_STRINGIFY_(x) #x
// The symbol's name after macro expansion (ICU renames `uspoof_open` to `uspoof_open_72`).
#define FACTDECK_SYMBOL_NAME(f) FACTDECK_STRINGIFY_(f)

// Defines struct `Api`, one function pointer for each function `LIST` names (an X-macro:
// `#define LIST(X) X(fn_one) X(fn_two)`), each member named as the function, and
// `const Api& Name()`, which opens `soname` and binds them on its first call; the struct's
// `error` is empty when every one was found.
#define FACTDECK_API_MEMBER_(f) decltype(&::f) f = nullptr;
#define FACTDECK_API_BIND_(f) library.Bind(a.f, FACTDECK_SYMBOL_NAME(f));
#define FACTDECK_LIBRARY_API(Api, Name, soname, LIST)                                                                  \
  struct Api {                                                                                                         \
    LIST(FACTDECK_API_MEMBER_)                                                                                         \
    std::string error;                                                                                                 \
  };                                                                                                                   \
  const Api& Name() {                                                                                                  \
    static const Api api = [] {                                                                                        \
      static ::factdeck::SharedLibrary library(soname);                                                                \
      Api a;                                                                                                           \
      LIST(FACTDECK_API_BIND_)                                                                                         \
      a.error = library.Error();                                                                                       \
      return a;                                                                                                        \
    }();                                                                                                               \
    return api;                                                                                                        \
  }

namespace factdeck {

class SharedLibrary {
public:
  // Opens `soname` now (dlopen, every symbol bound at once); see Loaded() and Error().
  explicit SharedLibrary(const char* soname);
  SharedLibrary(const SharedLibrary&) = delete;
  SharedLibrary& operator=(const SharedLibrary&) = delete;

  bool Loaded() const { return m_handle != nullptr && m_error.empty(); }
  // What failed, for a message to the user ("libmicrohttpd.so.12: cannot open shared object
  // file ..."); empty while everything asked for was found.
  const std::string& Error() const { return m_error; }

  // Sets `slot` to the function named `name` in the library or the libraries it depends on;
  // a missing one is kept in Error().
  template <class Function> void Bind(Function*& slot, const char* name) {
    slot = reinterpret_cast<Function*>(Symbol(name));
  }

private:
  void* Symbol(const char* name);

  void* m_handle = nullptr;
  std::string m_error;
};

} // namespace factdeck
