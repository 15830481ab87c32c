using System.Buffers.Text;
using System.Security.Cryptography;
using Newtonsoft.Json.Linq;
using OpenBadges.Keys;
using OpenBadges.Proofs.Jose;
using OpenBadges.Tests.Unit;
using Xunit.Abstractions;

namespace OpenBadges.Tests.Interop;

/// <summary>
/// VC-JWT against a second, independent JOSE implementation (the <c>jose</c> npm package): tokens we issue
/// verify there, and tokens it signs verify here, for RS256, ES256 and EdDSA.
/// </summary>
public sealed class JoseInteropTests(ITestOutputHelper output)
{
    public static TheoryData<string> Algorithms() => new() { "EdDSA", "ES256", "RS256" };

    [InteropTheory]
    [MemberData(nameof(Algorithms))]
    public async Task Tokens_we_issue_verify_with_jose(string algorithm)
    {
        using var key = TestKey.Create(algorithm);
        var credential = JwtTestSupport.Credential(key.Did);
        var token = await new VcJwtIssuer(key.Signer).IssueAsync(credential);

        var response = await ReferenceStack.Shared.RequestAsync(new JObject
        {
            ["op"] = "jwt-verify",
            ["token"] = token,
            ["jwk"] = key.PublicJwk,
            ["alg"] = algorithm,
        }, "jwt-verify " + algorithm);
        output.WriteLine(response.ToString());
        Assert.True((bool?)response["verified"] == true, (string?)response["error"]);
        Assert.Equal(key.Did, (string?)response["payload"]!["iss"]);
        Assert.Equal(algorithm, (string?)response["header"]!["alg"]);
    }

    [InteropTheory]
    [MemberData(nameof(Algorithms))]
    public async Task Tokens_jose_signs_verify_with_ours(string algorithm)
    {
        using var key = TestKey.Create(algorithm);
        var credential = JwtTestSupport.Credential(key.Did);
        var response = await ReferenceStack.Shared.RequestAsync(new JObject
        {
            ["op"] = "jwt-sign",
            ["payload"] = VcJwtIssuer.CreatePayload(credential),
            ["header"] = new JObject { ["alg"] = algorithm, ["typ"] = "JWT", ["kid"] = key.Signer.KeyId },
            ["jwk"] = key.PrivateJwk,
        }, "jwt-sign " + algorithm);
        var token = (string)response["token"]!;

        var result = await VcJwtVerifier.VerifyAsync(token, JwtTestSupport.Options());
        JwtTestSupport.AssertValid(result);

        // One changed payload character and the signature no longer holds.
        var parts = token.Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1])).Replace("Teamwork Badge", "Teamwork Badgf", StringComparison.Ordinal);
        var tampered = parts[0] + "." + Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(payload)) + "." + parts[2];
        Assert.False((await VcJwtVerifier.VerifyAsync(tampered, JwtTestSupport.Options())).IsValid);
    }

    /// <summary>A key of each algorithm, its did:jwk as issuer and key id, and its JWKs.</summary>
    private sealed class TestKey : IDisposable
    {
        private readonly IDisposable _owner;

        private TestKey(IDisposable owner, ISigner signer, JObject publicJwk, JObject privateJwk, string did)
        {
            _owner = owner;
            Signer = signer;
            PublicJwk = publicJwk;
            PrivateJwk = privateJwk;
            Did = did;
        }

        public ISigner Signer { get; }

        public JObject PublicJwk { get; }

        public JObject PrivateJwk { get; }

        public string Did { get; }

        public static TestKey Create(string algorithm)
        {
            switch (algorithm)
            {
                case "EdDSA":
                {
                    var key = Ed25519Key.FromSeed(RandomNumberGenerator.GetBytes(32), allowSecretExport: true);
                    var publicJwk = Jwk.FromPublicKey(key.PublicKey);
                    return new TestKey(key, new Ed25519Signer(key, DidJwk.CreateVerificationMethodId(publicJwk)), publicJwk, Jwk.FromKey(key, includePrivateKey: true), DidJwk.Create(publicJwk));
                }

                case "ES256":
                {
                    var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                    var (publicJwk, privateJwk) = OpenBadges.Keys.JwkKeyFiles.ToJwks(ec.ExportParameters(includePrivateParameters: true));
                    return new TestKey(ec, new EcdsaP256Signer(ec, DidJwk.CreateVerificationMethodId(publicJwk)), publicJwk, privateJwk, DidJwk.Create(publicJwk));
                }

                default:
                {
                    var rsa = RSA.Create(2048);
                    var (publicJwk, privateJwk) = OpenBadges.Keys.JwkKeyFiles.ToJwks(rsa.ExportParameters(includePrivateParameters: true));
                    return new TestKey(rsa, new RsaSigner(rsa, DidJwk.CreateVerificationMethodId(publicJwk)), publicJwk, privateJwk, DidJwk.Create(publicJwk));
                }
            }
        }

        public void Dispose() => _owner.Dispose();
    }
}
