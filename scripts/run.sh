#!/usr/bin/env bash
# The main job: install what is missing, build libact, and describe this run:
# the CPU, the ISAs, the kernel serving each kind, and a short throughput table
# (Gelem/s and the ratio to memcpy of the same bytes, measured side by side).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ensure_pkgs "${ACT_BASE_PKGS[@]}"
build_native -DACT_BUILD_TESTS=OFF >/dev/null
act="$ACT_BUILD/x86/act"
"$act" info
echo
"$act" bench relu leaky_relu relu6 hardswish gelu_tanh gelu_erf sigmoid silu -n 1024,16384,4194304 "$@"
