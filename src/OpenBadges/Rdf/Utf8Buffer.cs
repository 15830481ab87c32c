using System.Buffers;
using System.Text.Unicode;

namespace OpenBadges.Rdf;

/// <summary>
/// A growable buffer of UTF-8 bytes, for text that is hashed rather than read (canonical N-Quads). Meant to be
/// kept and reused: <see cref="Clear"/> keeps the capacity.
/// </summary>
internal sealed class Utf8Buffer(int capacity)
{
    private byte[] _bytes = new byte[capacity];

    /// <summary>The number of bytes written.</summary>
    public int Length { get; private set; }

    /// <summary>The size of the underlying array.</summary>
    public int Capacity => _bytes.Length;

    /// <summary>Everything written so far (valid until the next append).</summary>
    public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, Length);

    /// <summary>Part of what was written (valid until the next append).</summary>
    public ReadOnlySpan<byte> Slice(int start, int length) => _bytes.AsSpan(start, length);

    public void Clear() => Length = 0;

    /// <summary>Appends an ASCII character as its one byte, any other through the UTF-8 encoder.</summary>
    public void Append(char c)
    {
        if (c < 0x80)
        {
            Append((byte)c);
        }
        else
        {
            Append(new ReadOnlySpan<char>(in c));
        }
    }

    public void Append(byte b)
    {
        if (Length == _bytes.Length)
        {
            Grow(1);
        }

        _bytes[Length++] = b;
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (_bytes.Length - Length < bytes.Length)
        {
            Grow(bytes.Length);
        }

        bytes.CopyTo(_bytes.AsSpan(Length));
        Length += bytes.Length;
    }

    /// <summary>
    /// Appends <paramref name="text"/> as UTF-8. The text must be well-formed UTF-16: the N-Quads writer refuses
    /// lone surrogates before it gets here, and never splits a pair between two appends.
    /// </summary>
    public void Append(ReadOnlySpan<char> text)
    {
        // A UTF-16 code unit becomes at most three UTF-8 bytes (a pair, two units, becomes four).
        if ((_bytes.Length - Length) / 3 < text.Length)
        {
            Grow(text.Length * 3);
        }

        var status = Utf8.FromUtf16(text, _bytes.AsSpan(Length), out _, out var written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            throw RdfErrors.Utf8EncodingStopped(status);
        }

        Length += written;
    }

    private void Grow(int needed) =>
        Array.Resize(ref _bytes, Math.Max(Length + needed, Math.Max(256, _bytes.Length * 2)));
}
