using OpenBadges.Checks;
using OpenBadges.Keys;

namespace OpenBadges.Proofs;

/// <summary>The ECDSA suites' parts of proof verification: the proof value's form and the key behind the verification method.</summary>
internal static class EcdsaProofs
{
    private const string SignatureRule = "proofValue is a multibase base58btc ('z') string holding an IEEE P1363 ECDSA signature (64 bytes for P-256, 96 for P-384)";
    private const string SdRule = "proofValue is a multibase base64url ('u') string holding an ecdsa-sd-2023 CBOR proof value";

    /// <summary>The signature bytes (ecdsa-rdfc-2019, ecdsa-jcs-2019) or the CBOR proof value (ecdsa-sd-2023); null, with a failed check, when malformed.</summary>
    public static byte[]? DecodeProofValue(string text, Cryptosuite suite, string path, List<VerificationCheck> checks)
    {
        if (suite.KeyType == ProofKeyType.EcdsaSelectiveDisclosure)
        {
            if (!SdProofValues.TryDecodeText(text, out var cbor) || cbor.Length < 3)
            {
                checks.Add(VerificationCheck.Fail("proof.proofValue", "proofValue is not a base64url ('u') multibase string.", path + ".proofValue", SdRule));
                return null;
            }

            checks.Add(VerificationCheck.Pass("proof.proofValue", $"proofValue is {cbor.Length} bytes of CBOR.", path + ".proofValue", SdRule));
            return cbor;
        }

        if (!text.StartsWith(Multibase.Base58BtcPrefix) || !Multibase.TryDecode(text, out var signature, out _) || signature.Length is not (64 or 96))
        {
            checks.Add(VerificationCheck.Fail("proof.proofValue", "proofValue is not a base58btc multibase string of a 64- or 96-byte ECDSA signature.", path + ".proofValue", SignatureRule));
            return null;
        }

        checks.Add(VerificationCheck.Pass("proof.proofValue", $"proofValue is a {signature.Length}-byte signature.", path + ".proofValue", SignatureRule));
        return signature;
    }

    /// <summary>
    /// The P-256/P-384 key of a resolution. The resolvers report such keys as <see cref="KeyResolutionStatus.UnsupportedKeyType"/>
    /// (their <see cref="KeyResolution.Resolved"/> means Ed25519) with the verification method attached, which is read here.
    /// </summary>
    public static EcdsaPublicKey? ResolvedKey(string verificationMethod, string? proofPurpose, KeyResolution resolution, Cryptosuite suite, string path, string rule, List<VerificationCheck> checks)
    {
        const string name = "proof.verificationMethod";
        switch (resolution.Status)
        {
            case KeyResolutionStatus.Resolved:
                checks.Add(VerificationCheck.Fail(name, $"'{verificationMethod}' is an Ed25519 key; {suite} needs a P-256 or P-384 key.", path + ".verificationMethod", rule));
                return null;
            case KeyResolutionStatus.UnsupportedKeyType when resolution.VerificationMethod is not null && resolution.Controller is not null:
                if (!EcdsaPublicKey.TryFromVerificationMethod(resolution.VerificationMethod, out var key, out var error))
                {
                    checks.Add(VerificationCheck.Fail(name, $"Cannot use '{verificationMethod}': {error}.", path + ".verificationMethod", rule));
                    return null;
                }

                if (suite.KeyType == ProofKeyType.EcdsaSelectiveDisclosure && key.Curve != EcdsaCurve.P256)
                {
                    checks.Add(VerificationCheck.Fail(name, $"'{verificationMethod}' is a {key.Curve} key; ecdsa-sd-2023 is defined for P-256.", path + ".verificationMethod", rule));
                    return null;
                }

                if (resolution.ProofPurposes is { } purposes && !purposes.Contains(proofPurpose ?? string.Empty, StringComparer.Ordinal))
                {
                    checks.Add(VerificationCheck.Fail(name, $"The controller document does not list '{verificationMethod}' under '{proofPurpose}'.", path + ".verificationMethod",
                        "the verification method is authorized for the proof's purpose by its controller"));
                    return null;
                }

                checks.Add(VerificationCheck.Pass(name, $"Resolved {verificationMethod} ({key.Curve} {resolution.Type}).", path + ".verificationMethod", rule));
                return key;
            case KeyResolutionStatus.NotFound:
            case KeyResolutionStatus.UnsupportedKeyType:
                checks.Add(VerificationCheck.Fail(name, $"Cannot use '{verificationMethod}': {resolution.Reason}", path + ".verificationMethod", rule));
                return null;
            default:
                checks.Add(VerificationCheck.Undecided(name, $"Cannot use '{verificationMethod}': {resolution.Reason}" + (resolution.Status == KeyResolutionStatus.NotSupported
                    ? " (no configured resolver handles it; pass a KeyResolver that does, e.g. KeyResolvers.Online)" : string.Empty), path + ".verificationMethod", rule));
                return null;
        }
    }
}
