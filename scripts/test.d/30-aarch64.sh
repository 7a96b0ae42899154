# AArch64: cross-build with Debian's aarch64-linux-gnu-gcc into $ACT_BUILD/aarch64
# (cmake/toolchains/aarch64-linux-gnu.cmake) and run the whole ctest suite under
# qemu-aarch64; every test forces each ISA the target has (neon, scalar) itself.
# Then: `act info` must report neon active and every SIMD kind served by neon,
# ACT_MAX_ISA=scalar must cap it, and `act eval` under qemu must agree bit for
# bit with the native x86 build for the exact kinds (reported for the others).
#
# Emulation is 10-30x slower: ACT_TEST_SCALE (default 0.25 here) shrinks the
# ctest sweeps, ACT_AARCH64_ACCURACY_ARGS the accuracy tool's input set;
# ACT_SKIP_AARCH64=1 skips the stage (CI runs it as a job of its own).
source "$(dirname "$0")/../lib.sh"
if [ -n "${ACT_SKIP_AARCH64:-}" ]; then
  echo "aarch64: skipped (ACT_SKIP_AARCH64 is set)"
  exit 0
fi

# ensure_arm64: the cross compiler, qemu, and the arm64 builds of the libraries
# (multiarch). Adds the arm64 architecture and runs apt-get update at most once;
# installs only what is missing.
ensure_arm64() {
  if ! dpkg --print-foreign-architectures | grep -qx arm64; then
    [ "$(id -u)" = 0 ] || { echo "run as root, or: dpkg --add-architecture arm64" >&2; return 1; }
    dpkg --add-architecture arm64
    rm -f /tmp/.act-apt-updated # the package lists must now include arm64
  fi
  # an arm64 architecture added earlier but never fetched: update once more
  compgen -G "/var/lib/apt/lists/*binary-arm64_Packages*" >/dev/null || rm -f /tmp/.act-apt-updated
  # libc6-dev-arm64-cross is only a Recommends of the compiler; ensure_pkgs skips those
  ensure_pkgs gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user \
    libsleef-dev:arm64 libcmocka-dev:arm64 libmpfr-dev:arm64 libgmp-dev:arm64
}
ensure_arm64

# kind_list LIST: the kind names an X-macro list of src/kernels/list.h expands to
kind_list() {
  printf '#include "%s"\n#define X(E, n) n\n%s(X)\n' "$ACT_ROOT/src/kernels/list.h" "$1" | cpp -P | xargs
}

build="$ACT_BUILD/aarch64"
cmake -S "$ACT_ROOT" -B "$build" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_TOOLCHAIN_FILE="$ACT_ROOT/cmake/toolchains/aarch64-linux-gnu.cmake" >/dev/null
cmake --build "$build" -j "$ACT_JOBS"
readelf -h "$build/libact.so.1" | grep -q 'Machine:.*AArch64' ||
  { echo "aarch64: $build/libact.so.1 is not an AArch64 library" >&2; exit 1; }
# clang (stage 15's compiler) must build the library's sources for AArch64 warning-free too
if command -v clang >/dev/null; then
  for f in src/act.c src/dispatch.c src/scalar/kernels_scalar.c src/isa/kernels_neon.c; do
    clang --target=aarch64-linux-gnu -march=armv8-a -std=c11 -O2 -Wall -Wextra -Werror \
      -ffp-contract=off -I"$ACT_ROOT/include" -c "$ACT_ROOT/$f" -o /dev/null
  done
  echo "clang --target=aarch64-linux-gnu: library sources compile warning-free"
fi
# the emulator command the toolchain chose (a ;-list in the cache)
read -r -a qemu <<<"$(sed -n 's/^ACT_QEMU_AARCH64:STRING=//p' "$build/CMakeCache.txt" | tr ';' ' ')"

echo "--- act info (qemu)"
info=$("${qemu[@]}" "$build/act" info)
echo "$info"
grep -qx 'active ISA:   neon' <<<"$info" || { echo "aarch64: neon is not the active ISA" >&2; exit 1; }
grep -q ' sse2=no avx2=no avx512=no neon=yes' <<<"$info" ||
  { echo "aarch64: wrong ISA availability" >&2; exit 1; }
# every kind with a vector body (ACT_SIMD_KIND_LIST) must be served by neon
simd_kinds=$(kind_list ACT_SIMD_KIND_LIST)
for k in $simd_kinds; do
  grep -qE "^  $k +neon\$" <<<"$info" || { echo "aarch64: $k is not served by neon" >&2; exit 1; }
done
echo "neon serves: $simd_kinds"
# ACT_MAX_ISA=scalar caps every kind; an x86 name is ignored; forcing an x86 ISA fails
scalar_info=$(ACT_MAX_ISA=scalar "${qemu[@]}" "$build/act" info)
grep -qx 'active ISA:   scalar' <<<"$scalar_info" && ! grep -qE '^  [a-z0-9_]+ +neon$' <<<"$scalar_info" ||
  { echo "aarch64: ACT_MAX_ISA=scalar did not cap the ISA" >&2; exit 1; }
