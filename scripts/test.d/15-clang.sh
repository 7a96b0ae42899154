# The library, tests and CLI build warning-free with clang too (-Werror), and
# the suite passes there as well.
source "$(dirname "$0")/../lib.sh"
ensure_pkgs clang
cmake -S "$ACT_ROOT" -B "$ACT_BUILD/clang" -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$ACT_BUILD/clang" -j "$ACT_JOBS"
ACT_TEST_SCALE="${ACT_TEST_SCALE:-0.25}" ctest --test-dir "$ACT_BUILD/clang" --no-tests=error --output-on-failure -j "$ACT_JOBS"
