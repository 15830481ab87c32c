using OpenBadges.Cli;
using OpenBadges.Cli.Batch;

namespace OpenBadges.Tests.Cli;

public sealed class CsvReaderTests
{
    [Fact]
    public void Reads_quoted_fields_with_commas_doubled_quotes_and_line_breaks()
    {
        var records = CsvReader.Parse("\uFEFFa,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\nplain,,last\n", "t.csv");
        Assert.Equal(3, records.Count);
        Assert.Equal(["a", "b", "c"], records[0].Fields);
        Assert.Equal(["x, y", "say \"hi\"", "two\r\nlines"], records[1].Fields);
        Assert.Equal(["plain", "", "last"], records[2].Fields);
        Assert.Equal(3, records[2].Row);
        Assert.Equal(4, records[2].Line);
    }

    [Fact]
    public void Last_record_without_line_break_and_blank_lines_keep_row_numbers()
    {
        var records = CsvReader.Parse("h\n\none\n\"\"", "t.csv");
        Assert.Equal([1, 3, 4], records.Select(r => r.Row));
        Assert.Equal([""], records[2].Fields);
    }

    [Theory]
    [InlineData("a,b\nx\"y,z\n", "line 2, column 2: a quote inside an unquoted field")]
    [InlineData("a,b\n\"x\"y,z\n", "line 2, column 4: text after a field's closing quote")]
    [InlineData("a,b\n\"x\"\"\n", "opened on line 2 is never closed")]
    public void Malformed_csv_names_line_and_column(string text, string expected)
    {
        var error = Assert.Throws<CliInputException>(() => CsvReader.Parse(text, "t.csv"));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_fields_are_quoted_when_needed_and_formulas_neutralized()
    {
        Assert.Equal("plain,\"a,b\",\"say \"\"x\"\"\",'=1+1\r\n", CsvReader.Record("plain", "a,b", "say \"x\"", "=1+1"));
        var roundTrip = CsvReader.Parse(CsvReader.Record("a,b", "line\nbreak"), "t.csv");
        Assert.Equal(["a,b", "line\nbreak"], roundTrip[0].Fields);
    }

    [Fact]
    public void Name_based_uuid_matches_the_rfc_9562_version_5_example()
    {
        // RFC 9562 Appendix A.4: UUIDv5 of "www.example.com" in the DNS namespace.
        Assert.Equal("2ed6657d-e927-568b-95e1-2665a8aea6a2", NameBasedUuid.Create(new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "www.example.com"));
    }

    [Theory]
    [InlineData("s.devries@student.example.nl", true)]
    [InlineData("a+b@x.io", true)]
    [InlineData("no-at.example.nl", false)]
    [InlineData("two@@example.nl", false)]
    [InlineData("space in@example.nl", false)]
    [InlineData("x@nodot", false)]
    [InlineData("x@.example.nl", false)]
    [InlineData(".x@example.nl", false)]
    public void Email_check(string address, bool ok) => Assert.Equal(ok, EmailAddresses.Problem(address) is null);
}
