using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OpenBadges.Issuer.Storage;
using OpenBadges.Oid4Vci;

namespace WalletIssuerSample;

/// <summary>
/// The awards a wallet may collect are the credentials the issuing service has issued: an award's id is the stored
/// credential's id. The stored copy's proof is dropped so the OpenID4VCI minter signs it again with the wallet's DID as
/// subject; its <c>credentialStatus</c> stays, so revoking in the issuing service revokes the wallet's copy too.
/// A revoked or suspended credential is not an award (the credential endpoint answers <c>credential_request_denied</c>).
/// </summary>
/// <remarks>
/// Here, not in OpenBadges.Oid4Vci: the protocol library must not pull in the issuing service's database drivers, and
/// the issuing service must not depend on one delivery protocol. The application that runs both joins them.
/// </remarks>
public sealed class IssuedCredentialAwards(IIssuerStore store) : IAwardStore
{
    /// <inheritdoc />
    public async ValueTask<Award?> FindAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        var stored = await store.GetCredentialAsync(id, cancellationToken).ConfigureAwait(false);
        if (stored is null || stored.State != CredentialState.Active)
        {
            return null;
        }

        // The stored JSON was written by the issuing service itself; parse without date coercion so nothing changes.
        using var reader = new JsonTextReader(new StringReader(stored.Json)) { DateParseHandling = DateParseHandling.None };
        var credential = JObject.Load(reader);
        credential.Remove("proof");
        return new Award(stored.Id, credential, LearnerId: stored.Learner);
    }
}
