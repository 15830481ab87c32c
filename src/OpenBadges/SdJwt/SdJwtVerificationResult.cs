using Newtonsoft.Json.Linq;
using OpenBadges.Checks;

namespace OpenBadges.SdJwt;

/// <summary>What <see cref="SdJwtVerifier"/> found: named checks, their verdict, and the disclosed claims.</summary>
public sealed class SdJwtVerificationResult
{
    internal SdJwtVerificationResult(
        IReadOnlyList<VerificationCheck> checks,
        SdJwtProfile profile,
        JObject? header,
        JObject? payload,
        JObject? claims,
        IReadOnlyList<ClaimPath> disclosedPaths,
        bool keyBound)
    {
        Checks = checks;
        Verdict = VerdictRules.Combine(checks);
        Profile = profile;
        Header = header;
        Payload = payload;
        Claims = claims;
        DisclosedPaths = disclosedPaths;
        IsKeyBound = keyBound;
    }

    /// <summary>Every check, in the order run.</summary>
    public IReadOnlyList<VerificationCheck> Checks { get; }

    /// <summary>Valid only when no check failed and none was undecided.</summary>
    public Verdict Verdict { get; }

    /// <summary>True when <see cref="Verdict"/> is <see cref="Verdict.Valid"/>.</summary>
    public bool IsValid => Verdict == Verdict.Valid;

    /// <summary>The profile the token was verified under.</summary>
    public SdJwtProfile Profile { get; }

    /// <summary>The issuer-signed JWT's header.</summary>
    public JObject? Header { get; }

    /// <summary>The issuer-signed JWT's payload as signed (digests, not claims).</summary>
    public JObject? Payload { get; }

    /// <summary>
    /// The processed payload (RFC 9901 §7.1): disclosed claims in place, <c>_sd</c>, <c>_sd_alg</c> and undisclosed array
    /// elements removed. Null when the Disclosures could not be processed. Do not trust it unless <see cref="IsValid"/>.
    /// </summary>
    public JObject? Claims { get; }

    /// <summary>Where the presented Disclosures landed.</summary>
    public IReadOnlyList<ClaimPath> DisclosedPaths { get; }

    /// <summary>True when a KB-JWT was present and its signature and <c>sd_hash</c> verified.</summary>
    public bool IsKeyBound { get; }

    /// <summary>The check named <paramref name="name"/> (see <see cref="SdJwtChecks"/>), or null when it was not run.</summary>
    public VerificationCheck? Find(string name) => Checks.FirstOrDefault(c => c.Name == name);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Verdict}: " + string.Join("; ", Checks.Where(c => c.Status is CheckStatus.Failed or CheckStatus.CouldNotCheck).Select(c => $"{c.Name} {c.Status}: {c.Message}"));
}
