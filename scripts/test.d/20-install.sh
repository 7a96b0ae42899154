# Install tree, exports, and consumers: find_package(act) + act::act, pkg-config,
# the static archive, the header as C11 and C++17, SONAME and exported symbols.
source "$(dirname "$0")/../lib.sh"
build_native_tests >/dev/null
prefix="$ACT_BUILD/install"
rm -rf "$prefix"
cmake --install "$ACT_BUILD/x86" --prefix "$prefix" >/dev/null
lib="$prefix/lib/libact.so.1"
for f in include/act/act.h lib/libact.so lib/libact.so.1 lib/cmake/act/actConfig.cmake \
         lib/cmake/act/actConfigVersion.cmake lib/cmake/act/actTargets.cmake lib/pkgconfig/act.pc bin/act; do
  [ -e "$prefix/$f" ] || { echo "not installed: $f"; exit 1; }
done
readelf -d "$lib" | grep -q 'SONAME.*\[libact.so.1\]' || { echo "SONAME is not libact.so.1"; exit 1; }

# Exactly the functions the header declares leave the library.
exported=$(nm -D --defined-only "$lib" | awk '$2 == "T" || $2 == "D" || $2 == "B" {print $3}' | sed 's/@.*//' | sort -u)
declared=$(grep -oE '^ACT_API [^(]*\(' include/act/act.h 2>/dev/null || grep -oE '^ACT_API [^(]*\(' "$ACT_ROOT/include/act/act.h")
declared=$(echo "$declared" | sed -E 's/.*[ *]([a-z_0-9]+)\($/\1/' | sort -u)
if [ "$exported" != "$declared" ]; then
  echo "exported symbols differ from the header:"; diff <(echo "$declared") <(echo "$exported"); exit 1
fi
echo "exports: $(echo "$exported" | wc -l) functions, all act_*, matching act.h"

# CMake consumer
rm -rf "$ACT_BUILD/consumer"
cmake -S "$ACT_ROOT/tests/install" -B "$ACT_BUILD/consumer" -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$ACT_BUILD/consumer" >/dev/null
LD_LIBRARY_PATH="$prefix/lib" "$ACT_BUILD/consumer/consumer"

# pkg-config consumer
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
cc -std=c11 -Wall -Wextra -Werror -DCONSUMER='"pkg-config"' "$ACT_ROOT/tests/install/main.c" \
   $(pkg-config --cflags --libs act) -lm -Wl,-rpath,"$prefix/lib" -o "$ACT_BUILD/consumer/pc"
"$ACT_BUILD/consumer/pc"

# static archive
cmake -S "$ACT_ROOT" -B "$ACT_BUILD/static" -DACT_BUILD_STATIC=ON -DACT_BUILD_TESTS=OFF \
      -DACT_BUILD_CLI=OFF >/dev/null
cmake --build "$ACT_BUILD/static" -j "$ACT_JOBS" >/dev/null
cc -std=c11 -DCONSUMER='"libact.a"' -I"$ACT_ROOT/include" "$ACT_ROOT/tests/install/main.c" \
   "$ACT_BUILD/static/libact.a" $(pkg-config --libs-only-l --static act | sed 's/-lact//') -lpthread -lm \
   -o "$ACT_BUILD/consumer/static"
"$ACT_BUILD/consumer/static"

# header: strict C11 and C++17
cc -std=c11 -pedantic -Wall -Wextra -Werror -fsyntax-only -I"$ACT_ROOT/include" -x c "$ACT_ROOT/include/act/act.h"
c++ -std=c++17 -Wall -Wextra -Werror -I"$ACT_ROOT/include" "$ACT_ROOT/tests/install/header.cc" \
    -L"$prefix/lib" -lact -Wl,-rpath,"$prefix/lib" -o "$ACT_BUILD/consumer/cxx"
"$ACT_BUILD/consumer/cxx"
