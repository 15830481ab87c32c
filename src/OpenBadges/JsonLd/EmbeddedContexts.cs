using System.Collections.Frozen;
using System.Security.Cryptography;
using Newtonsoft.Json.Linq;
using OpenBadges.Json;

namespace OpenBadges.JsonLd;

/// <summary>
/// The JSON-LD context documents this package carries, by URL. They are the standard documents every
/// implementation pins; each is parsed once, on first use, and shared (callers must not mutate them).
/// </summary>
public static class EmbeddedContexts
{
    /// <summary>VC Data Model 1.1.</summary>
    public const string CredentialsV1 = "https://www.w3.org/2018/credentials/v1";
    /// <summary>VC Data Model 2.0.</summary>
    public const string CredentialsV2 = "https://www.w3.org/ns/credentials/v2";
    /// <summary>Bitstring status list.</summary>
    public const string StatusV1 = "https://www.w3.org/ns/credentials/status/v1";
    /// <summary>Data Integrity v1.</summary>
    public const string DataIntegrityV1 = "https://w3id.org/security/data-integrity/v1";
    /// <summary>Data Integrity v2.</summary>
    public const string DataIntegrityV2 = "https://w3id.org/security/data-integrity/v2";
    /// <summary>Multikey v1.</summary>
    public const string MultikeyV1 = "https://w3id.org/security/multikey/v1";
    /// <summary>Ed25519Signature2020 suite context.</summary>
    public const string Ed25519Signature2020V1 = "https://w3id.org/security/suites/ed25519-2020/v1";
    /// <summary>Open Badges 3.0.0 (the unversioned URL).</summary>
    public const string OpenBadgesV3 = "https://purl.imsglobal.org/spec/ob/v3p0/context.json";
    /// <summary>Open Badges 3.0.1.</summary>
    public const string OpenBadgesV301 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json";
    /// <summary>Open Badges 3.0.2.</summary>
    public const string OpenBadgesV302 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json";
    /// <summary>Open Badges 3.0.3 (served in its June 2026 revision, which adds <c>endorsementJwt</c>).</summary>
    public const string OpenBadgesV303 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    /// <summary>Open Badges 3.0 extensions.</summary>
    public const string OpenBadgesExtensions = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json";
    /// <summary>Open Badges 3.0 beta, as published in the specification.</summary>
    public const string OpenBadgesBeta = "https://imsglobal.github.io/openbadges-specification/ob_v3p0.html";
    /// <summary>The Ed25519Signature2018 suite context (verify only: JFF plugfest badges and 2022–23 issuers signed with it).</summary>
    public const string Ed25519Signature2018V1 = "https://w3id.org/security/suites/ed25519-2018/v1";

    /// <summary>Comprehensive Learner Record 2.0.</summary>
    public const string ClrV2 = "https://purl.imsglobal.org/spec/clr/v2p0/context.json";

    /// <summary>Comprehensive Learner Record 2.0, revision 2.0.1 (the one the CLR test vector uses).</summary>
    public const string ClrV201 = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json";

    /// <summary>SURF eduCredentials' extension context for Dutch micro-credentials (EducredentialAchievement: ECTS, SBU, timeInvestment, …).</summary>
    public const string EduCredential = "https://raw.githubusercontent.com/educredentials/obv3-examples/refs/heads/main/contexts/educredential.json";

    /// <summary>Open Badges 3.0 beta, as used at the JFF plugfest.</summary>
    public const string OpenBadgesBetaPlugfest = "https://w3c-ccg.github.io/vc-ed/plugfest-1-2022/jff-vc-edu-plugfest-1-context.json";

    private static readonly FrozenDictionary<string, string> ResourceByUrl = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [CredentialsV1] = "credentials-v1.jsonld",
        [CredentialsV2] = "credentials-v2.jsonld",
        [StatusV1] = "credentials-status-v1.jsonld",
        [DataIntegrityV1] = "data-integrity-v1.jsonld",
        [DataIntegrityV2] = "data-integrity-v2.jsonld",
        [MultikeyV1] = "multikey-v1.jsonld",
        [Ed25519Signature2020V1] = "ed25519-2020-v1.jsonld",
        [Ed25519Signature2018V1] = "ed25519-2018-v1.jsonld",
        [EduCredential] = "educredential.jsonld",
        [ClrV2] = "clr-v2p0-2.0.0.jsonld",
        [ClrV201] = "clr-v2p0-2.0.1.jsonld",
        [OpenBadgesV3] = "ob-v3p0-3.0.0.jsonld",
        [OpenBadgesV301] = "ob-v3p0-3.0.1.jsonld",
        [OpenBadgesV302] = "ob-v3p0-3.0.2.jsonld",
        [OpenBadgesV303] = "ob-v3p0-3.0.3.jsonld",
        [OpenBadgesExtensions] = "ob-v3p0-extensions.jsonld",
        [OpenBadgesBeta] = "ob-v3p0-beta.jsonld",
        [OpenBadgesBetaPlugfest] = "ob-v3p0-beta.jsonld",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly Lazy<FrozenDictionary<string, Entry>> Entries = new(LoadAll, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Every URL served.</summary>
    public static IEnumerable<string> Urls => ResourceByUrl.Keys;

    /// <summary>The resource file name behind a URL (for tests and diagnostics).</summary>
    public static string? ResourceName(string url) => ResourceByUrl.GetValueOrDefault(url);

    /// <summary>The parsed document for <paramref name="url"/>, or <see langword="null"/> if not embedded.</summary>
    public static JToken? Find(string url) => Entries.Value.TryGetValue(url, out var entry) ? entry.Document : null;

    /// <summary>The lower-case hex SHA-256 of the embedded file's bytes, for pinning and audit.</summary>
    public static string? Sha256Hex(string url) => Entries.Value.TryGetValue(url, out var entry) ? entry.Sha256Hex : null;

    private static FrozenDictionary<string, Entry> LoadAll()
    {
        var assembly = typeof(EmbeddedContexts).Assembly;
        var byFile = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var result = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var (url, file) in ResourceByUrl)
        {
            if (!byFile.TryGetValue(file, out var entry))
            {
                using var stream = assembly.GetManifestResourceStream("OpenBadges.Contexts." + file)
                    ?? throw JsonLdErrors.EmbeddedContextMissing(file);
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                var bytes = buffer.ToArray();
                var document = JsonInput.Parse(System.Text.Encoding.UTF8.GetString(bytes), new JsonLimits { MaxInputLength = 1 << 20, MaxDepth = 64 });
                entry = new Entry(document, Convert.ToHexStringLower(SHA256.HashData(bytes)));
                byFile[file] = entry;
            }

            result[url] = entry;
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private sealed record Entry(JToken Document, string Sha256Hex);
}
