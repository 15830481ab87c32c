using Newtonsoft.Json.Linq;
using OpenBadges.Canonicalization;
using OpenBadges.Checks;
using OpenBadges.Json;
using OpenBadges.JsonLd;

namespace OpenBadges.Verification;

/// <summary>
/// Step 2, for credentials and presentations alike: JSON-LD 1.1 expansion and toRdf in safe mode over the allowed
/// contexts, and numbers the signature covers exactly. The dataset it converts stays in the run for the proof.
/// </summary>
internal sealed class JsonLdStep : IVerificationStep
{
    public ValueTask<bool> RunAsync(VerificationRun run, CancellationToken cancellationToken)
    {
        Check(run.Credential!, run, cancellationToken);
        return ValueTask.FromResult(true);
    }

    private static void Check(JObject credential, VerificationRun run, CancellationToken cancellationToken)
    {
        const string rule = "JSON-LD 1.1 expansion and toRdf in safe mode over the allowed contexts: no term undefined, nothing dropped, no context fetched; every number is one the signature covers exactly";
        if (FindInexactNumber(credential) is { } inexact)
        {
            run.Fail(CheckNames.JsonLd, inexact.Message, inexact.Path, rule, ProblemCodes.InexactNumber);
            return;
        }

        try
        {
            // Converted once: the statements without the proof are what the proof step hashes.
            var dataset = JsonLdProcessor.ToSecuredDataset(credential, run.Settings.JsonLd, cancellationToken);
            run.Dataset = dataset;
            run.Pass(CheckNames.JsonLd, $"Every term is defined; {new HashSet<Rdf.RdfQuad>(dataset.Quads).Count} statements.", null, rule);
        }
        catch (JsonLdSafeModeException e) when (e.Event.Path?.StartsWith("$.proof", StringComparison.Ordinal) == true && credential["proof"] is not null)
        {
            // Something in the proof is undefined (an extra member some issuers add): the proof checks judge the proof
            // (its configuration is what is signed); this check is about the credential's claims.
            CheckJsonLdWithoutProof(credential, run, rule, e, cancellationToken);
        }
        catch (JsonLdSafeModeException e)
        {
            run.Fail(CheckNames.JsonLd, e.Message, e.Event.Path, rule);
        }
        catch (JsonLdException e) when (e.Code is "loading document failed" or "loading remote context failed")
        {
            // A context that is not available offline: the document may be fine, but what its terms mean is unknown.
            run.Undecided(CheckNames.JsonLd, "A context could not be loaded: " + e.Message, "$.@context", rule);
        }
        catch (JsonLdException e)
        {
            run.Fail(CheckNames.JsonLd, $"Not valid JSON-LD ({e.Code}): {e.Message}", null, rule);
        }
        catch (CanonicalizationLimitException e)
        {
            run.Undecided(CheckNames.JsonLd, e.Message, null, rule, ProblemCodes.LimitReached);
        }
    }

    private static void CheckJsonLdWithoutProof(JObject credential, VerificationRun run, string rule, JsonLdSafeModeException inProof, CancellationToken cancellationToken)
    {
        try
        {
            // The credential without its proof, read in place: the very document the proof signs.
            var quads = JsonLdProcessor.ToDataset(new DocumentView(credential, "proof", null), run.Settings.JsonLd, cancellationToken);
            run.Dataset = new SecuredDataset(quads, quads);
            run.Pass(CheckNames.JsonLd, $"Every term of the credential is defined; {new HashSet<Rdf.RdfQuad>(quads).Count} statements. In the proof: {inProof.Message} (see the proof checks).", null, rule);
        }
        catch (JsonLdSafeModeException e)
        {
            run.Fail(CheckNames.JsonLd, e.Message, e.Event.Path, rule);
        }
        catch (JsonLdException e)
        {
            run.Fail(CheckNames.JsonLd, $"Not valid JSON-LD ({e.Code}): {e.Message}", null, rule);
        }
    }

    /// <summary>
    /// A number the signature would not pin down: JSON-LD toRdf writes integers of 10^21 or more (and every non-integer)
    /// as xsd:double, so a 100-digit integer and the same with another last digit canonicalize — and verify — alike;
    /// and an overflowing number (1e400) has no value at all. Integers beyond 64 bits are the ones that can reach it.
    /// </summary>
    private static (string Message, string Path)? FindInexactNumber(JObject credential) =>
        JsonInput.FirstInexactNumber(credential) switch
        {
            { Type: JTokenType.Integer, Value: System.Numerics.BigInteger big } value =>
                ($"The integer at {value.Path} has {big.ToString(System.Globalization.CultureInfo.InvariantCulture).TrimStart('-').Length} digits: JSON-LD signs it as a double, so other digits would verify too. Such numbers must be strings.", "$." + value.Path),
            { } value => (JsonInput.DescribeInexact(value), "$." + value.Path),
            null => null,
        };
}
