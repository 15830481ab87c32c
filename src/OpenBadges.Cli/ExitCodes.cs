namespace OpenBadges.Cli;

/// <summary>The exit codes every command uses.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>A credential was checked and is not valid.</summary>
    public const int Invalid = 1;

    /// <summary>Usage or input error (also: a verdict that could not be reached); the message is on stderr.</summary>
    public const int UsageOrInput = 2;

    /// <summary>A batch interrupted by Ctrl+C or SIGTERM (128 + SIGINT, as shells report it); run it again to finish.</summary>
    public const int Interrupted = 130;
}
