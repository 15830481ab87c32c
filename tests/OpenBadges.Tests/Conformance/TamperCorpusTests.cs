using System.Globalization;
using Newtonsoft.Json.Linq;
using OpenBadges.Keys;
using OpenBadges.Proofs;
using OpenBadges.Tests.Interop;
using OpenBadges.Tests.Support;
using Xunit.Abstractions;

namespace OpenBadges.Tests.Conformance;

/// <summary>
/// Every single mutation of a signed credential must fail verification: each leaf value changed, each
/// property removed, a defined property added, each proof field changed. Run over the interop corpus,
/// signed by us in every suite.
/// </summary>
public sealed class TamperCorpusTests(ITestOutputHelper output)
{
    [SharedDataFact]
    public async Task Every_single_mutation_of_a_signed_credential_is_rejected()
    {
        var accepted = new List<string>();
        var total = 0;
        var unchangedRdf = 0;
        using var key = Ed25519Key.FromSeed(Convert.FromHexString(InteropCorpus.SeedHex));
        foreach (var (name, credential) in InteropCorpus.All())
        {
            foreach (var suite in new[] { Cryptosuites.EddsaRdfc2022, Cryptosuites.Ed25519Signature2020, Cryptosuites.EddsaJcs2022 })
            {
                var verificationMethod = InteropCorpus.VerificationMethodFor(credential);
                var signed = await DataIntegritySigner.SignAsync(credential, new Ed25519Signer(key, verificationMethod), suite, new ProofOptions
                {
                    Created = DateTimeOffset.Parse(InteropCorpus.Created, CultureInfo.InvariantCulture),
                    JsonLd = TestContexts.Options,
                });
                var options = new ProofVerificationOptions
                {
                    JsonLd = TestContexts.Options,
                    KeyResolver = KeyResolvers.OfflineTrustingKeyFragments,
                    Clock = new FixedClock(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)),
                };
                Assert.True((await DataIntegrityVerifier.VerifyAsync(signed, options)).IsValid, $"{name} [{suite}] must verify before tampering");

                foreach (var (description, mutated) in Mutations(signed))
                {
                    var result = await DataIntegrityVerifier.VerifyAsync(mutated, options);
                    if (result.IsValid && suite.Canonicalization == ProofCanonicalization.Rdfc10 && SameSignedRdf(signed, mutated))
                    {
                        // The change left the signed RDF dataset as it was (e.g. one of two copies of the same
                        // node lost a statement the other copy still makes): not tampering with what was signed.
                        unchangedRdf++;
                        continue;
                    }

                    total++;
                    if (result.IsValid)
                    {
                        accepted.Add($"{name} [{suite}]: {description}");
                    }
                }
            }
        }

