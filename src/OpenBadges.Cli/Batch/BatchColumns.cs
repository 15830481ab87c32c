namespace OpenBadges.Cli.Batch;

/// <summary>The columns a learners CSV may have (docs/batch-issuing.md), matched case-insensitively.</summary>
internal static class BatchColumns
{
    public const string LearnerId = "learnerId";
    public const string Email = "email";
    public const string StudentNumber = "studentNumber";
    public const string Name = "name";
    public const string Grade = "grade";
    public const string IssuedOn = "issuedOn";
    public const string ValidUntil = "validUntil";
    public const string EvidenceUrl = "evidenceUrl";

    /// <summary>Every known column, in the order the docs list them.</summary>
    public static readonly string[] All = [LearnerId, Email, StudentNumber, Name, Grade, IssuedOn, ValidUntil, EvidenceUrl];

    /// <summary>The columns that identify a learner (M1), in the order the learner key is taken from.</summary>
    public static readonly string[] LearnerKeys = [LearnerId, StudentNumber, Email];

    /// <summary>The longest value each column takes (docs/batch-issuing.md): anything longer is a mistake or an attack.</summary>
    public static int MaxLength(string column) => column switch
    {
        Email => 254,          // RFC 5321's limit on a forward path
        StudentNumber => 64,
        Name => 256,
        Grade => 64,
        IssuedOn or ValidUntil => 64,
        _ => 2048,             // learnerId, evidenceUrl: URLs
    };

    /// <summary>The columns whose value becomes a link (a credential subject id, an evidence URL).</summary>
    public static bool IsLink(string column) => column is LearnerId or EvidenceUrl;

    /// <summary>The micro-credential element a column fills (M1 learner, O3 grade, M5 date of issuing, O5 further information).</summary>
    public static string ElementOf(string column) => column switch
    {
        Grade => "O3",
        IssuedOn => "M5",
        ValidUntil => "OB",
        EvidenceUrl => "O5",
        _ => "M1",
    };

    /// <summary>Where a column's value lands in the credential, for error reports.</summary>
    public static string PathOf(string column) => column switch
    {
        LearnerId => "$.credentialSubject.id",
        EvidenceUrl => "$.evidence",
        Grade => "$.credentialSubject.result[0].value",
        IssuedOn => "$.validFrom",
        ValidUntil => "$.validUntil",
        _ => "$.credentialSubject.identifier",
    };

    /// <summary>
    /// Why <paramref name="value"/> cannot stand in <paramref name="column"/>, or null: too long, a control character
    /// (NUL and the rest of C0/C1: they hide text from readers and break files), or a link whose scheme is not http(s),
    /// did or urn (<c>javascript:</c>, <c>data:</c>, <c>file:</c> would be shown to viewers as a link).
    /// </summary>
    public static string? Problem(string column, string value)
    {
        if (value.Length > MaxLength(column))
        {
            return $"the {column} is {value.Length} characters; the limit is {MaxLength(column)}";
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsControl(value[i]) || value[i] is '\u2028' or '\u2029')
            {
                return $"the {column} holds the control character U+{(int)value[i]:X4} at position {i + 1}; control characters are not allowed";
            }
        }

        if (IsLink(column) && value.Length > 0)
        {
            var colon = value.IndexOf(':', StringComparison.Ordinal);
            var scheme = colon > 0 ? value[..colon].ToLowerInvariant() : string.Empty;
            if (scheme is not ("http" or "https" or "did" or "urn") || !Uri.TryCreate(value, UriKind.Absolute, out _))
            {
                return $"the {column} '{Printable(value)}' is not an absolute http(s), did or urn URL; other schemes (javascript:, data:, file:) are refused";
            }
        }

        return null;
    }

    private static string Printable(string value) => value.Length > 80 ? value[..80] + "…" : value;

    /// <summary>The canonical spelling of a header cell, or null when it is not a known column.</summary>
    public static string? Canonical(string header) =>
        All.FirstOrDefault(name => string.Equals(name, header.Trim(), StringComparison.OrdinalIgnoreCase));
}
