using Newtonsoft.Json.Linq;
using OpenBadges.Json;
using OpenBadges.JsonLd;
using OpenBadges.Proofs;
using OpenBadges.Proofs.Jose;
using OpenBadges.Schemas;
using OpenBadges.Checks;

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
    private readonly JsonLdOptions _jsonLd;
    private readonly ProofVerificationOptions _proofOptions;
    private readonly VcJwtVerificationOptions _jwtOptions;

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

        // i18n-datatype: what the canonicalizer (and so every signature) uses for @direction.
        _jsonLd = new JsonLdOptions { DocumentLoader = _options.DocumentLoader, RdfDirection = "i18n-datatype", MaxDepth = _options.JsonLimits.MaxDepth };
        _proofOptions = new ProofVerificationOptions
        {
            KeyResolver = _options.KeyResolver,
            Clock = _options.TimeProvider,
            ClockSkew = _options.ClockSkew,
            JsonLd = new JsonLdOptions { DocumentLoader = _options.DocumentLoader, MaxDepth = _options.JsonLimits.MaxDepth },
        };
        _jwtOptions = new VcJwtVerificationOptions
        {
            KeyResolver = _options.KeyResolver,
            JwkFetcher = _options.Fetcher,
            TimeProvider = _options.TimeProvider,
            ClockSkew = _options.ClockSkew,
            MaxTokenLength = _options.JsonLimits.MaxInputLength,
            MaxJsonDepth = _options.JsonLimits.MaxDepth,
        };
    }

    /// <summary>The options this verifier runs with.</summary>
    public CredentialVerifierOptions Options => _options;

    /// <summary>Verifies a credential given as bytes: UTF-8 JSON, a compact JWS (VC-JWT), an SD-JWT (~-separated, with or without KB-JWT), or a PNG/SVG badge image.</summary>
    public Task<VerificationReport> VerifyAsync(ReadOnlyMemory<byte> input, CancellationToken cancellationToken = default) =>
        RunTopLevelAsync(run => ParseBytes(input.Span, run), cancellationToken);

    /// <summary>Verifies a credential given as text: JSON, a compact JWS (VC-JWT), an SD-JWT (~-separated), or an SVG badge.</summary>
    public Task<VerificationReport> VerifyAsync(string input, CancellationToken cancellationToken = default) =>
        RunTopLevelAsync(run => ParseText(input, run, imageFormat: null), cancellationToken);

    /// <summary>Verifies a credential already parsed (use <see cref="JsonInput"/>). The input is not modified.</summary>
    /// <exception cref="ArgumentException">
    /// The tree holds a value that is not JSON, as <c>JObject.Parse</c> makes of date strings: their signed text cannot be
    /// recovered, so this is refused as misuse (the message names the path and the fix) rather than reported as undecided.
    /// </exception>
    public Task<VerificationReport> VerifyAsync(JObject credential, CancellationToken cancellationToken = default)
    {
        JsonInput.RequirePlainJsonArgument(credential, nameof(credential));
        return RunTopLevelAsync(run => ParseObject(credential, run), cancellationToken);
    }

    /// <summary>Verifies one credential found inside another document (a presentation, an endorsement); never throws.</summary>
    internal async Task<VerificationReport> VerifyEmbeddedAsync(JToken item, VerificationReportKind kind, string location, int depth, CancellationToken cancellationToken)
    {
        var run = new Run(kind, location, depth, _options.Strict);
        try
        {
            var parsed = item is JValue { Type: JTokenType.String } text
                ? ParseText((string)text!, run, imageFormat: null)
                : ParseObject(item as JObject, run);
            if (parsed is not null)
            {
                await VerifyParsedAsync(parsed, run, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            run.Stopped(e, cancellationToken);
        }

        return run.Report();
    }

    private async Task<VerificationReport> RunTopLevelAsync(Func<Run, Parsed?> parse, CancellationToken cancellationToken)
    {
        var run = new Run(VerificationReportKind.Credential, location: null, depth: 0, _options.Strict);
        try
        {
            var parsed = parse(run);
            if (parsed is not null)
            {
                await VerifyParsedAsync(parsed, run, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            run.Stopped(e, cancellationToken);
        }

        return run.Report();
    }

    private async Task VerifyParsedAsync(Parsed parsed, Run run, CancellationToken cancellationToken)
    {
        if (IsSdJwt(parsed))
        {
            await VerifySdJwtAsync(parsed.Token!, run, cancellationToken).ConfigureAwait(false);
            return;
        }

        VcJwtVerificationResult? jwt = null;
        var credential = parsed.Credential;
        if (parsed.Token is not null)
        {
            jwt = await VcJwtVerifier.VerifyAsync(parsed.Token, _jwtOptions, cancellationToken).ConfigureAwait(false);
            if (jwt.Credential is null)
            {
                // The token could not be taken apart: its checks say why; there is no credential to go on with.
                run.Fail(CheckNames.Parse, "The compact JWS does not carry a readable credential (see the jwt checks).", null, ParseRule);
                run.Checks.AddRange(jwt.Checks);
                return;
            }

            credential = jwt.Credential;
            run.Pass(CheckNames.Parse, $"A VC-JWT ({parsed.Token.Length} characters){(parsed.Format == "jwt" ? string.Empty : " baked into a " + parsed.Format.ToUpperInvariant() + " image")}.", null, ParseRule);
        }

        run.Credential = credential!;
        run.IsVc1 = FirstContext(credential!) == EmbeddedContexts.CredentialsV1;
        cancellationToken.ThrowIfCancellationRequested();
        var kind = KindOf(credential!, run);
        run.CredentialKind = kind;
        CheckJsonLd(credential!, run, cancellationToken);
        CheckContext(credential!, run, kind);
        CheckType(credential!, run, kind);
        switch (kind)
        {
            case CredentialKind.Clr:
                CheckClrSchema(run);
                await CheckCredentialSchemasAsync(credential!, run, cancellationToken).ConfigureAwait(false);
                CheckClrSubject(credential!, run);
                break;
            case CredentialKind.Other:
                run.NotApplicable(CheckNames.OpenBadge, "Not an Open Badge: OB checks not applied (the OB 3.0 schema, credentialSubject and issuer Profile rules); the Verifiable Credential checks were.", "$.type",
                    "an OpenBadgeCredential, AchievementCredential, EndorsementCredential or ClrCredential gets the Open Badges checks");
                await CheckCredentialSchemasAsync(credential!, run, cancellationToken).ConfigureAwait(false);
                break;
            default:
                CheckSchema(credential!, run, kind);
                await CheckCredentialSchemasAsync(credential!, run, cancellationToken).ConfigureAwait(false);
                CheckCredentialSubject(credential!, run, kind);
                break;
        }

        CheckIssuer(credential!, run);
        CheckTrustedIssuer(credential!, run);
        var proofPassed = await CheckProofAsync(credential!, jwt, run, cancellationToken).ConfigureAwait(false);
        await CheckRefreshAsync(credential!, run, proofPassed, cancellationToken).ConfigureAwait(false);
        await CheckStatusAsync(credential!, run, proofPassed, cancellationToken).ConfigureAwait(false);
        CheckValidity(credential!, run);
        CheckRecipient(credential!, run);
        await CheckEndorsementsAsync(credential!, run, cancellationToken).ConfigureAwait(false);
        if (kind == CredentialKind.Clr)
        {
            await CheckClrCredentialsAsync(credential!, run, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The credential as read, and how.</summary>
    /// <param name="Credential">The JSON credential, or null for a VC-JWT (decoded when verified).</param>
    /// <param name="Format">json, jwt, sd-jwt, png, svg or object.</param>
    /// <param name="Token">The compact JWS, for a VC-JWT; the ~-separated form, for an SD-JWT.</param>
    private sealed record Parsed(JObject? Credential, string Format, string? Token = null);

    /// <summary>The mutable state of one verification (one document); the report is built from it at the end.</summary>
    private sealed class Run(VerificationReportKind kind, string? location, int depth, bool strict)
    {
        public VerificationReportKind Kind { get; } = kind;

        public string? Location { get; } = location;

        public int Depth { get; } = depth;

        public string? Format { get; set; }

        public JObject? Credential { get; set; }

        public bool IsVc1 { get; set; }

        public CredentialKind CredentialKind { get; set; }

        public List<VerificationCheck> Checks { get; } = [];

        public List<VerificationReport> Endorsements { get; } = [];

        public VerificationReport? Refreshed { get; set; }

        public List<VerificationReport> Credentials { get; } = [];

        public Dictionary<string, Task<FetchResult>> Fetched { get; } = new(StringComparer.Ordinal);

        /// <summary>Embedded-schema results by schema id: step 5 and a credentialSchema naming the same schema validate once.</summary>
        public Dictionary<string, IReadOnlyList<SchemaValidationError>> EmbeddedSchemaResults { get; } = new(StringComparer.Ordinal);

        public void Pass(string name, string message, string? path, string rule) => Checks.Add(VerificationCheck.Pass(name, message, path, rule));

        public void Fail(string name, string message, string? path, string rule, string? code = null) => Checks.Add(VerificationCheck.Fail(name, message, path, rule, code));

        public void Undecided(string name, string message, string? path, string rule, string? code = null) => Checks.Add(VerificationCheck.Undecided(name, message, path, rule, code));

        public void Warn(string name, string message, string? path, string rule, string? code = null) => Checks.Add(VerificationCheck.Warn(name, message, path, rule, code));

        public void NotApplicable(string name, string message, string? path, string rule) => Checks.Add(VerificationCheck.NotApplicable(name, message, path, rule));

        public void Stopped(Exception e, CancellationToken cancellationToken)
        {
            const string rule = "verification completes for every input, within the caller's time (CancellationToken)";
            if (e is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                Undecided(CheckNames.Verification, "Verification was cancelled before it finished; the checks after the last one listed were not run.", null, rule);
            }
            else
            {
                // A bug or an input nobody foresaw: still a report, and never Valid.
                Undecided(CheckNames.Verification, $"Verification stopped on an unexpected {e.GetType().Name}: {e.Message}", null, rule);
            }
        }

        public VerificationReport Report() =>
            new(Kind, Location, Format, Credential is null ? null : (JObject)Credential.DeepClone(), Checks.ToList(), Endorsements.ToList(), Credentials.ToList(), Refreshed, strict);
    }
}
