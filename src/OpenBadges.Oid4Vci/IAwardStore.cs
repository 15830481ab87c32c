namespace OpenBadges.Oid4Vci;

/// <summary>Where awards come from: an institution's issuing service plugs in here. Implementations are thread-safe.</summary>
public interface IAwardStore
{
    /// <summary>The award with <paramref name="id"/>, or null.</summary>
    ValueTask<Award?> FindAsync(string id, CancellationToken cancellationToken);
}
