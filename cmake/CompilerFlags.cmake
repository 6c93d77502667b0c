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
