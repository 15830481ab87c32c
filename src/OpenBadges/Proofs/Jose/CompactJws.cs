using System.Diagnostics.CodeAnalysis;
using System.Text;
using Newtonsoft.Json.Linq;
using OpenBadges.Json;
using OpenBadges.Keys;

namespace OpenBadges.Proofs.Jose;

/// <summary>
/// A compact JWS (RFC 7515 §7.1) taken apart under our own rules before anything else looks at it: exactly three
/// segments, canonical unpadded base64url, UTF-8 JSON objects for header and payload read with
/// <see cref="JsonInput"/> (so duplicate member names are an error, RFC 7515 §5.2 step 4 / RFC 7519 §4), size bounded.
/// </summary>
internal sealed class CompactJws
{
    private CompactJws(JObject header, JObject payload, byte[] signature)
    {
        Header = header;
        Payload = payload;
        Signature = signature;
    }

    public JObject Header { get; }

    public JObject Payload { get; }

    public byte[] Signature { get; }

    /// <summary>Splits and decodes <paramref name="token"/>; on failure <paramref name="check"/> names the check that failed and <paramref name="error"/> says why.</summary>
    public static bool TryParse(
        string token,
        JsonLimits limits,
        [NotNullWhen(true)] out CompactJws? jws,
        [NotNullWhen(false)] out string? check,
        [NotNullWhen(false)] out string? error)
    {
        jws = null;

        // Count before splitting: a token of a million dots must not become a million strings.
        var segmentCount = token.AsSpan().Count('.') + 1;
        if (segmentCount != 3)
        {
            check = VcJwtChecks.Structure;
            error = segmentCount == 5
                ? "the token has five segments: it is an encrypted JWE; only a signed compact JWS (three segments) is accepted"
                : $"a compact JWS has three base64url segments separated by '.'; found {segmentCount}";
            return false;
        }

        // Segments as ranges of the token, not three new strings (a token is mostly its payload).
        var firstDot = token.IndexOf('.');
        var lastDot = token.LastIndexOf('.');
        Range[] segments = [new(0, firstDot), new(firstDot + 1, lastDot), new(lastDot + 1, token.Length)];

        string[] names = ["header", "payload", "signature"];
        var decoded = new byte[3][];
        for (var i = 0; i < 3; i++)
        {
            var segment = token.AsSpan(segments[i]);
            if (segment.Length == 0)
            {
                check = VcJwtChecks.Structure;
                error = i == 2
                    ? "the signature segment is empty: the token is unsigned"
                    : $"the {names[i]} segment is empty";
                return false;
            }

            var buffer = new byte[System.Buffers.Text.Base64Url.GetMaxDecodedLength(segment.Length)];
            if (!Multibase.TryDecodeBase64Url(segment, buffer, out var written, out var decodeError))
            {
                check = VcJwtChecks.Structure;
                error = $"the {names[i]} segment is not base64url without padding: {decodeError}";
                return false;
            }

            decoded[i] = written == buffer.Length ? buffer : buffer[..written];
        }

        if (!TryReadObject(decoded[0], limits, "header", out var header, out error))
        {
            check = VcJwtChecks.HeaderJson;
            return false;
        }

        if (!TryReadObject(decoded[1], limits, "payload", out var payload, out error))
        {
            check = VcJwtChecks.PayloadJson;
            return false;
        }

        jws = new CompactJws(header, payload, decoded[2]);
        check = null;
        return true;
    }

    private static bool TryReadObject(byte[] utf8, JsonLimits limits, string what, [NotNullWhen(true)] out JObject? value, [NotNullWhen(false)] out string? error)
    {
        value = null;
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(utf8);
        }
        catch (DecoderFallbackException)
        {
            error = $"the {what} is not valid UTF-8";
            return false;
        }

        try
        {
            value = JsonInput.ParseObject(text, limits);
            error = null;
            return true;
        }
        catch (JsonInputException e)
        {
            error = $"the {what} is not an acceptable JSON object: {e.Message}";
            return false;
        }
    }
}
