using System.CommandLine;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OpenBadges.Cli.Batch;
using OpenBadges.Json;
using OpenBadges.Model;
using OpenBadges.Proofs;

namespace OpenBadges.Cli.Commands;

/// <summary>
/// <c>openbadges issue --key KEYFILE SPEC.json [--suite …] [--out FILE]</c>: build and sign one micro-credential;
/// <c>openbadges issue --format sd-jwt-vc|vc+sd-jwt --key KEYFILE SPEC.json [--holder-key FILE] [--status-uri URI --status-index N]</c>:
/// the same credential as an SD-JWT VC (<c>urn:eudi:micro_credential:1</c>) or SD-JWT-secured (<c>vc+sd-jwt</c>), ES256 or EdDSA;
/// <c>openbadges issue --key KEYFILE --batch LEARNERS.csv --template SPEC.json --out DIR [--force] [--parallelism N]</c>:
/// one credential per CSV row (docs/batch-issuing.md).
/// </summary>
internal static class IssueCommand
{
    public static Command Create(CliContext context)
    {
        var key = new Option<string>("--key") { Description = "The issuer's key file (the keygen format; for the SD-JWT formats also a P-256 key file or JWK). Its controller is the issuer id.", Required = true };
        var spec = new Argument<string?>("SPEC") { Description = "The micro-credential spec (docs/spec-format.md). Not with --batch.", Arity = ArgumentArity.ZeroOrOne };
        var suite = new Option<string>("--suite") { Description = "eddsa-rdfc-2022 (default), eddsa-jcs-2022 or Ed25519Signature2020 (a Data Integrity proof), or jwt (a VC-JWT signed EdDSA: the compact JWT is the output; batch files are <uuid>.jwt).", DefaultValueFactory = _ => "eddsa-rdfc-2022" };
        suite.AcceptOnlyFromAmong("eddsa-rdfc-2022", "eddsa-jcs-2022", "Ed25519Signature2020", JwtSuite);
        var format = new Option<string>("--format") { Description = "data-integrity (default: an embedded proof, see --suite), sd-jwt-vc (SD-JWT VC urn:eudi:micro_credential:1, for EUDI wallets) or vc+sd-jwt (the OB 3.0 credential secured with SD-JWT). The SD-JWT formats sign ES256 (P-256 key) or EdDSA (Ed25519 key).", DefaultValueFactory = _ => DataIntegrityFormat };
        format.AcceptOnlyFromAmong(DataIntegrityFormat, SdJwtCommand.SdJwtVcFormat, SdJwtCommand.VcSdJwtFormat);
        var sdJwt = new SdJwtCommand.IssueOptions();
        var output = new Option<string?>("--out") { Description = "One credential: write it here (atomically) instead of stdout. Batch: the folder for the credentials (required)." };
        var batch = new Option<string?>("--batch") { Description = "A CSV of learners, one credential per row (docs/batch-issuing.md)." };
        var template = new Option<string?>("--template") { Description = "With --batch: the spec every credential shares, without a learner." };
        var force = new Option<bool>("--force") { Description = "With --batch: issue again (and overwrite) credentials an earlier run already wrote." };
        var parallelism = new Option<int>("--parallelism") { Description = "With --batch: how many credentials to sign at once. Default: the number of cores.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("issue", "Build and sign micro-credentials: one from a spec, or one per row of a learners CSV with --batch.")
        {
            key, spec, suite, format, output, batch, template, force, parallelism,
        };
        foreach (var option in sdJwt.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) => Task.FromResult(context.Guard(() =>
        {
            // null: a VC-JWT (an external proof, not a cryptosuite).
            var suiteValue = parse.GetValue(suite) is JwtSuite ? null : Cryptosuites.FromName(parse.GetValue(suite)!)!;
            var batchPath = parse.GetValue(batch);
            var formatValue = parse.GetValue(format)!;
            if (formatValue != DataIntegrityFormat)
            {
                if (batchPath is not null || parse.GetResult(suite) is { Implicit: false })
                {
                    throw new CliInputException($"--format {formatValue} issues one credential from a SPEC, signed as an SD-JWT: --suite and --batch are for data-integrity.");
                }

                var sdSpec = parse.GetValue(spec) ?? throw new CliInputException("give a SPEC file to issue.");
                return IssueSdJwt(context, parse, parse.GetValue(key)!, sdSpec, formatValue, sdJwt, parse.GetValue(output));
            }

            if (sdJwt.AnyGiven(parse))
            {
                throw new CliInputException("--holder-key, --status-uri and --status-index go with --format sd-jwt-vc or vc+sd-jwt.");
            }

            if (batchPath is null)
            {
                if (parse.GetValue(template) is not null || parse.GetValue(force) || parse.GetResult(parallelism) is { Implicit: false })
                {
                    throw new CliInputException("--template, --force and --parallelism go with --batch.");
                }

                var specPath = parse.GetValue(spec) ?? throw new CliInputException("give a SPEC file to issue one credential, or --batch LEARNERS.csv --template SPEC.json --out DIR.");
                return IssueOne(context, parse.GetValue(key)!, specPath, suiteValue, parse.GetValue(output));
            }

            if (parse.GetValue(spec) is { } stray)
            {
                throw new CliInputException($"with --batch the spec is given as --template, not as '{stray}'.");
            }

            var templatePath = parse.GetValue(template) ?? throw new CliInputException("--batch needs --template SPEC.json (the shared achievement).");
            var outputDirectory = parse.GetValue(output) ?? throw new CliInputException("--batch needs --out DIR (the folder for the credentials).");
            var degree = parse.GetValue(parallelism);
            if (degree < 1)
            {
                throw new CliInputException($"--parallelism must be at least 1; found {degree}.");
            }

            return IssueBatch(context, parse.GetValue(key)!, batchPath, templatePath, outputDirectory, suiteValue, parse.GetValue(force), degree, cancellationToken);
        })));
        return command;
    }

