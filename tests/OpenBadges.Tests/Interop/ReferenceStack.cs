using System.Diagnostics;
using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OpenBadges.Json;
using OpenBadges.Tests.Support;

namespace OpenBadges.Tests.Interop;

/// <summary>
/// The JavaScript reference stack (jsonld, @digitalbazaar/vc, data-integrity, the EdDSA cryptosuites,
/// ed25519-signature-2020), driven through <c>harness.mjs</c>: one <c>node</c> process for the whole
/// test run, JSON lines over stdin/stdout, one request at a time.
/// Use <see cref="Shared"/> from any test (thread-safe); mark such tests <see cref="InteropFactAttribute"/>
/// or <see cref="InteropTheoryAttribute"/> so they skip when <c>npm ci</c> has not been run (outside CI).
/// </summary>
public sealed class ReferenceStack : IDisposable
{
    private static readonly Lazy<ReferenceStack> SharedInstance = new(CreateShared, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string?> Unavailable = new(FindUnavailableReason);
    private static readonly JsonLimits ResponseLimits = new() { MaxDepth = 256, MaxInputLength = 64 * 1024 * 1024 };
    private static int _warned;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly StringBuilder _stderr = new();
    private readonly TimeSpan _timeout;
    private Process? _node;
    private long _nextId;
    private bool _disposed;

    /// <summary>Starts nothing yet: node is started by the first request.</summary>
    public ReferenceStack(TimeSpan? timeout = null)
    {
        _timeout = timeout ?? TimeSpan.FromSeconds(60);
    }

    /// <summary>The folder holding harness.mjs, package.json and (after <c>npm ci</c>) node_modules.</summary>
    public static string HarnessDirectory { get; } = Path.Combine(SharedData.RepositoryRoot, "tests", "OpenBadges.Tests", "Interop");

    /// <summary>
    /// The process-wide instance (node started on first use, killed when the test process exits).
    /// Throws, naming <c>npm ci</c>, when the reference stack is not installed.
    /// </summary>
    public static ReferenceStack Shared => SharedInstance.Value;

    /// <summary>Null when node and the installed packages are present; otherwise what is missing.</summary>
    public static string? UnavailableReason => Unavailable.Value;

    /// <summary>
    /// Null when interop tests can run (or CI requires them to); otherwise the skip reason, written once
    /// to stderr. Also covers ../shared being absent.
    /// </summary>
    public static string? SkipReason
    {
        get
        {
            var shared = SharedData.SkipReason;
            if (shared is not null)
            {
                return shared;
            }

            if (UnavailableReason is null || SharedData.IsCi)
            {
                return null;
            }

            var message = $"{UnavailableReason} Interop tests with the JavaScript reference stack are SKIPPED (under CI=true they fail).";
            if (Interlocked.Exchange(ref _warned, 1) == 0)
            {
                Console.Error.WriteLine("!!!!! " + message);
            }

            return message;
        }
    }

    /// <summary>
    /// Signs <paramref name="credential"/> (unsigned; not modified) with <c>vc.issue</c> and the given suite:
    /// <c>eddsa-rdfc-2022</c>, <c>Ed25519Signature2020</c> or <c>eddsa-jcs-2022</c>. The key is an Ed25519 seed
    /// (hex); <paramref name="created"/> is written into the proof exactly as given.
    /// Note: the JS stack appends the suite's context when the credential lacks it (see README.md).
    /// </summary>
    public async Task<JObject> SignAsync(
        JObject credential, string suite, string seedHex, string controller, string verificationMethodId, string created)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var request = new JObject
        {
            ["op"] = "sign",
            ["suite"] = suite,
            ["credential"] = credential.DeepClone(),
            ["key"] = new JObject { ["seedHex"] = seedHex, ["controller"] = controller, ["id"] = verificationMethodId },
            ["created"] = created,
        };
        var response = await RequestAsync(request, Describe(credential)).ConfigureAwait(false);
        return response["signed"] as JObject
            ?? throw new ReferenceStackException($"sign {Describe(credential)}: the harness answered without \"signed\".");
    }

    /// <summary>Signs a presentation (purpose authentication) with <c>vc.signPresentation</c>, with the given challenge and domain.</summary>
    public async Task<JObject> PresentAsync(
        JObject presentation, string suite, string seedHex, string controller, string verificationMethodId, string created, string challenge, string? domain = null)
    {
        ArgumentNullException.ThrowIfNull(presentation);
        var request = new JObject
        {
            ["op"] = "present",
            ["suite"] = suite,
            ["presentation"] = presentation.DeepClone(),
            ["key"] = new JObject { ["seedHex"] = seedHex, ["controller"] = controller, ["id"] = verificationMethodId },
            ["created"] = created,
            ["challenge"] = challenge,
        };
        if (domain is not null)
        {
            request["domain"] = domain;
        }

        var response = await RequestAsync(request, "presentation").ConfigureAwait(false);
        return response["signed"] as JObject
            ?? throw new ReferenceStackException("present: the harness answered without \"signed\".");
    }

