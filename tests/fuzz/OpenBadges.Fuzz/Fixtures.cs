using System.Text;
using Newtonsoft.Json.Linq;
using OpenBadges.Baking;
using OpenBadges.Canonicalization;
using OpenBadges.Json;
using OpenBadges.Keys;
using OpenBadges.Proofs;
using OpenBadges.Proofs.Jose;

namespace OpenBadges.Fuzz;

/// <summary>Signed seeds made at start-up with the RFC 8032 test key (no signature of ours is stored anywhere).</summary>
internal static class Fixtures
{
    public const string Seed = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";

    public static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));

    public const string Svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><g><circle cx=\"5\" cy=\"5\" r=\"4\"/></g></svg>";

    private static readonly Lazy<(JObject Signed, string Jwt)> Made = new(Make);

    public static JObject Signed => (JObject)Made.Value.Signed.DeepClone();

    public static string Jwt => Made.Value.Jwt;

    public static byte[] BakedPng { get; } = PngBaker.Bake(Png(), Made.Value.Signed.ToString());

    public static string BakedSvg { get; } = SvgBaker.Bake(Svg, Made.Value.Signed.ToString());

    /// <summary>True when <paramref name="credential"/> canonicalizes, document and proof, exactly as the signed seed does.</summary>
    public static bool SignsAlike(JObject credential)
    {
        static (string Document, string Proof) Canonical(JObject signed)
        {
            var copy = (JObject)signed.DeepClone();
            var proof = (JObject)copy["proof"]!;
            copy.Remove("proof");
            proof["@context"] = copy["@context"]!.DeepClone();
            return (JsonLdCanonicalizer.Canonicalize(copy), JsonLdCanonicalizer.Canonicalize(proof));
        }

        try
        {
            return Canonical(credential) == Canonical(Made.Value.Signed);
        }
        catch (Exception e) when (e is FormatException or JsonLd.JsonLdException or CanonicalizationLimitException or InvalidCastException or NullReferenceException)
        {
            return false;
        }
    }

    /// <summary>A valid 1×1 grey PNG.</summary>
    public static byte[] Png()
    {
        var output = new List<byte>([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        void Chunk(string type, byte[] data)
        {
            var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
            output.AddRange(BigEndian((uint)data.Length));
            output.AddRange(typed);
            output.AddRange(BigEndian(Crc32(typed)));
        }

        Chunk("IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
        Chunk("IDAT", [0x78, 0x9C, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01]);
        Chunk("IEND", []);
        return output.ToArray();
    }

    private static byte[] BigEndian(uint value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    private static (JObject, string) Make()
    {
        using var key = Ed25519Key.FromSeed(Convert.FromHexString(Seed));
        var did = key.PublicKey.ToDidKey();
        var credential = JsonInput.ParseObject($$"""
            {
              "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
              "id": "urn:uuid:6b0c1c39-6c5b-4f5e-9d3f-0c4f1b2a7e10",
              "type": ["VerifiableCredential", "OpenBadgeCredential"],
              "issuer": {"id": "{{did}}", "type": ["Profile"], "name": "Example University"},
              "validFrom": "2025-03-01T00:00:00Z",
              "name": "Teamwork",
              "credentialSubject": {
                "id": "did:example:learner",
                "type": ["AchievementSubject"],
                "achievement": {
                  "id": "https://example.edu/achievements/teamwork",
                  "type": ["Achievement"],
                  "name": "Teamwork",
                  "description": "Works well in a team.",
                  "criteria": {"narrative": "Completed the team project."},
                  "creditsAvailable": 2.5
                }
              }
            }
            """);
        var signer = Ed25519Signer.ForDidKey(key);
        var signed = DataIntegritySigner.SignAsync(credential, signer, Cryptosuites.EddsaRdfc2022, new ProofOptions { Created = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero) })
            .GetAwaiter().GetResult();
        var jwt = new VcJwtIssuer(signer).IssueAsync(credential).GetAwaiter().GetResult();
        return (signed, jwt);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
