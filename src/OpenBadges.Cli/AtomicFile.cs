using System.Text;
using System.Text.RegularExpressions;

namespace OpenBadges.Cli;

/// <summary>
/// Writes a file so that it is either absent or complete: the bytes go to a temporary file in the same folder,
/// are flushed to disk, and the temporary file is renamed over the target. A run killed midway leaves at most a
/// temporary file (named <c>.NAME.&lt;32 hex&gt;.tmp</c>), never half a credential.
/// </summary>
internal static partial class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="text"/> as UTF-8 (no BOM).</summary>
    /// <returns>False when <paramref name="overwrite"/> is false and the target already exists (nothing is changed).</returns>
    public static bool WriteText(string path, string text, bool overwrite = true) => WriteBytes(path, Utf8.GetBytes(text), overwrite);

    /// <summary>Writes <paramref name="bytes"/>.</summary>
    /// <returns>False when <paramref name="overwrite"/> is false and the target already exists (nothing is changed).</returns>
    public static bool WriteBytes(string path, ReadOnlySpan<byte> bytes, bool overwrite = true)
    {
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            if (!overwrite && File.Exists(full))
            {
                return false;
            }

            File.Move(temp, full, overwrite);
            return true;
        }
        catch (IOException) when (!overwrite && File.Exists(full))
        {
            // Another writer got there first (a concurrent run of the same batch): the file is complete either way.
            return false;
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Deletes the temporary files an interrupted run left in <paramref name="directory"/>; returns how many.</summary>
    public static int RemoveLeftovers(string directory)
    {
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(directory, ".*.tmp"))
        {
            if (TempName().IsMatch(Path.GetFileName(file)))
            {
                File.Delete(file);
                removed++;
            }
        }

        return removed;
    }

    [GeneratedRegex(@"^\..+\.[0-9a-f]{32}\.tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex TempName();
}
