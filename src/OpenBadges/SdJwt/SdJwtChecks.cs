namespace OpenBadges.SdJwt;

/// <summary>The names of the checks <see cref="SdJwtVerifier"/> reports, one per rule.</summary>
public static class SdJwtChecks
{
    /// <summary>The input is present and within the size limit.</summary>
    public const string Size = "sdjwt.size";

    /// <summary>The <c>~</c>-separated form: issuer-signed JWT, Disclosures, optional KB-JWT (RFC 9901 §4).</summary>
    public const string Structure = "sdjwt.structure";

    /// <summary>The issuer-signed JWT is a compact JWS with JSON header and payload without duplicate members.</summary>
    public const string JwtStructure = "sdjwt.jwt.structure";

    /// <summary>The <c>alg</c> is EdDSA, ES256 or RS256 — never <c>none</c> (RFC 9901 §7.1 step 2.2).</summary>
    public const string Algorithm = "sdjwt.jwt.alg";

    /// <summary>The header <c>typ</c> is the one of the profile (<c>dc+sd-jwt</c> for SD-JWT VC, <c>vc+sd-jwt</c> for VC-JOSE-COSE).</summary>
    public const string Type = "sdjwt.jwt.typ";

    /// <summary>No <c>crit</c> header names an extension this verifier does not understand.</summary>
    public const string Critical = "sdjwt.jwt.crit";

    /// <summary>The issuer's public key was found (kid DID, iss DID, x5c, or JWT VC Issuer Metadata).</summary>
    public const string Key = "sdjwt.key";

    /// <summary>The <c>alg</c> is the one algorithm of the key's type.</summary>
    public const string KeyAlgorithm = "sdjwt.key.algorithm";

    /// <summary>The issuer-signed JWT's signature verifies.</summary>
    public const string Signature = "sdjwt.signature";

    /// <summary>The key belongs to the issuer named in the payload (<c>iss</c>, or the credential's issuer id).</summary>
    public const string KeyIssuer = "sdjwt.key.issuer";

    /// <summary><c>_sd_alg</c>, when present, is <c>sha-256</c> (RFC 9901 §7.1 step 3.1).</summary>
    public const string HashAlgorithm = "sdjwt.sd_alg";

    /// <summary>Every Disclosure is base64url JSON of <c>[salt, name, value]</c> or <c>[salt, value]</c>, with a permitted claim name.</summary>
    public const string DisclosureFormat = "sdjwt.disclosure.format";

    /// <summary>No Disclosure appears twice.</summary>
    public const string DisclosureDuplicate = "sdjwt.disclosure.duplicate";

    /// <summary><c>_sd</c> is an array of strings; <c>{"...": digest}</c> has a string digest (RFC 9901 §4.2.4).</summary>
    public const string DigestFormat = "sdjwt.digest.format";

    /// <summary>No digest appears more than once in the payload, directly or through Disclosures (RFC 9901 §7.1 step 4).</summary>
    public const string DigestUnique = "sdjwt.digest.unique";

    /// <summary>A property Disclosure is referenced from <c>_sd</c> and an element Disclosure from <c>...</c>, never the other way (RFC 9901 §7.1 step 3.2).</summary>
    public const string DisclosureKind = "sdjwt.disclosure.kind";

    /// <summary>A disclosed claim name does not already exist in its object (RFC 9901 §7.1 step 3.2.2.3).</summary>
    public const string ClaimCollision = "sdjwt.disclosure.collision";

    /// <summary>Every Disclosure is referenced by a digest (RFC 9901 §7.1 step 5).</summary>
    public const string DisclosureReferenced = "sdjwt.disclosure.referenced";

    /// <summary>A KB-JWT is present when the policy (or <c>cnf</c>) requires one (RFC 9901 §7.3 step 1).</summary>
    public const string KeyBinding = "sdjwt.kb";

    /// <summary><c>cnf.jwk</c> is the holder's public key (RFC 9901 §7.3 step 2).</summary>
    public const string Confirmation = "sdjwt.kb.cnf";

    /// <summary>The KB-JWT is a compact JWS with <c>typ</c> <c>kb+jwt</c> and an accepted <c>alg</c>.</summary>
    public const string KeyBindingStructure = "sdjwt.kb.structure";

    /// <summary>The KB-JWT's signature verifies with the <c>cnf</c> key.</summary>
    public const string KeyBindingSignature = "sdjwt.kb.signature";

    /// <summary>The KB-JWT's <c>iat</c> lies in the accepted window.</summary>
    public const string KeyBindingIssuedAt = "sdjwt.kb.iat";

    /// <summary>The KB-JWT's <c>aud</c> is the expected audience.</summary>
    public const string KeyBindingAudience = "sdjwt.kb.aud";

    /// <summary>The KB-JWT's <c>nonce</c> is the expected nonce.</summary>
    public const string KeyBindingNonce = "sdjwt.kb.nonce";

    /// <summary>The KB-JWT's <c>sd_hash</c> is the digest of the presentation without KB-JWT.</summary>
    public const string KeyBindingSdHash = "sdjwt.kb.sd_hash";

    /// <summary>SD-JWT VC: <c>vct</c> is a string.</summary>
    public const string VcType = "sdjwtvc.vct";

    /// <summary>SD-JWT VC: <c>iss</c>, <c>nbf</c>, <c>exp</c>, <c>cnf</c>, <c>vct</c>, <c>status</c> are never selectively disclosed.</summary>
    public const string VcPlainClaims = "sdjwtvc.plain-claims";

    /// <summary>The time is not before <c>nbf</c> (VC: <c>validFrom</c>).</summary>
    public const string TimeNotBefore = "sdjwt.time.nbf";

    /// <summary>The time is before <c>exp</c> (VC: <c>validUntil</c>).</summary>
    public const string TimeExpiration = "sdjwt.time.exp";

    /// <summary><c>iat</c>, when present, is a number not in the future.</summary>
    public const string TimeIssuedAt = "sdjwt.time.iat";

    /// <summary>The status list token a <c>status.status_list.uri</c> names was found, is signed by the credential's issuer, names that URI in <c>sub</c> and has not expired.</summary>
    public const string StatusToken = "sdjwt.status.token";

    /// <summary>The Token Status List entry the <c>status</c> claim references is VALID (0).</summary>
    public const string Status = "sdjwt.status";

    /// <summary>Reported only when the verifier itself hit an unexpected error (a bug): never Valid then.</summary>
    public const string Internal = "sdjwt.internal";
}
