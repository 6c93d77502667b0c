# cmake -DPROGRAM=... -DEXPECTED=... -P compare_output.cmake: runs PROGRAM and fails unless
# it exits 0 and its standard output equals the file EXPECTED byte for byte.
execute_process(COMMAND ${PROGRAM} OUTPUT_VARIABLE actual RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} exited with status ${status}; output:\n${actual}")
endif()
file(READ ${EXPECTED} expected)
if(NOT actual STREQUAL expected)
  message(FATAL_ERROR "the output of ${PROGRAM} differs from ${EXPECTED}\n"
                      "--- expected\n${expected}--- got\n${actual}"
                      "(if the engine's behaviour changed on purpose, write the new output to the file)")
endif()
