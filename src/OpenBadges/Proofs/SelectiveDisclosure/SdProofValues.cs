using System.Diagnostics.CodeAnalysis;
using System.Formats.Cbor;

namespace OpenBadges.Proofs;

/// <summary>The issuer's base proof value (vc-di-ecdsa §3.5.2 serializeBaseProofValue).</summary>
internal sealed record SdBaseProofValue(byte[] BaseSignature, byte[] PublicKey, byte[] HmacKey, IReadOnlyList<byte[]> Signatures, IReadOnlyList<string> MandatoryPointers);

/// <summary>The holder's derived proof value (vc-di-ecdsa §3.5.6 serializeDerivedProofValue), label map compressed.</summary>
internal sealed record SdDerivedProofValue(byte[] BaseSignature, byte[] PublicKey, IReadOnlyList<byte[]> Signatures, IReadOnlyDictionary<int, byte[]> LabelMap, IReadOnlyList<int> MandatoryIndexes);

/// <summary>
/// CBOR of the ecdsa-sd-2023 proof values: the three header bytes 0xd9 0x5d 0x00 (base) or 0xd9 0x5d 0x01 (derived),
/// then one CBOR array; as text, multibase base64url (<c>u</c>).
/// </summary>
internal static class SdProofValues
{
    /// <summary>More statements than any credential needs; bounds the work a hostile proof value can ask for.</summary>
    public const int MaxStatements = 10_000;

    private static ReadOnlySpan<byte> BaseHeader => [0xd9, 0x5d, 0x00];

    private static ReadOnlySpan<byte> DerivedHeader => [0xd9, 0x5d, 0x01];

    /// <summary>Longest proof value text accepted: room for <see cref="MaxStatements"/> signatures and no more.</summary>
    public const int MaxTextLength = 1_000_000;

    /// <summary>Decodes the multibase base64url text of a proof value; false when it is not that, or too long.</summary>
    public static bool TryDecodeText(string? text, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        if (text is null || text.Length < 2 || text.Length > MaxTextLength || text[0] != 'u')
        {
            return false;
        }

        var buffer = new byte[System.Buffers.Text.Base64Url.GetMaxDecodedLength(text.Length - 1)];
        if (System.Buffers.Text.Base64Url.DecodeFromChars(text.AsSpan(1), buffer, out var consumed, out var written) != System.Buffers.OperationStatus.Done
            || consumed != text.Length - 1 || text.Contains('=', StringComparison.Ordinal))
        {
            return false;
        }

        bytes = buffer.AsSpan(0, written).ToArray();
        return true;
    }

    public static bool IsBase(ReadOnlySpan<byte> proofValue) => proofValue.StartsWith(BaseHeader);

    public static bool IsDerived(ReadOnlySpan<byte> proofValue) => proofValue.StartsWith(DerivedHeader);

    public static string Serialize(SdBaseProofValue value)
    {
        // Step 1-2 (serializeBaseProofValue): header, then the CBOR array [baseSignature, publicKey, hmacKey, signatures, mandatoryPointers].
        var writer = new CborWriter(CborConformanceMode.Strict);
        writer.WriteStartArray(5);
        writer.WriteByteString(value.BaseSignature);
        writer.WriteByteString(value.PublicKey);
        writer.WriteByteString(value.HmacKey);
        WriteByteStrings(writer, value.Signatures);
        writer.WriteStartArray(value.MandatoryPointers.Count);
        foreach (var pointer in value.MandatoryPointers)
        {
            writer.WriteTextString(pointer);
        }

        writer.WriteEndArray();
        writer.WriteEndArray();
        return Encode(BaseHeader, writer);
    }

    public static string Serialize(SdDerivedProofValue value)
    {
        // serializeDerivedProofValue: [baseSignature, publicKey, signatures, compressedLabelMap, mandatoryIndexes].
        var writer = new CborWriter(CborConformanceMode.Strict);
        writer.WriteStartArray(5);
        writer.WriteByteString(value.BaseSignature);
        writer.WriteByteString(value.PublicKey);
        WriteByteStrings(writer, value.Signatures);
        writer.WriteStartMap(value.LabelMap.Count);
        foreach (var (key, label) in value.LabelMap.OrderBy(entry => entry.Key))
        {
            writer.WriteInt32(key);
            writer.WriteByteString(label);
        }

        writer.WriteEndMap();
        writer.WriteStartArray(value.MandatoryIndexes.Count);
        foreach (var index in value.MandatoryIndexes)
        {
            writer.WriteInt32(index);
        }

        writer.WriteEndArray();
        writer.WriteEndArray();
        return Encode(DerivedHeader, writer);
    }

