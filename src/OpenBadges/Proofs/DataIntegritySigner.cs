using System.Globalization;
using Newtonsoft.Json.Linq;
using OpenBadges.Internal;
using OpenBadges.Json;
using OpenBadges.JsonLd;
using OpenBadges.Keys;

namespace OpenBadges.Proofs;

/// <summary>
/// Adds a Data Integrity proof to a JSON-LD document (vc-data-integrity "Add Proof" with an Ed25519
/// cryptosuite). The input is never modified; a document that already has proofs gets one more (a proof set),
/// or one that signs over named earlier proofs (a chain, via <see cref="ProofOptions.PreviousProof"/>).
/// </summary>
public static class DataIntegritySigner
{
    /// <summary>Signs <paramref name="document"/> with <paramref name="signer"/> and returns the signed copy.</summary>
    /// <exception cref="JsonLdException">The document cannot be canonicalized (in safe mode: it carries terms no context defines).</exception>
    public static async Task<JObject> SignAsync(
        JObject document,
        ISigner signer,
        Cryptosuite suite,
        ProofOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(suite);
        options ??= new ProofOptions();
        if (!suite.CanIssue)
        {
            Throw.Argument(nameof(suite), $"The cryptosuite '{suite}' is accepted for verification only; issue with '{Cryptosuites.EddsaRdfc2022}'.");
        }

        if (!string.Equals(signer.Algorithm, "Ed25519", StringComparison.Ordinal))
        {
            Throw.Argument(nameof(signer), $"The cryptosuite '{suite}' signs with Ed25519, but the signer's algorithm is '{signer.Algorithm}'.");
        }

        JsonInput.RequirePlainJson(document);
        var secured = (JObject)document.DeepClone();
        var existingProofs = ProofSet.Read(secured);
        secured.Remove("proof");
        EnsureSuiteContext(secured, suite);

        var proof = NewProof(suite, signer, options);
        if (suite.Canonicalization == ProofCanonicalization.Jcs && secured["@context"] is { } documentContext)
        {
            // eddsa-jcs-2022 signs the proof with the document's context inside it (no JSON-LD processing
            // will add it back), so the secured proof keeps it, as the W3C vector and the reference stack do.
            proof["@context"] = documentContext.DeepClone();
        }

        // Without a chain the unsecured document is exactly `secured` as it stands (proofs removed, context
        // completed), and `secured` is not changed until hashing is done: no second copy of the document.
        var unsecured = options.PreviousProof.Count == 0
            ? secured
            : ProofSet.UnsecuredDocumentFor(secured, existingProofs, options.PreviousProof, "proof");
        var configuration = ProofHashing.ProofConfiguration(proof, secured["@context"]);
        var hashData = ProofHashing.HashData(suite, configuration, unsecured, options.JsonLd, cancellationToken);
        var signature = await signer.SignAsync(hashData, cancellationToken).ConfigureAwait(false);
        proof["proofValue"] = Multibase.EncodeBase58Btc(signature);

        existingProofs.Add(proof);
        secured["proof"] = existingProofs.Count == 1 ? proof : new JArray(existingProofs);
        return secured;
    }

    /// <summary>
    /// Makes sure the document's <c>@context</c> defines the proof's terms, as the reference stack does:
    /// the VC 2.0 context already carries Data Integrity; otherwise the suite's context is appended.
    /// </summary>
    internal static void EnsureSuiteContext(JObject document, Cryptosuite suite)
    {
        var context = document["@context"];
        if (context is null)
        {
            return;
        }

        var urls = context is JArray array ? array.Select(c => c.Type == JTokenType.String ? (string?)c : null).ToList() : [context.Type == JTokenType.String ? (string?)context : null];
        if (urls.Contains(suite.SuiteContext)
            || (suite.SuiteContextSatisfiedByVc2 && urls.Contains(EmbeddedContexts.CredentialsV2))
            || (suite.SuiteContextSatisfiedByVc2 && urls.Contains(EmbeddedContexts.DataIntegrityV1)))
        {
            return;
        }

        var list = context as JArray ?? new JArray(context);
        list.Add(suite.SuiteContext);
        document["@context"] = list;
    }

    private static JObject NewProof(Cryptosuite suite, ISigner signer, ProofOptions options)
    {
        var created = options.Created ?? TruncateToSeconds(options.Clock.GetUtcNow());
        var proof = new JObject();
        if (options.Id is not null)
        {
            proof["id"] = options.Id;
        }

        proof["type"] = suite.ProofType;
        if (suite.Name is not null)
        {
            proof["cryptosuite"] = suite.Name;
        }

        proof["created"] = FormatDateTime(created);
        if (options.Expires is { } expires)
        {
            proof["expires"] = FormatDateTime(expires);
        }

        proof["verificationMethod"] = options.VerificationMethod ?? signer.KeyId;
        proof["proofPurpose"] = options.ProofPurpose;
        AddIfPresent(proof, "domain", options.Domain);
        AddIfPresent(proof, "challenge", options.Challenge);
        AddIfPresent(proof, "nonce", options.Nonce);
        if (options.PreviousProof.Count > 0)
        {
            proof["previousProof"] = options.PreviousProof.Count == 1 ? options.PreviousProof[0] : new JArray(options.PreviousProof);
        }

        return proof;
    }

    private static void AddIfPresent(JObject proof, string name, string? value)
    {
        if (value is not null)
        {
            proof[name] = value;
        }
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    /// <summary>XML Schema dateTime in UTC with a Z, fractional seconds only when present.</summary>
    internal static string FormatDateTime(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        var format = utc.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";
        return utc.ToString(format, CultureInfo.InvariantCulture);
    }
}
