using System.Globalization;
using System.Text;
using System.Xml;
using OpenBadges.Checks;
using OpenBadges.Verification;

namespace OpenBadges.Cli.Commands;

/// <summary>
/// <c>verify --junit FILE</c>: the verification of each credential as a JUnit XML test case, so a CI system lists
/// credentials like tests. Valid is a pass; Invalid a <c>&lt;failure&gt;</c> whose <c>type</c> is the first failed check
/// and whose <c>message</c> is that check's message (every failed check, nested reports included, in the body);
/// Indeterminate an <c>&lt;error&gt;</c> built the same way from the checks that could not be decided. Warnings go to
/// <c>&lt;system-out&gt;</c> and to <c>warning</c> properties; the verdict and credential id are properties too.
/// </summary>
internal static class JUnitReport
{
    /// <summary>The suite and class name every test case carries.</summary>
    public const string SuiteName = "openbadges verify";

    /// <summary>The report as UTF-8 XML (the declaration says so).</summary>
    public static byte[] Write(IReadOnlyList<(string Path, VerificationReport Report, TimeSpan Elapsed)> results, DateTimeOffset timestamp)
    {
        var failures = results.Count(r => r.Report.Verdict == Verdict.Invalid);
        var errors = results.Count(r => r.Report.Verdict == Verdict.Indeterminate);
        var total = Seconds(TimeSpan.FromTicks(results.Sum(r => r.Elapsed.Ticks)));
        using var bytes = new MemoryStream();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using (var writer = XmlWriter.Create(bytes, settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("testsuites");
            WriteCounts(writer, results.Count, failures, errors, total);
            writer.WriteStartElement("testsuite");
            WriteCounts(writer, results.Count, failures, errors, total);
            writer.WriteAttributeString("timestamp", timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
            foreach (var (path, report, elapsed) in results)
            {
                WriteCase(writer, path, report, elapsed);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        bytes.WriteByte((byte)'\n');
        return bytes.ToArray();
    }

    private static void WriteCounts(XmlWriter writer, int tests, int failures, int errors, string time)
    {
        writer.WriteAttributeString("name", SuiteName);
        writer.WriteAttributeString("tests", tests.ToString(CultureInfo.InvariantCulture));
        writer.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
        writer.WriteAttributeString("errors", errors.ToString(CultureInfo.InvariantCulture));
        writer.WriteAttributeString("skipped", "0");
        writer.WriteAttributeString("time", time);
    }

    private static void WriteCase(XmlWriter writer, string path, VerificationReport report, TimeSpan elapsed)
    {
        var findings = new List<(string Where, VerificationCheck Check)>();
        Collect(report, "", findings);
        var warnings = findings.Where(f => f.Check.Status == CheckStatus.Warning).ToList();

        writer.WriteStartElement("testcase");
        writer.WriteAttributeString("name", Safe(path));
        writer.WriteAttributeString("classname", SuiteName);
        writer.WriteAttributeString("time", Seconds(elapsed));

        writer.WriteStartElement("properties");
        WriteProperty(writer, "verdict", report.Verdict.ToString());
        if (report.CredentialId is { } id)
        {
            WriteProperty(writer, "credentialId", id);
        }

        foreach (var warning in warnings)
        {
            WriteProperty(writer, "warning", Line(warning));
        }

        writer.WriteEndElement();

        var (element, status) = report.Verdict switch
        {
            Verdict.Invalid => ("failure", CheckStatus.Failed),
            Verdict.Indeterminate => ("error", CheckStatus.CouldNotCheck),
            _ => (null, CheckStatus.Passed),
        };
        if (element is not null)
        {
            var reasons = findings.Where(f => f.Check.Status == status).ToList();
            if (reasons.Count == 0 && report.IsStrict)
            {
                reasons = warnings; // --strict: the warnings are what made it invalid
            }

            var first = reasons.FirstOrDefault();
            writer.WriteStartElement(element);
            writer.WriteAttributeString("type", Safe(first.Check?.Name ?? report.Verdict.ToString()));
            writer.WriteAttributeString("message", Safe(first.Check is null ? VerificationReportTable.Headline(report) : first.Where + first.Check.Message));
            writer.WriteString(Safe(string.Join("\n", reasons.Select(Line))));
            writer.WriteEndElement();
        }

        if (warnings.Count > 0)
        {
            writer.WriteElementString("system-out", Safe(string.Join("\n", warnings.Select(w => "warning " + Line(w)))));
        }

        writer.WriteEndElement();
    }

    private static void Collect(VerificationReport report, string where, List<(string, VerificationCheck)> findings)
    {
        foreach (var check in report.Checks.Where(c => c.Status is CheckStatus.Failed or CheckStatus.CouldNotCheck or CheckStatus.Warning))
        {
            findings.Add((where, check));
        }

        foreach (var endorsement in report.Endorsements)
        {
            Collect(endorsement, where + "endorsement " + endorsement.Location + ": ", findings);
        }

        foreach (var credential in report.Credentials)
        {
            Collect(credential, where + "credential " + credential.Location + ": ", findings);
        }

        if (report.Refreshed is { } refreshed)
        {
            Collect(refreshed, where + "refreshed credential: ", findings);
        }
    }

    private static string Line((string Where, VerificationCheck Check) finding) =>
        $"{finding.Where}{finding.Check.Name}: {finding.Check.Message}{(finding.Check.Code is { } code ? $" [{code}]" : "")}";

    private static void WriteProperty(XmlWriter writer, string name, string value)
    {
        writer.WriteStartElement("property");
        writer.WriteAttributeString("name", name);
        writer.WriteAttributeString("value", Safe(value));
        writer.WriteEndElement();
    }

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>
    /// The text with every character XML 1.0 cannot carry (control characters, lone surrogates — a hostile credential
    /// or file name may hold them) replaced by U+FFFD, so the report stays well-formed whatever it quotes.
    /// </summary>
    internal static string Safe(string text)
    {
        StringBuilder? copy = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                copy?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (XmlConvert.IsXmlChar(c))
            {
                copy?.Append(c);
                continue;
            }

            copy ??= new StringBuilder(text, 0, i, text.Length);
            copy.Append('\uFFFD');
        }

        return copy?.ToString() ?? text;
    }
}
