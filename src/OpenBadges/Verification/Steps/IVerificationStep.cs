namespace OpenBadges.Verification;

/// <summary>
/// One step of the OB 3.0 verification algorithm (OB 3.0 §9, in the 1EdTech validator's order): it reads the
/// <see cref="VerificationRun"/>, records its checks into it, and may leave something for later steps there.
/// Steps hold no state of their own: one instance serves every verification, on any thread.
/// </summary>
internal interface IVerificationStep
{
    /// <summary>Runs the step; false when nothing after it can be checked (there is no document to go on with).</summary>
    ValueTask<bool> RunAsync(VerificationRun run, CancellationToken cancellationToken);
}
