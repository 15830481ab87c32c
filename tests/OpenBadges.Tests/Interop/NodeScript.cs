using System.Diagnostics;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OpenBadges.Json;

namespace OpenBadges.Tests.Interop;

/// <summary>Runs one of the harness's node scripts (a wallet, a client) with a JSON object on stdin and reads the JSON object it prints.</summary>
internal static class NodeScript
{
    /// <param name="script">The .mjs file in the interop harness folder.</param>
    /// <param name="input">Written to the script's stdin.</param>
    /// <param name="what">Names the script in a failure message.</param>
    public static async Task<JObject> RunAsync(string script, JObject input, string what)
    {
        var start = new ProcessStartInfo("node", script)
        {
            WorkingDirectory = ReferenceStack.HarnessDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var node = Process.Start(start)!;
        await node.StandardInput.WriteAsync(input.ToString(Formatting.None));
        node.StandardInput.Close();
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await node.WaitForExitAsync(timeout.Token);
        Assert.True(node.ExitCode == 0, $"{what} failed (exit {node.ExitCode}):\n{await stderr}");
        return JsonInput.ParseObject(await stdout);
    }
}
