# Warnings for FactDeck's own targets: factdeck_warnings(TARGET).
function(factdeck_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                           -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual
                                           -Wnull-dereference -Wformat=2 -Wimplicit-fallthrough)
  if(FACTDECK_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
