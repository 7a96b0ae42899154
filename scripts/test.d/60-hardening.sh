# Hardening (docs/reliability.md, docs/abi.md), each step named in the log:
#  1. ASan+UBSan (clang): the whole ctest suite, guard-page sweep included; the same
#     build carries libFuzzer's coverage hooks and builds the fuzz target;
#  2. the differential fuzzer for ACT_FUZZ_TIME seconds (default 60; 0 skips it) from the
#     seed corpus plus what earlier runs added ($ACT_BUILD/fuzz-corpus);
#  3. TSan (gcc; clang 14's shared TSan runtime crashes): the whole suite, thread test included;
#  4. abidiff of a gcc Release build against abi/libact.abi: fails on any change that is
#     not a pure addition (exported symbols vs the header: stage 20);
#  5. clang-tidy (.clang-tidy) on every library and CLI source, the kernel headers and
#     the NEON translation unit included.
# Sanitized suites run with ACT_TEST_SCALE=0.1 unless ACT_TEST_SCALE is set.
source "$(dirname "$0")/../lib.sh"
ensure_pkgs clang libclang-rt-14-dev clang-tidy abigail-tools libc6-dev-arm64-cross
cd "$ACT_ROOT"
scale="${ACT_TEST_SCALE:-0.1}"
# LeakSanitizer needs ptrace; where a container forbids it, ACT_DETECT_LEAKS=0 turns it off
export ASAN_OPTIONS="detect_leaks=${ACT_DETECT_LEAKS:-1}:strict_string_checks=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS=print_stacktrace=1
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1"
t0=$(date +%s)
step() { echo "--- $1 (+$(( $(date +%s) - t0 )) s)"; }

step "ASan+UBSan build (clang, -fsanitize=address,undefined,fuzzer-no-link)"
asan="$ACT_BUILD/asan"
cmake -S "$ACT_ROOT" -B "$asan" -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DACT_SANITIZE=address,undefined,fuzzer-no-link -DACT_BUILD_FUZZ=ON \
      -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
cmake --build "$asan" -j "$ACT_JOBS" >/dev/null
step "ASan+UBSan: ctest (ACT_TEST_SCALE=$scale)"
ACT_TEST_SCALE="$scale" ctest --test-dir "$asan" --no-tests=error --output-on-failure -j "$ACT_JOBS"
step "ASan+UBSan: the guard-page sweep at full scale (16 offsets)"
ACT_TEST_SCALE=1 ctest --test-dir "$asan" --no-tests=error --output-on-failure -R '^guard$'

fuzz_time="${ACT_FUZZ_TIME:-60}"
step "fuzz: act_fuzz for $fuzz_time s (ACT_FUZZ_TIME; 0 skips)"
corpus="$ACT_BUILD/fuzz-corpus"
mkdir -p "$corpus"
if [ "$fuzz_time" != 0 ]; then
  rc=0
  "$asan/tests/fuzz/act_fuzz" -max_total_time="$fuzz_time" -seed="${ACT_FUZZ_SEED:-1}" -print_final_stats=1 \
    -artifact_prefix="$ACT_BUILD/fuzz-" "$corpus" "$ACT_ROOT/tests/fuzz/corpus" \
    >"$ACT_BUILD/fuzz.log" 2>&1 || rc=$?
  grep -E '^#[0-9]+ +(INITED|DONE)|^stat::(number_of_executed_units|average_exec_per_sec|new_units_added)|^Done' \
    "$ACT_BUILD/fuzz.log" || true
  if [ "$rc" != 0 ]; then
    grep -E '^act_fuzz:|ERROR|SUMMARY|runtime error|^artifact_prefix' "$ACT_BUILD/fuzz.log" | head -n 20
    echo "act_fuzz failed (status $rc); the call is printed above; replay: $asan/tests/fuzz/act_fuzz <the crash file above>"
    exit 1
  fi
fi

step "TSan build (gcc, -fsanitize=thread)"
tsan="$ACT_BUILD/tsan"
cmake -S "$ACT_ROOT" -B "$tsan" -DCMAKE_C_COMPILER=gcc -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DACT_SANITIZE=thread -DACT_BUILD_CLI=OFF >/dev/null
cmake --build "$tsan" -j "$ACT_JOBS" >/dev/null
step "TSan: ctest (ACT_TEST_SCALE=$scale)"
ACT_TEST_SCALE="$scale" ctest --test-dir "$tsan" --no-tests=error --output-on-failure -j "$ACT_JOBS"

step "ABI: abidiff against abi/libact.abi"
abi="$ACT_BUILD/abi"
cmake -S "$ACT_ROOT" -B "$abi" -DCMAKE_C_COMPILER=gcc -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_FLAGS=-g \
      -DACT_BUILD_TESTS=OFF -DACT_BUILD_CLI=OFF >/dev/null
cmake --build "$abi" -j "$ACT_JOBS" --target act >/dev/null
rc=0
report=$(abidiff --suppressions abi/libact.suppr abi/libact.abi "$abi/libact.so.1") || rc=$?
echo "$report"
# abidiff status bits: 1 error, 2 usage error, 4 some ABI change, 8 a change known to be
# incompatible (a removed symbol). Bit 4 alone also covers changed types, so the report
# decides: only additions (functions, variables; appended enumerators and act_params
# members are filtered as harmless) pass.
if (( rc & 3 )); then echo "abidiff did not run (status $rc)"; exit 1; fi
if (( rc & 8 )); then echo "ABI: incompatible change (see docs/abi.md)"; exit 1; fi
if (( rc & 4 )); then
  if grep -qE 'summary: [1-9][0-9]* Removed|Removed( \([0-9]+ filtered out\))?, [1-9][0-9]* Changed' <<<"$report"; then
    echo "ABI: a function or type changed; if that is intended, follow docs/abi.md"; exit 1
  fi
  echo "ABI: additions only (compatible); update abi/libact.abi with the release (docs/abi.md)"
else
  echo "ABI: unchanged"
fi

step "clang-tidy (.clang-tidy): every library and CLI source, kernel headers included"
# the x86 TUs with the ASan build's compile commands; the NEON TU cross (clang
# --target, Debian's arm64 libc headers), so its vector layer is checked too
rc=0
clang-tidy -p "$asan" --quiet --header-filter='src/(kernels|isa)/' src/act.c src/dispatch.c \
  src/scalar/kernels_scalar.c src/cli/act_cli.c src/isa/kernels_sse2.c src/isa/kernels_avx2.c \
  src/isa/kernels_avx512.c src/isa/trans_sse2.c src/isa/trans_avx2.c src/isa/trans_avx512.c \
  >"$ACT_BUILD/clang-tidy.log" 2>&1 || rc=$?
clang-tidy --quiet --header-filter='src/(kernels|isa)/' src/isa/kernels_neon.c src/isa/trans_neon.c -- \
  --target=aarch64-linux-gnu -march=armv8-a -std=c11 -O2 -DACT_BUILDING_LIBRARY -Iinclude \
  >>"$ACT_BUILD/clang-tidy.log" 2>&1 || rc=$?
grep -v ' warnings\? generated\.$' "$ACT_BUILD/clang-tidy.log" || true
[ "$rc" = 0 ] || { echo "clang-tidy: warnings (treated as errors)"; exit 1; }
step "hardening done"
