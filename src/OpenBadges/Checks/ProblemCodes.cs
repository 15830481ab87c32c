namespace OpenBadges.Checks;

/// <summary>
/// The stable problem codes of non-passed checks, and the VC Data Model 2.0 §7.1 ProblemDetails <c>type</c> of each: one
/// of the four the data model defines (<see cref="ParsingErrorType"/>, <see cref="CryptographicSecurityErrorType"/>,
/// <see cref="MalformedValueErrorType"/>, <see cref="RangeErrorType"/>), or this package's own under <see cref="OpenBadgesTypeBase"/>.
/// <c>docs/verification-report.md</c> lists every code with its meaning; a test holds the list and this class together.
/// </summary>
public static class ProblemCodes
{
    /// <summary>VCDM 2.0 §7.1: there was an error while parsing input.</summary>
    public const string ParsingErrorType = "https://www.w3.org/TR/vc-data-model#PARSING_ERROR";

    /// <summary>VCDM 2.0 §7.1: the securing mechanism (proof, signature) could not be verified.</summary>
    public const string CryptographicSecurityErrorType = "https://www.w3.org/TR/vc-data-model#CRYPTOGRAPHIC_SECURITY_ERROR";

    /// <summary>VCDM 2.0 §7.1: the value of a property is malformed.</summary>
    public const string MalformedValueErrorType = "https://www.w3.org/TR/vc-data-model#MALFORMED_VALUE_ERROR";

    /// <summary>VCDM 2.0 §7.1: a value is outside its expected range (a date window, an index past the end of a list).</summary>
    public const string RangeErrorType = "https://www.w3.org/TR/vc-data-model#RANGE_ERROR";

    /// <summary>The base of this package's own problem types: <c>{base}{CODE}</c>. Documented in <c>docs/verification-report.md</c>.</summary>
    public const string OpenBadgesTypeBase = "https://openbadges-dotnet.github.io/problems#";

    // Failed: the document is not valid.