    private const string DataIntegrityFormat = "data-integrity";

    /// <summary>The <c>--suite</c> value that issues a VC-JWT.</summary>
    internal const string JwtSuite = "jwt";

    private static int IssueOne(CliContext context, string keyPath, string specPath, Cryptosuite? suite, string? outputPath)
    {
        using var keyFile = SignCommand.LoadKey(keyPath);
        if (BuildFromSpec(context, specPath, keyFile.Controller) is not { } signed)
        {
            return ExitCodes.UsageOrInput;
        }

        if (suite is null)
        {
            var jwt = new OpenBadges.Proofs.Jose.VcJwtIssuer(keyFile.CreateSigner()).IssueAsync(signed).GetAwaiter().GetResult();
            context.WriteOutput(jwt + Environment.NewLine, outputPath);
            return ExitCodes.Ok;
        }

        DataIntegritySigner.AttachProof(signed, DataIntegritySigner.CreateProofAsync(signed, keyFile.CreateSigner(), suite).GetAwaiter().GetResult(), suite);
        context.WriteOutput(signed.ToString(Formatting.Indented) + Environment.NewLine, outputPath);
        return ExitCodes.Ok;
    }

    private static int IssueSdJwt(CliContext context, ParseResult parse, string keyPath, string specPath, string format, SdJwtCommand.IssueOptions options, string? outputPath)
    {
        using var issuer = JoseKeyFiles.Load(keyPath);
        if (BuildFromSpec(context, specPath, issuer.Controller) is not { } credential)
        {
            return ExitCodes.UsageOrInput;
        }

        context.WriteOutput(options.Issue(parse, credential, format, issuer) + Environment.NewLine, outputPath);
        return ExitCodes.Ok;
    }

