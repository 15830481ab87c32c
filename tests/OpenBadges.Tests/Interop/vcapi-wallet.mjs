// A VC-API (VCALM) wallet that collects a credential the way the Learner Credential Wallet does, made of the
// JavaScript reference stack (@digitalbazaar/vc, data-integrity, eddsa-rdfc-2022 or Ed25519Signature2020,
// ed25519-multikey): it follows the interaction URL to the exchange, posts {} to get the verifiable presentation
// request, answers its DIDAuthentication query with a presentation signed by a fresh did:key for the request's
// challenge and domain, and posts it to the request's interact service.
//   stdin:  {"interactionUrl": "http://127.0.0.1:…/exchanges/…/protocols?iuv=1", "suite": "eddsa-rdfc-2022" | "Ed25519Signature2020",
//            "version": 2 | 1 (the presentation's VC context)}
//   stdout: {"holder": "did:key:…", "request": {…}, "didAuth": {…}, "response": {"verifiablePresentation": {…}}}
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {Ed25519Signature2020} from '@digitalbazaar/ed25519-signature-2020';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as credentialsContext from '@digitalbazaar/credentials-context';
import {createRequire} from 'node:module';

const require = createRequire(import.meta.url);

const input = JSON.parse(await new Promise(resolve => {
  let text = '';
  process.stdin.on('data', chunk => { text += chunk; });
  process.stdin.on('end', () => resolve(text));
}));

// Offline: the contexts a DIDAuth presentation needs, from the installed packages; nothing is fetched.
const contexts = new Map();
for(const map of [
  credentialsContext.contexts,
  require('@digitalbazaar/data-integrity-context').contexts,
  require('ed25519-signature-2020-context').contexts,
  require('@digitalbazaar/multikey-context').contexts
]) {
  for(const [url, document] of map) {
    contexts.set(url, document);
  }
}
const documentLoader = async url => {
  if(contexts.has(url)) {
    return {contextUrl: null, documentUrl: url, document: contexts.get(url)};
  }
  throw new Error(`offline wallet loader: will not load ${url}`);
};

async function postJson(url, body) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {'Content-Type': 'application/json', Accept: 'application/json'},
    body: JSON.stringify(body)
  });
  const text = await response.text();
  if(!response.ok) {
    throw new Error(`POST ${url}: HTTP ${response.status} ${text}`);
  }
  return JSON.parse(text);
}

// VCALM interaction URL: GET with Accept: application/json gives the protocols; the wallet takes 'vcapi'.
const protocolsResponse = await fetch(input.interactionUrl, {headers: {Accept: 'application/json'}});
const {protocols} = await protocolsResponse.json();
if(!protocols || typeof protocols.vcapi !== 'string') {
  throw new Error(`no vcapi protocol at ${input.interactionUrl}`);
}

const {verifiablePresentationRequest: request} = await postJson(protocols.vcapi, {});
const queries = [].concat(request.query);
const didAuth = queries.find(query => query.type === 'DIDAuthentication' || query.type === 'DIDAuth');
if(!didAuth) {
  throw new Error(`the request asks for no DIDAuthentication: ${JSON.stringify(request)}`);
}
if(didAuth.acceptedMethods && !didAuth.acceptedMethods.some(m => m.method === 'key')) {
  throw new Error('the request does not accept did:key');
}

const key = await Ed25519Multikey.generate();
const holder = `did:key:${key.publicKeyMultibase}`;
key.controller = holder;
key.id = `${holder}#${key.publicKeyMultibase}`;
const signer = key.signer();
const suite = input.suite === 'Ed25519Signature2020' ?
  new Ed25519Signature2020({signer}) :
  new DataIntegrityProof({signer, cryptosuite: eddsaRdfc2022});

const presentation = vc.createPresentation({holder, version: input.version === 1 ? 1.0 : 2.0});
const signed = await vc.signPresentation({
  presentation, suite, documentLoader, challenge: request.challenge, domain: request.domain
});

const endpoint = request.interact?.service?.[0]?.serviceEndpoint ?? protocols.vcapi;
const response = await postJson(endpoint, {verifiablePresentation: signed});

process.stdout.write(JSON.stringify({holder, request, didAuth: signed, response}));
