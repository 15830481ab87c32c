using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using OpenBadges.Issuer.Storage;

namespace OpenBadges.Issuer.Auth;

/// <summary>
/// API keys: <c>obk_</c> + a public key id + <c>.</c> + 256 random bits. Only the SHA-256 of the secret part is stored
/// (a random 256-bit secret needs no slow hash); the key id finds the record, the hash is compared in constant time.
/// The whole key is shown once, when created.
/// </summary>
public static class ApiKeys
{
    /// <summary>Every API key starts with this.</summary>
    public const string Prefix = "obk_";

    /// <summary>A new key: the text to hand to the client (once) and the record to store.</summary>
    public static (string Key, ApiKeyRecord Record) Create(string name, IEnumerable<string> scopes, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(scopes);
        var scopeList = scopes.Distinct(StringComparer.Ordinal).ToArray();
        foreach (var scope in scopeList)
        {
            if (!IssuerScopes.All.Contains(scope))
            {
                throw IssuerErrors.UnknownScope(scope, string.Join(", ", IssuerScopes.All), nameof(scopes));
            }
        }

        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Base64UrlNoPadding(RandomNumberGenerator.GetBytes(32));
        return (Prefix + keyId + "." + secret, new ApiKeyRecord(keyId, name, Hash(secret), scopeList, now));
    }

    /// <summary>Splits a presented key into its id and secret; false when it is not shaped like one of ours.</summary>
    public static bool TryParse(string? presented, [NotNullWhen(true)] out string? keyId, [NotNullWhen(true)] out string? secret)
    {
        keyId = null;
        secret = null;
        if (presented is null || !presented.StartsWith(Prefix, StringComparison.Ordinal) || presented.Length > 200)
        {
            return false;
        }

        var dot = presented.IndexOf('.', Prefix.Length);
        if (dot <= Prefix.Length || dot == presented.Length - 1)
        {
            return false;
        }

        keyId = presented[Prefix.Length..dot];
        secret = presented[(dot + 1)..];
        return true;
    }

    /// <summary>True when <paramref name="secret"/> is the record's secret and the key is not revoked (constant-time comparison).</summary>
    public static bool Matches(ApiKeyRecord record, string secret)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(secret);
        return CryptographicOperations.FixedTimeEquals(record.SecretHash, Hash(secret)) && record.RevokedAt is null;
    }

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private static string Base64UrlNoPadding(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
