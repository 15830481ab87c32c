using System.Security.Cryptography;
using OpenBadges.Rdf;

namespace OpenBadges.Canonicalization;

/// <summary>
/// RDF Dataset Canonicalization, RDFC-1.0 (W3C Recommendation, 21 May 2024, https://www.w3.org/TR/rdf-canon/).
/// Gives every blank node a canonical label (<c>c14nN</c>) that depends only on the dataset's shape, and
/// returns the dataset in canonical N-Quads: the input to every eddsa-rdfc-2022 signature.
/// </summary>
/// <remarks>
/// <para>Comments carry the specification's section and step numbers (§4.4.3 step 5.2 and so on).</para>
/// <para>Thread-safe: all state lives in one <see cref="CanonicalizationState"/> per call.</para>
/// <para>Hash N-Degree Quads is exponential on contrived inputs; its calls are bounded like rdf-canonize
/// bounds them (see <see cref="Rdfc10Options.MaxWorkFactor"/>), and a cancellation token is honoured inside it.</para>
/// </remarks>
public static partial class Rdfc10
{
    /// <summary>Canonicalizes <paramref name="quads"/> (duplicates are removed: a dataset is a set).</summary>
    /// <param name="quads">The input dataset; blank node labels are those of the input blank node identifier map.</param>
    /// <param name="options">Hash algorithm and limits; <see langword="null"/> for <see cref="Rdfc10Options.Default"/>.</param>
    /// <param name="cancellationToken">Checked between blank nodes and inside Hash N-Degree Quads.</param>
    /// <exception cref="CanonicalizationLimitException">The input has more quads than allowed, or needs more Hash N-Degree Quads work than allowed.</exception>
    /// <exception cref="ArgumentException">The options are invalid, or a quad is not RDF (e.g. a literal subject) or cannot be written as N-Quads.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Rdfc10Result Canonicalize(IReadOnlyList<RdfQuad> quads, Rdfc10Options? options = null, CancellationToken cancellationToken = default)
    {
        options = CheckInput(quads, options, cancellationToken);
        using var state = new CanonicalizationState(options, cancellationToken);
        return state.BuildResult(state.Label(quads));
    }

    // The checks both entry points make before any work: arguments, options, the input-size limit, cancellation.
    private static Rdfc10Options CheckInput(IReadOnlyList<RdfQuad> quads, Rdfc10Options? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quads);
        options ??= Rdfc10Options.Default;
        ValidateOptions(options);
        if (quads.Count > options.MaxQuads)
        {
            throw CanonicalizationErrors.TooManyQuads(options.MaxQuads, quads.Count);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return options;
    }

    /// <summary>
    /// The SHA-256 of the canonical N-Quads (UTF-8) of <paramref name="quads"/>, written to <paramref name="destination"/>:
    /// what <see cref="Canonicalize"/> returns, hashed, without building the result's string, quad list and map.
    /// The signing and verifying hot path needs only this hash.
    /// </summary>
    internal static void CanonicalSha256(IReadOnlyList<RdfQuad> quads, Rdfc10Options? options, CancellationToken cancellationToken, Span<byte> destination)
    {
        options = CheckInput(quads, options, cancellationToken);
        using var state = new CanonicalizationState(options, cancellationToken);
        state.HashCanonicalNQuads(state.Label(quads), destination);
    }

    /// <summary>
    /// Every blank node's first degree hash (§4.6) as the byte path computes it, by input label, as lower-case hex:
    /// for the differential test that holds the byte path to the spec's text (serialize, sort, hash).
    /// </summary>
    internal static Dictionary<string, string> FirstDegreeHashes(IReadOnlyList<RdfQuad> quads, Rdfc10Options? options = null)
    {
        options = CheckInput(quads, options, CancellationToken.None);
        using var state = new CanonicalizationState(options, CancellationToken.None);
        state.Label(quads);
        return state.FirstDegreeHashesByLabel();
    }

    private static void ValidateOptions(Rdfc10Options options)
    {
        if (options.HashAlgorithm != HashAlgorithmName.SHA256 && options.HashAlgorithm != HashAlgorithmName.SHA384)
        {
            throw CanonicalizationErrors.UnsupportedHashAlgorithm(options.HashAlgorithm.Name, nameof(options));
        }

        if (options.MaxWorkFactor < 0)
        {
            throw CanonicalizationErrors.NegativeMaxWorkFactor(options.MaxWorkFactor, nameof(options));
        }

        if (options.MaxDeepIterations is < 0)
        {
            throw CanonicalizationErrors.NegativeMaxDeepIterations(options.MaxDeepIterations, nameof(options));
        }

        if (options.MaxQuads < 0)
        {
            throw CanonicalizationErrors.NegativeMaxQuads(options.MaxQuads, nameof(options));
        }
    }
}
