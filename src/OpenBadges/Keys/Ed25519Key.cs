using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using NSec.Cryptography;
using OpenBadges.Internal;

namespace OpenBadges.Keys;

/// <summary>
/// An Ed25519 signing key (RFC 8032) held in NSec's protected memory. Sealed and disposable; the secret
/// can leave the object only when <c>allowSecretExport</c> was set when the key was created, and never
/// through <see cref="ToString"/>. Signing is thread-safe.
/// </summary>
public sealed class Ed25519Key : IDisposable
{
    /// <summary>Length of the seed (the RFC 8032 private key) in bytes.</summary>
    public const int SeedSize = Multikey.Ed25519KeyLength;

    /// <summary>Length of a signature in bytes.</summary>
    public const int SignatureSize = Ed25519PublicKey.SignatureSize;

    internal const string AllowExportAdvice =
        "Create the key with allowSecretExport: true (Ed25519Key.Generate, FromSeed, FromSecretKeyMultibase) if it must be written out.";

    private readonly Key _key;
    private int _disposed;

    private Ed25519Key(Key key, bool allowSecretExport)
    {
        _key = key;
        AllowsSecretExport = allowSecretExport;
        PublicKey = Ed25519PublicKey.FromBytes(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    /// <summary>The public half.</summary>
    public Ed25519PublicKey PublicKey { get; }

    /// <summary>True when the secret may be exported (chosen at creation, never changed).</summary>
    public bool AllowsSecretExport { get; }

    /// <summary>Creates a fresh key from the operating system's random number generator.</summary>
    public static Ed25519Key Generate(bool allowSecretExport = false) =>
        new(Key.Create(SignatureAlgorithm.Ed25519, Parameters(allowSecretExport)), allowSecretExport);

    /// <summary>Creates the key whose RFC 8032 private key (seed) is <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="seed"/> is not 32 bytes.</exception>
    public static Ed25519Key FromSeed(ReadOnlySpan<byte> seed, bool allowSecretExport = false)
    {
        if (seed.Length != SeedSize)
        {
            throw KeyErrors.SeedWrongLength(nameof(seed), SeedSize, seed.Length);
        }

        return new Ed25519Key(
            Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey, Parameters(allowSecretExport)),
            allowSecretExport);
    }

    /// <summary>
    /// Reads a secret Multikey: <c>z</c> + base58btc(0x80 0x26 ‖ seed), or the 64-byte form
    /// (seed ‖ public key), whose public half must match the seed.
    /// </summary>
    /// <exception cref="FormatException">The text is not an Ed25519 secret key; the message names the rule, never the secret.</exception>
    public static Ed25519Key FromSecretKeyMultibase(string secretKeyMultibase, bool allowSecretExport = false)
    {
        ArgumentNullException.ThrowIfNull(secretKeyMultibase);
        return TryFromSecretKeyMultibase(secretKeyMultibase, out var key, out var error, allowSecretExport)
            ? key
            : throw KeyErrors.SecretKeyMultibaseNotEd25519(error);
    }

    /// <summary>Reads a secret Multikey (32-byte seed or 64-byte seed ‖ public key form).</summary>
    public static bool TryFromSecretKeyMultibase(
        string? secretKeyMultibase,
        [NotNullWhen(true)] out Ed25519Key? key,
        [NotNullWhen(false)] out string? error,
        bool allowSecretExport = false)
    {
        key = null;
        if (secretKeyMultibase is null)
        {
            error = "the secret key text is missing";
            return false;
        }

        Span<byte> secret = stackalloc byte[2 * SeedSize];
        try
        {
            return Multikey.TryDecodeEd25519SecretKey(secretKeyMultibase, secret, out var length, out error)
                && TryFromSecretBytes(secret[..length], out key, out error, allowSecretExport);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>Reads a hexadecimal secret: the 32-byte seed, or 64 bytes (seed ‖ public key) whose public half must match.</summary>
    /// <exception cref="FormatException">The text is not an Ed25519 secret key in hex; the message never repeats it.</exception>
    public static Ed25519Key FromSecretKeyHex(string secretKeyHex, bool allowSecretExport = false)
    {
        ArgumentNullException.ThrowIfNull(secretKeyHex);
        return TryFromSecretKeyHex(secretKeyHex, out var key, out var error, allowSecretExport)
            ? key
            : throw KeyErrors.HexSecretKeyNotAcceptable(error);
    }

    /// <summary>Reads a hexadecimal secret (32-byte seed or 64-byte seed ‖ public key).</summary>
    public static bool TryFromSecretKeyHex(
        string? secretKeyHex,
        [NotNullWhen(true)] out Ed25519Key? key,
        [NotNullWhen(false)] out string? error,
        bool allowSecretExport = false)
    {
        key = null;
        if (secretKeyHex is null)
        {
            error = "the secret key text is missing";
            return false;
        }

        if (secretKeyHex.Length != 2 * SeedSize && secretKeyHex.Length != 4 * SeedSize)
        {
            error = $"a hexadecimal Ed25519 secret key is {2 * SeedSize} characters (seed) or {4 * SeedSize} (seed followed by public key); found {secretKeyHex.Length}";
            return false;
        }

        Span<byte> secret = stackalloc byte[2 * SeedSize];
        try
        {
            var status = Convert.FromHexString(secretKeyHex, secret, out _, out var written);
            if (status != System.Buffers.OperationStatus.Done)
            {
                error = "the secret key contains a character that is not hexadecimal";
                return false;
            }

            return TryFromSecretBytes(secret[..written], out key, out error, allowSecretExport);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>
    /// Builds a key from a 32-byte seed or a 64-byte secret (seed ‖ public key, the libsodium layout); in the
    /// latter case the public half must be the one the seed derives, otherwise the secret is corrupt or
    /// was paired with the wrong public key.
    /// </summary>
    internal static bool TryFromSecretBytes(
        ReadOnlySpan<byte> secret,
        [NotNullWhen(true)] out Ed25519Key? key,
        [NotNullWhen(false)] out string? error,
        bool allowSecretExport)
    {
        key = null;
        if (secret.Length != SeedSize && secret.Length != 2 * SeedSize)
        {
            error = $"an Ed25519 secret key is {SeedSize} bytes (seed) or {2 * SeedSize} bytes (seed followed by public key); found {secret.Length}";
            return false;
        }

        var candidate = FromSeed(secret[..SeedSize], allowSecretExport);
        if (secret.Length == 2 * SeedSize
            && !CryptographicOperations.FixedTimeEquals(candidate.PublicKey.Bytes, secret[SeedSize..]))
        {
            candidate.Dispose();
            error = "the public half of the 64-byte secret key does not match the public key derived from its seed";
            return false;
        }

        key = candidate;
        error = null;
        return true;
    }

    /// <summary>Signs <paramref name="data"/> into <paramref name="signature"/> (exactly 64 bytes), without allocating.</summary>
    /// <exception cref="ArgumentException"><paramref name="signature"/> is not 64 bytes.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public void Sign(ReadOnlySpan<byte> data, Span<byte> signature)
    {
        ThrowIfDisposed();
        if (signature.Length != SignatureSize)
        {
            throw KeyErrors.SignatureDestinationWrongLength(nameof(signature), SignatureSize, signature.Length);
        }

        SignatureAlgorithm.Ed25519.Sign(_key, data, signature);
    }

    /// <summary>Signs <paramref name="data"/> and returns the 64-byte signature.</summary>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public byte[] Sign(ReadOnlySpan<byte> data)
    {
        var signature = new byte[SignatureSize];
        Sign(data, signature);
        return signature;
    }

    /// <summary>The secret Multikey <c>z</c> + base58btc(0x80 0x26 ‖ seed): the key file's <c>secretKeyMultibase</c>.</summary>
    /// <exception cref="InvalidOperationException">The key was created without allowSecretExport.</exception>
    public string ExportSecretKeyMultibase()
    {
        Span<byte> seed = stackalloc byte[SeedSize];
        try
        {
            ExportSeed(seed);
            return Multikey.EncodeEd25519SecretKey(seed);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>Writes the 32-byte seed into <paramref name="destination"/>; the caller must zero it after use.</summary>
    /// <exception cref="InvalidOperationException">The key was created without allowSecretExport.</exception>
    public void ExportSeed(Span<byte> destination)
    {
        ThrowIfDisposed();
        if (!AllowsSecretExport)
        {
            throw KeyErrors.SecretExportNotAllowed();
        }

        if (destination.Length != SeedSize)
        {
            throw KeyErrors.SeedDestinationWrongLength(nameof(destination), SeedSize, destination.Length);
        }

        if (!_key.TryExport(KeyBlobFormat.RawPrivateKey, destination, out var written) || written != SeedSize)
        {
            throw KeyErrors.SeedExportRefused();
        }
    }

    /// <summary>Shows the public key only; the secret never appears in text.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Ed25519Key({PublicKey.ToMultibase()}{(IsDisposed ? ", disposed" : string.Empty)})");

    /// <summary>Releases the secret memory. Later signing or export throws <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _key.Dispose();
        }
    }

    internal bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    private void ThrowIfDisposed()
    {
        if (IsDisposed)
        {
            throw KeyErrors.Disposed(this);
        }
    }

    private static KeyCreationParameters Parameters(bool allowSecretExport) => new()
    {
        ExportPolicy = allowSecretExport ? KeyExportPolicies.AllowPlaintextExport : KeyExportPolicies.None,
    };
}
