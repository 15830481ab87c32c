using System.IO.Compression;
using Newtonsoft.Json.Linq;
using OpenBadges.Internal;
using OpenBadges.Keys;

namespace OpenBadges.SdJwt;

/// <summary>
/// A Token Status List (IETF draft-ietf-oauth-status-list §4): one status of 1, 2, 4 or 8 bits per referenced token,
/// packed least significant bits first (index 0 is the low bits of byte 0), carried ZLIB-compressed (RFC 1950) and
/// base64url-encoded in <c>status_list.lst</c>. Not thread-safe while being changed.
/// </summary>
public sealed class TokenStatusList
{
    /// <summary>The <c>typ</c> of a status list token.</summary>
    public const string TokenType = "statuslist+jwt";

    /// <summary>Status VALID.</summary>
    public const byte Valid = 0;

    /// <summary>Status INVALID (revoked; irreversible).</summary>
    public const byte Invalid = 1;

    /// <summary>Status SUSPENDED (temporarily invalid).</summary>
    public const byte Suspended = 2;

    private readonly byte[] _bytes;

    /// <summary>A list of <paramref name="size"/> entries of <paramref name="bits"/> bits, all VALID.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Bits other than 1, 2, 4, 8, or a size below 1.</exception>
    public TokenStatusList(int size, int bits = 1)
    {
        CheckBits(bits);
        if (size < 1 || size > int.MaxValue / 8)
        {
            throw SdJwtErrors.StatusListEmpty(nameof(size), size);
        }

        Bits = bits;
        _bytes = new byte[((long)size * bits + 7) / 8];
    }

    private TokenStatusList(byte[] bytes, int bits)
    {
        Bits = bits;
        _bytes = bytes;
    }

    /// <summary>Bits per entry: 1, 2, 4 or 8.</summary>
    public int Bits { get; }

    /// <summary>How many entries the list holds (its byte length × 8 / bits).</summary>
    public int Count => (int)((long)_bytes.Length * 8 / Bits);

    /// <summary>The status at <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside the list.</exception>
    public byte this[int index]
    {
        get
        {
            CheckIndex(index);
            var bit = (long)index * Bits;
            return (byte)((_bytes[bit / 8] >> (int)(bit % 8)) & Mask);
        }

        set
        {
            CheckIndex(index);
            if (value > Mask)
            {
                throw SdJwtErrors.StatusTooLarge(nameof(value), value, Bits, Mask);
            }

            var bit = (long)index * Bits;
            var shift = (int)(bit % 8);
            _bytes[bit / 8] = (byte)((_bytes[bit / 8] & ~(Mask << shift)) | (value << shift));
        }
    }

    private int Mask => (1 << Bits) - 1;

    /// <summary>The <c>status_list</c> JSON object: <c>bits</c> and <c>lst</c> (base64url of the ZLIB-compressed bytes).</summary>
    public JObject ToJson()
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(_bytes);
        }

        return new JObject { ["bits"] = Bits, ["lst"] = System.Buffers.Text.Base64Url.EncodeToString(output.ToArray()) };
    }

    /// <summary>
    /// Signs the status list token (draft §5.1): header <c>typ</c> "statuslist+jwt" and <c>kid</c>; payload <c>sub</c> (the
    /// URI credentials reference), <c>iat</c>, optional <c>exp</c> and <c>ttl</c>, optional <c>iss</c>, and <c>status_list</c>.
    /// </summary>
    public Task<string> IssueTokenAsync(ISigner signer, string uri, DateTimeOffset issuedAt, DateTimeOffset? expires = null, TimeSpan? timeToLive = null, string? issuer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentException.ThrowIfNullOrEmpty(uri);
        var payload = new JObject();
        if (issuer is not null)
        {
            payload["iss"] = issuer;
        }

        payload["sub"] = uri;
        payload["iat"] = issuedAt.ToUnixTimeSeconds();
        if (expires is { } exp)
        {
            payload["exp"] = exp.ToUnixTimeSeconds();
        }

        if (timeToLive is { } ttl)
        {
            payload["ttl"] = (long)ttl.TotalSeconds;
        }

        payload["status_list"] = ToJson();
        return JwsSigning.SignAsync(signer, new JObject { ["typ"] = TokenType, ["kid"] = signer.KeyId }, payload, cancellationToken);
    }

    /// <summary>Reads a <c>status_list</c> object; <paramref name="error"/> says why not. Decompression stops at <paramref name="maxBytes"/>.</summary>
    public static bool TryRead(JToken? statusList, int maxBytes, out TokenStatusList? list, out string? error)
    {
        list = null;
        if (statusList is not JObject obj)
        {
            error = "'status_list' is not an object";
            return false;
        }

        if (obj["bits"] is not JValue { Type: JTokenType.Integer } bitsToken || (long)bitsToken! is not (1 or 2 or 4 or 8))
        {
            error = "'status_list.bits' is not 1, 2, 4 or 8";
            return false;
        }

        if (obj["lst"] is not JValue { Type: JTokenType.String } lstToken)
        {
            error = "'status_list.lst' is not a string";
            return false;
        }

        var lst = (string)lstToken!;
        var compressed = new byte[System.Buffers.Text.Base64Url.GetMaxDecodedLength(lst.Length)];
        if (!Multibase.TryDecodeBase64Url(lst, compressed, out var written, out var decodeError))
        {
            error = "'status_list.lst' is not base64url: " + decodeError;
            return false;
        }

        try
        {
            using var input = new MemoryStream(compressed, 0, written);
            using var zlib = new ZLibStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[16384];
            int read;
            while ((read = zlib.Read(buffer)) > 0)
            {
                if (output.Length + read > maxBytes)
                {
                    error = $"'status_list.lst' decompresses to more than {maxBytes} bytes";
                    return false;
                }

                output.Write(buffer, 0, read);
            }

            if (output.Length == 0)
            {
                error = "'status_list.lst' decompresses to nothing";
                return false;
            }

            list = new TokenStatusList(output.ToArray(), (int)(long)bitsToken);
            error = null;
            return true;
        }
        catch (InvalidDataException e)
        {
            error = "'status_list.lst' is not a ZLIB stream: " + e.Message;
            return false;
        }
    }

    private void CheckIndex(int index)
    {
        if (index < 0 || index >= Count)
        {
            throw SdJwtErrors.StatusIndexOutOfRange(nameof(index), index, Count);
        }
    }

    private static void CheckBits(int bits)
    {
        if (bits is not (1 or 2 or 4 or 8))
        {
            throw SdJwtErrors.StatusBitsInvalid(nameof(bits), bits);
        }
    }
}
