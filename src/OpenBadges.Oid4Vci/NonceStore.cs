using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace OpenBadges.Oid4Vci;

/// <summary>
/// The <c>c_nonce</c> values this issuer handed out (§7): random, expiring, and consumed atomically on first use, so a
/// key proof can never be replayed. In memory; a farm of issuers needs a shared store behind the same two calls.
/// </summary>
public sealed class NonceStore
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _nonces = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;

    private readonly int _maxOutstanding;

    /// <summary>
    /// A store whose nonces live for <paramref name="lifetime"/> by <paramref name="time"/>, holding at most
    /// <paramref name="maxOutstanding"/> unexpired ones (the nonce endpoint is unauthenticated: memory stays bounded).
    /// </summary>
    public NonceStore(TimeProvider time, TimeSpan lifetime, int maxOutstanding = 100_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxOutstanding, 1);
        _time = time;
        _lifetime = lifetime;
        _maxOutstanding = maxOutstanding;
    }

    /// <summary>A fresh nonce (128 random bits, base64url), or null when <c>maxOutstanding</c> unexpired nonces are out.</summary>
    public string? TryIssue()
    {
        if (_nonces.Count >= _maxOutstanding)
        {
            // Sweeping is O(n): only when the store is full, not on every request.
            Sweep();
            if (_nonces.Count >= _maxOutstanding)
            {
                return null;
            }
        }

        var nonce = Base64UrlRandom(16);
        _nonces[nonce] = _time.GetUtcNow() + _lifetime;
        return nonce;
    }

    /// <summary>Consumes <paramref name="nonce"/>: true once, for a nonce issued here and not expired.</summary>
    public bool TryConsume(string nonce) =>
        _nonces.TryRemove(nonce, out var expires) && _time.GetUtcNow() < expires;

    /// <summary>Seconds a nonce stays valid, for <c>c_nonce_expires_in</c>-style hints.</summary>
    public int LifetimeSeconds => (int)_lifetime.TotalSeconds;

    internal static string Base64UrlRandom(int bytes) =>
        System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));

    private void Sweep()
    {
        // Bounded memory: expired nonces go whenever new ones are made.
        var now = _time.GetUtcNow();
        foreach (var (nonce, expires) in _nonces)
        {
            if (expires <= now)
            {
                _nonces.TryRemove(nonce, out _);
            }
        }
    }
}