    /// <summary>parseBaseProofValue; false with the reason when the bytes are not one.</summary>
    public static bool TryParseBase(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out SdBaseProofValue? value, [NotNullWhen(false)] out string? error)
    {
        value = null;
        if (!bytes.StartsWith(BaseHeader))
        {
            error = "the proof value does not start with the base proof header 0xd9 0x5d 0x00";
            return false;
        }

        try
        {
            var reader = new CborReader(bytes[3..].ToArray(), CborConformanceMode.Lax);
            if (reader.ReadStartArray() != 5)
            {
                error = "the base proof value is not a CBOR array of five items";
                return false;
            }

            var baseSignature = reader.ReadByteString();
            var publicKey = reader.ReadByteString();
            var hmacKey = reader.ReadByteString();
            var signatures = ReadByteStrings(reader);
            var count = reader.ReadStartArray() ?? throw ProofErrors.CborIndefiniteArray();
            if (count > MaxStatements)
            {
                throw ProofErrors.CborTooManyMandatoryPointers();
            }

            var pointers = new List<string>(count);
            for (var i = 0; i < count; i++)
            {
                pointers.Add(reader.ReadTextString());
            }

            reader.ReadEndArray();
            reader.ReadEndArray();
            if (reader.BytesRemaining != 0)
            {
                throw ProofErrors.CborTrailingBytes();
            }

            value = new SdBaseProofValue(baseSignature, publicKey, hmacKey, signatures, pointers);
            error = null;
            return true;
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException or OverflowException)
        {
            error = "the base proof value is not acceptable CBOR: " + e.Message;
            return false;
        }
    }

    /// <summary>parseDerivedProofValue; false with the reason when the bytes are not one.</summary>
    public static bool TryParseDerived(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out SdDerivedProofValue? value, [NotNullWhen(false)] out string? error)
    {
        value = null;
        if (!bytes.StartsWith(DerivedHeader))
        {
            error = "the proof value does not start with the derived proof header 0xd9 0x5d 0x01";
            return false;
        }

        try
        {
            var reader = new CborReader(bytes[3..].ToArray(), CborConformanceMode.Lax);
            if (reader.ReadStartArray() != 5)
            {
                error = "the derived proof value is not a CBOR array of five items";
                return false;
            }

            var baseSignature = reader.ReadByteString();
            var publicKey = reader.ReadByteString();
            var signatures = ReadByteStrings(reader);
            var entries = reader.ReadStartMap() ?? throw ProofErrors.CborIndefiniteMap();
            if (entries > MaxStatements)
            {
                throw ProofErrors.CborTooManyLabels();
            }

            var labelMap = new Dictionary<int, byte[]>(entries);
            for (var i = 0; i < entries; i++)
            {
                var key = reader.ReadInt32();
                if (key < 0 || !labelMap.TryAdd(key, reader.ReadByteString()))
                {
                    throw ProofErrors.CborBadLabelKey();
                }
            }

            reader.ReadEndMap();
            var count = reader.ReadStartArray() ?? throw ProofErrors.CborIndefiniteArray();
            if (count > MaxStatements)
            {
                throw ProofErrors.CborTooManyMandatoryIndexes();
            }

            var indexes = new List<int>(count);
            for (var i = 0; i < count; i++)
            {
                indexes.Add(reader.ReadInt32());
            }

            reader.ReadEndArray();
            reader.ReadEndArray();
            if (reader.BytesRemaining != 0)
            {
                throw ProofErrors.CborTrailingBytes();
            }

            value = new SdDerivedProofValue(baseSignature, publicKey, signatures, labelMap, indexes);
            error = null;
            return true;
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException or OverflowException)
        {
            error = "the derived proof value is not acceptable CBOR: " + e.Message;
            return false;
        }
    }

    private static void WriteByteStrings(CborWriter writer, IReadOnlyList<byte[]> items)
    {
        writer.WriteStartArray(items.Count);
        foreach (var item in items)
        {
            writer.WriteByteString(item);
        }

        writer.WriteEndArray();
    }

    private static List<byte[]> ReadByteStrings(CborReader reader)
    {
        var count = reader.ReadStartArray() ?? throw ProofErrors.CborIndefiniteArray();
        if (count > MaxStatements)
        {
            throw ProofErrors.CborTooManySignatures();
        }

        var items = new List<byte[]>(count);
        for (var i = 0; i < count; i++)
        {
            items.Add(reader.ReadByteString());
        }

        reader.ReadEndArray();
        return items;
    }

    private static string Encode(ReadOnlySpan<byte> header, CborWriter writer)
    {
        var cbor = writer.Encode();
        var bytes = new byte[header.Length + cbor.Length];
        header.CopyTo(bytes);
        cbor.CopyTo(bytes, header.Length);
        return "u" + System.Buffers.Text.Base64Url.EncodeToString(bytes);
    }
}
