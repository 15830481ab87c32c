using System.Globalization;
using OpenBadges.Model;

namespace OpenBadges.Rendering;

/// <summary>
/// Turns the library's <see cref="MicroCredentialView"/> into what the page shows: which values each element has, which
/// phrase translates them and which become links. The page reads no JSON itself.
/// </summary>
internal static class CertificateContentMapping
{
    private const string Achievement = "$.credentialSubject.achievement";

    public static CertificateContent From(MicroCredentialView view)
    {
        var issuer = view.AwardingBody?.Value;
        var mandatory = new List<CertificateElement>
        {
            new("M1", Learner(view), "$.credentialSubject"),
            Single("M2", view.Title, Achievement + ".name"),
            new("M3", view.CountryCode is { } country ? [new(country.Value, Term: "country." + country.Value)] : [], Source(view.CountryCode, "$.issuer.address.addressCountryCode")),
            new("M4", AwardingBody(issuer), "$.issuer"),
            Single("M5", view.IssuedOn, "$.validFrom", "date"),
            new("M6", Outcomes(view), Achievement + ".alignment[ext:LearningOutcome]"),
            new("M7", Workload(view), Achievement + ".ECTS"),
            new("M8", Level(view), Achievement + ".alignment[ext:EQF]"),
            Single("M9", view.AssessmentTypeText, Achievement + ".assessmentType", "assessment"),
            Single("M10", view.ParticipationTypeText, Achievement + ".participationType", "participation"),
            new("M11", Aligned(view.QualityAssurance), Achievement + ".alignment[ext:QualityAssurance]"),
        };
        var optional = new List<CertificateElement>
        {
            Single("O1", view.Prerequisites, Achievement + ".prerequisites"),
            new("O2", Supervision(view), Achievement + ".supervisionType"),
            new("O3", Grades(view), "$.credentialSubject.result"),
            new("O4", Stackability(view), Achievement + ".stackability"),
            new("O5", Further(view), Achievement + ".description"),
        };

        return new CertificateContent(
            Title: view.Title?.Value ?? view.CredentialName?.Value ?? "—",
            Description: view.Description?.Value,
            CredentialId: view.Id?.Value,
            Language: view.Language?.Value ?? view.CredentialLanguage?.Value,
            IsEuropeanMicroCredential: view.IsEuropeanMicroCredential,
            IssuerName: issuer?.Name,
            IssuerId: issuer?.Id,
            IssuedOn: view.IssuedOn?.Value,
            Mandatory: mandatory,
            Optional: optional.Where(e => e.Values.Count > 0).ToList());
    }

    private static CertificateElement Single(string code, Sourced<string>? text, string location, string? termPrefix = null) =>
        new(code, text is null ? [] : [new(text.Value, Term: termPrefix is null ? null : termPrefix + "." + text.Value)], Source(text, location));

    // Where the element was read from; where it is missing, where the page looked for it.
    private static string Source<T>(Sourced<T>? read, string location) => read is null ? location : "$." + read.Path;

    private static List<CertificateValue> Learner(MicroCredentialView view)
    {
        var values = new List<CertificateValue>();
        if (view.LearnerId is { } id)
        {
            values.Add(new(id.Value));
        }

        foreach (var identity in view.LearnerIdentifiers.Select(i => i.Value))
        {
            var type = identity.IdentityType ?? "identifier";
            values.Add(identity.Hashed ? new(type, Term: "identity.hashed." + type) : new(identity.IdentityHash, Term: "identity.plain." + type));
        }

        return values;
    }

    private static List<CertificateValue> AwardingBody(AwardingBodyView? issuer)
    {
        if (issuer is null)
        {
            return [];
        }

        if (issuer.ReferenceOnly)
        {
            return [new(issuer.Id ?? "—")];
        }

        var values = new List<CertificateValue> { new(issuer.Name ?? issuer.Id ?? "—", Url: Web(issuer.Url)) };
        values.AddRange(issuer.OtherIdentifiers.Select(Identifier));
        return values;
    }

