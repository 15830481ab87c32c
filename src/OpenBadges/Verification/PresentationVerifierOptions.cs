namespace OpenBadges.Verification;

/// <summary>What a <see cref="PresentationVerifier"/> expects of a VerifiablePresentation and how it verifies the credentials inside.</summary>
public sealed record PresentationVerifierOptions
{
    /// <summary>The defaults: no challenge or domain expected, credentials verified with <see cref="CredentialVerifierOptions.Default"/>.</summary>
    public static PresentationVerifierOptions Default { get; } = new();

    /// <summary>How the presentation's proof key is resolved and the credentials inside are verified.</summary>
    public CredentialVerifierOptions Credentials { get; init; } = CredentialVerifierOptions.Default;

    /// <summary>
    /// The nonce this verifier gave the holder. When set, every holder proof must carry exactly this <c>challenge</c>
    /// (a missing one fails): it is what stops a recorded presentation from being replayed.
    /// </summary>
    public string? ExpectedChallenge { get; init; }

    /// <summary>When set, every holder proof must carry exactly this <c>domain</c> (this verifier's name), so a presentation made for another verifier fails.</summary>
    public string? ExpectedDomain { get; init; }

    /// <summary>Most credentials verified per presentation (default 32); more are reported as not checked.</summary>
    public int MaxCredentials { get; init; } = 32;
}
