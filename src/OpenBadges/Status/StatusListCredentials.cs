using System.Globalization;
using Newtonsoft.Json.Linq;
using OpenBadges.JsonLd;

namespace OpenBadges.Status;

/// <summary>
/// The issuing side of Bitstring Status List: the (unsigned) status list credential an issuer publishes,
/// and the <c>credentialStatus</c> entry each issued credential carries. Sign the list credential like any
/// other credential, and re-sign it after every change.
/// </summary>
public static class StatusListCredentials
{
    /// <summary>The status list credential for <paramref name="list"/>.</summary>
    /// <param name="id">The URL the list credential is published at.</param>
    /// <param name="issuerId">The issuer's id: the same issuer as the credentials it covers.</param>
    /// <param name="statusPurpose"><c>revocation</c> or <c>suspension</c>.</param>
    /// <param name="list">The bits.</param>
    /// <param name="validFrom">Start of validity.</param>
    /// <param name="validUntil">Optional end of validity (verifiers refetch after it).</param>
    public static JObject Create(string id, string issuerId, string statusPurpose, BitstringStatusList list, DateTimeOffset validFrom, DateTimeOffset? validUntil = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(issuerId);
        CheckPurpose(statusPurpose);
        ArgumentNullException.ThrowIfNull(list);
        var credential = new JObject
        {
            ["@context"] = new JArray(EmbeddedContexts.CredentialsV2),
            ["id"] = id,
            ["type"] = new JArray("VerifiableCredential", "BitstringStatusListCredential"),
            ["issuer"] = issuerId,
            ["validFrom"] = FormatDate(validFrom),
        };
        if (validUntil is { } until)
        {
            credential["validUntil"] = FormatDate(until);
        }

        credential["credentialSubject"] = new JObject
        {
            ["id"] = id + "#list",
            ["type"] = "BitstringStatusList",
            ["statusPurpose"] = statusPurpose,
            ["encodedList"] = list.Encode(),
        };
        return credential;
    }

    /// <summary>The <c>credentialStatus</c> entry pointing at <paramref name="index"/> of the list published at <paramref name="statusListCredential"/>.</summary>
    public static JObject Entry(string statusListCredential, int index, string statusPurpose = "revocation")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(statusListCredential);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        CheckPurpose(statusPurpose);
        var indexText = index.ToString(CultureInfo.InvariantCulture);
        return new JObject
        {
            ["id"] = statusListCredential + "#" + indexText,
            ["type"] = "BitstringStatusListEntry",
            ["statusPurpose"] = statusPurpose,
            ["statusListIndex"] = indexText,
            ["statusListCredential"] = statusListCredential,
        };
    }

    private static void CheckPurpose(string statusPurpose)
    {
        if (statusPurpose is not ("revocation" or "suspension"))
        {
            throw StatusErrors.UnsupportedStatusPurpose(statusPurpose, nameof(statusPurpose));
        }
    }

    private static string FormatDate(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
