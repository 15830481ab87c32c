using Newtonsoft.Json.Linq;

namespace OpenBadges.Status;

/// <summary>
/// A 1EdTech Revocation List (<c>credentialStatus.type</c> <c>1EdTechRevocationList</c>): a document whose
/// <c>revokedCredentials</c> lists revoked credential ids. Published lists in the wild also spell it
/// <c>revokedCredential</c>; both are read, and their entries combined.
/// </summary>
public sealed partial class RevocationList
{
    /// <summary>The credentialStatus type that points at such a list.</summary>
    public const string StatusType = "1EdTechRevocationList";

    private readonly Dictionary<string, string?> _reasonById;

    private RevocationList(string? id, string? issuer, Dictionary<string, string?> reasonById)
    {
        Id = id;
        Issuer = issuer;
        _reasonById = reasonById;
    }

    /// <summary>The list's id.</summary>
    public string? Id { get; }

    /// <summary>The list's issuer id (a string, or a profile's id).</summary>
    public string? Issuer { get; }

    /// <summary>How many credentials are listed as revoked.</summary>
    public int Count => _reasonById.Count;

    /// <summary>Reads a revocation list document.</summary>
    /// <exception cref="FormatException">Neither <c>revokedCredentials</c> nor <c>revokedCredential</c> is an array of entries with ids.</exception>
    public static RevocationList Parse(JObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var entries = new Dictionary<string, string?>(StringComparer.Ordinal);
        var found = false;
        foreach (var name in new[] { "revokedCredentials", "revokedCredential" })
        {
            switch (document[name])
            {
                case null:
                    continue;
                case JArray array:
                    found = true;
                    foreach (var entry in array)
                    {
                        AddEntry(entries, entry, name);
                    }

                    break;
                case JObject single:
                    found = true;
                    AddEntry(entries, single, name);
                    break;
                default:
                    throw StatusErrors.RevokedEntriesNotAnArray(name);
            }
        }

        if (!found)
        {
            throw StatusErrors.RevocationListEmpty();
        }

        var issuer = document["issuer"] switch
        {
            JValue { Type: JTokenType.String } value => (string?)value,
            JObject profile => (string?)profile["id"],
            _ => null,
        };
        return new RevocationList((string?)document["id"], issuer, entries);
    }

    /// <summary>True when <paramref name="credentialId"/> is listed as revoked; <paramref name="reason"/> is its revocationReason.</summary>
    public bool IsRevoked(string credentialId, out string? reason) => _reasonById.TryGetValue(credentialId, out reason);

    private static void AddEntry(Dictionary<string, string?> entries, JToken entry, string listName)
    {
        var id = entry switch
        {
            JValue { Type: JTokenType.String } value => (string?)value,
            JObject item => item["id"]?.Type == JTokenType.String ? (string?)item["id"] : null,
            _ => null,
        };
        if (id is null)
        {
            throw StatusErrors.RevokedEntryWithoutId(listName);
        }

        if (entry is JObject withFlag && withFlag["revoked"] is JValue { Type: JTokenType.Boolean } flag && !(bool)flag)
        {
            return;
        }

        entries[id] = entry is JObject o && o["revocationReason"]?.Type == JTokenType.String ? (string?)o["revocationReason"] : null;
    }
}
