using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Json;
using OpenBadges.Canonicalization;
using OpenBadges.JsonLd;

namespace OpenBadges.Verification;

/// <summary>Steps 2–4: JSON-LD safe mode (and numbers the signature covers exactly), <c>@context</c>, <c>type</c>; shared JSON helpers.</summary>
public sealed partial class CredentialVerifier
{
    private const string EndorsementCredentialType = "EndorsementCredential";

    // OB 3.0 context URLs that are not the current one but name the same vocabulary (1EdTech validator: aliases and
    // versioned URLs are accepted with a warning).
    private static readonly Regex VersionedObContext = new(@"^https://purl\.imsglobal\.org/spec/ob/v3p0/context(-\d+\.\d+\.\d+)?\.json$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly HashSet<string> ObContextAliases = new(StringComparer.Ordinal)
    {
        EmbeddedContexts.OpenBadgesBeta,
        EmbeddedContexts.OpenBadgesBetaPlugfest,
        "https://purl.imsglobal.org/spec/ob/v3p0/context/ob_v3p0.jsonld",
        "https://imsglobal.github.io/openbadges-specification/context.json",
    };

    private const string ClrCredentialType = "ClrCredential";

    private enum CredentialKind
    {
        /// <summary>OpenBadgeCredential / AchievementCredential.</summary>
        Achievement,
        /// <summary>EndorsementCredential (and anything found where an endorsement belongs).</summary>
        Endorsement,
        /// <summary>CLR 2.0 ClrCredential: its own checks, and each credential inside verified on its own.</summary>
        Clr,
        /// <summary>A Verifiable Credential that is not an Open Badge: the VC checks only.</summary>
        Other,
    }

    private static CredentialKind KindOf(JObject credential, Run run)
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
            Strings(credential["@context"]).Any(c => VersionedObContext.IsMatch(c) || ObContextAliases.Contains(c));
        return types.Contains("VerifiableCredential") && !claimsOb ? CredentialKind.Other : CredentialKind.Achievement;
    }

    private void CheckJsonLd(JObject credential, Run run, CancellationToken cancellationToken)
    {
        const string rule = "JSON-LD 1.1 expansion and toRdf in safe mode over the allowed contexts: no term undefined, nothing dropped, no context fetched; every number is one the signature covers exactly";
        if (FindInexactNumber(credential) is { } inexact)
        {
            run.Fail(CheckNames.JsonLd, inexact.Message, inexact.Path, rule, ProblemCodes.InexactNumber);
            return;
        }

        try
        {
            // Anything the one-pass conversion does not take, including every failure, is decided (and worded) by the spec path.
            var quads = JsonLdProcessor.ToDataset(credential, _jsonLd, cancellationToken);
            run.Pass(CheckNames.JsonLd, $"Every term is defined; {new HashSet<Rdf.RdfQuad>(quads).Count} statements.", null, rule);
        }
        catch (JsonLdSafeModeException e) when (e.Event.Path?.StartsWith("$.proof", StringComparison.Ordinal) == true && credential["proof"] is not null)
        {
            // Something in the proof is undefined (an extra member some issuers add): the proof checks judge the proof
            // (its configuration is what is signed); this check is about the credential's claims.
            CheckJsonLdWithoutProof(credential, run, rule, e, cancellationToken);
        }
        catch (JsonLdSafeModeException e)
        {
            run.Fail(CheckNames.JsonLd, e.Message, e.Event.Path, rule);
        }
        catch (JsonLdException e) when (e.Code is "loading document failed" or "loading remote context failed")
        {
            // A context that is not available offline: the document may be fine, but what its terms mean is unknown.
            run.Undecided(CheckNames.JsonLd, "A context could not be loaded: " + e.Message, "$.@context", rule);
        }
        catch (JsonLdException e)
        {
            run.Fail(CheckNames.JsonLd, $"Not valid JSON-LD ({e.Code}): {e.Message}", null, rule);
        }
        catch (CanonicalizationLimitException e)
        {
            run.Undecided(CheckNames.JsonLd, e.Message, null, rule, ProblemCodes.LimitReached);
        }
    }

