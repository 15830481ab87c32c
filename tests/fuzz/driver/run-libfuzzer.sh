#!/bin/sh
# Runs one harness in libFuzzer mode (after prepare.sh) for SECONDS, from a fresh seed folder and a kept corpus:
#   $FUZZ_WORK/runs/HARNESS/seeds    the harness's seeds, written at start
#   $FUZZ_WORK/runs/HARNESS/corpus   what libFuzzer keeps (new coverage); kept between runs
#   $FUZZ_WORK/runs/HARNESS/crash-*  a finding (the input); the target's message is in the log above it
# usage: tests/fuzz/driver/run-libfuzzer.sh HARNESS SECONDS [more libFuzzer flags]
set -eu
root=$(cd "$(dirname "$0")/../../.." && pwd)
work=${FUZZ_WORK:-/tmp/openbadges-fuzz}
harness=$1
seconds=$2
shift 2
if [ ! -x "$work/sharpfuzz-bridge" ] || [ ! -f "$work/build/OpenBadges.Fuzz.dll" ] || [ ! -f "$work/plain/OpenBadges.Fuzz.dll" ]; then
    echo "run tests/fuzz/driver/prepare.sh first" >&2
    exit 2
fi

run=$work/runs/$harness
rm -rf "$run/seeds"
mkdir -p "$run/seeds" "$run/corpus"
cd "$root"  # the harnesses find ../shared/conformance and samples/ from here
dotnet "$work/plain/OpenBadges.Fuzz.dll" "$harness" --write-seeds "$run/seeds"

# -timeout is only a backstop for a hung target: the 1 s / 200 MB bounds are judged inside, as by our own driver.
exec "$work/sharpfuzz-bridge" \
    --target="dotnet $work/build/OpenBadges.Fuzz.dll $harness --libfuzzer" \
    -max_total_time="$seconds" -timeout=30 -max_len=262144 -print_final_stats=1 \
    -artifact_prefix="$run/" "$@" "$run/corpus" "$run/seeds"
