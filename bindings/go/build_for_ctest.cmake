# Builds, for ctest (bindings/CMakeLists.txt, fixture go_build), the Go test binary, the worked
# example and the scenario program into BIN. The environment (GOPROXY=off, GOFLAGS=-mod=mod,
# GOPATH/GOCACHE in the build tree, CGO_LDFLAGS) comes from the test; nothing is downloaded.
file(MAKE_DIRECTORY "${BIN}")
function(go_step dir)
  execute_process(COMMAND ${GO} ${ARGN} WORKING_DIRECTORY "${dir}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "go ${ARGN} (in ${dir}) failed: ${rc}\n${out}\n${err}")
  endif()
endfunction()
go_step("${GO_DIR}" test -c -o "${BIN}/skillmatch.test" .)
go_step("${GO_DIR}" build -o "${BIN}/match_job" ./examples/match_job)
go_step("${SCENARIO_DIR}" build -o "${BIN}/scenario_go" .)
message("go: built ${BIN}/skillmatch.test, match_job, scenario_go")
