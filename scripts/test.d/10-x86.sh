# Native build (gcc, -Werror) and the whole ctest suite on every ISA this CPU runs.
source "$(dirname "$0")/../lib.sh"
build_native
ctest --test-dir "$ACT_BUILD/x86" --output-on-failure -j "$ACT_JOBS"
