using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.JsonLd;
using static OpenBadges.Verification.CredentialJson;

namespace OpenBadges.Verification;

/// <summary>A presentation's structure (VC Data Model 2.0 §4.13): the VC context first, and the type VerifiablePresentation.</summary>
internal sealed class PresentationStructureStep : IVerificationStep
{
    public ValueTask<bool> RunAsync(VerificationRun run, CancellationToken cancellationToken)
    {
        Check(run.Credential!, run);
        return ValueTask.FromResult(true);
    }

    private static void Check(JObject vp, VerificationRun run)
    {
        const string rule = "@context starts with the VC context; type includes VerifiablePresentation";
        var first = FirstContext(vp);
        if (first is not (EmbeddedContexts.CredentialsV2 or EmbeddedContexts.CredentialsV1))
        {
            run.Fail(CheckNames.PresentationStructure, $"The first @context is '{first}', not the VC context.", "$.@context", rule);
        }
        else if (!Strings(vp["type"]).Contains("VerifiablePresentation"))
        {
            run.Fail(CheckNames.PresentationStructure, "type does not include VerifiablePresentation.", "$.type", rule);
        }
        else
        {
            run.Pass(CheckNames.PresentationStructure, "A VerifiablePresentation.", "$", rule);
        }
    }
}
