// A wallet made of the @openid4vc/openid4vci client (and @openid4vc/oauth2): it resolves a credential offer, gets an
// access token (pre-authorized code, with the tx_code when given; or the authorization code flow with PKCE, where
// this script plays the user's browser by following the redirects, cookies included, until the redirect_uri),
// fetches a c_nonce, lets the client library build the key proof JWT, and requests the credential. Only key
// generation and raw signing are ours (with `jose`).
//   stdin:  {"offer": "openid-credential-offer://…", "txCode": "123456"?, "configurationId": "…",
//            "key": "Ed25519" | "P-256", "bind": "jwk" | "did",
//            "clientId": "…"?, "redirectUri": "…"? (authorization code flow)}
//   stdout: {"holderJwk": {…}, "holderDid": "did:…"?, "credential": … , "notification": "ok", "accessToken": "…",
//            "authorizationCodeReplay": {"status": 400, "error": "invalid_grant"}? (the code sent a second time)}
import { Openid4vciClient } from '@openid4vc/openid4vci';
import { clientAuthenticationAnonymous, clientAuthenticationNone, setGlobalConfig, HashAlgorithm } from '@openid4vc/oauth2';
import { generateKeyPair, exportJWK, CompactSign } from 'jose';
import { createHash, randomBytes } from 'node:crypto';

// Our issuer runs on http://127.0.0.1 in the tests; the library wants https unless told otherwise.
setGlobalConfig({ allowInsecureUrls: true });

const input = JSON.parse(await new Promise(resolve => {
  let text = '';
  process.stdin.on('data', chunk => { text += chunk; });
  process.stdin.on('end', () => resolve(text));
}));

const alg = input.key === 'P-256' ? 'ES256' : 'EdDSA';
const { privateKey, publicKey } = await generateKeyPair(alg, { crv: input.key === 'P-256' ? 'P-256' : 'Ed25519' });
const publicJwk = await exportJWK(publicKey);

// did:key of an Ed25519 key: multicodec ed25519-pub (0xed 0x01) + key, base58btc, 'z' prefix.
const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
function base58btc(bytes) {
  let digits = [0];
  for (const byte of bytes) {
    let carry = byte;
    for (let i = 0; i < digits.length; i++) {
      carry += digits[i] << 8;
      digits[i] = carry % 58;
      carry = (carry / 58) | 0;
    }
    while (carry > 0) { digits.push(carry % 58); carry = (carry / 58) | 0; }
  }
  let out = '';
  for (const byte of bytes) { if (byte === 0) out += '1'; else break; }
  for (let i = digits.length - 1; i >= 0; i--) out += BASE58[digits[i]];
  return out;
}

let signer;
let holderDid;
if (input.bind === 'did') {
  if (input.key !== 'Ed25519') throw new Error('did binding is implemented here for Ed25519 only');
  const raw = Buffer.from(publicJwk.x, 'base64url');
  const id = 'z' + base58btc(Buffer.concat([Buffer.from([0xed, 0x01]), raw]));
  holderDid = `did:key:${id}`;
  signer = { method: 'did', didUrl: `${holderDid}#${id}`, alg };
} else {
  signer = { method: 'jwk', publicJwk, alg };
}

const client = new Openid4vciClient({
  callbacks: {
    fetch,
    hash: (data, algorithm) => createHash(algorithm === HashAlgorithm.Sha384 ? 'sha384' : algorithm === HashAlgorithm.Sha512 ? 'sha512' : 'sha256').update(data).digest(),
    generateRandom: length => randomBytes(length),
    clientAuthentication: input.clientId ? clientAuthenticationNone({ clientId: input.clientId }) : clientAuthenticationAnonymous(),
    signJwt: async (jwtSigner, { header, payload }) => {
      const jwt = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
        .setProtectedHeader(header)
        .sign(privateKey);
      return { jwt, signerJwk: publicJwk };
    },
  },
});

const credentialOffer = await client.resolveCredentialOffer(input.offer);
const issuerMetadata = await client.resolveIssuerMetadata(credentialOffer.credential_issuer);
let accessTokenResponse;
let authorizationCodeReplay;
if (credentialOffer.grants?.authorization_code) {
  const { authorizationRequestUrl, pkce, authorizationServer } = await client.createAuthorizationRequestUrlFromOffer({
    credentialOffer,
    issuerMetadata,
    clientId: input.clientId,
    redirectUri: input.redirectUri,
    scope: 'OpenBadgeCredential',
  });
  if (pkce?.codeChallengeMethod !== 'S256') throw new Error(`expected PKCE S256, got ${JSON.stringify(pkce)}`);
  const redirect = await followAsBrowser(authorizationRequestUrl, input.redirectUri);
  const authorizationServerMetadata = issuerMetadata.authorizationServers.find(as => as.issuer === authorizationServer);
  const authorizationResponse = client.parseAndVerifyAuthorizationResponseRedirectUrl({ url: redirect, authorizationServerMetadata });
  if (!authorizationResponse.code) throw new Error(`authorization failed: ${redirect}`);
  ({ accessTokenResponse } = await client.retrieveAuthorizationCodeAccessTokenFromOffer({
    credentialOffer,
    issuerMetadata,
    authorizationCode: authorizationResponse.code,
    pkceCodeVerifier: pkce.codeVerifier,
    redirectUri: input.redirectUri,
  }));
  // The same code again must be refused (RFC 6749 §4.1.2: single use).
  const replay = await fetch(authorizationServerMetadata.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code: authorizationResponse.code, code_verifier: pkce.codeVerifier,
      redirect_uri: input.redirectUri, client_id: input.clientId,
    }),
  });
  authorizationCodeReplay = { status: replay.status, error: (await replay.json()).error };
} else {
  ({ accessTokenResponse } = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({
    credentialOffer,
    issuerMetadata,
    txCode: input.txCode ?? undefined,
  }));
}

// The user's browser: GET, follow same-origin redirects keeping cookies, stop at the wallet's redirect_uri.
async function followAsBrowser(url, redirectUri) {
  const cookies = new Map();
  for (let hop = 0; hop < 10; hop++) {
    if (url.startsWith(redirectUri)) return url;
    const response = await fetch(url, {
      redirect: 'manual',
      headers: cookies.size ? { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {},
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) {
      throw new Error(`the authorization server answered ${response.status} at ${url}: ${await response.text()}`);
    }
    url = new URL(location, url).toString();
  }
  throw new Error('too many redirects');
}
const { c_nonce } = await client.requestNonce({ issuerMetadata });
const { jwt } = await client.createCredentialRequestJwtProof({
  issuerMetadata,
  signer,
  nonce: c_nonce,
  credentialConfigurationId: input.configurationId,
});
const { credentialResponse } = await client.retrieveCredentials({
  issuerMetadata,
  accessToken: accessTokenResponse.access_token,
  credentialConfigurationId: input.configurationId,
  proofs: { jwt: [jwt] },
});
await client.sendNotification({
  issuerMetadata,
  accessToken: accessTokenResponse.access_token,
  notification: { notificationId: credentialResponse.notification_id, event: 'credential_accepted' },
});

process.stdout.write(JSON.stringify({
  holderJwk: publicJwk,
  holderDid,
  credential: credentialResponse.credentials[0].credential,
  notification: 'ok',
  accessToken: accessTokenResponse.access_token,
  authorizationCodeReplay,
}));
