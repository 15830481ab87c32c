using System.Text;
using Newtonsoft.Json.Linq;
using OpenBadges.Baking;
using OpenBadges.Canonicalization;
using OpenBadges.Checks;
using OpenBadges.Cli;
using OpenBadges.Cli.Batch;
using OpenBadges.Json;
using OpenBadges.JsonLd;
using OpenBadges.Keys;
using OpenBadges.Model;
using OpenBadges.Proofs;
using OpenBadges.Proofs.Jose;
using OpenBadges.Rdf;
using OpenBadges.Verification;

namespace OpenBadges.Fuzz;

/// <summary>One harness per parser that takes outside input, each with the contract it must keep.</summary>
internal static class Harnesses
{
    private static readonly UTF8Encoding Lenient = new(false, false);

    public static IReadOnlyList<Harness> All { get; } =
    [
        new("json", "JsonInput (strict RFC 8259, limits, signable numbers)", JsonSeeds, JsonInputRun, typeof(JsonInputException)),
        new("jsonld", "JSON-LD context processing, expansion and toRdf (safe mode, embedded contexts)", JsonLdSeeds, JsonLdRun,
            typeof(JsonInputException), typeof(JsonLdException)),
        new("nquads", "N-Quads parser and canonical writer", NQuadsSeeds, NQuadsRun, typeof(FormatException)),
        new("rdfc", "RDFC-1.0 canonicalization (work limit)", NQuadsSeeds, RdfcRun, typeof(FormatException), typeof(CanonicalizationLimitException)),
        new("jcs", "JCS (RFC 8785)", JsonSeeds, JcsRun, typeof(JsonInputException), typeof(ArgumentException)),
        new("jwt", "compact JWS / VC-JWT verifier", JwtSeeds, JwtRun),
        new("multibase", "multibase, base58btc, Multikey and did:key", MultibaseSeeds, MultibaseRun),
        new("png", "PNG chunks (unbake)", PngSeeds, PngRun, typeof(BakingException)),
        new("svg", "SVG (unbake, bake)", SvgSeeds, SvgRun, typeof(BakingException)),
        new("spec", "micro-credential spec files", SpecSeeds, SpecRun, typeof(MicroCredentialValidationException)),
        new("csv", "batch learners CSV and its field rules", CsvSeeds, CsvRun, typeof(CliInputException)),
        new("verifier", "CredentialVerifier over mutated signed credentials (JSON, PNG, SVG)", VerifierSeeds, VerifierRun),
    ];

