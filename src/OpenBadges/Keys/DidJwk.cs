using System.Diagnostics.CodeAnalysis;
using System.Text;
using Newtonsoft.Json.Linq;
using OpenBadges.Json;
using OpenBadges.Internal;

namespace OpenBadges.Keys;

/// <summary>
/// The did:jwk method: the DID is <c>did:jwk:</c> + base64url(UTF-8 JSON of a public JWK), resolved offline, and its
/// one verification method is <c>did:jwk:…#0</c>. Works for any key type; a JWK with private members is refused.
/// </summary>
public static class DidJwk
{
    /// <summary>Every did:jwk DID starts with this.</summary>
    public const string Prefix = "did:jwk:";

    /// <summary>The fragment of the single verification method.</summary>
    public const string VerificationMethodFragment = "0";

    /// <summary>The longest accepted DID, in characters: a JWK of an RSA-8192 key fits with room to spare.</summary>
    public const int MaxLength = 8192;

    /// <summary>JWK members that hold private or symmetric key material (RFC 7517/7518/8037).</summary>
    internal static readonly string[] PrivateMembers = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"];

    /// <summary>
    /// The did:jwk DID of <paramref name="publicJwk"/>, written in RFC 8785 canonical JSON so the same key always gives
    /// the same DID.
    /// </summary>
    /// <exception cref="ArgumentException">The JWK has no <c>kty</c> or carries private key material.</exception>
    public static string Create(JObject publicJwk)
    {
        ArgumentNullException.ThrowIfNull(publicJwk);
        if (publicJwk["kty"] is not JValue { Type: JTokenType.String })
        {
            throw KeyErrors.JwkHasNoKty(nameof(publicJwk));
        }

        var secret = PrivateMember(publicJwk);
        if (secret is not null)
        {
            throw KeyErrors.JwkCarriesPrivateKey(nameof(publicJwk), secret);
        }

        return Prefix + System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Jcs.Canonicalize(publicJwk)));
    }

    /// <summary>The verification method id of <paramref name="publicJwk"/>'s did:jwk: <c>did:jwk:…#0</c>.</summary>
    public static string CreateVerificationMethodId(JObject publicJwk) => Create(publicJwk) + "#" + VerificationMethodFragment;

    /// <summary>
    /// Reads the public JWK out of a did:jwk DID or its verification method URL (the fragment, if any, must be
    /// <c>0</c>). <paramref name="did"/> is the DID without the fragment.
    /// </summary>
    public static bool TryParse(
        string? didOrUrl,
        [NotNullWhen(true)] out JObject? publicJwk,
        [NotNullWhen(true)] out string? did,
        [NotNullWhen(false)] out string? error)
    {
        publicJwk = null;
        did = null;
        if (didOrUrl is null || !didOrUrl.StartsWith(Prefix, StringComparison.Ordinal))
        {
            error = $"a did:jwk DID starts with '{Prefix}'";
            return false;
        }

        if (didOrUrl.Length > MaxLength)
        {
            error = $"the did:jwk is {didOrUrl.Length} characters; the limit is {MaxLength}";
            return false;
        }

        var value = didOrUrl;
        var hash = value.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            if (value[(hash + 1)..] != VerificationMethodFragment)
            {
                error = $"the only verification method of a did:jwk is '#{VerificationMethodFragment}'";
                return false;
            }

            value = value[..hash];
        }

        var encoded = value[Prefix.Length..];
        var buffer = new byte[System.Buffers.Text.Base64Url.GetMaxDecodedLength(encoded.Length)];
        if (!Multibase.TryDecodeBase64Url(encoded, buffer, out var written, out var decodeError))
        {
            error = "the did:jwk method-specific id is not acceptable base64url: " + decodeError;
            return false;
        }

        JObject jwk;
        try
        {
            jwk = JsonInput.ParseObject(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, written));
        }
        catch (Exception e) when (e is JsonInputException or DecoderFallbackException)
        {
            error = "the did:jwk method-specific id is not a JSON object: " + e.Message;
            return false;
        }

        var secret = PrivateMember(jwk);
        if (secret is not null)
        {
            error = $"the did:jwk JWK carries private key material ('{secret}')";
            return false;
        }

        if (jwk["kty"] is not JValue { Type: JTokenType.String })
        {
            error = "the did:jwk JWK has no 'kty' string";
            return false;
        }

        publicJwk = jwk;
        did = value;
        error = null;
        return true;
    }

    /// <summary>The name of the first private member of <paramref name="jwk"/>, or null when it has none.</summary>
    internal static string? PrivateMember(JObject jwk) => PrivateMembers.FirstOrDefault(jwk.ContainsKey);
}
