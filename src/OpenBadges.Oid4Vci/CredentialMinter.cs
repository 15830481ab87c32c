using Newtonsoft.Json.Linq;
using OpenBadges.Keys;
using OpenBadges.Proofs;
using OpenBadges.Proofs.Jose;

namespace OpenBadges.Oid4Vci;

/// <summary>
/// Turns an award into the credential a wallet collects: a copy with a fresh <c>urn:uuid:</c> id and the holder's DID
/// as <c>credentialSubject.id</c>, signed as the configuration asks: eddsa-rdfc-2022 or an ecdsa-sd-2023 base proof
/// (<c>ldp_vc</c>), or a VC-JWT with EdDSA or ES256 (<c>jwt_vc_json</c>).
/// </summary>
/// <remarks>
/// The credential's issuer is the controller of the key that signs it (the DID before <c>#</c> in its key id): an
/// institution on did:web names one DID for both keys; with did:key each key is its own DID, so the issuer id of the
/// award is set to the signing key's DID. A key named by an https URL leaves the award's issuer as it is.
/// </remarks>
public sealed class CredentialMinter
{
    private readonly ISigner _signer;
    private readonly ISigner? _p256Signer;
    private readonly VcJwtIssuer _jwtIssuer;
    private readonly VcJwtIssuer? _es256JwtIssuer;

    /// <summary>A minter signing with <paramref name="signer"/> (Ed25519) and, when given, <paramref name="p256Signer"/> (P-256).</summary>
    /// <exception cref="ArgumentException">A signer of the wrong key type.</exception>
    public CredentialMinter(ISigner signer, ISigner? p256Signer = null)
    {
        ArgumentNullException.ThrowIfNull(signer);
        if (signer.Algorithm is not ("Ed25519" or "EdDSA"))
        {
            throw new ArgumentException($"the signer must be an Ed25519 key, not {signer.Algorithm}.", nameof(signer));
        }

        if (p256Signer is not null && p256Signer.Algorithm != EcdsaP256Signer.Es256Algorithm)
        {
            throw new ArgumentException($"the P-256 signer must sign ES256, not {p256Signer.Algorithm}.", nameof(p256Signer));
        }

        _signer = signer;
        _p256Signer = p256Signer;
        _jwtIssuer = new VcJwtIssuer(signer);
        _es256JwtIssuer = p256Signer is null ? null : new VcJwtIssuer(p256Signer);
    }

    /// <summary>The configurations this minter can sign (<see cref="OpenBadgeCredentialConfigurations.Signable"/>).</summary>
    public IReadOnlyList<string> Configurations => OpenBadgeCredentialConfigurations.Signable(_p256Signer is not null);

    /// <summary>The signed credential: a JSON object for <c>ldp_vc</c>, a compact JWS string for <c>jwt_vc_json</c>.</summary>
    /// <exception cref="ArgumentException">A configuration this minter cannot sign, or an award whose credentialSubject is not one object.</exception>
    public async Task<JToken> MintAsync(Award award, string holderDid, string configurationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(award);
        ArgumentException.ThrowIfNullOrEmpty(holderDid);
        if (!Configurations.Contains(configurationId, StringComparer.Ordinal))
        {
            throw new ArgumentException($"credential configuration '{configurationId}' is not one this minter signs.", nameof(configurationId));
        }

        var credential = (JObject)award.Credential.DeepClone();
        if (credential["credentialSubject"] is not JObject subject)
        {
            throw new ArgumentException($"award '{award.Id}': credentialSubject must be one object to bind a holder to.", nameof(award));
        }

        credential["id"] = "urn:uuid:" + Guid.NewGuid().ToString("D");
        subject["id"] = holderDid;
        var signer = OpenBadgeCredentialConfigurations.NeedsP256(configurationId) ? _p256Signer! : _signer;
        if (Controller(signer) is { } controller)
        {
            SetIssuer(credential, controller);
        }

        return configurationId switch
        {
            OpenBadgeCredentialConfigurations.LdpVc =>
                await DataIntegritySigner.SignAsync(credential, _signer, Cryptosuites.EddsaRdfc2022, cancellationToken: cancellationToken).ConfigureAwait(false),
            OpenBadgeCredentialConfigurations.LdpVcEcdsaSd2023 =>
                await EcdsaSd2023.SignBaseAsync(credential, _p256Signer!, cancellationToken: cancellationToken).ConfigureAwait(false),
            OpenBadgeCredentialConfigurations.JwtVcJson =>
                new JValue(await _jwtIssuer.IssueAsync(credential, cancellationToken).ConfigureAwait(false)),
            _ => new JValue(await _es256JwtIssuer!.IssueAsync(credential, cancellationToken).ConfigureAwait(false)),
        };
    }

    // A DID URL's DID; null for a key named by an https URL (its controller document names the issuer, so the award's stays).
    private static string? Controller(ISigner signer)
    {
        if (!signer.KeyId.StartsWith("did:", StringComparison.Ordinal))
        {
            return null;
        }

        var hash = signer.KeyId.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? signer.KeyId : signer.KeyId[..hash];
    }

    private static void SetIssuer(JObject credential, string issuerId)
    {
        switch (credential["issuer"])
        {
            case JObject profile:
                profile["id"] = issuerId;
                break;
            default:
                credential["issuer"] = issuerId;
                break;
        }
    }
}
