namespace OpenBadges.Cli.Batch;

/// <summary>
/// Why one CSV row did not become a credential: its row number (the header is row 1), the CSV column at fault
/// (empty when no single column is), the micro-credential element (M1…, O3, OB, spec, csv) and JSON path, and the rule.
/// </summary>
internal sealed record RowError(int Row, string Column, string Element, string JsonPath, string Message)
{
    /// <summary>The header line of <c>errors.csv</c>.</summary>
    public static string CsvHeader => CsvReader.Record("row", "column", "element", "path", "message");

    /// <summary>This error as one <c>errors.csv</c> record.</summary>
    public string ToCsv() => CsvReader.Record(Row.ToString(System.Globalization.CultureInfo.InvariantCulture), Column, Element, JsonPath, Message);

    /// <inheritdoc />
    public override string ToString() =>
        $"row {Row}{(Column.Length > 0 ? $", column '{Column}'" : "")}: {Element} {JsonPath}: {Message}";
}
