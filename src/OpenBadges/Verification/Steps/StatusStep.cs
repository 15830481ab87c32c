using System.Globalization;
using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Json;
using OpenBadges.Proofs;
using OpenBadges.Proofs.Jose;
using OpenBadges.Status;
using static OpenBadges.Verification.CredentialJson;

namespace OpenBadges.Verification;

/// <summary>
/// Step 11: <c>credentialStatus</c>. Bitstring Status List v1.0 (§3.2 Validate Algorithm): fetch the status list
/// credential, verify its proof and that the credential's issuer issued it, its validity window, the purpose, the list's
/// minimum length and the index, then read the bit. 1EdTech Revocation List: fetch it and look the credential id up.
/// <para>
/// A list that cannot be trusted (forged proof, another issuer, expired, malformed) makes the check CouldNotCheck —
/// the credential's status is unknown, never "not revoked". A set bit, or an index outside an authentic list (both
/// signed by the issuer), is Failed.
/// </para>
/// </summary>
internal sealed class StatusStep : IVerificationStep
{

    private const string BitstringEntryType = "BitstringStatusListEntry";

    public async ValueTask<bool> RunAsync(VerificationRun run, CancellationToken cancellationToken)
    {
        await CheckAsync(run.Credential!, run, run.ProofPassed, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static async Task CheckAsync(JObject credential, VerificationRun run, bool proofPassed, CancellationToken cancellationToken)
    {
        const string rule = "each credentialStatus entry is checked against its issuer's authentic, current status list; no status bit is set";
        var token = credential["credentialStatus"];
        if (token is null)
        {
            run.NotApplicable(CheckNames.Status, "The credential has no credentialStatus.", "$.credentialStatus", rule);
            return;
        }

        var entries = new List<(JObject Entry, string Path)>();
        EachObject(token, "$.credentialStatus", (entry, path) => entries.Add((entry, path)));
        if (entries.Count == 0)
        {
            run.Fail(CheckNames.Status, "credentialStatus is not an object or an array of objects.", "$.credentialStatus", rule);
            return;
        }

        if (!proofPassed)
        {
            run.NotApplicable(CheckNames.Status, "Not checked: the proof did not pass, so the status entries are not trusted and nothing was fetched.", "$.credentialStatus", rule);
            return;
        }

        foreach (var (entry, path) in entries)
        {
            var type = entry["type"]?.Type == JTokenType.String ? (string?)entry["type"] : null;
            switch (type)
            {
                case BitstringEntryType:
                    await CheckBitstringEntryAsync(credential, entry, path, run, cancellationToken).ConfigureAwait(false);
                    break;
                case RevocationList.StatusType:
                    await CheckRevocationListAsync(credential, entry, path, run, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    run.Undecided(CheckNames.Status, $"The status method '{type}' is not supported: whether the credential is revoked cannot be told.", path + ".type",
                        "credentialStatus is a BitstringStatusListEntry or a 1EdTechRevocationList");
                    break;
            }
        }
    }

    private static async Task CheckBitstringEntryAsync(JObject credential, JObject entry, string path, VerificationRun run, CancellationToken cancellationToken)
    {
        const string rule = "Bitstring Status List v1.0 §3.2: the list credential verifies, is the credential issuer's, is current, has the entry's statusPurpose and at least 131,072 entries; the bit at statusListIndex is not set";
        var purpose = entry["statusPurpose"]?.Type == JTokenType.String ? (string?)entry["statusPurpose"] : null;
        var listUrl = entry["statusListCredential"]?.Type == JTokenType.String ? (string?)entry["statusListCredential"] : null;
        int? index = entry["statusListIndex"] switch
        {
            JValue { Type: JTokenType.String } text when int.TryParse((string?)text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) => parsed,
            JValue { Type: JTokenType.Integer } number when number.Value is long value && value is >= 0 and <= int.MaxValue => (int)value,
            _ => null,
        };
        if (purpose is null || listUrl is null || index is null || !IsAbsoluteUri(listUrl))
        {
            run.Fail(CheckNames.Status, "The BitstringStatusListEntry needs a statusPurpose, a statusListIndex (a non-negative integer as a string) and a statusListCredential URL.", path, rule);
            return;
        }

        if (entry["statusSize"] is { } size && !(size.Type == JTokenType.Integer && (long)size == 1))
        {
            run.Undecided(CheckNames.Status, $"statusSize {size} is not supported (only 1-bit entries).", path + ".statusSize", rule);
            return;
        }

        if (purpose is not ("revocation" or "suspension"))
        {
            run.NotApplicable(CheckNames.Status, $"statusPurpose '{purpose}' does not bear on validity; not checked.", path + ".statusPurpose", rule);
            return;
        }

        if (run.Settings.Options.Fetcher is null)
        {
            run.Undecided(CheckNames.Status, $"Offline: the {purpose} list {listUrl} was not fetched, so whether the credential is {Participle(purpose)} is unknown. Configure CredentialVerifierOptions.Fetcher to check it.", path, rule);
            return;
        }

        var fetched = await DocumentFetch.FetchAsync(listUrl, run, cancellationToken).ConfigureAwait(false);
        if (fetched.Text is null)
        {
            run.Undecided(CheckNames.Status, $"The status list could not be fetched: {fetched.Error}.", path + ".statusListCredential", rule);
            return;
        }

        var (list, distrust) = await ReadTrustedListCredentialAsync(fetched.Text, credential, run.Settings, cancellationToken).ConfigureAwait(false);
        if (list is null)
        {
            run.Undecided(CheckNames.Status, $"The status list credential {listUrl} is not trusted: {distrust} Its answer is not used.", path + ".statusListCredential", rule);
            return;
        }

        var problem = CheckListCredential(list, purpose, run.Settings.Options);
        if (problem is not null)
        {
            run.Undecided(CheckNames.Status, $"The status list credential {listUrl} cannot be used: {problem}", path + ".statusListCredential", rule);
            return;
        }

        BitstringStatusList bits;
        try
        {
            bits = BitstringStatusList.Decode((string)list["credentialSubject"]!["encodedList"]!);
        }
        catch (FormatException e)
        {
            run.Undecided(CheckNames.Status, $"The status list {listUrl} cannot be decoded: {e.Message}", path + ".statusListCredential", rule);
            return;
        }

        if (bits.Length < BitstringStatusList.MinimumLength)
        {
            run.Undecided(CheckNames.Status, $"The status list {listUrl} has {bits.Length} entries, fewer than the {BitstringStatusList.MinimumLength} the specification requires (STATUS_LIST_LENGTH_ERROR).", path + ".statusListCredential", rule);
            return;
        }

        if (index.Value >= bits.Length)
        {
            // Both the entry and the list are the issuer's signed word, so this is decided: the entry points nowhere.
            run.Fail(CheckNames.Status, $"statusListIndex {index} is outside the list's {bits.Length} entries (RANGE_ERROR).", path + ".statusListIndex", rule, ProblemCodes.StatusIndexOutOfRange);
            return;
        }

        if (bits.Get(index.Value))
        {
            run.Fail(CheckNames.Status, $"The credential is {Participle(purpose)}: bit {index} of {listUrl} is set.", path, rule, purpose == "suspension" ? ProblemCodes.Suspended : ProblemCodes.Revoked);
        }
        else
        {
            run.Pass(CheckNames.Status, $"Not {Participle(purpose)}: bit {index} of {listUrl} is clear.", path, rule);
        }
    }

    /// <summary>The fetched status list credential if its proof verifies and the credential's issuer issued it; else null and why.</summary>
    private static async Task<(JObject? List, string? Reason)> ReadTrustedListCredentialAsync(string text, JObject credential, VerifierSettings settings, CancellationToken cancellationToken)
    {
        JObject list;
        var trimmed = text.Trim();
        if (trimmed.StartsWith('{'))
        {
            try
            {
                list = JsonInput.ParseObject(trimmed, settings.Options.JsonLimits);
            }
            catch (JsonInputException e)
            {
                return (null, $"it is not acceptable JSON ({e.Message}).");
            }

            var proof = await DataIntegrityVerifier.VerifyAsync(list, settings.Proof, cancellationToken).ConfigureAwait(false);
            if (!proof.IsValid)
            {
                var bad = proof.AllChecks.First(c => c.Status is CheckStatus.Failed or CheckStatus.CouldNotCheck);
                return (null, $"its proof did not verify ({bad.Name} {bad.Status}: {bad.Message}).");
            }
        }
        else
        {
            var jwt = await VcJwtVerifier.VerifyAsync(trimmed, settings.Jwt, cancellationToken).ConfigureAwait(false);
            if (!jwt.IsValid || jwt.Credential is null)
            {
                var bad = jwt.Checks.FirstOrDefault(c => c.Status is CheckStatus.Failed or CheckStatus.CouldNotCheck);
                return (null, $"it is neither JSON nor a verifying VC-JWT ({bad?.Name}: {bad?.Message}).");
            }

            list = jwt.Credential;
        }

        var listIssuer = IssuerIdOf(list);
        var credentialIssuer = IssuerIdOf(credential);
        if (listIssuer is null || !string.Equals(listIssuer, credentialIssuer, StringComparison.Ordinal))
        {
            return (null, $"it was issued by '{listIssuer}', not by the credential's issuer '{credentialIssuer}'.");
        }

        return (list, null);
    }

    /// <summary>Null when the (trusted) list credential is usable for <paramref name="purpose"/> now; else why not.</summary>
    private static string? CheckListCredential(JObject list, string purpose, CredentialVerifierOptions options)
    {
        if (!Strings(list["type"]).Contains("BitstringStatusListCredential"))
        {
            return "its type does not include BitstringStatusListCredential.";
        }

        var now = options.TimeProvider.GetUtcNow();
        var from = list["validFrom"] ?? list["issuanceDate"];
        if (from is not null && (!DataIntegrityVerifier.TryParseDateTime(from, out var start) || start > now + options.ClockSkew))
        {
            return $"it is not valid yet (validFrom {from}).";
        }

        var until = list["validUntil"] ?? list["expirationDate"];
        if (until is not null && (!DataIntegrityVerifier.TryParseDateTime(until, out var end) || end < now - options.ClockSkew))
        {
            return $"it is no longer valid (validUntil {until}); a current list is needed.";
        }

        if (list["credentialSubject"] is not JObject subject || !Strings(subject["type"]).Contains("BitstringStatusList"))
        {
            return "its credentialSubject is not a BitstringStatusList.";
        }

        if (!Strings(subject["statusPurpose"]).Contains(purpose))
        {
            return $"its statusPurpose is '{subject["statusPurpose"]}', not the entry's '{purpose}' (STATUS_VERIFICATION_ERROR).";
        }

        return subject["encodedList"]?.Type == JTokenType.String ? null : "it has no encodedList string.";
    }

    private static async Task CheckRevocationListAsync(JObject credential, JObject entry, string path, VerificationRun run, CancellationToken cancellationToken)
    {
        const string rule = "1EdTech Revocation List: the list at credentialStatus.id, from the credential's issuer, does not list the credential's id";
        var listUrl = entry["id"]?.Type == JTokenType.String ? (string?)entry["id"] : null;
        var credentialId = credential["id"]?.Type == JTokenType.String ? (string?)credential["id"] : null;
        if (listUrl is null || !IsAbsoluteUri(listUrl))
        {
            run.Fail(CheckNames.Status, "The 1EdTechRevocationList entry has no id (the list's URL).", path + ".id", rule);
            return;
        }

        if (credentialId is null)
        {
            run.Undecided(CheckNames.Status, "The credential has no id to look up in the revocation list.", "$.id", rule);
            return;
        }

        if (run.Settings.Options.Fetcher is null)
        {
            run.Undecided(CheckNames.Status, $"Offline: the revocation list {listUrl} was not fetched, so whether the credential is revoked is unknown. Configure CredentialVerifierOptions.Fetcher to check it.", path, rule);
            return;
        }

        var fetched = await DocumentFetch.FetchAsync(listUrl, run, cancellationToken).ConfigureAwait(false);
        if (fetched.Text is null)
        {
            run.Undecided(CheckNames.Status, $"The revocation list could not be fetched: {fetched.Error}.", path + ".id", rule);
            return;
        }

        RevocationList list;
        try
        {
            list = RevocationList.Parse(JsonInput.ParseObject(fetched.Text, run.Settings.Options.JsonLimits));
        }
        catch (FormatException e)
        {
            run.Undecided(CheckNames.Status, $"The revocation list {listUrl} cannot be read: {e.Message}", path + ".id", rule);
            return;
        }

        var credentialIssuer = IssuerIdOf(credential);
        if (list.Issuer is not null && !string.Equals(list.Issuer, credentialIssuer, StringComparison.Ordinal))
        {
            run.Undecided(CheckNames.Status, $"The revocation list {listUrl} is issued by '{list.Issuer}', not by the credential's issuer '{credentialIssuer}'; its answer is not used.", path + ".id", rule);
            return;
        }

        if (list.IsRevoked(credentialId, out var reason))
        {
            run.Fail(CheckNames.Status, $"The credential is revoked{(reason is null ? string.Empty : ": " + reason)} (listed in {listUrl}).", path, rule, ProblemCodes.Revoked);
        }
        else
        {
            run.Pass(CheckNames.Status, $"Not revoked: {listUrl} does not list {credentialId}.", path, rule);
        }
    }

    private static string Participle(string purpose) => purpose == "suspension" ? "suspended" : "revoked";
}
