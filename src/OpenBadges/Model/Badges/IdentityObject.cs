using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;

namespace OpenBadges.Model;

/// <summary>
/// A learner identity (e-mail, student number, …) in an OB 3.0 credential subject, in plain text or hashed.
/// Hashed form, per OB 3.0's IdentityHash: <c>identityHash</c> = <c>"sha256$"</c> + hex of
/// SHA-256(UTF-8(identifier ‖ salt)), with the salt given in <c>salt</c>. Hashing with a random salt is the
/// default here because the credential travels: a bare e-mail address in it is personal data anyone can read.
/// </summary>
public sealed class IdentityObject : OpenBadgesObject
{
    /// <summary>The type name.</summary>
    public const string TypeName = "IdentityObject";

    /// <summary>The <c>identityType</c> for e-mail addresses.</summary>
    public const string EmailAddressType = "emailAddress";

    private const string Sha256Prefix = "sha256$";
    private const string Md5Prefix = "md5$";

    // 16 random bytes: salts only need to be unique per credential to stop cross-credential linking and
    // precomputed tables; 128 bits makes a collision negligible.
    private const int SaltBytes = 16;

    /// <summary><c>type</c>: <c>IdentityObject</c> (a single string in OB 3.0's schema).</summary>
    [JsonProperty("type")]
    public string? Type { get; init; }

    /// <summary><c>hashed</c>: whether <see cref="IdentityHash"/> is a hash.</summary>
    [JsonProperty("hashed")]
    public bool? Hashed { get; init; }

    /// <summary><c>identityHash</c>: <c>sha256$…</c> when hashed, else the identifier itself.</summary>
    [JsonProperty("identityHash")]
    public string? IdentityHash { get; init; }

    /// <summary><c>identityType</c>: e.g. <c>emailAddress</c>, <c>studentId</c>-like <c>ext:</c> values.</summary>
    [JsonProperty("identityType")]
    public string? IdentityType { get; init; }

    /// <summary><c>salt</c>: appended to the identifier before hashing; absent means unsalted.</summary>
    [JsonProperty("salt")]
    public string? Salt { get; init; }

    /// <summary>
    /// A hashed identity. With no <paramref name="salt"/>, 16 random bytes (32 lower-case hex characters) are used.
    /// The identifier is hashed exactly as given: normalize it first (e.g. lower-case an e-mail address) if the
    /// verifier will compare a normalized value.
    /// </summary>
    public static IdentityObject CreateHashed(string identifier, string identityType = EmailAddressType, string? salt = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        ArgumentException.ThrowIfNullOrWhiteSpace(identityType);
        salt ??= Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(SaltBytes));
        return new IdentityObject
        {
            Type = TypeName,
            Hashed = true,
            IdentityHash = ComputeSha256Hash(identifier, salt),
            IdentityType = identityType,
            Salt = salt,
        };
    }

    /// <summary>A plain-text identity (<c>hashed: false</c>). Prefer <see cref="CreateHashed"/> for personal data.</summary>
    public static IdentityObject CreatePlain(string identifier, string identityType = EmailAddressType)
    {
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        ArgumentException.ThrowIfNullOrWhiteSpace(identityType);
        return new IdentityObject { Type = TypeName, Hashed = false, IdentityHash = identifier, IdentityType = identityType };
    }

    /// <summary><c>"sha256$"</c> + lower-case hex SHA-256 of UTF-8(<paramref name="identifier"/> ‖ <paramref name="salt"/>).</summary>
    public static string ComputeSha256Hash(string identifier, string? salt)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return Sha256Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identifier + salt)));
    }

    /// <summary>
    /// True when <paramref name="candidate"/> is this identity. Hashed identities are recomputed with <see cref="Salt"/>
    /// (SHA-256, and MD5 which OB 3.0 still allows for old badges) and compared in constant time; plain ones are
    /// compared in constant time too. An unknown algorithm or malformed hash never matches.
    /// </summary>
    public bool Matches(string candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (IdentityHash is null)
        {
            return false;
        }

        if (Hashed != true)
        {
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(IdentityHash), Encoding.UTF8.GetBytes(candidate));
        }

        var input = Encoding.UTF8.GetBytes(candidate + Salt);
        byte[] computed;
        string hex;
        if (IdentityHash.StartsWith(Sha256Prefix, StringComparison.OrdinalIgnoreCase))
        {
            computed = SHA256.HashData(input);
            hex = IdentityHash[Sha256Prefix.Length..];
        }
        else if (IdentityHash.StartsWith(Md5Prefix, StringComparison.OrdinalIgnoreCase))
        {
#pragma warning disable CA5351 // MD5 is only used to recognise identities in badges that already use it (OB 3.0 allows md5$).
            computed = MD5.HashData(input);
#pragma warning restore CA5351
            hex = IdentityHash[Md5Prefix.Length..];
        }
        else
        {
            return false;
        }

        // The spec allows upper- or lower-case hex; compare bytes, not text.
        byte[] expected;
        try
        {
            expected = Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(expected, computed);
    }
}
