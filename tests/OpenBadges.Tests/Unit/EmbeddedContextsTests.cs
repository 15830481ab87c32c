using Newtonsoft.Json.Linq;
using OpenBadges.JsonLd;
using OpenBadges.Tests.Support;

namespace OpenBadges.Tests.Unit;

public sealed class EmbeddedContextsTests
{
    public static TheoryData<string> Urls()
    {
        var data = new TheoryData<string>();
        foreach (var url in EmbeddedContexts.Urls)
        {
            data.Add(url);
        }

        return data;
    }

    [SharedDataTheory]
    [MemberData(nameof(Urls))]
    public void Embedded_copy_is_json_equal_to_the_shared_context(string url)
    {
        var embedded = EmbeddedContexts.Find(url)!.DeepClone();
        if (url == EmbeddedContexts.Ed25519Signature2018V1)
        {
            // Not in ../shared/contexts: its reference copy is the npm package the interop harness installs (BSD-3-Clause).
            var package = Path.Combine(Interop.ReferenceStack.HarnessDirectory, "node_modules", "ed25519-signature-2018-context", "contexts", "ed25519-signature-2018-v1.jsonld");
            if (!File.Exists(package))
            {
                Assert.False(SharedData.IsCi, "under CI the interop harness (npm ci) must be installed: " + package);
                Console.Error.WriteLine("!!!!! " + package + " is missing (npm ci in the interop folder): the 2018 context copy is NOT compared.");
                return;
            }

            Assert.True(JToken.DeepEquals(JToken.Parse(File.ReadAllText(package)), embedded), $"{url} differs from {package}");
            return;
        }

        if (url is EmbeddedContexts.ClrV2 or EmbeddedContexts.ClrV201)
        {
            // The CLR 2.0 contexts' reference copies are in the conformance data (1EdTech's validator), not ../shared/contexts.
            var clr = SharedData.Conformance(Path.Combine("ob3", "contexts", url == EmbeddedContexts.ClrV2 ? "clr-v2p0-context.json" : "clr-v2p0-context-2.0.1.json"));
            Assert.True(JToken.DeepEquals(JToken.Parse(File.ReadAllText(clr)), embedded), $"{url} differs from {clr}");
            return;
        }

        var shared = JToken.Parse(File.ReadAllText(SharedData.Contexts(EmbeddedContexts.ResourceName(url)!)));
        if (url == EmbeddedContexts.OpenBadgesV303)
        {
            // The June 2026 revision adds exactly this one top-level term; everything else is unchanged.
            var added = ((JObject)embedded["@context"]!).Property("endorsementJwt");
            Assert.NotNull(added);
            Assert.True(JToken.DeepEquals(
                JObject.Parse("""{"@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#endorsementJwt", "@container": "@set"}"""),
                added!.Value));
            added.Remove();
        }

        Assert.True(JToken.DeepEquals(shared, embedded), $"{url} differs from ../shared/contexts");
    }

    [Fact]
    public void Each_context_has_a_pinned_digest()
    {
        foreach (var url in EmbeddedContexts.Urls)
        {
            Assert.Matches("^[0-9a-f]{64}$", EmbeddedContexts.Sha256Hex(url));
        }
    }

    [Fact]
    public void Default_loader_serves_embedded_contexts_and_refuses_other_urls_by_name()
    {
        var loader = EmbeddedDocumentLoader.Default;
        Assert.NotNull(loader.Load(EmbeddedContexts.CredentialsV2).Document["@context"]);
        var error = Assert.Throws<JsonLdException>(() => loader.Load("https://evil.example/context.json"));
        Assert.Equal("loading document failed", error.Code);
        Assert.Contains("https://evil.example/context.json", error.Message);
        Assert.Contains(nameof(EmbeddedDocumentLoader.With), error.Message);
    }

    [Fact]
    public void A_loader_with_an_added_document_serves_it_and_leaves_the_default_unchanged()
    {
        var loader = EmbeddedDocumentLoader.Default.With("https://example.org/ctx", JObject.Parse("""{"@context": {"a": "https://example.org/a"}}"""));
        Assert.Equal("https://example.org/a", (string?)loader.Load("https://example.org/ctx").Document["@context"]!["a"]);
        Assert.Throws<JsonLdException>(() => EmbeddedDocumentLoader.Default.Load("https://example.org/ctx"));
    }
}
