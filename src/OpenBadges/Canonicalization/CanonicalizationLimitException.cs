namespace OpenBadges.Canonicalization;

/// <summary>
/// Canonicalization stopped because the input exceeded a configured limit: too many quads, or more
/// Hash N-Degree Quads work than the limit allows (the mark of a "poison" graph built to exhaust CPU).
/// The message names the limit, its value and the option that raises it.
/// </summary>
public sealed class CanonicalizationLimitException : Exception
{
    /// <summary>Makes the exception.</summary>
    /// <param name="limitName">The option that sets the limit, e.g. <c>Rdfc10Options.MaxDeepIterations</c>.</param>
    /// <param name="limit">The value of the limit that was exceeded.</param>
    /// <param name="message">The full explanation.</param>
    public CanonicalizationLimitException(string limitName, long limit, string message)
        : base(message)
    {
        LimitName = limitName;
        Limit = limit;
    }

    /// <summary>The option that sets the exceeded limit.</summary>
    public string LimitName { get; }

    /// <summary>The value of the exceeded limit.</summary>
    public long Limit { get; }
}
