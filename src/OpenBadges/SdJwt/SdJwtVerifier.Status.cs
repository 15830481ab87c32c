using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Json;
using OpenBadges.Proofs.Jose;

namespace OpenBadges.SdJwt;

public static partial class SdJwtVerifier
{
    private const string StatusRule = "Token Status List §8: the entry at 'idx' of the list at 'uri' is VALID (0); INVALID (1) and SUSPENDED (2) make the token not valid";
    private const string StatusTokenRule =
        "Token Status List §8.3: the status list token has typ statuslist+jwt, a valid signature of the credential's issuer, 'sub' equal to the referenced 'uri', an 'iat', and has not expired";

    /// <summary>The <c>status.status_list</c> reference, checked against its status list token (offline copy or fetched).</summary>
    private static async Task CheckStatusAsync(JObject payload, JObject header, SdJwtProfile profile, SdJwtVerificationOptions options, Run run, CancellationToken cancellationToken)
    {
        const string Path = "$.status.status_list";
        if (payload["status"] is not { } status)
        {
            run.NotApplicable(SdJwtChecks.Status, "the payload has no 'status'", "$.status", StatusRule);
            return;
        }

        if (status is not JObject statusObject || statusObject["status_list"] is not JObject reference)
        {
            run.Undecided(SdJwtChecks.Status, "'status' has no 'status_list' object: the only mechanism this verifier knows", "$.status", StatusRule);
            return;
        }

        if (reference["idx"] is not JValue { Type: JTokenType.Integer } idxToken || (long)idxToken! < 0 || (long)idxToken! > int.MaxValue
            || reference["uri"] is not JValue { Type: JTokenType.String } uriToken || !Uri.TryCreate((string?)uriToken, UriKind.Absolute, out var uri))
        {
            run.Fail(SdJwtChecks.Status, "'status_list' needs a non-negative integer 'idx' and an absolute 'uri'", Path, "Token Status List §6.2");
            return;
        }

        if (!options.CheckStatus)
        {
            run.NotApplicable(SdJwtChecks.Status, "not checked: status checking is off (CheckStatus false)", Path, StatusRule);
            return;
        }

        var idx = (int)(long)idxToken;
        var uriText = (string)uriToken!;
        var token = await FindStatusListTokenAsync(uriText, uri, options, run, cancellationToken).ConfigureAwait(false);
        if (token is null)
        {
            run.NotApplicable(SdJwtChecks.Status, "not checked: no usable status list token", Path, StatusRule);
            return;
        }

        var list = await VerifyStatusListTokenAsync(token, uriText, IssuerOf(payload, profile), options, run, cancellationToken).ConfigureAwait(false);
        if (list is null)
        {
            run.NotApplicable(SdJwtChecks.Status, "not checked: the status list token is not acceptable", Path, StatusRule);
            return;
        }

        if (idx >= list.Count)
        {
            run.Fail(SdJwtChecks.Status, $"'idx' {idx} lies outside the list of {list.Count} entries", Path, "Token Status List §8.3: an index outside the list is an error", ProblemCodes.StatusIndexOutOfRange);
            return;
        }

        switch (list[idx])
        {
            case TokenStatusList.Valid:
                run.Pass(SdJwtChecks.Status, $"entry {idx} of {uriText} is VALID", Path, StatusRule);
                break;
            case TokenStatusList.Invalid:
                run.Fail(SdJwtChecks.Status, $"entry {idx} of {uriText} is INVALID: the credential is revoked", Path, StatusRule, ProblemCodes.Revoked);
                break;
            case TokenStatusList.Suspended:
                run.Fail(SdJwtChecks.Status, $"entry {idx} of {uriText} is SUSPENDED", Path, StatusRule, ProblemCodes.Suspended);
                break;
            case var other:
                run.Undecided(SdJwtChecks.Status, $"entry {idx} of {uriText} is {other}, an application-specific status this verifier cannot judge", Path, StatusRule);
                break;
        }
    }

    private static async Task<string?> FindStatusListTokenAsync(string uriText, Uri uri, SdJwtVerificationOptions options, Run run, CancellationToken cancellationToken)
    {
        if (options.StatusListTokens is not null && options.StatusListTokens.TryGetValue(uriText, out var held))
        {
            return held;
        }

        if (options.Fetcher is null)
        {
            run.Undecided(SdJwtChecks.StatusToken, $"the status list {uriText} is neither held offline (StatusListTokens) nor fetchable (no Fetcher)", "$.status.status_list.uri", StatusTokenRule);
            return null;
        }

        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            run.Fail(SdJwtChecks.StatusToken, $"the status list URI {uriText} is not HTTPS", "$.status.status_list.uri", StatusTokenRule);
            return null;
        }

