using System.Diagnostics;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OpenBadges.Json;

namespace OpenBadges.Tests.Interop;

/// <summary>Runs <c>sdjwt-harness.mjs</c> (the @sd-jwt/sd-jwt-vc library) once per request: JSON in on stdin, JSON out on stdout.</summary>
internal static class SdJwtReferenceLibrary
{
    public static async Task<JObject> RequestAsync(JObject request)
    {
        var start = new ProcessStartInfo("node", "sdjwt-harness.mjs")
        {
            WorkingDirectory = ReferenceStack.HarnessDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        await process.StandardInput.WriteAsync(request.ToString(Formatting.None));
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        var text = (await stdout).Trim();
        var response = text.Length == 0 ? null : JsonInput.ParseObject(text);
        if (response is null || (bool?)response["ok"] != true)
        {
            throw new InvalidOperationException($"sdjwt-harness {request["op"]} failed: {(string?)response?["error"] ?? text} {await stderr}");
        }

        return response;
    }
}
