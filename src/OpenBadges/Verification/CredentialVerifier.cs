using Newtonsoft.Json.Linq;
using OpenBadges.Json;

namespace OpenBadges.Verification;

/// <summary>
/// Verifies Open Badges 3.0 credentials (OB 3.0 §9 "Verification and Validation", in the order of the 1EdTech
/// validator): parse → JSON-LD safe mode → <c>@context</c> → <c>type</c> → JSON Schema → <c>credentialSchema</c> →
/// <c>credentialSubject</c> → <c>issuer</c> → proof → refresh → status → validity window → recipient → endorsements.
/// <para>
/// Never throws for any input: every finding is a named check (<see cref="CheckNames"/>) in a
/// <see cref="VerificationReport"/>; cancellation and unexpected errors become a CouldNotCheck <c>verification</c> check.
/// Thread-safe and reusable: it holds only its options.
/// </para>
/// </summary>
public sealed partial class CredentialVerifier
{
    private readonly CredentialVerifierOptions _options;
    private readonly VerifierSettings _settings;

    /// <summary>A verifier with <paramref name="options"/> (default: offline, see <see cref="CredentialVerifierOptions"/>).</summary>
    /// <exception cref="ArgumentException">The options are unusable (negative clock skew or limits).</exception>
    public CredentialVerifier(CredentialVerifierOptions? options = null)
    {
        _options = options ?? CredentialVerifierOptions.Default;
        ArgumentNullException.ThrowIfNull(_options.KeyResolver, "options.KeyResolver");
        ArgumentNullException.ThrowIfNull(_options.DocumentLoader, "options.DocumentLoader");
        ArgumentNullException.ThrowIfNull(_options.TimeProvider, "options.TimeProvider");
        ArgumentNullException.ThrowIfNull(_options.JsonLimits, "options.JsonLimits");
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.ClockSkew, TimeSpan.Zero, "options.ClockSkew");
        ArgumentOutOfRangeException.ThrowIfNegative(_options.MaxEndorsementDepth, "options.MaxEndorsementDepth");
        ArgumentOutOfRangeException.ThrowIfNegative(_options.MaxEndorsements, "options.MaxEndorsements");
        ArgumentOutOfRangeException.ThrowIfNegative(_options.MaxFetches, "options.MaxFetches");
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.JsonLimits.MaxInputLength, 1, "options.JsonLimits.MaxInputLength");
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.JsonLimits.MaxDepth, 1, "options.JsonLimits.MaxDepth");

        _settings = new VerifierSettings(_options);
    }

    /// <summary>The options this verifier runs with.</summary>
    public CredentialVerifierOptions Options => _options;

    /// <summary>The options and the option sets derived from them, for a <see cref="PresentationVerifier"/> built on this verifier.</summary>
    internal VerifierSettings Settings => _settings;

    /// <summary>Verifies a credential given as bytes: UTF-8 JSON, a compact JWS (VC-JWT), an SD-JWT (~-separated, with or without KB-JWT), or a PNG/SVG badge image.</summary>
    public Task<VerificationReport> VerifyAsync(ReadOnlyMemory<byte> input, CancellationToken cancellationToken = default) =>
        VerifyTopLevelAsync(run => InputReader.ReadBytes(input.Span, run), cancellationToken);

    /// <summary>Verifies a credential given as text: JSON, a compact JWS (VC-JWT), an SD-JWT (~-separated), or an SVG badge.</summary>
    public Task<VerificationReport> VerifyAsync(string input, CancellationToken cancellationToken = default) =>
        VerifyTopLevelAsync(run => InputReader.ReadText(input, run, imageFormat: null), cancellationToken);

    /// <summary>Verifies a credential already parsed (use <see cref="JsonInput"/>). The input is not modified.</summary>
    /// <exception cref="ArgumentException">
    /// The tree holds a value that is not JSON, as <c>JObject.Parse</c> makes of date strings: their signed text cannot be
    /// recovered, so this is refused as misuse (the message names the path and the fix) rather than reported as undecided.
    /// </exception>
    public Task<VerificationReport> VerifyAsync(JObject credential, CancellationToken cancellationToken = default)
    {
        JsonInput.RequirePlainJsonArgument(credential, nameof(credential));
        return VerifyTopLevelAsync(run => InputReader.ReadObject(credential, run), cancellationToken);
    }

    private Task<VerificationReport> VerifyTopLevelAsync(Func<VerificationRun, ParsedInput?> read, CancellationToken cancellationToken) =>
        VerificationPipeline.VerifyCredentialAsync(_settings, read, VerificationReportKind.Credential, location: null, depth: 0, cancellationToken);
}
