using OpenBadges.Tests.Support;

namespace OpenBadges.Tests.Rendering;

public sealed class CertificatePageTests
{
    [Fact]
    public async Task Write_sample_pages_for_review()
    {
        foreach (var name in new[] { "dutch-he-example.json", "dutch-he-example-nl.json" })
        {
            File.WriteAllText(Path.Combine("/tmp/adopt-render", name + ".html"), await CertificateFixtures.PageAsync(name));
        }
    }
}
