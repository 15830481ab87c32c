using System.CommandLine;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OpenBadges.Keys;
using OpenBadges.Verification;
using OpenBadges.Checks;

namespace OpenBadges.Cli.Commands;

/// <summary>
/// <c>openbadges verify [--json] [--now ISO] [--recipient VALUE] [--allow-fetch] FILE...</c>: runs the full OB 3.0
/// verification (<see cref="CredentialVerifier"/>) on each credential — JSON, VC-JWT, or a PNG/SVG badge. Exit 0 when
/// all are valid, 1 when any is invalid, 2 when any could not be decided (or on a usage error).
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("FILE") { Description = "Credentials: JSON or VC-JWT files, or PNG/SVG images with a baked credential.", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print the reports as JSON (one entry per file) instead of tables." };
        var now = new Option<string?>("--now") { Description = "Verify as of this time (ISO 8601 with a zone) instead of the clock." };
        var recipient = new Option<string?>("--recipient") { Description = "Require the credential to be about this recipient (id, e-mail or other identifier; hashed identities are matched)." };
        var allowFetch = new Option<bool>("--allow-fetch") { Description = "Use the network: did:web and HTTPS keys, status lists, refresh services, schemas (HTTPS only, public addresses only, 15 s per fetch). Contexts are never fetched." };
        var allowNetwork = new Option<string[]>("--fetch-allow-network") { Description = "With --allow-fetch: also reach this non-public network (CIDR, e.g. 10.20.0.0/16), for issuers on an intranet. Repeatable.", Arity = ArgumentArity.ZeroOrMore, AllowMultipleArgumentsPerToken = false };
        var command = new Command("verify", "Verify Open Badges 3.0 credentials; exit 0 all valid, 1 any invalid, 2 any undecided.")
        {
            files, json, now, recipient, allowFetch, allowNetwork,
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
            var verifier = new CredentialVerifier(new CredentialVerifierOptions
            {
                TimeProvider = clock,
                ExpectedRecipient = parse.GetValue(recipient),
                KeyResolver = http is null ? KeyResolvers.Offline : KeyResolvers.Online(http),
                Fetcher = http is null ? null : DocumentFetchers.Http(http),
            });

            var results = new List<(string Path, VerificationReport Report)>();
            foreach (var path in parse.GetValue(files)!)
            {
                var bytes = ReadFile(path);
                results.Add((path, verifier.VerifyAsync(bytes).GetAwaiter().GetResult()));
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
                foreach (var (path, report) in results)
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

    private static TimeProvider ParseNow(string? text)
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
