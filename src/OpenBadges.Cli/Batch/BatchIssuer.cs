using System.Collections.Concurrent;
using System.Diagnostics;
using Newtonsoft.Json;
using OpenBadges.Keys;
using OpenBadges.Model;
using OpenBadges.Proofs;

namespace OpenBadges.Cli.Batch;

/// <summary>What became of one row.</summary>
internal enum RowOutcome
{
    /// <summary>A credential was built, signed and written.</summary>
    Issued,

    /// <summary>The credential file already exists (an earlier run wrote it) and <c>--force</c> was not given.</summary>
    Skipped,

    /// <summary>The row has a problem; see errors.csv.</summary>
    Failed,
}

/// <summary>The end of a batch run.</summary>
internal sealed record BatchSummary(int Rows, int Issued, int Skipped, IReadOnlyList<RowError> Errors, bool Cancelled, TimeSpan Elapsed)
{
    /// <summary>Rows that failed (each has at least one error).</summary>
    public int Failed => Errors.Select(e => e.Row).Distinct().Count();
}

/// <summary>
/// Issues one signed credential per CSV row (docs/batch-issuing.md): rows are built and signed in parallel; a row
/// with a problem is reported and the others still issue; each credential has a stable id and file name, so a
/// re-run skips what is already written; every file is written atomically.
/// </summary>
internal sealed class BatchIssuer
{
    /// <summary>The report of failed rows written next to the credentials.</summary>
    public const string ErrorsFileName = "errors.csv";

    /// <summary>What became of every row (learner, file, credential id, status), written next to the credentials.</summary>
    public const string ManifestFileName = "manifest.csv";

    private readonly ISigner _signer;
    private readonly Cryptosuite? _suite;
    private readonly TimeProvider _clock;

