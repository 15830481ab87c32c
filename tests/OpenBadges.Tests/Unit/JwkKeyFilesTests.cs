using Newtonsoft.Json.Linq;
using OpenBadges.Keys;

namespace OpenBadges.Tests.Unit;

public sealed class JwkKeyFilesTests
{
    [Fact]
    public async Task A_generated_P256_key_file_loads_and_signs_under_its_did_jwk()
    {
        var file = JwkKeyFiles.GenerateP256();
        Assert.True(JwkKeyFiles.IsJwk(file));
        Assert.Equal(("EC", "P-256", "ES256"), ((string?)file["kty"], (string?)file["crv"], (string?)file["alg"]));
        Assert.StartsWith("did:jwk:", (string?)file["controller"], StringComparison.Ordinal);
        var (signer, key) = JwkKeyFiles.Load(file, "test");
        using (key)
        {
            Assert.Equal((string?)file["kid"], signer.KeyId);
            Assert.NotEmpty(await signer.SignAsync(new byte[] { 1, 2, 3 }));
        }
    }

    [Theory]
    [InlineData("kid")]
    [InlineData("d")]
    public void Refuses_a_key_file_without_a_needed_member_naming_it_but_no_secret(string member)
    {
        var file = JwkKeyFiles.GenerateP256();
        var secret = (string)file["d"]!;
        file.Remove(member);
        var error = Assert.Throws<FormatException>(() => JwkKeyFiles.Load(file, "key.json"));
        Assert.Contains($"'{member}'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_key_of_another_type()
    {
        var file = new JObject { ["kty"] = "OKP", ["crv"] = "Ed25519", ["kid"] = "did:example:1#k" };
        Assert.Throws<FormatException>(() => JwkKeyFiles.Load(file, "key.json"));
        Assert.False(JwkKeyFiles.IsJwk(new JObject { ["type"] = "Multikey" }));
    }
}