ACT_MAX_ISA=avx2 "${qemu[@]}" "$build/act" info | grep -qx 'active ISA:   neon' ||
  { echo "aarch64: ACT_MAX_ISA=avx2 was not ignored" >&2; exit 1; }
for isa in sse2 avx2 avx512; do
  if "${qemu[@]}" "$build/act" eval relu --isa $isa 1 >/dev/null 2>&1; then
    echo "aarch64: act_set_max_isa($isa) succeeded" >&2; exit 1
  fi
done
echo "ACT_MAX_ISA=scalar caps every kind; x86 ISAs are refused"

echo "--- ctest (qemu, ACT_TEST_SCALE=${ACT_TEST_SCALE:-0.25})"
failed=()
ACT_TEST_SCALE="${ACT_TEST_SCALE:-0.25}" ctest --test-dir "$build" --no-tests=error --output-on-failure -j "$ACT_JOBS" ||
  failed+=(ctest)

# The accuracy tool's quick mode (tests/accuracy), MPFR reference, on a reduced
# input set: ~27k inputs take about 1.5 min under qemu (the default 362k, ~15 min).
acc="$build/tests/accuracy/act_accuracy"
if [ -x "$acc" ]; then
  acc_args=${ACT_AARCH64_ACCURACY_ARGS:---stride 262147 --dense 10000}
  echo "--- accuracy quick (qemu, $acc_args)"
  # shellcheck disable=SC2086 # acc_args is a word list
  "${qemu[@]}" "$acc" quick $acc_args --threads "$ACT_JOBS" || failed+=(accuracy)
fi

# Cross-architecture agreement, through the CLI: the same 256 inputs per kind on
# neon (qemu) and on the best x86 FMA ISA of a native build: stage 10's if there
# is one, else a library + CLI of our own (no tests) in $ACT_BUILD/aarch64-host.
host="$ACT_BUILD/x86"
if [ ! -f "$host/CMakeCache.txt" ]; then
  host="$ACT_BUILD/aarch64-host"
  cmake -S "$ACT_ROOT" -B "$host" -DCMAKE_BUILD_TYPE=Release -DACT_BUILD_TESTS=OFF >/dev/null
fi
cmake --build "$host" -j "$ACT_JOBS" --target act_cli >/dev/null
native="$host/act"
x86_isa=$("$native" info | sed -n 's/^active ISA: *//p')
case $x86_isa in avx2 | avx512) ;; *) x86_isa= ;; esac
if [ -n "$x86_isa" ]; then
  echo "--- act eval: neon (qemu) vs $x86_isa (native), 256 inputs per kind"
  xs=(nan -nan inf -inf 0 -0 0x1p-149 -0x1p-149 0x1.fffffcp-127 0x1p-126 0x1.fffffep+127 -0x1.fffffep+127
      3 -3 6 -6 1 -1 0x1p+26 -0x1p+26 0x1.000002p+25)
  i=0
  while ((${#xs[@]} < 256)); do # a fixed sweep over [-20, 20]
    xs+=("$(awk -v i=$i 'BEGIN { printf "%.9g", -20 + 40 * i / 234.0 + 1e-3 * (i % 7) }')")
    i=$((i + 1))
  done
  mismatched=() exact_bad=()
  for k in $(kind_list ACT_KIND_LIST); do
    # the hex result of each line, NaN sign dropped (x86 makes -nan where Arm makes nan)
    a=$("${qemu[@]}" "$build/act" eval "$k" --isa neon "${xs[@]}" 2>&1 | sed -E 's/.*\[(.*)\].*/\1/; s/^-nan$/nan/')
    b=$("$native" eval "$k" --isa "$x86_isa" "${xs[@]}" 2>&1 | sed -E 's/.*\[(.*)\].*/\1/; s/^-nan$/nan/')
    if [ "$a" != "$b" ]; then
      n=$(diff <(echo "$a") <(echo "$b") | grep -c '^<' || true)
      mismatched+=("$k:$n")
      case $k in relu | leaky_relu | prelu | bounded_relu | relu6 | hardtanh) exact_bad+=("$k") ;; esac
    fi
  done
  echo "differing results (kind:count of 256): ${mismatched[*]:-none}"
  ((${#exact_bad[@]} == 0)) || { echo "aarch64: exact kinds differ from x86: ${exact_bad[*]}" >&2; failed+=(eval); }
else
  echo "--- act eval comparison skipped: this host has no x86 FMA ISA (active: $("$native" info | sed -n 's/^active ISA: *//p'))"
fi
if ((${#failed[@]})); then
  echo "aarch64: FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "aarch64: ok"
