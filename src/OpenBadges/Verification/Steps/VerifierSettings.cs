using OpenBadges.JsonLd;
using OpenBadges.Proofs;
using OpenBadges.Proofs.Jose;

namespace OpenBadges.Verification;

/// <summary>What every step of one verifier reads: the caller's options and the option sets derived from them once.</summary>
internal sealed class VerifierSettings
{
    public VerifierSettings(CredentialVerifierOptions options)
    {
        Options = options;

        // i18n-datatype: what the canonicalizer (and so every signature) uses for @direction.
        JsonLd = new JsonLdOptions { DocumentLoader = options.DocumentLoader, RdfDirection = "i18n-datatype", MaxDepth = options.JsonLimits.MaxDepth };
        Proof = new ProofVerificationOptions
        {
            KeyResolver = options.KeyResolver,
            Clock = options.TimeProvider,
            ClockSkew = options.ClockSkew,
            JsonLd = new JsonLdOptions { DocumentLoader = options.DocumentLoader, MaxDepth = options.JsonLimits.MaxDepth },
        };
        Jwt = new VcJwtVerificationOptions
        {
            KeyResolver = options.KeyResolver,
            JwkFetcher = options.Fetcher,
            TimeProvider = options.TimeProvider,
            ClockSkew = options.ClockSkew,
            MaxTokenLength = options.JsonLimits.MaxInputLength,
            MaxJsonDepth = options.JsonLimits.MaxDepth,
        };
    }

    /// <summary>The caller's options, as given (checked by <see cref="CredentialVerifier"/>'s constructor).</summary>
    public CredentialVerifierOptions Options { get; }

    /// <summary>JSON-LD for the document's own checks: the embedded loader, the depth limit, and the canonicalizer's <c>@direction</c> form, so the dataset it gives is the one a proof signs.</summary>
    public JsonLdOptions JsonLd { get; }

    /// <summary>Data Integrity proofs of the credential (purpose assertionMethod, controller is the issuer) and of status lists.</summary>
    public ProofVerificationOptions Proof { get; }

    /// <summary>VC-JWT tokens: the credential's own and status lists'.</summary>
    public VcJwtVerificationOptions Jwt { get; }
}
