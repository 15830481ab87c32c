using Newtonsoft.Json.Linq;
using OpenBadges.Proofs;
using OpenBadges.Status;

namespace LmsIssuingEndpoint;

/// <summary>
/// The revocation status lists (W3C Bitstring Status List), in memory: indexes handed out at random, a bit set on
/// revocation, and the list credential re-signed after every change. Thread-safe. A real service keeps the bits in
/// its database; the shape of the code stays the same.
/// </summary>
public sealed class StatusLists
{
    /// <summary>The one list this sample keeps (a real issuer opens a new one when it is full).</summary>
    public const string CurrentList = "1";

    private readonly Lock _gate = new();
    private readonly BitstringStatusList _bits = BitstringStatusList.Create();
    private readonly StatusListIndexAllocator _allocator = new();
    private readonly IssuerKey _key;
    private readonly string _baseUrl;
    private JObject? _signed;

    public StatusLists(IssuerKey key, IssuerSettings issuer)
    {
        _key = key;
        _baseUrl = issuer.PublicBaseUrl.TrimEnd('/');
    }

    /// <summary>The URL of a list credential (what <c>statusListCredential</c> points at).</summary>
    public string UrlOf(string list) => $"{_baseUrl}/status/{list}";

    /// <summary>A fresh index in the current list, for a new credential.</summary>
    public (string List, int Index) Allocate() => (CurrentList, _allocator.Allocate());

    /// <summary>Sets the revocation bit of <paramref name="index"/>; the list is re-signed on the next read.</summary>
    public void Revoke(int index)
    {
        lock (_gate)
        {
            _bits.Set(index, true);
            _signed = null;
        }
    }

    /// <summary>The signed status list credential, or null for an unknown list.</summary>
    public async Task<JObject?> GetSignedAsync(string list, CancellationToken cancellationToken)
    {
        if (list != CurrentList)
        {
            return null;
        }

        JObject unsigned;
        lock (_gate)
        {
            if (_signed is not null)
            {
                return _signed;
            }

            unsigned = StatusListCredentials.Create(UrlOf(list), _key.IssuerId, "revocation", _bits, DateTimeOffset.UtcNow);
        }

        var signed = await DataIntegritySigner.SignAsync(unsigned, _key.Signer, Cryptosuites.EddsaRdfc2022, cancellationToken: cancellationToken);
        lock (_gate)
        {
            // Keep it unless a revocation came in while signing (then the next read signs the newer bits).
            if (((string?)signed["credentialSubject"]!["encodedList"]) == _bits.Encode())
            {
                _signed = signed;
            }
        }

        return signed;
    }
}
