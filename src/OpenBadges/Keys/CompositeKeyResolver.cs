namespace OpenBadges.Keys;

/// <summary>
/// Asks resolvers in order and returns the first answer that is not <see cref="KeyResolutionStatus.NotSupported"/>.
/// A resolver that throws (other than for cancellation) yields <see cref="KeyResolutionStatus.Failed"/>, so the
/// composite keeps the never-throw contract even around third-party implementations.
/// </summary>
public sealed class CompositeKeyResolver : IKeyResolver
{
    private readonly IKeyResolver[] _resolvers;

    /// <summary>Creates a composite over <paramref name="resolvers"/>, asked in this order.</summary>
    public CompositeKeyResolver(params IEnumerable<IKeyResolver> resolvers)
    {
        ArgumentNullException.ThrowIfNull(resolvers);
        _resolvers = resolvers.ToArray();
        for (var i = 0; i < _resolvers.Length; i++)
        {
            if (_resolvers[i] is null)
            {
                throw KeyErrors.ResolverNull(nameof(resolvers), i);
            }
        }
    }

    /// <summary>The resolvers, in the order they are asked.</summary>
    public IReadOnlyList<IKeyResolver> Resolvers => _resolvers;

    /// <inheritdoc />
    public async ValueTask<KeyResolution> ResolveVerificationMethodAsync(string verificationMethodId, CancellationToken cancellationToken = default)
    {
        var reasons = new List<string>();
        foreach (var resolver in _resolvers)
        {
            KeyResolution result;
            try
            {
                result = await resolver.ResolveVerificationMethodAsync(verificationMethodId, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e)
            {
                return KeyResolution.Failed(verificationMethodId ?? string.Empty, $"{resolver.GetType().Name} failed: {e.GetType().Name}: {e.Message}");
            }

            if (result.Status != KeyResolutionStatus.NotSupported)
            {
                return result;
            }

            reasons.Add($"{resolver.GetType().Name}: {result.Reason}");
        }

        return KeyResolution.NotSupported(
            verificationMethodId ?? string.Empty,
            reasons.Count == 0 ? "no resolvers are configured" : "no resolver handles this id (" + string.Join("; ", reasons) + ")");
    }
}
