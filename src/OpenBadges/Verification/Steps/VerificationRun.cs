using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.JsonLd;
using OpenBadges.Proofs.Jose;
using OpenBadges.Schemas;

namespace OpenBadges.Verification;

/// <summary>
/// The state of one verification of one document (a credential, an endorsement, a presentation…): what the steps
/// found so far, in the order they run. Each step records its checks here and leaves what a later step needs; the
/// report is built from it at the end. One run belongs to one verification and is never shared between threads.
/// </summary>
internal sealed class VerificationRun(VerifierSettings settings, VerificationReportKind kind, string? location, int depth)
{
    /// <summary>The verifier's options and the option sets derived from them.</summary>
    public VerifierSettings Settings { get; } = settings;

    /// <summary>What is verified: a credential, an endorsement, a refreshed credential, a presentation.</summary>
    public VerificationReportKind Kind { get; } = kind;

    /// <summary>Where the document sits in the one that carried it (an endorsement's path); null at the top.</summary>
    public string? Location { get; } = location;

    /// <summary>How deep in endorsements / CLR credentials this document is (0 at the top); bounds the recursion.</summary>
    public int Depth { get; } = depth;

    /// <summary>The options of the presentation being verified; null for a credential.</summary>
    public PresentationVerifierOptions? Presentation { get; init; }

    /// <summary>How the input came (json, jwt, png, svg, object); set by <see cref="InputReader"/>.</summary>
    public string? Format { get; set; }

    /// <summary>The input as read (the JSON, or a compact JWS still to verify); set by <see cref="InputReader"/>.</summary>
    public ParsedInput? Input { get; set; }

    /// <summary>The document every later step checks: the credential (a VC-JWT's payload) or the presentation.</summary>
    public JObject? Credential { get; set; }

    /// <summary>The VC-JWT's verification, when the credential came as one; its checks join the proof's.</summary>
    public VcJwtVerificationResult? Jwt { get; set; }

    /// <summary>True when the document is a presentation that came as a VP-JWT.</summary>
    public bool IsPresentationJwt { get; set; }

    /// <summary>True for a VC 1.1 credential (issuanceDate/expirationDate, the VC 1.1 structure instead of the OB 3.0 schema).</summary>
    public bool IsVc1 { get; set; }

    /// <summary>Which checks apply (Open Badge, endorsement, CLR, other VC).</summary>
    public CredentialKind CredentialKind { get; set; }

    /// <summary>
    /// The document's RDF dataset, converted once by the JSON-LD step: its statements without the top-level proof are
    /// what the proof step hashes. Null when the JSON-LD step refused the document (the proof step then converts on its own).
    /// </summary>
    public SecuredDataset? Dataset { get; set; }

    /// <summary>True once the proof (or the holder's proof) verified: only then are refresh and status services trusted.</summary>
    public bool ProofPassed { get; set; }

    /// <summary>Every check so far, in order.</summary>
    public List<VerificationCheck> Checks { get; } = [];

    /// <summary>The reports on the endorsements found.</summary>
    public List<VerificationReport> Endorsements { get; } = [];

    /// <summary>The report on the refreshed credential, when a refresh service gave one.</summary>
    public VerificationReport? Refreshed { get; set; }

    /// <summary>The reports on the credentials inside (a CLR's, a presentation's).</summary>
    public List<VerificationReport> Credentials { get; } = [];

    /// <summary>Fetches by URL: each URL is fetched once per verification, and the count is bounded (<see cref="DocumentFetch"/>).</summary>
    public Dictionary<string, Task<DocumentFetch.Result>> Fetched { get; } = new(StringComparer.Ordinal);

    /// <summary>Embedded-schema results by schema id: step 5 and a credentialSchema naming the same schema validate once.</summary>
    public Dictionary<string, IReadOnlyList<SchemaValidationError>> EmbeddedSchemaResults { get; } = new(StringComparer.Ordinal);

    public void Pass(string name, string message, string? path, string rule) => Checks.Add(VerificationCheck.Pass(name, message, path, rule));

    public void Fail(string name, string message, string? path, string rule, string? code = null) => Checks.Add(VerificationCheck.Fail(name, message, path, rule, code));

    public void Undecided(string name, string message, string? path, string rule, string? code = null) => Checks.Add(VerificationCheck.Undecided(name, message, path, rule, code));

    public void Warn(string name, string message, string? path, string rule, string? code = null) => Checks.Add(VerificationCheck.Warn(name, message, path, rule, code));

    public void NotApplicable(string name, string message, string? path, string rule) => Checks.Add(VerificationCheck.NotApplicable(name, message, path, rule));

    /// <summary>Records why the run stopped early: cancelled, or an exception nobody foresaw (never Valid).</summary>
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
        new(Kind, Location, Format, Credential is null ? null : (JObject)Credential.DeepClone(), Checks.ToList(), Endorsements.ToList(), Credentials.ToList(), Refreshed, Settings.Options.Strict);
}

/// <summary>The input as read, and how.</summary>
/// <param name="Json">The JSON document, or null for a compact JWS (decoded when verified).</param>
/// <param name="Format">json, jwt, png, svg or object.</param>
/// <param name="Token">The compact JWS, for a VC-JWT or VP-JWT.</param>
internal sealed record ParsedInput(JObject? Json, string Format, string? Token = null);
