using Newtonsoft.Json.Linq;
using OpenBadges.Status;

namespace OpenBadges.Tests.Unit;

public sealed class RevocationListTests
{
    [Theory]
    [InlineData("revokedCredentials")]
    [InlineData("revokedCredential")]
    public void Both_spellings_are_read(string property)
    {
        var list = RevocationList.Parse(JObject.Parse($$"""
            {"id": "https://uni.example/revocations", "issuer": {"id": "did:web:uni.example"},
             "{{property}}": [{"id": "urn:uuid:1", "revocationReason": "issued in error"}, {"id": "urn:uuid:2"}]}
            """));
        Assert.True(list.IsRevoked("urn:uuid:1", out var reason));
        Assert.Equal("issued in error", reason);
        Assert.True(list.IsRevoked("urn:uuid:2", out _));
        Assert.False(list.IsRevoked("urn:uuid:3", out _));
        Assert.Equal("did:web:uni.example", list.Issuer);
    }

    [Fact]
    public void An_entry_marked_not_revoked_is_not_revoked()
    {
        var list = RevocationList.Parse(JObject.Parse("""{"revokedCredentials": [{"id": "urn:uuid:1", "revoked": false}]}"""));
        Assert.False(list.IsRevoked("urn:uuid:1", out _));
    }

    [Theory]
    [InlineData("""{"id": "x"}""")]
    [InlineData("""{"revokedCredentials": "urn:uuid:1"}""")]
    [InlineData("""{"revokedCredentials": [{"reason": "no id"}]}""")]
    public void Malformed_lists_are_refused(string json) =>
        Assert.Throws<FormatException>(() => RevocationList.Parse(JObject.Parse(json)));
}
