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
/// <remarks>
/// Two entry points make the same proof. <see cref="SignAsync(JObject, ISigner, Cryptosuite, ProofOptions, CancellationToken)"/> returns a signed copy of the document: the simple
/// choice, and the right one when the input must stay as it is or the caller does not own it.
/// <see cref="CreateProofAsync"/> returns only the proof and neither copies nor changes the document: for an
/// issuer that builds each credential itself and signs many, it saves the deep copy, most of the allocation of a
/// signature (benchmarks/README.md has the figures); the caller attaches the proof.
/// </remarks>
public static partial class DataIntegritySigner
{
    /// <summary>Signs <paramref name="document"/> with <paramref name="signer"/> and returns the signed copy.</summary>
    /// <remarks>
    /// The copy carries the new proof under <c>proof</c> (with any earlier ones, as an array) and an <c>@context</c>
    /// completed with the suite's context when it did not cover the proof's terms. To sign without the copy, see
    /// <see cref="CreateProofAsync"/>.
    /// </remarks>
    /// <exception cref="JsonLdException">The document cannot be canonicalized (in safe mode: it carries terms no context defines).</exception>
    public static async Task<JObject> SignAsync(
        JObject document,
        ISigner signer,
        Cryptosuite suite,
        ProofOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options = CheckArguments(document, signer, suite, options);
        var proof = await CreateProofCoreAsync(document, signer, suite, options, cancellationToken).ConfigureAwait(false);

        // The copy: the document without its proofs (copied below, as the proof set), the suite context completed.
        var secured = JsonCopy.ObjectWithout(document, "proof");
        var proofs = ProofSet.Read(document);
        if (proofs.Count > 0)
        {
            var earlier = new JArray();
            foreach (var item in proofs)
            {
                earlier.Add(JsonCopy.Of(item));
            }

            secured["proof"] = earlier;
        }

        AttachProof(secured, proof, suite);
        return secured;
    }

