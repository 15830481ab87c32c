#!/usr/bin/env bash
# Side by side, in one run: eddsa-rdfc-2022 sign and verify of the reference-stack credential in the JavaScript
# reference stack (node, the interop harness's packages) and in OpenBadges (.NET, the benchmark's quick mode), and
# Ed25519Signature2020 of a tiny VC 1.1 credential in SpruceID's didkit (Rust as WebAssembly) and in OpenBadges.
# Usage: benchmarks/compare/run.sh [N]   (N JavaScript iterations, default 200)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
interop="$root/tests/OpenBadges.Tests/Interop"
n="${1:-200}"

if [ ! -d "$interop/node_modules" ]; then
  (cd "$interop" && npm ci --no-audit --no-fund >/dev/null)
fi
ln -sfn "$interop/node_modules" "$here/node_modules"

js_json="$(mktemp)"; net_json="$(mktemp)"; didkit_json="$(mktemp)"
trap 'rm -f "$js_json" "$net_json" "$didkit_json"' EXIT

echo "JavaScript reference stack: $n sign + $n verify ..." >&2
node "$here/bench-js.mjs" --n "$n" --warmup "$n" > "$js_json"

echo "SpruceID didkit-wasm: $n sign + $n verify ..." >&2
node "$here/bench-didkit.mjs" --n "$n" --warmup "$n" > "$didkit_json"

echo "OpenBadges (.NET quick mode) ..." >&2
dotnet build "$root/benchmarks/OpenBadges.Benchmarks" -c Release -v quiet -nologo >/dev/null
dotnet "$root/benchmarks/OpenBadges.Benchmarks/bin/Release/net10.0/OpenBadges.Benchmarks.dll" \
  --quick --rounds 7 --only rdfc-sign-small,rdfc-verify-small,tiny11-ed2020-sign,tiny11-ed2020-verify --json "$net_json" >/dev/null

node - "$js_json" "$net_json" "$didkit_json" <<'JS'
const fs = require('fs');
const js = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const net = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
const didkit = JSON.parse(fs.readFileSync(process.argv[4], 'utf8'));
const row = (name, jsMicros, netMicros, rawMicros) =>
  `${name.padEnd(24)} ${jsMicros.toFixed(0).padStart(10)} ${netMicros.toFixed(1).padStart(10)} ${(jsMicros / netMicros).toFixed(1).padStart(8)}x ${(netMicros / rawMicros).toFixed(2).padStart(10)}x`;
console.log(`eddsa-rdfc-2022, reference-stack credential; node ${js.node}, ${js.n} iterations; .NET median of rounds`);
console.log(`${'operation'.padEnd(24)} ${'JS µs'.padStart(10)} ${'.NET µs'.padStart(10)} ${'JS/.NET'.padStart(9)} ${'.NET/raw'.padStart(11)}`);
console.log(row('sign', js.signMicroseconds, net['rdfc-sign-small'].microseconds, net['raw-sign'].microseconds));
console.log(row('verify', js.verifyMicroseconds, net['rdfc-verify-small'].microseconds, net['raw-verify'].microseconds));
console.log(`raw Ed25519 (NSec) in the same .NET run: sign ${net['raw-sign'].microseconds} µs, verify ${net['raw-verify'].microseconds} µs`);
console.log(`same proofValue from both stacks: ${js.proofValue === net.proofValue ? 'yes' : 'NO (' + js.proofValue + ' vs ' + net.proofValue + ')'}`);
console.log('');
console.log(`Ed25519Signature2020, tiny VC 1.1 credential; didkit-wasm ${didkit.didkit} (node ${didkit.node}), ${didkit.n} iterations`);
console.log(`${'operation'.padEnd(24)} ${'didkit µs'.padStart(10)} ${'.NET µs'.padStart(10)} ${'didkit/.NET'.padStart(9)} ${'.NET/raw'.padStart(11)}`);
console.log(row('sign', didkit.signMicroseconds, net['tiny11-ed2020-sign'].microseconds, net['raw-sign'].microseconds));
console.log(row('verify', didkit.verifyMicroseconds, net['tiny11-ed2020-verify'].microseconds, net['raw-verify'].microseconds));
console.log(`same proofValue from didkit and .NET: ${didkit.proofValue === net.tiny11Ed2020ProofValue ? 'yes' : 'NO (' + didkit.proofValue + ' vs ' + net.tiny11Ed2020ProofValue + ')'}`);
JS
