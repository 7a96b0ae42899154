#!/usr/bin/env bash
# Builds libact and runs every test: each stage in scripts/test.d/, in order.
# Installs missing Debian packages itself (as root). Exit status 0 only if all
# stages pass. ACT_STAGES="10 20" runs only the stages whose names start so.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
set -e
ensure_pkgs "${ACT_BASE_PKGS[@]}"
set +e
passed=0 failed=0 failures=()
for stage in "$ACT_ROOT"/scripts/test.d/*.sh; do
  name=$(basename "$stage" .sh)
  if [ -n "${ACT_STAGES:-}" ]; then
    keep=0; for s in $ACT_STAGES; do [[ $name == "$s"* ]] && keep=1; done
    ((keep)) || continue
  fi
  echo "=== stage $name"
  start=$(date +%s)
  if bash -euo pipefail "$stage"; then
    passed=$((passed + 1)); echo "=== stage $name: ok ($(( $(date +%s) - start )) s)"
  else
    failed=$((failed + 1)); failures+=("$name"); echo "=== stage $name: FAILED ($(( $(date +%s) - start )) s)"
  fi
done
((failed)) && echo "failed stages: ${failures[*]}"
echo "stages: $passed passed, $failed failed"
exit $((failed > 0))
