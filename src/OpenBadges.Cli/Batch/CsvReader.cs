using System.Text;

namespace OpenBadges.Cli.Batch;

/// <summary>One CSV record: its number in the file (the header is row 1, as a spreadsheet shows it) and its fields.</summary>
internal sealed record CsvRecord(int Row, int Line, IReadOnlyList<string> Fields);

/// <summary>
/// An RFC 4180 CSV reader: fields separated by commas, records by CRLF (a bare LF or CR is accepted too), a field
/// in double quotes may hold commas, line breaks and doubled quotes (<c>""</c>). Stricter than spreadsheets where
/// the RFC is clear: a quote inside an unquoted field, text after a closing quote, or a quote left open is an error
/// naming the line and column, because guessing there can shift every later field of the record.
/// </summary>
internal static class CsvReader
{
    /// <summary>
    /// The text of a learners CSV, which must be UTF-8: a Latin-1 file read with replacement characters would put
    /// them into signed credentials, which cannot be corrected without revoking. The first bad byte is named by its
    /// CSV row and column.
    /// </summary>
    /// <exception cref="CliInputException">Unreadable, larger than <see cref="InputFiles.MaxCsvBytes"/>, or not UTF-8.</exception>
    public static string ReadFile(string path)
    {
        var bytes = InputFiles.ReadBytes(path, InputFiles.MaxCsvBytes);
        try
        {
            return InputFiles.DecodeText(bytes, path);
        }
        catch (CliInputException notUtf8) when (FirstBadField(bytes, path) is { } field)
        {
            throw new CliInputException($"'{path}' is not UTF-8 text: row {field.Row}, column {field.Column}{field.Name} holds bytes that are not UTF-8 (save the file as UTF-8; nothing was issued).", notUtf8);
        }
    }

    /// <summary>The CSV row and column of the first field holding bytes that are not UTF-8, when the file reads as CSV.</summary>
    private static (int Row, int Column, string Name)? FirstBadField(byte[] bytes, string path)
    {
        // Decode the bad bytes as a noncharacter no UTF-8 file of learners holds, read the records, find the first one.
        const char Mark = '\uFFFF';
        var marked = Encoding.GetEncoding("utf-8", EncoderFallback.ReplacementFallback, new DecoderReplacementFallback(Mark.ToString())).GetString(bytes);
        List<CsvRecord> records;
        try
        {
            records = Parse(marked, path);
        }
        catch (CliInputException)
        {
            return null;
        }

        foreach (var record in records)
        {
            var column = record.Fields.ToList().FindIndex(field => field.Contains(Mark, StringComparison.Ordinal));
            if (column >= 0)
            {
                var name = records[0].Fields.Count > column ? $" ('{records[0].Fields[column].Trim()}')" : string.Empty;
                return (record.Row, column + 1, name);
            }
        }

        return null;
    }

    /// <summary>Reads every record. A record that is entirely empty (a blank line) is left out, but keeps its row number.</summary>
    /// <exception cref="CliInputException">The text is not well-formed CSV.</exception>
    public static List<CsvRecord> Parse(string text, string source)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var position = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var line = 1;
        var column = 1;
        var row = 1;
        var recordLine = 1;
        var quoted = false;          // the current field started with a quote
        var inQuotes = false;        // inside the quotes of the current field
        var afterClosingQuote = false;

        void EndField()
        {
            fields.Add(field.ToString());
            field.Clear();
            quoted = false;
            afterClosingQuote = false;
        }

        void EndRecord()
        {
            var blank = fields.Count == 0 && field.Length == 0 && !quoted;
            EndField();
            if (!blank)
            {
                records.Add(new CsvRecord(row, recordLine, fields.ToArray()));
            }

            fields.Clear();
            row++;
        }

        while (position < text.Length)
        {
            var c = text[position];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (position + 1 < text.Length && text[position + 1] == '"')
                    {
                        field.Append('"');
                        position += 2;
                        column += 2;
                        continue;
                    }

                    inQuotes = false;
                    afterClosingQuote = true;
                }
                else
                {
                    field.Append(c);
                    if (c == '\n' || (c == '\r' && !(position + 1 < text.Length && text[position + 1] == '\n')))
                    {
                        line++;
                        column = 0;
                    }
                }

                position++;
                column++;
                continue;
            }

            switch (c)
            {
                case ',':
                    EndField();
                    break;
                case '\r' or '\n':
                    if (c == '\r' && position + 1 < text.Length && text[position + 1] == '\n')
                    {
                        position++;
                    }

                    EndRecord();
                    line++;
                    column = 0;
                    recordLine = line;
                    break;
                case '"':
                    if (quoted || field.Length > 0)
                    {
                        throw new CliInputException(afterClosingQuote
                            ? $"{source} line {line}, column {column}: a quote after a field's closing quote; inside a quoted field write a quote as \"\" (RFC 4180)"
                            : $"{source} line {line}, column {column}: a quote inside an unquoted field; quote the whole field and double the quote (\"\") (RFC 4180)");
                    }

                    quoted = true;
                    inQuotes = true;
                    break;
                default:
                    if (afterClosingQuote)
                    {
                        throw new CliInputException($"{source} line {line}, column {column}: text after a field's closing quote; a quoted field ends at a comma or line break (RFC 4180)");
                    }

                    field.Append(c);
                    break;
            }

            position++;
            column++;
        }

        if (inQuotes)
        {
            throw new CliInputException($"{source}: a quoted field opened on line {recordLine} is never closed (RFC 4180)");
        }

        if (fields.Count > 0 || field.Length > 0 || quoted)
        {
            EndRecord();
        }

        return records;
    }

    /// <summary>
    /// A field for CSV output: quoted when it needs to be (a comma, quote or line break in it), and a leading
    /// <c>= + - @</c> neutralized with an apostrophe so a spreadsheet opening a report never runs a formula that came
    /// from the input.
    /// </summary>
    public static string Quote(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>One output record, fields quoted as needed, ended by CRLF (RFC 4180).</summary>
    public static string Record(params string[] fields) => string.Join(',', fields.Select(Quote)) + "\r\n";
}
