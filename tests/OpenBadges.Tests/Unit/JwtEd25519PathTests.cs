using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OpenBadges.Keys;
using OpenBadges.Proofs.Jose;
using static OpenBadges.Tests.Unit.JwtTestSupport;

namespace OpenBadges.Tests.Unit;

/// <summary>
/// EdDSA VC-JWTs are issued by writing the payload straight from the credential and verified by one Ed25519 check of
/// the signing input, without IdentityModel: the payload must be exactly the JSON CreatePayload's object writes, and
/// every part of the signing input and the signature segment must count.
/// </summary>
public sealed class JwtEd25519PathTests : IDisposable
{
    private readonly Ed25519Key _key = Ed25519Key.Generate();

    public void Dispose() => _key.Dispose();

    private Ed25519Signer Signer => Ed25519Signer.ForDidKey(_key);

    [Fact]
    public async Task Issued_payload_is_the_json_CreatePayload_writes()
    {
        var credential = Credential(_key.PublicKey.ToDidKey());
        credential["validUntil"] = "2030-01-01T00:00:00Z";
        credential["name"] = "Ünïcode \"quoted\" \U0001F600 </script>";
        credential["achievementCount"] = 12.5;
        var token = await new VcJwtIssuer(Signer).IssueAsync(credential);
        var parts = token.Split('.');

        Assert.Equal(VcJwtIssuer.CreatePayload(credential).ToString(Formatting.None), Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1])));
        Assert.Equal(new VcJwtIssuer(Signer).CreateHeader().ToString(Formatting.None), Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[0])));
        AssertValid(await VcJwtVerifier.VerifyAsync(token, Options()));
    }

    [Fact]
    public async Task A_changed_header_fails_the_signature()
    {
        var token = await new VcJwtIssuer(Signer).IssueAsync(Credential(_key.PublicKey.ToDidKey()));
        var parts = token.Split('.');
        var header = new JObject { ["alg"] = "EdDSA", ["typ"] = "jwt", ["kid"] = Signer.KeyId };

        var result = await VcJwtVerifier.VerifyAsync(B64(header) + "." + parts[1] + "." + parts[2], Options());

        AssertFailed(result, VcJwtChecks.Signature);
    }

    [Theory]
    [InlineData(63)]
    [InlineData(65)]
    [InlineData(128)]
    public async Task A_signature_of_the_wrong_length_fails(int length)
    {
        var token = await new VcJwtIssuer(Signer).IssueAsync(Credential(_key.PublicKey.ToDidKey()));
        var parts = token.Split('.');
        var signature = System.Buffers.Text.Base64Url.DecodeFromChars(parts[2]);
        var resized = new byte[length];
        signature.AsSpan(0, Math.Min(length, signature.Length)).CopyTo(resized);

        var result = await VcJwtVerifier.VerifyAsync(parts[0] + "." + parts[1] + "." + System.Buffers.Text.Base64Url.EncodeToString(resized), Options());

        AssertFailed(result, VcJwtChecks.Signature);
    }

    [Fact]
    public async Task The_signature_of_another_token_fails()
    {
        var first = (await new VcJwtIssuer(Signer).IssueAsync(Credential(_key.PublicKey.ToDidKey()))).Split('.');
        var other = Credential(_key.PublicKey.ToDidKey());
        other["name"] = "Another badge";
        var second = (await new VcJwtIssuer(Signer).IssueAsync(other)).Split('.');

        var result = await VcJwtVerifier.VerifyAsync(first[0] + "." + first[1] + "." + second[2], Options());

        AssertFailed(result, VcJwtChecks.Signature);
    }
}
