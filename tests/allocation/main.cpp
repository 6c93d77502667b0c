// doctest's runner for the allocation test, in a file of its own: compiled beside the
// replaced operator new and delete, its inlined allocations would pair them wrongly in
// the compiler's eyes (-Wmismatched-new-delete).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
