using System.Globalization;
using Newtonsoft.Json.Linq;

namespace OpenBadges.Rendering;

/// <summary>
/// Reads the European elements where DESIGN §3 puts them in OB 3.0 JSON. Tolerant: a missing or odd-shaped member is
/// simply an element without values (the verification result on the page says whether the credential is sound).
/// </summary>
internal sealed class JsonCertificateContentReader : ICertificateContentReader
{
    public static JsonCertificateContentReader Instance { get; } = new();

    public CertificateContent Read(JObject credential)
    {
        var subject = First(credential["credentialSubject"]) as JObject;
        var achievement = subject?["achievement"] as JObject;
        var issuerToken = credential["issuer"];
        var issuer = issuerToken as JObject;
        var alignments = Many(achievement?["alignment"]).OfType<JObject>().ToList();
        const string A = "$.credentialSubject.achievement";

        var mandatory = new List<CertificateElement>
        {
            new("M1", Learner(subject), "$.credentialSubject"),
            new("M2", Values(Text(achievement?["name"])), A + ".name"),
            new("M3", Country(issuer), "$.issuer.address.addressCountryCode"),
            new("M4", AwardingBody(issuerToken), "$.issuer"),
            new("M5", Values(Text(credential["validFrom"]) ?? Text(credential["issuanceDate"]), "date"), "$.validFrom"),
            new("M6", Outcomes(achievement, alignments), A + ".alignment[ext:LearningOutcome]"),
            new("M7", Workload(achievement), A + ".ECTS"),
            new("M8", Level(alignments, achievement is not null), A + ".alignment[ext:EQF]"),
            new("M9", Values(Text(achievement?["assessmentType"]), "assessment"), A + ".assessmentType"),
            new("M10", Values(Text(achievement?["participationType"]), "participation"), A + ".participationType"),
            new("M11", Aligned(alignments, "ext:QualityAssurance"), A + ".alignment[ext:QualityAssurance]"),
        };
        var optional = new List<CertificateElement>
        {
            new("O1", Values(Text(achievement?["prerequisites"])), A + ".prerequisites"),
            new("O2", Supervision(achievement), A + ".supervisionType"),
            new("O3", Grades(subject, achievement), "$.credentialSubject.result"),
            new("O4", Stackability(achievement, alignments), A + ".stackability"),
            new("O5", Further(achievement), A + ".description"),
        };

        return new CertificateContent(
            Title: Text(achievement?["name"]) ?? Text(credential["name"]) ?? "—",
            Description: Text(achievement?["description"]),
            CredentialId: Text(credential["id"]),
            Language: Text(achievement?["inLanguage"]) ?? Text(credential["inLanguage"]),
            IsEuropeanMicroCredential: Many(achievement?["type"]).Any(t => Text(t) == "EuropeanMicroCredential"),
            IssuerName: Text(issuer?["name"]),
            IssuerId: Text(issuer?["id"]) ?? Text(issuerToken),
            IssuerUrl: Text(issuer?["url"]),
            IssuedOn: Text(credential["validFrom"]) ?? Text(credential["issuanceDate"]),
            Mandatory: mandatory,
            Optional: optional.Where(e => e.Values.Count > 0).ToList());
    }

    private static List<CertificateValue> Learner(JObject? subject)
    {
        var values = new List<CertificateValue>();
        if (Text(subject?["id"]) is { } id)
        {
            values.Add(new(id));
        }

        foreach (var identity in Many(subject?["identifier"]).OfType<JObject>())
        {
            var type = Text(identity["identityType"]) ?? "identifier";
            var hashed = identity["hashed"] is JValue { Type: JTokenType.Boolean } flag && (bool)flag;
            values.Add(hashed ? new(type, Term: "identity.hashed." + type) : new(Text(identity["identityHash"]) ?? "", Term: "identity.plain." + type));
        }

        return values;
    }

    private static List<CertificateValue> Country(JObject? issuer)
    {
        var address = issuer?["address"] as JObject;
        return Text(address?["addressCountryCode"]) is { } code ? [new(code, Term: "country." + code)] : [];
    }

    private static List<CertificateValue> AwardingBody(JToken? issuerToken)
    {
        if (Text(issuerToken) is { } reference)
        {
            return [new(reference)];
        }

        if (issuerToken is not JObject issuer)
        {
            return [];
        }

        var values = new List<CertificateValue> { new(Text(issuer["name"]) ?? Text(issuer["id"]) ?? "—", Url: Web(Text(issuer["url"]))) };
        foreach (var other in Many(issuer["otherIdentifier"]).OfType<JObject>())
        {
            values.Add(new($"{Identifier(Text(other["identifierType"]))} {Text(other["identifier"])}"));
        }

        return values;
    }

    private static List<CertificateValue> Outcomes(JObject? achievement, List<JObject> alignments)
    {
        var values = Aligned(alignments, "ext:LearningOutcome");
        if (Text(achievement?["criteria"]?["narrative"]) is { } summary)
        {
            values.Add(new(summary, Term: "outcomes.summary"));
        }

        return values;
    }

