# Run the resilience binary once and check what it did:
#
#   cmake -DBIN=path -DARGS=a;b;c -DEXIT=n [options] -P run_case.cmake
#
# BIN       the program
# ARGS      its arguments, a CMake list ("@SRC@" and "@TMP@" are replaced
#           by SRC and TMP)
# SRC       where relative paths of the arguments start (working directory)
# TMP       a scratch directory for this case, emptied first
# EXIT      the exit status it must return
# STDIN     a file to feed on standard input
# STDOUT    a golden file standard output must equal byte for byte;
#           "EMPTY" for none
# STDOUT_TO a file to send standard output to instead (such as /dev/full)
# STDERR    a regular expression standard error must match; "EMPTY" for
#           none (the default when EXIT is 0)
# FILE      a file the run must have written, and FILE_GOLDEN its content
# ABSENT    a path that must not exist afterwards (";"-list)
# SEED      "name=file" pairs (";"-list): file (relative to SRC) is copied
#           to TMP/name before the run, and must still be identical to it
#           afterwards unless name is listed in CHANGED
# REPEAT    1: run twice and require byte-identical standard output
# UPDATE    1: write standard output to STDOUT instead of comparing
cmake_minimum_required(VERSION 3.20)

foreach(v BIN EXIT SRC TMP)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "run_case.cmake: ${v} is not set")
  endif()
endforeach()

file(REMOVE_RECURSE "${TMP}")
file(MAKE_DIRECTORY "${TMP}")
set(args)
foreach(a IN LISTS ARGS)
  string(REPLACE "@SRC@" "${SRC}" a "${a}")
  string(REPLACE "@TMP@" "${TMP}" a "${a}")
  list(APPEND args "${a}")
endforeach()

foreach(pair IN LISTS SEED)
  string(REGEX REPLACE "=.*" "" name "${pair}")
  string(REGEX REPLACE "^[^=]*=" "" from "${pair}")
  file(READ "${SRC}/${from}" content)
  file(WRITE "${TMP}/${name}" "${content}")
endforeach()

set(input)
if(DEFINED STDIN AND NOT STDIN STREQUAL "")
  set(input INPUT_FILE "${STDIN}")
endif()
set(output OUTPUT_VARIABLE out)
if(DEFINED STDOUT_TO AND NOT STDOUT_TO STREQUAL "")
  set(output OUTPUT_FILE "${STDOUT_TO}")
  set(out "")
endif()

# RS_LAUNCHER in the environment runs the binary under a tool (valgrind).
separate_arguments(launcher UNIX_COMMAND "$ENV{RS_LAUNCHER}")
execute_process(COMMAND ${launcher} "${BIN}" ${args}
  WORKING_DIRECTORY "${SRC}"
  ${input}
  RESULT_VARIABLE rc
  ${output}
  ERROR_VARIABLE err)

set(failures "")
macro(fail msg)
  string(APPEND failures "  ${msg}\n")
endmacro()

if(NOT rc STREQUAL EXIT)
  fail("exit status ${rc}, expected ${EXIT}")
endif()

if(DEFINED STDOUT AND NOT STDOUT STREQUAL "")
  if(STDOUT STREQUAL "EMPTY")
    if(NOT out STREQUAL "")
      fail("standard output is not empty")
    endif()
  elseif(UPDATE)
    file(WRITE "${STDOUT}" "${out}")
  else()
    file(READ "${STDOUT}" want)
    if(NOT out STREQUAL want)
      file(WRITE "${TMP}/stdout.actual" "${out}")
      fail("standard output differs from ${STDOUT}; see "
        "diff -u ${STDOUT} ${TMP}/stdout.actual")
    endif()
  endif()
endif()

if(NOT DEFINED STDERR OR STDERR STREQUAL "")
  if(EXIT STREQUAL "0")
    set(STDERR EMPTY)
  endif()
endif()
if(DEFINED STDERR AND NOT STDERR STREQUAL "")
  if(STDERR STREQUAL "EMPTY")
    if(NOT err STREQUAL "")
      fail("standard error is not empty")
    endif()
  elseif(NOT err MATCHES "${STDERR}")
    fail("standard error does not match '${STDERR}'")
  endif()
endif()

if(DEFINED FILE AND NOT FILE STREQUAL "")
  string(REPLACE "@TMP@" "${TMP}" FILE "${FILE}")
  if(NOT EXISTS "${FILE}")
    fail("${FILE} was not written")
  elseif(DEFINED FILE_GOLDEN AND NOT FILE_GOLDEN STREQUAL "")
    file(READ "${FILE}" got)
    file(READ "${FILE_GOLDEN}" want)
    if(NOT got STREQUAL want)
      fail("${FILE} differs from ${FILE_GOLDEN}")
    endif()
  endif()
endif()

foreach(p IN LISTS ABSENT)
  string(REPLACE "@TMP@" "${TMP}" p "${p}")
  if(EXISTS "${p}")
    fail("${p} exists but should not")
  endif()
endforeach()
# A failed atomic write must leave no temporary file behind.
file(GLOB leftovers "${TMP}/.*.??????")
if(leftovers)
  fail("temporary files left behind: ${leftovers}")
endif()

foreach(pair IN LISTS SEED)
  string(REGEX REPLACE "=.*" "" name "${pair}")
  string(REGEX REPLACE "^[^=]*=" "" from "${pair}")
  if(name IN_LIST CHANGED)
    continue()
  endif()
  file(READ "${SRC}/${from}" want)
  file(READ "${TMP}/${name}" now)
  if(NOT now STREQUAL want)
    fail("${name} was changed")
  endif()
endforeach()

if(REPEAT)
  execute_process(COMMAND ${launcher} "${BIN}" ${args}
    WORKING_DIRECTORY "${SRC}"
    ${input}
    OUTPUT_VARIABLE again
    ERROR_QUIET)
  if(NOT again STREQUAL out)
    fail("a second run wrote different output")
  endif()
endif()

if(NOT failures STREQUAL "")
  string(REPLACE ";" " " shown "${args}")
  message(FATAL_ERROR "resilience ${shown}\n${failures}"
    "standard error was:\n${err}")
endif()