        try
        {
            var text = await options.Fetcher(uri, cancellationToken).ConfigureAwait(false) ?? throw SdJwtErrors.FetcherReturnedNothing();
            return text.Trim();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            run.Undecided(SdJwtChecks.StatusToken, $"fetching the status list {uriText} failed: {e.Message}", "$.status.status_list.uri", StatusTokenRule);
            return null;
        }
    }

    private static async Task<TokenStatusList?> VerifyStatusListTokenAsync(string token, string uri, string? credentialIssuer, SdJwtVerificationOptions options, Run run, CancellationToken cancellationToken)
    {
        const string Path = "$.status.status_list.uri";
        if (token.Length > options.MaxLength)
        {
            run.Fail(SdJwtChecks.StatusToken, $"the status list token is {token.Length} characters; the limit is {options.MaxLength}", Path, StatusTokenRule);
            return null;
        }

        var limits = new JsonLimits { MaxInputLength = options.MaxLength, MaxDepth = options.MaxJsonDepth };
        if (!CompactJws.TryParse(token, limits, out var jws, out _, out var error))
        {
            run.Fail(SdJwtChecks.StatusToken, "the status list token is not a compact JWS: " + error, Path, StatusTokenRule);
            return null;
        }

        if (jws.Header["typ"] is not JValue { Type: JTokenType.String } typ || (string?)typ != TokenStatusList.TokenType)
        {
            run.Fail(SdJwtChecks.StatusToken, $"the status list token's typ is {Printable.Quote(jws.Header["typ"]?.ToString())}, not \"statuslist+jwt\"", Path, StatusTokenRule);
            return null;
        }

        var alg = jws.Header["alg"] is JValue { Type: JTokenType.String } a ? (string?)a : null;
        if (!JoseAlgorithms.IsSupported(alg))
        {
            run.Fail(SdJwtChecks.StatusToken, "the status list token's " + JoseAlgorithms.Explain(alg), Path, StatusTokenRule);
            return null;
        }

        // The list must come from the credential's issuer: its key is found and tied exactly as the credential's is.
        var tokenIssuer = jws.Payload["iss"] is JValue { Type: JTokenType.String } iss ? (string?)iss : credentialIssuer;
        if (tokenIssuer != credentialIssuer)
        {
            run.Fail(SdJwtChecks.StatusToken, $"the status list token's 'iss' {Printable.Quote(tokenIssuer)} is not the credential's issuer {Printable.Quote(credentialIssuer)}", Path, StatusTokenRule);
            return null;
        }

        var keyRun = new Run();
        var asIssuer = new JObject { ["iss"] = credentialIssuer };
        using (var found = await FindIssuerKeyAsync(jws.Header, asIssuer, SdJwtProfile.Plain, options, keyRun, cancellationToken).ConfigureAwait(false))
        {
            VerifyIssuerSignature(token, jws.Signature, alg, found, keyRun);
            CheckIssuerBinding(found, asIssuer, SdJwtProfile.SdJwtVc, options, keyRun);
        }

        var keyChecks = keyRun.Result().Checks;
        if (keyChecks.FirstOrDefault(c => c.Status == CheckStatus.Failed) is { } failed)
        {
            run.Fail(SdJwtChecks.StatusToken, $"the status list token fails {failed.Name}: {failed.Message}", Path, StatusTokenRule);
            return null;
        }

        if (keyChecks.FirstOrDefault(c => c.Status == CheckStatus.CouldNotCheck) is { } undecided)
        {
            run.Undecided(SdJwtChecks.StatusToken, $"the status list token's {undecided.Name} could not be checked: {undecided.Message}", Path, StatusTokenRule);
            return null;
        }

        if (jws.Payload["sub"] is not JValue { Type: JTokenType.String } sub || (string?)sub != uri)
        {
            run.Fail(SdJwtChecks.StatusToken, $"the status list token's 'sub' {Printable.Quote(jws.Payload["sub"]?.ToString())} is not the referenced URI {Printable.Quote(uri)}", Path, StatusTokenRule);
            return null;
        }

        if (jws.Payload["iat"] is not JValue { Type: JTokenType.Integer })
        {
            run.Fail(SdJwtChecks.StatusToken, "the status list token has no integer 'iat'", Path, StatusTokenRule);
            return null;
        }

        if (jws.Payload["exp"] is JValue { Type: JTokenType.Integer } exp
            && (long)exp! is var expSeconds && expSeconds < MaxNumericDate
            && DateTimeOffset.FromUnixTimeSeconds(Math.Max(0, expSeconds)) <= options.TimeProvider.GetUtcNow() - options.ClockSkew)
        {
            run.Fail(SdJwtChecks.StatusToken, "the status list token has expired ('exp')", Path, StatusTokenRule);
            return null;
        }

        if (!TokenStatusList.TryRead(jws.Payload["status_list"], options.MaxStatusListBytes, out var list, out var listError))
        {
            run.Fail(SdJwtChecks.StatusToken, listError!, Path, "Token Status List §4.2: status_list {bits: 1|2|4|8, lst: base64url(ZLIB)}");
            return null;
        }

        run.Pass(SdJwtChecks.StatusToken, $"signed by the issuer, {list!.Count} entries of {list.Bits} bit(s)", Path, StatusTokenRule);
        return list;
    }
}
