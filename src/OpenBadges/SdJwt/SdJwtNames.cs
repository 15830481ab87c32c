namespace OpenBadges.SdJwt;

/// <summary>The member names and values RFC 9901 reserves.</summary>
public static class SdJwtNames
{
    /// <summary>The array of digests of an object's selectively disclosable properties (RFC 9901 §4.2.4.1).</summary>
    public const string Digests = "_sd";

    /// <summary>The key of an array element replaced by its digest: <c>{"...": digest}</c> (RFC 9901 §4.2.4.2).</summary>
    public const string ArrayDigest = "...";

    /// <summary>The top-level claim naming the hash algorithm (RFC 9901 §4.1.1).</summary>
    public const string HashAlgorithm = "_sd_alg";

    /// <summary>The one hash algorithm used and accepted here (IANA Named Information Hash Algorithm name).</summary>
    public const string Sha256 = "sha-256";

    /// <summary>The confirmation claim carrying the holder's key (RFC 7800; RFC 9901 §4.1.2).</summary>
    public const string Confirmation = "cnf";

    /// <summary>The <c>typ</c> of a Key Binding JWT (RFC 9901 §4.3).</summary>
    public const string KeyBindingType = "kb+jwt";

    /// <summary>The KB-JWT claim binding it to the presentation (RFC 9901 §4.3).</summary>
    public const string SdHash = "sd_hash";

    /// <summary>The separator between the parts of an SD-JWT.</summary>
    public const char Separator = '~';
}