    /// <summary>Signs with <paramref name="signer"/> in <paramref name="suite"/>; a null suite issues VC-JWTs.</summary>
    public BatchIssuer(ISigner signer, Cryptosuite? suite, TimeProvider? clock = null)
    {
        _signer = signer;
        _suite = suite;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>The file a credential id is written to: <c>&lt;uuid&gt;.json</c>, or <c>&lt;uuid&gt;.jwt</c> for a VC-JWT.</summary>
    public static string FileNameFor(string credentialId, bool jwt = false) => credentialId["urn:uuid:".Length..] + (jwt ? ".jwt" : ".json");

    /// <summary>
    /// Reads the CSV and template (throwing <see cref="CliInputException"/> for problems that concern every row),
    /// then issues. <paramref name="rowDone"/> is called once per row as it finishes, from any thread.
    /// </summary>
    public async Task<BatchSummary> RunAsync(
        string csvText,
        string csvSource,
        string templateText,
        string templateSource,
        string outputDirectory,
        string keyController,
        bool force,
        int parallelism,
        Action<int>? started,
        Action<RowOutcome>? rowDone,
        CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var records = CsvReader.Parse(csvText, csvSource);
        if (records.Count == 0 || records[0].Row != 1)
        {
            throw new CliInputException($"'{csvSource}' has no header row: the first line must name the columns ({string.Join(", ", BatchColumns.All)}).");
        }

        var header = ReadHeader(records[0], csvSource);
        var defaultIssuedOn = BatchTemplate.FormatIssuedOn(_clock.GetUtcNow());
        var template = BatchTemplate.Load(templateText, templateSource, keyController, header.Where(h => h is not null).Cast<string>().ToList(), defaultIssuedOn);
        Directory.CreateDirectory(outputDirectory);
        AtomicFile.RemoveLeftovers(outputDirectory);

        var rows = records.Skip(1).ToList();
        started?.Invoke(rows.Count);
        var errors = new ConcurrentBag<RowError>();
        var work = new List<RowWork>(rows.Count);
        var firstRowOfLearner = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in rows)
        {
            var prepared = Prepare(record, header, template);
            // A learner named twice would get one credential id for two rows: the later row is refused, even when
            // the first one failed (fixing it later must not find its file already written by the duplicate).
            if (prepared.LearnerKey is { } learnerKey)
            {
                if (firstRowOfLearner.TryGetValue(learnerKey, out var firstRow))
                {
                    prepared.Errors.Add(new RowError(record.Row, prepared.KeyColumn!, "M1", "$.credentialSubject",
                        $"the same learner as row {firstRow} ({prepared.KeyColumn}); a learner gets one credential per template"));
                }
                else
                {
                    firstRowOfLearner[learnerKey] = record.Row;
                }
            }

            work.Add(prepared);
        }

        var issued = 0;
        var skipped = 0;
        var cancelled = false;
        var outcomes = new RowOutcome?[work.Count];
        try
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, work.Count),
                new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
                async (index, token) =>
                {
                    var row = work[index];
                    var outcome = await IssueRowAsync(row, template, outputDirectory, force, defaultIssuedOn, errors, token).ConfigureAwait(false);
                    outcomes[index] = outcome;
                    if (outcome == RowOutcome.Issued)
                    {
                        Interlocked.Increment(ref issued);
                    }
                    else if (outcome == RowOutcome.Skipped)
                    {
                        Interlocked.Increment(ref skipped);
                    }

                    rowDone?.Invoke(outcome);
                }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancelled = true;
        }

        var sorted = errors.OrderBy(e => e.Row).ThenBy(e => e.Column, StringComparer.Ordinal).ToList();
        WriteErrors(outputDirectory, sorted);
        WriteManifest(outputDirectory, work, outcomes, template);
        return new BatchSummary(rows.Count, issued, skipped, sorted, cancelled, stopwatch.Elapsed);
    }

    private static string?[] ReadHeader(CsvRecord record, string source)
    {
        var header = new string?[record.Fields.Count];
        var unknown = new List<string>();
        for (var i = 0; i < record.Fields.Count; i++)
        {
            var name = BatchColumns.Canonical(record.Fields[i]);
            if (name is null)
            {
                unknown.Add($"'{record.Fields[i]}'");
            }
            else if (header.Contains(name))
            {
                throw new CliInputException($"'{source}' header: column '{name}' appears twice.");
            }

            header[i] = name;
        }

        if (unknown.Count > 0)
        {
            throw new CliInputException($"'{source}' header: unknown column{(unknown.Count == 1 ? "" : "s")} {string.Join(", ", unknown)}; the columns are {string.Join(", ", BatchColumns.All)} (docs/batch-issuing.md).");
        }

        if (!BatchColumns.LearnerKeys.Any(header.Contains))
        {
            throw new CliInputException($"'{source}' header: no learner column; give at least one of {string.Join(", ", BatchColumns.LearnerKeys)}.");
        }

        return header;
    }

    private static RowWork Prepare(CsvRecord record, string?[] header, BatchTemplate template)
    {
        var work = new RowWork(record);
        if (record.Fields.Count != header.Length)
        {
            work.Errors.Add(new RowError(record.Row, "", "csv", "$", $"the row has {record.Fields.Count} field{(record.Fields.Count == 1 ? "" : "s")}; the header has {header.Length} (CSV line {record.Line})"));
            return work;
        }

        for (var i = 0; i < header.Length; i++)
        {
            work.Values[header[i]!] = record.Fields[i].Trim();
            if (BatchColumns.Problem(header[i]!, work.Values[header[i]!]) is { } problem)
            {
                work.Errors.Add(new RowError(record.Row, header[i]!, BatchColumns.ElementOf(header[i]!), BatchColumns.PathOf(header[i]!), problem));
            }
        }

        if (work.Values.TryGetValue(BatchColumns.Email, out var email) && email.Length > 0 && EmailAddresses.Problem(email) is { } emailProblem)
        {
            work.Errors.Add(new RowError(record.Row, BatchColumns.Email, "M1", "$.credentialSubject.identifier", emailProblem));
        }

        if (template.GradeNeedsValue && (!work.Values.TryGetValue(BatchColumns.Grade, out var grade) || grade.Length == 0))
        {
            work.Errors.Add(new RowError(record.Row, BatchColumns.Grade, "O3", "$.credentialSubject.result[0].value", "the grade is empty; the template's grade has no value of its own, so every row must give one"));
        }

        foreach (var column in BatchColumns.LearnerKeys)
        {
            if (work.Values.TryGetValue(column, out var value) && value.Length > 0)
            {
                work.KeyColumn = column;
                work.LearnerKey = column + ":" + (column == BatchColumns.Email ? value.ToLowerInvariant() : value);
                break;
            }
        }

        if (work.LearnerKey is null)
        {
            work.Errors.Add(new RowError(record.Row, string.Join("|", BatchColumns.LearnerKeys.Where(header.Contains)), "M1", "$.credentialSubject",
                "the learner is missing: the row has no learnerId, studentNumber or email"));
        }

        return work;
    }

    private async Task<RowOutcome> IssueRowAsync(
        RowWork row, BatchTemplate template, string outputDirectory, bool force, string defaultIssuedOn, ConcurrentBag<RowError> errors, CancellationToken cancellationToken)
    {
        if (row.Errors.Count > 0)
        {
            Report(row.Errors, errors);
            return RowOutcome.Failed;
        }

        var credentialId = template.CredentialIdFor(row.LearnerKey!);
        var path = Path.Combine(outputDirectory, FileNameFor(credentialId, jwt: _suite is null));
        if (!force && File.Exists(path))
        {
            return RowOutcome.Skipped;
        }

        var spec = template.SpecFor(row.Values, credentialId, defaultIssuedOn);
        OpenBadgeCredential credential;
        try
        {
            var builder = MicroCredentialSpec.Parse(spec).ToBuilder();
            if (row.Values.TryGetValue(BatchColumns.Name, out var name) && name.Length > 0)
            {
                builder.AddLearnerIdentifier(name, "name", template.HashIdentifiers, template.Salt);
            }

            credential = builder.Build();
        }
        catch (MicroCredentialValidationException e)
        {
            Report(e.Problems.Select(problem => ToRowError(row, template, problem)), errors);
            return RowOutcome.Failed;
        }

        try
        {
            // The credential was just built for this row: it is signed in place, without the copy SignAsync makes.
            var signed = credential.ToJObject();
            string text;
            if (_suite is null)
            {
                text = await new OpenBadges.Proofs.Jose.VcJwtIssuer(_signer).IssueAsync(signed, cancellationToken).ConfigureAwait(false) + "\n";
            }
            else
            {
                var proof = await DataIntegritySigner.CreateProofAsync(signed, _signer, _suite, new ProofOptions { Clock = _clock }, cancellationToken).ConfigureAwait(false);
                DataIntegritySigner.AttachProof(signed, proof, _suite);
                text = signed.ToString(Formatting.Indented) + "\n";
            }

            var written = AtomicFile.WriteText(path, text, overwrite: force);
            return written ? RowOutcome.Issued : RowOutcome.Skipped;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Canonicalization refusing the document, a full disk: this row is reported, the others go on.
            Report([new RowError(row.Record.Row, "", "sign", "$", $"could not sign or write the credential: {e.Message}")], errors);
            return RowOutcome.Failed;
        }
    }

    private static void Report(IEnumerable<RowError> rowErrors, ConcurrentBag<RowError> errors)
    {
        foreach (var error in rowErrors)
        {
            errors.Add(error);
        }
    }

    /// <summary>A builder or spec problem, blamed on the CSV column that fed the path when there is one.</summary>
    private static RowError ToRowError(RowWork row, BatchTemplate template, MicroCredentialProblem problem)
    {
        var path = problem.JsonPath;
        string column = path switch
        {
            _ when path.StartsWith("$.learner.id", StringComparison.Ordinal) || path.StartsWith("$.credentialSubject.id", StringComparison.Ordinal) => BatchColumns.LearnerId,
            _ when path.StartsWith("$.learner.email", StringComparison.Ordinal) => BatchColumns.Email,
            _ when path.StartsWith("$.learner.studentNumber", StringComparison.Ordinal) => BatchColumns.StudentNumber,
            _ when path.StartsWith("$.credentialSubject.identifier", StringComparison.Ordinal) => IdentifierColumn(row, path),
            _ when path.StartsWith("$.issuedOn", StringComparison.Ordinal) || path.StartsWith("$.validFrom", StringComparison.Ordinal) => BatchColumns.IssuedOn,
            _ when path.StartsWith("$.validUntil", StringComparison.Ordinal) => BatchColumns.ValidUntil,
            _ when path.StartsWith("$.grades", StringComparison.Ordinal) || path.StartsWith("$.credentialSubject.result", StringComparison.Ordinal) => BatchColumns.Grade,
            _ when path.StartsWith("$.evidence[" + template.TemplateEvidenceCount.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) => BatchColumns.EvidenceUrl,
            _ => "",
        };
        return new RowError(row.Record.Row, column, problem.Element, path, problem.Rule);
    }

    // The builder adds identifiers in this order: e-mail, student number (from the spec), then the name.
    private static string IdentifierColumn(RowWork row, string path)
    {
        var order = new[] { BatchColumns.Email, BatchColumns.StudentNumber, BatchColumns.Name }
            .Where(column => row.Values.TryGetValue(column, out var value) && value.Length > 0)
            .ToList();
        var open = path.IndexOf('[', StringComparison.Ordinal);
        var close = path.IndexOf(']', StringComparison.Ordinal);
        return open > 0 && close > open && int.TryParse(path.AsSpan(open + 1, close - open - 1), out var index) && index < order.Count ? order[index] : "";
    }

    private static void WriteErrors(string outputDirectory, IReadOnlyList<RowError> errors)
    {
        var path = Path.Combine(outputDirectory, ErrorsFileName);
        if (errors.Count == 0)
        {
            // A stale report from an earlier run would name rows that are now issued.
            File.Delete(path);
            return;
        }

        var text = new System.Text.StringBuilder(RowError.CsvHeader);
        foreach (var error in errors)
        {
            text.Append(error.ToCsv());
        }

        AtomicFile.WriteText(path, text.ToString());
    }

    /// <summary>
    /// <c>manifest.csv</c>: one record per CSV row, in CSV order — <c>row</c>, <c>learnerColumn</c>, <c>learner</c>,
    /// <c>status</c> (issued, skipped, failed, not-run), <c>file</c> and <c>credentialId</c> (empty unless the file is
    /// there). Rewritten as a whole on every run, atomically, so it always describes the folder as the last run left it.
    /// </summary>
    private void WriteManifest(string outputDirectory, IReadOnlyList<RowWork> work, RowOutcome?[] outcomes, BatchTemplate template)
    {
        var text = new System.Text.StringBuilder(ManifestHeader);
        for (var i = 0; i < work.Count; i++)
        {
            var row = work[i];
            var status = outcomes[i] switch
            {
                RowOutcome.Issued => "issued",
                RowOutcome.Skipped => "skipped",
                RowOutcome.Failed => "failed",
                _ => "not-run", // the run was interrupted before this row
            };
            var learner = row.KeyColumn is { } column ? row.Values[column] : "";
            var hasFile = outcomes[i] is RowOutcome.Issued or RowOutcome.Skipped;
            var credentialId = hasFile ? template.CredentialIdFor(row.LearnerKey!) : "";
            text.Append(CsvReader.Record(
                row.Record.Row.ToString(System.Globalization.CultureInfo.InvariantCulture),
                row.KeyColumn ?? "",
                learner,
                status,
                hasFile ? FileNameFor(credentialId, jwt: _suite is null) : "",
                credentialId));
        }

        AtomicFile.WriteText(Path.Combine(outputDirectory, ManifestFileName), text.ToString());
    }

    /// <summary>The header line of <c>manifest.csv</c>.</summary>
    public static string ManifestHeader => CsvReader.Record("row", "learnerColumn", "learner", "status", "file", "credentialId");

    private sealed class RowWork(CsvRecord record)
    {
        public CsvRecord Record { get; } = record;

        public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

        public List<RowError> Errors { get; } = [];

        public string? LearnerKey { get; set; }

        public string? KeyColumn { get; set; }
    }
}