    /// <summary>Failed: the input is not a credential in a readable format (malformed JSON, duplicate keys, no baked credential).</summary>
    public const string MalformedInput = "MALFORMED_INPUT";
    /// <summary>Failed: JSON-LD is unsafe or invalid (an undefined term, a relative IRI, a JSON-LD error).</summary>
    public const string JsonLdUnsafe = "JSONLD_UNSAFE";
    /// <summary>Failed: a number the signature cannot pin down (an integer of 10^21 or more, an overflow).</summary>
    public const string InexactNumber = "INEXACT_NUMBER";
    /// <summary>Failed: <c>@context</c> does not start with the VC context (and, for Open Badges, the OB context).</summary>
    public const string ContextInvalid = "CONTEXT_INVALID";
    /// <summary>Failed: <c>type</c> lacks VerifiableCredential (or the type the document claims to be).</summary>
    public const string TypeInvalid = "TYPE_INVALID";
    /// <summary>Failed: the official 1EdTech JSON Schema (or a <c>credentialSchema</c>) rejects the document.</summary>
    public const string SchemaViolation = "SCHEMA_VIOLATION";
    /// <summary>Failed: <c>credentialSubject</c> is missing or not an object.</summary>
    public const string SubjectInvalid = "SUBJECT_INVALID";
    /// <summary>Failed: <c>issuer</c> is missing or neither a URL nor a Profile.</summary>
    public const string IssuerInvalid = "ISSUER_INVALID";
    /// <summary>Failed: the document carries no proof (and is not a VC-JWT).</summary>
    public const string ProofMissing = "PROOF_MISSING";
    /// <summary>Failed: a proof is malformed or does not hold (purpose, context, proofValue, created, expires, challenge, domain, JWT claims).</summary>
    public const string ProofInvalid = "PROOF_INVALID";
    /// <summary>Failed: a signature does not verify: the document or proof was changed, or another key signed it.</summary>
    public const string SignatureInvalid = "SIGNATURE_INVALID";
    /// <summary>Failed: the verification method can never be dereferenced (unknown URI scheme, not in its controller document, wrong key type).</summary>
    public const string VerificationMethodInvalid = "VERIFICATION_METHOD_INVALID";
    /// <summary>Failed: the signing key is not controlled by the credential's issuer (or the presentation's holder).</summary>
    public const string KeyNotIssuers = "KEY_NOT_ISSUERS";
    /// <summary>Failed: the credential is revoked.</summary>
    public const string Revoked = "REVOKED";
    /// <summary>Failed: the credential is suspended.</summary>
    public const string Suspended = "SUSPENDED";
    /// <summary>Failed: the status list index is past the end of the issuer's list.</summary>
    public const string StatusIndexOutOfRange = "STATUS_INDEX_OUT_OF_RANGE";
    /// <summary>Failed: a <c>credentialStatus</c> entry is malformed.</summary>
    public const string StatusEntryMalformed = "STATUS_ENTRY_MALFORMED";
    /// <summary>Failed: the credential is not valid yet (<c>validFrom</c> / <c>issuanceDate</c> in the future).</summary>
    public const string NotYetValid = "NOT_YET_VALID";
    /// <summary>Failed: the credential has expired (<c>validUntil</c> / <c>expirationDate</c> in the past).</summary>
    public const string Expired = "EXPIRED";
    /// <summary>Failed: a date is missing where required, or not a date-time with a zone.</summary>
    public const string DateMalformed = "DATE_MALFORMED";
    /// <summary>Failed: the credential is not about the expected recipient.</summary>
    public const string RecipientMismatch = "RECIPIENT_MISMATCH";
    /// <summary>Failed: an endorsement inside the credential is invalid.</summary>
    public const string EndorsementInvalid = "ENDORSEMENT_INVALID";
    /// <summary>Failed: a credential inside a presentation or CLR is invalid.</summary>
    public const string EmbeddedCredentialInvalid = "EMBEDDED_CREDENTIAL_INVALID";
    /// <summary>Failed: the presentation is not a VerifiablePresentation (context, type).</summary>
    public const string PresentationInvalid = "PRESENTATION_INVALID";
    /// <summary>Failed: an SD-JWT Disclosure is malformed, altered, sent twice or referenced by no signed digest; a digest repeats; a claim that must stay in the clear was disclosed.</summary>
    public const string DisclosureInvalid = "DISCLOSURE_INVALID";
    /// <summary>Failed: an SD-JWT's key binding does not hold (KB-JWT missing where <c>cnf</c> requires it, bad signature, <c>sd_hash</c>, <c>aud</c>, <c>nonce</c> or <c>iat</c>).</summary>
    public const string KeyBindingInvalid = "KEY_BINDING_INVALID";
    /// <summary>Failed: a Token Status List token is not the issuer's, names another list, has expired or is malformed.</summary>
    public const string StatusListInvalid = "STATUS_LIST_INVALID";
    /// <summary>Failed: a check without a more specific code.</summary>
    public const string Invalid = "INVALID";

    // Warning: a data-model MUST that neither the official schema nor the verification algorithm checks.

    /// <summary>Warning: the AchievementSubject breaks an OB 3.0 data-model rule (no id nor identifier, B.1.3; untyped nested objects; criteria without id or narrative).</summary>
    public const string SubjectDataModel = "SUBJECT_DATA_MODEL";
    /// <summary>Warning: the issuer Profile breaks an OB 3.0 data-model rule (untyped, id not an absolute URI, untyped otherIdentifier).</summary>
    public const string IssuerDataModel = "ISSUER_DATA_MODEL";
    /// <summary>Warning: an older OB 3.0 context version or alias instead of the current one.</summary>
    public const string ContextDeprecated = "CONTEXT_DEPRECATED";
    /// <summary>Warning: a proof carries a member its suite does not define.</summary>
    public const string ProofDataModel = "PROOF_DATA_MODEL";
    /// <summary>Warning: a CLR breaks a CLR 2.0 data-model rule the schema does not check.</summary>
    public const string ClrDataModel = "CLR_DATA_MODEL";
    /// <summary>Warning without a more specific code.</summary>
    public const string DataModelWarning = "DATA_MODEL_WARNING";

    // CouldNotCheck: nothing shows the credential bad, but something could not be decided.

