# Benchmark harness smoke run (bench/): builds act_bench in $ACT_BUILD/bench, runs
# a few kinds and sizes with a tiny --benchmark_min_time (< 1 min), and prints the
# ratio table (×memcpy, ×fastest peer) from the medians of the repeated in-cache
# runs, as scripts/bench.sh does. Never fails on speed. Fails if the
# harness does not build, or if any benchmark errors out other than for an ISA
# this CPU lacks: e.g. a peer or a libact kernel failing its accuracy check
# against libact's scalar path, or a peer binding that cannot be created.
source "$(dirname "$0")/../lib.sh"
ensure_pkgs g++ libbenchmark-dev python3
for p in "${ACT_PEER_PKGS[@]}"; do
  ensure_pkgs "$p" || echo "50-bench: $p not installed; that peer is skipped" >&2
done

build="$ACT_BUILD/bench"
cmake -S "$ACT_ROOT" -B "$build" -DCMAKE_BUILD_TYPE=Release -DACT_BUILD_BENCH=ON \
  -DACT_BUILD_TESTS=OFF -DACT_BUILD_CLI=OFF >/dev/null
cmake --build "$build" -j "$ACT_JOBS" --target act_bench

json="$build/ci-smoke.json" log="$build/ci-smoke.log"
if ! OMP_NUM_THREADS=1 "$build/bench/act_bench" \
  --act_kinds=relu,prelu,hardswish,gelu_tanh,sigmoid,softplus \
  --act_sizes=16384,4194304 --act_overhead=8 \
  --benchmark_min_time=0.005 --act_reps=2 --benchmark_enable_random_interleaving=true \
  --benchmark_out="$json" --benchmark_out_format=json >"$log" 2>&1; then
  cat "$log"
  echo "50-bench: act_bench failed" >&2
  exit 1
fi
/usr/bin/python3 "$ACT_ROOT/bench/report.py" "$json" --table --check
