# Cross build for AArch64 Linux with Debian's cross compiler and multiarch
# arm64 libraries; ctest runs the test programs under qemu-aarch64.
#
#   dpkg --add-architecture arm64 && apt-get update
#   apt-get install gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user \
#       libsleef-dev:arm64 libcmocka-dev:arm64 libmpfr-dev:arm64 libgmp-dev:arm64
#   cmake -S . -B build/aarch64 -DCMAKE_TOOLCHAIN_FILE=cmake/toolchains/aarch64-linux-gnu.cmake
#   cmake --build build/aarch64 && ctest --test-dir build/aarch64
#
# (scripts/test.d/30-aarch64.sh does all of this.)
#
# Where things are: the compiler's own libc is in /usr/aarch64-linux-gnu
# (libc6-dev-arm64-cross); the arm64 -dev packages install headers in
# /usr/include/aarch64-linux-gnu (sleef.h, gmp.h) or /usr/include (cmocka.h,
# mpfr.h: the same for every architecture), libraries and .pc files in
# /usr/lib/aarch64-linux-gnu. The cross gcc searches both include dirs itself.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
# Debian multiarch triplet: find_library/find_path look in lib/<triplet> and
# include/<triplet>, and FindSLEEF refuses a SLEEF of another triplet.
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)
set(CMAKE_FIND_ROOT_PATH /usr/aarch64-linux-gnu)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
# BOTH, not ONLY: the multiarch libraries live in /usr/lib/aarch64-linux-gnu,
# outside the root path; the triplet directories keep x86-64 ones out.
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE BOTH)
# pkg-config must read the arm64 .pc files, never the build machine's.
set(ENV{PKG_CONFIG_LIBDIR} /usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig)
set(ENV{PKG_CONFIG_PATH} "")
# ctest, add_test and try_run run target programs through this emulator.
# The arm64 -dev packages pull in libc6:arm64, which installs the loader as
# /lib/ld-linux-aarch64.so.1 and libc in /lib/aarch64-linux-gnu: qemu then
# needs no prefix, and loader and libc come from the same glibc build. Only
# without libc6:arm64 do we point qemu at the cross libc with -L; with both
# present, -L would pair the cross loader (libc6-arm64-cross) with
# libc6:arm64's libc.so.6 (found through /etc/ld.so.cache), two different
# glibc builds. Override with -DACT_QEMU_AARCH64="..." (e.g. "qemu-aarch64;-cpu;max").
if(EXISTS /lib/ld-linux-aarch64.so.1)
  set(_act_qemu qemu-aarch64)
else()
  set(_act_qemu qemu-aarch64 -L /usr/aarch64-linux-gnu)
endif()
set(ACT_QEMU_AARCH64 ${_act_qemu} CACHE STRING "Emulator command for running AArch64 programs")
set(CMAKE_CROSSCOMPILING_EMULATOR ${ACT_QEMU_AARCH64})
