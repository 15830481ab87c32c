using System.Diagnostics.CodeAnalysis;
using NSec.Cryptography;
using OpenBadges.Internal;

namespace OpenBadges.Keys;

/// <summary>
/// An Ed25519 public key (RFC 8032): immutable, thread-safe, comparable by value. Knows its Multikey
/// (<c>z6Mk…</c>) and did:key spellings and verifies signatures.
/// </summary>
public sealed class Ed25519PublicKey : IEquatable<Ed25519PublicKey>
{
    /// <summary>Length of the raw key in bytes.</summary>
    public const int Size = Multikey.Ed25519KeyLength;

    /// <summary>Length of an Ed25519 signature in bytes.</summary>
    public const int SignatureSize = 64;

    private readonly byte[] _bytes;
    private readonly PublicKey _nsecKey;
    private readonly string _multibase;

    private Ed25519PublicKey(byte[] bytes, PublicKey nsecKey)
    {
        _bytes = bytes;
        _nsecKey = nsecKey;
        _multibase = Multikey.EncodeEd25519PublicKey(bytes);
    }

    /// <summary>The 32 raw key bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>A copy of the 32 raw key bytes.</summary>
    public byte[] ToArray() => (byte[])_bytes.Clone();

    /// <summary>Wraps 32 raw key bytes.</summary>
    /// <exception cref="ArgumentException"><paramref name="publicKey"/> is not an Ed25519 public key.</exception>
    public static Ed25519PublicKey FromBytes(ReadOnlySpan<byte> publicKey) =>
        TryFromBytes(publicKey, out var key, out var error) ? key : throw KeyErrors.PublicKeyRejected(nameof(publicKey), error);

    /// <summary>Wraps 32 raw key bytes; <paramref name="error"/> says why they are not acceptable.</summary>
    public static bool TryFromBytes(
        ReadOnlySpan<byte> publicKey,
        [NotNullWhen(true)] out Ed25519PublicKey? key,
        [NotNullWhen(false)] out string? error)
    {
        key = null;
        if (publicKey.Length != Size)
        {
            error = $"an Ed25519 public key is {Size} bytes; got {publicKey.Length}";
            return false;
        }

        if (!PublicKey.TryImport(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey, out var nsecKey))
        {
            error = "the bytes are not a valid Ed25519 public key";
            return false;
        }

        key = new Ed25519PublicKey(publicKey.ToArray(), nsecKey!);
        error = null;
        return true;
    }

    /// <summary>Reads a Multikey (<c>z6Mk…</c>).</summary>
    /// <exception cref="FormatException">The text is not an Ed25519 Multikey; the message says whether prefix, multicodec header or length is wrong.</exception>
    public static Ed25519PublicKey ParseMultibase(string multibase)
    {
        ArgumentNullException.ThrowIfNull(multibase);
        return TryParseMultibase(multibase, out var key, out var error)
            ? key
            : throw KeyErrors.NotEd25519Multikey(error);
    }

    /// <summary>Reads a Multikey (<c>z6Mk…</c>).</summary>
    public static bool TryParseMultibase(string? multibase, [NotNullWhen(true)] out Ed25519PublicKey? key) =>
        TryParseMultibase(multibase, out key, out _);

    /// <summary>Reads a Multikey (<c>z6Mk…</c>); <paramref name="error"/> names what is wrong (prefix, multicodec, length).</summary>
    public static bool TryParseMultibase(
        string? multibase,
        [NotNullWhen(true)] out Ed25519PublicKey? key,
        [NotNullWhen(false)] out string? error)
    {
        key = null;
        return Multikey.TryDecodeEd25519PublicKey(multibase, out var bytes, out error)
            && TryFromBytes(bytes, out key, out error);
    }

    /// <summary>The Multikey form: <c>z</c> + base58btc(0xed 0x01 ‖ key).</summary>
    public string ToMultibase() => _multibase;

    /// <summary>The did:key DID of this key: <c>did:key:z6Mk…</c>.</summary>
    public string ToDidKey() => DidKey.Prefix + _multibase;

    /// <summary>The did:key verification method id: <c>did:key:z6Mk…#z6Mk…</c>.</summary>
    public string ToDidKeyVerificationMethodId() => DidKey.Prefix + _multibase + "#" + _multibase;

    /// <summary>Checks an Ed25519 signature over <paramref name="data"/>. Any signature length other than 64 is simply invalid.</summary>
    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        signature.Length == SignatureSize && SignatureAlgorithm.Ed25519.Verify(_nsecKey, data, signature);

    /// <inheritdoc />
    public bool Equals(Ed25519PublicKey? other) =>
        other is not null && (ReferenceEquals(this, other) || _bytes.AsSpan().SequenceEqual(other._bytes));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Ed25519PublicKey);

    /// <inheritdoc />
    public override int GetHashCode() => BitConverter.ToInt32(_bytes, 0);

    /// <summary>The Multikey form; a public key is not secret.</summary>
    public override string ToString() => _multibase;

    /// <summary>Equality by key bytes.</summary>
    public static bool operator ==(Ed25519PublicKey? left, Ed25519PublicKey? right) =>
        left is null ? right is null : left.Equals(right);

    /// <summary>Inequality by key bytes.</summary>
    public static bool operator !=(Ed25519PublicKey? left, Ed25519PublicKey? right) => !(left == right);

    internal PublicKey NSecKey => _nsecKey;
}
