using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using OpenBadges.Internal;
using OpenBadges.Model;

namespace OpenBadges.Elm;

/// <summary>
/// Exports an Open Badges 3.0 European micro-credential as a European Learning Model (ELM 3.2)
/// <c>EuropeanDigitalCredential</c>: every Annex I element at its ELM path, EU controlled vocabularies as IRIs
/// (docs/elm-mapping.md has the table). The result is unsealed; sealing is the institution's service (<see cref="IElmSealer"/>).
/// </summary>
/// <remarks>
/// The export refuses rather than guesses: a learner known only by a hash (ELM needs the name), a missing given or
/// family name, an EQF level outside 1–8, a country that is not an ISO 3166-1 code, and any missing mandatory
/// element are reported together, each naming its element and path.
/// </remarks>
public static partial class ElmExport
{
    /// <summary>The JSON-LD contexts of an EDC credential: VC 1.1 and the EDC application profile.</summary>
    public static IReadOnlyList<string> Contexts { get; } = ["https://www.w3.org/2018/credentials/v1", "http://data.europa.eu/snb/model/context/edc-ap"];

    /// <summary>The SHACL shapes of the generic EDC application profile (the credential's <c>credentialSchema</c>).</summary>
    public const string EdcGenericSchema = "http://data.europa.eu/snb/model/ap/edc-generic-full";

    /// <summary>Exports <paramref name="credential"/> (OB 3.0 JSON).</summary>
    /// <exception cref="ElmExportException">An element ELM needs is missing or not exportable without guessing.</exception>
    public static JObject ToElm(JObject credential, ElmExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return ToElm(MicroCredentialView.Read(credential), options);
    }

    /// <summary>Exports the elements read by <see cref="MicroCredentialView.Read"/>.</summary>
    /// <exception cref="ElmExportException">An element ELM needs is missing or not exportable without guessing.</exception>
    public static JObject ToElm(MicroCredentialView view, ElmExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        options ??= new ElmExportOptions();
        if (options.CredentialId is { } id && !IsAbsoluteUri(id))
        {
            throw ElmErrors.CredentialIdNotAbsolute(nameof(options), id);
        }

        var problems = new List<MicroCredentialProblem>();
        var checkedInput = Check(view, options, problems);
        if (problems.Count > 0)
        {
            throw ElmErrors.NotExportable(problems);
        }

        return Write(view, options, checkedInput!);
    }

    /// <summary>Exports and hands the ELM credential to the institution's sealing service; returns what the service returns.</summary>
    /// <exception cref="ElmExportException">As <see cref="ToElm(JObject, ElmExportOptions?)"/>.</exception>
    public static async ValueTask<string> ToSealedElmAsync(JObject credential, IElmSealer sealer, ElmExportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(sealer);
        return await sealer.SealAsync(ToElm(credential, options), cancellationToken).ConfigureAwait(false);
    }

    // Far above any micro-credential (a full bachelor is 240 ECTS, 6,720 hours); keeps the duration arithmetic in range.
    private const decimal MaxWorkload = 100_000m;

    private sealed record CheckedInput(ElmLearner Learner, string Language, string CountryIri, int? EqfLevel, string IssuedOn);

