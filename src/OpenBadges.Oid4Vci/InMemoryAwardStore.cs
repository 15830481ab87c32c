using System.Collections.Concurrent;

namespace OpenBadges.Oid4Vci;

/// <summary>An <see cref="IAwardStore"/> in memory: for samples and tests. Thread-safe.</summary>
public sealed class InMemoryAwardStore : IAwardStore
{
    private readonly ConcurrentDictionary<string, Award> _awards = new(StringComparer.Ordinal);

    /// <summary>Adds or replaces <paramref name="award"/> (replace with <c>IsReady = true</c> to release a deferred one).</summary>
    public void Put(Award award)
    {
        ArgumentNullException.ThrowIfNull(award);
        _awards[award.Id] = award;
    }

    /// <inheritdoc />
    public ValueTask<Award?> FindAsync(string id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_awards.TryGetValue(id, out var award) ? award : null);
}
