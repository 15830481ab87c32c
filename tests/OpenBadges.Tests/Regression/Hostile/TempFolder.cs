using OpenBadges.Tests.Cli;

namespace OpenBadges.Tests.Regression.Hostile;

/// <summary>A folder of its own per test, deleted afterwards; a did:key issuer key on request.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ob-hostile-" + Guid.NewGuid().ToString("N"));

    public string Key() => CliTestFiles.Key(Path);

    public string Write(string name, string text)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllText(path, text);
        return path;
    }

    public string Write(string name, byte[] bytes)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
