# Native build (gcc, -Werror) and the whole ctest suite on every ISA this CPU runs.
source "$(dirname "$0")/../lib.sh"
build_native_tests
ctest --test-dir "$ACT_BUILD/x86" --no-tests=error --output-on-failure -j "$ACT_JOBS"
