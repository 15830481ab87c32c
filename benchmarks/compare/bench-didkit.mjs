// Times Ed25519Signature2020 sign and verify of a tiny VC 1.1 credential (credentials/v1 context, one subject id)
// with SpruceID's didkit (Rust, built for WebAssembly: @spruceid/didkit-wasm-node, installed by the interop harness
// and linked here as node_modules by run.sh). didkit resolves did:key itself and carries the credentials/v1 and
// Ed25519Signature2020 contexts; it cannot load the OB 3.0 contexts offline, hence the tiny credential. The same
// credential, key and `created` are what the .NET quick mode's tiny11-ed2020-* operations sign and verify.
// Prints one JSON line.
//
// Usage: node bench-didkit.mjs [--n 200] [--warmup 50]   (the shared folder: OPENBADGES_SHARED or ../../../shared)

import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import {fileURLToPath} from 'node:url';
import {performance} from 'node:perf_hooks';
import * as didkit from '@spruceid/didkit-wasm-node';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const N = option('--n', 200);
const WARMUP = option('--warmup', 50);
const sharedDir = path.resolve(process.env.OPENBADGES_SHARED || path.join(here, '..', '..', '..', 'shared'));
const key = JSON.parse(fs.readFileSync(path.join(sharedDir, 'conformance', 'reference-stack', 'key.json'), 'utf8'));

// The Ed25519 JWK of the reference key (RFC 8037): the seed as d, its public key as x.
const pkcs8 = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.from(key.seedHex, 'hex')]);
const privateKey = crypto.createPrivateKey({key: pkcs8, format: 'der', type: 'pkcs8'});
const jwk = JSON.stringify(privateKey.export({format: 'jwk'}));
const did = didkit.keyToDID('key', jwk);
if(did !== key.controller) {
  throw new Error(`didkit made ${did} from the key, expected ${key.controller}`);
}

const credential = JSON.stringify({
  '@context': ['https://www.w3.org/2018/credentials/v1'],
  id: 'urn:uuid:7b3c2f6e-51a4-4d0b-9a0e-6f1d2c3b4a59',
  type: ['VerifiableCredential'],
  issuer: key.controller,
  issuanceDate: '2024-09-01T00:00:00Z',
  credentialSubject: {id: 'did:example:ebfeb1f712ebc6f1c276e12ec21'}
});
const proofOptions = JSON.stringify({
  type: 'Ed25519Signature2020', proofPurpose: 'assertionMethod', verificationMethod: key.id,
  created: '2024-09-01T00:00:00Z'
});

const sign = () => didkit.issueCredential(credential, proofOptions, jwk);
const signed = await sign();
const signedText = typeof signed === 'string' ? signed : JSON.stringify(signed);
const verifyOptions = JSON.stringify({proofPurpose: 'assertionMethod'});
async function verify() {
  const result = JSON.parse(await didkit.verifyCredential(signedText, verifyOptions));
  if(result.errors.length > 0) {
    throw new Error('didkit did not verify its own signature: ' + result.errors.join('; '));
  }
}

async function time(run) {
  for(let i = 0; i < WARMUP; i++) {
    await run();
  }
  const start = performance.now();
  for(let i = 0; i < N; i++) {
    await run();
  }
  return (performance.now() - start) * 1000 / N; // microseconds per call
}

const signMicros = await time(sign);
const verifyMicros = await time(verify);
console.log(JSON.stringify({
  didkit: didkit.getVersion(), node: process.version, n: N, signMicroseconds: signMicros, verifyMicroseconds: verifyMicros,
  proofValue: JSON.parse(signedText).proof.proofValue
}));
