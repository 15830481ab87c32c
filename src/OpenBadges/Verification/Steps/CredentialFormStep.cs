using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.JsonLd;
using OpenBadges.Proofs.Jose;
using static OpenBadges.Verification.CredentialJson;

namespace OpenBadges.Verification;

/// <summary>
/// The credential out of the form it came in: a VC-JWT's payload once its token has been taken apart (the token's
/// checks join the proof's), or the JSON as read; then what it claims to be, which decides the checks that follow.
/// </summary>
internal sealed class CredentialFormStep : IVerificationStep
{
    public const string EndorsementCredentialType = "EndorsementCredential";
    public const string ClrCredentialType = "ClrCredential";

    public async ValueTask<bool> RunAsync(VerificationRun run, CancellationToken cancellationToken)
    {
        var input = run.Input!;
        var credential = input.Json;
        if (input.Token is not null)
        {
            var jwt = await VcJwtVerifier.VerifyAsync(input.Token, run.Settings.Jwt, cancellationToken).ConfigureAwait(false);
            if (jwt.Credential is null)
            {
                // The token could not be taken apart: its checks say why; there is no credential to go on with.
                run.Fail(CheckNames.Parse, "The compact JWS does not carry a readable credential (see the jwt checks).", null, InputReader.Rule);
                run.Checks.AddRange(jwt.Checks);
                return false;
            }

            run.Jwt = jwt;
            credential = jwt.Credential;
            run.Pass(CheckNames.Parse, $"A VC-JWT ({input.Token.Length} characters){(input.Format == "jwt" ? string.Empty : " baked into a " + input.Format.ToUpperInvariant() + " image")}.", null, InputReader.Rule);
        }

        run.Credential = credential!;
        run.IsVc1 = FirstContext(credential!) == EmbeddedContexts.CredentialsV1;
        cancellationToken.ThrowIfCancellationRequested();
        run.CredentialKind = KindOf(credential!, run);
        return true;
    }

    public static CredentialKind KindOf(JObject credential, VerificationRun run)
    {
        var types = Strings(credential["type"]);
        if (run.Kind == VerificationReportKind.Endorsement || types.Contains(EndorsementCredentialType))
        {
            return CredentialKind.Endorsement;
        }

        if (types.Contains(ClrCredentialType))
        {
            return CredentialKind.Clr;
        }

        // Claimed Open Badges get the OB checks — by type, or by the OB context (a badge that forgot its type still fails
        // as one) — and so does anything that is not even a VC. The rest is some other Verifiable Credential.
        var claimsOb = types.Contains("OpenBadgeCredential") || types.Contains("AchievementCredential") ||
            Strings(credential["@context"]).Any(ContextStep.NamesOpenBadgesVocabulary);
        return types.Contains("VerifiableCredential") && !claimsOb ? CredentialKind.Other : CredentialKind.Achievement;
    }
}
