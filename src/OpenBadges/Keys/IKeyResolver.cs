namespace OpenBadges.Keys;

/// <summary>
/// Finds the public key behind a verification method id (a DID URL or an HTTPS URL with a fragment).
/// Implementations never throw for bad or hostile input; they return a <see cref="KeyResolution"/> saying why.
/// Only cancellation surfaces as <see cref="OperationCanceledException"/>.
/// </summary>
public interface IKeyResolver
{
    /// <summary>Resolves <paramref name="verificationMethodId"/>.</summary>
    ValueTask<KeyResolution> ResolveVerificationMethodAsync(string verificationMethodId, CancellationToken cancellationToken = default);
}
