using OpenBadges.JsonLd;

namespace OpenBadges.Tests.Unit;

/// <summary>RFC 3986 section 5.4 reference resolution examples, and the IRI shape checks.</summary>
public sealed class JsonLdIriResolverTests
{
    private const string Base = "http://a/b/c/d;p?q";

    [Theory]
    // 5.4.1 normal examples.
    [InlineData("g:h", "g:h")]
    [InlineData("g", "http://a/b/c/g")]
    [InlineData("./g", "http://a/b/c/g")]
    [InlineData("g/", "http://a/b/c/g/")]
    [InlineData("/g", "http://a/g")]
    [InlineData("//g", "http://g")]
    [InlineData("?y", "http://a/b/c/d;p?y")]
    [InlineData("g?y", "http://a/b/c/g?y")]
    [InlineData("#s", "http://a/b/c/d;p?q#s")]
    [InlineData("g#s", "http://a/b/c/g#s")]
    [InlineData("g?y#s", "http://a/b/c/g?y#s")]
    [InlineData(";x", "http://a/b/c/;x")]
    [InlineData("g;x", "http://a/b/c/g;x")]
    [InlineData("g;x?y#s", "http://a/b/c/g;x?y#s")]
    [InlineData("", "http://a/b/c/d;p?q")]
    [InlineData(".", "http://a/b/c/")]
    [InlineData("./", "http://a/b/c/")]
    [InlineData("..", "http://a/b/")]
    [InlineData("../", "http://a/b/")]
    [InlineData("../g", "http://a/b/g")]
    [InlineData("../..", "http://a/")]
    [InlineData("../../", "http://a/")]
    [InlineData("../../g", "http://a/g")]
    // 5.4.2 abnormal examples.
    [InlineData("../../../g", "http://a/g")]
    [InlineData("../../../../g", "http://a/g")]
    [InlineData("/./g", "http://a/g")]
    [InlineData("/../g", "http://a/g")]
    [InlineData("g.", "http://a/b/c/g.")]
    [InlineData(".g", "http://a/b/c/.g")]
    [InlineData("g..", "http://a/b/c/g..")]
    [InlineData("..g", "http://a/b/c/..g")]
    [InlineData("./../g", "http://a/b/g")]
    [InlineData("./g/.", "http://a/b/c/g/")]
    [InlineData("g/./h", "http://a/b/c/g/h")]
    [InlineData("g/../h", "http://a/b/c/h")]
    [InlineData("g;x=1/./y", "http://a/b/c/g;x=1/y")]
    [InlineData("g;x=1/../y", "http://a/b/c/y")]
    [InlineData("g?y/./x", "http://a/b/c/g?y/./x")]
    [InlineData("g?y/../x", "http://a/b/c/g?y/../x")]
    [InlineData("g#s/./x", "http://a/b/c/g#s/./x")]
    [InlineData("g#s/../x", "http://a/b/c/g#s/../x")]
    [InlineData("http:g", "http:g")]
    public void ResolvesAsRfc3986Says(string reference, string expected)
    {
        Assert.Equal(expected, IriResolver.Resolve(Base, reference));
    }

    [Fact]
    public void WithoutBaseAReferenceStaysRelative()
    {
        Assert.Equal("relative/x", IriResolver.Resolve(null, "relative/x"));
    }

    [Fact]
    public void DoesNotNormalizeWhatSystemUriWould()
    {
        // Case, percent-encoding, default ports and unicode are left exactly as written.
        Assert.Equal("HTTP://Example.COM:80/%7Efoo/ä", IriResolver.Resolve("http://x/", "HTTP://Example.COM:80/%7Efoo/ä"));
        Assert.Equal("urn:uuid:1234", IriResolver.Resolve("https://example.org/a/b", "urn:uuid:1234"));
    }

    [Theory]
    [InlineData("http://example.org/a", true)]
    [InlineData("urn:uuid:1", true)]
    [InlineData("did:key:z6Mk", true)]
    [InlineData("relative", false)]
    [InlineData("_:b0", false)]
    [InlineData("http://example.org/a b", false)]
    [InlineData("http://example.org/a#b#c", false)]
    [InlineData("http://example.org/<a>", false)]
    public void WellFormedAbsoluteIri(string value, bool expected)
    {
        Assert.Equal(expected, IriResolver.IsWellFormedAbsoluteIri(value));
    }
}
