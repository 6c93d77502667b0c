# Warnings and floating-point rules shared by every caresim target.
# Results must not depend on the compiler's choices: no contraction of a*b+c into
# fused multiply-adds, no -ffast-math, no -march=native.
add_library(caresim_flags INTERFACE)
target_compile_options(caresim_flags INTERFACE -Wall -Wextra -Wpedantic -ffp-contract=off)

if(CARESIM_SANITIZE)
  target_compile_options(caresim_flags INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                 -fno-sanitize-recover=undefined)
  target_link_options(caresim_flags INTERFACE -fsanitize=address,undefined)
endif()

# libFuzzer: every library gets the fuzzer's coverage instrumentation (it needs no runtime,
# so the unit tests of a CARESIM_FUZZ build link and run as usual: CI's sanitizer build is
# also its fuzz build); only the fuzz targets link the fuzzer (tests/fuzz/CMakeLists.txt).
if(CARESIM_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "CARESIM_FUZZ=ON needs clang (libFuzzer), e.g. CXX=clang++-14 CC=clang-14; "
                        "the compiler is ${CMAKE_CXX_COMPILER_ID}")
  endif()
  target_compile_options(caresim_flags INTERFACE -fsanitize=fuzzer-no-link)
endif()
