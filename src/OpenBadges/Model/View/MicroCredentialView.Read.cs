using System.Globalization;
using Newtonsoft.Json.Linq;

namespace OpenBadges.Model;

public sealed partial class MicroCredentialView
{
    private const string EqfLevelIriPrefix = "http://data.europa.eu/snb/eqf/";

    /// <summary>Reads the European elements of <paramref name="credential"/> (an OB 3.0 credential's JSON). Never throws on content.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="credential"/> is null.</exception>
    public static MicroCredentialView Read(JObject credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var reader = new PathReader(credential);
        var subject = First(credential["credentialSubject"]) as JObject;
        var achievement = subject?["achievement"] as JObject;
        var issuerToken = credential["issuer"];
        var issuer = issuerToken as JObject;
        var address = issuer?["address"] as JObject;
        var alignments = Many(achievement?["alignment"]).OfType<JObject>().ToList();
        var eqf = Aligned(reader, alignments, "ext:EQF");

        return new MicroCredentialView
        {
            Id = reader.Text(credential["id"]),
            CredentialName = reader.Text(credential["name"]),
            IsEuropeanMicroCredential = Many(achievement?["type"]).Any(t => Text(t) == "EuropeanMicroCredential"),
            IsOpenBadgeCredential = Many(credential["type"]).Any(t => Text(t) is "OpenBadgeCredential" or "AchievementCredential"),
            HasAchievement = achievement is not null,
            LearnerId = reader.Text(subject?["id"]),
            LearnerIdentifiers = Many(subject?["identifier"]).OfType<JObject>()
                .Select(identity => reader.At(identity, new LearnerIdentifierView(
                    Text(identity["identityType"]),
                    Text(identity["identityHash"]) ?? "",
                    identity["hashed"] is JValue { Type: JTokenType.Boolean } flag && (bool)flag,
                    identity["salt"] is not null)))
                .ToList(),
            Title = reader.Text(achievement?["name"]),
            CountryCode = reader.Text(address?["addressCountryCode"]),
            CountryName = reader.Text(address?["addressCountry"]),
            Locality = reader.Text(address?["addressLocality"]),
            AwardingBody = AwardingBodyOf(reader, issuerToken),
            IssuedOn = reader.Text(credential["validFrom"]) ?? reader.Text(credential["issuanceDate"]),
            AwardedDate = reader.Text(credential["awardedDate"]),
            ValidUntil = reader.Text(credential["validUntil"]) ?? reader.Text(credential["expirationDate"]),
            LearningOutcomes = Aligned(reader, alignments, "ext:LearningOutcome"),
            LearningOutcomesSummary = reader.Text(achievement?["criteria"]?["narrative"]),
            Ects = reader.Number(achievement?["ECTS"]),
            Sbu = reader.Number(achievement?["SBU"]),
            TimeInvestmentHours = reader.Number(achievement?["timeInvestment"]),
            CreditsAvailable = reader.Number(achievement?["creditsAvailable"]),
            EqfAlignments = eqf,
            EqfLevel = eqf.Count == 0 ? null : EqfLevelOf(reader, alignments.First(a => Text(a["targetType"]) == "ext:EQF")),
            AssessmentTypeText = reader.Text(achievement?["assessmentType"]),
            ParticipationTypeText = reader.Text(achievement?["participationType"]),
            QualityAssurance = Aligned(reader, alignments, "ext:QualityAssurance"),
            Prerequisites = reader.Text(achievement?["prerequisites"]),
            SupervisionTypeText = reader.Text(achievement?["supervisionType"]),
            IdentityChecked = achievement?["identityChecked"] is JValue { Type: JTokenType.Boolean } identityChecked
                ? reader.At(identityChecked, (bool)identityChecked)
                : null,
            Grades = GradesOf(reader, subject, achievement),
            StackabilityText = reader.Text(achievement?["stackability"]),
            PartOf = Aligned(reader, alignments, "ceterms:Credential"),
            Description = reader.Text(achievement?["description"]),
            CriteriaUrl = reader.Text(achievement?["criteria"]?["id"]),
            ProgrammeIdentifiers = Identifiers(reader, achievement?["otherIdentifier"]),
            Evidence = Many(credential["evidence"]).OfType<JObject>()
                .Select(e => reader.At(e, new EvidenceView(Text(e["id"]), Text(e["name"]))))
                .ToList(),
            Language = reader.Text(achievement?["inLanguage"]),
            CredentialLanguage = reader.Text(credential["inLanguage"]),
            AchievementId = reader.Text(achievement?["id"]),
        };
    }

