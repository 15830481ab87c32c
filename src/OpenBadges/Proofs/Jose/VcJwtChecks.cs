namespace OpenBadges.Proofs.Jose;

/// <summary>The names of the checks <see cref="VcJwtVerifier"/> reports (claims run before the issuer binding, which needs the VC 1.1 issuer they supply).</summary>
public static class VcJwtChecks
{
    /// <summary>The token is present and within the size limit.</summary>
    public const string Size = "jwt.size";

    /// <summary>Three non-empty canonical base64url segments.</summary>
    public const string Structure = "jwt.structure";

    /// <summary>The header is a UTF-8 JSON object without duplicate members.</summary>
    public const string HeaderJson = "jwt.header.json";

    /// <summary>The payload is a UTF-8 JSON object without duplicate members.</summary>
    public const string PayloadJson = "jwt.payload.json";

    /// <summary>The header's <c>alg</c> is RS256, ES256 or EdDSA.</summary>
    public const string Algorithm = "jwt.header.alg";

    /// <summary>The header's <c>typ</c>, when present, is <c>JWT</c>.</summary>
    public const string Type = "jwt.header.typ";

    /// <summary>The header has no <c>crit</c> extensions this verifier does not understand (it understands none).</summary>
    public const string Critical = "jwt.header.crit";

    /// <summary>The payload holds a credential: the payload itself (OB 3.0) or its <c>vc</c> claim (VC 1.1 JWT).</summary>
    public const string Credential = "jwt.payload.credential";

    /// <summary>A public key was found through the header's <c>jwk</c> or <c>kid</c>.</summary>
    public const string Key = "jwt.key";

    /// <summary>The <c>alg</c> is the one algorithm of the key's type.</summary>
    public const string KeyAlgorithm = "jwt.key.algorithm";

    /// <summary>The signature verifies (through Microsoft.IdentityModel's JsonWebTokenHandler).</summary>
    public const string Signature = "jwt.signature";

    /// <summary>The key belongs to the issuer: its controller (or DID) is the credential's issuer id.</summary>
    public const string KeyController = "jwt.key.controller";

    /// <summary><c>iss</c> is the issuer id.</summary>
    public const string Issuer = "jwt.claim.iss";

    /// <summary><c>sub</c> is the credential subject's id.</summary>
    public const string Subject = "jwt.claim.sub";

    /// <summary><c>jti</c> is the credential id.</summary>
    public const string JwtId = "jwt.claim.jti";

    /// <summary><c>nbf</c> is <c>validFrom</c> (VC 1.1: <c>issuanceDate</c>).</summary>
    public const string NotBefore = "jwt.claim.nbf";

    /// <summary><c>exp</c> is <c>validUntil</c> (VC 1.1: <c>expirationDate</c>).</summary>
    public const string Expiration = "jwt.claim.exp";

    /// <summary><c>iat</c>, when present, is a NumericDate within the calendar (reported only when it is not).</summary>
    public const string IssuedAt = "jwt.claim.iat";

    /// <summary>The current time is not before <c>nbf</c>, less the clock skew.</summary>
    public const string TimeNotBefore = "jwt.time.nbf";

    /// <summary>The current time is before <c>exp</c>, plus the clock skew.</summary>
    public const string TimeExpiration = "jwt.time.exp";

    /// <summary>Reported only when the verifier itself hit an unexpected error (a bug): the token is then not valid.</summary>
    public const string Internal = "jwt.internal";
}