    private static CheckedInput? Check(MicroCredentialView view, ElmExportOptions options, List<MicroCredentialProblem> problems)
    {
        void Refuse(string element, string path, string rule) => problems.Add(new MicroCredentialProblem(element, "$." + path, rule));

        // M1: ELM's credentialSubject is a Person with given and family name; an OB credential carries at most a hash.
        var learner = options.Learner;
        if (learner is null)
        {
            var hashed = view.LearnerIdentifiers.FirstOrDefault(i => i.Value.Hashed);
            var plainName = view.LearnerIdentifiers.FirstOrDefault(i => !i.Value.Hashed && i.Value.IdentityType == "name");
            if (plainName is not null)
            {
                Refuse("M1", plainName.Path, "ELM needs the learner's given name and family name separately; the credential has only a full name: supply ElmExportOptions.Learner");
            }
            else if (hashed is not null)
            {
                Refuse("M1", hashed.Path, "the learner is identified only by a hashed identity; ELM needs the learner's name (given and family name): supply ElmExportOptions.Learner");
            }
            else
            {
                Refuse("M1", view.LearnerId?.Path ?? "credentialSubject", "ELM needs the learner's given and family name, which the credential does not carry: supply ElmExportOptions.Learner");
            }
        }
        else
        {
            if (string.IsNullOrWhiteSpace(learner.GivenName))
            {
                Refuse("M1", "credentialSubject", "the learner's given name is missing (ELM credentialSubject.givenName)");
            }

            if (string.IsNullOrWhiteSpace(learner.FamilyName))
            {
                Refuse("M1", "credentialSubject", "the learner's family name is missing (ELM credentialSubject.familyName)");
            }
        }

        if (view.Title is null)
        {
            Refuse("M2", "credentialSubject.achievement.name", "the title is missing");
        }

        // M3: ELM writes the country as an EU authority concept, which exists only for assigned ISO 3166-1 codes.
        string? countryIri = null;
        if (view.CountryCode is not { } country)
        {
            Refuse("M3", "issuer.address.addressCountryCode", "the awarding body's country is missing");
        }
        else if ((countryIri = ElmVocabularies.Country(country.Value)) is null)
        {
            Refuse("M3", country.Path, $"'{country.Value}' is not an ISO 3166-1 alpha-2 country code (upper case, assigned)");
        }

        if (view.AwardingBody?.Value is not { ReferenceOnly: false, Name: { Length: > 0 } })
        {
            Refuse("M4", view.AwardingBody?.Path ?? "issuer", "ELM needs the awarding body's legal name: the issuer must be a Profile object with a name");
        }

        var issuedOn = view.AwardedDate ?? view.IssuedOn;
        if (view.IssuedOn is null)
        {
            Refuse("M5", "validFrom", "the date of issuing is missing");
        }
        else if (!IsDateTimeWithZone(view.IssuedOn.Value) || (issuedOn is not null && !IsDateTimeWithZone(issuedOn.Value)))
        {
            var bad = IsDateTimeWithZone(view.IssuedOn.Value) ? issuedOn! : view.IssuedOn;
            Refuse("M5", bad.Path, $"'{bad.Value}' is not a date-time with a time zone");
        }

        if (view.LearningOutcomes.Count == 0)
        {
            Refuse("M6", "credentialSubject.achievement.alignment", "no learning outcome (alignment with targetType ext:LearningOutcome)");
        }

        if (view.LearningOutcomes.FirstOrDefault(o => string.IsNullOrWhiteSpace(o.Value.TargetName)) is { } unnamed)
        {
            Refuse("M6", unnamed.Path, "a learning outcome has no targetName (ELM LearningOutcome.title)");
        }

        if (view.Ects is null && view.Sbu is null && view.TimeInvestmentHours is null)
        {
            Refuse("M7", view.CreditsAvailable?.Path ?? "credentialSubject.achievement.ECTS",
                view.CreditsAvailable is null
                    ? "the notional workload is missing (ECTS, SBU or timeInvestment)"
                    : "creditsAvailable has no credit system; ELM needs ECTS credits (ECTS) or hours (SBU, timeInvestment)");
        }
        else if (new[] { view.Ects, view.Sbu, view.TimeInvestmentHours }.FirstOrDefault(n => n is { Value: <= 0 or > MaxWorkload }) is { } implausible)
        {
            Refuse("M7", implausible.Path, $"the notional workload must be greater than 0 and at most {MaxWorkload}");
        }

        // M8: the EQF concept exists for levels 1–8 only.
        int? eqf = null;
        if (view.EqfAlignments.Count > 0)
        {
            if (view.EqfLevel is { Value: >= 1 and <= 8 } level)
            {
                eqf = level.Value;
            }
            else
            {
                Refuse("M8", view.EqfLevel?.Path ?? view.EqfAlignments[0].Path + ".targetCode",
                    $"the EQF level {(view.EqfLevel is { } outside ? "'" + outside.Value.ToString(CultureInfo.InvariantCulture) + "'" : "given")} is not a level 1–8");
            }
        }

        if (view.AssessmentTypeText is null)
        {
            Refuse("M9", "credentialSubject.achievement.assessmentType", "the type of assessment is missing");
        }

        if (view.ParticipationTypeText is null)
        {
            Refuse("M10", "credentialSubject.achievement.participationType", "the form of participation is missing");
        }

        if (view.QualityAssurance.Count == 0)
        {
            Refuse("M11", "credentialSubject.achievement.alignment", "no quality assurance (alignment with targetType ext:QualityAssurance)");
        }
        else if (view.QualityAssurance.FirstOrDefault(q => !IsAbsoluteUri(q.Value.TargetUrl)) is { } noUrl)
        {
            Refuse("M11", noUrl.Path, "a quality assurance alignment has no absolute targetUrl (ELM supplementaryDocument.contentURL)");
        }

        // Language maps need an ISO 639-1 key the EDC schema accepts.
        string? language = null;
        var tag = view.Language?.Value ?? options.Language;
        if (tag is null)
        {
            Refuse("language", "credentialSubject.achievement.inLanguage", "the credential's language is missing (ELM language maps need one): supply ElmExportOptions.Language");
        }
        else
        {
            var primary = tag.Split('-')[0].ToLowerInvariant();
            if (ElmVocabularies.Language(primary) is null)
            {
                Refuse("language", view.Language?.Path ?? "inLanguage", $"'{tag}' has no ISO 639-1 language code, which ELM language maps need");
            }
            else
            {
                language = primary;
            }
        }

        return problems.Count > 0 ? null : new CheckedInput(learner!, language!, countryIri!, eqf, issuedOn!.Value);
    }

    private static bool IsDateTimeWithZone(string text) =>
        DateTimeWithZone().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static bool IsAbsoluteUri(string? text) => text is not null && Uri.TryCreate(text, UriKind.Absolute, out _);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DateTimeWithZone();
}
