using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Json;
using static OpenBadges.Verification.CredentialJson;

namespace OpenBadges.Verification;

/// <summary>
/// The presentation out of the form it came in: the JSON as read, or a VP-JWT's presentation (its <c>vp</c> claim, or
/// the payload when that is one). The holder's JWS of a VP-JWT is not verified by this version (see <see cref="HolderProofStep"/>).
/// </summary>
internal sealed class PresentationFormStep : IVerificationStep
{
    public ValueTask<bool> RunAsync(VerificationRun run, CancellationToken cancellationToken)
    {
        var input = run.Input!;
        var vp = input.Json;
        if (vp is null)
        {
            vp = PresentationOf(JwtPayload(input.Token!, run.Settings.Options.JsonLimits));
            if (vp is null)
            {
                run.Fail(CheckNames.Parse, "The compact JWS does not carry a presentation (neither a 'vp' claim nor a VerifiablePresentation payload).", null, InputReader.Rule);
                return ValueTask.FromResult(false);
            }

            run.IsPresentationJwt = true;
        }

        run.Credential = vp;
        return ValueTask.FromResult(true);
    }

    /// <summary>True when <paramref name="text"/> (JSON or a compact JWS) is a presentation: for routing by type.</summary>
    public static bool IsPresentation(string text, JsonLimits limits)
    {
        var trimmed = text.AsSpan().Trim();
        JObject? document = null;
        if (trimmed.StartsWith("{", StringComparison.Ordinal))
        {
            try
            {
                document = JsonInput.Parse(text, limits) as JObject;
            }
            catch (JsonInputException)
            {
                return false;
            }
        }
        else if (InputReader.LooksLikeCompactJws(trimmed))
        {
            var payload = JwtPayload(trimmed.ToString(), limits);
            document = payload?["vp"] as JObject ?? payload;
        }

        return document is not null && Strings(document["type"]).Contains("VerifiablePresentation");
    }

    /// <summary>The presentation a VP-JWT payload carries: its <c>vp</c> claim (VC-JWT 1.1), or the payload itself when it is one.</summary>
    private static JObject? PresentationOf(JObject? payload) =>
        payload?["vp"] is JObject claim ? claim
        : payload is not null && Strings(payload["type"]).Contains("VerifiablePresentation") ? payload
        : null;

    /// <summary>The JSON object of a compact JWS's payload; null when it is no readable object.</summary>
    private static JObject? JwtPayload(string token, JsonLimits limits)
    {
        try
        {
            return JsonInput.Parse(System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(token.Split('.')[1])), limits) as JObject;
        }
        catch (Exception e) when (e is FormatException or JsonInputException)
        {
            return null;
        }
    }
}
