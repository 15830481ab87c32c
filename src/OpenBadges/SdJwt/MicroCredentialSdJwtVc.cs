using Newtonsoft.Json.Linq;
using OpenBadges.Internal;
using OpenBadges.Keys;

namespace OpenBadges.SdJwt;

/// <summary>
/// The European wallet profile of the micro-credential: the OB 3.0 micro-credential (as <c>MicroCredentialBuilder</c> builds
/// it) exported as the SD-JWT VC <c>urn:eudi:micro_credential:1</c> of DC4EU, whose Type Metadata lists OB 3.0 paths
/// (<c>credentialSubject.achievement.name</c>, <c>issuer.name</c>, <c>validFrom</c>, …) — all <c>sd: never</c>. The claims keep the
/// OB 3.0 shape (so those paths hold), without the embedded <c>proof</c>; the learner's own data (every member of
/// <c>credentialSubject</c> but <c>achievement</c>, <c>result</c> and <c>type</c>, and each element of such a member that is an array) is
/// selectively disclosable.
/// </summary>
public static class MicroCredentialSdJwtVc
{
    /// <summary>The credential type DC4EU registers for the OB 3.0 shaped micro-credential.</summary>
    public const string Vct = "urn:eudi:micro_credential:1";

    /// <summary>
    /// The claim rules of DC4EU's Type Metadata <c>vctm_microcredential.json</c> (dc4eu/vc, commit 2d44a57, 2026-01-22), as
    /// published — including its <c>resultDescription[0]</c> path form and the member name <c>addressCountryCodename</c>.
    /// </summary>
    public static SdJwtVcTypeMetadata TypeMetadata { get; } = new(Vct, new[]
    {
        """["credentialSubject","achievement","name"]""",
        """["credentialSubject","achievement","description"]""",
        """["credentialSubject","achievement","criteria","narrative"]""",
        """["credentialSubject","achievement","ECTS"]""",
        """["credentialSubject","achievement","educationProgramIdentifier"]""",
        """["credentialSubject","achievement","participationType"]""",
        """["credentialSubject","achievement","supervisionType"]""",
        """["credentialSubject","achievement","resultDescription[0]","name"]""",
        """["credentialSubject","result[0]","value"]""",
        """["credentialSubject","achievement","resultDescription[0]","requiredValue"]""",
        """["credentialSubject","achievement","resultDescription[0]","valueMax"]""",
        """["credentialSubject","achievement","resultDescription[0]","valueMin"]""",
        """["issuer","name"]""",
        """["issuer","address","addressCountryCodename"]""",
        """["validFrom"]""",
        """["validUntil"]""",
    }.Select(p => (ClaimPath.FromJson(JArray.Parse(p)), SdRule.Never)));

    private static readonly string[] SubjectMembersInClear = ["achievement", "result", "type"];

    /// <summary>
    /// The SD-JWT VC claims of <paramref name="credential"/> before <c>vct</c>/<c>iss</c>/time are added: a copy without
    /// <c>proof</c>; <c>issuer.address.addressCountryCodename</c> repeats <c>addressCountryCode</c>, the name DC4EU's metadata uses,
    /// and <c>credentialSubject.achievement.educationProgramIdentifier</c> the achievement's first programme identifier
    /// (<c>otherIdentifier[].identifier</c>, where <c>MicroCredentialBuilder.AddProgrammeIdentifier</c> puts it; the ELM export
    /// reads the same one).
    /// </summary>
    public static JObject CreateClaims(JObject credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var claims = (JObject)credential.DeepClone();
        claims.Remove("proof");
        if (claims["issuer"] is JObject { } issuer && issuer["address"] is JObject address && address["addressCountryCode"] is JValue code && !address.ContainsKey("addressCountryCodename"))
        {
            address["addressCountryCodename"] = code.DeepClone();
        }

        if (claims["credentialSubject"]?["achievement"] is JObject achievement && !achievement.ContainsKey("educationProgramIdentifier")
            && ProgrammeIdentifier(achievement["otherIdentifier"]) is { } programme)
        {
            achievement["educationProgramIdentifier"] = programme;
        }

        return claims;
    }

