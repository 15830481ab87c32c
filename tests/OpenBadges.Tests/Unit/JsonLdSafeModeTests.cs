using Newtonsoft.Json.Linq;
using OpenBadges.Json;
using OpenBadges.JsonLd;

namespace OpenBadges.Tests.Unit;

/// <summary>
/// Safe mode: every kind of silent data loss raises its event, which throws by default. Each case checks the
/// exact code (so a wrong or missing event fails) and, with safe mode off, that the data really is dropped.
/// </summary>
public sealed class JsonLdSafeModeTests
{
    public static TheoryData<JsonLdEventCode, string> ExpansionCases() => new()
    {
        { JsonLdEventCode.InvalidProperty, """{"@context": {"name": "http://schema.org/name"}, "@id": "http://ex/a", "name": "A", "nickname": "B"}""" },
        { JsonLdEventCode.RelativeIdReference, """{"@context": {"@vocab": "http://example.org/"}, "@id": "relative/a", "name": "A"}""" },
        { JsonLdEventCode.RelativeIdReference, """{"@context": {"knows": {"@id": "http://ex/knows", "@type": "@id"}}, "@id": "http://ex/a", "knows": "bob"}""" },
        { JsonLdEventCode.RelativeTypeReference, """{"@context": {"name": "http://schema.org/name"}, "@id": "http://ex/a", "@type": "Person", "name": "A"}""" },
        { JsonLdEventCode.RelativeVocabReference, """{"@context": {"@vocab": "terms/"}, "@id": "http://ex/a", "name": "A"}""" },
        { JsonLdEventCode.FreeFloatingScalar, """{"@context": {"@vocab": "http://example.org/"}, "@graph": ["loose", {"@id": "http://ex/a", "name": "A"}]}""" },
        { JsonLdEventCode.FreeFloatingValue, """{"@context": {"@vocab": "http://example.org/"}, "@graph": [{"@value": "loose"}, {"@id": "http://ex/a", "name": "A"}]}""" },
        { JsonLdEventCode.EmptyObject, """{"@context": {"name": "http://schema.org/name"}}""" },
        { JsonLdEventCode.ObjectWithOnlyId, """{"@context": {"@vocab": "http://example.org/"}, "@graph": [{"@id": "http://ex/lonely"}, {"@id": "http://ex/a", "name": "A"}]}""" },
        { JsonLdEventCode.ObjectWithOnlyLanguage, """{"@context": {"@vocab": "http://example.org/"}, "@id": "http://ex/a", "name": {"@language": "en"}}""" },
        { JsonLdEventCode.NullId, """{"@context": {"@vocab": "http://example.org/"}, "@id": null, "name": "A"}""" },
        { JsonLdEventCode.NullValue, """{"@context": {"@vocab": "http://example.org/"}, "@id": "http://ex/a", "name": {"@value": null}}""" },
        { JsonLdEventCode.ReservedIdValue, """{"@context": {"@vocab": "http://example.org/"}, "@id": "@future", "name": "A"}""" },
        { JsonLdEventCode.ReservedIdValue, """{"@context": {"name": {"@id": "@future"}, "@vocab": "http://example.org/"}, "@id": "http://ex/a", "title": "A"}""" },
        { JsonLdEventCode.ReservedReverseValue, """{"@context": {"parent": {"@reverse": "@future"}, "@vocab": "http://example.org/"}, "@id": "http://ex/a", "title": "A"}""" },
        { JsonLdEventCode.ReservedTerm, """{"@context": {"@future": "http://ex/future", "@vocab": "http://example.org/"}, "@id": "http://ex/a", "title": "A"}""" },
        { JsonLdEventCode.InvalidLanguage, """{"@context": {"@vocab": "http://example.org/"}, "@id": "http://ex/a", "name": {"@value": "A", "@language": "not a tag"}}""" },
        { JsonLdEventCode.InvalidLanguage, """{"@context": {"@vocab": "http://example.org/", "@language": "en_GB"}, "@id": "http://ex/a", "name": "A"}""" },
    };

    public static TheoryData<JsonLdEventCode, string> RdfCases() => new()
    {
        // Expanded input straight to RDF (the hot path), so the toRdf checks are reached even with safe mode on.
        { JsonLdEventCode.BlankNodePredicate, """[{"@id": "http://ex/s", "_:p": [{"@value": "v"}]}]""" },
        { JsonLdEventCode.RelativeGraphReference, """[{"@id": "graph", "@graph": [{"@id": "http://ex/s", "http://ex/p": [{"@value": "v"}]}]}]""" },
        { JsonLdEventCode.RelativePropertyReference, """[{"@id": "http://ex/s", "p:a b": [{"@value": "v"}]}]""" },
        { JsonLdEventCode.RelativeSubjectReference, """[{"@id": "subject", "http://ex/p": [{"@value": "v"}]}]""" },
        { JsonLdEventCode.RelativeObjectReference, """[{"@id": "http://ex/s", "http://ex/p": [{"@id": "object"}]}]""" },
        { JsonLdEventCode.RelativeObjectReference, """[{"@id": "http://ex/s", "http://ex/p": [{"@value": "v", "@type": "datatype"}]}]""" },
        { JsonLdEventCode.RelativeTypeReference, """[{"@id": "http://ex/s", "@type": ["Type"], "http://ex/p": [{"@value": "v"}]}]""" },
        { JsonLdEventCode.InvalidLanguage, """[{"@id": "http://ex/s", "http://ex/p": [{"@value": "v", "@language": "not a tag"}]}]""" },
    };

