using System.Globalization;
using Newtonsoft.Json.Linq;
using OpenBadges.Keys;
using OpenBadges.Proofs;
using OpenBadges.Tests.Support;
using Xunit.Abstractions;
using OpenBadges.Json;

namespace OpenBadges.Tests.Interop;

/// <summary>
/// Both directions against the JavaScript reference stack, over the whole corpus and every suite:
/// we sign → they verify, they sign → we verify. Ed25519 is deterministic, so both signers must also
/// produce the very same proof.
/// </summary>
public sealed class CrossImplementationTests(ITestOutputHelper output)
{
    private static readonly string[] Suites = ["eddsa-rdfc-2022", "Ed25519Signature2020", "eddsa-jcs-2022"];

    [InteropFact]
    public async Task Every_corpus_credential_interoperates_both_ways_in_every_suite()
    {
        var failures = new List<string>();
        var passed = 0;
        foreach (var (name, credential) in InteropCorpus.All())
        {
            foreach (var suiteName in Suites)
            {
                var label = $"{name} [{suiteName}]";
                try
                {
                    var problems = await CheckBothWays(credential, suiteName);
                    if (problems.Count == 0)
                    {
                        passed++;
                    }
                    else
                    {
                        failures.Add(label + ": " + string.Join("; ", problems));
                    }
                }
                catch (Exception e)
                {
                    failures.Add($"{label}: {e.GetType().Name}: {e.Message}");
                }
            }
        }

        var line = $"interop: {passed} passed, {failures.Count} failed";
        output.WriteLine(line);
        Console.WriteLine(line);
        Assert.True(passed >= 90, $"the corpus should give at least 30 credentials × 3 suites; got {passed + failures.Count}");
        Assert.True(failures.Count == 0, line + "\n" + string.Join("\n", failures));
    }

    private static async Task<List<string>> CheckBothWays(JObject credential, string suiteName)
    {
        var problems = new List<string>();
        var suite = Cryptosuites.FromName(suiteName)!;
        var verificationMethod = InteropCorpus.VerificationMethodFor(credential);
        var isDidKeyIssuer = InteropCorpus.IssuerOf(credential).StartsWith("did:key:", StringComparison.Ordinal);

        // We sign → they verify.
        using var key = Ed25519Key.FromSeed(Convert.FromHexString(InteropCorpus.SeedHex));
        var ours = await DataIntegritySigner.SignAsync(credential, new Ed25519Signer(key, verificationMethod), suite, new ProofOptions
        {
            Created = DateTimeOffset.Parse(InteropCorpus.Created, CultureInfo.InvariantCulture),
            JsonLd = TestContexts.Options,
        });

        // They sign → we verify.
        var theirs = await ReferenceStack.Shared.SignAsync(credential, suiteName, InteropCorpus.SeedHex, InteropCorpus.IssuerOf(credential), verificationMethod, InteropCorpus.Created);
        // JCS compares the JSON values (JS re-serializes 2.0 as 2; both are the number two).
        if (OpenBadges.Json.Jcs.Canonicalize(ours) != OpenBadges.Json.Jcs.Canonicalize(theirs))
        {
            problems.Add("our signed credential differs from theirs: " + FirstDifference(theirs, ours));
        }

        var jsKnownToRejectInlineContexts = suite == Cryptosuites.EddsaJcs2022 && InteropCorpus.HasInlineContext(credential);
        if (!jsKnownToRejectInlineContexts)
        {
            var theirVerdict = await ReferenceStack.Shared.VerifyDetailedAsync(ours);
            if (!theirVerdict.AllProofsVerified)
            {
                problems.Add("JS does not verify ours: " + theirVerdict.ErrorText);
            }
        }

        var ourVerdict = await DataIntegrityVerifier.VerifyAsync(theirs, new ProofVerificationOptions
        {
            JsonLd = TestContexts.Options,
            KeyResolver = isDidKeyIssuer ? KeyResolvers.Offline : KeyResolvers.OfflineTrustingKeyFragments,
        });
        if (!ourVerdict.IsValid)
        {
            problems.Add("we do not verify theirs: " + Conformance.DataIntegrityVectorTests.Describe(ourVerdict));
        }

        return problems;
    }

    private static string FirstDifference(JToken expected, JToken actual)
    {
        if (expected is JObject eo && actual is JObject ao)
        {
            foreach (var property in eo.Properties().Select(p => p.Name).Union(ao.Properties().Select(p => p.Name)))
            {
                if (!JToken.DeepEquals(eo[property], ao[property]))
                {
                    return eo[property] is JContainer && ao[property] is JContainer
                        ? FirstDifference(eo[property]!, ao[property]!)
                        : $"at {eo[property]?.Path ?? ao[property]?.Path}: theirs {eo[property]?.ToString(Newtonsoft.Json.Formatting.None)} / ours {ao[property]?.ToString(Newtonsoft.Json.Formatting.None)}";
                }
            }
        }

        if (expected is JArray ea && actual is JArray aa)
        {
            for (var i = 0; i < Math.Max(ea.Count, aa.Count); i++)
            {
                if (i >= ea.Count || i >= aa.Count)
                {
                    return $"at {expected.Path}: array lengths {ea.Count} / {aa.Count}";
                }

                if (!JToken.DeepEquals(ea[i], aa[i]))
                {
                    return FirstDifference(ea[i], aa[i]);
                }
            }
        }

        return $"at {expected.Path}: theirs {expected.ToString(Newtonsoft.Json.Formatting.None)} / ours {actual.ToString(Newtonsoft.Json.Formatting.None)}";
    }
}