    private static string? ProgrammeIdentifier(JToken? otherIdentifier) =>
        (otherIdentifier as JArray ?? (otherIdentifier is JObject single ? new JArray(single) : null))?
            .OfType<JObject>()
            .Select(entry => entry["identifier"] is JValue { Type: JTokenType.String } id ? (string?)id : null)
            .FirstOrDefault(id => !string.IsNullOrWhiteSpace(id));

    /// <summary>
    /// The selectively disclosable paths of <paramref name="claims"/>: the learner's data, every <c>always</c> claim of
    /// <paramref name="metadata"/>, and <paramref name="extra"/> — never a <c>never</c> claim nor an object or array holding one.
    /// </summary>
    public static IReadOnlyList<ClaimPath> DisclosablePaths(JObject claims, SdJwtVcTypeMetadata? metadata = null, IEnumerable<ClaimPath>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(claims);
        metadata ??= TypeMetadata;
        var candidates = new List<ClaimPath>();
        if (claims["credentialSubject"] is JObject subject)
        {
            foreach (var member in subject.Properties().Where(p => !SubjectMembersInClear.Contains(p.Name)))
            {
                var path = ClaimPath.Root("credentialSubject").Member(member.Name);
                candidates.Add(path);

                // Each identifier on its own too: the holder can show the e-mail and withhold the name.
                if (member.Value is JArray elements)
                {
                    candidates.AddRange(Enumerable.Range(0, elements.Count).Select(path.Index));
                }
            }
        }

        candidates.AddRange(metadata.Claims.Where(c => c.Sd == SdRule.Always).Select(c => c.Path));
        candidates.AddRange(extra ?? []);
        var never = metadata.Claims.Where(c => c.Sd == SdRule.Never).Select(c => c.Path).ToList();
        return candidates.Distinct()
            .Where(p => p.Find(claims) is not null)
            .Where(p => !never.Any(n => n.IsWithin(p)))
            .ToList();
    }

    /// <summary>Issues <paramref name="credential"/> as the SD-JWT VC <c>urn:eudi:micro_credential:1</c>: <c>iss</c> = issuer id, <c>nbf</c> = validFrom, <c>exp</c> = validUntil.</summary>
    /// <exception cref="ArgumentException">No issuer id or validFrom, or an extra path that may not be disclosable.</exception>
    public static Task<SdJwtToken> IssueAsync(
        JObject credential,
        ISigner signer,
        JObject? holderPublicJwk = null,
        (string Uri, int Index)? status = null,
        IEnumerable<ClaimPath>? extraDisclosable = null,
        DateTimeOffset? issuedAt = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(signer);
        var claims = CreateClaims(credential);
        var issuerId = claims["issuer"] switch
        {
            JValue { Type: JTokenType.String } id => (string?)id,
            JObject profile => (profile["id"] as JValue)?.Value as string,
            _ => null,
        } ?? throw SdJwtErrors.CredentialHasNoIssuerId(nameof(credential));
        if (!Proofs.Jose.VcJwtClaims.TryReadDate(claims["validFrom"], out var validFrom))
        {
            throw SdJwtErrors.CredentialHasNoValidFrom(nameof(credential));
        }

        DateTimeOffset? validUntil = Proofs.Jose.VcJwtClaims.TryReadDate(claims["validUntil"], out var until) ? until : null;
        var extra = extraDisclosable?.ToList() ?? [];
        var disclosable = DisclosablePaths(claims, null, extra);
        var refused = extra.Where(e => !disclosable.Contains(e)).ToList();
        if (refused.Count > 0)
        {
            throw SdJwtErrors.PathsMustStayInClear(nameof(extraDisclosable), Vct, refused);
        }

        return new SdJwtVcIssuer(signer).IssueAsync(claims, disclosable, new SdJwtVcIssueOptions
        {
            Vct = Vct,
            Issuer = issuerId,
            IssuedAt = issuedAt,
            NotBefore = validFrom,
            Expires = validUntil,
            HolderPublicJwk = holderPublicJwk,
            Status = status,
        }, cancellationToken);
    }
}
