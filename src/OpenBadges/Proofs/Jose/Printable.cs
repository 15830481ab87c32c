using System.Text;

namespace OpenBadges.Proofs.Jose;

/// <summary>Shows untrusted header and claim values in messages: short, and without control characters that could forge log lines.</summary>
internal static class Printable
{
    private const int MaxLength = 120;

    public static string Quote(string? value)
    {
        if (value is null)
        {
            return "(none)";
        }

        var builder = new StringBuilder("'");
        foreach (var c in value.Length > MaxLength ? value[..MaxLength] : value)
        {
            builder.Append(char.IsControl(c) ? $"\\u{(int)c:X4}" : c);
        }

        return builder.Append(value.Length > MaxLength ? "…'" : "'").ToString();
    }
}
