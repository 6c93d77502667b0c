# Writes build/generated/caresim/version.hpp with the project version and the git
# revision of the source tree. The revision is refreshed at every build (not only at
# configure time) so `caresim --version` names the commit the binary was built from.
set(CARESIM_GENERATED_DIR ${CMAKE_BINARY_DIR}/generated)
add_custom_target(caresim_git_revision
  COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${CMAKE_SOURCE_DIR}
          -DOUTPUT=${CARESIM_GENERATED_DIR}/caresim/version.hpp
          -DVERSION=${PROJECT_VERSION}
          -P ${CMAKE_SOURCE_DIR}/cmake/WriteVersion.cmake
  BYPRODUCTS ${CARESIM_GENERATED_DIR}/caresim/version.hpp
  COMMENT "Recording the git revision")
add_library(caresim_version INTERFACE)
target_include_directories(caresim_version INTERFACE ${CARESIM_GENERATED_DIR})
add_dependencies(caresim_version caresim_git_revision)
