using Newtonsoft.Json.Linq;
using OpenBadges.Json;

namespace OpenBadges.Verification;

/// <summary>
/// The error catalogue of this layer: one factory per message, each naming the field and the rule it broke. Callers
/// write <c>throw VerificationErrors.Name(...)</c>; a direct <c>throw new</c> of an exception is refused by the
/// OBE0001/OBE0002 analyzer rules (docs/architecture.md, "Errors").
/// </summary>
internal static class VerificationErrors
{
    internal static ReportableFetchException StaleCopyUnusable(Uri uri, string age, string maxAge, Exception inner) =>
        new($"{uri} could not be fetched again; the cached copy is {age} old, past its max-age of {maxAge}, and is not used.", inner);

    internal static HttpRequestException NotHttps(Uri uri) =>
        new($"Only HTTPS URLs are fetched, not '{uri}'.");

    internal static HttpRequestException HttpStatus(Uri uri, int statusCode, string? reasonPhrase) =>
        new($"GET {uri} answered {statusCode} {reasonPhrase}");

    internal static HttpRequestException DeclaredTooLarge(Uri uri, long declared, int limit) =>
        new($"GET {uri} declares {declared} bytes; the limit is {limit}");

    internal static HttpRequestException ReturnedTooLarge(Uri uri, int limit) =>
        new($"GET {uri} returned more than the limit of {limit} bytes");

    internal static HttpRequestException NotUtf8(Uri uri) =>
        new($"GET {uri} returned text that is not UTF-8");

    internal static HttpRequestException FetchRefused(string? reason) =>
        new(reason);

    internal static ArgumentException DefaultJsonElement(string paramName) =>
        new("The JsonElement holds no value (default(JsonElement)).", paramName);

    internal static ArgumentException NoResourceIndex(string directory, string indexFileName, string paramName) =>
        new($"The resource folder '{directory}' has no {indexFileName}.", paramName);

    internal static ArgumentException ResourceIndexNotJson(string indexPath, string reason, string paramName, JsonInputException inner) =>
        new($"{indexPath} is not JSON: {reason}", paramName, inner);

    internal static ArgumentException ResourceIndexNotAnObject(string indexPath, int maxEntries, string paramName) =>
        new($"{indexPath} must be one JSON object (at most {maxEntries} entries) mapping URLs and did:web DIDs to file paths.", paramName);

    internal static ArgumentException ResourceEntryNotAPath(string indexPath, string entry, string paramName) =>
        new($"{indexPath}: the entry '{entry}' must be a file path (a string).", paramName);

    internal static ArgumentException ResourceEntryNotUrlOrDid(string indexPath, string entry, string paramName) =>
        new($"{indexPath}: '{entry}' is neither an http(s) URL nor a did:web DID.", paramName);

    internal static ArgumentException ResourcePathOutside(string indexPath, JValue relative, string entry, string paramName) =>
        new($"{indexPath}: '{relative}' (for '{entry}') is not a path inside the folder.", paramName);

    internal static ArgumentException ResourceFileTooLarge(string indexPath, JValue relative, long length, int limit, string paramName) =>
        new($"{indexPath}: '{relative}' is {length} bytes; the limit is {limit}.", paramName);

    internal static ReportableFetchException NotInResourceIndex(Uri uri) =>
        new($"{uri} is not in the offline resource index (nothing else is fetched).");
}