    private static List<CertificateValue> Outcomes(MicroCredentialView view)
    {
        var values = Aligned(view.LearningOutcomes);
        if (view.LearningOutcomesSummary is { } summary)
        {
            values.Add(new(summary.Value, Term: "outcomes.summary"));
        }

        return values;
    }

    private static List<CertificateValue> Workload(MicroCredentialView view)
    {
        var values = new List<CertificateValue>();
        if (view.Ects is { } ects)
        {
            values.Add(new(Number(ects), Term: "workload.ects"));
        }

        if (view.Sbu is { } sbu)
        {
            values.Add(new(Number(sbu), Term: "workload.sbu"));
        }

        if (values.Count == 0 && view.CreditsAvailable is { } credits)
        {
            values.Add(new(Number(credits), Term: "workload.credits"));
        }

        return values;
    }

    private static List<CertificateValue> Level(MicroCredentialView view)
    {
        var values = view.EqfAlignments
            .Select(a => new CertificateValue(a.Value.TargetCode ?? "?", Web(a.Value.TargetUrl), "level.eqf"))
            .ToList();
        if (values.Count == 0 && view.HasAchievement)
        {
            values.Add(new("", Term: "level.none"));
        }

        return values;
    }

    private static List<CertificateValue> Supervision(MicroCredentialView view)
    {
        var values = new List<CertificateValue>();
        if (view.SupervisionTypeText is { } type)
        {
            values.Add(new(type.Value, Term: "supervision." + type.Value));
        }

        if (view.IdentityChecked is { } identityChecked)
        {
            values.Add(new("", Term: identityChecked.Value ? "identity.checked" : "identity.unchecked"));
        }

        return values;
    }

    private static List<CertificateValue> Grades(MicroCredentialView view) =>
        view.Grades.Select(g => g.Value)
            .Select(g => new CertificateValue(
                $"{g.Name ?? "—"}: {g.Value ?? g.Status ?? "—"}{(g.ValueMin is { } min && g.ValueMax is { } max ? $" ({min}–{max})" : "")}"))
            .ToList();

    private static List<CertificateValue> Stackability(MicroCredentialView view)
    {
        var values = new List<CertificateValue>();
        if (view.StackabilityText is { } stackability)
        {
            values.Add(new(stackability.Value, Term: "stackability." + stackability.Value));
        }

        values.AddRange(Aligned(view.PartOf).Select(v => v with { Term = "stackability.partOf" }));
        return values;
    }

    private static List<CertificateValue> Further(MicroCredentialView view)
    {
        var values = new List<CertificateValue>();
        if (Web(view.CriteriaUrl?.Value) is { } criteria)
        {
            values.Add(new(criteria, criteria, "further.criteria"));
        }

        values.AddRange(view.ProgrammeIdentifiers.Select(i => Identifier(i.Value)));
        return values;
    }

    private static List<CertificateValue> Aligned(IReadOnlyList<Sourced<AlignmentView>> alignments) =>
        alignments.Select(a => a.Value)
            .Select(a => new CertificateValue(a.TargetName ?? a.TargetUrl ?? "—", Web(a.TargetUrl), Detail: a.TargetDescription))
            .ToList();

    private static CertificateValue Identifier(IdentifierView identifier)
    {
        var type = identifier.IdentifierType switch
        {
            "ext:BRIN" => "BRIN",
            "ext:CROHO" => "CROHO",
            "ext:CREBO" => "CREBO",
            { } other => other,
            null => "—",
        };
        return new($"{type} {identifier.Identifier}");
    }

    private static string Number(Sourced<decimal> number) => number.Value.ToString(CultureInfo.InvariantCulture);

    // Only web addresses become links: a credential's javascript: or data: URL stays text.
    private static string? Web(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? url : null;
}
