using System.Reflection;

namespace OpenBadges.Tests.Samples;

/// <summary>The samples users copy from are built and run by the tests.</summary>
public sealed class SampleProgramTests
{
    [Fact]
    public async Task IssueMicroCredential_issues_signs_verifies_and_bakes()
    {
        var entry = Assembly.Load("IssueMicroCredential").EntryPoint!;
        var result = entry.Invoke(null, [Array.Empty<string>()]);
        var exitCode = result is Task<int> task ? await task : (int)result!;
        Assert.Equal(0, exitCode);
    }
}
