using System.Diagnostics;
using Newtonsoft.Json.Linq;
using OpenBadges.Cli.Batch;
using OpenBadges.Json;
using OpenBadges.Keys;
using OpenBadges.Proofs;
using Xunit.Abstractions;

namespace OpenBadges.Tests.Cli;

public sealed class BatchIssueTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ob-batch-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Out => Path.Combine(_dir, "out");

    private CliRun Issue(string csv, params string[] extra) =>
        CliRun.Of(["issue", "--key", CliTestFiles.Key(_dir), "--batch", csv, "--template", CliTestFiles.Template(_dir), "--out", Out, .. extra]);

    private List<JObject> Credentials() =>
        Directory.GetFiles(Out, "*.json").Select(path => (JObject)JsonInput.Parse(File.ReadAllText(path))).ToList();

    private static async Task AssertAllVerify(IReadOnlyList<JObject> credentials)
    {
        var invalid = 0;
        await Parallel.ForEachAsync(credentials, async (credential, token) =>
        {
            if (!(await DataIntegrityVerifier.VerifyAsync(credential, cancellationToken: token)).IsValid)
            {
                Interlocked.Increment(ref invalid);
            }
        });
        Assert.Equal(0, invalid);
    }

    [Fact]
    public async Task Thousand_rows_with_five_bad_issue_995_and_errors_csv_names_the_five_rows()
    {
        int[] bad = [0, 10, 499, 500, 999];
        var run = Issue(CliTestFiles.Learners(_dir, 1000, bad));
        output.WriteLine(run.Out);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("1000 rows: 995 issued, 0 skipped (already issued), 5 failed", run.Out, StringComparison.Ordinal);

        var credentials = Credentials();
        Assert.Equal(995, credentials.Count);
        Assert.Equal(995, credentials.Select(c => (string?)c["id"]).Distinct().Count());
        await AssertAllVerify(credentials);

        var errors = CsvReader.Parse(File.ReadAllText(Path.Combine(Out, "errors.csv")), "errors.csv");
        Assert.Equal(["row", "column", "element", "path", "message"], errors[0].Fields);
        Assert.Equal(bad.Select(i => (i + 2).ToString(System.Globalization.CultureInfo.InvariantCulture)), errors.Skip(1).Select(e => e.Fields[0]));
        Assert.All(errors.Skip(1), e => Assert.Equal("email", e.Fields[1]));
        Assert.All(errors.Skip(1), e => Assert.Contains("is not an e-mail address", e.Fields[4], StringComparison.Ordinal));

        // Fixing the rows and running again issues exactly the five and clears the report.
        var fixedRun = Issue(CliTestFiles.Learners(_dir, 1000));
        Assert.Equal(0, fixedRun.ExitCode);
        Assert.Contains("5 issued, 995 skipped", fixedRun.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Out, "errors.csv")));
        Assert.Equal(1000, Credentials().Select(c => (string?)c["id"]).Distinct().Count());
    }

    [Fact]
    public async Task Killed_midway_then_rerun_completes_1000_credentials_without_duplicates()
    {
        var csv = CliTestFiles.Learners(_dir, 1000);
        var key = CliTestFiles.Key(_dir);
        var template = CliTestFiles.Template(_dir);
        var tool = Path.Combine(AppContext.BaseDirectory, "OpenBadges.Cli.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { tool, "issue", "--key", key, "--batch", csv, "--template", template, "--out", Out, "--parallelism", "2" })
        {
            start.ArgumentList.Add(argument);
        }

        using (var child = Process.Start(start)!)
        {
            var deadline = Stopwatch.StartNew();
            while ((!Directory.Exists(Out) || Directory.GetFiles(Out, "*.json").Length < 150) && !child.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(20);
            }

            if (child.HasExited)
            {
                Assert.Fail("the batch ended before it could be killed: " + await child.StandardError.ReadToEndAsync());
            }

            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
        }

        var partial = Credentials();  // every file present parses: no half-written credential
        output.WriteLine($"killed after {partial.Count} credentials");
        Assert.InRange(partial.Count, 150, 999);

        var rerun = Issue(csv);
        output.WriteLine(rerun.Out);
        Assert.True(rerun.ExitCode == 0, rerun.Error);
        Assert.Contains($"{1000 - partial.Count} issued, {partial.Count} skipped", rerun.Out, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Out, "*.tmp"));

        var all = Credentials();
        Assert.Equal(1000, all.Count);
        Assert.Equal(1000, all.Select(c => (string?)c["id"]).Distinct().Count());
        await AssertAllVerify(all);
    }

    [Fact]
    public async Task Cancelled_run_keeps_whole_files_and_the_rerun_issues_the_rest_with_the_same_ids()
    {
        var csv = File.ReadAllText(CliTestFiles.Learners(_dir, 200));
        var template = File.ReadAllText(CliTestFiles.Template(_dir));
        using var key = Ed25519KeyFile.Create(Ed25519Key.FromSeed(Convert.FromHexString(CliTestFiles.Seed)));
        var issuer = new BatchIssuer(key.CreateSigner(), Cryptosuites.EddsaRdfc2022);
        using var cancel = new CancellationTokenSource();
        var issued = 0;
        var first = await issuer.RunAsync(csv, "l.csv", template, "t.json", Out, key.Controller, force: false, parallelism: 2, null,
            outcome =>
            {
                if (outcome == RowOutcome.Issued && Interlocked.Increment(ref issued) == 40)
                {
                    cancel.Cancel();
                }
            },
            cancel.Token);
        Assert.True(first.Cancelled);
        Assert.InRange(first.Issued, 40, 199);
        var idsAfterCancel = Credentials().Select(c => (string)c["id"]!).ToHashSet();
        Assert.Equal(first.Issued, idsAfterCancel.Count);

        var second = await issuer.RunAsync(csv, "l.csv", template, "t.json", Out, key.Controller, force: false, parallelism: 2, null, null, CancellationToken.None);
        Assert.False(second.Cancelled);
        Assert.Equal(first.Issued, second.Skipped);
        Assert.Equal(200 - first.Issued, second.Issued);
        var all = Credentials().Select(c => (string)c["id"]!).ToList();
        Assert.Equal(200, all.Distinct().Count());
        Assert.Superset(idsAfterCancel, all.ToHashSet());

        // --force issues every row again, under the same ids and file names.
        var forced = await issuer.RunAsync(csv, "l.csv", template, "t.json", Out, key.Controller, force: true, parallelism: 2, null, null, CancellationToken.None);
        Assert.Equal(200, forced.Issued);
        Assert.Equal(all.ToHashSet(), Credentials().Select(c => (string)c["id"]!).ToHashSet());
    }

    [Fact]
    public void Row_problems_name_row_column_and_element_and_duplicates_are_refused()
    {
        var csv = Path.Combine(_dir, "mixed.csv");
        File.WriteAllText(csv, string.Join("\r\n",
            "learnerId,email,grade,issuedOn",
            "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK,,7,",
            "not an iri,,7,",
            ",,7,",
            ",a@example.nl,,",
            ",b@example.nl,8,yesterday",
            ",A@example.nl,9,",
            ",c@example.nl,9",
            ""));
        var run = Issue(csv);
        Assert.Equal(1, run.ExitCode);
        var errors = CsvReader.Parse(File.ReadAllText(Path.Combine(Out, "errors.csv")), "errors.csv").Skip(1)
            .Select(e => (Row: e.Fields[0], Column: e.Fields[1], Element: e.Fields[2], Message: e.Fields[4])).ToList();
        Assert.Contains(errors, e => e is { Row: "3", Column: "learnerId", Element: "M1" });
        Assert.Contains(errors, e => e is { Row: "4", Element: "M1" } && e.Message.Contains("learner is missing", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Row: "5", Column: "grade", Element: "O3" });
        Assert.Contains(errors, e => e is { Row: "6", Column: "issuedOn" });
        Assert.Contains(errors, e => e is { Row: "7", Column: "email" } && e.Message.Contains("same learner as row 5", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Row: "8", Element: "csv" } && e.Message.Contains("the row has 3 fields; the header has 4", StringComparison.Ordinal));
        Assert.Single(Directory.GetFiles(Out, "*.json"));
    }

    [Fact]
    public void Problems_shared_by_every_row_are_usage_errors_before_anything_is_issued()
    {
        var csv = Path.Combine(_dir, "l.csv");
        File.WriteAllText(csv, "email,shoeSize\r\na@example.nl,44\r\n");
        var unknown = Issue(csv);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("unknown column 'shoeSize'", unknown.Error, StringComparison.Ordinal);

        File.WriteAllText(csv, "email\r\na@example.nl\r\n");
        var template = CliTestFiles.Spec();
        template.Remove("id");
        template.Remove("learner");
        template.Remove("assessmentType");
        template.Remove("grades");
        var templatePath = Path.Combine(_dir, "incomplete.json");
        File.WriteAllText(templatePath, template.ToString());
        var incomplete = CliRun.Of("issue", "--key", CliTestFiles.Key(_dir), "--batch", csv, "--template", templatePath, "--out", Out);
        Assert.Equal(2, incomplete.ExitCode);
        Assert.Contains("M9", incomplete.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Out));

        template = CliTestFiles.Spec();
        template.Remove("id");
        template["learner"] = "everyone";
        File.WriteAllText(templatePath, template.ToString());
        var learnerNotObject = CliRun.Of("issue", "--key", CliTestFiles.Key(_dir), "--batch", csv, "--template", templatePath, "--out", Out);
        Assert.Equal(2, learnerNotObject.ExitCode);
        Assert.Contains("'learner' that is not an object", learnerNotObject.Error, StringComparison.Ordinal);

        template["learner"] = new JObject { ["email"] = "someone@example.nl" };
        File.WriteAllText(templatePath, template.ToString());
        var namesLearner = CliRun.Of("issue", "--key", CliTestFiles.Key(_dir), "--batch", csv, "--template", templatePath, "--out", Out);
        Assert.Equal(2, namesLearner.ExitCode);
        Assert.Contains("names a learner (learner.email)", namesLearner.Error, StringComparison.Ordinal);

        template.Remove("learner");
        template["issuer"]!["id"] = "did:web:another-institution.example";
        File.WriteAllText(templatePath, template.ToString());
        var otherIssuer = CliRun.Of("issue", "--key", CliTestFiles.Key(_dir), "--batch", csv, "--template", templatePath, "--out", Out);
        Assert.Equal(2, otherIssuer.ExitCode);
        Assert.Contains("is not the controller of the signing key", otherIssuer.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void A_rerun_removes_the_temporary_files_a_killed_run_left_and_nothing_else()
    {
        Directory.CreateDirectory(Out);
        var leftover = Path.Combine(Out, ".0b0e1f2a-0000-5000-8000-000000000000.json.0123456789abcdef0123456789abcdef.tmp");
        var unrelated = Path.Combine(Out, ".notes.tmp");
        File.WriteAllText(leftover, "{\"half\": ");
        File.WriteAllText(unrelated, "mine");
        var run = Issue(CliTestFiles.Learners(_dir, 3));
        Assert.Equal(0, run.ExitCode);
        Assert.False(File.Exists(leftover));
        Assert.True(File.Exists(unrelated));
        Assert.Equal(3, Directory.GetFiles(Out, "*.json").Length);
    }
}
