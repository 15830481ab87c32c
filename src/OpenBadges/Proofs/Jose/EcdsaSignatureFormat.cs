using System.Formats.Asn1;

namespace OpenBadges.Proofs.Jose;

/// <summary>
/// ES256 signatures in JOSE are R ‖ S, 32 bytes each (RFC 7518 §3.4). KMS and HSM APIs often return the DER
/// <c>SEQUENCE { INTEGER r, INTEGER s }</c> instead; this turns one into the other so such a signer still works.
/// </summary>
internal static class EcdsaSignatureFormat
{
    private const int FieldSize = 32;

    public static bool TryToJose(byte[] signature, out byte[] jose)
    {
        jose = [];
        if (signature.Length == 2 * FieldSize)
        {
            jose = signature;
            return true;
        }

        try
        {
            var reader = new AsnReader(signature, AsnEncodingRules.DER);
            var sequence = reader.ReadSequence();
            var r = sequence.ReadIntegerBytes().Span;
            var s = sequence.ReadIntegerBytes().Span;
            sequence.ThrowIfNotEmpty();
            reader.ThrowIfNotEmpty();
            var result = new byte[2 * FieldSize];
            return TryCopyUnsigned(r, result.AsSpan(0, FieldSize))
                && TryCopyUnsigned(s, result.AsSpan(FieldSize, FieldSize))
                && (jose = result).Length > 0;
        }
        catch (AsnContentException)
        {
            return false;
        }
    }

    // A DER INTEGER is big-endian two's complement: drop the sign byte, then right-align into the field.
    private static bool TryCopyUnsigned(ReadOnlySpan<byte> integer, Span<byte> field)
    {
        if (integer.Length > 0 && (integer[0] & 0x80) != 0)
        {
            return false;
        }

        integer = integer.TrimStart((byte)0);
        if (integer.Length > field.Length)
        {
            return false;
        }

        integer.CopyTo(field[(field.Length - integer.Length)..]);
        return true;
    }
}
