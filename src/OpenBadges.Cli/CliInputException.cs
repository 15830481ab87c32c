namespace OpenBadges.Cli;

/// <summary>Bad command-line input (a missing file, a malformed key): exit code 2 with this message on stderr.</summary>
internal sealed class CliInputException(string message, Exception? inner = null) : Exception(message, inner);