    /// <summary>The unsigned credential of the spec, its issuer id the key's controller; null when the spec has problems (reported).</summary>
    private static JObject? BuildFromSpec(CliContext context, string specPath, string controller)
    {
        var json = JsonInput.Parse(CliContext.ReadFile(specPath)) as JObject ?? throw new CliInputException($"'{specPath}' must be a JSON object (a micro-credential spec).");
        if (json["issuer"] is JObject issuer)
        {
            if (issuer["id"] is null)
            {
                issuer["id"] = controller;
            }
            else if ((string?)issuer["id"] != controller)
            {
                throw new CliInputException($"the spec's issuer.id '{(string?)issuer["id"]}' is not the controller of the signing key ('{controller}'); verifiers require them to be equal.");
            }
        }

        if (json["issuedOn"] is null)
        {
            json["issuedOn"] = BatchTemplate.FormatIssuedOn(DateTimeOffset.UtcNow);
        }

        return BuildCommand.BuildOrReport(context, specPath, json)?.ToJObject();
    }

    private static int IssueBatch(
        CliContext context, string keyPath, string csvPath, string templatePath, string outputDirectory, Cryptosuite? suite, bool force, int parallelism, CancellationToken cancellationToken)
    {
        // Ctrl+C / SIGTERM: stop scheduling rows, let the ones being signed finish, write errors.csv, exit 130.
        // A second signal ends the process at once (the files written so far are complete either way).
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var signals = 0;
        void OnSignal(System.Runtime.InteropServices.PosixSignalContext signal)
        {
            if (Interlocked.Increment(ref signals) == 1)
            {
                signal.Cancel = true;
                context.Error.WriteLine("Stopping: finishing the credentials being signed (press Ctrl+C again to quit at once)...");
                interrupt.Cancel();
            }
        }

        using var sigint = context.Interactive || context.RealConsole ? System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, OnSignal) : null;
        using var sigterm = context.Interactive || context.RealConsole ? System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, OnSignal) : null;
        cancellationToken = interrupt.Token;

        var csvText = CsvReader.ReadFile(csvPath);
        var templateText = CliContext.ReadFile(templatePath);
        using var keyFile = SignCommand.LoadKey(keyPath);
        var issuer = new BatchIssuer(keyFile.CreateSigner(), suite);
        BatchSummary Run(Action<int> started, Action<RowOutcome> rowDone) =>
            issuer.RunAsync(csvText, csvPath, templateText, templatePath, outputDirectory, keyFile.Controller, force, parallelism, started, rowDone, cancellationToken)
                .GetAwaiter().GetResult();

        BatchSummary summary;
        try
        {
            summary = CliProgress.Run(context.ProgressConsole?.Invoke(), "Issuing credentials", (started, done) => Run(started, _ => done()));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"cannot use the output folder '{outputDirectory}': {e.Message}");
        }

        WriteSummary(context, summary, outputDirectory);
        return summary.Cancelled ? ExitCodes.Interrupted : summary.Errors.Count > 0 ? ExitCodes.Invalid : ExitCodes.Ok;
    }

    private static void WriteSummary(CliContext context, BatchSummary summary, string outputDirectory)
    {
        var seconds = summary.Elapsed.TotalSeconds;
        var rate = seconds > 0 ? summary.Issued / seconds : 0;
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{summary.Rows} rows: {summary.Issued} issued, {summary.Skipped} skipped (already issued), {summary.Failed} failed, in {seconds:0.0} s ({rate:0.0} credentials/s)."));
        context.Out.WriteLine($"Credentials: {outputDirectory}");
        context.Out.WriteLine($"Manifest: {Path.Combine(outputDirectory, BatchIssuer.ManifestFileName)}");
        if (summary.Cancelled)
        {
            context.Out.WriteLine("Interrupted: the credentials written so far are complete; run the same command again to issue the rest.");
        }

        if (summary.Errors.Count > 0)
        {
            context.Out.WriteLine($"Errors: {Path.Combine(outputDirectory, BatchIssuer.ErrorsFileName)}");
            foreach (var error in summary.Errors.Take(10))
            {
                context.Error.WriteLine("  " + error);
            }

            if (summary.Errors.Count > 10)
            {
                context.Error.WriteLine($"  … and {summary.Errors.Count - 10} more in {BatchIssuer.ErrorsFileName}");
            }
        }
    }
}