    public static Harness? Find(string name) => All.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));

    private static string Text(byte[] input) => Lenient.GetString(input);

    // ---- JSON --------------------------------------------------------------------------------------------------

    private static IEnumerable<byte[]> JsonSeeds() =>
        Seeds.Files("vc-di-eddsa", "*.json", 40).Concat(Seeds.Files("ob3/test-vector", "*.json", 40)).Concat(Seeds.Files("json-ld-api/expand", "*-in.jsonld", 60))
            .Append(Seeds.Utf8("{\"n\": [1, 2.5, -0, 1e-7, 1e21, \"\\u00e9\"], \"o\": {}}"));

    private static void JsonInputRun(byte[] input)
    {
        var token = JsonInput.Parse(Text(input));
        JsonInput.RequireSignableJson(token);
    }

    private static void JcsRun(byte[] input)
    {
        var once = Jcs.Canonicalize(JsonInput.Parse(Text(input)));
        var twice = Jcs.Canonicalize(JsonInput.Parse(once));
        if (once != twice)
        {
            throw new ContractException("JCS is not idempotent: canonicalizing its own output changed it");
        }
    }

    // ---- JSON-LD and RDF ---------------------------------------------------------------------------------------

    private static IEnumerable<byte[]> JsonLdSeeds() =>
        Seeds.Files("json-ld-api/expand", "*-in.jsonld", 150).Concat(Seeds.Files("json-ld-api/toRdf", "*-in.jsonld", 100)).Concat(Seeds.Files("ob3/test-vector", "*.json", 20));

    private static void JsonLdRun(byte[] input)
    {
        var document = JsonInput.Parse(Text(input));
        var expanded = JsonLdProcessor.Expand(document);
        JsonLdProcessor.ExpandedToRdf(expanded);
    }

    private static IEnumerable<byte[]> NQuadsSeeds() => Seeds.Files("rdf-canon/rdfc10", "*.nq", 200);

    private static void NQuadsRun(byte[] input)
    {
        var quads = NQuads.Parse(Text(input));
        var written = NQuads.Serialize(quads);
        if (NQuads.Serialize(NQuads.Parse(written)) != written)
        {
            throw new ContractException("N-Quads written by the canonical writer do not read back to themselves");
        }
    }

    private static void RdfcRun(byte[] input) => Rdfc10.Canonicalize(NQuads.Parse(Text(input)));

    // ---- keys --------------------------------------------------------------------------------------------------

    private static IEnumerable<byte[]> MultibaseSeeds()
    {
        using var key = Ed25519Key.FromSeed(Convert.FromHexString(Fixtures.Seed));
        return Seeds.Files("vc-di-eddsa", "keyPair.json", 2)
            .Append(Seeds.Utf8(key.PublicKey.ToMultibase()))
            .Append(Seeds.Utf8(key.PublicKey.ToDidKey()))
            .Append(Seeds.Utf8(Multibase.EncodeBase64Url([1, 2, 3, 250])))
            .Append(Seeds.Utf8("z1111"));
    }

    private static void MultibaseRun(byte[] input)
    {
        var text = Text(input).Trim();
        if (Multibase.TryDecode(text, out var bytes, out _) && text.StartsWith('z') && Multibase.EncodeBase58Btc(bytes) != text)
        {
            throw new ContractException("base58btc decoding accepted a text that does not encode back to itself (two texts, one key)");
        }

        Ed25519PublicKey.TryParseMultibase(text, out _);
        KeyResolvers.Offline.ResolveVerificationMethodAsync(text.StartsWith("did:", StringComparison.Ordinal) ? text : "did:key:" + text).AsTask().GetAwaiter().GetResult();
        DidJwk.TryParse(text, out _, out _, out _);
    }

    // ---- images ------------------------------------------------------------------------------------------------

    private static IEnumerable<byte[]> PngSeeds() => [Fixtures.BakedPng, Fixtures.Png()];

    private static void PngRun(byte[] input)
    {
        PngBaker.Unbake(input);
        BakedImages.Unbake(input);
    }

    private static IEnumerable<byte[]> SvgSeeds() => [Seeds.Utf8(Fixtures.BakedSvg), Seeds.Utf8(Fixtures.Svg)];

    private static void SvgRun(byte[] input)
    {
        var text = Text(input);
        SvgBaker.Unbake(text);
        SvgBaker.Bake(text, "{\"a\": 1}");
    }

    // ---- the tool's inputs -------------------------------------------------------------------------------------

    private static IEnumerable<byte[]> SpecSeeds() => Seeds.RepositoryFiles("samples/specs", "*.json");

    private static void SpecRun(byte[] input) => MicroCredentialSpec.Parse(Text(input)).Build();

    private static IEnumerable<byte[]> CsvSeeds() =>
    [
        Seeds.Utf8("email,studentNumber,name,grade\r\na@example.nl,100001,\"Ana, Jr.\",7\r\nb@example.nl,100002,Bo,8\r\n"),
        Seeds.Utf8("learnerId,evidenceUrl,issuedOn\ndid:key:z6Mkabc,https://example.org/e,2025-01-01T00:00:00Z\n\"urn:x\",\"https://x.example/\"\"q\"\"\",\n"),
    ];

    private static void CsvRun(byte[] input)
    {
        var records = CsvReader.Parse(Text(input), "fuzz.csv");
        if (records.Count == 0)
        {
            return;
        }

        var header = records[0].Fields.Select(f => BatchColumns.Canonical(f)).ToArray();
        foreach (var record in records.Skip(1))
        {
            for (var i = 0; i < Math.Min(header.Length, record.Fields.Count); i++)
            {
                if (header[i] is { } column && BatchColumns.Problem(column, record.Fields[i]) is null && BatchColumns.IsLink(column) && record.Fields[i].Length > 0
                    && !(record.Fields[i].StartsWith("http", StringComparison.OrdinalIgnoreCase) || record.Fields[i].StartsWith("did:", StringComparison.OrdinalIgnoreCase) || record.Fields[i].StartsWith("urn:", StringComparison.OrdinalIgnoreCase)))
                {
                    throw new ContractException($"the link field {column} accepted '{record.Fields[i]}'");
                }
            }
        }
    }

    // ---- verification ------------------------------------------------------------------------------------------

    private static IEnumerable<byte[]> JwtSeeds() => [Seeds.Utf8(Fixtures.Jwt)];

    private static void JwtRun(byte[] input)
    {
        var token = Text(input);
        var result = VcJwtVerifier.VerifyAsync(token, new VcJwtVerificationOptions { TimeProvider = Fixtures.Clock }).GetAwaiter().GetResult();
        if (result.Verdict == Verdict.Valid && token != Fixtures.Jwt)
        {
            throw new ContractException("a mutated VC-JWT verified Valid");
        }
    }

    private static IEnumerable<byte[]> VerifierSeeds() =>
        new[] { Seeds.Utf8(Fixtures.Signed.ToString()), Fixtures.BakedPng, Seeds.Utf8(Fixtures.BakedSvg) }
            .Concat(Seeds.Files("vc-di-eddsa", "signedDataInt.json", 4))
            .Concat(Seeds.Files("ob3/test-vector", "*.json", 10));

    private static readonly CredentialVerifier Verifier = new(new CredentialVerifierOptions { TimeProvider = Fixtures.Clock });

    private static void VerifierRun(byte[] input)
    {
        var report = Verifier.VerifyAsync(input).GetAwaiter().GetResult();
        if (report.Verdict != Verdict.Valid || input.AsSpan().SequenceEqual(Seeds.Utf8(Fixtures.Signed.ToString())) || input.AsSpan().SequenceEqual(Fixtures.BakedPng)
            || input.AsSpan().SequenceEqual(Seeds.Utf8(Fixtures.BakedSvg)))
        {
            return;
        }

        // Valid after a mutation is allowed only when the mutation did not change what is signed (whitespace, key
        // order, an escape spelled differently): the credential and its proof must canonicalize as the seed's do.
        var text = PngBaker.IsPng(input) || Text(input).TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('<') ? BakedImages.Unbake(input)! : Text(input);
        if (!Fixtures.SignsAlike(JsonInput.ParseObject(text)))
        {
            throw new ContractException("a mutated credential whose signed content changed verified Valid");
        }
    }
}
