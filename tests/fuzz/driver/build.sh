#!/bin/sh
# Builds sharpfuzz-bridge (a libFuzzer binary whose target is a SharpFuzz-instrumented .NET process).
# Needs clang and libFuzzer's static library (Debian: apt-get install clang libfuzzer-14-dev).
# usage: tests/fuzz/driver/build.sh [OUTPUT]   (default /tmp/openbadges-fuzz/sharpfuzz-bridge)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-/tmp/openbadges-fuzz/sharpfuzz-bridge}
mkdir -p "$(dirname "$out")"

# libFuzzer's engine and main(), as a static library; the one newest found, or LIBFUZZER_A.
lib=${LIBFUZZER_A:-$(ls /usr/lib/llvm-*/lib/libFuzzer.a 2>/dev/null | sort -V | tail -n 1)}
if [ -z "$lib" ] || [ ! -f "$lib" ]; then
    echo "libFuzzer.a not found: install libfuzzer-NN-dev (or set LIBFUZZER_A)" >&2
    exit 2
fi

# The bridge itself is compiled without coverage instrumentation: the only coverage libFuzzer sees is the .NET map.
cc=${CC:-clang}
cxx=${CXX:-clang++}
"$cc" -std=c11 -O2 -Wall -Wextra -Werror -c "$here/sharpfuzz-bridge.c" -o "$out.o"
"$cxx" "$out.o" "$lib" -lpthread -o "$out"
rm -f "$out.o"
echo "$out"
