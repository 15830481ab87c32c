namespace OpenBadges.SdJwt;

/// <summary>Whether a claim may be selectively disclosed (SD-JWT VC Type Metadata, <c>claims[].sd</c>).</summary>
public enum SdRule
{
    /// <summary>The issuer may choose (the default when a claim is not listed).</summary>
    Allowed,

    /// <summary>Always selectively disclosable.</summary>
    Always,

    /// <summary>Never selectively disclosable: always in the clear.</summary>
    Never,
}
