using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace OpenBadges.Json;

/// <summary>
/// A growable UTF-8 byte buffer rented from <see cref="ArrayPool{T}.Shared"/>: where a canonical form is written
/// when its bytes are what is wanted (to hash them), so no string is built on the way. Dispose to return the buffer.
/// </summary>
internal sealed class Utf8Output : IDisposable
{
    private const int InitialCapacity = 4096;
    private byte[] _buffer;
    private int _length;

    public Utf8Output() => _buffer = ArrayPool<byte>.Shared.Rent(InitialCapacity);

    /// <summary>The size of the buffer.</summary>
    public int Capacity => _buffer.Length;

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public void Write(byte value)
    {
        if (_length == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[_length++] = value;
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        Reserve(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>
    /// Writes <paramref name="text"/> as UTF-8; false, with the index of the first lone surrogate in
    /// <paramref name="invalidAt"/>, when it holds one (what was before it is written, the rest is not).
    /// </summary>
    public bool TryWriteUtf16(ReadOnlySpan<char> text, out int invalidAt)
    {
        var consumed = 0;
        while (true)
        {
            var status = Utf8.FromUtf16(text[consumed..], _buffer.AsSpan(_length), out var read, out var written, replaceInvalidSequences: false);
            _length += written;
            consumed += read;
            switch (status)
            {
                case OperationStatus.Done:
                    invalidAt = -1;
                    return true;
                case OperationStatus.DestinationTooSmall:
                    // Grown by what is left at one byte a character (ASCII); more rounds if it is not.
                    Grow(Math.Max(text.Length - consumed, 4));
                    break;
                default:
                    invalidAt = consumed;
                    return false;
            }
        }
    }

    /// <summary>Writes ASCII text (digits, signs, letters) one byte per character.</summary>
    public void WriteAscii(ReadOnlySpan<char> text)
    {
        Reserve(text.Length);
        var destination = _buffer.AsSpan(_length, text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            destination[i] = (byte)text[i];
        }

        _length += text.Length;
    }

    /// <summary>Writes <paramref name="ascii"/>, known to be ASCII, between double quotes.</summary>
    public void WriteQuotedAscii(ReadOnlySpan<char> ascii)
    {
        Reserve(ascii.Length + 2);
        var destination = _buffer.AsSpan(_length, ascii.Length + 2);
        destination[0] = (byte)'"';
        var status = Ascii.FromUtf16(ascii, destination[1..], out var written);
        System.Diagnostics.Debug.Assert(status == OperationStatus.Done && written == ascii.Length, "not ASCII");
        destination[^1] = (byte)'"';
        _length += ascii.Length + 2;
    }

    /// <summary>The text written so far.</summary>
    public string ToText() => Encoding.UTF8.GetString(Written);

    /// <summary>Appends the text written so far to <paramref name="into"/> (decoded through a pooled buffer, no string).</summary>
    public void AppendTo(StringBuilder into)
    {
        var chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(_length));
        try
        {
            var count = Encoding.UTF8.GetChars(Written, chars);
            into.Append(chars, 0, count);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>Forgets what was written; the buffer is kept.</summary>
    public void Clear() => _length = 0;

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _length = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Reserve(int count)
    {
        if (_buffer.Length - _length < count)
        {
            Grow(count);
        }
    }

    private void Grow(int count)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, checked(_length + count)));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
