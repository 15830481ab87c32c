using OpenBadges.Checks;
using OpenBadges.SdJwt;

namespace OpenBadges.Tests.SdJwt;

internal static class SdJwtAssert
{
    public static void Valid(SdJwtVerificationResult result) => Assert.True(result.IsValid, result.ToString());

    /// <summary>The named check failed, and the verdict is Invalid.</summary>
    public static void FailsWith(SdJwtVerificationResult result, string check)
    {
        Assert.Equal(Verdict.Invalid, result.Verdict);
        var found = result.Find(check);
        Assert.True(found is { Status: CheckStatus.Failed }, $"expected {check} to fail; report: {result}; {check} = {found?.Status}: {found?.Message}");
    }

    public static void Undecided(SdJwtVerificationResult result, string check)
    {
        Assert.Equal(Verdict.Indeterminate, result.Verdict);
        Assert.Equal(CheckStatus.CouldNotCheck, result.Find(check)?.Status);
    }
}