    private void CheckJsonLdWithoutProof(JObject credential, Run run, string rule, JsonLdSafeModeException inProof, CancellationToken cancellationToken)
    {
        try
        {
            // The credential without its proof, read in place (no copy).
            var quads = JsonLdProcessor.ToDataset(new DocumentView(credential, "proof", null), _jsonLd, cancellationToken);
            run.Pass(CheckNames.JsonLd, $"Every term of the credential is defined; {new HashSet<Rdf.RdfQuad>(quads).Count} statements. In the proof: {inProof.Message} (see the proof checks).", null, rule);
        }
        catch (JsonLdSafeModeException e)
        {
            run.Fail(CheckNames.JsonLd, e.Message, e.Event.Path, rule);
        }
        catch (JsonLdException e)
        {
            run.Fail(CheckNames.JsonLd, $"Not valid JSON-LD ({e.Code}): {e.Message}", null, rule);
        }
    }

    /// <summary>
    /// A number the signature would not pin down: JSON-LD toRdf writes integers of 10^21 or more (and every non-integer)
    /// as xsd:double, so a 100-digit integer and the same with another last digit canonicalize — and verify — alike;
    /// and an overflowing number (1e400) has no value at all. Integers beyond 64 bits are the ones that can reach it.
    /// </summary>
    private static (string Message, string Path)? FindInexactNumber(JObject credential) =>
        JsonInput.FirstInexactNumber(credential) switch
        {
            { Type: JTokenType.Integer, Value: System.Numerics.BigInteger big } value =>
                ($"The integer at {value.Path} has {big.ToString(System.Globalization.CultureInfo.InvariantCulture).TrimStart('-').Length} digits: JSON-LD signs it as a double, so other digits would verify too. Such numbers must be strings.", "$." + value.Path),
            { } value => (JsonInput.DescribeInexact(value), "$." + value.Path),
            null => null,
        };

    private static void CheckContext(JObject credential, Run run, CredentialKind kind)
    {
        var rule = kind switch
        {
            CredentialKind.Clr => "@context starts with the VC context (https://www.w3.org/ns/credentials/v2), then the CLR 2.0 context (https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json or context.json)",
            CredentialKind.Other => "@context starts with the VC context (https://www.w3.org/ns/credentials/v2, or /2018/credentials/v1 for VC 1.1)",
            _ => "@context starts with the VC context (https://www.w3.org/ns/credentials/v2, or /2018/credentials/v1 for VC 1.1), then the OB 3.0 context (https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json)",
        };
        var contexts = credential["@context"] switch
        {
            JArray array => array.ToList(),
            null => [],
            var single => [single],
        };
        if (contexts.Count == 0)
        {
            run.Fail(CheckNames.Context, "The credential has no @context.", "$.@context", rule);
            return;
        }

        var first = contexts[0].Type == JTokenType.String ? (string?)contexts[0] : null;
        if (first is not (EmbeddedContexts.CredentialsV2 or EmbeddedContexts.CredentialsV1))
        {
            run.Fail(CheckNames.Context, $"The first @context is '{contexts[0].ToString(Newtonsoft.Json.Formatting.None)}', not the VC context.", "$.@context[0]", rule);
            return;
        }

        var second = contexts.Count > 1 && contexts[1].Type == JTokenType.String ? (string?)contexts[1] : null;
        if (kind == CredentialKind.Other)
        {
            run.Pass(CheckNames.Context, $"{first} first.", "$.@context", rule);
        }
        else if (kind == CredentialKind.Clr)
        {
            if (second is EmbeddedContexts.ClrV201 or EmbeddedContexts.ClrV2)
            {
                run.Pass(CheckNames.Context, $"{first}, then the CLR 2.0 context.", "$.@context", rule);
            }
            else
            {
                run.Fail(CheckNames.Context, $"The second @context is '{(contexts.Count > 1 ? contexts[1].ToString(Newtonsoft.Json.Formatting.None) : "(none)")}', not the CLR 2.0 context.", "$.@context[1]", rule);
            }
        }
        else if (second == EmbeddedContexts.OpenBadgesV303)
        {
            run.Pass(CheckNames.Context, $"{first}, then the OB 3.0 context.", "$.@context", rule);
        }
        else if (second is not null && (VersionedObContext.IsMatch(second) || ObContextAliases.Contains(second)))
        {
            // The 1EdTech validator accepts older versions and aliases with a warning; so does this verifier.
            run.Warn(CheckNames.Context, $"The OB context is '{second}', an older version or alias of {EmbeddedContexts.OpenBadgesV303} (OB 3.0 §B.1.2 AchievementCredential, @context); accepted.", "$.@context[1]", rule);
        }
        else
        {
            run.Fail(CheckNames.Context, $"The second @context is '{(contexts.Count > 1 ? contexts[1].ToString(Newtonsoft.Json.Formatting.None) : "(none)")}', not the OB 3.0 context.", "$.@context[1]", rule);
        }
    }

