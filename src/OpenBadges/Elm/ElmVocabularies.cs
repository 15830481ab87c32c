namespace OpenBadges.Elm;

/// <summary>
/// The EU controlled vocabularies (IRIs) the ELM export writes, each with its concept scheme: EU Publications Office
/// authority tables (country, language, file type) and the Europass/ELM schemes under <c>http://data.europa.eu/snb/</c>.
/// </summary>
public static class ElmVocabularies
{
    /// <summary>The EU country authority table; a concept is the scheme + <c>/</c> + ISO 3166-1 alpha-3 (<c>…/NLD</c>).</summary>
    public const string CountryScheme = "http://publications.europa.eu/resource/authority/country";

    /// <summary>The EU language authority table; a concept is the scheme + <c>/</c> + ISO 639-2/T upper case (<c>…/ENG</c>).</summary>
    public const string LanguageScheme = "http://publications.europa.eu/resource/authority/language";

    /// <summary>The EU file-type authority table.</summary>
    public const string FileTypeScheme = "http://publications.europa.eu/resource/authority/file-type";

    /// <summary>The European Qualifications Framework; level n is <c>http://data.europa.eu/snb/eqf/n</c>.</summary>
    public const string EqfScheme = "http://data.europa.eu/snb/eqf/25831c2";

    /// <summary>Education credit systems.</summary>
    public const string CreditSystemScheme = "http://data.europa.eu/snb/education-credit/25831c2";

    /// <summary>ECTS, the European Credit Transfer and Accumulation System.</summary>
    public const string Ects = "http://data.europa.eu/snb/education-credit/6fcec5c5af";

    /// <summary>Modes of learning and assessment.</summary>
    public const string ModeScheme = "http://data.europa.eu/snb/learning-assessment/25831c2";

    /// <summary>Mode: online.</summary>
    public const string ModeOnline = "http://data.europa.eu/snb/learning-assessment/920fbb3cbe";

    /// <summary>Mode: presential (on site).</summary>
    public const string ModePresential = "http://data.europa.eu/snb/learning-assessment/9191af2ed9";

    /// <summary>Mode: blended.</summary>
    public const string ModeBlended = "http://data.europa.eu/snb/learning-assessment/e92d221e4d";

    /// <summary>Mode: work-based.</summary>
    public const string ModeWorkBased = "http://data.europa.eu/snb/learning-assessment/729f3bed4b";

    /// <summary>Learning setting types.</summary>
    public const string LearningSettingScheme = "http://data.europa.eu/snb/learning-setting/25831c2";

    /// <summary>Learning setting: formal learning.</summary>
    public const string LearningSettingFormal = "http://data.europa.eu/snb/learning-setting/6fd4685715";

    /// <summary>Learning setting: non-formal learning.</summary>
    public const string LearningSettingNonFormal = "http://data.europa.eu/snb/learning-setting/e207a81fc7";

    /// <summary>Assessment types.</summary>
    public const string AssessmentScheme = "http://data.europa.eu/snb/assessment/25831c2";

    /// <summary>Assessment type: portfolio (Annex I "portfolio").</summary>
    public const string AssessmentPortfolio = "http://data.europa.eu/snb/assessment/4f03b91c0e";

    /// <summary>Assessment type: practical assessment (Annex I "application of a skill").</summary>
    public const string AssessmentPractical = "http://data.europa.eu/snb/assessment/6a4db9f11d";

    /// <summary>Credential profiles (ELM credential types).</summary>
    public const string CredentialProfileScheme = "http://data.europa.eu/snb/credential/25831c2";

    /// <summary>Credential profile: generic.</summary>
    public const string CredentialProfileGeneric = "http://data.europa.eu/snb/credential/e34929035b";

    /// <summary>Content encodings.</summary>
    public const string EncodingScheme = "http://data.europa.eu/snb/encoding/25831c2";

    /// <summary>Content encoding: base64.</summary>
    public const string EncodingBase64 = "http://data.europa.eu/snb/encoding/6146cde7dd";

    /// <summary>The EQF level concept IRI for <paramref name="level"/> (1–8).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not 1–8.</exception>
    public static string EqfLevel(int level)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 8);
        return "http://data.europa.eu/snb/eqf/" + level.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The country concept IRI for an ISO 3166-1 alpha-2 code (<c>NL</c> → <c>…/country/NLD</c>), or null for a code that is not assigned.</summary>
    public static string? Country(string alpha2) =>
        alpha2 is not null && ElmCodeTables.CountryAlpha3.TryGetValue(alpha2, out var alpha3) ? CountryScheme + "/" + alpha3 : null;

    /// <summary>The language concept IRI for an ISO 639-1 code (<c>en</c> → <c>…/language/ENG</c>), or null when there is none.</summary>
    public static string? Language(string iso639_1) =>
        iso639_1 is not null && ElmCodeTables.LanguageAlpha3.TryGetValue(iso639_1, out var alpha3) ? LanguageScheme + "/" + alpha3 : null;
}
