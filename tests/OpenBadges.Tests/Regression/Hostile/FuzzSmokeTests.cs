using OpenBadges.Fuzz;
using Xunit.Abstractions;

namespace OpenBadges.Tests.Regression.Hostile;

/// <summary>
/// The fuzz harnesses (tests/fuzz) for a short fixed budget each, so CI keeps them working and catches what a few
/// thousand seeded mutations find; long runs are described in tests/fuzz/README.md. Same seed every run: a failure
/// here reproduces with <c>OpenBadges.Fuzz HARNESS --seed 1</c>.
/// </summary>
[Collection(FuzzSmokeCollection.Name)]
public sealed class FuzzSmokeTests(ITestOutputHelper output)
{
    public static TheoryData<string> Names() => new(Harnesses.All.Select(h => h.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void A_short_fixed_budget_run_finds_nothing(string name)
    {
        var harness = Harnesses.Find(name)!;
        var result = Driver.Run(harness, TimeSpan.FromSeconds(1.5), maxExecutions: 3000, seed: 1, findingsFolder: null);
        output.WriteLine(result.ToString());
        Assert.True(result.Executions > 0);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Every_parser_the_issue_names_has_a_harness()
    {
        Assert.Equal(
            ["csv", "jcs", "json", "jsonld", "jwt", "multibase", "nquads", "png", "rdfc", "spec", "svg", "verifier"],
            Harnesses.All.Select(h => h.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_signed_seeds_verify_so_the_never_valid_contract_means_something()
    {
        var verifier = new OpenBadges.Verification.CredentialVerifier(new OpenBadges.Verification.CredentialVerifierOptions { TimeProvider = Fixtures.Clock });
        var report = await verifier.VerifyAsync(Fixtures.Signed);
        Assert.True(report.IsValid, report.ToString());
        Assert.True((await verifier.VerifyAsync(Fixtures.BakedPng)).IsValid);
        Assert.True((await verifier.VerifyAsync(Fixtures.BakedSvg)).IsValid);
        var jwt = await OpenBadges.Proofs.Jose.VcJwtVerifier.VerifyAsync(Fixtures.Jwt, new OpenBadges.Proofs.Jose.VcJwtVerificationOptions { TimeProvider = Fixtures.Clock });
        Assert.Equal(OpenBadges.Checks.Verdict.Valid, jwt.Verdict);

        var reordered = OpenBadges.Json.JsonInput.ParseObject(Fixtures.Signed.ToString(Newtonsoft.Json.Formatting.None));
        var issuer = reordered.Property("issuer")!;
        issuer.Remove();
        reordered.Add(issuer); // key order is not signed
        Assert.True(Fixtures.SignsAlike(reordered));
        var changed = Fixtures.Signed;
        changed["name"] = "Leadership";
        Assert.False(Fixtures.SignsAlike(changed));
    }

    [Fact]
    public void A_harness_reports_an_undocumented_exception_as_a_finding()
    {
        var broken = new Harness("broken", "test", () => [[1]], _ => throw new InvalidOperationException("boom"), typeof(FormatException));
        var result = Driver.Run(broken, TimeSpan.FromSeconds(1), maxExecutions: 5, seed: 1, findingsFolder: null);
        Assert.NotEmpty(result.Findings);
        Assert.Contains("InvalidOperationException", result.Findings[0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_input_that_works_past_the_time_bound_is_a_finding()
    {
        var spinning = new Harness("spinning", "test", () => [[1]], _ => Spin(Driver.MaxTime * 1.3));
        var finding = Driver.Execute(spinning, [1], out _);
        Assert.NotNull(finding);
        Assert.StartsWith("took ", finding, StringComparison.Ordinal);
    }

    [Fact]
    public void Waiting_for_the_processor_is_not_work_where_cpu_time_is_measured()
    {
        // A loaded machine stretches wall-clock time; the bound is on the work an input causes.
        // Linux gives the process's CPU time (elsewhere the bound falls back to wall-clock time, and this does not apply).
        Assert.True(!OperatingSystem.IsLinux() || ProcessCpuTime.Now() is not null);
        if (ProcessCpuTime.Now() is null)
        {
            return;
        }

        var waiting = new Harness("waiting", "test", () => [[1]], _ => Thread.Sleep(Driver.MaxTime * 1.3));
        Assert.Null(Driver.Execute(waiting, [1], out var accepted));
        Assert.True(accepted);
    }

    private static void Spin(TimeSpan work)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var start = ProcessCpuTime.Now();
        var x = 0UL;
        while (start is { } s ? ProcessCpuTime.Now() - s < work : clock.Elapsed < work)
        {
            for (var i = 0; i < 10_000; i++)
            {
                x = x * 6364136223846793005UL + 1442695040888963407UL;
            }
        }

        GC.KeepAlive(x);
    }
}

/// <summary>
/// The fuzz driver bounds each input by the process's CPU time (the work it causes, however loaded the machine). In the
/// test process that clock also counts every test running beside it, so the smoke runs run alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FuzzSmokeCollection
{
    public const string Name = "fuzz smoke runs (alone: the driver bounds inputs by process CPU time)";
}
