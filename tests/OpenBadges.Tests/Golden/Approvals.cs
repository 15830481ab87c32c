using System.Runtime.CompilerServices;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xunit.Sdk;

namespace OpenBadges.Tests.Golden;

/// <summary>
/// Golden-file ("approved output") assertions. The approved file sits next to the test source as
/// <c>Name.approved.json</c>; on a mismatch the actual output is written beside it as
/// <c>Name.received.json</c> and the test fails with a line diff. To approve a change, review the
/// received file and rename it over the approved one.
/// </summary>
public static class Approvals
{
    /// <summary>Asserts that <paramref name="actual"/>, formatted with two-space indentation, equals the approved file.</summary>
    public static void VerifyJson(JToken actual, string name, [CallerFilePath] string callerFile = "")
    {
        ArgumentNullException.ThrowIfNull(actual);
        VerifyText(Format(actual), name, ".json", callerFile);
    }

    /// <summary>Asserts that <paramref name="actual"/> equals the approved text file.</summary>
    public static void VerifyText(string actual, string name, string extension = ".txt", [CallerFilePath] string callerFile = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(SourcePath(callerFile))!, "Approved");
        var approvedPath = Path.Combine(directory, name + ".approved" + extension);
        var receivedPath = Path.Combine(directory, name + ".received" + extension);
        actual = Normalize(actual);

        var approved = File.Exists(approvedPath) ? Normalize(File.ReadAllText(approvedPath)) : null;
        if (approved == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(receivedPath, actual);
        var why = approved is null
            ? $"No approved file at {approvedPath}. The output was written to {receivedPath}; review it and rename it to approve."
            : $"Output differs from {approvedPath} (received: {receivedPath}).\n{LineDiff(approved, actual)}";
        throw new XunitException(why);
    }

    /// <summary>
    /// The caller's source file on this machine. Deterministic CI builds map source paths to <c>/_/</c>
    /// (so binaries do not depend on where they were built); that prefix stands for the repository root.
    /// </summary>
    internal static string SourcePath(string callerFile)
    {
        const string deterministicRoot = "/_/";
        return callerFile.StartsWith(deterministicRoot, StringComparison.Ordinal)
            ? Path.Combine(Support.SharedData.RepositoryRoot, callerFile[deterministicRoot.Length..])
            : callerFile;
    }

    /// <summary>The stable text form used for JSON golden files.</summary>
    public static string Format(JToken token)
    {
        var builder = new StringBuilder();
        using (var writer = new JsonTextWriter(new StringWriter(builder)) { Formatting = Formatting.Indented, Indentation = 2 })
        {
            token.WriteTo(writer);
        }

        return builder.Append('\n').ToString();
    }

    internal static string LineDiff(string expected, string actual, int maxLines = 40)
    {
        var left = expected.Split('\n');
        var right = actual.Split('\n');
        var output = new StringBuilder();
        var shown = 0;
        for (var i = 0; i < Math.Max(left.Length, right.Length) && shown < maxLines; i++)
        {
            var l = i < left.Length ? left[i] : null;
            var r = i < right.Length ? right[i] : null;
            if (l == r)
            {
                continue;
            }

            output.Append("line ").Append(i + 1).Append('\n');
            if (l is not null)
            {
                output.Append("- ").Append(l).Append('\n');
            }

            if (r is not null)
            {
                output.Append("+ ").Append(r).Append('\n');
            }

            shown++;
        }

        return output.ToString();
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
