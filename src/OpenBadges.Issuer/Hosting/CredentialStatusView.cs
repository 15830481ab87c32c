using OpenBadges.Issuer.Status;
using OpenBadges.Issuer.Storage;

namespace OpenBadges.Issuer.Hosting;

/// <summary>A credential's status as the API shows it.</summary>
public sealed record CredentialStatusView(string Id, string State, string StatusPurpose, string StatusListCredential, int StatusListIndex, bool? Changed, IReadOnlyList<AuditView>? Audit)
{
    /// <summary>The view of <paramref name="credential"/>.</summary>
    public static CredentialStatusView Of(StoredCredential credential, StatusListPublisher lists, IReadOnlyList<AuditEntry>? audit, bool? changed)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(lists);
        return new CredentialStatusView("urn:uuid:" + credential.Id, credential.State.ToString().ToLowerInvariant(), credential.StatusPurpose, lists.UrlOf(credential.ListId),
            credential.StatusIndex, changed, audit?.Select(a => new AuditView(a.Action, a.Actor, a.Reason, a.At)).ToList());
    }
}
