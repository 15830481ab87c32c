using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.JsonLd;
using OpenBadges.SdJwt;
using static OpenBadges.Verification.CredentialJson;

namespace OpenBadges.Verification;

/// <summary>
/// The <c>~</c>-separated form (RFC 9901): an SD-JWT VC (<c>dc+sd-jwt</c>) or an OB 3.0 credential secured with SD-JWT
/// (<c>vc+sd-jwt</c>), with or without a KB-JWT. <see cref="SdJwtVerifier"/> runs every SD-JWT rule (its <c>sdjwt.*</c>
/// checks) and stands in for the proof step; a <c>vc+sd-jwt</c> credential's disclosed claims then go through the
/// steps a JSON credential gets (<see cref="VerificationPipeline"/>), an SD-JWT VC's only through the policy steps.
/// </summary>
internal sealed class SdJwtFormStep : IVerificationStep
{
    private const string Rule = "an SD-JWT (RFC 9901 §4) is the issuer-signed JWT, its Disclosures and an optional KB-JWT, separated by '~'";

    /// <summary>
    /// JWT claims of the JOSE envelope, not members of the credential's data model: they are checked by the SD-JWT checks
    /// and left out of the JSON-LD and schema checks (VC-JOSE-COSE §3.2 lets them sit beside the credential's members).
    /// </summary>
    private static readonly string[] EnvelopeClaims = ["iss", "sub", "aud", "exp", "nbf", "iat", "jti", "cnf", "status", "vct"];

    public static bool IsSdJwt(ParsedInput? input) => input?.Token is { } token && token.Contains('~', StringComparison.Ordinal);

    public async ValueTask<bool> RunAsync(VerificationRun run, CancellationToken cancellationToken)
    {
        var token = run.Input!.Token!;
        var verifierOptions = run.Settings.Options;
        var options = new SdJwtVerificationOptions
        {
            KeyResolver = verifierOptions.KeyResolver,
            Fetcher = verifierOptions.Fetcher,
            TimeProvider = verifierOptions.TimeProvider,
            ClockSkew = verifierOptions.ClockSkew,
            MaxLength = verifierOptions.JsonLimits.MaxInputLength,
            MaxJsonDepth = verifierOptions.JsonLimits.MaxDepth,
            ExpectedAudience = verifierOptions.KeyBindingAudience,
            ExpectedNonce = verifierOptions.KeyBindingNonce,
        };
        var result = await SdJwtVerifier.VerifyAsync(token, options, cancellationToken).ConfigureAwait(false);
        run.Pass(CheckNames.Parse, $"An SD-JWT ({token.Length} characters, {token.AsSpan().Count('~')} '~'); its parts are judged by the sdjwt checks.", null, Rule);
        run.Checks.AddRange(result.Checks);
        var securing = result.Checks.Where(IsSecuringCheck).ToList();
        run.ProofPassed = ProofStep.Summarize(securing, run, "SD-JWT (issuer signature, Disclosures, key binding)", null,
            "the SD-JWT is secured: the issuer's signature verifies with a key the issuer controls, every Disclosure is referenced by a signed digest, and a KB-JWT (when present or required) verifies");
        if (result.Claims is not { } claims)
        {
            return false;
        }

        switch (result.Profile)
        {
            case SdJwtProfile.VcSdJwt:
                var credential = WithoutEnvelope(claims);
                run.Credential = credential;
                run.IsVc1 = FirstContext(credential) == EmbeddedContexts.CredentialsV1;
                run.CredentialKind = CredentialFormStep.KindOf(credential, run);
                return true;
            case SdJwtProfile.SdJwtVc:
                run.Credential = claims;
                var vct = result.Payload?["vct"]?.ToString();
                run.NotApplicable(CheckNames.OpenBadge, $"An SD-JWT VC ({vct}): its claims are JSON, not JSON-LD, so the OB 3.0 JSON-LD, context and schema checks do not apply; the SD-JWT VC checks (sdjwtvc.*) did.", "$.vct",
                    "the OB 3.0 checks apply to W3C credentials (JSON, VC-JWT, vc+sd-jwt); an SD-JWT VC is checked against its own profile");
                await new TrustedIssuerStep().RunAsync(run, cancellationToken).ConfigureAwait(false);
                await new RecipientStep().RunAsync(run, cancellationToken).ConfigureAwait(false);
                return false;
            default:
                run.Fail(CheckNames.Type, "The SD-JWT carries neither a credential ('@context', typ vc+sd-jwt) nor an SD-JWT VC ('vct', typ dc+sd-jwt).", "$", Rule);
                return false;
        }
    }

    private static JObject WithoutEnvelope(JObject claims)
    {
        var credential = (JObject)claims.DeepClone();
        foreach (var name in EnvelopeClaims)
        {
            credential.Remove(name);
        }

        return credential;
    }

    /// <summary>The checks that secure the token (signature, key, Disclosures, KB-JWT), not its status or validity period.</summary>
    private static bool IsSecuringCheck(VerificationCheck check) =>
        !check.Name.StartsWith("sdjwt.status", StringComparison.Ordinal) &&
        !check.Name.StartsWith("sdjwt.time.", StringComparison.Ordinal) &&
        !check.Name.StartsWith("sdjwtvc.", StringComparison.Ordinal);
}
