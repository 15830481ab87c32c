using BenchmarkDotNet.Running;
using OpenBadges.Benchmarks;

// --quick: the Stopwatch mode (about a minute); anything else goes to BenchmarkDotNet.
if (args.Contains("--issuer"))
{
    return await IssuerThroughput.RunAsync(args);
}

if (args.Contains("--quick"))
{
    return QuickRun.Run(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
