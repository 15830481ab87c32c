using System.Globalization;
using OpenBadges.Fuzz;

// OpenBadges.Fuzz HARNESS|all [--seconds N] [--iterations N] [--seed N] [--findings DIR] [--libfuzzer]
// OpenBadges.Fuzz replay HARNESS FILE...
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("usage: OpenBadges.Fuzz HARNESS|all [--seconds N] [--iterations N] [--seed N] [--findings DIR] [--libfuzzer]");
    Console.WriteLine("harnesses: " + string.Join(", ", Harnesses.All.Select(h => h.Name)));
    return 0;
}

if (args[0] == "replay" && args.Length >= 3)
{
    // replay HARNESS FILE...: runs saved inputs (findings) once each and says what each does now.
    var replayed = Harnesses.Find(args[1]) ?? throw new ArgumentException($"unknown harness '{args[1]}'");
    var failures = 0;
    foreach (var file in args.Skip(2))
    {
        var finding = Driver.Execute(replayed, File.ReadAllBytes(file), out var accepted);
        failures += finding is null ? 0 : 1;
        Console.WriteLine($"{file}: {finding ?? (accepted ? "ok (accepted)" : "ok (refused as documented)")}");
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

if (args.Contains("--libfuzzer"))
{
    // libFuzzer mode: run under the libfuzzer-dotnet driver on a SharpFuzz-instrumented build (see README.md).
    var harness = selected[0];
    SharpFuzz.Fuzzer.LibFuzzer.Run(span =>
    {
        try
        {
            harness.Run(span.ToArray());
        }
        catch (Exception e) when (harness.IsExpected(e))
        {
        }
    });
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