    private static void CheckType(JObject credential, Run run, CredentialKind kind)
    {
        var types = Strings(credential["type"]);
        var rule = kind switch
        {
            CredentialKind.Endorsement => "type includes VerifiableCredential and EndorsementCredential",
            CredentialKind.Clr => "type includes VerifiableCredential and ClrCredential",
            CredentialKind.Other => "type includes VerifiableCredential",
            _ => "type includes VerifiableCredential and OpenBadgeCredential (or AchievementCredential, or EndorsementCredential)",
        };
        var missing = new List<string>();
        if (!types.Contains("VerifiableCredential"))
        {
            missing.Add("VerifiableCredential");
        }

        var hasOwnType = kind switch
        {
            CredentialKind.Endorsement => types.Contains(EndorsementCredentialType),
            CredentialKind.Clr => types.Contains(ClrCredentialType),
            CredentialKind.Other => true,
            _ => types.Contains("OpenBadgeCredential") || types.Contains("AchievementCredential"),
        };
        if (!hasOwnType)
        {
            missing.Add(kind == CredentialKind.Endorsement ? EndorsementCredentialType : "OpenBadgeCredential");
        }

        if (missing.Count == 0)
        {
            run.Pass(CheckNames.Type, "Types: " + string.Join(", ", types) + ".", "$.type", rule);
        }
        else
        {
            run.Fail(CheckNames.Type, $"type lacks {string.Join(" and ", missing)} (has: {(types.Count == 0 ? "none" : string.Join(", ", types))}).", "$.type", rule);
        }
    }

    internal static List<string> Strings(JToken? token) => token switch
    {
        JValue { Type: JTokenType.String } value => [(string)value!],
        JArray array => array.Where(t => t.Type == JTokenType.String).Select(t => (string)t!).ToList(),
        _ => [],
    };

    private static bool IsNonEmptyString(JToken? token) => token is JValue { Type: JTokenType.String } value && !string.IsNullOrWhiteSpace((string?)value);

    private static bool IsAbsoluteUri(string? text) =>
        !string.IsNullOrWhiteSpace(text) && text.Trim() == text && Uri.TryCreate(text, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Scheme);

    private static string? FirstContext(JObject credential) => credential["@context"] switch
    {
        JArray { Count: > 0 } array when array[0].Type == JTokenType.String => (string?)array[0],
        JValue { Type: JTokenType.String } value => (string?)value,
        _ => null,
    };

    private static string? IssuerIdOf(JObject credential) => credential["issuer"] switch
    {
        JValue { Type: JTokenType.String } value => (string?)value,
        JObject profile when profile["id"] is JValue { Type: JTokenType.String } id => (string?)id,
        _ => null,
    };
}