    private static Sourced<AwardingBodyView>? AwardingBodyOf(PathReader reader, JToken? issuerToken) => issuerToken switch
    {
        JValue { Type: JTokenType.String } reference => reader.At(reference, new AwardingBodyView((string?)reference, null, null, [], referenceOnly: true)),
        JObject issuer => reader.At(issuer, new AwardingBodyView(
            Text(issuer["id"]),
            Text(issuer["name"]),
            Text(issuer["url"]),
            Identifiers(reader, issuer["otherIdentifier"]).Select(i => i.Value).ToList(),
            referenceOnly: false)),
        _ => null,
    };

    private static List<Sourced<IdentifierView>> Identifiers(PathReader reader, JToken? token) =>
        Many(token).OfType<JObject>()
            .Select(o => reader.At(o, new IdentifierView(Text(o["identifier"]), Text(o["identifierType"]))))
            .ToList();

    private static List<Sourced<AlignmentView>> Aligned(PathReader reader, List<JObject> alignments, string targetType) =>
        alignments.Where(a => Text(a["targetType"]) == targetType)
            .Select(a => reader.At(a, new AlignmentView(
                Text(a["targetName"]), Text(a["targetUrl"]), Text(a["targetDescription"]), Text(a["targetCode"]), Text(a["targetFramework"]))))
            .ToList();

    private static Sourced<int>? EqfLevelOf(PathReader reader, JObject alignment)
    {
        if (alignment["targetCode"] is JValue { Type: JTokenType.String } code
            && int.TryParse((string?)code, NumberStyles.None, CultureInfo.InvariantCulture, out var level))
        {
            return reader.At(code, level);
        }

        if (alignment["targetUrl"] is JValue { Type: JTokenType.String } url
            && ((string?)url)!.StartsWith(EqfLevelIriPrefix, StringComparison.Ordinal)
            && int.TryParse(((string?)url)![EqfLevelIriPrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out level))
        {
            return reader.At(url, level);
        }

        return null;
    }

    private static List<Sourced<GradeView>> GradesOf(PathReader reader, JObject? subject, JObject? achievement)
    {
        var descriptions = new Dictionary<string, JObject>(StringComparer.Ordinal);
        foreach (var description in Many(achievement?["resultDescription"]).OfType<JObject>())
        {
            descriptions.TryAdd(Text(description["id"]) ?? "", description);
        }

        var grades = new List<Sourced<GradeView>>();
        foreach (var result in Many(subject?["result"]).OfType<JObject>())
        {
            descriptions.TryGetValue(Text(result["resultDescription"]) ?? "", out var description);
            grades.Add(reader.At(result, new GradeView(
                Text(description?["name"]),
                Text(result["value"]),
                Text(result["status"]),
                Text(description?["resultType"]),
                Text(description?["requiredValue"]),
                Text(description?["valueMin"]),
                Text(description?["valueMax"]))));
        }

        return grades;
    }

    private static string? Text(JToken? token) => token is JValue { Type: JTokenType.String } value ? (string?)value : null;

    private static JToken? First(JToken? token) => token is JArray array ? array.FirstOrDefault() : token;

    private static IEnumerable<JToken> Many(JToken? token) => token switch
    {
        null => [],
        JArray array => array,
        _ => [token],
    };

    /// <summary>Makes <see cref="Sourced{T}"/> values with paths relative to the credential, even when it is nested (a JWT's <c>vc</c> claim).</summary>
    private sealed class PathReader(JObject credential)
    {
        private readonly string _rootPath = credential.Path;

        public Sourced<T> At<T>(JToken token, T value) => new(value, Relative(token.Path));

        public Sourced<string>? Text(JToken? token) =>
            token is JValue { Type: JTokenType.String } value ? At(value, (string)value!) : null;

        public Sourced<decimal>? Number(JToken? token)
        {
            if (token is not JValue { Type: JTokenType.Integer or JTokenType.Float } value)
            {
                return null;
            }

            try
            {
                return At(value, Convert.ToDecimal(value.Value, CultureInfo.InvariantCulture));
            }
            catch (Exception e) when (e is OverflowException or InvalidCastException)
            {
                // A number beyond decimal's range is no plausible workload; it reads as missing rather than failing.
                return null;
            }
        }

        private string Relative(string path) =>
            _rootPath.Length == 0 ? path
            : path.StartsWith(_rootPath, StringComparison.Ordinal) ? path[_rootPath.Length..].TrimStart('.')
            : path;
    }
}
