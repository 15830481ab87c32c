namespace OpenBadges.SdJwt;

/// <summary>What an SD-JWT carries, read from its header <c>typ</c> and payload.</summary>
public enum SdJwtProfile
{
    /// <summary>A plain SD-JWT (RFC 9901) with no credential profile.</summary>
    Plain,

    /// <summary>An SD-JWT VC (<c>typ</c> <c>dc+sd-jwt</c>, a <c>vct</c> claim).</summary>
    SdJwtVc,

    /// <summary>A W3C credential secured with SD-JWT (VC-JOSE-COSE, <c>typ</c> <c>vc+sd-jwt</c>, an <c>@context</c>).</summary>
    VcSdJwt,
}
