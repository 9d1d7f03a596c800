# The layers of the tutor, lowest first, and the layers each may use. Each layer is one folder
# under src/ and one static library; a layer includes only its own headers and those of the
# layers it uses, and links only those libraries. tutor_check_layers() fails on any include
# that reaches up or sideways, so the rule holds in every build, not only by convention.
#
# Run on its own as a test: cmake -DTUTOR_ROOT=<source dir> -P cmake/layers.cmake

cmake_policy(SET CMP0057 NEW)

set(TUTOR_LAYERS base math calculus labs course class front)
set(TUTOR_USES_base)
set(TUTOR_USES_math base)
set(TUTOR_USES_calculus base math)
set(TUTOR_USES_labs base math)
set(TUTOR_USES_course base math calculus labs)
set(TUTOR_USES_class base math calculus labs course)
set(TUTOR_USES_front base math calculus labs course class)
# The folders of each layer (the front end is two folders that share one command table).
set(TUTOR_DIRS_front cli repl)

# The folders of LAYER, into OUT.
function(tutor_layer_dirs layer out)
  if(DEFINED TUTOR_DIRS_${layer})
    set(${out} ${TUTOR_DIRS_${layer}} PARENT_SCOPE)
  else()
    set(${out} ${layer} PARENT_SCOPE)
  endif()
endfunction()

# Fails with every include under ROOT/src that reaches a folder its layer may not use.
function(tutor_check_layers root)
  set(known)
  foreach(layer ${TUTOR_LAYERS})
    tutor_layer_dirs(${layer} dirs)
    list(APPEND known ${dirs})
  endforeach()
  set(problems)
  foreach(layer ${TUTOR_LAYERS})
    tutor_layer_dirs(${layer} own)
    set(allowed ${own})
    foreach(used ${TUTOR_USES_${layer}})
      tutor_layer_dirs(${used} dirs)
      list(APPEND allowed ${dirs})
    endforeach()
    foreach(dir ${own})
      file(GLOB files ${root}/src/${dir}/*.cpp ${root}/src/${dir}/*.hpp)
      foreach(file ${files})
        file(STRINGS ${file} includes REGEX "^#include \"[a-z_]+/")
        foreach(line ${includes})
          string(REGEX MATCH "^#include \"([a-z_]+)/" _ "${line}")
          set(target ${CMAKE_MATCH_1})
          if(target IN_LIST known AND NOT target IN_LIST allowed)
            file(RELATIVE_PATH rel ${root} ${file})
            list(APPEND problems "${rel}: the ${layer} layer may not include ${target}/ (${line})")
          endif()
        endforeach()
      endforeach()
    endforeach()
  endforeach()
  if(problems)
    list(JOIN problems "\n" text)
    message(FATAL_ERROR "Layering broken:\n${text}")
  endif()
endfunction()

if(CMAKE_SCRIPT_MODE_FILE AND TUTOR_ROOT)
  tutor_check_layers(${TUTOR_ROOT})
  message(STATUS "layers: every include goes down")
endif()
