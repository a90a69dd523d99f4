# Warnings for FactDeck's own targets: factdeck_warnings(TARGET).
function(factdeck_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                           -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual
                                           -Wnull-dereference -Wformat=2 -Wimplicit-fallthrough)
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
