using OpenBadges.Checks;
using OpenBadges.SdJwt;

namespace OpenBadges.Tests.SdJwt;

/// <summary>Every single-character change of a key-bound presentation is refused: no part of it is unprotected.</summary>
public sealed class SdJwtTamperTests
{
    [Fact]
    public async Task Every_character_changed_in_a_key_bound_presentation_is_refused()
    {
        using var issuer = SdJwtTestKey.EdDsa();
        using var holder = SdJwtTestKey.EdDsa();
        var issued = await new SdJwtIssuer(issuer.Signer).IssueAsync(SdJwtRoundTripTests.Claims(issuer.Did), SdJwtRoundTripTests.Disclosable,
            new SdJwtIssueOptions { HolderPublicJwk = holder.PublicJwk });
        var presented = (await SdJwtPresenter.AddKeyBindingAsync(
            SdJwtPresenter.Select(issued, [ClaimPath.Parse("address.locality"), ClaimPath.Parse("nationalities[0]")]),
            holder.Signer, "https://verifier.example", "nonce-1", SdJwtRoundTripTests.Now)).ToString();
        var options = SdJwtRoundTripTests.Options() with { ExpectedAudience = "https://verifier.example", ExpectedNonce = "nonce-1" };
        SdJwtAssert.Valid(await SdJwtVerifier.VerifyAsync(presented, options));

        var accepted = new List<string>();
        for (var i = 0; i < presented.Length; i++)
        {
            var c = presented[i];
            var replacement = c switch { 'A' => 'B', '~' => 'A', '.' => 'A', _ => 'A' };
            var mutated = presented[..i] + replacement + presented[(i + 1)..];
            var result = await SdJwtVerifier.VerifyAsync(mutated, options);
            if (result.Verdict == Verdict.Valid)
            {
                accepted.Add($"position {i} ('{c}' → '{replacement}')");
            }
        }

        Assert.True(accepted.Count == 0, $"{accepted.Count} of {presented.Length} mutations accepted: {string.Join(", ", accepted.Take(10))}");
    }
}
