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
        ?? Throw.Argument<string>(nameof(signer), $"Signer algorithm {Printable.Quote(signer.Algorithm)} has no JWS algorithm here; use Ed25519 (EdDSA), ES256 or RS256.");

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
            Throw.InvalidOperation<byte[]>($"The signer returned {signature?.Length ?? 0} bytes; an Ed25519 signature is {Ed25519PublicKey.SignatureSize}."),
        JoseAlgorithms.ES256 => signature is not null && EcdsaSignatureFormat.TryToJose(signature, out var jose)
            ? jose
            : Throw.InvalidOperation<byte[]>("The signer returned neither a 64-byte R‖S nor a DER ECDSA P-256 signature."),
        _ => signature is { Length: > 0 } ? signature : Throw.InvalidOperation<byte[]>("The signer returned an empty signature."),
    };

    private static string Encode(JObject value) =>
        System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(value.ToString(Formatting.None)));
}
