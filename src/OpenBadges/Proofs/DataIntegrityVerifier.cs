using System.Globalization;
using Newtonsoft.Json.Linq;
using OpenBadges.Canonicalization;
using OpenBadges.Json;
using OpenBadges.JsonLd;
using OpenBadges.Keys;
using OpenBadges.Checks;

namespace OpenBadges.Proofs;

/// <summary>
/// Verifies the Data Integrity proofs of a JSON-LD document (vc-data-integrity "Verify Proof", for every
/// proof of a set or chain). Never throws on bad input: every finding is a named check.
/// </summary>
public static class DataIntegrityVerifier
{
    private const string ProofValueRule = "proofValue is a multibase base58btc ('z') string holding a 64-byte Ed25519 signature";

    /// <summary>Verifies every proof on <paramref name="document"/>.</summary>
    public static async Task<DataIntegrityVerification> VerifyAsync(
        JObject document,
        ProofVerificationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        options ??= new ProofVerificationOptions();
        try
        {
            JsonInput.RequirePlainJson(document);
        }
        catch (JsonInputException e)
        {
            return new DataIntegrityVerification([], [VerificationCheck.Undecided("document.json", e.Message, e.Path, "the document is plain JSON as received (no values re-typed by a parser)")]);
        }

        var proofs = ProofSet.Read(document);
        if (proofs.Count == 0)
        {
            var found = document["proof"] is null ? "The document has no proof." : "The document's proof is not an object or an array of objects.";
            return new DataIntegrityVerification([], [VerificationCheck.Fail("proof.present", found, "$.proof", "a secured document carries at least one proof object")]);
        }

        var isArray = document["proof"] is JArray;
        var results = new List<ProofVerification>(proofs.Count);
        for (var i = 0; i < proofs.Count; i++)
        {
            var path = isArray ? $"$.proof[{i}]" : "$.proof";
            try
            {
                results.Add(await VerifyProofAsync(document, proofs, proofs[i], path, options, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A bug or a hostile input we did not foresee still ends in a report, never an exception.
                results.Add(new ProofVerification(path, null, null, [VerificationCheck.Undecided("proof.unexpected", $"Verification stopped: {e.GetType().Name}: {e.Message}", path, "verification completes for every input")]));
            }
        }

        return new DataIntegrityVerification(results, []);
    }

    private static async Task<ProofVerification> VerifyProofAsync(
        JObject document,
        List<JObject> allProofs,
        JObject proof,
        string path,
        ProofVerificationOptions options,
        CancellationToken cancellationToken)
    {
        var checks = new List<VerificationCheck>();
        var proofType = proof["type"]?.Type == JTokenType.String ? (string?)proof["type"] : null;
        var cryptosuite = proof["cryptosuite"]?.Type == JTokenType.String ? (string?)proof["cryptosuite"] : null;
        var verificationMethod = VerificationMethodId(proof["verificationMethod"]);

        var suite = Cryptosuites.Find(proofType, cryptosuite);
        checks.Add(suite is null
            ? VerificationCheck.Fail("proof.type", $"Unknown proof type '{proofType}' with cryptosuite '{cryptosuite}'.", path + ".type",
                "the proof is DataIntegrityProof with eddsa-rdfc-2022, eddsa-2022 or eddsa-jcs-2022, or Ed25519Signature2020")
            : VerificationCheck.Pass("proof.type", $"Proof type {suite}.", path + ".type", "the proof names a supported Ed25519 cryptosuite"));

        checks.Add(CheckProofContext(document, proof, suite, path));
        checks.Add(CheckPurpose(proof, path, options));
        checks.Add(CheckCreated(proof, path, options));
        if (proof["expires"] is not null)
        {
            checks.Add(CheckExpires(proof, path, options));
        }

        if (options.ExpectedDomain is not null)
        {
            checks.Add(CheckExpectedValue(proof, "domain", options.ExpectedDomain, path));
        }

        if (options.ExpectedChallenge is not null)
        {
            checks.Add(CheckExpectedValue(proof, "challenge", options.ExpectedChallenge, path));
        }

        var signature = DecodeProofValue(proof, path, checks);
        var key = await ResolveKeyAsync(verificationMethod, proof["proofPurpose"]?.Type == JTokenType.String ? (string?)proof["proofPurpose"] : null, path, options, checks, cancellationToken).ConfigureAwait(false);
        if (key is not null && options.RequireControllerToBeIssuer)
        {
            checks.Add(CheckControllerIsIssuer(document, key, path));
        }

        if (suite is null || signature is null || key is null)
        {
            checks.Add(VerificationCheck.NotApplicable("proof.signature", "Not checked: an earlier check of this proof did not pass.", path + ".proofValue", "the signature verifies over the canonical proof configuration and document"));
        }
        else
        {
            checks.Add(CheckSignature(document, allProofs, proof, suite, signature, key, path, options, cancellationToken));
        }

        return new ProofVerification(path, suite?.ToString() ?? proofType, verificationMethod, checks);
    }

    private static VerificationCheck CheckProofContext(JObject document, JObject proof, Cryptosuite? suite, string path)
    {
        const string name = "proof.context";
        var documentContexts = ContextList(document["@context"]);
        if (proof["@context"] is { } proofContext)
        {
            var proofContexts = ContextList(proofContext);
            var isPrefix = proofContexts.Count <= documentContexts.Count &&
                proofContexts.Select((c, i) => JToken.DeepEquals(c, documentContexts[i])).All(equal => equal);
            if (!isPrefix)
            {
                return VerificationCheck.Fail(name, "The proof's @context is not a prefix of the document's @context.", path + ".@context",
                    "a proof's @context, when present, starts the document's @context in the same order");
            }
        }

        else if (suite?.Canonicalization == ProofCanonicalization.Jcs && document["@context"] is not null)
        {
            return VerificationCheck.Fail(name, $"The {suite} proof has no @context, though the document has one.", path + ".@context",
                "an eddsa-jcs-2022 proof carries the document's @context (vc-di-eddsa, Create Proof)");
        }

        if (suite is not null)
        {
            var urls = documentContexts.Where(c => c.Type == JTokenType.String).Select(c => (string)c!).ToHashSet(StringComparer.Ordinal);
            var defined = urls.Contains(suite.SuiteContext)
                || (suite.SuiteContextSatisfiedByVc2 && (urls.Contains(EmbeddedContexts.CredentialsV2) || urls.Contains(EmbeddedContexts.DataIntegrityV1)));
            if (!defined)
            {
                return VerificationCheck.Fail(name, $"The document's @context does not include {suite.SuiteContext}, which defines the {suite} proof terms.", "$.@context",
                    "the document's @context defines the proof's terms");
            }
        }

        return VerificationCheck.Pass(name, "The proof's terms are defined by the document's @context.", path, "the proof's @context agrees with the document's");
    }

    private static VerificationCheck CheckPurpose(JObject proof, string path, ProofVerificationOptions options)
    {
        var purpose = proof["proofPurpose"]?.Type == JTokenType.String ? (string?)proof["proofPurpose"] : null;
        var rule = $"proofPurpose is '{options.ExpectedProofPurpose}'";
        return string.Equals(purpose, options.ExpectedProofPurpose, StringComparison.Ordinal)
            ? VerificationCheck.Pass("proof.purpose", $"Proof purpose {purpose}.", path + ".proofPurpose", rule)
            : VerificationCheck.Fail("proof.purpose", $"Proof purpose is '{purpose}', expected '{options.ExpectedProofPurpose}'.", path + ".proofPurpose", rule);
    }

    private static VerificationCheck CheckCreated(JObject proof, string path, ProofVerificationOptions options)
    {
        const string rule = "created, when present, is an XML Schema dateTime not later than now (allowing clock skew)";
        var token = proof["created"];
        if (token is null)
        {
            return VerificationCheck.NotApplicable("proof.created", "The proof has no created time.", path + ".created", rule);
        }

        if (!TryParseDateTime(token, out var created))
        {
            return VerificationCheck.Fail("proof.created", $"created '{token}' is not a date-time with a time zone.", path + ".created", rule);
        }

        var now = options.Clock.GetUtcNow();
        return created > now + options.ClockSkew
            ? VerificationCheck.Fail("proof.created", $"created {token} is in the future (now {now:O}).", path + ".created", rule)
            : VerificationCheck.Pass("proof.created", $"Created {token}.", path + ".created", rule);
    }

    private static VerificationCheck CheckExpires(JObject proof, string path, ProofVerificationOptions options)
    {
        const string rule = "expires is an XML Schema dateTime later than now";
        var token = proof["expires"]!;
        if (!TryParseDateTime(token, out var expires))
        {
            return VerificationCheck.Fail("proof.expires", $"expires '{token}' is not a date-time with a time zone.", path + ".expires", rule);
        }

        var now = options.Clock.GetUtcNow();
        return expires <= now
            ? VerificationCheck.Fail("proof.expires", $"The proof expired at {token} (now {now:O}).", path + ".expires", rule)
            : VerificationCheck.Pass("proof.expires", $"Expires {token}.", path + ".expires", rule);
    }

    private static VerificationCheck CheckExpectedValue(JObject proof, string property, string expected, string path)
    {
        var actual = proof[property]?.Type == JTokenType.String ? (string?)proof[property] : null;
        var rule = $"{property} equals the one the verifier expects";
        return actual is not null && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(actual), System.Text.Encoding.UTF8.GetBytes(expected))
            ? VerificationCheck.Pass("proof." + property, $"{property} matches.", path + "." + property, rule)
            : VerificationCheck.Fail("proof." + property, $"{property} is '{actual}', expected '{expected}'.", path + "." + property, rule);
    }

    private static byte[]? DecodeProofValue(JObject proof, string path, List<VerificationCheck> checks)
    {
        var token = proof["proofValue"];
        var text = token?.Type == JTokenType.String ? (string?)token : null;
        if (text is null)
        {
            checks.Add(VerificationCheck.Fail("proof.proofValue", "The proof has no proofValue string.", path + ".proofValue", ProofValueRule));
            return null;
        }

        if (!text.StartsWith('z') || !Multibase.TryDecode(text, out var signature, out _) || signature is null || signature.Length != 64)
        {
            checks.Add(VerificationCheck.Fail("proof.proofValue", "proofValue is not a base58btc multibase string of a 64-byte signature.", path + ".proofValue", ProofValueRule));
            return null;
        }

        checks.Add(VerificationCheck.Pass("proof.proofValue", "proofValue is a 64-byte signature.", path + ".proofValue", ProofValueRule));
        return signature;
    }

    private static async Task<ResolvedKey?> ResolveKeyAsync(string? verificationMethod, string? proofPurpose, string path, ProofVerificationOptions options, List<VerificationCheck> checks, CancellationToken cancellationToken)
    {
        const string rule = "the verification method resolves to an Ed25519 public key (Multikey, Ed25519VerificationKey2020 or an OKP JWK)";
        if (verificationMethod is null)
        {
            checks.Add(VerificationCheck.Fail("proof.verificationMethod", "The proof names no verification method.", path + ".verificationMethod", rule));
            return null;
        }

        var resolver = options.KeyResolver ?? KeyResolvers.Offline;
        KeyResolution resolution;
        try
        {
            resolution = await resolver.ResolveVerificationMethodAsync(verificationMethod, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            checks.Add(VerificationCheck.Undecided("proof.verificationMethod", "Verification was cancelled while resolving the key.", path + ".verificationMethod", rule));
            return null;
        }

        if (!resolution.IsResolved)
        {
            var message = $"Cannot use '{verificationMethod}': {resolution.Reason}";
            checks.Add(resolution.Status is KeyResolutionStatus.NotFound or KeyResolutionStatus.UnsupportedKeyType
                ? VerificationCheck.Fail("proof.verificationMethod", message, path + ".verificationMethod", rule)
                : VerificationCheck.Undecided("proof.verificationMethod", message + (resolution.Status == KeyResolutionStatus.NotSupported
                    ? " (no configured resolver handles it; pass a KeyResolver that does, e.g. KeyResolvers.Online)" : string.Empty), path + ".verificationMethod", rule));
            return null;
        }

        var purpose = proofPurpose ?? string.Empty;
        if (resolution.ProofPurposes is { } purposes && !purposes.Contains(purpose, StringComparer.Ordinal))
        {
            checks.Add(VerificationCheck.Fail("proof.verificationMethod", $"The controller document does not list '{verificationMethod}' under '{purpose}'.", path + ".verificationMethod",
                "the verification method is authorized for the proof's purpose by its controller"));
            return null;
        }

        checks.Add(VerificationCheck.Pass("proof.verificationMethod", $"Resolved {verificationMethod} ({resolution.Type}).", path + ".verificationMethod", rule));
        return new ResolvedKey(resolution.PublicKey, resolution.Controller);
    }

    private static VerificationCheck CheckControllerIsIssuer(JObject document, ResolvedKey key, string path)
    {
        const string rule = "the verification method's controller is the credential's issuer id (Open Badges 3.0)";
        var issuer = document["issuer"] switch
        {
            JValue { Type: JTokenType.String } value => (string?)value,
            JObject profile => profile["id"]?.Type == JTokenType.String ? (string?)profile["id"] : null,
            _ => null,
        };
        if (document["issuer"] is null)
        {
            return VerificationCheck.NotApplicable("proof.controller", "The document has no issuer to compare with.", path + ".verificationMethod", rule);
        }

        return string.Equals(issuer, key.Controller, StringComparison.Ordinal)
            ? VerificationCheck.Pass("proof.controller", $"Controller {key.Controller} is the issuer.", path + ".verificationMethod", rule)
            : VerificationCheck.Fail("proof.controller", $"The key's controller '{key.Controller}' is not the issuer '{issuer}'.", path + ".verificationMethod", rule);
    }

    private static VerificationCheck CheckSignature(
        JObject document,
        List<JObject> allProofs,
        JObject proof,
        Cryptosuite suite,
        byte[] signature,
        ResolvedKey key,
        string path,
        ProofVerificationOptions options,
        CancellationToken cancellationToken)
    {
        const string name = "proof.signature";
        const string rule = "the Ed25519 signature verifies over SHA-256(canonical proof configuration) ‖ SHA-256(canonical document)";
        byte[] hashData;
        try
        {
            // The proof without proofValue, with its own context or else the document's: read through a view.
            var configuration = ProofHashing.ConfigurationView(proof, proof["@context"] ?? document["@context"]);
            var previousProofIds = ProofSet.PreviousProofIds(proof);
            if (previousProofIds.Count == 0)
            {
                // The unsecured document is the document without `proof` (and, vc-data-integrity, with the proof's
                // own context, a checked prefix, when it has one): read in place through a view, not copied.
                var unsecured = new DocumentView(document, "proof", proof["@context"]);
                hashData = ProofHashing.HashData(suite, configuration, unsecured, options.JsonLd, cancellationToken);
            }
            else
            {
                // A chained proof also signs the proofs it follows: build that document.
                var unsecured = ProofSet.UnsecuredDocumentFor(document, allProofs, previousProofIds, path + ".previousProof");
                if (proof["@context"] is { } proofContext)
                {
                    unsecured["@context"] = proofContext.DeepClone();
                }

                hashData = ProofHashing.HashData(suite, configuration, DocumentView.Whole(unsecured), options.JsonLd, cancellationToken);
            }
        }
        catch (JsonLdException e) when (e.Code is "loading document failed" or "loading remote context failed")
        {
            return VerificationCheck.Undecided(name, "A context could not be loaded: " + e.Message, "$.@context", rule, ProblemCodes.ContextUnavailable);
        }
        catch (JsonLdException e)
        {
            return VerificationCheck.Fail(name, "The document cannot be canonicalized: " + e.Message, path, rule);
        }
        catch (CanonicalizationLimitException e)
        {
            return VerificationCheck.Undecided(name, e.Message, path, rule, ProblemCodes.LimitReached);
        }
        catch (ArgumentException e)
        {
            return VerificationCheck.Fail(name, e.Message, path + ".previousProof", rule);
        }
        catch (OperationCanceledException)
        {
            return VerificationCheck.Undecided(name, "Verification was cancelled.", path, rule, ProblemCodes.VerificationStopped);
        }

        return key.PublicKey.Verify(hashData, signature)
            ? VerificationCheck.Pass(name, "The signature verifies.", path + ".proofValue", rule)
            : VerificationCheck.Fail(name, "The signature does not verify: the document or the proof was changed, or another key signed it.", path + ".proofValue", rule);
    }

    private static string? VerificationMethodId(JToken? token) => token switch
    {
        JValue { Type: JTokenType.String } value => (string?)value,
        JObject method => method["id"]?.Type == JTokenType.String ? (string?)method["id"] : null,
        _ => null,
    };

    private static List<JToken> ContextList(JToken? context) => context switch
    {
        null => [],
        JArray array => array.ToList(),
        _ => [context],
    };

    internal static bool TryParseDateTime(JToken token, out DateTimeOffset value)
    {
        value = default;
        if (token.Type != JTokenType.String)
        {
            return false;
        }

        var text = (string)token!;
        // XML Schema dateTime with a mandatory zone: 'Z' or ±hh:mm.
        var hasZone = text.EndsWith('Z') || (text.Length > 6 && (text[^6] == '+' || text[^6] == '-') && text[^3] == ':');
        return hasZone && text.Length >= 20 && text[10] == 'T' &&
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    private sealed record ResolvedKey(Ed25519PublicKey PublicKey, string? Controller);
}
