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
public static partial class DataIntegrityVerifier
{
    private const string ProofValueRule = "proofValue is a multibase base58btc ('z') string holding a 64-byte Ed25519 signature";

    /// <summary>Verifies every proof on <paramref name="document"/>.</summary>
    /// <exception cref="ArgumentException">The tree holds a value that is not JSON (a date parsed by <c>JObject.Parse</c>); the message names the path and the fix.</exception>
    public static Task<DataIntegrityVerification> VerifyAsync(
        JObject document,
        ProofVerificationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        JsonInput.RequirePlainJsonArgument(document, nameof(document));
        return VerifyAsync(document, options ?? new ProofVerificationOptions(), unsecuredDataset: null, cancellationToken);
    }

    /// <summary>
    /// Verifies every proof on <paramref name="document"/>, a plain-JSON tree. <paramref name="unsecuredDataset"/>, when
    /// given, is the RDF dataset of the document without its <c>proof</c>, converted with <paramref name="options"/>'
    /// JSON-LD options: the caller read it already (a verifier's JSON-LD check), so an RDFC-1.0 proof without a
    /// <c>@context</c> of its own hashes it instead of converting the document again.
    /// </summary>
    internal static async Task<DataIntegrityVerification> VerifyAsync(
        JObject document,
        ProofVerificationOptions options,
        IReadOnlyList<Rdf.RdfQuad>? unsecuredDataset,
        CancellationToken cancellationToken)
    {

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
                results.Add(await VerifyProofAsync(document, proofs, proofs[i], path, options, unsecuredDataset, cancellationToken).ConfigureAwait(false));
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
        IReadOnlyList<Rdf.RdfQuad>? unsecuredDataset,
        CancellationToken cancellationToken)
    {
        var checks = new List<VerificationCheck>();
        var proofType = proof["type"]?.Type == JTokenType.String ? (string?)proof["type"] : null;
        var cryptosuite = proof["cryptosuite"]?.Type == JTokenType.String ? (string?)proof["cryptosuite"] : null;
        var verificationMethod = VerificationMethodId(proof["verificationMethod"]);

        var suite = Cryptosuites.Find(proofType, cryptosuite);
        // A suite this package does not implement shows nothing about the credential: undecided, never failed.
        checks.Add(suite is null
            ? VerificationCheck.Undecided("proof.type", $"The proof type '{proofType}'{(cryptosuite is null ? string.Empty : $" with cryptosuite '{cryptosuite}'")} is not implemented here: the proof cannot be checked.", path + ".type",
                SupportedSuitesRule, ProblemCodes.UnsupportedProof)
            : VerificationCheck.Pass("proof.type", $"Proof type {suite}.", path + ".type", SupportedSuitesRule));
        if (suite is not null && UnexpectedMembers(proof, suite) is { Count: > 0 } extra)
        {
            checks.Add(VerificationCheck.Warn("proof.members", $"The proof carries member(s) its suite does not define: {string.Join(", ", extra)} (vc-data-integrity §2.1 Proofs).", path,
                "a proof has only the members its suite defines", ProblemCodes.ProofDataModel));
        }

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

        if (suite is null)
        {
            // Nothing below can be read without the suite, except a verification method no resolver could ever reach.
            if (verificationMethod is not null && UndereferenceableScheme(verificationMethod) is { } scheme)
            {
                checks.Add(UnknownSchemeCheck(verificationMethod, scheme, path));
            }

            checks.Add(VerificationCheck.NotApplicable("proof.signature", "Not checked: the proof's suite is not implemented.", path, "the signature verifies over the canonical proof configuration and document"));
            return new ProofVerification(path, proofType, verificationMethod, checks);
        }

        var signature = suite.DetachedJws ? DecodeDetachedJws(proof, path, checks) : DecodeProofValue(proof, suite, path, checks);
        var key = await ResolveKeyAsync(verificationMethod, proof["proofPurpose"]?.Type == JTokenType.String ? (string?)proof["proofPurpose"] : null, suite, path, options, checks, cancellationToken).ConfigureAwait(false);
        if (key is not null && options.RequireControllerToBeIssuer)
        {
            checks.Add(CheckControllerIsIssuer(document, key, path));
        }

        if (signature is null || key is null)
        {
            checks.Add(VerificationCheck.NotApplicable("proof.signature", "Not checked: an earlier check of this proof did not pass.", path + ".proofValue", "the signature verifies over the canonical proof configuration and document"));
        }
        else
        {
            checks.Add(CheckSignature(document, allProofs, proof, suite, signature, key, path, options, unsecuredDataset, cancellationToken));
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
                || (suite.SuiteContextAlsoIn is { } alsoIn && urls.Contains(alsoIn))
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

    private static byte[]? DecodeProofValue(JObject proof, Cryptosuite? suite, string path, List<VerificationCheck> checks)
    {
        var token = proof["proofValue"];
        var text = token?.Type == JTokenType.String ? (string?)token : null;
        if (text is null)
        {
            checks.Add(VerificationCheck.Fail("proof.proofValue", "The proof has no proofValue string.", path + ".proofValue", ProofValueRule));
            return null;
        }

        if (suite is not null && suite.KeyType != ProofKeyType.Ed25519)
        {
            return EcdsaProofs.DecodeProofValue(text, suite, path, checks);
        }

        if (!text.StartsWith('z') || !Multibase.TryDecode(text, out var signature, out _) || signature is null || signature.Length != 64)
        {
            checks.Add(VerificationCheck.Fail("proof.proofValue", "proofValue is not a base58btc multibase string of a 64-byte signature.", path + ".proofValue", ProofValueRule));
            return null;
        }

        checks.Add(VerificationCheck.Pass("proof.proofValue", "proofValue is a 64-byte signature.", path + ".proofValue", ProofValueRule));
        return signature;
    }

    private static async Task<ResolvedKey?> ResolveKeyAsync(string? verificationMethod, string? proofPurpose, Cryptosuite? suite, string path, ProofVerificationOptions options, List<VerificationCheck> checks, CancellationToken cancellationToken)
    {
        var ecdsa = suite is not null && suite.KeyType != ProofKeyType.Ed25519;
        var rule = ecdsa
            ? "the verification method resolves to a P-256 or P-384 public key (Multikey zDn…/z82… or an EC JWK)"
            : "the verification method resolves to an Ed25519 public key (Multikey, Ed25519VerificationKey2020 or an OKP JWK)";
        if (verificationMethod is null)
        {
            checks.Add(VerificationCheck.Fail("proof.verificationMethod", "The proof names no verification method.", path + ".verificationMethod", rule));
            return null;
        }

        if (UndereferenceableScheme(verificationMethod) is { } scheme)
        {
            checks.Add(UnknownSchemeCheck(verificationMethod, scheme, path));
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

        if (ecdsa)
        {
            return EcdsaProofs.ResolvedKey(verificationMethod, proofPurpose, resolution, suite!, path, rule, checks) is { } ecdsaKey
                ? new ResolvedKey(null, ecdsaKey, resolution.Controller)
                : null;
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
        return new ResolvedKey(resolution.PublicKey, null, resolution.Controller);
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
        IReadOnlyList<Rdf.RdfQuad>? unsecuredDataset,
        CancellationToken cancellationToken)
    {
        const string name = "proof.signature";
        if (suite.KeyType == ProofKeyType.EcdsaSelectiveDisclosure)
        {
            return VerifySelectiveDisclosure(document, proof, signature, key.EcdsaKey!, path, options, cancellationToken);
        }

        var rule = key.EcdsaKey is { } ecdsaKey
            ? $"the ECDSA {ecdsaKey.Curve} signature verifies over hash(canonical proof configuration) ‖ hash(canonical document), {(ecdsaKey.Curve == EcdsaCurve.P256 ? "SHA-256" : "SHA-384")}"
            : "the Ed25519 signature verifies over SHA-256(canonical proof configuration) ‖ SHA-256(canonical document)";
        var hashLength = key.EcdsaKey?.Curve == EcdsaCurve.P384 ? 48 : 32;
        var retried = false;
    Hash:
        byte[] hashData;
        try
        {
            // The proof without proofValue, with its own context or else the document's: read through a view. The 2018
            // suite (jsonld-signatures) drops jws, signatureValue and proofValue alike: built as a copy (verify only).
            var configuration = suite.DetachedJws || retried
                ? DocumentView.Whole(LegacyConfiguration(proof, proof["@context"] ?? document["@context"], retried ? UnexpectedMembers(proof, suite) : []))
                : ProofHashing.ConfigurationView(proof, proof["@context"] ?? document["@context"]);
            var previousProofIds = ProofSet.PreviousProofIds(proof);
            if (previousProofIds.Count == 0 && unsecuredDataset is not null && proof["@context"] is null && suite.Canonicalization == ProofCanonicalization.Rdfc10)
            {
                // The caller converted the document without its proof already, with the same options.
                hashData = ProofHashing.HashData(suite, configuration, unsecuredDataset, options.JsonLd, cancellationToken, hashLength);
            }
            else if (previousProofIds.Count == 0)
            {
                // The unsecured document is the document without `proof` (and, vc-data-integrity, with the proof's
                // own context, a checked prefix, when it has one): read in place through a view, not copied.
                var unsecured = new DocumentView(document, "proof", proof["@context"]);
                hashData = ProofHashing.HashData(suite, configuration, unsecured, options.JsonLd, cancellationToken, hashLength);
            }
            else
            {
                // A chained proof also signs the proofs it follows: build that document.
                var unsecured = ProofSet.UnsecuredDocumentFor(document, allProofs, previousProofIds, path + ".previousProof");
                if (proof["@context"] is { } proofContext)
                {
                    unsecured["@context"] = proofContext.DeepClone();
                }

                hashData = ProofHashing.HashData(suite, configuration, DocumentView.Whole(unsecured), options.JsonLd, cancellationToken, hashLength);
            }
        }
        catch (JsonLdException e) when (e.Code is "loading document failed" or "loading remote context failed")
        {
            return VerificationCheck.Undecided(name, "A context could not be loaded: " + e.Message, "$.@context", rule, ProblemCodes.ContextUnavailable);
        }
        catch (JsonLdSafeModeException) when (!retried && UnexpectedMembers(proof, suite).Count > 0)
        {
            // An extra proof member no context defines: JSON-LD processors that are not in safe mode (the signers of
            // the field) drop it from the proof configuration, so it is not signed. Hash as they did; the member is
            // reported as a warning (proof.members), and whatever else is undefined still fails.
            retried = true;
            goto Hash;
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

        var valuePath = path + (suite.DetachedJws ? ".jws" : ".proofValue");
        var signed = hashData;
        if (suite.DetachedJws)
        {
            // RFC 7797 with b64 false: the JWS signing input is ASCII(BASE64URL(header)) || '.' || the payload bytes, here the hash data.
            var header = System.Text.Encoding.ASCII.GetBytes(((string)proof["jws"]!)[..((string)proof["jws"]!).IndexOf('.', StringComparison.Ordinal)] + ".");
            signed = [.. header, .. hashData];
        }

        var verified = key.EcdsaKey is { } verifyingKey ? verifyingKey.Verify(signed, signature) : key.PublicKey!.Verify(signed, signature);
        return verified
            ? VerificationCheck.Pass(name, "The signature verifies." + (retried ? " (The proof's undefined member(s) are not signed.)" : string.Empty), valuePath, rule)
            : VerificationCheck.Fail(name, "The signature does not verify: the document or the proof was changed, or another key signed it.", valuePath, rule);
    }

    private static VerificationCheck VerifySelectiveDisclosure(JObject document, JObject proof, byte[] proofValue, EcdsaPublicKey key, string path, ProofVerificationOptions options, CancellationToken cancellationToken)
    {
        const string rule = "the ecdsa-sd-2023 derived proof verifies";
        try
        {
            return EcdsaSd2023.VerifyDerived(document, proof, proofValue, key, path, options.JsonLd, cancellationToken);
        }
        catch (JsonLdException e) when (e.Code is "loading document failed" or "loading remote context failed")
        {
            return VerificationCheck.Undecided("proof.signature", "A context could not be loaded: " + e.Message, "$.@context", rule, ProblemCodes.ContextUnavailable);
        }
        catch (JsonLdException e)
        {
            return VerificationCheck.Fail("proof.signature", "The document cannot be canonicalized: " + e.Message, path, rule);
        }
        catch (CanonicalizationLimitException e)
        {
            return VerificationCheck.Undecided("proof.signature", e.Message, path, rule, ProblemCodes.LimitReached);
        }
        catch (OperationCanceledException)
        {
            return VerificationCheck.Undecided("proof.signature", "Verification was cancelled.", path, rule, ProblemCodes.VerificationStopped);
        }
    }

    private const string SupportedSuitesRule = "the proof is DataIntegrityProof with eddsa-rdfc-2022, eddsa-2022, eddsa-jcs-2022, ecdsa-rdfc-2019, ecdsa-jcs-2019 or ecdsa-sd-2023, or Ed25519Signature2020 or Ed25519Signature2018";

    // vc-data-integrity §2.1 (and the 2018/2020 suites' contexts): the members a proof may carry.
    private static readonly HashSet<string> ProofMembers = new(StringComparer.Ordinal)
    {
        "@context", "id", "type", "cryptosuite", "verificationMethod", "proofPurpose", "created", "expires", "domain", "challenge",
        "proofValue", "previousProof", "nonce",
    };

    private static List<string> UnexpectedMembers(JObject proof, Cryptosuite suite) =>
        proof.Properties().Select(p => p.Name).Where(n => !ProofMembers.Contains(n) && !(suite.DetachedJws && n == "jws")).ToList();

    private static JObject LegacyConfiguration(JObject proof, JToken? context, List<string> alsoDrop)
    {
        var configuration = ProofHashing.ProofConfiguration(proof, context);
        configuration.Remove("jws");
        configuration.Remove("signatureValue");
        foreach (var member in alsoDrop)
        {
            configuration.Remove(member);
        }

        return configuration;
    }

    /// <summary>
    /// The scheme of <paramref name="verificationMethod"/> when no resolver could ever dereference it (not did:, https:
    /// or http:, or not a URI at all); null for a scheme a resolver may handle.
    /// </summary>
    private static string? UndereferenceableScheme(string verificationMethod)
    {
        var colon = verificationMethod.IndexOf(':', StringComparison.Ordinal);
        var scheme = colon <= 0 ? string.Empty : verificationMethod[..colon];
        if (scheme.Length > 0 && char.IsAsciiLetter(scheme[0]) && scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
        {
            return scheme.ToLowerInvariant() is "did" or "https" or "http" ? null : scheme;
        }

        return "(none)";
    }

    private static VerificationCheck UnknownSchemeCheck(string verificationMethod, string scheme, string path) =>
        VerificationCheck.Fail("proof.verificationMethod", $"'{verificationMethod}' has the URI scheme '{scheme}': no resolver can dereference it (only did:, https: and http: verification methods exist).", path + ".verificationMethod",
            "the verification method is a URL some resolver can dereference (a DID URL or an HTTPS URL)", ProblemCodes.VerificationMethodInvalid);

    private static byte[]? DecodeDetachedJws(JObject proof, string path, List<VerificationCheck> checks)
    {
        const string rule = "jws is a detached compact JWS (header..signature) whose header is exactly {\"alg\":\"EdDSA\",\"b64\":false,\"crit\":[\"b64\"]} and whose signature is 64 bytes";
        var text = proof["jws"]?.Type == JTokenType.String ? (string?)proof["jws"] : null;
        var parts = text?.Split('.');
        if (parts is not { Length: 3 } || parts[1].Length != 0)
        {
            checks.Add(VerificationCheck.Fail("proof.jws", text is null ? "The proof has no jws string." : "jws is not a detached compact JWS (header..signature).", path + ".jws", rule));
            return null;
        }

        try
        {
            var header = JsonInput.Parse(System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[0])), new JsonLimits { MaxInputLength = 4096, MaxDepth = 4 }) as JObject;
            var signature = System.Buffers.Text.Base64Url.DecodeFromChars(parts[2]);
            // Exactly these three members (as jsonld-signatures requires): b64 false makes the payload the raw hash data.
            var headerOk = header is not null && header.Count == 3 && (string?)header["alg"] == "EdDSA" &&
                header["b64"] is JValue { Type: JTokenType.Boolean } b64 && !(bool)b64 &&
                header["crit"] is JArray { Count: 1 } crit && (string?)crit[0] == "b64";
            if (!headerOk || signature.Length != 64)
            {
                checks.Add(VerificationCheck.Fail("proof.jws", headerOk ? $"The JWS signature is {signature.Length} bytes, not 64." : "The JWS header is not {\"alg\":\"EdDSA\",\"b64\":false,\"crit\":[\"b64\"]}.", path + ".jws", rule));
                return null;
            }

            checks.Add(VerificationCheck.Pass("proof.jws", "A detached EdDSA JWS with an unencoded payload.", path + ".jws", rule));
            return signature;
        }
        catch (Exception e) when (e is FormatException or JsonInputException or ArgumentException)
        {
            checks.Add(VerificationCheck.Fail("proof.jws", "The JWS header or signature is not valid base64url JSON: " + e.Message, path + ".jws", rule));
            return null;
        }
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

    private sealed record ResolvedKey(Ed25519PublicKey? PublicKey, EcdsaPublicKey? EcdsaKey, string? Controller);
}
