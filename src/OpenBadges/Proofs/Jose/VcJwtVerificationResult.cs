using Newtonsoft.Json.Linq;
using OpenBadges.Checks;

namespace OpenBadges.Proofs.Jose;

/// <summary>What <see cref="VcJwtVerifier"/> found: the named checks, their verdict, and the decoded parts for further checks.</summary>
public sealed class VcJwtVerificationResult
{
    internal VcJwtVerificationResult(IReadOnlyList<VerificationCheck> checks, JObject? header, JObject? payload, JObject? credential, bool isVcClaimForm)
    {
        Checks = checks;
        Verdict = VerdictRules.Combine(checks);
        Header = header;
        Payload = payload;
        Credential = credential;
        IsVcClaimForm = isVcClaimForm;
    }

    /// <summary>Every check, in the order run.</summary>
    public IReadOnlyList<VerificationCheck> Checks { get; }

    /// <summary>Valid only when no check failed and none was undecided.</summary>
    public Verdict Verdict { get; }

    /// <summary>True when <see cref="Verdict"/> is <see cref="Verdict.Valid"/>.</summary>
    public bool IsValid => Verdict == Verdict.Valid;

    /// <summary>The decoded JOSE header, when the token could be taken apart.</summary>
    public JObject? Header { get; }

    /// <summary>The decoded payload as signed, when the token could be taken apart.</summary>
    public JObject? Payload { get; }

    /// <summary>
    /// The credential, for the caller's further checks (JSON-LD, schema, status): the payload without the JWT registered
    /// claims (OB 3.0 form), or the <c>vc</c> claim with issuer, id, subject id and dates filled in from the claims where it
    /// lacks them (VC 1.1 form). A copy: changing it changes nothing here. Present even when the signature failed — do not
    /// trust it unless <see cref="IsValid"/>.
    /// </summary>
    public JObject? Credential { get; }

    /// <summary>True when the credential came from a VC 1.1 style <c>vc</c> claim.</summary>
    public bool IsVcClaimForm { get; }

    /// <summary>The check named <paramref name="name"/> (see <see cref="VcJwtChecks"/>), or null when it was not run.</summary>
    public VerificationCheck? Find(string name) => Checks.FirstOrDefault(c => c.Name == name);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Verdict}: " + string.Join("; ", Checks.Where(c => c.Status is CheckStatus.Failed or CheckStatus.CouldNotCheck).Select(c => $"{c.Name} {c.Status}: {c.Message}"));
}
