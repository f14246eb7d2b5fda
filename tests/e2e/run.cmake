# Run the resilience binary once and check what it did.
#
#   cmake -DBIN=path -DARGS="score|--format|json|FILE" [-DRC=0]
#         [-DGOLDEN=expected-stdout] [-DSTDERR=regex] [-DSTDOUT=regex]
#         [-DSTDIN=file] [-DWORKDIR=dir] [-DABSENT=path]
#         [-DOUTPUT=path -DOUTPUT_GOLDEN=file | -DPRESET=text] -P run.cmake
#
# ARGS separates arguments with '|'.  ABSENT names a file that must not
# exist afterwards (no partial output); OUTPUT a file that must then hold
# exactly OUTPUT_GOLDEN, or PRESET: text written there before the run.
if(NOT DEFINED RC)
  set(RC 0)
endif()
string(REPLACE "|" ";" args "${ARGS}")
set(opts)
if(DEFINED STDIN)
  list(APPEND opts INPUT_FILE "${STDIN}")
endif()
if(NOT DEFINED WORKDIR)
  set(WORKDIR "${CMAKE_CURRENT_BINARY_DIR}")
endif()
if(DEFINED ABSENT)
  file(REMOVE "${ABSENT}")
endif()
if(DEFINED PRESET)
  # OUTPUT exists before the run and must keep its content on failure
  file(WRITE "${OUTPUT}" "${PRESET}")
endif()
# RS_LAUNCHER in the environment runs the binary under a tool (valgrind).
separate_arguments(launcher UNIX_COMMAND "$ENV{RS_LAUNCHER}")
execute_process(COMMAND ${launcher} "${BIN}" ${args} ${opts}
  WORKING_DIRECTORY "${WORKDIR}"
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
set(what "resilience ${ARGS}\n--- stdout:\n${out}--- stderr:\n${err}")
if(NOT rc STREQUAL RC)
  message(FATAL_ERROR "exit status ${rc}, expected ${RC}\n${what}")
endif()
if(DEFINED STDERR)
  if(NOT err MATCHES "${STDERR}")
    message(FATAL_ERROR "stderr does not match '${STDERR}'\n${what}")
  endif()
  # a rejected input says so in exactly one line
  string(REGEX MATCHALL "\n" lines "${err}")
  list(LENGTH lines n)
  if(NOT RC STREQUAL 2 AND NOT n EQUAL 1)
    message(FATAL_ERROR "stderr has ${n} lines, expected 1\n${what}")
  endif()
elseif(NOT err STREQUAL "")
  message(FATAL_ERROR "unexpected stderr\n${what}")
endif()
if(DEFINED STDOUT AND NOT out MATCHES "${STDOUT}")
  message(FATAL_ERROR "stdout does not match '${STDOUT}'\n${what}")
endif()
if(NOT RC STREQUAL 0 AND NOT out STREQUAL "")
  message(FATAL_ERROR "a failed run wrote to stdout\n${what}")
endif()
if(DEFINED GOLDEN)
  file(READ "${GOLDEN}" want)
  if(NOT out STREQUAL want)
    file(WRITE "${GOLDEN}.actual" "${out}")
    message(FATAL_ERROR "stdout differs from ${GOLDEN} "
      "(actual output in ${GOLDEN}.actual)\n${what}")
  endif()
endif()
if(DEFINED ABSENT AND EXISTS "${ABSENT}")
  message(FATAL_ERROR "${ABSENT} exists after the run\n${what}")
endif()
if(DEFINED OUTPUT)
  file(READ "${OUTPUT}" got)
  if(DEFINED PRESET)
    set(want "${PRESET}")
  else()
    file(READ "${OUTPUT_GOLDEN}" want)
  endif()
  if(NOT got STREQUAL want)
    message(FATAL_ERROR "${OUTPUT} differs from ${OUTPUT_GOLDEN}\n${what}")
  endif()
endif()
