# Warnings for FactDeck's own targets: factdeck_warnings(TARGET).
function(factdeck_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                           -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual
                                           -Wnull-dereference -Wformat=2 -Wimplicit-fallthrough)
  # GCC 12 (Debian 12's) warns, in optimised builds only, about libstdc++'s own inlined string
  # and vector code (std::string's operator+ "may overlap up to 9223372036854775813 bytes",
  # a "potential null pointer dereference" in a moved string's allocator: GCC bug 105329 and
  # its kin), never about a line of FactDeck. Those two are off there; Debug keeps them.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE $<$<NOT:$<CONFIG:Debug>>:-Wno-restrict -Wno-null-dereference>)
  endif()
  if(FACTDECK_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# Sanitizer defaults for an executable: factdeck_sanitizer_defaults(TARGET).
function(factdeck_sanitizer_defaults target)
  if(FACTDECK_SANITIZE)
    target_sources(${target} PRIVATE "${PROJECT_SOURCE_DIR}/cmake/sanitizer_defaults.cpp")
  endif()
endfunction()
