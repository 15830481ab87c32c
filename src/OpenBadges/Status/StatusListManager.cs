using Newtonsoft.Json.Linq;
using OpenBadges.Keys;
using OpenBadges.Proofs;

namespace OpenBadges.Status;

/// <summary>
/// The issuer's side of one Bitstring Status List: hands out indexes for new credentials, sets and clears their
/// status, and produces the signed status list credential to publish after each change. One list has one purpose:
/// <c>revocation</c> (permanent: a revoked credential is never reinstated) or <c>suspension</c> (reversible).
/// Thread-safe; the bits are copied under a lock when signing.
/// </summary>
public sealed class StatusListManager
{
    private readonly Lock _gate = new();
    private readonly BitstringStatusList _list;
    private readonly StatusListIndexAllocator _allocator;

    /// <summary>A manager for the list published at <paramref name="listCredentialUrl"/>.</summary>
    /// <param name="listCredentialUrl">Where the status list credential is published (its <c>id</c>).</param>
    /// <param name="issuerId">The issuer id of the credentials the list covers (and of the list itself).</param>
    /// <param name="statusPurpose"><c>revocation</c> or <c>suspension</c>.</param>
    /// <param name="existing">The current bits when resuming a published list (decode its <c>encodedList</c>); null for a new, empty list.</param>
    /// <param name="usedIndexes">Indexes already handed out, which must never be handed out again.</param>
    /// <param name="length">Entries in a new list (at least <see cref="BitstringStatusList.MinimumLength"/>).</param>
    public StatusListManager(string listCredentialUrl, string issuerId, string statusPurpose = "revocation", BitstringStatusList? existing = null, IEnumerable<int>? usedIndexes = null, int length = BitstringStatusList.MinimumLength)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(listCredentialUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(issuerId);
        if (statusPurpose is not ("revocation" or "suspension"))
        {
            throw StatusErrors.UnsupportedStatusPurpose(statusPurpose, nameof(statusPurpose));
        }

        _list = existing ?? BitstringStatusList.Create(length);
        if (_list.Length < BitstringStatusList.MinimumLength)
        {
            throw StatusErrors.ListTooShort(_list.Length, nameof(existing));
        }

        ListCredentialUrl = listCredentialUrl;
        IssuerId = issuerId;
        StatusPurpose = statusPurpose;
        _allocator = new StatusListIndexAllocator(_list.Length, usedIndexes);
    }

    /// <summary>The list credential's URL.</summary>
    public string ListCredentialUrl { get; }

    /// <summary>The issuer id.</summary>
    public string IssuerId { get; }

    /// <summary><c>revocation</c> or <c>suspension</c>.</summary>
    public string StatusPurpose { get; }

    /// <summary>The number of entries.</summary>
    public int Length => _list.Length;

    /// <summary>How many indexes are still free.</summary>
    public int Remaining => _allocator.Remaining;

    /// <summary>A fresh index (random among the free ones) and the <c>credentialStatus</c> entry for a new credential.</summary>
    /// <exception cref="InvalidOperationException">The list is full.</exception>
    public (int Index, JObject Entry) Allocate()
    {
        var index = _allocator.Allocate();
        return (index, StatusListCredentials.Entry(ListCredentialUrl, index, StatusPurpose));
    }

    /// <summary>Revokes the credential at <paramref name="index"/> (a revocation list only; permanent).</summary>
    public void Revoke(int index) => Set(index, true, "revocation", nameof(Revoke));

    /// <summary>Suspends the credential at <paramref name="index"/> (a suspension list only).</summary>
    public void Suspend(int index) => Set(index, true, "suspension", nameof(Suspend));

    /// <summary>Lifts the suspension of the credential at <paramref name="index"/> (a suspension list only; revocation is not reversible).</summary>
    public void Reinstate(int index) => Set(index, false, "suspension", nameof(Reinstate));

    /// <summary>True when the status bit at <paramref name="index"/> is set.</summary>
    public bool IsSet(int index)
    {
        lock (_gate)
        {
            return _list.Get(index);
        }
    }

    /// <summary>The unsigned status list credential with the current bits.</summary>
    public JObject CreateCredential(DateTimeOffset validFrom, DateTimeOffset? validUntil = null)
    {
        lock (_gate)
        {
            return StatusListCredentials.Create(ListCredentialUrl, IssuerId, StatusPurpose, _list, validFrom, validUntil);
        }
    }

    /// <summary>
    /// The status list credential with the current bits, signed (eddsa-rdfc-2022 by default) by <paramref name="signer"/>,
    /// whose key must be the issuer's: verifiers reject a list that the credentials' issuer did not sign. Publish it at
    /// <see cref="ListCredentialUrl"/> after every change; <paramref name="validUntil"/> tells verifiers when to refetch.
    /// </summary>
    public Task<JObject> SignAsync(ISigner signer, DateTimeOffset validFrom, DateTimeOffset? validUntil = null, Cryptosuite? suite = null, ProofOptions? proofOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var unsigned = CreateCredential(validFrom, validUntil);
        return DataIntegritySigner.SignAsync(unsigned, signer, suite ?? Cryptosuites.EddsaRdfc2022, proofOptions ?? new ProofOptions { Created = validFrom }, cancellationToken);
    }

    private void Set(int index, bool value, string purpose, string operation)
    {
        if (StatusPurpose != purpose)
        {
            throw StatusErrors.WrongPurpose(operation, purpose, StatusPurpose);
        }

        lock (_gate)
        {
            _list.Set(index, value);
        }
    }
}
