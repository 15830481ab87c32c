using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OpenBadges.Tests.Support;

namespace OpenBadges.Tests.Rendering;

/// <summary>
/// Headless Chromium (Debian package <c>chromium</c>) driven over the DevTools protocol: page scripts switched off
/// (<c>Emulation.setScriptExecutionDisabled</c>), every request the page makes recorded (<c>Network.requestWillBeSent</c>),
/// host names resolving nowhere (so nothing could leave the machine even if asked), and a full-page screenshot.
/// </summary>
internal sealed partial class HeadlessChromium : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private static int _warned;

    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket;
    private readonly Dictionary<int, TaskCompletionSource<JsonObject>> _pending = [];
    private readonly List<string> _requests = [];
    private readonly Dictionary<string, string> _urlByRequestId = [];
    private readonly List<string> _blocked = [];
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextId;

    private HeadlessChromium(Process process, string profile, ClientWebSocket socket)
    {
        _process = process;
        _profile = profile;
        _socket = socket;
        _ = Task.Run(ReadLoopAsync);
    }

    /// <summary>The browser binary, or null: OPENBADGES_CHROMIUM, else chromium / chromium-browser / google-chrome on PATH.</summary>
    public static string? Binary { get; } = FindBinary();

    /// <summary>
    /// Null when Chromium is there (or under CI=true, where its absence must fail the tests); otherwise why the tests are
    /// skipped, printed once as one loud line.
    /// </summary>
    public static string? SkipReason
    {
        get
        {
            if (Binary is not null || SharedData.IsCi)
            {
                return null;
            }

            const string message = "Chromium is not installed (apt-get install chromium): the certificate page's browser tests are SKIPPED (under CI=true they fail).";
            if (Interlocked.Exchange(ref _warned, 1) == 0)
            {
                Console.Error.WriteLine("!!!!! " + message);
            }

            return message;
        }
    }

    /// <summary>Every URL the page asked for, in order.</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The URLs of requests the browser refused to send (Network.loadingFailed with a blockedReason, e.g. csp).</summary>
    public IReadOnlyList<string> Blocked
    {
        get
        {
            lock (_requests)
            {
                return [.. _blocked];
            }
        }
    }

    public static async Task<HeadlessChromium> StartAsync(int width, int height)
    {
        var binary = Binary ?? throw new InvalidOperationException("Chromium is not installed (apt-get install chromium); set OPENBADGES_CHROMIUM to its path otherwise.");
        var profile = Directory.CreateTempSubdirectory("openbadges-chromium-").FullName;
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--no-default-browser-check",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
            "--host-resolver-rules=MAP * ~NOTFOUND", "--remote-debugging-port=0", "--remote-allow-origins=*",
            "--force-device-scale-factor=1", "--font-render-hinting=none", $"--window-size={width},{height}",
            "--user-data-dir=" + profile, "about:blank",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start.");
        process.StandardOutput.ReadToEndAsync().ContinueWith(_ => { }, TaskScheduler.Default).GetAwaiter();
        using var timeout = new CancellationTokenSource(Timeout);
        string? endpoint = null;
        while (endpoint is null)
        {
            var line = await process.StandardError.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("Chromium exited before it listened for DevTools.");
            if (DevToolsLine().Match(line) is { Success: true } match)
            {
                endpoint = match.Groups[1].Value;
            }
        }

        process.StandardError.ReadToEndAsync().ContinueWith(_ => { }, TaskScheduler.Default).GetAwaiter();

        // The page target of the about:blank tab, from the browser's /json/list.
        var port = new Uri(endpoint).Port;
        using var http = new HttpClient();
        var targets = JsonNode.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/json/list"), timeout.Token))!.AsArray();
        var page = targets.First(t => (string?)t!["type"] == "page")!;
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri((string)page["webSocketDebuggerUrl"]!), timeout.Token);
        var browser = new HeadlessChromium(process, profile, socket);
        await browser.SendAsync("Page.enable");
        await browser.SendAsync("Network.enable");
        await browser.SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false });
        return browser;
    }

    /// <summary>Page scripts off (true) or on, for every page loaded after.</summary>
    public Task DisableScriptsAsync(bool disabled = true) =>
        SendAsync("Emulation.setScriptExecutionDisabled", new JsonObject { ["value"] = disabled });

    /// <summary>Loads <paramref name="url"/> and waits for its load event.</summary>
    public async Task NavigateAsync(string url)
    {
        _loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await SendAsync("Page.navigate", new JsonObject { ["url"] = url });
        await _loaded.Task.WaitAsync(Timeout);
    }

    /// <summary>The document as the browser holds it now (after any script would have run).</summary>
    public async Task<string> OuterHtmlAsync()
    {
        var document = await SendAsync("DOM.getDocument", new JsonObject { ["depth"] = 0 });
        var html = await SendAsync("DOM.getOuterHTML", new JsonObject { ["nodeId"] = (int)document["root"]!["nodeId"]! });
        return (string)html["outerHTML"]!;
    }

    /// <summary>A PNG of the whole page (the viewport grown to the content's height).</summary>
    public async Task<byte[]> ScreenshotAsync(int width)
    {
        var metrics = await SendAsync("Page.getLayoutMetrics");
        var height = (int)Math.Ceiling((double)metrics["cssContentSize"]!["height"]!);
        await SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false });
        var shot = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = false });
        return Convert.FromBase64String((string)shot["data"]!);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
        }
        catch (WebSocketException)
        {
        }

        _socket.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // A crash reporter may still hold a file; the temp folder is cleaned eventually.
        }
    }

    private async Task<JsonObject> SendAsync(string method, JsonObject? parameters = null)
    {
        var source = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        int id;
        lock (_pending)
        {
            id = ++_nextId;
            _pending[id] = source;
        }

        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, _stop.Token);
        return await source.Task.WaitAsync(Timeout);
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open && !_stop.IsCancellationRequested)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var node = JsonNode.Parse(message.ToArray())!.AsObject();
                message.SetLength(0);
                Dispatch(node);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }

        lock (_pending)
        {
            foreach (var pending in _pending.Values)
            {
                pending.TrySetException(new InvalidOperationException("The DevTools connection closed."));
            }
        }
    }

    private void Dispatch(JsonObject node)
    {
        if (node["id"] is { } idNode)
        {
            TaskCompletionSource<JsonObject>? source;
            lock (_pending)
            {
                _pending.Remove((int)idNode, out source);
            }

            if (node["error"] is { } error)
            {
                source?.TrySetException(new InvalidOperationException("DevTools: " + error.ToJsonString()));
            }
            else
            {
                source?.TrySetResult(node["result"]?.AsObject() ?? new JsonObject());
            }

            return;
        }

        switch ((string?)node["method"])
        {
            case "Network.requestWillBeSent":
                lock (_requests)
                {
                    var url = (string)node["params"]!["request"]!["url"]!;
                    _requests.Add(url);
                    _urlByRequestId[(string)node["params"]!["requestId"]!] = url;
                }

                break;
            case "Network.loadingFailed" when (node["params"]?["blockedReason"]) is not null:
                lock (_requests)
                {
                    if (_urlByRequestId.TryGetValue((string)node["params"]!["requestId"]!, out var url))
                    {
                        _blocked.Add(url);
                    }
                }

                break;
            case "Page.loadEventFired":
                _loaded.TrySetResult();
                break;
        }
    }

    private static string? FindBinary()
    {
        if (Environment.GetEnvironmentVariable("OPENBADGES_CHROMIUM") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }

        // Debian's /usr/bin/chromium is a shell wrapper; the browser itself is in /usr/lib/chromium.
        if (File.Exists("/usr/lib/chromium/chromium"))
        {
            return "/usr/lib/chromium/chromium";
        }

        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in new[] { "chromium", "chromium-browser", "google-chrome" })
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"DevTools listening on (ws://\S+)")]
    private static partial Regex DevToolsLine();
}

/// <summary>A fact that needs Chromium: skipped with one loud line when it is missing outside CI; under CI=true it runs and fails.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        Skip = HeadlessChromium.SkipReason;
    }
}

/// <summary>A theory that needs Chromium; see <see cref="ChromiumFactAttribute"/>.</summary>
public sealed class ChromiumTheoryAttribute : TheoryAttribute
{
    public ChromiumTheoryAttribute()
    {
        Skip = HeadlessChromium.SkipReason;
    }
}
