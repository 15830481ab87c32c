namespace OpenBadges.Tests.Support;

/// <summary>Says, once and visibly, whether the conformance data the suites read is there.</summary>
public sealed class SharedDataPresenceTests
{
    [SharedDataPresenceFact]
    public void The_shared_conformance_data_is_present()
    {
        Assert.True(Directory.Exists(SharedData.Conformance(string.Empty)), "../shared/conformance is missing");
    }
}
