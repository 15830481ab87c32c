using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OpenBadges.Internal;
using OpenBadges.Keys;
using OpenBadges.Proofs.Jose;

namespace OpenBadges.SdJwt;

/// <summary>
/// Assembles and signs a compact JWS through <see cref="ISigner"/> (so a KMS or HSM key works): the issuer-signed JWT, the
/// KB-JWT and the status list token all go through here. The header's <c>alg</c> is set from the signer.
/// </summary>
internal static class JwsSigning
{
    public static string AlgorithmOf(ISigner signer) =>
        JoseAlgorithms.FromSignerAlgorithm(signer.Algorithm)
        ?? throw SdJwtErrors.NoJwsAlgorithm(nameof(signer), Printable.Quote(signer.Algorithm));

    public static async Task<string> SignAsync(ISigner signer, JObject header, JObject payload, CancellationToken cancellationToken)
    {
        var algorithm = AlgorithmOf(signer);
        var fullHeader = new JObject { ["alg"] = algorithm };
        foreach (var property in header.Properties().Where(p => p.Name != "alg"))
        {
            fullHeader[property.Name] = property.Value.DeepClone();
        }

        var signingInput = Encode(fullHeader) + "." + Encode(payload);
        var signature = await signer.SignAsync(Encoding.ASCII.GetBytes(signingInput), cancellationToken).ConfigureAwait(false);
        return signingInput + "." + System.Buffers.Text.Base64Url.EncodeToString(ToJose(algorithm, signature));
    }

    private static byte[] ToJose(string algorithm, byte[]? signature) => algorithm switch
    {
        JoseAlgorithms.EdDSA when signature is not { Length: Ed25519PublicKey.SignatureSize } =>
            throw SdJwtErrors.SignerReturnedWrongEd25519Length(signature?.Length ?? 0, Ed25519PublicKey.SignatureSize),
        JoseAlgorithms.ES256 => signature is not null && EcdsaSignatureFormat.TryToJose(signature, out var jose)
            ? jose
            : throw SdJwtErrors.SignerReturnedNoEcdsaSignature(),
        _ => signature is { Length: > 0 } ? signature : throw SdJwtErrors.SignerReturnedEmptySignature(),
    };

    private static string Encode(JObject value) =>
        System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(value.ToString(Formatting.None)));
}