    /// <summary>Signs with the RFC 8032 test-1 key (<see cref="InteropCorpus.IssuerDid"/>) at <see cref="InteropCorpus.Created"/>.</summary>
    public Task<JObject> SignWithTestKeyAsync(JObject credential, string suite) =>
        SignAsync(credential, suite, InteropCorpus.SeedHex, InteropCorpus.IssuerDid, InteropCorpus.VerificationMethodId, InteropCorpus.Created);

    /// <summary>
    /// Verifies with <c>vc.verifyCredential</c> (all three suites, purpose assertionMethod, issuer = key controller).
    /// <c>Verified</c> is the JS verdict; <c>Errors</c> is every JS error message joined by newlines (empty when none).
    /// </summary>
    public async Task<(bool Verified, string Errors)> VerifyAsync(JObject credential)
    {
        var result = await VerifyDetailedAsync(credential).ConfigureAwait(false);
        return (result.Verified, string.Join("\n", result.Errors));
    }

    /// <summary>
    /// Verifies and returns everything the harness reports. <paramref name="now"/> (ISO date-time) fixes the
    /// clock used for validFrom/validUntil/issuanceDate/expirationDate; <paramref name="checkIssuer"/> false
    /// drops only the "issuer must be the key's controller" rule (for W3C vectors whose issuer is not the key).
    /// </summary>
    public async Task<ReferenceVerification> VerifyDetailedAsync(JObject credential, string? now = null, bool checkIssuer = true)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var request = new JObject { ["op"] = "verify", ["credential"] = credential.DeepClone() };
        if (now is not null)
        {
            request["now"] = now;
        }

        if (!checkIssuer)
        {
            request["checkIssuer"] = false;
        }

