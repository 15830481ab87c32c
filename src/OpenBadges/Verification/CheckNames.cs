namespace OpenBadges.Verification;

/// <summary>
/// The stable names of the checks a <see cref="CredentialVerifier"/> reports, in the order they run (the order of the
/// 1EdTech validator). Proof checks keep the names of <see cref="Proofs.DataIntegrityVerifier"/> (<c>proof.*</c>) and
/// <see cref="Proofs.Jose.VcJwtVerifier"/> (<c>jwt.*</c>). <c>docs/verification-report.md</c> describes each.
/// </summary>
public static class CheckNames
{
    /// <summary>The input is a JSON credential, a compact JWS, or a PNG/SVG with exactly one baked credential, within the limits.</summary>
    public const string Parse = "parse";

    /// <summary>JSON-LD expansion and toRdf in safe mode over the allowed contexts: nothing dropped, nothing fetched.</summary>
    public const string JsonLd = "jsonld";

    /// <summary><c>@context</c>: the VC context first, the OB 3.0 context second.</summary>
    public const string Context = "context";

    /// <summary><c>type</c>: VerifiableCredential and the OB credential type.</summary>
    public const string Type = "type";

    /// <summary>The embedded OB 3.0 JSON Schema for the credential type (VC 2.0), or the VC 1.1 structure.</summary>
    public const string Schema = "schema";

    /// <summary>Each <c>credentialSchema</c> entry of type <c>1EdTechJsonSchemaValidator2019</c>.</summary>
    public const string CredentialSchema = "credentialSchema";

    /// <summary><c>credentialSubject</c>: type, id or identifier, nested types.</summary>
    public const string CredentialSubject = "credentialSubject";

    /// <summary><c>issuer</c>: present, an absolute URI id, a Profile.</summary>
    public const string Issuer = "issuer";

    /// <summary>The issuer is one of <see cref="CredentialVerifierOptions.TrustedIssuers"/> (reported only when that option is set).</summary>
    public const string TrustedIssuer = "issuer.trusted";

    /// <summary>Summary of the proof checks: every embedded proof (or the VC-JWT) verifies.</summary>
    public const string Proof = "proof";

    /// <summary><c>refreshService</c> (<c>1EdTechCredentialRefresh</c>), after the proof passed.</summary>
    public const string Refresh = "refresh";

    /// <summary><c>credentialStatus</c>: Bitstring Status List or 1EdTech Revocation List.</summary>
    public const string Status = "status";

    /// <summary>The credential is valid from now on: <c>validFrom</c> (VC 2.0) or <c>issuanceDate</c> (VC 1.1).</summary>
    public const string ValidityStart = "validity.start";

    /// <summary>The credential has not expired: <c>validUntil</c> (VC 2.0) or <c>expirationDate</c> (VC 1.1).</summary>
    public const string ValidityEnd = "validity.end";

    /// <summary>The credential subject is the expected recipient.</summary>
    public const string Recipient = "recipient";

    /// <summary>Summary of the endorsements, each verified the same way (see the report's endorsements).</summary>
    public const string Endorsements = "endorsements";

    /// <summary>Verification stopped: cancelled, or an unexpected error (a bug), never an exception to the caller.</summary>
    public const string Verification = "verification";

    /// <summary>Presentation: <c>@context</c> and <c>type</c> (VerifiablePresentation).</summary>
    public const string PresentationStructure = "presentation.structure";

    /// <summary>Presentation: the holder proof's key is controlled by the <c>holder</c>.</summary>
    public const string PresentationHolder = "presentation.holder";

    /// <summary>Presentation: summary of the credentials inside.</summary>
    public const string PresentationCredentials = "presentation.credentials";

    /// <summary>A Verifiable Credential that is not an Open Badge: NotApplicable, "not an Open Badge: OB checks not applied".</summary>
    public const string OpenBadge = "openBadge";

    /// <summary>CLR 2.0: the ClrSubject (type, at least one verifiableCredential, typed achievements and associations).</summary>
    public const string ClrSubject = "clr.subject";

    /// <summary>CLR 2.0: summary of the credentials inside, each verified with its own report (see the report's credentials).</summary>
    public const string ClrCredentials = "clr.credentials";
}
