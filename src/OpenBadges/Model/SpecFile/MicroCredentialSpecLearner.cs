namespace OpenBadges.Model;

/// <summary>M1 in a <see cref="MicroCredentialSpec"/>: the learner, by id and/or identifiers.</summary>
public sealed record MicroCredentialSpecLearner
{
    /// <summary><c>id</c>: the learner's DID or URL.</summary>
    public string? Id { get; init; }

    /// <summary><c>email</c>: hashed unless <see cref="Hash"/> is false.</summary>
    public string? Email { get; init; }

    /// <summary><c>studentNumber</c>: hashed unless <see cref="Hash"/> is false.</summary>
    public string? StudentNumber { get; init; }

    /// <summary><c>hash</c>: whether to hash identifiers (default true).</summary>
    public bool Hash { get; init; } = true;

    /// <summary><c>salt</c>: fixed salt (default: a random salt per identifier). For reproducible output only.</summary>
    public string? Salt { get; init; }
}
