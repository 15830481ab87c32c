using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;

namespace OpenBadges.Issuer.Status;

/// <summary>
/// A keyed bijection of [0, length): the database hands out ordinals 0, 1, 2, … (a counter, which is what makes
/// allocation safe across instances and crashes), and this maps each to a status list index that does not reveal
/// issuing order, as the Bitstring Status List privacy considerations ask. A four-round Feistel network over the
/// next even number of bits, with cycle walking to stay inside the list; HMAC-SHA256 with the list's own key is the
/// round function. Distinct ordinals always give distinct indexes.
/// </summary>
internal sealed class IndexPermutation
{
    /// <summary>Bytes of key per list.</summary>
    public const int KeySize = 16;

    private const int Rounds = 4;
    private readonly byte[] _key;
    private readonly int _length;
    private readonly int _halfBits;
    private readonly uint _halfMask;

    public IndexPermutation(byte[] key, int length)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 2);
        _key = key;
        _length = length;
        var bits = 32 - BitOperations.LeadingZeroCount((uint)(length - 1));
        _halfBits = (bits + 1) / 2;
        _halfMask = (1u << _halfBits) - 1;
    }

    /// <summary>The index for <paramref name="ordinal"/> (0 ≤ ordinal &lt; length).</summary>
    public int Map(int ordinal)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ordinal);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(ordinal, _length);
        var value = (uint)ordinal;
        do
        {
            value = Encrypt(value);
        }
        while (value >= (uint)_length);   // cycle walking: the walk from a value below length returns below length

        return (int)value;
    }

    private uint Encrypt(uint value)
    {
        var left = (value >> _halfBits) & _halfMask;
        var right = value & _halfMask;
        Span<byte> input = stackalloc byte[5];
        Span<byte> output = stackalloc byte[32];
        for (byte round = 0; round < Rounds; round++)
        {
            input[0] = round;
            BinaryPrimitives.WriteUInt32BigEndian(input[1..], right);
            HMACSHA256.HashData(_key, input, output);
            var next = left ^ (BinaryPrimitives.ReadUInt32BigEndian(output) & _halfMask);
            left = right;
            right = next;
        }

        return (left << _halfBits) | right;
    }
}
