using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using OpenBadges.Issuer.Hosting;
using OpenBadges.Issuer.Issuing;
using OpenBadges.Issuer.Storage;
using OpenBadges.Status;

namespace OpenBadges.Issuer.Status;

/// <summary>
/// Publishes the signed status list credentials. The signed copy is kept in the database with the list version it
/// was made from; a list is re-signed only when its version moved on (a status changed), once per instance at a time.
/// </summary>
public sealed partial class StatusListPublisher(IIssuerStore store, IssuerKey key, IssuerProfile profile, TimeProvider time, ILogger<StatusListPublisher> logger)
{
    private readonly ConcurrentDictionary<long, SemaphoreSlim> _signing = new();
    private int _signatures;

    /// <summary>How many list credentials this instance has signed (for tests and metrics).</summary>
    public int Signatures => Volatile.Read(ref _signatures);

    /// <summary>The URL a list is published at (what <c>statusListCredential</c> says).</summary>
    public string UrlOf(long listId) => $"{profile.PublicBaseUrl.TrimEnd('/')}/status/{listId}";

    /// <summary>The current signed list credential, or null for an unknown list.</summary>
    public async Task<SignedStatusList?> GetAsync(long listId, CancellationToken cancellationToken)
    {
        var signed = await store.GetSignedStatusListAsync(listId, cancellationToken).ConfigureAwait(false);
        var state = await store.GetStatusListAsync(listId, cancellationToken).ConfigureAwait(false);
        if (state is null)
        {
            return null;
        }

        if (signed is not null && signed.Version >= state.Version)
        {
            return signed;
        }

        var gate = _signing.GetOrAdd(listId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another request of this instance (or another instance) may have signed it meanwhile.
            signed = await store.GetSignedStatusListAsync(listId, cancellationToken).ConfigureAwait(false);
            if (signed is not null && signed.Version >= state.Version)
            {
                return signed;
            }

            var bits = BitstringStatusList.Create(state.Length);
            foreach (var index in state.SetIndexes)
            {
                bits.Set(index, true);
            }

            var now = time.GetUtcNow();
            var manager = new StatusListManager(UrlOf(listId), key.IssuerId, state.Purpose, bits);
            var credential = await manager.SignAsync(key.Signer, now, cancellationToken: cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _signatures);
            var json = credential.ToString(Formatting.None);
            var etag = "\"" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(json)), 0, 18).Replace('+', '-').Replace('/', '_') + "\"";
            var fresh = new SignedStatusList(listId, state.Version, json, etag, now);
            await store.SaveSignedStatusListAsync(fresh, cancellationToken).ConfigureAwait(false);
            LogSigned(listId, state.Version, state.SetIndexes.Count);
            return fresh;
        }
        finally
        {
            gate.Release();
        }
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Signed status list {ListId} version {Version} ({SetCount} bits set)")]
    private partial void LogSigned(long listId, long version, int setCount);
}
