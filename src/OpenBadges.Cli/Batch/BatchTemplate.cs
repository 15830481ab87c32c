using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;
using OpenBadges.Canonicalization;
using OpenBadges.Json;
using OpenBadges.Model;

namespace OpenBadges.Cli.Batch;

/// <summary>
/// The shared part of a batch: a micro-credential spec (docs/spec-format.md) without a learner, checked once before
/// any row is issued, with the issuer id and achievement id every credential of the batch shares.
/// </summary>
internal sealed class BatchTemplate
{
    /// <summary>The namespace of the batch's name-based credential ids.</summary>
    private static readonly Guid CredentialIdNamespace = new("3f5b2c61-8a1e-5d4f-9c27-0b6e4d8a1f93");

    private readonly JObject _spec;

    private BatchTemplate(JObject spec, string issuerId, string achievementId, bool gradeNeedsValue)
    {
        _spec = spec;
        IssuerId = issuerId;
        AchievementId = achievementId;
        GradeNeedsValue = gradeNeedsValue;
    }

    /// <summary>The issuer id (the signing key's controller).</summary>
    public string IssuerId { get; }

    /// <summary>The achievement id shared by every credential of the batch.</summary>
    public string AchievementId { get; }

    /// <summary>True when the template's grade has no value, so every row must give one in the <c>grade</c> column.</summary>
    public bool GradeNeedsValue { get; }

    /// <summary>True when the template defines a grade (a <c>grade</c> column then fills its value).</summary>
    public bool HasGrade => _spec["grades"] is JArray { Count: > 0 };

    /// <summary>How many evidence entries the template itself has (an <c>evidenceUrl</c> cell adds one after them).</summary>
    public int TemplateEvidenceCount => _spec["evidence"] is JArray evidence ? evidence.Count : 0;

