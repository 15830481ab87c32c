using Newtonsoft.Json.Linq;

namespace OpenBadges.Oid4Vci;

/// <summary>
/// A stored award: the unsigned Open Badges credential an institution decided to give a learner, waiting for the
/// learner's wallet. Its issuer must be the signing key's controller; the holder's DID is added as
/// <c>credentialSubject.id</c> when a wallet collects it.
/// </summary>
/// <param name="Id">The award's id in the store.</param>
/// <param name="Credential">The unsigned credential (never modified: each issuance works on a copy).</param>
/// <param name="IsReady">False while the award is pending (the wallet gets a deferred <c>transaction_id</c>).</param>
/// <param name="LearnerId">
/// Who may collect it in the authorization code flow: the authorization server's subject for the learner (the sample
/// checks the signed-in learner against it). Null: whoever holds the offer.
/// </param>
public sealed record Award(string Id, JObject Credential, bool IsReady = true, string? LearnerId = null);
