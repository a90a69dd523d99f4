// Linked into every executable of a FACTDECK_SANITIZE build (see cmake/Warnings.cmake).
//
// Default options for AddressSanitizer and LeakSanitizer, so that every way of running
// a test binary or the app (ctest, by hand, from another test) checks the same things.

#include <sanitizer/common_interface_defs.h>

extern "C" {

const char* __asan_default_options() { return "detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1"; }

const char* __ubsan_default_options() { return "print_stacktrace=1:halt_on_error=1"; }

// Leaks inside system libraries that FactDeck does not own: Mesa's OpenGL driver, X11,
// fontconfig's caches, GLFW's copies of X resources. Our own code is never listed here.
const char* __lsan_default_suppressions() {
  return "leak:libGLX_mesa.so\n"
         "leak:libGLX.so\n"
         "leak:libGLdispatch.so\n"
         "leak:swrast_dri.so\n"
         "leak:libgallium\n"
         "leak:libLLVM\n"
         "leak:libX11.so\n"
         "leak:libxcb\n"
         "leak:libfontconfig.so\n"
         "leak:libdbus-1.so\n"
         "leak:libglfw.so\n";
}

// Keeps every dynamically loaded library mapped until exit. Mesa loads its driver with
// dlopen and unloads it when the window closes; a leak inside an unloaded library shows
// as "<unknown module>" and cannot be matched by the suppressions above. Only in
// sanitizer builds: this executable's dlclose takes precedence over libc's.
int dlclose(void*) { return 0; }

} // extern "C"
