using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Json;
using OpenBadges.Keys;
using OpenBadges.Tests.Support;
using OpenBadges.Verification;

namespace OpenBadges.Tests.Interop;

/// <summary>
/// samples/WalletIssuer run as its README says (<c>--urls http://127.0.0.1:PORT --demo</c>): the <c>offer:</c> line it
/// prints is scanned by the npm <c>@openid4vc/openid4vci</c> client, which collects a credential that verifies.
/// </summary>
public sealed class Oid4VciSampleInteropTests
{
    [InteropFact]
    public async Task The_demo_offer_printed_by_the_sample_is_collected_by_the_openid4vc_client_and_verifies()
    {
        // The sample is built next to the tests, in the same configuration (tests/OpenBadges.Tests/bin/<Configuration>/net10.0/).
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(SharedData.RepositoryRoot, "samples", "WalletIssuer", "bin", configuration, "net10.0", "WalletIssuer.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: build the solution first.");

        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { dll, "--urls", $"http://127.0.0.1:{port}", "--demo" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        using var sample = Process.Start(start)!;
        try
        {
            string? offer = null;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (offer is null && await sample.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("offer: ", StringComparison.Ordinal))
                {
                    offer = line["offer: ".Length..];
                }
            }

            Assert.NotNull(offer);
            Assert.StartsWith("openid-credential-offer://?credential_offer=", offer, StringComparison.Ordinal);

            var wallet = new ProcessStartInfo("node", "oid4vci-wallet.mjs")
            {
                WorkingDirectory = ReferenceStack.HarnessDirectory,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var node = Process.Start(wallet)!;
            await node.StandardInput.WriteAsync(new JObject
            {
                ["offer"] = offer,
                ["configurationId"] = "OpenBadgeCredential_ldp_vc",
                ["key"] = "Ed25519",
                ["bind"] = "did",
            }.ToString(Formatting.None));
            node.StandardInput.Close();
            var stdout = node.StandardOutput.ReadToEndAsync();
            var stderr = node.StandardError.ReadToEndAsync();
            await node.WaitForExitAsync(timeout.Token);
            Assert.True(node.ExitCode == 0, $"the wallet client failed (exit {node.ExitCode}):\n{await stderr}");

            var result = JsonInput.ParseObject(await stdout);
            Assert.True(Jwk.TryParsePublicKey((JObject)result["holderJwk"]!, out var holderKey, out var error), error);
            var credential = (JObject)result["credential"]!;
            Assert.Equal(holderKey.ToDidKey(), (string?)credential["credentialSubject"]!["id"]);
            Assert.Equal("Applied Machine Learning with Python", (string?)credential["name"] ?? (string?)credential["credentialSubject"]!["achievement"]!["name"]);
            var report = await new CredentialVerifier().VerifyAsync(credential);
            Assert.True(report.Verdict == Verdict.Valid, string.Join("\n", report.Checks.Where(c => c.Status != CheckStatus.Passed).Select(c => $"{c.Name}: {c.Message}")));
        }
        finally
        {
            sample.Kill(entireProcessTree: true);
            await sample.WaitForExitAsync();
        }
    }
}
