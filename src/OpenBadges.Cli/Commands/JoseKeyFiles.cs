using Newtonsoft.Json.Linq;
using OpenBadges.Json;
using OpenBadges.Keys;

namespace OpenBadges.Cli.Commands;

/// <summary>
/// Key files for JOSE signing (SD-JWT, KB-JWT): a private P-256 JWK (<c>keygen --type p256 --format jwk</c>; ES256), a P-256
/// Multikey key file (<c>keygen --type p256</c>; ES256) or an Ed25519 key file (<c>keygen</c>; EdDSA).
/// </summary>
internal static class JoseKeyFiles
{
    /// <summary>A loaded key: its signer, the holder of its secret (dispose it), its controller (the issuer id it signs for) and, when known, its public JWK.</summary>
    internal sealed record Loaded(ISigner Signer, IDisposable Secret, string Controller, JObject? PublicJwk) : IDisposable
    {
        public void Dispose() => Secret.Dispose();
    }

    public static Loaded Load(string path)
    {
        var json = JsonInput.Parse(CliContext.ReadFile(path)) as JObject ?? throw new CliInputException($"the key file '{path}' is not a JSON object.");
        if (JwkKeyFiles.IsJwk(json))
        {
            var (signer, key) = JwkKeyFiles.Load(json, path);
            var publicJwk = new JObject();
            foreach (var member in new[] { "kty", "crv", "x", "y", "n", "e" })
            {
                if (json[member] is { } value)
                {
                    publicJwk[member] = value.DeepClone();
                }
            }

            var controller = json["controller"] is JValue { Type: JTokenType.String } c ? (string)c! : DidJwk.Create(publicJwk);
            return new Loaded(signer, key, controller, publicJwk);
        }

        if (EcdsaKeyFile.IsEcdsaKeyFile(json))
        {
            var ecdsa = SignCommand.LoadEcdsaKey(path, "ES256");
            if (ecdsa.Curve != EcdsaCurve.P256)
            {
                ecdsa.Dispose();
                throw new CliInputException($"the key file '{path}' holds a P-384 key; SD-JWT signs with ES256 (P-256) or EdDSA (Ed25519).");
            }

            // The public JWK of a Multikey file is not needed to sign; a holder key must be a JWK or an Ed25519 key file.
            return new Loaded(ecdsa.CreateSigner(), ecdsa, ecdsa.Controller, null);
        }

        var keyFile = SignCommand.LoadKey(path);
        return new Loaded(keyFile.CreateSigner(), keyFile, keyFile.Controller, Jwk.FromPublicKey(keyFile.PublicKey));
    }

    /// <summary>A holder key: one whose public JWK can go into <c>cnf</c>.</summary>
    public static Loaded LoadHolder(string path)
    {
        var loaded = Load(path);
        if (loaded.PublicJwk is null)
        {
            loaded.Dispose();
            throw new CliInputException($"the holder key '{path}' is a P-256 Multikey file; give it as a JWK (keygen --type p256 --format jwk) or use an Ed25519 key file, so its public JWK can go into cnf.");
        }

        return loaded;
    }
}
