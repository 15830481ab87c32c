namespace OpenBadges.Fuzz;

/// <summary>
/// One parser under fuzzing: its seeds, and one run over an input that returns normally or throws only the
/// exceptions the parser documents (<see cref="Expected"/>). Anything else, an overrun of the time or memory bound,
/// or a broken contract (<see cref="ContractException"/>) is a finding.
/// </summary>
internal sealed record Harness(string Name, string Parser, Func<IEnumerable<byte[]>> Seeds, Action<byte[]> Run, params Type[] Expected)
{
    /// <summary>True when <paramref name="e"/> is one of the documented outcomes.</summary>
    public bool IsExpected(Exception e) => e is not ContractException && Expected.Any(type => type.IsInstanceOfType(e));
}

/// <summary>A harness's own check failed: the parser returned, but broke its contract (e.g. a mutated credential verified).</summary>
internal sealed class ContractException(string message) : Exception(message);

/// <summary>A finding in libFuzzer mode: thrown out of the harness so that SharpFuzz reports the input as a crash.</summary>
internal sealed class FuzzFindingException(string message) : Exception(message);
