using Newtonsoft.Json.Linq;

namespace OpenBadges.Verification;

/// <summary>
/// Verifies a VerifiablePresentation: its structure, the holder's Data Integrity proof (purpose <c>authentication</c>,
/// the expected <c>challenge</c> and <c>domain</c>), that the proof's key is the holder's, then every credential in
/// <c>verifiableCredential</c> with a <see cref="CredentialVerifier"/> (reports in <see cref="VerificationReport.Credentials"/>).
/// Never throws for any input; thread-safe and reusable.
/// </summary>
public sealed partial class PresentationVerifier
{
    private readonly CredentialVerifier _credentials;

    /// <summary>A verifier with <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">The options are unusable.</exception>
    public PresentationVerifier(PresentationVerifierOptions? options = null)
    {
        Options = options ?? PresentationVerifierOptions.Default;
        ArgumentNullException.ThrowIfNull(Options.Credentials, "options.Credentials");
        ArgumentOutOfRangeException.ThrowIfNegative(Options.MaxCredentials, "options.MaxCredentials");
        _credentials = new CredentialVerifier(Options.Credentials);
    }

    /// <summary>The options this verifier runs with.</summary>
    public PresentationVerifierOptions Options { get; }

    /// <summary>Verifies a presentation given as UTF-8 JSON bytes.</summary>
    public Task<VerificationReport> VerifyAsync(ReadOnlyMemory<byte> input, CancellationToken cancellationToken = default) =>
        VerificationPipeline.VerifyPresentationAsync(_credentials.Settings, Options, run => InputReader.ReadBytes(input.Span, run), cancellationToken);

    /// <summary>Verifies a presentation given as JSON text.</summary>
    public Task<VerificationReport> VerifyAsync(string input, CancellationToken cancellationToken = default) =>
        VerificationPipeline.VerifyPresentationAsync(_credentials.Settings, Options, run => InputReader.ReadText(input, run, imageFormat: null), cancellationToken);

    /// <summary>
    /// True when <paramref name="input"/> (JSON, or a compact JWS whose payload or <c>vp</c> claim is one) has the type
    /// VerifiablePresentation: a tool can route presentations here and credentials to <see cref="CredentialVerifier"/>.
    /// Never throws; false for anything unreadable.
    /// </summary>
    public static bool IsPresentation(string input, OpenBadges.Json.JsonLimits? limits = null) =>
        input is not null && PresentationFormStep.IsPresentation(input, limits ?? OpenBadges.Json.JsonLimits.Default);

    /// <summary>Verifies a parsed presentation (not modified).</summary>
    /// <exception cref="ArgumentException">The tree holds a value that is not JSON (a date parsed by <c>JObject.Parse</c>); the message names the path and the fix.</exception>
    public Task<VerificationReport> VerifyAsync(JObject presentation, CancellationToken cancellationToken = default)
    {
        OpenBadges.Json.JsonInput.RequirePlainJsonArgument(presentation, nameof(presentation));
        return VerificationPipeline.VerifyPresentationAsync(_credentials.Settings, Options, run => InputReader.ReadObject(presentation, run), cancellationToken);
    }
}
