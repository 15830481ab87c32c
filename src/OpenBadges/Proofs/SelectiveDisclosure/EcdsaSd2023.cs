using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;
using OpenBadges.Canonicalization;
using OpenBadges.Checks;
using OpenBadges.Internal;
using OpenBadges.Json;
using OpenBadges.JsonLd;
using OpenBadges.Keys;

namespace OpenBadges.Proofs;

/// <summary>
/// The <c>ecdsa-sd-2023</c> selective disclosure cryptosuite (W3C vc-di-ecdsa §3.5): the issuer signs a base proof
/// over a VC 2.0 credential, naming the statements every presentation must show (mandatory JSON Pointers); the holder
/// derives a proof that discloses the mandatory statements and the ones it chooses; a verifier checks derived proofs
/// with <see cref="DataIntegrityVerifier"/>.
/// </summary>
/// <remarks>
/// The base proof holds the HMAC key that hides blank node labels and one signature per non-mandatory statement, made
/// with a fresh P-256 key whose public key the issuer's signature covers. A base proof is for the holder, not for
/// verifiers: <see cref="DataIntegrityVerifier"/> reports one as not checked (CouldNotCheck), never valid.
/// </remarks>
public static class EcdsaSd2023
{
    private const string Vc1Context = "https://www.w3.org/2018/credentials/v1";

    /// <summary>
    /// The mandatory pointers this package uses for an Open Badges 3.0 credential when the issuer names none: everything a
    /// verifier needs to decide on the badge (every top-level member — issuer, validity, status, schema, type, name, … —
    /// and the achievement), leaving the learner's identity (<c>credentialSubject.id</c>, <c>identifier</c>, <c>name</c>)
    /// and results (<c>result</c>) and any other subject member for the holder to disclose or withhold.
    /// </summary>
    public static IReadOnlyList<string> OpenBadgesMandatoryPointers(JObject credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var pointers = new List<string>();
        foreach (var property in credential.Properties())
        {
            if (property.Name is "@context" or "proof" or "credentialSubject")
            {
                continue;
            }

            pointers.Add("/" + Escape(property.Name));
        }

        switch (credential["credentialSubject"])
        {
            case JObject subject:
                AddSubjectPointers(pointers, subject, "/credentialSubject");
                break;
            case JArray subjects:
                for (var i = 0; i < subjects.Count; i++)
                {
                    if (subjects[i] is JObject each)
                    {
                        AddSubjectPointers(pointers, each, $"/credentialSubject/{i}");
                    }
                }

                break;
        }

        return pointers;
    }

