using System.CommandLine;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OpenBadges.Keys;
using OpenBadges.Verification;
using OpenBadges.Checks;

namespace OpenBadges.Cli.Commands;

/// <summary>
/// <c>openbadges verify [--json] [--junit FILE] [--strict] [--now ISO] [--recipient VALUE] [--allow-fetch] [--challenge C] [--domain D] [--audience A] [--nonce N] [--resources DIR] FILE...</c>: runs the full OB 3.0
/// verification (<see cref="CredentialVerifier"/>) on each credential — JSON, VC-JWT, SD-JWT (VC), or a PNG/SVG badge. Exit 0 when
/// all are valid, 1 when any is invalid, 2 when any could not be decided (or on a usage error).
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("FILE") { Description = "Credentials: JSON, VC-JWT or SD-JWT (~-separated, with or without KB-JWT) files, or PNG/SVG images with a baked credential.", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print the reports as JSON (one entry per file) instead of tables." };
        var now = new Option<string?>("--now") { Description = "Verify as of this time (ISO 8601 with a zone) instead of the clock." };
        var recipient = new Option<string?>("--recipient") { Description = "Require the credential to be about this learner: VALUE (a DID or other id, an e-mail address — also tried lower-cased —, a student number, any identifier) must match credentialSubject.id or one of its identifiers, hashed ones (sha256$..., with their salt) included; a credential about someone else is INVALID." };
        var junit = new Option<string?>("--junit") { Description = "Also write a JUnit XML report to FILE (atomically): one test case per credential, a failure naming the failed check and its message, warnings as system-out, so CI shows verification like a test run." };
        var allowFetch = new Option<bool>("--allow-fetch") { Description = "Use the network: did:web and HTTPS keys, status lists, refresh services, schemas (HTTPS only, public addresses only, 15 s per fetch). Contexts are never fetched." };
        var allowNetwork = new Option<string[]>("--fetch-allow-network") { Description = "With --allow-fetch: also reach this non-public network (CIDR, e.g. 10.20.0.0/16), for issuers on an intranet. Repeatable.", Arity = ArgumentArity.ZeroOrMore, AllowMultipleArgumentsPerToken = false };
        var resources = new Option<string?>("--resources") { Description = "Answer every fetch (status lists, did:web and controller documents, extra contexts) from DIR/index.json (URL or did:web DID -> file); nothing else is fetched." };
        var challenge = new Option<string?>("--challenge") { Description = "Presentations: the challenge (nonce) the holder's proof must carry." };
        var domain = new Option<string?>("--domain") { Description = "Presentations: the domain the holder's proof must carry." };
        var audience = new Option<string?>("--audience") { Description = "SD-JWT: the audience the KB-JWT's aud must be. Without it aud is reported as not checked (the KB-JWT's signature and sd_hash are checked either way)." };
        var nonce = new Option<string?>("--nonce") { Description = "SD-JWT: the nonce the KB-JWT's nonce must be. Without it nonce is reported as not checked." };
        var strict = new Option<bool>("--strict") { Description = "Treat every warning (a data-model MUST the schema and the verification algorithm do not check) as a failure." };
        var command = new Command("verify", "Verify Open Badges 3.0 credentials; exit 0 all valid (warnings allowed unless --strict), 1 any invalid, 2 any undecided.")
        {
            files, json, junit, now, recipient, allowFetch, allowNetwork, strict, challenge, domain, audience, nonce, resources,
        };
        command.SetAction(parse => context.Guard(() =>
        {
            var clock = ParseNow(parse.GetValue(now));
            var networks = ParseNetworks(parse.GetValue(allowNetwork) ?? []);
            if (networks.Count > 0 && !parse.GetValue(allowFetch))
            {
                throw new CliInputException("--fetch-allow-network needs --allow-fetch.");
            }

            using var http = parse.GetValue(allowFetch) ? OutboundHttp.CreateClient(new OutboundHttpOptions { AllowedNetworks = networks }) : null;
            var options = new CredentialVerifierOptions
            {
                TimeProvider = clock,
                ExpectedRecipient = parse.GetValue(recipient),
                KeyResolver = http is null ? KeyResolvers.Offline : KeyResolvers.Online(http),
                Fetcher = http is null ? null : DocumentFetchers.Http(http),
                Strict = parse.GetValue(strict),
                KeyBindingAudience = parse.GetValue(audience),
                KeyBindingNonce = parse.GetValue(nonce),
            };
            if (parse.GetValue(resources) is { } directory)
            {
                if (http is not null)
                {
                    throw new CliInputException("--resources and --allow-fetch exclude each other: with --resources nothing but the index is fetched.");
                }

                try
                {
                    options = OfflineResources.Load(directory, options.JsonLimits).ApplyTo(options);
                }
                catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException)
                {
                    throw new CliInputException($"--resources '{directory}': {e.Message}");
                }
            }

            var verifier = new CredentialVerifier(options);
            var presentations = new PresentationVerifier(new PresentationVerifierOptions
            {
                Credentials = options,
                ExpectedChallenge = parse.GetValue(challenge),
                ExpectedDomain = parse.GetValue(domain),
            });

            var paths = parse.GetValue(files)!;
            var junitPath = parse.GetValue(junit);
            var startedAt = DateTimeOffset.UtcNow;
            // A bar for a long run only, and never under --json (its output is for a program).
            var progressConsole = paths.Length > 1 && !parse.GetValue(json) ? context.ProgressConsole?.Invoke() : null;
            var results = CliProgress.Run(progressConsole, "Verifying credentials", (started, done) =>
            {
                started(paths.Length);
                var verified = new List<(string Path, VerificationReport Report, TimeSpan Elapsed)>();
                foreach (var path in paths)
                {
                    var stopwatch = System.Diagnostics.Stopwatch.StartNew();
                    var bytes = ReadFile(path);
                    // Routed by type: a VerifiablePresentation (JSON or VP-JWT) to the presentation verifier; everything
                    // else (Open Badges, CLRs, other VCs, images) to the credential verifier, which tells them apart itself.
                    var text = bytes.Length <= options.JsonLimits.MaxInputLength ? TryUtf8(bytes) : null;
                    var report = text is not null && PresentationVerifier.IsPresentation(text, options.JsonLimits)
                        ? presentations.VerifyAsync(text).GetAwaiter().GetResult()
                        : verifier.VerifyAsync(bytes).GetAwaiter().GetResult();
                    verified.Add((path, report, stopwatch.Elapsed));
                    done();
                }

                return verified;
            });

            if (junitPath is not null)
            {
                CliContext.WriteOutputBytes(JUnitReport.Write(results, startedAt), junitPath);
            }

            if (parse.GetValue(json))
            {
                var array = new JArray(results.Select(r =>
                {
                    var entry = new JObject { ["file"] = r.Path };
                    entry.Merge(r.Report.ToJson());
                    return entry;
                }));
                context.Out.WriteLine(array.ToString(Formatting.Indented));
            }
            else
            {
                foreach (var (path, report, _) in results)
                {
                    VerificationReportTable.Write(context.Out, path, report);
                }
            }

            var verdicts = results.Select(r => r.Report.Verdict).ToList();
            return verdicts.Contains(Verdict.Invalid) ? ExitCodes.Invalid
                : verdicts.Contains(Verdict.Indeterminate) ? ExitCodes.UsageOrInput
                : ExitCodes.Ok;
        }));
        return command;
    }

    private static byte[] ReadFile(string path)
    {
        return InputFiles.ReadBytes(path);
    }

    private static List<System.Net.IPNetwork> ParseNetworks(string[] texts)
    {
        var networks = new List<System.Net.IPNetwork>();
        foreach (var text in texts)
        {
            if (!System.Net.IPNetwork.TryParse(text, out var network))
            {
                throw new CliInputException($"--fetch-allow-network '{text}' is not a network in CIDR notation (e.g. 10.20.0.0/16).");
            }

            networks.Add(network);
        }

        return networks;
    }

    private static string? TryUtf8(byte[] bytes)
    {
        try
        {
            return new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (System.Text.DecoderFallbackException)
        {
            return null;
        }
    }

    internal static TimeProvider ParseNow(string? text)
    {
        if (text is null)
        {
            return TimeProvider.System;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var now) || !(text.EndsWith('Z') || text.Contains('+', StringComparison.Ordinal) || text.LastIndexOf('-') > 10))
        {
            throw new CliInputException($"--now '{text}' is not an ISO 8601 date-time with a zone (e.g. 2025-01-31T12:00:00Z).");
        }

        return new FixedTimeProvider(now);
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
