using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using OpenBadges.Tests.Support;

namespace OpenBadges.Tests.Oid4Vci;

/// <summary>
/// samples/WalletIssuer run as its README says (<c>dotnet WalletIssuer.dll --urls http://127.0.0.1:PORT --demo</c>),
/// with the offers it prints. The sample is built next to the tests, in the same configuration.
/// </summary>
internal sealed class WalletIssuerProcess : IAsyncDisposable
{
    public const string DemoClientId = "demo-wallet";
    public const string DemoRedirectUri = "https://wallet.example/callback";

    private readonly Process _process;

    private WalletIssuerProcess(Process process, Uri address, string offer, string authorizationCodeOffer)
    {
        _process = process;
        Address = address;
        Offer = offer;
        AuthorizationCodeOffer = authorizationCodeOffer;
        Http = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    public string IssuerId => Address.GetLeftPart(UriPartial.Authority);

    /// <summary>The <c>offer:</c> line: pre-authorized code, by value.</summary>
    public string Offer { get; }

    /// <summary>The <c>authorization code offer:</c> line: issuer_state, by value.</summary>
    public string AuthorizationCodeOffer { get; }

    public HttpClient Http { get; }

    public static async Task<WalletIssuerProcess> StartAsync(params string[] extraArguments)
    {
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
        foreach (var argument in new[] { dll, "--urls", $"http://127.0.0.1:{port}", "--demo" }.Concat(extraArguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        string? offer = null;
        string? authorizationCodeOffer = null;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            while ((offer is null || authorizationCodeOffer is null) && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("offer: ", StringComparison.Ordinal))
                {
                    offer = line["offer: ".Length..];
                }
                else if (line.StartsWith("authorization code offer: ", StringComparison.Ordinal))
                {
                    authorizationCodeOffer = line["authorization code offer: ".Length..];
                }
            }

            Assert.NotNull(offer);
            Assert.NotNull(authorizationCodeOffer);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }

        // Keep draining stdout so the sample never blocks on a full pipe.
        _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        return new WalletIssuerProcess(process, new Uri($"http://127.0.0.1:{port}"), offer, authorizationCodeOffer);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        try
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
            // already gone
        }

        _process.Dispose();
    }
}
