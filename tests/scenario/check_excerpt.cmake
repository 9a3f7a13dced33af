# Checks that EXCERPT is exactly the first LINES lines of SAMPLE (so the scenario's input stays
# the documented derivation: head -n LINES data/sample/candidates.jsonl).
file(READ "${SAMPLE}" sample)
file(READ "${EXCERPT}" excerpt)
string(LENGTH "${excerpt}" length)
string(SUBSTRING "${sample}" 0 ${length} head)
if(NOT head STREQUAL excerpt)
  message(FATAL_ERROR "${EXCERPT} is not the beginning of ${SAMPLE}; regenerate: head -n ${LINES} ${SAMPLE}")
endif()
string(REGEX MATCHALL "\n" newlines "${excerpt}")
list(LENGTH newlines count)
if(NOT count EQUAL LINES)
  message(FATAL_ERROR "${EXCERPT} has ${count} lines, expected ${LINES}")
endif()
