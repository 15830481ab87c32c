// SD-JWT interop harness: drives @sd-jwt/sd-jwt-vc 0.19.0 (the OpenWallet Foundation's TypeScript SD-JWT VC
// library) for the C# tests in SdJwtInteropTests.
//
// Protocol: one JSON request on stdin, one JSON response on stdout ({"ok":true,...} or {"ok":false,"error":"..."}).
// Operations: issue, present, verify. Keys travel as JWKs; ES256 goes through @sd-jwt/crypto-nodejs, EdDSA (which
// that package does not offer) through node:crypto. Nothing is fetched: a status list token, when needed, comes in
// the request.

import crypto from 'node:crypto';
import {SDJwtVcInstance} from '@sd-jwt/sd-jwt-vc';
import {ES256, digest, generateSalt} from '@sd-jwt/crypto-nodejs';

console.log = (...args) => console.error(...args);

const algOf = jwk => (jwk.kty === 'OKP' ? 'EdDSA' : 'ES256');

async function signerFor(privateJwk) {
  if(algOf(privateJwk) === 'ES256') {
    return ES256.getSigner(privateJwk);
  }
  const key = crypto.createPrivateKey({key: privateJwk, format: 'jwk'});
  return async data => crypto.sign(null, Buffer.from(data), key).toString('base64url');
}

async function verifierFor(publicJwk) {
  if(algOf(publicJwk) === 'ES256') {
    return ES256.getVerifier(publicJwk);
  }
  const key = crypto.createPublicKey({key: publicJwk, format: 'jwk'});
  return async (data, signature) => crypto.verify(null, Buffer.from(data), key, Buffer.from(signature, 'base64url'));
}

async function issue(request) {
  const instance = new SDJwtVcInstance({
    signer: await signerFor(request.privateJwk),
    signAlg: algOf(request.privateJwk),
    hasher: digest,
    hashAlg: 'sha-256',
    saltGenerator: generateSalt
  });
  return {token: await instance.issue(request.payload, request.frame, {header: request.header ?? {}})};
}

async function present(request) {
  const config = {hasher: digest};
  if(request.holderPrivateJwk) {
    config.kbSigner = await signerFor(request.holderPrivateJwk);
    config.kbSignAlg = algOf(request.holderPrivateJwk);
  }
  const instance = new SDJwtVcInstance(config);
  const options = request.kb ? {kb: {payload: request.kb}} : undefined;
  return {token: await instance.present(request.token, request.frame, options)};
}

async function verify(request) {
  const issuerVerifier = await verifierFor(request.issuerPublicJwk);
  const instance = new SDJwtVcInstance({
    hasher: digest,
    verifier: issuerVerifier,
    // The holder key is the one the issuer put in cnf.jwk.
    kbVerifier: async (data, signature, payload) => (await verifierFor(payload.cnf.jwk))(data, signature),
    statusListFetcher: async uri => {
      if(!request.statusLists || !(uri in request.statusLists)) {
        throw new Error(`no status list token was given for ${uri}`);
      }
      return request.statusLists[uri];
    },
    statusVerifier: issuerVerifier
  });
  try {
    const result = await instance.verify(request.token, {
      keyBindingNonce: request.nonce,
      currentDate: request.currentDate
    });
    return {verified: true, payload: result.payload, header: result.header, kb: result.kb?.payload ?? null};
  } catch(e) {
    return {verified: false, error: String(e?.message ?? e)};
  }
}

const operations = {issue, present, verify};

let input = '';
process.stdin.setEncoding('utf8');
for await (const chunk of process.stdin) {
  input += chunk;
}

let response;
try {
  const request = JSON.parse(input);
  const operation = operations[request.op];
  if(!operation) {
    throw new Error(`unknown op ${request.op}`);
  }
  response = {ok: true, ...(await operation(request))};
} catch(e) {
  response = {ok: false, error: String(e?.stack ?? e)};
}
process.stdout.write(JSON.stringify(response) + '\n');