        var line = $"tamper: {total - accepted.Count} of {total} mutations rejected ({unchangedRdf} more left the signed RDF unchanged)";
        output.WriteLine(line);
        Console.WriteLine(line);
        Assert.True(total > 1000, "the tamper corpus should be large");
        Assert.True(accepted.Count == 0, line + "\naccepted:\n" + string.Join("\n", accepted.Take(50)));
    }

    [SharedDataFact]
    public async Task Every_single_mutation_of_an_ecdsa_signed_or_derived_credential_is_rejected()
    {
        var accepted = new List<string>();
        var total = 0;
        var unchangedRdf = 0;
        using var key = EcdsaKeyFile.TryRead(TestContexts.ReadObject(SharedData.Conformance("vc-di-ecdsa/p256KeyPair.json")), out var file, out var error)
            ? file : throw new InvalidOperationException(error);
        var proofOptions = new ProofOptions { Created = DateTimeOffset.Parse(InteropCorpus.Created, CultureInfo.InvariantCulture), JsonLd = TestContexts.Options };
        var options = new ProofVerificationOptions
        {
            JsonLd = TestContexts.Options,
            Clock = new FixedClock(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)),
        };
        foreach (var (name, original) in InteropCorpus.All())
        {
            var credential = EcdsaInteropTests.WithIssuer(original, key.Controller);
            var secured = new List<(string Suite, JObject Signed)>
            {
                ("ecdsa-rdfc-2019", await DataIntegritySigner.SignAsync(credential, key.CreateSigner(), Cryptosuites.EcdsaRdfc2019, proofOptions)),
                ("ecdsa-jcs-2019", await DataIntegritySigner.SignAsync(credential, key.CreateSigner(), Cryptosuites.EcdsaJcs2019, proofOptions)),
            };
            if (credential["@context"]![0]!.ToString() == "https://www.w3.org/ns/credentials/v2" && name != "endorsement-embedded-signed")
            {
                // A derived ecdsa-sd-2023 presentation that discloses everything the base allows but the subject's id.
                var baseCredential = await EcdsaSd2023.SignBaseAsync(credential, key.CreateSigner(), EcdsaSd2023.OpenBadgesMandatoryPointers(credential), proofOptions);
                var selective = credential["credentialSubject"] is JObject subject
                    ? subject.Properties().Where(p => p.Name is not ("id" or "type" or "achievement")).Select(p => "/credentialSubject/" + p.Name).ToArray()
                    : [];
                secured.Add(("ecdsa-sd-2023", EcdsaSd2023.Derive(baseCredential, selective, TestContexts.Options)));
            }

            foreach (var (suite, signed) in secured)
            {
                Assert.True((await DataIntegrityVerifier.VerifyAsync(signed, options)).IsValid, $"{name} [{suite}] must verify before tampering");
                foreach (var (description, mutated) in Mutations(signed))
                {
                    var result = await DataIntegrityVerifier.VerifyAsync(mutated, options);
                    if (result.IsValid && suite != "ecdsa-jcs-2019" && SameSignedRdf(signed, mutated))
                    {
                        unchangedRdf++;
                        continue;
                    }

                    total++;
                    if (result.IsValid)
                    {
                        accepted.Add($"{name} [{suite}]: {description}");
                    }
                }
            }
        }

        var line = $"ecdsa tamper: {total - accepted.Count} of {total} mutations rejected ({unchangedRdf} more left the signed RDF unchanged)";
        output.WriteLine(line);
        Console.WriteLine(line);
        Assert.True(total > 1000, "the tamper corpus should be large");
        Assert.True(accepted.Count == 0, line + "\naccepted:\n" + string.Join("\n", accepted.Take(50)));
    }

    private static bool SameSignedRdf(JObject original, JObject mutated)
    {
        static string Canonical(JObject document)
        {
            var copy = (JObject)document.DeepClone();
            var proof = copy["proof"];
            copy.Remove("proof");
            var proofConfiguration = proof is JObject p ? ProofHashing.ProofConfiguration(p, copy["@context"]) : null;
            return OpenBadges.Canonicalization.JsonLdCanonicalizer.Canonicalize(copy, TestContexts.Options)
                + (proofConfiguration is null ? "" : OpenBadges.Canonicalization.JsonLdCanonicalizer.Canonicalize(proofConfiguration, TestContexts.Options))
                + (string?)proof?["proofValue"];
        }

        try
        {
            return Canonical(original) == Canonical(mutated);
        }
        catch (Exception e) when (e is OpenBadges.JsonLd.JsonLdException or OpenBadges.Canonicalization.CanonicalizationLimitException)
        {
            return false;
        }
    }

    /// <summary>Each single mutation of <paramref name="signed"/>, described.</summary>
    internal static IEnumerable<(string Description, JObject Mutated)> Mutations(JObject signed)
    {
        foreach (var leaf in signed.SelectTokens("$..*").OfType<JValue>().Select(v => v.Path).ToList())
        {
            var mutated = (JObject)signed.DeepClone();
            var value = (JValue)mutated.SelectToken(leaf)!;
            value.Value = Changed(value);
            yield return ($"changed {leaf}", mutated);
        }

        foreach (var property in signed.Descendants().OfType<JProperty>().Select(p => p.Path).ToList())
        {
            var mutated = (JObject)signed.DeepClone();
            mutated.SelectToken(property)!.Parent!.Remove();
            yield return ($"removed {property}", mutated);
        }

        foreach (var element in signed.Descendants().Where(t => t.Parent is JArray { Count: > 1 }).Select(t => t.Path).ToList())
        {
            var mutated = (JObject)signed.DeepClone();
            mutated.SelectToken(element)!.Remove();
            yield return ($"removed array element {element}", mutated);
        }

        var added = (JObject)signed.DeepClone();
        added["name"] = (string?)added["name"] + " (tampered)";
        added["awardedDate"] = "2030-01-01T00:00:00Z";
        yield return ("added a defined property", added);
    }

    private static object? Changed(JValue value) => value.Type switch
    {
        JTokenType.String => ChangedString((string)value!),
        JTokenType.Integer => (long)value + 1,
        JTokenType.Float => (double)value + 0.5,
        JTokenType.Boolean => !(bool)value,
        _ => "tampered",
    };

    // A changed string keeps its shape (an IRI stays an absolute IRI, a date stays a date) so the
    // mutation tests the signature, not just a parse error.
    private static string ChangedString(string text)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) && text.Contains('T', StringComparison.Ordinal))
        {
            return date.AddSeconds(1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }

        return text.Length > 0 && char.IsAsciiLetterOrDigit(text[^1]) ? text[..^1] + (text[^1] == 'x' ? 'y' : 'x') : text + "x";
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
