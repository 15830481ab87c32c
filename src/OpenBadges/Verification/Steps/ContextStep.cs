using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.JsonLd;

namespace OpenBadges.Verification;

/// <summary>Step 3: <c>@context</c> starts with the VC context, then the OB 3.0 (or CLR 2.0) context.</summary>
internal sealed class ContextStep : IVerificationStep
{
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

    /// <summary>True for the OB 3.0 context, an older version of it or one of its aliases.</summary>
    public static bool NamesOpenBadgesVocabulary(string context) => VersionedObContext.IsMatch(context) || ObContextAliases.Contains(context);

    public ValueTask<bool> RunAsync(VerificationRun run, CancellationToken cancellationToken)
    {
        Check(run.Credential!, run, run.CredentialKind);
        return ValueTask.FromResult(true);
    }

    private static void Check(JObject credential, VerificationRun run, CredentialKind kind)
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
        else if (second is not null && NamesOpenBadgesVocabulary(second))
        {
            // The 1EdTech validator accepts older versions and aliases with a warning; so does this verifier.
            run.Warn(CheckNames.Context, $"The OB context is '{second}', an older version or alias of {EmbeddedContexts.OpenBadgesV303} (OB 3.0 §B.1.2 AchievementCredential, @context); accepted.", "$.@context[1]", rule);
        }
        else
        {
            run.Fail(CheckNames.Context, $"The second @context is '{(contexts.Count > 1 ? contexts[1].ToString(Newtonsoft.Json.Formatting.None) : "(none)")}', not the OB 3.0 context.", "$.@context[1]", rule);
        }
    }
}
