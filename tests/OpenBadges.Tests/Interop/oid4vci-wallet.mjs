// A wallet made of the @openid4vc/openid4vci client (and @openid4vc/oauth2): it resolves a credential offer, redeems
// the pre-authorized code (with the tx_code when given), fetches a c_nonce, lets the client library build the key
// proof JWT, and requests the credential. Only key generation and raw signing are ours (with `jose`).
//   stdin:  {"offer": "openid-credential-offer://…", "txCode": "123456"?, "configurationId": "…",
//            "key": "Ed25519" | "P-256", "bind": "jwk" | "did"}
//   stdout: {"holderJwk": {…}, "holderDid": "did:…"?, "credential": … , "notification": "ok"}
import { Openid4vciClient } from '@openid4vc/openid4vci';
import { clientAuthenticationAnonymous, setGlobalConfig, HashAlgorithm } from '@openid4vc/oauth2';
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
    clientAuthentication: clientAuthenticationAnonymous(),
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
const { accessTokenResponse } = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({
  credentialOffer,
  issuerMetadata,
  txCode: input.txCode ?? undefined,
});
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
}));
