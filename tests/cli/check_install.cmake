# cmake --install puts the program, its manual page and its bash, zsh
# and fish completions where they belong:
#   cmake -DBUILD=build-dir -DPREFIX=scratch-prefix -P check_install.cmake
cmake_minimum_required(VERSION 3.20)
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD}"
  --prefix "${PREFIX}" RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed: ${rc}")
endif()
include(GNUInstallDirs)
foreach(f "${CMAKE_INSTALL_BINDIR}/resilience"
    "${CMAKE_INSTALL_MANDIR}/man1/resilience.1"
    "${CMAKE_INSTALL_DATADIR}/bash-completion/completions/resilience"
    "${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions/_resilience"
    "${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d/resilience.fish")
  if(NOT EXISTS "${PREFIX}/${f}")
    message(FATAL_ERROR "not installed: ${f}")
  endif()
  message(STATUS "installed ${f}")
endforeach()
