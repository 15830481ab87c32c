using Newtonsoft.Json.Linq;
using NSec.Cryptography;
using OpenBadges.Canonicalization;
using OpenBadges.JsonLd;
using OpenBadges.Keys;
using OpenBadges.Model;
using OpenBadges.Proofs;
using OpenBadges.Proofs.Jose;
using OpenBadges.Rdf;
using OpenBadges.Schemas;
using OpenBadges.Verification;
using OpenBadges.Json;

namespace OpenBadges.Benchmarks;

/// <summary>
/// Every measured operation, in one place, so the BenchmarkDotNet classes and the quick Stopwatch mode run
/// exactly the same code. Each operation works from scratch on every call: nothing signed, canonicalized or
/// parsed is reused between calls (only the immutable processed JSON-LD contexts are cached, by the library).
/// </summary>
public sealed class Workload : IDisposable
{
    private readonly byte[] _message = new byte[64];
    private readonly byte[] _signature = new byte[64];
    private readonly Key _rawKey;
    private readonly Ed25519Key _key;
    private readonly Ed25519Signer _signer;
    private readonly VcJwtIssuer _jwtIssuer;
    private static readonly JsonLdOptions ProofJsonLd = new() { RdfDirection = "i18n-datatype" };
    private readonly ProofOptions _proofOptions = new() { Created = BenchmarkData.Created };
    private readonly byte[] _digest = new byte[32];

    // The full OB 3.0 verifier as a relying party would run it: offline (did:key only, embedded contexts, nothing
    // fetched) with a fixed clock a day after the proofs were made, so the verdict does not depend on when it runs.
    private readonly CredentialVerifier _credentialVerifier = new(new CredentialVerifierOptions
    {
        KeyResolver = KeyResolvers.Offline,
        TimeProvider = new FixedClock(BenchmarkData.Created.AddDays(1)),
    });

    public Workload()
    {
        var seed = Convert.FromHexString(BenchmarkData.SeedHex);
        _rawKey = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey);
        SignatureAlgorithm.Ed25519.Sign(_rawKey, _message, _signature);
        _key = Ed25519Key.FromSeed(seed);
        _signer = Ed25519Signer.ForDidKey(_key);
        _jwtIssuer = new VcJwtIssuer(_signer);

        Small = BenchmarkData.Small();
        Large = BenchmarkData.Large();
        SmallSignedRdfc = Sign(Small, Cryptosuites.EddsaRdfc2022);
        LargeSignedRdfc = Sign(Large, Cryptosuites.EddsaRdfc2022);
        SmallSignedJcs = Sign(Small, Cryptosuites.EddsaJcs2022);
        SmallSigned2020 = Sign(Small, Cryptosuites.Ed25519Signature2020);
        TinyVc11 = Tiny(vc2: false);
        TinyVc20 = Tiny(vc2: true);
        TinyVc11SignedRdfc = Sign(TinyVc11, Cryptosuites.EddsaRdfc2022);
        TinyVc11Signed2020 = Sign(TinyVc11, Cryptosuites.Ed25519Signature2020);
        TinyVc20SignedRdfc = Sign(TinyVc20, Cryptosuites.EddsaRdfc2022);
        TinyVc20Signed2020 = Sign(TinyVc20, Cryptosuites.Ed25519Signature2020);
        SmallJwt = _jwtIssuer.IssueAsync(Small).GetAwaiter().GetResult();
        SmallQuads = Rdfc10Quads(Small);
        SmallRdf = JsonLdProcessor.ToRdf(Small, new JsonLdOptions { RdfDirection = "i18n-datatype" });
        LargeQuads = Rdfc10Quads(Large);
        Batch = BenchmarkData.Batch(1000);
        Ecdsa = new EcdsaWorkload(Small);

