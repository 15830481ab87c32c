using System.Security.Cryptography;

namespace OpenBadges.Canonicalization;

/// <summary>
/// Options and limits for <see cref="Rdfc10.Canonicalize"/>. The defaults are those of the reference
/// implementation (rdf-canonize): SHA-256 and a work factor of 1, which canonicalizes every realistic
/// credential and stops "poison" graphs quickly.
/// </summary>
public sealed record Rdfc10Options
{
    /// <summary>The defaults.</summary>
    public static Rdfc10Options Default { get; } = new();

    /// <summary>
    /// The hash algorithm of RDFC-1.0: <see cref="HashAlgorithmName.SHA256"/> (the default, and what
    /// eddsa-rdfc-2022 uses) or <see cref="HashAlgorithmName.SHA384"/>. Others are refused.
    /// </summary>
    public HashAlgorithmName HashAlgorithm { get; init; } = HashAlgorithmName.SHA256;

    /// <summary>
    /// Bounds the calls of Hash N-Degree Quads (the only part of RDFC-1.0 that can explode) as rdf-canonize
    /// does: the limit is <c>n ^ MaxWorkFactor</c>, where <c>n</c> is the number of blank nodes whose first
    /// degree hash is shared with another blank node, counting every call, recursive ones included.
    /// 0 allows no N-degree hashing; 1 (the default, as in rdf-canonize) is roughly O(n): it accepts what the
    /// JavaScript reference stack accepts with its defaults, which covers credentials; symmetric shapes such as
    /// rings of blank nodes need 2, and the rdf-canon suite's "poison" graphs 3. Raise it only for inputs you
    /// trust. Ignored when <see cref="MaxDeepIterations"/> is set.
    /// </summary>
    public int MaxWorkFactor { get; init; } = 1;

    /// <summary>
    /// An explicit limit on the number of Hash N-Degree Quads calls (recursive ones included).
    /// Overrides <see cref="MaxWorkFactor"/>.
    /// </summary>
    public long? MaxDeepIterations { get; init; }

    /// <summary>The largest number of input quads accepted (default 100,000; a credential has a few hundred).</summary>
    public int MaxQuads { get; init; } = 100_000;
}