    [Theory]
    [MemberData(nameof(ExpansionCases))]
    public void ExpansionEventThrowsInSafeMode(JsonLdEventCode code, string json)
    {
        var error = Assert.Throws<JsonLdSafeModeException>(() => JsonLdProcessor.Expand(Parse(json)));

        Assert.Equal(code, error.Event.Code);
        Assert.Contains("[" + error.Event.CodeName + "]", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ExpansionCases))]
    public void ExpansionEventIsReportedWithSafeModeOff(JsonLdEventCode code, string json)
    {
        var events = new List<JsonLdEvent>();

        JsonLdProcessor.ToRdf(Parse(json), new JsonLdOptions { SafeMode = false, OnEvent = events.Add });

        Assert.Contains(events, e => e.Code == code);
    }

    [Theory]
    [MemberData(nameof(RdfCases))]
    public void RdfEventThrowsInSafeMode(JsonLdEventCode code, string json)
    {
        var error = Assert.Throws<JsonLdSafeModeException>(() => JsonLdProcessor.ExpandedToRdf((JArray)Parse(json)));

        Assert.Equal(code, error.Event.Code);
    }

    [Theory]
    [MemberData(nameof(RdfCases))]
    public void RdfEventDropsTheStatementWithSafeModeOff(JsonLdEventCode code, string json)
    {
        var events = new List<JsonLdEvent>();

        var quads = JsonLdProcessor.ExpandedToRdf((JArray)Parse(json), new JsonLdOptions { SafeMode = false, OnEvent = events.Add });

        var reported = Assert.Single(events);
        Assert.Equal(code, reported.Code);
        Assert.DoesNotContain(quads, q => new[] { q.Subject, q.Predicate, q.Object, q.Graph }.Any(t => t.Value == reported.Term || t.Datatype == reported.Term || t.Language == reported.Term));
    }

    [Fact]
    public void CredentialWithUndefinedPropertyIsRejectedNamingTermAndPath()
    {
        var credential = Parse("""
            {
              "@context": ["https://www.w3.org/2018/credentials/v1"],
              "type": ["VerifiableCredential"],
              "issuer": "did:example:issuer",
              "issuanceDate": "2024-01-01T00:00:00Z",
              "credentialSubject": {"id": "did:example:subject", "foo": "bar"}
            }
            """);

        var error = Assert.Throws<JsonLdSafeModeException>(() => JsonLdProcessor.ToRdf(credential));

        Assert.Equal(
            "Safe mode: property 'foo' at $.credentialSubject.foo does not expand to an absolute IRI (no context defines it) [invalid property]",
            error.Message);
        Assert.Equal(JsonLdEventCode.InvalidProperty, error.Event.Code);
        Assert.Equal("foo", error.Event.Term);
        Assert.Equal("$.credentialSubject.foo", error.Event.Path);
    }

    [Fact]
    public void SafeModeOffDropsTheUndefinedPropertyAndKeepsTheRest()
    {
        var events = new List<JsonLdEvent>();
        var document = Parse("""{"@context": {"name": "http://schema.org/name"}, "@id": "http://ex/a", "name": "A", "nickname": "B"}""");

        var expanded = JsonLdProcessor.Expand(document, new JsonLdOptions { SafeMode = false, OnEvent = events.Add });

        var node = (JObject)Assert.Single(expanded);
        Assert.Equal(new[] { "@id", "http://schema.org/name" }, node.Properties().Select(p => p.Name));
        Assert.Equal("$.nickname", Assert.Single(events).Path);
    }

    [Fact]
    public void EventsFromACachedContextAreReplayed()
    {
        // The context is processed once and cached; its event must still stop the second document.
        const string json = """{"@context": {"@future": "http://ex/future", "@vocab": "http://example.org/"}, "@id": "http://ex/a", "title": "A"}""";
        var loader = new CountingLoader(EmbeddedDocumentLoader.Default);
        var options = new JsonLdOptions { DocumentLoader = loader };

        Assert.Equal(JsonLdEventCode.ReservedTerm, Assert.Throws<JsonLdSafeModeException>(() => JsonLdProcessor.Expand(Parse(json), options)).Event.Code);
        Assert.Equal(JsonLdEventCode.ReservedTerm, Assert.Throws<JsonLdSafeModeException>(() => JsonLdProcessor.Expand(Parse(json), options)).Event.Code);
    }

    [Fact]
    public void CleanDocumentRaisesNoEvents()
    {
        var events = new List<JsonLdEvent>();
        var document = Parse("""{"@context": {"@vocab": "http://example.org/"}, "@id": "http://ex/a", "@type": "Thing", "name": {"@value": "A", "@language": "en-GB"}, "knows": {"@id": "_:b"}}""");

        var quads = JsonLdProcessor.ToRdf(document, new JsonLdOptions { OnEvent = events.Add });

        Assert.Empty(events);
        Assert.Equal(3, quads.Count);
    }

    internal static JToken Parse(string json) => JsonInput.Parse(json);
}
