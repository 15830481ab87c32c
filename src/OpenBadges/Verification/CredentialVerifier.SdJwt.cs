using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.SdJwt;

namespace OpenBadges.Verification;

/// <summary>
/// The <c>~</c>-separated form (RFC 9901): an SD-JWT VC (<c>dc+sd-jwt</c>) or an OB 3.0 credential secured with SD-JWT
/// (<c>vc+sd-jwt</c>), with or without a KB-JWT. <see cref="SdJwtVerifier"/> runs every SD-JWT rule (its <c>sdjwt.*</c>
/// checks); a <c>vc+sd-jwt</c> credential's disclosed claims then get the same OB 3.0 checks as a JSON credential.
/// </summary>
public sealed partial class CredentialVerifier
{
    private const string SdJwtRule = "an SD-JWT (RFC 9901 §4) is the issuer-signed JWT, its Disclosures and an optional KB-JWT, separated by '~'";

    /// <summary>
    /// JWT claims of the JOSE envelope, not members of the credential's data model: they are checked by the SD-JWT checks
    /// and left out of the JSON-LD and schema checks (VC-JOSE-COSE §3.2 lets them sit beside the credential's members).
    /// </summary>
    private static readonly string[] EnvelopeClaims = ["iss", "sub", "aud", "exp", "nbf", "iat", "jti", "cnf", "status", "vct"];

    /// <summary>A compact JWS followed by <c>~</c>: base64url, <c>.</c> and <c>~</c> only.</summary>
    private static bool LooksLikeSdJwt(ReadOnlySpan<char> text)
    {
        var tilde = text.IndexOf('~');
        if (tilde <= 0 || !LooksLikeCompactJws(text[..tilde]))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSdJwt(Parsed parsed) => parsed.Token is { } token && token.Contains('~', StringComparison.Ordinal);

    private async Task VerifySdJwtAsync(string token, Run run, CancellationToken cancellationToken)
    {
        var options = new SdJwtVerificationOptions
        {
            KeyResolver = _options.KeyResolver,
            Fetcher = _options.Fetcher,
            TimeProvider = _options.TimeProvider,
            ClockSkew = _options.ClockSkew,
            MaxLength = _options.JsonLimits.MaxInputLength,
            MaxJsonDepth = _options.JsonLimits.MaxDepth,
            ExpectedAudience = _options.KeyBindingAudience,
            ExpectedNonce = _options.KeyBindingNonce,
        };
        var result = await SdJwtVerifier.VerifyAsync(token, options, cancellationToken).ConfigureAwait(false);
        run.Pass(CheckNames.Parse, $"An SD-JWT ({token.Length} characters, {token.AsSpan().Count('~')} '~'); its parts are judged by the sdjwt checks.", null, SdJwtRule);
        run.Checks.AddRange(result.Checks);
        var securing = result.Checks.Where(IsSecuringCheck).ToList();
        var proofPassed = Summarize(securing, run, "SD-JWT (issuer signature, Disclosures, key binding)", null,
            "the SD-JWT is secured: the issuer's signature verifies with a key the issuer controls, every Disclosure is referenced by a signed digest, and a KB-JWT (when present or required) verifies");
        if (result.Claims is not { } claims)
        {
            return;
        }

        switch (result.Profile)
        {
            case SdJwtProfile.VcSdJwt:
                await CheckDisclosedCredentialAsync(WithoutEnvelope(claims), run, proofPassed, cancellationToken).ConfigureAwait(false);
                break;
            case SdJwtProfile.SdJwtVc:
                run.Credential = claims;
                var vct = result.Payload?["vct"]?.ToString();
                run.NotApplicable(CheckNames.OpenBadge, $"An SD-JWT VC ({vct}): its claims are JSON, not JSON-LD, so the OB 3.0 JSON-LD, context and schema checks do not apply; the SD-JWT VC checks (sdjwtvc.*) did.", "$.vct",
                    "the OB 3.0 checks apply to W3C credentials (JSON, VC-JWT, vc+sd-jwt); an SD-JWT VC is checked against its own profile");
                CheckTrustedIssuer(claims, run);
                CheckRecipient(claims, run);
                break;
            default:
                run.Fail(CheckNames.Type, "The SD-JWT carries neither a credential ('@context', typ vc+sd-jwt) nor an SD-JWT VC ('vct', typ dc+sd-jwt).", "$", SdJwtRule);
                break;
        }
    }

    /// <summary>The OB 3.0 steps a JSON credential gets, run on the disclosed claims (validity was checked by the sdjwt.time checks).</summary>
    private async Task CheckDisclosedCredentialAsync(JObject credential, Run run, bool proofPassed, CancellationToken cancellationToken)
    {
        run.Credential = credential;
        run.IsVc1 = FirstContext(credential) == JsonLd.EmbeddedContexts.CredentialsV1;
        var kind = KindOf(credential, run);
        run.CredentialKind = kind;
        CheckJsonLd(credential, run, cancellationToken);
        CheckContext(credential, run, kind);
        CheckType(credential, run, kind);
        switch (kind)
        {
            case CredentialKind.Clr:
                CheckClrSchema(run);
                await CheckCredentialSchemasAsync(credential, run, cancellationToken).ConfigureAwait(false);
                CheckClrSubject(credential, run);
                break;
            case CredentialKind.Other:
                run.NotApplicable(CheckNames.OpenBadge, "Not an Open Badge: OB checks not applied (the OB 3.0 schema, credentialSubject and issuer Profile rules); the Verifiable Credential checks were.", "$.type",
                    "an OpenBadgeCredential, AchievementCredential, EndorsementCredential or ClrCredential gets the Open Badges checks");
                await CheckCredentialSchemasAsync(credential, run, cancellationToken).ConfigureAwait(false);
                break;
            default:
                CheckSchema(credential, run, kind);
                await CheckCredentialSchemasAsync(credential, run, cancellationToken).ConfigureAwait(false);
                CheckCredentialSubject(credential, run, kind);
                break;
        }

        CheckIssuer(credential, run);
        CheckTrustedIssuer(credential, run);
        await CheckStatusAsync(credential, run, proofPassed, cancellationToken).ConfigureAwait(false);
        CheckRecipient(credential, run);
        await CheckEndorsementsAsync(credential, run, cancellationToken).ConfigureAwait(false);
        if (kind == CredentialKind.Clr)
        {
            await CheckClrCredentialsAsync(credential, run, cancellationToken).ConfigureAwait(false);
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
