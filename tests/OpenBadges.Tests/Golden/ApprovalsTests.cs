using Newtonsoft.Json.Linq;
using Xunit.Sdk;

namespace OpenBadges.Tests.Golden;

public sealed class ApprovalsTests
{
    [Fact]
    public void Matching_output_passes_and_leaves_no_received_file()
    {
        Approvals.VerifyJson(JObject.Parse("""{"b": 1, "a": ["x"]}"""), "approvals-self-test");
        Assert.False(File.Exists(Path.Combine(ApprovedDirectory(), "approvals-self-test.received.json")));
    }

    [Fact]
    public void Mismatch_fails_with_a_diff_and_writes_the_received_file()
    {
        var error = Assert.Throws<XunitException>(() =>
            Approvals.VerifyJson(JObject.Parse("""{"b": 2, "a": ["x"]}"""), "approvals-self-test"));
        var received = Path.Combine(ApprovedDirectory(), "approvals-self-test.received.json");
        try
        {
            Assert.Contains("-   \"b\": 1,", error.Message);
            Assert.Contains("+   \"b\": 2,", error.Message);
            Assert.True(File.Exists(received));
        }
        finally
        {
            File.Delete(received);
        }
    }

    private static string ApprovedDirectory([System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        Path.Combine(Path.GetDirectoryName(Approvals.SourcePath(file))!, "Approved");
}