        // Every verify workload must really verify, or its timing means nothing.
        foreach (var (name, ok) in new[]
        {
            ("raw", RawVerify()), ("rdfc small", VerifyRdfcSmall()), ("rdfc large", VerifyRdfcLarge()),
            ("jcs", VerifyJcs()), ("2020", Verify2020()), ("jwt", VerifyJwt()),
            ("build+sign", DataIntegrityVerifier.VerifyAsync(BuildAndSign()).GetAwaiter().GetResult().IsValid),
            ("rdfc proof-only", Verify(Attach(Small, CreateProofRdfcSmall())) && JToken.DeepEquals(SmallSignedRdfc["proof"], CreateProofRdfcSmall())),
            ("jcs proof-only", Verify(Attach(Small, CreateProofJcsSmall())) && JToken.DeepEquals(SmallSignedJcs["proof"], CreateProofJcsSmall())),
            ("credential verifier", VerifyCredentialSmall()),
            ("tiny VC 1.1 rdfc", Verify(TinyVc11SignedRdfc)), ("tiny VC 1.1 2020", Verify(TinyVc11Signed2020)),
            ("tiny VC 2.0 rdfc", Verify(TinyVc20SignedRdfc)), ("tiny VC 2.0 2020", Verify(TinyVc20Signed2020)),
        })
        {
            if (!ok)
            {
                var detail = name == "credential verifier" ? ":\n" + _credentialVerifier.VerifyAsync(SmallSignedRdfc).GetAwaiter().GetResult() : ".";
                throw new InvalidOperationException($"Benchmark set-up: the {name} workload does not verify{detail}");
            }
        }
    }

    public JObject Small { get; }

    public JObject Large { get; }

    public JObject SmallSignedRdfc { get; }

    public JObject LargeSignedRdfc { get; }

    public JObject SmallSignedJcs { get; }

    public JObject SmallSigned2020 { get; }

    public string SmallJwt { get; }

    /// <summary>
    /// The tiny credential many issuers sign: one context (<c>credentials/v1</c>, or <c>credentials/v2</c>), one
    /// subject id, issuer and date; for Ed25519Signature2020 against eddsa-rdfc-2022 on the same input.
    /// </summary>
    public JObject TinyVc11 { get; }

    public JObject TinyVc20 { get; }

    public JObject TinyVc11SignedRdfc { get; }

    public JObject TinyVc11Signed2020 { get; }

    public JObject TinyVc20SignedRdfc { get; }

    public JObject TinyVc20Signed2020 { get; }

    private JObject Tiny(bool vc2) => new()
    {
        ["@context"] = new JArray(vc2 ? "https://www.w3.org/ns/credentials/v2" : "https://www.w3.org/2018/credentials/v1"),
        ["id"] = "urn:uuid:7b3c2f6e-51a4-4d0b-9a0e-6f1d2c3b4a59",
        ["type"] = new JArray("VerifiableCredential"),
        ["issuer"] = _signer.PublicKey.ToDidKey(),
        [vc2 ? "validFrom" : "issuanceDate"] = "2024-09-01T00:00:00Z",
        ["credentialSubject"] = new JObject { ["id"] = "did:example:ebfeb1f712ebc6f1c276e12ec21" },
    };

    public JObject SignTiny(bool vc2, Cryptosuite suite) => Sign(vc2 ? TinyVc20 : TinyVc11, suite);

    public bool VerifyTiny(bool vc2, bool ed2020) =>
        Verify(vc2 ? (ed2020 ? TinyVc20Signed2020 : TinyVc20SignedRdfc) : (ed2020 ? TinyVc11Signed2020 : TinyVc11SignedRdfc));

    /// <summary>Canonical quads of the small credential (document only).</summary>
    public int SmallQuads { get; }

    /// <summary>Canonical quads of the large credential (document only).</summary>
    public int LargeQuads { get; }

    /// <summary>The small credential's RDF (toRdf done once), the input of the RDFC-1.0-only operations.</summary>
    public IReadOnlyList<RdfQuad> SmallRdf { get; }

    /// <summary>1,000 distinct credentials of the small credential's shape.</summary>
    public JObject[] Batch { get; }

    /// <summary>The ECDSA suites and their raw P-256 baseline.</summary>
    public EcdsaWorkload Ecdsa { get; }

    public void RawSign() => SignatureAlgorithm.Ed25519.Sign(_rawKey, _message, _signature);

    public bool RawVerify() => SignatureAlgorithm.Ed25519.Verify(_rawKey.PublicKey, _message, _signature);

    public string CanonicalizeRdfcSmall() => JsonLdCanonicalizer.Canonicalize(Small);

    public string CanonicalizeRdfcLarge() => JsonLdCanonicalizer.Canonicalize(Large);

    /// <summary>RDFC-1.0 alone, as signing runs it: the SHA-256 of the canonical N-Quads of precomputed quads.</summary>
    public byte[] Rdfc10OnlySmall()
    {
        Rdfc10.CanonicalSha256(SmallRdf, null, CancellationToken.None, _digest);
        return _digest;
    }

    /// <summary>RDFC-1.0 alone through the public API: canonical N-Quads, quads and issued map of precomputed quads.</summary>
    public Rdfc10Result Rdfc10CanonicalizeSmall() => Rdfc10.Canonicalize(SmallRdf);

    public string CanonicalizeJcsSmall() => Jcs.Canonicalize(Small);

    /// <summary>toRdf alone, the one-pass way the proof path takes (the small credential is inside its subset).</summary>
    public int ToRdfOnePassSmall() => OnePassToRdf.TryConvert(Small, null, ProofJsonLd, CancellationToken.None)!.Count;

    /// <summary>toRdf alone, the spec path (expansion, node map, toRdf), for comparison with the one-pass way.</summary>
    public int ToRdfSpecPathSmall() => JsonLdProcessor.ToRdf(Small, ProofJsonLd).Count;

    public string CanonicalizeJcsLarge() => Jcs.Canonicalize(Large);

    public JObject SignRdfcSmall() => Sign(Small, Cryptosuites.EddsaRdfc2022);

    public JObject SignRdfcLarge() => Sign(Large, Cryptosuites.EddsaRdfc2022);

    public bool VerifyRdfcSmall() => Verify(SmallSignedRdfc);

    public bool VerifyRdfcLarge() => Verify(LargeSignedRdfc);

    /// <summary>eddsa-rdfc-2022 proof only (<see cref="DataIntegritySigner.CreateProofAsync"/>: no copy of the credential).</summary>
    public JObject CreateProofRdfcSmall() => CreateProof(Small, Cryptosuites.EddsaRdfc2022);

    public JObject SignJcs() => Sign(Small, Cryptosuites.EddsaJcs2022);

    /// <summary>eddsa-jcs-2022 proof only (<see cref="DataIntegritySigner.CreateProofAsync"/>: no copy of the credential).</summary>
    public JObject CreateProofJcsSmall() => CreateProof(Small, Cryptosuites.EddsaJcs2022);

    public bool VerifyJcs() => Verify(SmallSignedJcs);

    public JObject Sign2020() => Sign(Small, Cryptosuites.Ed25519Signature2020);

    public bool Verify2020() => Verify(SmallSigned2020);

    public string SignJwt() => _jwtIssuer.IssueAsync(Small).GetAwaiter().GetResult();

    /// <summary>The full <see cref="CredentialVerifier"/> (every OB 3.0 check, not only the proof) on the signed small credential.</summary>
    public bool VerifyCredentialSmall() => _credentialVerifier.VerifyAsync(SmallSignedRdfc).GetAwaiter().GetResult().IsValid;

    public bool VerifyJwt() => VcJwtVerifier.VerifyAsync(SmallJwt).GetAwaiter().GetResult().IsValid;

    /// <summary><see cref="OpenBadgesSchemas.ValidateAchievementCredential"/> on the signed small credential (compiled fast path first).</summary>
    /// <summary>The European elements read back from the Dutch sample micro-credential (what inspect and the ELM export start from).</summary>
    public MicroCredentialView ReadViewSample() => MicroCredentialView.Read(DutchSample.Value);

    /// <summary>The Dutch sample micro-credential exported to ELM 3.2 (reading included). The small fixture is no complete micro-credential.</summary>
    public JObject ExportElmSample() => OpenBadges.Elm.ElmExport.ToElm(DutchSample.Value, ElmOptions);

    private static readonly Lazy<JObject> DutchSample = new(() => MicroCredentialSpec.Parse(
        File.ReadAllText(Path.Combine(BenchmarkData.RepositoryRoot(), "samples", "specs", "dutch-he-example.json"))).Build().ToJObject());

    private static readonly OpenBadges.Elm.ElmExportOptions ElmOptions = new()
    {
        Learner = new OpenBadges.Elm.ElmLearner("Sanne", "de Vries"),
        CredentialId = "urn:uuid:5b0f7a52-2f3e-4d4c-9a51-0c7e3f1d2b6a",
        Language = "en",
    };

    public int ValidateSchemaSmall() => OpenBadgesSchemas.ValidateAchievementCredential(SmallSignedRdfc).Count;

    /// <summary>The same schema check by NJsonSchema alone: what it cost before the compiled fast path.</summary>
    public int ValidateSchemaNJsonSchemaSmall() =>
        OpenBadgesSchemas.ValidateWithNJsonSchema(OpenBadgesSchemas.AchievementCredentialSchemaId, SmallSignedRdfc).Count;

    /// <summary>MicroCredentialBuilder → JSON → eddsa-rdfc-2022 proof: what an issuing service does per learner.</summary>
    public JObject BuildAndSign()
    {
        var credential = new MicroCredentialBuilder(Profiles.DutchHigherEducation)
            .WithCredentialId("urn:uuid:0b5a3c1e-7d2f-4c8a-9e61-2f4d8b7a1c90")
            .WithIssuer(_signer.PublicKey.ToDidKey(), "Hogeschool Rijnland", "https://www.hogeschool-rijnland.example")
            .WithIssuerBrin("99XA")
            .WithIssuerCountry("NL", "Netherlands", "Leiden")
            .WithLearnerEmail("s.devries@student.hogeschool-rijnland.example", hashed: true, salt: "benchmark-salt")
            .WithTitle("Applied Machine Learning with Python")
            .WithDescription("Learners build, evaluate and explain supervised machine-learning models in Python on real data sets.")
            .WithIssuedOn(BenchmarkData.Created)
            .AddLearningOutcome("machine learning", "http://data.europa.eu/esco/skill/3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43")
            .AddLearningOutcome("Python (computer programming)", "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d")
            .WithLearningOutcomesSummary("The learner can prepare a data set, train and evaluate supervised models in Python, and explain the results.")
            .WithEcts(5)
            .WithEqfLevel(6)
            .WithAssessmentType(AssessmentType.ApplicationOfASkill)
            .WithParticipationType(ParticipationType.OnsiteOrBlended)
            .AddQualityAssurance("NVAO accreditation", "https://www.nvao.net")
            .WithLanguage("en")
            .Build();
        return Sign(credential.ToJObject(), Cryptosuites.EddsaRdfc2022);
    }

    /// <summary>
    /// eddsa-rdfc-2022 proofs for the 1,000-credential batch on one thread: <see cref="DataIntegritySigner.CreateProofAsync"/>,
    /// as <c>openbadges issue --batch</c> signs the credentials it has just built (or, <paramref name="copy"/>,
    /// <see cref="DataIntegritySigner.SignAsync"/>, which also returns a signed copy).
    /// </summary>
    public int SignBatchSingleCore(bool copy = false)
    {
        var count = 0;
        foreach (var credential in Batch)
        {
            SignOne(credential, copy);
            count++;
        }

        return count;
    }

    /// <summary>The same batch with Parallel.ForEach on every core.</summary>
    public int SignBatchAllCores(bool copy = false)
    {
        var count = 0;
        Parallel.ForEach(Batch, credential =>
        {
            SignOne(credential, copy);
            Interlocked.Increment(ref count);
        });
        return count;
    }

    private JObject SignOne(JObject credential, bool copy) =>
        copy ? Sign(credential, Cryptosuites.EddsaRdfc2022) : CreateProof(credential, Cryptosuites.EddsaRdfc2022);

    public JObject Sign(JObject document, Cryptosuite suite) =>
        DataIntegritySigner.SignAsync(document, _signer, suite, _proofOptions).GetAwaiter().GetResult();

    public JObject CreateProof(JObject document, Cryptosuite suite) =>
        DataIntegritySigner.CreateProofAsync(document, _signer, suite, _proofOptions).GetAwaiter().GetResult();

    /// <summary>A copy of <paramref name="document"/> with <paramref name="proof"/> as its proof (set-up checks only).</summary>
    private static JObject Attach(JObject document, JObject proof)
    {
        var secured = (JObject)document.DeepClone();
        secured["proof"] = proof;
        return secured;
    }

    public static bool Verify(JObject signed) =>
        DataIntegrityVerifier.VerifyAsync(signed).GetAwaiter().GetResult().IsValid;

    private static int Rdfc10Quads(JObject document)
    {
        var nquads = JsonLdCanonicalizer.Canonicalize(document);
        return nquads.Count(c => c == '\n');
    }

    public void Dispose()
    {
        _rawKey.Dispose();
        _key.Dispose();
        Ecdsa.Dispose();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
