using Newtonsoft.Json.Linq;
using OpenBadges.Keys;
using OpenBadges.Model;
using OpenBadges.Proofs;
using OpenBadges.Rendering;
using OpenBadges.Tests.Support;
using OpenBadges.Verification;
using static OpenBadges.Tests.Verification.VerificationFixtures;

namespace OpenBadges.Tests.Rendering;

/// <summary>The sample specs built, signed (fixed key and time) and verified, as the certificate page gets them.</summary>
internal static class CertificateFixtures
{
    public static readonly DateTimeOffset CheckedAt = new(2025, 8, 1, 9, 30, 0, TimeSpan.Zero);

    public static string SpecPath(string name) => Path.Combine(SharedData.RepositoryRoot, "samples", "specs", name);

    /// <summary>The sample spec <paramref name="name"/>, built with the test issuer key as issuer id and signed.</summary>
    public static async Task<JObject> SignedAsync(string name)
    {
        using var key = Ed25519Key.FromSeed(Convert.FromHexString(IssuerSeed));
        var spec = MicroCredentialSpec.Parse(File.ReadAllText(SpecPath(name)));
        var credential = (spec with { Issuer = spec.Issuer! with { Id = DidOf(IssuerSeed) } }).Build();
        return await DataIntegritySigner.SignAsync(credential.ToJObject(), Ed25519Signer.ForDidKey(key), Cryptosuites.EddsaRdfc2022, new ProofOptions { Created = CheckedAt.AddDays(-20) });
    }

    public static Task<VerificationReport> VerifyAsync(JObject credential) =>
        new CredentialVerifier(new CredentialVerifierOptions { TimeProvider = new FixedClock(CheckedAt) }).VerifyAsync(credential);

    /// <summary>The page for the sample spec, with a verify URL on the institution's (fictional) site.</summary>
    public static async Task<string> PageAsync(string name, Func<JObject, JObject>? change = null)
    {
        var credential = await SignedAsync(name);
        credential = change?.Invoke(credential) ?? credential;
        var report = await VerifyAsync(credential);
        var id = ((string)credential["id"]!).Replace("urn:uuid:", "", StringComparison.Ordinal);
        return CertificatePage.Render(credential, report, new CertificatePageOptions
        {
            VerifyUrl = new Uri("https://verify.hogeschool-rijnland.example/credentials/" + id),
            CheckedAt = CheckedAt,
        });
    }
}
