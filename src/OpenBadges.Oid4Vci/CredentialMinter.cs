using Newtonsoft.Json.Linq;
using OpenBadges.Keys;
using OpenBadges.Proofs;
using OpenBadges.Proofs.Jose;

namespace OpenBadges.Oid4Vci;

/// <summary>
/// Turns an award into the credential a wallet collects: a copy with a fresh <c>urn:uuid:</c> id and the holder's DID
/// as <c>credentialSubject.id</c>, signed as the configuration asks (eddsa-rdfc-2022 Data Integrity, or a VC-JWT).
/// </summary>
public sealed class CredentialMinter
{
    private readonly ISigner _signer;
    private readonly VcJwtIssuer _jwtIssuer;

    /// <summary>A minter signing with <paramref name="signer"/> (Ed25519; the awards' issuer is its controller).</summary>
    public CredentialMinter(ISigner signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        _signer = signer;
        _jwtIssuer = new VcJwtIssuer(signer);
    }

    /// <summary>The signed credential: a JSON object for <c>ldp_vc</c>, a compact JWS string for <c>jwt_vc_json</c>.</summary>
    /// <exception cref="ArgumentException">An unknown configuration, or an award whose credentialSubject is not one object.</exception>
    public async Task<JToken> MintAsync(Award award, string holderDid, string configurationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(award);
        ArgumentException.ThrowIfNullOrEmpty(holderDid);
        var credential = (JObject)award.Credential.DeepClone();
        if (credential["credentialSubject"] is not JObject subject)
        {
            throw new ArgumentException($"award '{award.Id}': credentialSubject must be one object to bind a holder to.", nameof(award));
        }

        credential["id"] = "urn:uuid:" + Guid.NewGuid().ToString("D");
        subject["id"] = holderDid;
        return configurationId switch
        {
            OpenBadgeCredentialConfigurations.LdpVc =>
                await DataIntegritySigner.SignAsync(credential, _signer, Cryptosuites.EddsaRdfc2022, cancellationToken: cancellationToken).ConfigureAwait(false),
            OpenBadgeCredentialConfigurations.JwtVcJson =>
                new JValue(await _jwtIssuer.IssueAsync(credential, cancellationToken).ConfigureAwait(false)),
            _ => throw new ArgumentException($"unknown credential configuration '{configurationId}'.", nameof(configurationId)),
        };
    }
}
