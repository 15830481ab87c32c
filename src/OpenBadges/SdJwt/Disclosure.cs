using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OpenBadges.Internal;
using OpenBadges.Json;
using OpenBadges.Keys;

namespace OpenBadges.SdJwt;

/// <summary>
/// One SD-JWT Disclosure (RFC 9901 §4.2): base64url of the JSON array <c>[salt, name, value]</c> for an object property
/// or <c>[salt, value]</c> for an array element, and its digest, base64url(SHA-256(ASCII of the encoded form)) — the
/// value the issuer signs in <c>_sd</c> or <c>{"...": digest}</c>. Immutable.
/// </summary>
public sealed class Disclosure
{
    /// <summary>Bytes of randomness in a salt this package makes: 128 bits, as RFC 9901 §9.3 recommends.</summary>
    public const int SaltBytes = 16;

    private readonly JToken _value;

    private Disclosure(string salt, string? claimName, JToken value, string encoded)
    {
        Salt = salt;
        ClaimName = claimName;
        _value = value;
        Encoded = encoded;
        Digest = SdJwtDigest.Of(encoded);
    }

    /// <summary>The salt.</summary>
    public string Salt { get; }

    /// <summary>The claim name, or null for an array element.</summary>
    public string? ClaimName { get; }

    /// <summary>True for an array element (<c>[salt, value]</c>).</summary>
    public bool IsArrayElement => ClaimName is null;

    /// <summary>The disclosed value (a copy).</summary>
    public JToken Value => _value.DeepClone();

    /// <summary>The encoded Disclosure as it travels between <c>~</c>.</summary>
    public string Encoded { get; }

    /// <summary>base64url(SHA-256(<see cref="Encoded"/>)).</summary>
    public string Digest { get; }

    internal JToken RawValue => _value;

    /// <summary>A Disclosure of the property <paramref name="claimName"/> with a fresh random salt.</summary>
    /// <exception cref="ArgumentException">The name is <c>_sd</c> or <c>...</c> (RFC 9901 §4.2.1).</exception>
    public static Disclosure ForProperty(string claimName, JToken value)
    {
        ArgumentNullException.ThrowIfNull(claimName);
        return Create(NewSalt(), claimName, value);
    }

    /// <summary>A Disclosure of one array element with a fresh random salt.</summary>
    public static Disclosure ForArrayElement(JToken value) => Create(NewSalt(), null, value);

    /// <summary>A Disclosure with a given salt (for test vectors); <paramref name="claimName"/> null makes an array element.</summary>
    /// <exception cref="ArgumentException">A reserved claim name or an empty salt.</exception>
    public static Disclosure Create(string salt, string? claimName, JToken value)
    {
        ArgumentNullException.ThrowIfNull(salt);
        ArgumentNullException.ThrowIfNull(value);
        if (salt.Length == 0)
        {
            throw SdJwtErrors.SaltEmpty(nameof(salt));
        }

        if (claimName is SdJwtNames.Digests or SdJwtNames.ArrayDigest)
        {
            throw SdJwtErrors.ReservedClaimName(nameof(claimName), claimName);
        }

        var array = claimName is null ? new JArray(salt, value.DeepClone()) : new JArray(salt, claimName, value.DeepClone());
        var encoded = System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(array.ToString(Formatting.None)));
        return new Disclosure(salt, claimName, value.DeepClone(), encoded);
    }

    /// <summary>Reads an encoded Disclosure; <paramref name="error"/> names the rule when it is not one.</summary>
    public static bool TryParse(string encoded, JsonLimits limits, [NotNullWhen(true)] out Disclosure? disclosure, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(limits);
        disclosure = null;
        if (string.IsNullOrEmpty(encoded))
        {
            error = "the Disclosure is empty";
            return false;
        }

        var buffer = new byte[System.Buffers.Text.Base64Url.GetMaxDecodedLength(encoded.Length)];
        if (!Multibase.TryDecodeBase64Url(encoded, buffer, out var written, out var decodeError))
        {
            error = "the Disclosure is not base64url without padding: " + decodeError;
            return false;
        }

        JToken parsed;
        try
        {
            var text = new UTF8Encoding(false, true).GetString(buffer, 0, written);
            parsed = JsonInput.Parse(text, limits);
        }
        catch (Exception e) when (e is DecoderFallbackException or JsonInputException)
        {
            error = "the Disclosure is not UTF-8 JSON: " + e.Message;
            return false;
        }

        if (parsed is not JArray { Count: 2 or 3 } array)
        {
            error = "RFC 9901 §4.2: a Disclosure is a JSON array of two (array element) or three (object property) elements";
            return false;
        }

        if (array[0] is not JValue { Type: JTokenType.String } saltToken)
        {
            error = "RFC 9901 §4.2: the first element of a Disclosure, the salt, is a string";
            return false;
        }

        string? name = null;
        if (array.Count == 3)
        {
            if (array[1] is not JValue { Type: JTokenType.String } nameToken)
            {
                error = "RFC 9901 §4.2.1: the second element of a property Disclosure, the claim name, is a string";
                return false;
            }

            name = (string)nameToken!;
            if (name is SdJwtNames.Digests or SdJwtNames.ArrayDigest)
            {
                error = $"RFC 9901 §4.2.1 / §7.1: the claim name '{name}' is reserved and must not be disclosed";
                return false;
            }
        }

        disclosure = new Disclosure((string)saltToken!, name, array[^1]!, encoded);
        error = null;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => ClaimName is null ? $"Disclosure(array element, {Digest})" : $"Disclosure({ClaimName}, {Digest})";

    internal static string NewSalt() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SaltBytes));
}
