using System.Collections.Frozen;

namespace OpenBadges.Schemas;

/// <summary>
/// SURF eduCredentials' JSON Schemas for Dutch micro-credentials (ECTS and SBU variants, regular, extracurricular),
/// embedded so a credential naming one in <c>credentialSchema</c> is validated offline. They are served under the URL
/// of their file in the educredentials/obv3-examples repository; their own <c>$id</c>s cannot identify them (six of
/// the seven carry the same one, with a typo), so the URL is the key.
/// </summary>
internal static class EduCredentialSchemas
{
    /// <summary>Where the files are published: the URL prefix credentials name them by.</summary>
    public const string BaseUrl = "https://raw.githubusercontent.com/educredentials/obv3-examples/refs/heads/main/schemas/";

    private static readonly string[] Files =
        ["extracurricular.json", "microcredential.json", "microcredential_ects.json", "microcredential_sbu.json", "regular.json", "regular_ects.json", "regular_sbu.json"];

    private static readonly Lazy<FrozenDictionary<string, string>> ByUrl = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Every URL served.</summary>
    public static IEnumerable<string> Urls => Files.Select(f => BaseUrl + f);

    /// <summary>The schema text for <paramref name="url"/>, or null when it is not one of SURF's.</summary>
    public static string? Find(string url) => ByUrl.Value.GetValueOrDefault(url);

    private static FrozenDictionary<string, string> Load()
    {
        var assembly = typeof(EduCredentialSchemas).Assembly;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Files)
        {
            using var stream = assembly.GetManifestResourceStream("OpenBadges.Schemas.EduCredentials." + file)
                ?? throw SchemaErrors.SchemaResourceMissing(file);
            using var reader = new StreamReader(stream);
            result[BaseUrl + file] = reader.ReadToEnd();
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
