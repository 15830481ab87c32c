using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Newtonsoft.Json.Linq;
using OpenBadges.Keys;
using OpenBadges.SdJwt;
using OpenBadges.Tests.Unit;

namespace OpenBadges.Tests.SdJwt;

/// <summary>Where the SD-JWT VC issuer's key comes from: x5c (with and without trust anchors) and JWT VC Issuer Metadata (only through a fetcher).</summary>
public sealed class IssuerKeySourceTests
{
    private static readonly DateTimeOffset Now = SdJwtRoundTripTests.Now;

    private static SdJwtVerificationOptions Options(SdJwtVerificationOptions? o = null) => SdJwtRoundTripTests.Options(o);

    private static JObject Claims(string iss) => new() { ["given_name"] = "Jan", ["note"] = "issued by " + iss };

    [Fact]
    public async Task An_x5c_key_is_the_issuers_only_under_a_trusted_anchor_naming_its_host()
    {
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var rootRequest = new CertificateRequest("CN=Test Root", rootKey, HashAlgorithmName.SHA256);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var root = rootRequest.CreateSelfSigned(Now.AddYears(-1), Now.AddYears(5));
        var leafRequest = new CertificateRequest("CN=issuer.example", leafKey, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("issuer.example");
        leafRequest.CertificateExtensions.Add(san.Build());
        using var leaf = leafRequest.Create(root, Now.AddDays(-1), Now.AddYears(1), [1, 2, 3, 4]);

        var signer = new EcdsaP256Signer(leafKey, "x5c");
        var issued = await new SdJwtVcIssuer(signer).IssueAsync(Claims("https://issuer.example"), [ClaimPath.Parse("given_name")], new SdJwtVcIssueOptions
        {
            Vct = "urn:example:1",
            Issuer = "https://issuer.example",
            IssuedAt = Now,
            IncludeKeyId = false,
            Header = new JObject { ["x5c"] = new JArray(Convert.ToBase64String(leaf.RawData)) },
        });

        SdJwtAssert.Valid(await SdJwtVerifier.VerifyAsync(issued.ToString(), Options() with { TrustedCertificates = [root] }));
        SdJwtAssert.Undecided(await SdJwtVerifier.VerifyAsync(issued.ToString(), Options()), SdJwtChecks.KeyIssuer);

        using var otherRootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var otherRoot = new CertificateRequest("CN=Other Root", otherRootKey, HashAlgorithmName.SHA256).CreateSelfSigned(Now.AddYears(-1), Now.AddYears(5));
        SdJwtAssert.FailsWith(await SdJwtVerifier.VerifyAsync(issued.ToString(), Options() with { TrustedCertificates = [otherRoot] }), SdJwtChecks.KeyIssuer);
    }

    [Fact]
    public async Task An_https_issuer_key_comes_from_its_jwt_vc_issuer_metadata_through_the_fetcher_only()
    {
        using var key = SdJwtTestKey.Es256();
        const string Iss = "https://issuer.example/tenant/uu";
        var signer = new EcdsaP256Signer(ECDsa.Create(ECCurve.NamedCurves.nistP256), "key-1");
        var jwk = ((EcdsaP256Signer)signer).ExportPublicJwk();
        jwk["kid"] = "key-1";
        var issued = await new SdJwtVcIssuer(signer).IssueAsync(Claims(Iss), [], new SdJwtVcIssueOptions { Vct = "urn:example:1", Issuer = Iss, IssuedAt = Now });

        var asked = new List<Uri>();
        Task<string> Fetch(Uri uri, CancellationToken _)
        {
            asked.Add(uri);
            return Task.FromResult(new JObject { ["issuer"] = Iss, ["jwks"] = new JObject { ["keys"] = new JArray(jwk) } }.ToString());
        }

        SdJwtAssert.Valid(await SdJwtVerifier.VerifyAsync(issued.ToString(), Options() with { Fetcher = Fetch }));
        Assert.Equal(new Uri("https://issuer.example/.well-known/jwt-vc-issuer/tenant/uu"), Assert.Single(asked));

        SdJwtAssert.Undecided(await SdJwtVerifier.VerifyAsync(issued.ToString(), Options()), SdJwtChecks.Key);

        // Metadata of another issuer is refused.
        Task<string> Impostor(Uri uri, CancellationToken _) =>
            Task.FromResult(new JObject { ["issuer"] = "https://evil.example", ["jwks"] = new JObject { ["keys"] = new JArray(jwk) } }.ToString());
        SdJwtAssert.FailsWith(await SdJwtVerifier.VerifyAsync(issued.ToString(), Options() with { Fetcher = Impostor }), SdJwtChecks.Key);
    }

    [Fact]
    public async Task An_issuer_did_without_kid_resolves_the_did_itself()
    {
        using var key = SdJwtTestKey.EdDsa();
        var issued = await new SdJwtVcIssuer(key.Signer).IssueAsync(Claims(key.Did), [], new SdJwtVcIssueOptions { Vct = "urn:example:1", Issuer = key.Did, IssuedAt = Now, IncludeKeyId = false });
        SdJwtAssert.Valid(await SdJwtVerifier.VerifyAsync(issued.ToString(), Options()));
    }

    [Fact]
    public async Task A_did_web_kid_resolves_through_the_key_resolver_and_must_be_the_issuers()
    {
        using var key = SdJwtTestKey.Es256();
        const string Did = "did:web:issuer.example";
        var signer = new EcdsaP256Signer(ECDsa.Create(ECCurve.NamedCurves.nistP256), Did + "#key-1");
        var method = new JObject { ["id"] = Did + "#key-1", ["type"] = "JsonWebKey", ["controller"] = Did, ["publicKeyJwk"] = signer.ExportPublicJwk() };
        var resolver = new StubResolver(KeyResolution.UnsupportedKeyType(Did + "#key-1", "JsonWebKey", Did, method, "not Ed25519"));
        var issued = await new SdJwtVcIssuer(signer).IssueAsync(Claims(Did), [], new SdJwtVcIssueOptions { Vct = "urn:example:1", Issuer = Did, IssuedAt = Now });

        SdJwtAssert.Valid(await SdJwtVerifier.VerifyAsync(issued.ToString(), Options() with { KeyResolver = resolver }));
        SdJwtAssert.Undecided(await SdJwtVerifier.VerifyAsync(issued.ToString(), Options()), SdJwtChecks.Key);   // did:web is not resolved offline

        var other = await new SdJwtVcIssuer(signer).IssueAsync(Claims("did:web:evil.example"), [], new SdJwtVcIssueOptions { Vct = "urn:example:1", Issuer = "did:web:evil.example", IssuedAt = Now });
        SdJwtAssert.FailsWith(await SdJwtVerifier.VerifyAsync(other.ToString(), Options() with { KeyResolver = resolver }), SdJwtChecks.KeyIssuer);
    }

    private sealed class StubResolver(KeyResolution resolution) : IKeyResolver
    {
        public ValueTask<KeyResolution> ResolveVerificationMethodAsync(string verificationMethodId, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(resolution);
    }
}