    /// <summary>CouldNotCheck: a limit was reached (input size, depth, canonicalization work, endorsements, fetches, credentials per presentation).</summary>
    public const string LimitReached = "LIMIT_REACHED";
    /// <summary>CouldNotCheck: a JSON-LD context is not available offline.</summary>
    public const string ContextUnavailable = "CONTEXT_UNAVAILABLE";
    /// <summary>CouldNotCheck: the proof type or cryptosuite (or VP-JWT) is not implemented here.</summary>
    public const string UnsupportedProof = "UNSUPPORTED_PROOF";
    /// <summary>CouldNotCheck: the verification method could not be resolved (did:web offline, an unbound key fragment, a resolver error).</summary>
    public const string KeyUnresolved = "KEY_UNRESOLVED";
    /// <summary>CouldNotCheck: the status list could not be fetched or trusted, or the status method is not supported.</summary>
    public const string StatusUnknown = "STATUS_UNKNOWN";
    /// <summary>CouldNotCheck: a <c>credentialSchema</c> could not be fetched or used.</summary>
    public const string SchemaUnavailable = "SCHEMA_UNAVAILABLE";
    /// <summary>CouldNotCheck: an endorsement or an embedded credential could not be decided.</summary>
    public const string EmbeddedUndecided = "EMBEDDED_UNDECIDED";
    /// <summary>CouldNotCheck: verification stopped (cancelled, or an unexpected error).</summary>
    public const string VerificationStopped = "VERIFICATION_STOPPED";
    /// <summary>CouldNotCheck without a more specific code.</summary>
    public const string Undecided = "UNDECIDED";

    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        [MalformedInput] = ParsingErrorType,
        [JsonLdUnsafe] = ParsingErrorType,
        [InexactNumber] = MalformedValueErrorType,
        [ContextInvalid] = MalformedValueErrorType,
        [TypeInvalid] = MalformedValueErrorType,
        [SchemaViolation] = MalformedValueErrorType,
        [SubjectInvalid] = MalformedValueErrorType,
        [IssuerInvalid] = MalformedValueErrorType,
        [ProofMissing] = CryptographicSecurityErrorType,
        [ProofInvalid] = CryptographicSecurityErrorType,
        [SignatureInvalid] = CryptographicSecurityErrorType,
        [VerificationMethodInvalid] = CryptographicSecurityErrorType,
        [KeyNotIssuers] = CryptographicSecurityErrorType,
        [Revoked] = OpenBadgesTypeBase + Revoked,
        [Suspended] = OpenBadgesTypeBase + Suspended,
        [StatusIndexOutOfRange] = RangeErrorType,
        [StatusEntryMalformed] = MalformedValueErrorType,
        [NotYetValid] = RangeErrorType,
        [Expired] = RangeErrorType,
        [DateMalformed] = MalformedValueErrorType,
        [RecipientMismatch] = OpenBadgesTypeBase + RecipientMismatch,
        [EndorsementInvalid] = OpenBadgesTypeBase + EndorsementInvalid,
        [EmbeddedCredentialInvalid] = OpenBadgesTypeBase + EmbeddedCredentialInvalid,
        [PresentationInvalid] = MalformedValueErrorType,
        [DisclosureInvalid] = CryptographicSecurityErrorType,
        [KeyBindingInvalid] = CryptographicSecurityErrorType,
        [StatusListInvalid] = OpenBadgesTypeBase + StatusListInvalid,
        [Invalid] = OpenBadgesTypeBase + Invalid,
        [SubjectDataModel] = OpenBadgesTypeBase + SubjectDataModel,
        [IssuerDataModel] = OpenBadgesTypeBase + IssuerDataModel,
        [ContextDeprecated] = OpenBadgesTypeBase + ContextDeprecated,
        [ProofDataModel] = OpenBadgesTypeBase + ProofDataModel,
        [ClrDataModel] = OpenBadgesTypeBase + ClrDataModel,
        [DataModelWarning] = OpenBadgesTypeBase + DataModelWarning,
        [LimitReached] = OpenBadgesTypeBase + LimitReached,
        [ContextUnavailable] = OpenBadgesTypeBase + ContextUnavailable,
        [UnsupportedProof] = OpenBadgesTypeBase + UnsupportedProof,
        [KeyUnresolved] = OpenBadgesTypeBase + KeyUnresolved,
        [StatusUnknown] = OpenBadgesTypeBase + StatusUnknown,
        [SchemaUnavailable] = OpenBadgesTypeBase + SchemaUnavailable,
        [EmbeddedUndecided] = OpenBadgesTypeBase + EmbeddedUndecided,
        [VerificationStopped] = OpenBadgesTypeBase + VerificationStopped,
        [Undecided] = OpenBadgesTypeBase + Undecided,
    };

    /// <summary>Every code, each with its ProblemDetails type.</summary>
    public static IReadOnlyDictionary<string, string> All => Types;

    /// <summary>The ProblemDetails <c>type</c> URL of <paramref name="code"/> (this package's base for a code it does not know).</summary>
    public static string TypeOf(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Types.TryGetValue(code, out var type) ? type : OpenBadgesTypeBase + code;
    }

    /// <summary>The code a check named <paramref name="name"/> gets for <paramref name="status"/> when its author gave none.</summary>
    public static string? Default(string name, CheckStatus status)
    {
        ArgumentNullException.ThrowIfNull(name);
        return status switch
        {
            CheckStatus.Failed => DefaultFailure(name),
            CheckStatus.Warning => name switch
            {
                "credentialSubject" => SubjectDataModel,
                "issuer" => IssuerDataModel,
                "context" => ContextDeprecated,
                _ when name.StartsWith("proof.", StringComparison.Ordinal) => ProofDataModel,
                _ when name.StartsWith("clr", StringComparison.Ordinal) => ClrDataModel,
                _ => DataModelWarning,
            },
            CheckStatus.CouldNotCheck => name switch
            {
                "parse" or "jwt.size" => LimitReached,
                "jsonld" => ContextUnavailable,
                "proof.type" => UnsupportedProof,
                "proof.verificationMethod" or "presentation.holder" => KeyUnresolved,
                "status" => StatusUnknown,
                "credentialSchema" => SchemaUnavailable,
                "endorsements" or "presentation.credentials" or "clr.credentials" => EmbeddedUndecided,
                "verification" => VerificationStopped,
                _ when name.StartsWith("jwt.key", StringComparison.Ordinal) || name.StartsWith("sdjwt.key", StringComparison.Ordinal) => KeyUnresolved,
                _ when name.StartsWith("sdjwt.status", StringComparison.Ordinal) => StatusUnknown,
                _ => Undecided,
            },
            _ => null,
        };
    }

    private static string DefaultFailure(string name) => name switch
    {
        "parse" => MalformedInput,
        "jsonld" => JsonLdUnsafe,
        "context" => ContextInvalid,
        "type" => TypeInvalid,
        "schema" or "credentialSchema" => SchemaViolation,
        "credentialSubject" or "clr.subject" => SubjectInvalid,
        "issuer" => IssuerInvalid,
        "proof.present" => ProofMissing,
        "proof.signature" or "jwt.signature" => SignatureInvalid,
        "proof.verificationMethod" or "jwt.key" => VerificationMethodInvalid,
        "proof.controller" or "jwt.key.controller" or "presentation.holder" => KeyNotIssuers,
        "status" => StatusEntryMalformed,
        "validity.start" => NotYetValid,
        "validity.end" => Expired,
        "recipient" => RecipientMismatch,
        "endorsements" => EndorsementInvalid,
        "presentation.credentials" or "clr.credentials" => EmbeddedCredentialInvalid,
        "presentation.structure" => PresentationInvalid,
        "proof" => ProofInvalid,
        "jwt.structure" or "jwt.header.json" or "jwt.payload.json" or "jwt.payload.credential" => MalformedInput,
        "jwt.time.exp" => Expired,
        "jwt.time.nbf" => NotYetValid,
        "sdjwt.size" or "sdjwt.structure" or "sdjwt.jwt.structure" => MalformedInput,
        "sdjwt.signature" => SignatureInvalid,
        "sdjwt.key" => VerificationMethodInvalid,
        "sdjwt.key.issuer" => KeyNotIssuers,
        "sdjwt.time.exp" => Expired,
        "sdjwt.time.nbf" or "sdjwt.time.iat" => NotYetValid,
        "sdjwtvc.vct" => TypeInvalid,
        "sdjwt.status" => StatusEntryMalformed,
        "sdjwt.status.token" => StatusListInvalid,
        "sdjwt.sd_alg" or "sdjwtvc.plain-claims" => DisclosureInvalid,
        _ when name.StartsWith("sdjwt.disclosure.", StringComparison.Ordinal) || name.StartsWith("sdjwt.digest.", StringComparison.Ordinal) => DisclosureInvalid,
        _ when name == "sdjwt.kb" || name.StartsWith("sdjwt.kb.", StringComparison.Ordinal) => KeyBindingInvalid,
        _ when name.StartsWith("sdjwt.jwt.", StringComparison.Ordinal) || name == "sdjwt.key.algorithm" => ProofInvalid,
        _ when name.StartsWith("proof.", StringComparison.Ordinal) || name.StartsWith("jwt", StringComparison.Ordinal) => ProofInvalid,
        _ => Invalid,
    };
}
