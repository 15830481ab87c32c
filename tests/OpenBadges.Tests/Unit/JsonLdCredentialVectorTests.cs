using Newtonsoft.Json.Linq;
using OpenBadges.Canonicalization;
using OpenBadges.Json;
using OpenBadges.JsonLd;
using OpenBadges.Tests.Support;

namespace OpenBadges.Tests.Unit;

/// <summary>
/// Real credentials through the processor in safe mode, against canonical N-Quads produced by the JavaScript
/// reference stack and by 1EdTech: byte-exact agreement is what makes signatures interoperate.
/// </summary>
public sealed class JsonLdCredentialVectorTests
{
    [SharedDataTheory]
    [InlineData("reference-stack/ob3-microcredential.unsigned.json", "reference-stack/ob3-microcredential.unsigned.nq")]
    [InlineData("ob3/test-vector/credential.json", "ob3/test-vector/document-canon.nq")]
    [InlineData("ob3/test-vector-clr/credential.json", "ob3/test-vector-clr/document-canon.nq")]
    [InlineData("vc-di-eddsa/unsigned.json", "vc-di-eddsa/eddsa-rdfc-2022/canonDocDataInt.txt")]
    [InlineData("vc-di-eddsa/eddsa-rdfc-2022/proofConfigDataInt.json", "vc-di-eddsa/eddsa-rdfc-2022/proofCanonDataInt.txt")]
    [InlineData("vc-di-eddsa/employmentAuth.json", "vc-di-eddsa/eddsa-rdfc-2022/employ/canonDocDataInt.txt")]
    public void CanonicalFormMatchesPublishedVector(string credential, string expectedNQuads)
    {
        var document = JsonInput.ParseFile(SharedData.Conformance(credential));
        var loader = CredentialLoader();

        var quads = JsonLdProcessor.ToRdf(document, new JsonLdOptions { DocumentLoader = loader });

        Assert.Equal(File.ReadAllText(SharedData.Conformance(expectedNQuads)), Rdfc10.Canonicalize(quads).NQuads);
    }

    [SharedDataTheory]
    [InlineData("ob3-microcredential.eddsa-rdfc-2022")]
    [InlineData("ob3-microcredential.Ed25519Signature2020")]
    public void ReferenceStackSigningInputsAreReproduced(string name)
    {
        var signed = JsonInput.ParseObject(File.ReadAllText(SharedData.Conformance($"reference-stack/{name}.signed.json")));
        var explain = JsonInput.ParseObject(File.ReadAllText(SharedData.Conformance($"reference-stack/{name}.explain.json")));
        var proof = (JObject)signed["proof"]!.DeepClone();
        var document = (JObject)signed.DeepClone();
        document.Remove("proof");
        proof.Remove("proofValue");
        proof["@context"] = document["@context"]!.DeepClone();
        var options = new JsonLdOptions { DocumentLoader = CredentialLoader(), RdfDirection = "i18n-datatype" };

        Assert.Equal((string)explain["canonicalDocument"]!, Rdfc10.Canonicalize(JsonLdProcessor.ToRdf(document, options)).NQuads);
        Assert.Equal((string)explain["canonicalProofOptions"]!, Rdfc10.Canonicalize(JsonLdProcessor.ToRdf(proof, options)).NQuads);
    }

    /// <summary>The embedded contexts plus the CLR ones from the shared data (not embedded in the package).</summary>
    internal static EmbeddedDocumentLoader CredentialLoader() => EmbeddedDocumentLoader.Default
        .With("https://purl.imsglobal.org/spec/clr/v2p0/context.json", JsonInput.ParseFile(SharedData.Conformance("ob3/contexts/clr-v2p0-context.json")))
        .With("https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json", JsonInput.ParseFile(SharedData.Conformance("ob3/contexts/clr-v2p0-context-2.0.1.json")))
        .With("https://www.w3.org/ns/credentials/examples/v2", JsonInput.ParseFile(SharedData.Contexts("credentials-examples-v2.jsonld")))
        .With("https://w3id.org/citizenship/v4rc1", JsonInput.ParseFile(SharedData.Contexts("citizenship-v4rc1.jsonld")));
}
