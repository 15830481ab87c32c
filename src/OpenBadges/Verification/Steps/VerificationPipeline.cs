using Newtonsoft.Json.Linq;

namespace OpenBadges.Verification;

/// <summary>
/// Runs the steps of OB 3.0 §9 in the order the 1EdTech validator runs them, on one <see cref="VerificationRun"/> per
/// document; nested documents (endorsements, a CLR's or a presentation's credentials, a refreshed credential) get a
/// run of their own. Never throws: cancellation and unexpected errors end the run with a CouldNotCheck check.
/// </summary>
internal static class VerificationPipeline
{
    /// <summary>
    /// parse → jsonld → context → type → schema → credentialSchema → credentialSubject (or clr.subject) → issuer →
    /// trustedIssuer → jwt.* / proof.* → proof → refresh → status → validity → recipient → endorsements → clr.credentials.
    /// </summary>
    private static readonly IVerificationStep[] CredentialSteps =
    [
        new CredentialFormStep(),
        new JsonLdStep(),
        new ContextStep(),
        new TypeStep(),
        new SchemaStep(),
        new CredentialSchemaStep(),
        new CredentialSubjectStep(),
        new ClrSubjectStep(),
        new IssuerStep(),
        new TrustedIssuerStep(),
        new ProofStep(),
        new RefreshStep(),
        new StatusStep(),
        new ValidityStep(),
        new RecipientStep(),
        new EndorsementsStep(),
        new ClrCredentialsStep(),
    ];

    /// <summary>
    /// The SD-JWT form: parse → sdjwt.* (standing in for the proof; validity is its sdjwt.time checks) → for vc+sd-jwt
    /// the disclosed claims: jsonld → context → type → schema → credentialSchema → credentialSubject (or clr.subject) →
    /// issuer → trustedIssuer → status → recipient → endorsements → clr.credentials.
    /// </summary>
    private static readonly IVerificationStep[] SdJwtSteps =
    [
        new SdJwtFormStep(),
        new JsonLdStep(),
        new ContextStep(),
        new TypeStep(),
        new SchemaStep(),
        new CredentialSchemaStep(),
        new CredentialSubjectStep(),
        new ClrSubjectStep(),
        new IssuerStep(),
        new TrustedIssuerStep(),
        new StatusStep(),
        new RecipientStep(),
        new EndorsementsStep(),
        new ClrCredentialsStep(),
    ];

    /// <summary>parse → jsonld → presentation.structure → proof (the holder's) → presentation.holder → presentation.credentials.</summary>
    private static readonly IVerificationStep[] PresentationSteps =
    [
        new PresentationFormStep(),
        new JsonLdStep(),
        new PresentationStructureStep(),
        new HolderProofStep(),
        new HolderStep(),
        new PresentedCredentialsStep(),
    ];

    /// <summary>Verifies one credential, read by <paramref name="read"/> (which records the parse check).</summary>
    public static Task<VerificationReport> VerifyCredentialAsync(VerifierSettings settings, Func<VerificationRun, ParsedInput?> read, VerificationReportKind kind, string? location, int depth, CancellationToken cancellationToken) =>
        RunAsync(new VerificationRun(settings, kind, location, depth), read, CredentialSteps, cancellationToken);

    /// <summary>Verifies one credential found inside another document (a presentation, an endorsement, a CLR, a refresh).</summary>
    public static Task<VerificationReport> VerifyEmbeddedAsync(VerifierSettings settings, JToken item, VerificationReportKind kind, string location, int depth, CancellationToken cancellationToken) =>
        VerifyCredentialAsync(
            settings,
            run => item is JValue { Type: JTokenType.String } text ? InputReader.ReadText((string)text!, run, imageFormat: null) : InputReader.ReadObject(item as JObject, run),
            kind,
            location,
            depth,
            cancellationToken);

    /// <summary>Verifies one presentation, read by <paramref name="read"/>.</summary>
    public static Task<VerificationReport> VerifyPresentationAsync(VerifierSettings settings, PresentationVerifierOptions options, Func<VerificationRun, ParsedInput?> read, CancellationToken cancellationToken) =>
        RunAsync(new VerificationRun(settings, VerificationReportKind.Presentation, location: null, depth: 0) { Presentation = options }, read, PresentationSteps, cancellationToken);

    private static async Task<VerificationReport> RunAsync(VerificationRun run, Func<VerificationRun, ParsedInput?> read, IVerificationStep[] steps, CancellationToken cancellationToken)
    {
        try
        {
            run.Input = read(run);
            if (run.Input is not null)
            {
                if (steps == CredentialSteps && SdJwtFormStep.IsSdJwt(run.Input))
                {
                    steps = SdJwtSteps;
                }

                foreach (var step in steps)
                {
                    if (!await step.RunAsync(run, cancellationToken).ConfigureAwait(false))
                    {
                        break;
                    }
                }
            }
        }
        catch (Exception e)
        {
            run.Stopped(e, cancellationToken);
        }

        return run.Report();
    }
}
