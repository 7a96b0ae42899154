# Shared helpers for scripts/*.sh; source it. Paths are relative to the repo root.
ACT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ACT_BUILD="${ACT_BUILD:-$ACT_ROOT/build}"
ACT_JOBS="${ACT_JOBS:-$(nproc 2>/dev/null || echo 2)}"

# ensure_pkgs PKG... installs the Debian packages that are missing (apt-get, as root).
ensure_pkgs() {
  local missing=() p
  for p in "$@"; do
    # a package:arch name is checked as given; a bare name must be installed for
    # the native architecture (or be arch-independent), not just for arm64
    if [[ $p == *:* ]]; then
      dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    else
      dpkg-query -W -f='${Status} ${Architecture}\n' "$p" 2>/dev/null |
        grep -qE "install ok installed ($(dpkg --print-architecture)|all)$" || missing+=("$p")
    fi
  done
  ((${#missing[@]})) || return 0
  if [ "$(id -u)" != 0 ]; then
    echo "missing Debian packages: ${missing[*]} - install them (as root: apt-get install ${missing[*]})" >&2
    return 1
  fi
  echo "installing: ${missing[*]}"
  if [ ! -e /tmp/.act-apt-updated ]; then
    apt-get update -qq && touch /tmp/.act-apt-updated
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The packages every build needs.
ACT_BASE_PKGS=(build-essential cmake pkg-config libsleef-dev libcmocka-dev libmpfr-dev libgmp-dev)

# The benchmark peers. ocl-icd-opencl-dev is only a Recommends of libdnnl-dev, but
# dnnl-config.cmake fails the configure without the OpenCL headers and library.
ACT_PEER_PKGS=(libdnnl-dev ocl-icd-opencl-dev libxnnpack-dev libpthreadpool-dev libeigen3-dev)

# configure_x86 [extra cmake args...]: the native build in $ACT_BUILD/x86.
build_native() {
  cmake -S "$ACT_ROOT" -B "$ACT_BUILD/x86" -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
  cmake --build "$ACT_BUILD/x86" -j "$ACT_JOBS"
}
# The same tree with the tests on, whatever its cache holds: scripts/run.sh
# configures it with -DACT_BUILD_TESTS=OFF, and CMake would keep that.
build_native_tests() { build_native -DACT_BUILD_TESTS=ON "$@"; }
