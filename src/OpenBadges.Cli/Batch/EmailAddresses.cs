namespace OpenBadges.Cli.Batch;

/// <summary>A plain check of an e-mail address (the addr-spec shape institutions use, not every RFC 5322 oddity).</summary>
internal static class EmailAddresses
{
    /// <summary>Null when <paramref name="address"/> looks like local@domain.tld; otherwise the rule it breaks.</summary>
    public static string? Problem(string address)
    {
        var at = address.IndexOf('@', StringComparison.Ordinal);
        if (at < 0 || at != address.LastIndexOf('@'))
        {
            return $"'{address}' is not an e-mail address: it needs exactly one '@'";
        }

        var local = address[..at];
        var domain = address[(at + 1)..];
        if (local.Length is 0 or > 64 || local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal)
            || !local.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~.".Contains(c, StringComparison.Ordinal) || c > 127))
        {
            return $"'{address}' is not an e-mail address: the part before '@' is empty, too long, or holds spaces or characters an address cannot";
        }

        var labels = domain.Split('.');
        if (labels.Length < 2 || domain.Length > 253
            || labels.Any(label => label.Length is 0 or > 63 || label.StartsWith('-') || label.EndsWith('-') || !label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c > 127)))
        {
            return $"'{address}' is not an e-mail address: the domain after '@' must be a host name with a dot (e.g. student.example.nl)";
        }

        return null;
    }
}
