using System.CommandLine;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OpenBadges.Baking;
using OpenBadges.Json;
using OpenBadges.Keys;
using OpenBadges.Proofs;
using OpenBadges.Verification;

namespace OpenBadges.Cli.Commands;

/// <summary>
/// <c>openbadges verify [--json] [--now ISO] [--allow-fetch] FILE...</c>: checks every proof of each credential
/// (JSON, or baked into a PNG or SVG). Exit 0 when all are valid, 1 when any is invalid, 2 when any could not
/// be decided (or on a usage error).
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("FILE") { Description = "Credentials: JSON files, or PNG/SVG images with a baked credential.", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON (one entry per file) instead of a table." };
        var now = new Option<string?>("--now") { Description = "Verify as of this time (ISO 8601 with a zone) instead of the clock." };
        var allowFetch = new Option<bool>("--allow-fetch") { Description = "Allow fetching did:web and HTTPS controller documents over the network (off by default)." };
        var command = new Command("verify", "Verify credentials' proofs; exit 0 all valid, 1 any invalid, 2 any undecided.")
        {
            files, json, now, allowFetch,
        };
        command.SetAction(parse => context.Guard(() =>
        {
            var clock = ParseNow(parse.GetValue(now));
            using var http = parse.GetValue(allowFetch) ? new HttpClient { Timeout = TimeSpan.FromSeconds(15) } : null;
            var options = new ProofVerificationOptions
            {
                Clock = clock,
                KeyResolver = http is null ? KeyResolvers.Offline : KeyResolvers.Online(http),
            };
            var reports = new List<FileReport>();
            foreach (var path in parse.GetValue(files)!)
            {
                reports.Add(VerifyFile(path, options));
            }

            if (parse.GetValue(json))
            {
                context.Out.WriteLine(new JArray(reports.Select(r => r.ToJson())).ToString(Formatting.Indented));
            }
            else
            {
                foreach (var report in reports)
                {
                    report.WriteTable(context.Out);
                }
            }

            return reports.Any(r => r.Verdict == Verdict.Invalid) ? ExitCodes.Invalid
                : reports.Any(r => r.Verdict == Verdict.Indeterminate) ? ExitCodes.UsageOrInput
                : ExitCodes.Ok;
        }));
        return command;
    }

    private static FileReport VerifyFile(string path, ProofVerificationOptions options)
    {
        JObject document;
        try
        {
            var text = CredentialInput.ReadText(path).Text;
            document = JsonInput.Parse(text) as JObject ?? throw new JsonInputException("Expected a JSON object (a credential).");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonInputException or BakingException or System.Text.DecoderFallbackException)
        {
            return new FileReport(path, [VerificationCheck.Undecided("input", e.Message, null, "the input is a readable JSON credential, or an image with one baked in")]);
        }

        var result = DataIntegrityVerifier.VerifyAsync(document, options).GetAwaiter().GetResult();
        return new FileReport(path, result.AllChecks.ToList());
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

    private sealed record FileReport(string Path, IReadOnlyList<VerificationCheck> Checks)
    {
        public Verdict Verdict => VerdictRules.Combine(Checks);

        public JObject ToJson() => new()
        {
            ["file"] = Path,
            ["verdict"] = Verdict.ToString(),
            ["checks"] = new JArray(Checks.Select(c => new JObject
            {
                ["name"] = c.Name,
                ["status"] = c.Status.ToString(),
                ["message"] = c.Message,
                ["path"] = c.JsonPath,
                ["rule"] = c.Rule,
            })),
        };

        public void WriteTable(TextWriter output)
        {
            output.WriteLine($"{Path}: {Verdict.ToString().ToUpperInvariant()}");
            var width = Checks.Count == 0 ? 0 : Checks.Max(c => c.Name.Length);
            foreach (var check in Checks)
            {
                output.WriteLine($"  {Mark(check.Status)} {check.Name.PadRight(width)}  {check.Message}");
            }
        }

        private static string Mark(CheckStatus status) => status switch
        {
            CheckStatus.Passed => "ok  ",
            CheckStatus.Failed => "FAIL",
            CheckStatus.CouldNotCheck => "??  ",
            _ => "--  ",
        };
    }
}
