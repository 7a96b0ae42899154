# Accuracy: every kind x ISA x table (default and SLEEF compositions) against
# MPFR, quick mode of tests/accuracy (docs/accuracy.md); fails on any row over
# its stated bound. Reuses the native build tree of stage 10 (an incremental build).
# ACT_ACCURACY_ARGS passes more arguments, e.g. "--stride 262147 --dense 20000"
# for a shorter run (qemu), or "--kinds gelu_erf,mish --isas avx2".
source "$(dirname "$0")/../lib.sh"
build_native_tests >/dev/null
cmake --build "$ACT_BUILD/x86" -j "$ACT_JOBS" --target act_accuracy >/dev/null
# shellcheck disable=SC2086
"$ACT_BUILD/x86/tests/accuracy/act_accuracy" quick --threads "$ACT_JOBS" ${ACT_ACCURACY_ARGS:-}
