#!/bin/sh
# Builds everything libFuzzer mode needs, fresh, under FUZZ_WORK (default /tmp/openbadges-fuzz):
#   sharpfuzz-bridge  the libFuzzer binary (build.sh)
#   build/            the harnesses published, with the library's assemblies instrumented by SharpFuzz
#   plain/            the same, not instrumented (instrumented code must run under the bridge; seeds are written by this)
# Needs clang, libfuzzer-NN-dev and the sharpfuzz tool (dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0).
set -eu
root=$(cd "$(dirname "$0")/../../.." && pwd)
work=${FUZZ_WORK:-/tmp/openbadges-fuzz}
sharpfuzz=${SHARPFUZZ:-$(command -v sharpfuzz || echo "$HOME/.dotnet/tools/sharpfuzz")}
if [ ! -x "$sharpfuzz" ]; then
    echo "the sharpfuzz tool is not installed: dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0" >&2
    exit 2
fi

"$root/tests/fuzz/driver/build.sh" "$work/sharpfuzz-bridge"
rm -rf "$work/build" "$work/plain"
dotnet publish "$root/tests/fuzz/OpenBadges.Fuzz" -c Release -o "$work/plain" --nologo -v quiet
cp -R "$work/plain" "$work/build"
# The code under test, not the harnesses: coverage of the library (and the CLI's batch CSV reader) is what guides.
for assembly in OpenBadges.dll OpenBadges.Cli.dll; do
    "$sharpfuzz" "$work/build/$assembly"
done
echo "prepared $work"
