# Python and Rust bindings: the pytest suite (bindings/python/tests), an offline
# `pip install` into a throw-away venv, and `cargo test --offline` of the Rust workspace
# (bindings/rust), all against the libact built here. Fails if any of them fails.
# Runs in well under a minute once cargo's target dir is warm (about 30 s cold).
source "$(dirname "$0")/../lib.sh"
# Debian's interpreter, not a pyenv one: it is the one that sees python3-numpy/-torch.
PY=/usr/bin/python3
ensure_pkgs python3 python3-numpy python3-torch python3-pytest python3-pip python3-setuptools \
  python3-wheel python3-venv
command -v cargo >/dev/null || ensure_pkgs cargo

# The library: the native build of stage 10 if there is one (brought up to date), else
# our own in $ACT_BUILD/bindings.
if [ -f "$ACT_BUILD/x86/CMakeCache.txt" ]; then
  lib_dir="$ACT_BUILD/x86"
else
  lib_dir="$ACT_BUILD/bindings"
  cmake -S "$ACT_ROOT" -B "$lib_dir" -DCMAKE_BUILD_TYPE=Release -DACT_BUILD_TESTS=OFF >/dev/null
fi
cmake --build "$lib_dir" -j "$ACT_JOBS" --target act >/dev/null
echo "libact: $lib_dir/libact.so.1"

failed=()

echo "--- python: pytest"
if ! env -u LD_LIBRARY_PATH ACT_LIBRARY="$lib_dir/libact.so.1" \
  PYTHONPATH="$ACT_ROOT/bindings/python/src" PYTHONDONTWRITEBYTECODE=1 \
  "$PY" -m pytest -q -p no:cacheprovider "$ACT_ROOT/bindings/python/tests"; then
  failed+=(pytest)
fi

echo "--- python: pip install (offline, into a venv, library bundled)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$ACT_ROOT/bindings/python" "$tmp/src" # pip builds in the source tree: keep ours clean
if "$PY" -m venv --system-site-packages "$tmp/venv" &&
  ACT_LIBRARY="$lib_dir/libact.so.1" "$tmp/venv/bin/python" -m pip install -q \
    --no-build-isolation --no-index "$tmp/src" &&
  (cd "$tmp" && env -u ACT_LIBRARY -u LD_LIBRARY_PATH -u PYTHONPATH "$tmp/venv/bin/python" -c '
import os, numpy as np, libact
assert os.path.dirname(libact.library_path) == os.path.dirname(libact.__file__), libact.library_path
assert libact.apply("relu", np.array([-1, 2], np.float32)).tolist() == [0, 2]
print("installed:", libact.__file__, "->", libact.library_path)'); then
  :
else
  failed+=(pip-install)
fi

echo "--- rust: cargo test --offline"
manifest="$ACT_ROOT/bindings/rust/Cargo.toml"
if ! env -u LD_LIBRARY_PATH ACT_LIB_DIR="$lib_dir" \
  cargo test --offline -j "$ACT_JOBS" --manifest-path "$manifest"; then
  failed+=(cargo-test)
fi
if ! env -u LD_LIBRARY_PATH ACT_LIB_DIR="$lib_dir" \
  cargo run --offline -q -j "$ACT_JOBS" --manifest-path "$manifest" --example gelu -- -1 0 1 >/dev/null ||
  ! env -u LD_LIBRARY_PATH ACT_LIB_DIR="$lib_dir" \
    cargo run --offline -q -j "$ACT_JOBS" --manifest-path "$manifest" --example tour >/dev/null; then
  failed+=(cargo-example)
fi

if ((${#failed[@]})); then
  echo "bindings: FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "bindings: python and rust ok"
