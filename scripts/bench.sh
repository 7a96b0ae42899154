#!/usr/bin/env bash
# Builds the benchmark harness (build/bench), runs it once, and regenerates
# docs/performance.md and docs/img/*.png from that single run.
#
#   scripts/bench.sh                      the full run (~10 min on a 2-core VM)
#   scripts/bench.sh --act_kinds=relu,gelu_tanh --act_sizes=16384
#                                         any act_bench / Google Benchmark options
#                                         are passed through (see bench/main.cc)
# Environment:
#   ACT_BENCH_MIN_TIME   --benchmark_min_time in seconds (default 0.05)
#   ACT_BENCH_REPS       repetitions of each in-cache run (n <= 256K) and of memcpy and
#                        libact's best ISA at every n, interleaved at random with the
#                        others; the report takes the median (default 5)
#   ACT_BENCH_JSON       where the raw results go (default bench/results/<UTC time>.json,
#                        git-ignored); bench/results/latest.json links to the last one
#   ACT_BENCH_REPORT=0   run only; do not rewrite docs/performance.md and docs/img/
# Installs its missing Debian packages (as root). The peers (oneDNN, XNNPACK,
# Eigen) are optional: the harness builds and runs without them.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ACT_ROOT"

ensure_pkgs "${ACT_BASE_PKGS[@]}" g++ libbenchmark-dev python3-matplotlib python3-numpy
for p in "${ACT_PEER_PKGS[@]}"; do
  ensure_pkgs "$p" || echo "bench: $p not installed; that peer will be missing" >&2
done

build="$ACT_BUILD/bench"
jobs=$((ACT_JOBS > 2 ? 2 : ACT_JOBS))
cmake -S "$ACT_ROOT" -B "$build" -DCMAKE_BUILD_TYPE=Release -DACT_BUILD_BENCH=ON \
  -DACT_BUILD_TESTS=OFF -DACT_BUILD_CLI=OFF >/dev/null
cmake --build "$build" -j "$jobs" --target act_bench

mkdir -p bench/results
json="${ACT_BENCH_JSON:-bench/results/$(date -u +%Y%m%dT%H%M%SZ).json}"
start=$(date +%s)
# One thread everywhere: oneDNN's OpenMP runtime is also capped in main.cc.
ACT_BENCH_SOURCE="$(git -C "$ACT_ROOT" describe --always --dirty 2>/dev/null || echo unknown)" \
OMP_NUM_THREADS=1 "$build/bench/act_bench" \
  --benchmark_min_time="${ACT_BENCH_MIN_TIME:-0.05}" \
  --act_reps="${ACT_BENCH_REPS:-5}" --benchmark_enable_random_interleaving=true \
  --benchmark_out="$json" --benchmark_out_format=json "$@"
echo "bench: $(( $(date +%s) - start )) s, results in $json"
ln -sf "$(basename "$json")" bench/results/latest.json

if [ "${ACT_BENCH_REPORT:-1}" != 0 ]; then
  /usr/bin/python3 bench/report.py "$json" --md docs/performance.md --img docs/img \
    --command "scripts/bench.sh${*:+ $*}" --seconds "$(( $(date +%s) - start ))"
fi