    /// <summary>
    /// Signs a base proof over <paramref name="document"/> (vc-di-ecdsa §3.5.1 createBaseProof) and returns the signed
    /// copy. <paramref name="mandatoryPointers"/> name what every derived presentation discloses (JSON Pointers into the
    /// document; default: <see cref="OpenBadgesMandatoryPointers"/>). The signer must be a P-256 key (ES256).
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The signer is not P-256, the document is a VC 1.1 credential or carries a proof already, a pointer does not match
    /// it, or it cannot be skolemized faithfully.
    /// </exception>
    /// <exception cref="JsonLdException">The document cannot be processed as JSON-LD (in safe mode: it carries terms no context defines).</exception>
    public static async Task<JObject> SignBaseAsync(
        JObject document,
        ISigner signer,
        IReadOnlyList<string>? mandatoryPointers = null,
        ProofOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var proofKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return await SignBaseCoreAsync(document, signer, mandatoryPointers ?? OpenBadgesMandatoryPointers(document), options ?? new ProofOptions(), RandomNumberGenerator.GetBytes(32), proofKey, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The base proof with a given HMAC key and per-proof key (the W3C vectors fix both).</summary>
    internal static async Task<JObject> SignBaseCoreAsync(
        JObject document,
        ISigner signer,
        IReadOnlyList<string> mandatoryPointers,
        ProofOptions options,
        byte[] hmacKey,
        ECDsa proofKey,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(mandatoryPointers);
        if (!string.Equals(signer.Algorithm, "ES256", StringComparison.Ordinal))
        {
            throw ProofErrors.SdSignerNotP256(nameof(signer), signer.Algorithm);
        }

        RequireVc2(document, nameof(document));
        if (document["proof"] is not null)
        {
            throw ProofErrors.SdDocumentAlreadySigned(nameof(document));
        }

        JsonInput.RequireSignableJson(document);
        foreach (var pointer in mandatoryPointers)
        {
            JsonPointer.Parse(pointer);
        }

        var unsecured = (JObject)document.DeepClone();
        if (DataIntegritySigner.CompletedSuiteContext(unsecured["@context"], Cryptosuites.EcdsaSd2023) is { } completed)
        {
            unsecured["@context"] = completed;
        }

        var proof = DataIntegritySigner.NewProof(Cryptosuites.EcdsaSd2023, signer, options);
        var transformed = BaseTransformation(unsecured, hmacKey, mandatoryPointers, options.JsonLd, cancellationToken);
        var proofHash = ProofHash(proof, unsecured["@context"], options.JsonLd, cancellationToken);
        var mandatoryHash = HashMandatory(transformed.Mandatory.Values);

        // baseProofSerialization step 1-2: one signature per non-mandatory statement with the per-proof key.
        var signatures = new List<byte[]>(transformed.NonMandatory.Count);
        foreach (var statement in transformed.NonMandatory.Values)
        {
            signatures.Add(proofKey.SignData(Encoding.UTF8.GetBytes(statement), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        }

        // Steps 3-5: the issuer signs proofHash ‖ multikey(per-proof public key) ‖ mandatoryHash.
        var publicKey = MultikeyBytes(EcdsaPublicKey.FromECDsa(proofKey));
        var baseSignature = await signer.SignAsync(SignData(proofHash, publicKey, mandatoryHash), cancellationToken).ConfigureAwait(false);

        // Step 6: the proof value.
        proof["proofValue"] = SdProofValues.Serialize(new SdBaseProofValue(baseSignature, publicKey, hmacKey, signatures, mandatoryPointers.ToArray()));
        unsecured["proof"] = proof;
        return unsecured;
    }

    /// <summary>
    /// Derives a presentation from a credential with an ecdsa-sd-2023 base proof (vc-di-ecdsa §3.5.5 createDisclosureData,
    /// §3.5.6 serializeDerivedProofValue): the document keeps the issuer's mandatory statements and those
    /// <paramref name="selectivePointers"/> select, with a derived proof a verifier checks.
    /// </summary>
    /// <exception cref="ArgumentException">The credential has no ecdsa-sd-2023 base proof, or a pointer does not match it.</exception>
    /// <exception cref="JsonLdException">The credential cannot be processed as JSON-LD.</exception>
    public static JObject Derive(JObject baseCredential, IReadOnlyList<string> selectivePointers, JsonLdOptions? jsonLd = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseCredential);
        ArgumentNullException.ThrowIfNull(selectivePointers);
        if (baseCredential["proof"] is not JObject proof
            || !string.Equals((string?)(proof["cryptosuite"] as JValue), Cryptosuites.EcdsaSd2023.Name, StringComparison.Ordinal))
        {
            throw ProofErrors.SdNoSingleBaseProof(nameof(baseCredential));
        }

        var text = proof["proofValue"] is JValue { Type: JTokenType.String } v ? (string?)v : null;
        if (!SdProofValues.TryDecodeText(text, out var bytes) || !SdProofValues.TryParseBase(bytes, out var baseValue, out _))
        {
            throw ProofErrors.SdNotBaseProof(nameof(baseCredential), hasProofValue: text is not null);
        }

        var document = JsonCopy.ObjectWithout(baseCredential, "proof");
        var disclosure = CreateDisclosureData(document, baseValue, selectivePointers, jsonLd, cancellationToken);
        var derivedProof = (JObject)proof.DeepClone();
        derivedProof["proofValue"] = SdProofValues.Serialize(disclosure.ProofValue);
        disclosure.RevealDocument["proof"] = derivedProof;
        return disclosure.RevealDocument;
    }

    internal sealed record BaseTransform(SortedDictionary<int, string> Mandatory, SortedDictionary<int, string> NonMandatory, List<string> NQuads);

    internal sealed record DisclosureData(SdDerivedProofValue ProofValue, JObject RevealDocument, Grouping.Result Groups);

    /// <summary>baseProofTransformation (§3.5.2 in the base proof steps): the HMAC-relabelled statements split into mandatory and not.</summary>
    internal static BaseTransform BaseTransformation(JObject unsecured, byte[] hmacKey, IReadOnlyList<string> mandatoryPointers, JsonLdOptions? jsonLd, CancellationToken cancellationToken)
    {
        var groups = Grouping.CanonicalizeAndGroup(unsecured, LabelReplacement.Hmac(hmacKey),
            new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["mandatory"] = mandatoryPointers }, jsonLd, cancellationToken);
        var mandatory = groups.Groups["mandatory"];
        return new BaseTransform(mandatory.Matching, mandatory.NonMatching, groups.NQuads);
    }

    /// <summary>createDisclosureData (§3.5.5).</summary>
    internal static DisclosureData CreateDisclosureData(JObject document, SdBaseProofValue baseValue, IReadOnlyList<string> selectivePointers, JsonLdOptions? jsonLd, CancellationToken cancellationToken)
    {
        // Steps 1-4: the three groups, over the HMAC-relabelled statements.
        var combinedPointers = baseValue.MandatoryPointers.Concat(selectivePointers).ToArray();
        var grouped = Grouping.CanonicalizeAndGroup(document, LabelReplacement.Hmac(baseValue.HmacKey), new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["mandatory"] = baseValue.MandatoryPointers,
            ["selective"] = selectivePointers,
            ["combined"] = combinedPointers,
        }, jsonLd, cancellationToken);

        // Steps 5-8: mandatory indexes relative to the disclosed (combined) statements.
        var combined = grouped.Groups["combined"];
        var combinedIndexes = combined.Matching.Keys.ToList();
        var mandatoryIndexes = new List<int>();
        foreach (var index in grouped.Groups["mandatory"].Matching.Keys)
        {
            mandatoryIndexes.Add(combinedIndexes.IndexOf(index));
        }

        // Steps 9-11: the signatures of the disclosed non-mandatory statements.
        var nonMandatoryIndexes = grouped.Groups["mandatory"].NonMatching.Keys.ToList();
        if (nonMandatoryIndexes.Count != baseValue.Signatures.Count)
        {
            throw ProofErrors.SdSignatureCountMismatch(nameof(baseValue), baseValue.Signatures.Count, nonMandatoryIndexes.Count);
        }

        var filteredSignatures = new List<byte[]>();
        foreach (var index in grouped.Groups["selective"].Matching.Keys)
        {
            var position = nonMandatoryIndexes.BinarySearch(index);
            if (position >= 0)
            {
                filteredSignatures.Add(baseValue.Signatures[position]);
            }
        }

        // Step 12: the reveal document, selected from the document itself.
        var revealDocument = JsonLdSelection.Select(document, combinedPointers)
            ?? throw ProofErrors.SdNothingToDisclose(nameof(selectivePointers));

        // Steps 13-15: the verifier's canonical labels (of the disclosed statements) mapped to the HMAC labels.
        var canonical = Rdfc10.Canonicalize(combined.DeskolemizedQuads, null, cancellationToken);
        var labelMap = new Dictionary<int, byte[]>();
        foreach (var (input, c14n) in canonical.IssuedIdentifiers)
        {
            var label = grouped.LabelMap[input];
            labelMap[int.Parse(c14n.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture)] = System.Buffers.Text.Base64Url.DecodeFromChars(label.AsSpan(1));
        }

        var proofValue = new SdDerivedProofValue(baseValue.BaseSignature, baseValue.PublicKey, filteredSignatures, labelMap, mandatoryIndexes);
        RequireVerifierReadsTheSame(revealDocument, proofValue, combined, jsonLd, cancellationToken);
        return new DisclosureData(proofValue, revealDocument, grouped);
    }

    /// <summary>
    /// The verifier will canonicalize the reveal document with the label map; that must give exactly the disclosed
    /// statements (a pointer into an RDF list, for one, would not), or the holder would present something that fails.
    /// </summary>
    private static void RequireVerifierReadsTheSame(JObject revealDocument, SdDerivedProofValue proofValue, Grouping.Group combined, JsonLdOptions? jsonLd, CancellationToken cancellationToken)
    {
        var statements = VerifierStatements(revealDocument, proofValue, jsonLd, cancellationToken);
        if (statements is null || !statements.SequenceEqual(combined.Matching.Values, StringComparer.Ordinal))
        {
            throw ProofErrors.SelectionNotReadable();
        }
    }

    /// <summary>The statements a verifier reads from a derived document: canonical, relabelled with the proof's label map, sorted; null when the map does not cover them.</summary>
    private static List<string>? VerifierStatements(JObject unsecured, SdDerivedProofValue proofValue, JsonLdOptions? jsonLd, CancellationToken cancellationToken)
    {
        var labelMap = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, label) in proofValue.LabelMap)
        {
            labelMap["c14n" + key.ToString(System.Globalization.CultureInfo.InvariantCulture)] = "u" + System.Buffers.Text.Base64Url.EncodeToString(label);
        }

