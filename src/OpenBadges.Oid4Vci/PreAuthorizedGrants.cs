using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace OpenBadges.Oid4Vci;

/// <summary>
/// The pre-authorized code flow's authorization server half (OpenID4VCI 1.0 §3.5, §6): single-use, expiring codes,
/// each for one award and optionally guarded by a transaction code; exchanged once for a bearer access token.
/// In memory and thread-safe.
/// </summary>
public sealed class PreAuthorizedGrants : IAccessTokenValidator
{
    private sealed class Code(string awardId, string? txCode, DateTimeOffset expires)
    {
        public string AwardId { get; } = awardId;
        public string? TxCode { get; } = txCode;
        public DateTimeOffset Expires { get; } = expires;
        public int FailedAttempts;
    }

    private readonly ConcurrentDictionary<string, Code> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AccessGrant> _tokens = new(StringComparer.Ordinal);
    private readonly Oid4VciIssuerOptions _options;

    /// <summary>Grants under <paramref name="options"/> (lifetimes, clock, attempt limit).</summary>
    public PreAuthorizedGrants(Oid4VciIssuerOptions options) => _options = options;

    /// <summary>A new pre-authorized code for <paramref name="awardId"/>; with <paramref name="txCode"/> the wallet must also send it.</summary>
    public string CreateCode(string awardId, string? txCode)
    {
        ArgumentException.ThrowIfNullOrEmpty(awardId);
        var code = NonceStore.Base64UrlRandom(32);
        _codes[code] = new Code(awardId, txCode, _options.TimeProvider.GetUtcNow() + _options.PreAuthorizedCodeLifetime);
        return code;
    }

    /// <summary>Token Request §6.1 with the pre-authorized code grant: validates and consumes the code.</summary>
    public TokenResult Redeem(string? preAuthorizedCode, string? txCode)
    {
        if (string.IsNullOrEmpty(preAuthorizedCode))
        {
            return TokenResult.Fail(Oid4VciErrors.InvalidRequest, "pre-authorized_code is required (§6.1).");
        }

        if (!_codes.TryGetValue(preAuthorizedCode, out var code))
        {
            return TokenResult.Fail(Oid4VciErrors.InvalidGrant, "the pre-authorized code is unknown or was already used (§6.3).");
        }

        if (_options.TimeProvider.GetUtcNow() >= code.Expires)
        {
            _codes.TryRemove(preAuthorizedCode, out _);
            return TokenResult.Fail(Oid4VciErrors.InvalidGrant, "the pre-authorized code has expired (§6.3).");
        }

        if (code.TxCode is null && txCode is not null)
        {
            return TokenResult.Fail(Oid4VciErrors.InvalidRequest, "tx_code was sent but the Credential Offer asked for none (§6.3).");
        }

        if (code.TxCode is not null)
        {
            if (string.IsNullOrEmpty(txCode))
            {
                return TokenResult.Fail(Oid4VciErrors.InvalidRequest, "this pre-authorized code needs the tx_code from the Credential Offer (§6.3).");
            }

            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(txCode), Encoding.UTF8.GetBytes(code.TxCode)))
            {
                // Guessing is bounded: after MaxTxCodeAttempts wrong codes the pre-authorized code is gone.
                if (Interlocked.Increment(ref code.FailedAttempts) >= _options.MaxTxCodeAttempts)
                {
                    _codes.TryRemove(preAuthorizedCode, out _);
                }

                return TokenResult.Fail(Oid4VciErrors.InvalidGrant, "the tx_code is wrong (§6.3).");
            }
        }

        // Single use: only the request that removes the code gets the token.
        if (!_codes.TryRemove(preAuthorizedCode, out _))
        {
            return TokenResult.Fail(Oid4VciErrors.InvalidGrant, "the pre-authorized code is unknown or was already used (§6.3).");
        }

        var token = NonceStore.Base64UrlRandom(32);
        _tokens[token] = new AccessGrant(code.AwardId, _options.TimeProvider.GetUtcNow() + _options.AccessTokenLifetime);
        return new TokenResult(token, (int)_options.AccessTokenLifetime.TotalSeconds, null, null);
    }

    /// <inheritdoc />
    public ValueTask<AccessGrant?> ValidateAsync(string accessToken, CancellationToken cancellationToken)
    {
        if (_tokens.TryGetValue(accessToken, out var grant))
        {
            if (_options.TimeProvider.GetUtcNow() < grant.Expires)
            {
                return ValueTask.FromResult<AccessGrant?>(grant);
            }

            _tokens.TryRemove(accessToken, out _);
        }

        return ValueTask.FromResult<AccessGrant?>(null);
    }
}
