using System.Globalization;
using OpenBadges.Fuzz;

// OpenBadges.Fuzz HARNESS|all [--seconds N] [--iterations N] [--seed N] [--findings DIR]
// OpenBadges.Fuzz HARNESS --libfuzzer            (run by sharpfuzz-bridge, see README.md)
// OpenBadges.Fuzz HARNESS --write-seeds DIR
// OpenBadges.Fuzz replay HARNESS FILE...
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("usage: OpenBadges.Fuzz HARNESS|all [--seconds N] [--iterations N] [--seed N] [--findings DIR]");
    Console.WriteLine("       OpenBadges.Fuzz HARNESS --libfuzzer | --write-seeds DIR");
    Console.WriteLine("harnesses: " + string.Join(", ", Harnesses.All.Select(h => h.Name)));
    return 0;
}

if (args.Contains("--libfuzzer"))
{
    // libFuzzer mode: the process libFuzzer's sharpfuzz-bridge starts (tests/fuzz/driver, README.md), on a
    // SharpFuzz-instrumented build. The same judgement as our driver's (documented exceptions, time, memory, the
    // harness's own check); a finding leaves as an exception, which SharpFuzz reports to libFuzzer as a crash.
    // Nothing instrumented may run before Run has attached the coverage map, so the harness is looked up inside.
    Harness? harness = null;
    SharpFuzz.Fuzzer.LibFuzzer.Run(span =>
    {
        harness ??= Harnesses.Find(args[0]) ?? throw new ArgumentException($"unknown harness '{args[0]}'");
        if (Driver.Execute(harness, span.ToArray(), out _) is { } finding)
        {
            throw new FuzzFindingException($"{harness.Name}: {finding}");
        }
    });
    return 0;
}

if (args[0] == "replay" && args.Length >= 3)
{
    // replay HARNESS FILE...: runs saved inputs (findings) and says what each does now, and what it costs once warm.
    var replayed = Harnesses.Find(args[1]) ?? throw new ArgumentException($"unknown harness '{args[1]}'");
    var failures = 0;
    foreach (var file in args.Skip(2))
    {
        var input = File.ReadAllBytes(file);
        Driver.Execute(replayed, input, out _); // warm-up: JIT and the harness's set-up are not the input's work
        var cpuBefore = ProcessCpuTime.Now();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var finding = Driver.Execute(replayed, input, out var accepted);
        var cpu = ProcessCpuTime.Now() - cpuBefore is { } used ? $"{used.TotalMilliseconds:F0} ms CPU, " : "";
        failures += finding is null ? 0 : 1;
        Console.WriteLine($"{file}: {finding ?? (accepted ? "ok (accepted)" : "ok (refused as documented)")} ({cpu}{clock.ElapsedMilliseconds} ms)");
    }

    return failures == 0 ? 0 : 1;
}

string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
var seconds = double.Parse(Option("--seconds") ?? "60", CultureInfo.InvariantCulture);
var iterations = long.Parse(Option("--iterations") ?? long.MaxValue.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
var seed = int.Parse(Option("--seed") ?? "1", CultureInfo.InvariantCulture);
var findings = Option("--findings") ?? Path.Combine(Seeds.RepositoryRoot, "tests", "fuzz", "findings");

var selected = args[0] == "all" ? Harnesses.All : Harnesses.Find(args[0]) is { } one ? [one] : [];
if (selected.Count == 0)
{
    Console.Error.WriteLine($"unknown harness '{args[0]}'; the harnesses are {string.Join(", ", Harnesses.All.Select(h => h.Name))}");
    return 2;
}

if (Option("--write-seeds") is { } seedFolder)
{
    // The seed corpus as files, for libFuzzer (which reads a corpus from folders): one file per seed, named by its hash.
    Directory.CreateDirectory(seedFolder);
    var written = 0;
    foreach (var input in selected[0].Seeds())
    {
        File.WriteAllBytes(Path.Combine(seedFolder, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(input))[..16]), input);
        written++;
    }

    Console.WriteLine($"{selected[0].Name}: {written} seed(s) in {seedFolder}");
    return 0;
}

var total = 0;
foreach (var harness in selected)
{
    Console.WriteLine($"{harness.Name} ({harness.Parser}): {seconds} s");
    var result = Driver.Run(harness, TimeSpan.FromSeconds(seconds), iterations, seed, findings, Console.Out);
    Console.WriteLine(result);
    total += result.Findings.Count;
}

return total == 0 ? 0 : 1;
