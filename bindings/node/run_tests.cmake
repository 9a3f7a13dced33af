# Runs the Node binding's node:test suite, or reports why it cannot (the ctest entry then counts as
# skipped through SKIP_REGULAR_EXPRESSION, not failed): node missing, or koffi not installed in
# bindings/node/node_modules (`cd bindings/node && npm install --no-audit --no-fund`; .ci/run does it).
# Inputs: NODE (may be NODE-NOTFOUND), NODE_DIR (bindings/node), ARGS (a ;-list after `node`).
# SKIP_REASON (optional): why Node must not run in this build (sanitizers, see bindings/CMakeLists.txt).
if(SKIP_REASON)
  message("SKIPPED: ${SKIP_REASON}")
  return()
endif()
if(NOT NODE OR NOT EXISTS "${NODE}")
  message("SKIPPED: node not found (install nodejs to run the Node binding's tests)")
  return()
endif()
if(NOT EXISTS "${NODE_DIR}/node_modules/koffi/package.json")
  message("SKIPPED: koffi is not installed; run `npm install --no-audit --no-fund` in ${NODE_DIR}")
  return()
endif()
execute_process(COMMAND "${NODE}" ${ARGS} WORKING_DIRECTORY "${NODE_DIR}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "node ${ARGS}: exit status ${rc}")
endif()
