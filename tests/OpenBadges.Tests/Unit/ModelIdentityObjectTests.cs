using OpenBadges.Model;

namespace OpenBadges.Tests.Unit;

public sealed class ModelIdentityObjectTests
{
    [Fact]
    public void Hash_matches_the_open_badges_specification_example()
    {
        // OB 3.0's IdentityHash example, re-computed independently in the shell:
        //   printf '%s' 'a@example.comKosher' | sha256sum
        //   b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399
        var identity = IdentityObject.CreateHashed("a@example.com", salt: "Kosher");

        Assert.Equal("sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399", identity.IdentityHash);
        Assert.True(identity.Hashed);
        Assert.Equal("Kosher", identity.Salt);
        Assert.Equal("emailAddress", identity.IdentityType);
        Assert.Equal("IdentityObject", identity.Type);
    }

    [Fact]
    public void Hash_of_a_second_vector()
    {
        // printf '%s' 'student@example.educ0ffee' | sha256sum
        //   185d11f638ce0ec4d16da81e5d74b383574a7daa460475019331ec22a06f9224
        Assert.Equal(
            "sha256$185d11f638ce0ec4d16da81e5d74b383574a7daa460475019331ec22a06f9224",
            IdentityObject.ComputeSha256Hash("student@example.edu", "c0ffee"));
    }

    [Fact]
    public void Default_salt_is_random_and_hex()
    {
        var first = IdentityObject.CreateHashed("a@example.com");
        var second = IdentityObject.CreateHashed("a@example.com");

        Assert.Matches("^[0-9a-f]{32}$", first.Salt!);
        Assert.NotEqual(first.Salt, second.Salt);
        Assert.NotEqual(first.IdentityHash, second.IdentityHash);
    }

    [Fact]
    public void Matches_only_the_hashed_identifier()
    {
        var identity = IdentityObject.CreateHashed("a@example.com");

        Assert.True(identity.Matches("a@example.com"));
        Assert.False(identity.Matches("b@example.com"));
        Assert.False(identity.Matches("A@example.com"));
        Assert.False(identity.Matches(""));
    }

    [Fact]
    public void Matches_upper_case_hex_and_unsalted_hashes()
    {
        var identity = new IdentityObject
        {
            Type = "IdentityObject",
            Hashed = true,
            IdentityType = "emailAddress",
            IdentityHash = "SHA256$B5809D8A92F8858436D7E6B87C12EBC0AE1EAC4BAECC2C0B913AEE2C922EF399",
            Salt = "Kosher",
        };
        var unsalted = new IdentityObject { Hashed = true, IdentityHash = IdentityObject.ComputeSha256Hash("x@example.com", null) };

        Assert.True(identity.Matches("a@example.com"));
        Assert.True(unsalted.Matches("x@example.com"));
    }

    [Theory]
    [InlineData("sha512$00")]
    [InlineData("sha256$not-hex")]
    [InlineData("b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399")]
    public void Unknown_or_malformed_hashes_never_match(string hash)
    {
        var identity = new IdentityObject { Hashed = true, IdentityHash = hash, Salt = "Kosher" };

        Assert.False(identity.Matches("a@example.com"));
    }

    [Fact]
    public void Plain_identity_matches_exactly()
    {
        var identity = IdentityObject.CreatePlain("s1234567", "ext:StudentNumber");

        Assert.False(identity.Hashed);
        Assert.Equal("s1234567", identity.IdentityHash);
        Assert.True(identity.Matches("s1234567"));
        Assert.False(identity.Matches("s123456"));
    }

    [Fact]
    public void Hashed_identity_serializes_with_the_spec_names()
    {
        var json = IdentityObject.CreateHashed("a@example.com", salt: "Kosher").ToJObject();

        Assert.Equal(
            ["type", "hashed", "identityHash", "identityType", "salt"],
            json.Properties().Select(p => p.Name));
        Assert.True((bool)json["hashed"]!);
    }
}