    private static List<CertificateValue> Workload(JObject? achievement)
    {
        var values = new List<CertificateValue>();
        if (Number(achievement?["ECTS"]) is { } ects)
        {
            values.Add(new(ects, Term: "workload.ects"));
        }

        if (Number(achievement?["SBU"]) is { } sbu)
        {
            values.Add(new(sbu, Term: "workload.sbu"));
        }

        if (values.Count == 0 && Number(achievement?["creditsAvailable"]) is { } credits)
        {
            values.Add(new(credits, Term: "workload.credits"));
        }

        return values;
    }

    private static List<CertificateValue> Level(List<JObject> alignments, bool hasAchievement)
    {
        var values = alignments.Where(a => Text(a["targetType"]) == "ext:EQF")
            .Select(a => new CertificateValue(Text(a["targetCode"]) ?? "?", Web(Text(a["targetUrl"])), "level.eqf"))
            .ToList();
        if (values.Count == 0 && hasAchievement)
        {
            values.Add(new("", Term: "level.none"));
        }

        return values;
    }

    private static List<CertificateValue> Supervision(JObject? achievement)
    {
        var values = new List<CertificateValue>();
        if (Text(achievement?["supervisionType"]) is { } type)
        {
            values.Add(new(type, Term: "supervision." + type));
        }

        if (achievement?["identityChecked"] is JValue { Type: JTokenType.Boolean } checkedValue)
        {
            values.Add(new("", Term: (bool)checkedValue ? "identity.checked" : "identity.unchecked"));
        }

        return values;
    }

    private static List<CertificateValue> Grades(JObject? subject, JObject? achievement)
    {
        var descriptions = new Dictionary<string, JObject>(StringComparer.Ordinal);
        foreach (var description in Many(achievement?["resultDescription"]).OfType<JObject>())
        {
            descriptions.TryAdd(Text(description["id"]) ?? "", description);
        }

        var values = new List<CertificateValue>();
        foreach (var result in Many(subject?["result"]).OfType<JObject>())
        {
            descriptions.TryGetValue(Text(result["resultDescription"]) ?? "", out var description);
            var value = Text(result["value"]) ?? Text(result["status"]) ?? "—";
            var scale = Text(description?["valueMin"]) is { } min && Text(description?["valueMax"]) is { } max ? $" ({min}–{max})" : "";
            values.Add(new($"{Text(description?["name"]) ?? "—"}: {value}{scale}"));
        }

        return values;
    }

    private static List<CertificateValue> Stackability(JObject? achievement, List<JObject> alignments)
    {
        var values = new List<CertificateValue>();
        if (Text(achievement?["stackability"]) is { } stackability)
        {
            values.Add(new(stackability, Term: "stackability." + stackability));
        }

        values.AddRange(Aligned(alignments, "ceterms:Credential").Select(v => v with { Term = "stackability.partOf" }));
        return values;
    }

    private static List<CertificateValue> Further(JObject? achievement)
    {
        var values = new List<CertificateValue>();
        if (Web(Text(achievement?["criteria"]?["id"])) is { } criteria)
        {
            values.Add(new(criteria, criteria, "further.criteria"));
        }

        foreach (var identifier in Many(achievement?["otherIdentifier"]).OfType<JObject>())
        {
            values.Add(new($"{Identifier(Text(identifier["identifierType"]))} {Text(identifier["identifier"])}"));
        }

        return values;
    }

    private static List<CertificateValue> Aligned(List<JObject> alignments, string targetType) =>
        alignments.Where(a => Text(a["targetType"]) == targetType)
            .Select(a => new CertificateValue(Text(a["targetName"]) ?? Text(a["targetUrl"]) ?? "—", Web(Text(a["targetUrl"])), Detail: Text(a["targetDescription"])))
            .ToList();

    private static List<CertificateValue> Values(string? text, string? termPrefix = null) =>
        text is null ? [] : [new(text, Term: termPrefix is null ? null : termPrefix + "." + text)];

    private static string Identifier(string? type) => type switch
    {
        "ext:BRIN" => "BRIN",
        "ext:CROHO" => "CROHO",
        "ext:CREBO" => "CREBO",
        { } other => other,
        null => "—",
    };

    // Only web addresses become links: a credential's javascript: or data: URL stays text.
    private static string? Web(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? url : null;

    private static string? Text(JToken? token) => token is JValue { Type: JTokenType.String } value ? (string?)value : null;

    private static string? Number(JToken? token) => token is JValue { Type: JTokenType.Integer or JTokenType.Float } value
        ? Convert.ToString(value.Value, CultureInfo.InvariantCulture)
        : null;

    private static JToken? First(JToken? token) => token is JArray array ? array.FirstOrDefault() : token;

    private static IEnumerable<JToken> Many(JToken? token) => token switch
    {
        null => [],
        JArray array => array,
        _ => [token],
    };
}