        try
        {
            return LabelReplacement.Canonicalize(Grouping.ToRdf(unsecured, jsonLd, cancellationToken), LabelReplacement.FromMap(labelMap), cancellationToken).NQuads;
        }
        catch (KeyNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Verifies a derived proof (vc-di-ecdsa §3.5.7 verifyDerivedProof, §3.5.8 createVerifyData).</summary>
    internal static VerificationCheck VerifyDerived(JObject document, JObject proof, byte[] proofValueBytes, EcdsaPublicKey issuerKey, string path, JsonLdOptions? jsonLd, CancellationToken cancellationToken)
    {
        const string name = "proof.signature";
        const string rule = "the ecdsa-sd-2023 derived proof verifies: the issuer's signature over the proof configuration, the per-proof key and the mandatory statements, and one signature per other disclosed statement";
        if (SdProofValues.IsBase(proofValueBytes))
        {
            return VerificationCheck.Undecided(name, "This is an ecdsa-sd-2023 base proof, which is for the holder: a verifier checks a proof derived from it (vc-di-ecdsa §3.5.7 accepts derived proofs only).", path + ".proofValue", rule);
        }

        if (!SdProofValues.TryParseDerived(proofValueBytes, out var derived, out var error))
        {
            return VerificationCheck.Fail(name, "The proof value is not an ecdsa-sd-2023 derived proof value: " + error + ".", path + ".proofValue", rule);
        }

        if (!SdPublicKey(derived.PublicKey, out var proofKey))
        {
            return VerificationCheck.Fail(name, "The derived proof's per-proof key is not a P-256 Multikey.", path + ".proofValue", rule);
        }

        // createVerifyData steps: the proof hash, the disclosed statements relabelled, split by the mandatory indexes.
        var unsecured = JsonCopy.ObjectWithout(document, "proof");
        var proofHash = ProofHash(proof, document["@context"], jsonLd, cancellationToken);
        var statements = VerifierStatements(unsecured, derived, jsonLd, cancellationToken);
        if (statements is null)
        {
            return VerificationCheck.Fail(name, "The disclosed document has a blank node the proof's label map does not name: statements were added.", path + ".proofValue", rule);
        }

        var mandatoryIndexes = new HashSet<int>(derived.MandatoryIndexes);
        if (mandatoryIndexes.Count != derived.MandatoryIndexes.Count || derived.MandatoryIndexes.Any(i => i < 0 || i >= statements.Count))
        {
            return VerificationCheck.Fail(name, "The derived proof's mandatory indexes do not fit the disclosed statements (repeated or out of range).", path + ".proofValue", rule);
        }

        var mandatory = new List<string>();
        var nonMandatory = new List<string>();
        for (var i = 0; i < statements.Count; i++)
        {
            (mandatoryIndexes.Contains(i) ? mandatory : nonMandatory).Add(statements[i]);
        }

        // verifyDerivedProof: as many signatures as non-mandatory statements, the base signature, then each statement's.
        if (derived.Signatures.Count != nonMandatory.Count)
        {
            return VerificationCheck.Fail(name, $"The derived proof carries {derived.Signatures.Count} statement signatures for {nonMandatory.Count} disclosed non-mandatory statements: statements were added or removed.", path + ".proofValue", rule);
        }

        var toVerify = SignData(proofHash, derived.PublicKey, HashMandatory(mandatory));
        if (!issuerKey.Verify(toVerify, derived.BaseSignature))
        {
            return VerificationCheck.Fail(name, "The issuer's base signature does not verify: the proof, a mandatory statement or the per-proof key was changed, or another key signed it.", path + ".proofValue", rule);
        }

        for (var i = 0; i < nonMandatory.Count; i++)
        {
            if (!proofKey.Verify(Encoding.UTF8.GetBytes(nonMandatory[i]), derived.Signatures[i]))
            {
                return VerificationCheck.Fail(name, $"The signature of disclosed statement {i + 1} of {nonMandatory.Count} does not verify: a disclosed statement was changed, added or reordered.", path + ".proofValue", rule);
            }
        }

        return VerificationCheck.Pass(name, $"The derived proof verifies ({mandatory.Count} mandatory and {nonMandatory.Count} selectively disclosed statements).", path + ".proofValue", rule);
    }

    /// <summary>SHA-256 of the canonical proof configuration (the proof without proofValue, with the document's context).</summary>
    internal static byte[] ProofHash(JObject proof, JToken? documentContext, JsonLdOptions? jsonLd, CancellationToken cancellationToken)
    {
        var hash = new byte[32];
        ProofHashing.HashCanonical(Cryptosuites.EcdsaSd2023, ProofHashing.ConfigurationView(proof, documentContext ?? proof["@context"]), jsonLd, cancellationToken, hash);
        return hash;
    }

    /// <summary>hashMandatoryNQuads: SHA-256 of the mandatory statements joined.</summary>
    internal static byte[] HashMandatory(IEnumerable<string> statements)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var statement in statements)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(statement));
        }

        return hash.GetHashAndReset();
    }

    /// <summary>serializeSignData: proofHash ‖ publicKey ‖ mandatoryHash.</summary>
    internal static byte[] SignData(byte[] proofHash, byte[] publicKey, byte[] mandatoryHash) => [.. proofHash, .. publicKey, .. mandatoryHash];

    /// <summary>The multicodec form of a P-256 public key: 0x80 0x24 then the compressed point (35 bytes).</summary>
    internal static byte[] MultikeyBytes(EcdsaPublicKey key) => [.. EcdsaCurves.P256PublicHeader, .. key.CompressedPoint];

    private static bool SdPublicKey(byte[] bytes, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out EcdsaPublicKey? key)
    {
        key = null;
        return bytes.AsSpan().StartsWith(EcdsaCurves.P256PublicHeader)
            && EcdsaPublicKey.TryFromCompressedPoint(EcdsaCurve.P256, bytes.AsSpan(2), out key, out _);
    }

    private static void RequireVc2(JObject document, string paramName)
    {
        var first = document["@context"] switch
        {
            JArray array when array.Count > 0 => array[0],
            JValue value => value,
            _ => null,
        };
        if (first is JValue { Type: JTokenType.String } url && string.Equals((string?)url, Vc1Context, StringComparison.Ordinal))
        {
            throw ProofErrors.SdNeedsVc2NotVc11(paramName);
        }

        if (first is not JValue { Type: JTokenType.String } v2 || !string.Equals((string?)v2, EmbeddedContexts.CredentialsV2, StringComparison.Ordinal))
        {
            throw ProofErrors.SdFirstContextNotVc2(paramName, EmbeddedContexts.CredentialsV2);
        }
    }

    private static void AddSubjectPointers(List<string> pointers, JObject subject, string prefix)
    {
        // The subject's type and achievement are the badge; its id, identifier, name, result and the rest are the learner's.
        foreach (var name in (string[])["type", "achievement"])
        {
            if (subject.Property(name) is not null)
            {
                pointers.Add(prefix + "/" + name);
            }
        }
    }

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