    /// <summary>
    /// Reads and checks a template. The issuer id defaults to <paramref name="keyController"/>; a different one is
    /// refused (the credentials would not verify). A template naming a learner or a credential id is refused: those
    /// come from each row.
    /// </summary>
    /// <exception cref="CliInputException">The template is not usable; the message lists every problem.</exception>
    public static BatchTemplate Load(string text, string source, string keyController, IReadOnlyCollection<string> columns, string defaultIssuedOn)
    {
        var spec = JsonInput.Parse(text) as JObject ?? throw new CliInputException($"the template '{source}' must be a JSON object (a micro-credential spec without a learner).");
        if (spec["id"] is not null)
        {
            throw new CliInputException($"the template '{source}' sets 'id'; in a batch every credential gets a stable id of its own (remove 'id').");
        }

        if (spec["learner"] is { } learnerToken && learnerToken is not JObject)
        {
            throw new CliInputException($"the template '{source}' has a 'learner' that is not an object; it may hold only 'hash' and 'salt' (learners come from the CSV).");
        }

        if (spec["learner"] is JObject learner)
        {
            var named = new[] { "id", "email", "studentNumber" }.Where(name => learner[name] is not null).ToList();
            if (named.Count > 0)
            {
                throw new CliInputException($"the template '{source}' names a learner ({string.Join(", ", named.Select(n => "learner." + n))}); learners come from the CSV columns learnerId, email and studentNumber.");
            }
        }

        var issuer = spec["issuer"] as JObject;
        if (issuer is not null && issuer["id"] is JValue { Type: JTokenType.String } issuerIdToken)
        {
            if ((string)issuerIdToken! != keyController)
            {
                throw new CliInputException($"the template's issuer.id '{(string?)issuerIdToken}' is not the controller of the signing key ('{keyController}'); verifiers require them to be equal.");
            }
        }
        else if (issuer is not null && issuer["id"] is null)
        {
            issuer["id"] = keyController;
        }

        var gradeNeedsValue = false;
        if (spec["grades"] is JArray { Count: > 0 } grades && grades[0] is JObject firstGrade && firstGrade["value"] is null)
        {
            gradeNeedsValue = true;
        }

        if (columns.Contains(BatchColumns.Grade) && spec["grades"] is not JArray { Count: > 0 })
        {
            throw new CliInputException($"the CSV has a 'grade' column but the template '{source}' defines no grade: add one to 'grades' (id, name, resultType; the value comes from the column).");
        }

        if (gradeNeedsValue && !columns.Contains(BatchColumns.Grade))
        {
            throw new CliInputException($"the template's grades[0] has no value and the CSV has no 'grade' column to give one.");
        }

        var achievementId = (string?)spec["achievementId"];
        if (achievementId is null)
        {
            // Every credential of the batch shares one achievement: derive its id from the template's content.
            var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Jcs.Canonicalize(spec))));
            achievementId = "urn:uuid:" + NameBasedUuid.Create(CredentialIdNamespace, "achievement\n" + keyController + "\n" + digest);
            spec["achievementId"] = achievementId;
        }

        var template = new BatchTemplate(spec, keyController, achievementId, gradeNeedsValue);

        // Check the shared part once, with a stand-in learner: a problem here would fail every row.
        var probe = template.SpecFor(new Dictionary<string, string>
        {
            [BatchColumns.LearnerId] = "did:example:batch-template-check",
            [BatchColumns.Grade] = "template-check",
        }, "urn:uuid:00000000-0000-5000-8000-000000000000", defaultIssuedOn);
        var problems = MicroCredentialSpec.Check(probe)
            .Where(problem => !IsRowPath(problem.JsonPath))
            .ToList();
        if (problems.Count > 0)
        {
            var lines = string.Join(Environment.NewLine, problems.Select(p => $"  {p.Element,-4} {p.JsonPath}: {p.Rule}"));
            throw new CliInputException($"the template '{source}' is not a complete micro-credential apart from the learner ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):{Environment.NewLine}{lines}");
        }

        return template;
    }

    /// <summary>The stable credential id of the learner with <paramref name="learnerKey"/>: a version-5 UUID of issuer, achievement and learner.</summary>
    public string CredentialIdFor(string learnerKey) =>
        "urn:uuid:" + NameBasedUuid.Create(CredentialIdNamespace, IssuerId + "\n" + AchievementId + "\n" + learnerKey);

    /// <summary>The spec of one row: the template with the row's values in place.</summary>
    public JObject SpecFor(IReadOnlyDictionary<string, string> values, string credentialId, string defaultIssuedOn)
    {
        var spec = (JObject)_spec.DeepClone();
        spec["id"] = credentialId;
        var learner = spec["learner"] as JObject ?? new JObject();
        spec["learner"] = learner;
        SetIfPresent(learner, "id", values, BatchColumns.LearnerId);
        SetIfPresent(learner, "email", values, BatchColumns.Email);
        SetIfPresent(learner, "studentNumber", values, BatchColumns.StudentNumber);
        if (!SetIfPresent(spec, "issuedOn", values, BatchColumns.IssuedOn) && spec["issuedOn"] is null)
        {
            spec["issuedOn"] = defaultIssuedOn;
        }

        SetIfPresent(spec, "validUntil", values, BatchColumns.ValidUntil);
        if (spec["grades"] is JArray { Count: > 0 } grades && grades[0] is JObject grade)
        {
            SetIfPresent(grade, "value", values, BatchColumns.Grade);
        }

        if (values.TryGetValue(BatchColumns.EvidenceUrl, out var evidenceUrl) && evidenceUrl.Length > 0)
        {
            var evidence = spec["evidence"] as JArray ?? new JArray();
            evidence.Add(new JObject { ["id"] = evidenceUrl });
            spec["evidence"] = evidence;
        }

        return spec;
    }

    /// <summary>The template's <c>learner.hash</c> (default true): whether identifiers are hashed.</summary>
    public bool HashIdentifiers => _spec["learner"]?["hash"] is not JValue { Type: JTokenType.Boolean } hash || (bool)hash;

    /// <summary>The template's <c>learner.salt</c>, if it fixes one.</summary>
    public string? Salt => _spec["learner"]?["salt"] is JValue { Type: JTokenType.String } salt ? (string?)salt : null;

    /// <summary>Now, as the batch's default date of issuing (whole seconds, UTC).</summary>
    public static string FormatIssuedOn(DateTimeOffset now) =>
        now.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static bool IsRowPath(string path) =>
        path.StartsWith("$.learner", StringComparison.Ordinal) || path.StartsWith("$.credentialSubject.id", StringComparison.Ordinal) || path == "$.credentialSubject";

    private static bool SetIfPresent(JObject target, string name, IReadOnlyDictionary<string, string> values, string column)
    {
        if (values.TryGetValue(column, out var value) && value.Length > 0)
        {
            target[name] = value;
            return true;
        }

        return false;
    }
}
