# Installs into PREFIX and checks what a desktop expects to find there.
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND ${CMAKE_COMMAND} --install "${BUILD}" --prefix "${PREFIX}" RESULT_VARIABLE result OUTPUT_QUIET)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "cmake --install failed: ${result}")
endif()
foreach(file bin/factdeck share/applications/factdeck.desktop share/icons/hicolor/scalable/apps/factdeck.svg
             share/metainfo/org.factdeck.FactDeck.metainfo.xml share/mime/packages/factdeck.xml
             share/factdeck/questions/german-soviet-military-cooperation.toml share/factdeck/templates/quiz.csv
             share/factdeck/templates/term-list.csv share/factdeck/templates/chronology.csv
             share/factdeck/templates/typed-facts.toml)
  if(NOT EXISTS "${PREFIX}/${file}")
    message(FATAL_ERROR "missing after install: ${file}")
  endif()
endforeach()
file(READ "${PREFIX}/share/applications/factdeck.desktop" desktop)
foreach(key "Exec=factdeck" "Icon=factdeck" "Type=Application")
  string(FIND "${desktop}" "${key}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the desktop entry lacks ${key}")
  endif()
endforeach()
# The installed program runs, on the installed deck.
execute_process(COMMAND "${PREFIX}/bin/factdeck" questions "${PREFIX}/share/factdeck/questions/german-soviet-military-cooperation.toml" --count 1
                RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT result EQUAL 0 OR NOT out MATCHES "key:")
  message(FATAL_ERROR "the installed program did not run: ${result} ${out} ${err}")
endif()
# The desktop entry, the metadata and the deck type pass the validators desktops use, and
# the deck type is known once the MIME database is built.
foreach(check "desktop-file-validate;${PREFIX}/share/applications/factdeck.desktop"
              "appstreamcli;validate;--no-net;${PREFIX}/share/metainfo/org.factdeck.FactDeck.metainfo.xml"
              "update-mime-database;${PREFIX}/share/mime")
  execute_process(COMMAND ${check} RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT result EQUAL 0 OR err MATCHES "error")
    message(FATAL_ERROR "${check} failed: ${result} ${out} ${err}")
  endif()
endforeach()
foreach(type x-factdeck-deck x-apkg x-colpkg)
  if(NOT EXISTS "${PREFIX}/share/mime/application/${type}.xml")
    message(FATAL_ERROR "the MIME database does not know application/${type}")
  endif()
endforeach()
foreach(type application/x-factdeck-deck text/csv text/tab-separated-values
             application/vnd.openxmlformats-officedocument.spreadsheetml.sheet application/vnd.oasis.opendocument.spreadsheet
             application/x-apkg application/x-colpkg)
  string(FIND "${desktop}" "${type}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the desktop entry does not claim ${type}")
  endif()
endforeach()
string(FIND "${desktop}" "Exec=factdeck %F" at)
if(at EQUAL -1)
  message(FATAL_ERROR "the desktop entry does not pass the files opened (Exec=factdeck %F)")
endif()