        var response = await RequestAsync(request, Describe(credential)).ConfigureAwait(false);
        var proofs = ((response["proofs"] as JArray) ?? [])
            .Select(p => new ReferenceProofOutcome((string?)p["type"], (string?)p["cryptosuite"], (bool?)p["verified"] == true))
            .ToList();
        var errors = ((response["errors"] as JArray) ?? []).Select(e => (string?)e ?? string.Empty).ToList();
        return new ReferenceVerification(
            (bool?)response["verified"] == true,
            (bool?)response["allProofsVerified"] == true,
            errors,
            proofs);
    }

    /// <summary>RDFC-1.0 canonical N-Quads of <paramref name="document"/> via <c>jsonld.canonize</c>, safe mode on.</summary>
    public async Task<string> CanonizeAsync(JObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var request = new JObject { ["op"] = "canonize", ["document"] = document.DeepClone() };
        var response = await RequestAsync(request, Describe(document)).ConfigureAwait(false);
        return (string?)response["nquads"]
            ?? throw new ReferenceStackException($"canonize {Describe(document)}: the harness answered without \"nquads\".");
    }

    /// <summary>Node version, installed package versions, the contexts the loader serves and any content mismatch.</summary>
    public Task<JObject> InfoAsync() => RequestAsync(new JObject { ["op"] = "info" }, "info");

    /// <summary>
    /// Sends one raw request; returns the response when <c>ok</c> is true, otherwise throws
    /// <see cref="ReferenceStackException"/> with the JS error and <paramref name="what"/> (e.g. the credential name).
    /// </summary>
    public async Task<JObject> RequestAsync(JObject request, string what)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await SendAsync(request).ConfigureAwait(false);
        if ((bool?)response["ok"] != true)
        {
            throw new ReferenceStackException($"{request["op"]} {what}: the JS reference stack says: {response["error"]}");
        }

        return response;
    }

    /// <summary>Sends one raw request and returns the raw response (ok or not).</summary>
    public async Task<JObject> SendAsync(JObject request)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var node = EnsureStarted();
            var id = Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
            var message = (JObject)request.DeepClone();
            message["id"] = id;
            await node.StandardInput.WriteLineAsync(message.ToString(Formatting.None)).ConfigureAwait(false);
            await node.StandardInput.FlushAsync().ConfigureAwait(false);

            using var timeout = new CancellationTokenSource(_timeout);
            string? line;
            try
            {
                line = await node.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Kill();
                throw new ReferenceStackException(
                    $"{request["op"]}: no answer from the harness within {_timeout.TotalSeconds:0} s; node was stopped. stderr:\n{StderrTail()}");
            }

            if (line is null)
            {
                var exit = node.HasExited ? node.ExitCode.ToString(CultureInfo.InvariantCulture) : "?";
                Kill();
                throw new ReferenceStackException($"{request["op"]}: the harness ended (exit code {exit}). stderr:\n{StderrTail()}");
            }

            var response = JsonInput.ParseObject(line, ResponseLimits);
            if ((string?)response["id"] != id)
            {
                Kill();
                throw new ReferenceStackException($"{request["op"]}: answer for request {response["id"]} while waiting for {id}; node was stopped.");
            }

            response.Remove("id");
            return response;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops node.</summary>
    public void Dispose()
    {
        _gate.Wait();
        try
        {
            _disposed = true;
            Kill();
        }
        finally
        {
            _gate.Release();
        }

        _gate.Dispose();
    }

    private static ReferenceStack CreateShared()
    {
        if (UnavailableReason is not null)
        {
            throw new InvalidOperationException(UnavailableReason);
        }

        var stack = new ReferenceStack();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => stack.Dispose();
        return stack;
    }

    private Process EnsureStarted()
    {
        if (_node is { HasExited: false })
        {
            return _node;
        }

        Kill();
        var start = new ProcessStartInfo(NodeExecutable() ?? "node")
        {
            WorkingDirectory = HarnessDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        start.ArgumentList.Add(Path.Combine(HarnessDirectory, "harness.mjs"));
        if (SharedData.SharedRoot is { } shared)
        {
            start.Environment["OPENBADGES_SHARED"] = shared;
        }

        var node = new Process { StartInfo = start };
        node.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_stderr)
            {
                _stderr.AppendLine(e.Data);
                if (_stderr.Length > 16_000)
                {
                    _stderr.Remove(0, _stderr.Length - 8_000);
                }
            }
        };
        if (!node.Start())
        {
            throw new ReferenceStackException("could not start node for " + Path.Combine(HarnessDirectory, "harness.mjs"));
        }

        node.BeginErrorReadLine();
        _node = node;
        return node;
    }

    private void Kill()
    {
        var node = _node;
        _node = null;
        if (node is null)
        {
            return;
        }

        try
        {
            if (!node.HasExited)
            {
                node.StandardInput.Close();
                if (!node.WaitForExit(2000))
                {
                    node.Kill(entireProcessTree: true);
                    node.WaitForExit(2000);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        catch (IOException)
        {
            // stdin already closed by a dead process
            try
            {
                node.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // already gone
            }
        }
        finally
        {
            node.Dispose();
        }
    }

    private string StderrTail()
    {
        lock (_stderr)
        {
            return _stderr.Length == 0 ? "(empty)" : _stderr.ToString();
        }
    }

    private static string Describe(JObject credential) =>
        credential["id"] is JValue { Type: JTokenType.String } id ? $"credential {id}" : "document without id";

    private static string? FindUnavailableReason()
    {
        if (NodeExecutable() is null)
        {
            return "`node` (Node.js 20+) is not on PATH; install it, then run `npm ci` in tests/OpenBadges.Tests/Interop.";
        }

        var modules = Path.Combine(HarnessDirectory, "node_modules");
        var manifest = Path.Combine(HarnessDirectory, "package.json");
        if (!File.Exists(manifest))
        {
            return $"{manifest} is missing.";
        }

        var dependencies = JsonInput.ParseObject(File.ReadAllText(manifest))["dependencies"] as JObject ?? [];
        var missing = dependencies.Properties()
            .Select(p => p.Name)
            .Where(name => !File.Exists(Path.Combine(modules, Path.Combine(name.Split('/')), "package.json")))
            .ToList();
        return missing.Count == 0
            ? null
            : $"The JavaScript reference stack is not installed ({missing.Count} package(s) missing under {modules}, e.g. {missing[0]}): "
              + "run `npm ci` in tests/OpenBadges.Tests/Interop.";
    }

    private static string? NodeExecutable()
    {
        var names = OperatingSystem.IsWindows() ? new[] { "node.exe", "node.cmd" } : ["node"];
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}

/// <summary>What the JS stack said about a credential.</summary>
/// <param name="Verified">The JS verdict (jsonld-signatures: true when at least one proof verifies).</param>
/// <param name="AllProofsVerified">True when there is at least one proof and every proof verified.</param>
/// <param name="Errors">Every JS error message (name: message), deduplicated.</param>
/// <param name="Proofs">Per proof: type, cryptosuite and whether it verified.</param>
public sealed record ReferenceVerification(
    bool Verified, bool AllProofsVerified, IReadOnlyList<string> Errors, IReadOnlyList<ReferenceProofOutcome> Proofs)
{
    /// <summary>The errors on one line each, or "(none)".</summary>
    public string ErrorText => Errors.Count == 0 ? "(none)" : string.Join("\n", Errors);
}

/// <summary>One proof's outcome in the JS stack.</summary>
public sealed record ReferenceProofOutcome(string? Type, string? Cryptosuite, bool Verified);

/// <summary>The harness answered with an error, did not answer, or could not start.</summary>
public sealed class ReferenceStackException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ReferenceStackException(string message)
        : base(message)
    {
    }
}