    /// <summary>
    /// Adds <paramref name="proof"/>, made by <see cref="CreateProofAsync"/> for <paramref name="document"/> with
    /// <paramref name="suite"/>, to <paramref name="document"/> itself: completes its <c>@context</c> with the suite's
    /// context when the proof needs it, and sets <c>proof</c> (or, when the document already has proofs, makes them
    /// a proof set with the new one last). Together the two calls do what <see cref="SignAsync(JObject, ISigner, Cryptosuite, ProofOptions, CancellationToken)"/> does, without the copy.
    /// </summary>
    /// <remarks>The document is changed; nothing is verified here.</remarks>
    public static void AttachProof(JObject document, JObject proof, Cryptosuite suite)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentNullException.ThrowIfNull(suite);
        EnsureSuiteContext(document, suite);
        switch (document["proof"])
        {
            case null:
                document["proof"] = proof;
                break;
            case JArray proofs:
                proofs.Add(proof);
                break;
            case var single:
                document["proof"] = new JArray(single, proof);
                break;
        }
    }

    /// <summary>
    /// Makes the proof <see cref="SignAsync(JObject, ISigner, Cryptosuite, ProofOptions, CancellationToken)"/> would add to <paramref name="document"/> and returns only the proof:
    /// the document is neither copied nor modified.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The caller attaches the proof with <see cref="AttachProof"/> (or itself: <c>document["proof"] = proof</c>, or, when
    /// the document already has proofs, adds it to them, a proof set). Use this when the document is the caller's own to
    /// change, for instance a credential just built for one learner; use <see cref="SignAsync(JObject, ISigner, Cryptosuite, ProofOptions, CancellationToken)"/> when the input has to
    /// stay unsigned or is shared.
    /// </para>
    /// <para>
    /// The proof signs the document as <see cref="SignAsync(JObject, ISigner, Cryptosuite, ProofOptions, CancellationToken)"/> would secure it: without its existing proofs and with
    /// an <c>@context</c> that defines the proof's terms. When the document's context does not (it has neither the
    /// suite's context nor, for the eddsa suites, the VC 2.0 context; e.g. VC 1.1 with OB 3.0.0), the proof is made
    /// over the context with the suite's context appended (<see cref="EmbeddedContexts.DataIntegrityV2"/>, or
    /// <see cref="EmbeddedContexts.Ed25519Signature2020V1"/> for Ed25519Signature2020), and the document needs it too
    /// or the proof will not verify: <see cref="AttachProof"/> appends it. An eddsa-jcs-2022 proof carries
    /// that context as its own <c>@context</c>.
    /// </para>
    /// <para>A chained proof (<see cref="ProofOptions.PreviousProof"/>) is made over a copy of the document and the proofs it follows.</para>
    /// </remarks>
    /// <returns>The new proof object, with its <c>proofValue</c>.</returns>
    /// <exception cref="JsonLdException">The document cannot be canonicalized (in safe mode: it carries terms no context defines).</exception>
    public static Task<JObject> CreateProofAsync(
        JObject document,
        ISigner signer,
        Cryptosuite suite,
        ProofOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options = CheckArguments(document, signer, suite, options);
        return CreateProofCoreAsync(document, signer, suite, options, cancellationToken);
    }

    private static ProofOptions CheckArguments(JObject document, ISigner signer, Cryptosuite suite, ProofOptions? options)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(suite);
        if (!suite.CanIssue)
        {
            throw ProofErrors.SuiteVerifiesOnly(nameof(suite), suite, Cryptosuites.EddsaRdfc2022);
        }

        if (suite.KeyType == ProofKeyType.EcdsaSelectiveDisclosure)
        {
            throw ProofErrors.SelectiveSuiteNeedsBaseProof(nameof(suite), suite);
        }

        _ = HashLength(suite, signer);

        // Plain JSON, and no number the canonical form would write inexactly (a signature must pin every value down).
        JsonInput.RequireSignableJson(document);
        return options ?? new ProofOptions();
    }

    /// <summary>
    /// The length of each of the two hashes: 32 (SHA-256) for Ed25519 and ES256 signers, 48 (SHA-384) for ES384 ones.
    /// </summary>
    /// <exception cref="ArgumentException">The signer's algorithm does not fit the suite.</exception>
    internal static int HashLength(Cryptosuite suite, ISigner signer)
    {
        switch (suite.KeyType)
        {
            case ProofKeyType.Ed25519 when string.Equals(signer.Algorithm, "Ed25519", StringComparison.Ordinal):
                return 32;
            case ProofKeyType.Ecdsa when string.Equals(signer.Algorithm, "ES256", StringComparison.Ordinal):
                return 32;
            case ProofKeyType.Ecdsa when string.Equals(signer.Algorithm, "ES384", StringComparison.Ordinal):
                return 48;
            case ProofKeyType.Ed25519:
                throw ProofErrors.SignerNotEd25519(nameof(signer), suite, signer.Algorithm);
            default:
                throw ProofErrors.SignerNotEcdsa(nameof(signer), suite, signer.Algorithm);
        }
    }

    /// <summary>The proof over <paramref name="document"/> as secured by <see cref="SignAsync(JObject, ISigner, Cryptosuite, ProofOptions, CancellationToken)"/>; <paramref name="document"/> is only read.</summary>
    private static async Task<JObject> CreateProofCoreAsync(JObject document, ISigner signer, Cryptosuite suite, ProofOptions options, CancellationToken cancellationToken)
    {
        // The secured document's @context: the document's own, or a new array with the suite's context appended.
        var completedContext = CompletedSuiteContext(document["@context"], suite);
        var context = completedContext ?? document["@context"];

        // The proof configuration is the new proof (no proofValue yet) with the document's context: read through a view.
        var proof = NewProof(suite, signer, options);
        var configuration = ProofHashing.ConfigurationView(proof, context);
        var hashLength = HashLength(suite, signer);
        byte[] hashData;
        if (options.PreviousProof.Count == 0)
        {
            // The unsecured document is the document without `proof`, with the completed context: read in place.
            var unsecured = new DocumentView(document, "proof", completedContext);
            hashData = ProofHashing.HashData(suite, configuration, unsecured, options.JsonLd, cancellationToken, hashLength);
        }
        else
        {
            // A chain also signs the proofs it follows: that document is built (a copy).
            var unsecured = ProofSet.UnsecuredDocumentFor(document, ProofSet.Read(document), options.PreviousProof, "proof");
            if (completedContext is not null)
            {
                unsecured["@context"] = completedContext;
            }

            hashData = ProofHashing.HashData(suite, configuration, DocumentView.Whole(unsecured), options.JsonLd, cancellationToken, hashLength);
        }

        if (suite.Canonicalization == ProofCanonicalization.Jcs && context is not null)
        {
            // eddsa-jcs-2022 (and ecdsa-jcs-2019) signs the proof with the document's context inside it (no JSON-LD processing
            // will add it back), so the secured proof keeps it, as the W3C vector and the reference stack do.
            proof["@context"] = context.DeepClone();
        }

        var signature = await signer.SignAsync(hashData, cancellationToken).ConfigureAwait(false);
        proof["proofValue"] = Multibase.EncodeBase58Btc(signature);
        return proof;
    }

    /// <summary>
    /// Makes sure the document's <c>@context</c> defines the proof's terms, as the reference stack does:
    /// the VC 2.0 context already carries Data Integrity; otherwise the suite's context is appended.
    /// </summary>
    internal static void EnsureSuiteContext(JObject document, Cryptosuite suite)
    {
        if (CompletedSuiteContext(document["@context"], suite) is { } completed)
        {
            document["@context"] = completed;
        }
    }

    /// <summary>
    /// The <c>@context</c> <see cref="EnsureSuiteContext"/> would leave, as a new array, or null when
    /// <paramref name="context"/> needs nothing (or is absent). <paramref name="context"/> is not modified.
    /// </summary>
    internal static JArray? CompletedSuiteContext(JToken? context, Cryptosuite suite)
    {
        if (context is null)
        {
            return null;
        }

        var items = context as JArray ?? (IEnumerable<JToken>)[context];
        foreach (var item in items)
        {
            if (item.Type == JTokenType.String && (string)item! is { } url
                && (string.Equals(url, suite.SuiteContext, StringComparison.Ordinal)
                    || (suite.SuiteContextSatisfiedByVc2 && (string.Equals(url, EmbeddedContexts.CredentialsV2, StringComparison.Ordinal) || string.Equals(url, EmbeddedContexts.DataIntegrityV1, StringComparison.Ordinal)))))
            {
                return null;
            }
        }

        // The items are copied (a JToken has one parent), the input keeps its own.
        var completed = new JArray();
        foreach (var item in items)
        {
            completed.Add(item.DeepClone());
        }

        completed.Add(suite.SuiteContext);
        return completed;
    }

    internal static JObject NewProof(Cryptosuite suite, ISigner signer, ProofOptions options)
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
        var utc = time.UtcDateTime;
        if (utc.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            return utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
        }

        // Whole seconds (every proof made with the default clock): the sortable "s" format, yyyy-MM-ddTHH:mm:ss,
        // has a fast path the custom format string does not.
        Span<char> text = stackalloc char[20];
        if (!utc.TryFormat(text, out var written, "s", CultureInfo.InvariantCulture) || written != 19)
        {
            return utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }

        text[19] = 'Z';
        return new string(text);
    }
}
