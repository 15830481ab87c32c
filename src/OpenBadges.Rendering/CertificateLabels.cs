namespace OpenBadges.Rendering;

/// <summary>The page's words in Dutch and English: element labels, vocabulary values (Annex I), and the page's own text.</summary>
internal sealed class CertificateLabels
{
    private readonly IReadOnlyDictionary<string, string> _words;

    private CertificateLabels(string language, string[] months, IReadOnlyDictionary<string, string> words)
    {
        Language = language;
        Months = months;
        _words = words;
    }

    public string Language { get; }

    public string[] Months { get; }

    public static CertificateLabels English { get; } = new("en", ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"], new Dictionary<string, string>
    {
        ["kind.emc"] = "European micro-credential",
        ["country.NL"] = "the Netherlands (NL)", ["country.BE"] = "Belgium (BE)", ["country.DE"] = "Germany (DE)", ["country.FR"] = "France (FR)",
        ["kind.badge"] = "Open Badge",
        ["awardedBy"] = "Awarded by",
        ["issuedOn"] = "Issued on",
        ["mandatory"] = "Elements of the micro-credential",
        ["mandatory.note"] = "as listed in the Council Recommendation on micro-credentials (2022), Annex I",
        ["optional"] = "Further elements",
        ["missing"] = "not stated",
        ["M1"] = "Learner", ["M2"] = "Title", ["M3"] = "Country of the awarding body", ["M4"] = "Awarding body",
        ["M5"] = "Date of issuing", ["M6"] = "Learning outcomes", ["M7"] = "Notional workload", ["M8"] = "Level",
        ["M9"] = "Type of assessment", ["M10"] = "Form of participation", ["M11"] = "Quality assurance",
        ["O1"] = "Prerequisites", ["O2"] = "Supervision and identity check", ["O3"] = "Grade", ["O4"] = "Stackability", ["O5"] = "Further information",
        ["identity.hashed.emailAddress"] = "e-mail address (stored as a hash)",
        ["identity.hashed.ext:StudentNumber"] = "student number (stored as a hash)",
        ["identity.hashed.name"] = "name (stored as a hash)",
        ["outcomes.summary"] = "In short: {0}",
        ["workload.ects"] = "{0} ECTS credits", ["workload.sbu"] = "{0} study hours (SBU)", ["workload.credits"] = "{0} credits",
        ["level.eqf"] = "EQF level {0}", ["level.none"] = "not applicable",
        ["assessment.testing"] = "testing", ["assessment.application of a skill"] = "application of a skill",
        ["assessment.portfolio"] = "portfolio", ["assessment.recognition of prior learning"] = "recognition of prior learning",
        ["participation.online"] = "online", ["participation.onsite or blended"] = "on site or blended",
        ["participation.volunteering"] = "volunteering", ["participation.work experience"] = "work experience",
        ["participation.personalized learning activities"] = "personalised learning activities",
        ["supervision.none"] = "no supervision", ["supervision.online"] = "supervised online",
        ["supervision.onsite"] = "supervised on site",
        ["supervision.onsite with identity verification"] = "supervised on site, with identity verification",
        ["supervision.online with identity verification"] = "supervised online, with identity verification",
        ["identity.checked"] = "identity checked", ["identity.unchecked"] = "identity not checked",
        ["stackability.standalone"] = "stand-alone", ["stackability.stackable"] = "can be combined into a larger credential",
        ["stackability.partOf"] = "part of: {0}",
        ["further.criteria"] = "assessment criteria: {0}",
        ["verification"] = "Verification",
        ["verdict.Valid"] = "Verified: the signature is genuine and every check passed.",
        ["verdict.Invalid"] = "Not valid: this credential failed verification. Do not rely on it.",
        ["verdict.Indeterminate"] = "Not verified: some checks could not be carried out, so this page cannot confirm the credential.",
        ["failed"] = "Failed checks", ["undecided"] = "Checks that could not be carried out",
        ["checkedAt"] = "Checked on {0}, offline, with OpenBadges for .NET.",
        ["checkedBy"] = "Checked offline with OpenBadges for .NET when this page was made.",
        ["qr.title"] = "Verify this credential", ["qr.alt"] = "QR code linking to {0}",
        ["qr.scan"] = "Scan the code or open the link to verify the credential yourself:",
        ["qr.none"] = "No verification link: the credential's id is not a web address and none was given.",
        ["footer"] = "This page shows a digital credential; the signed credential itself is the proof. Credential id: {0}",
    });

    public static CertificateLabels Dutch { get; } = new("nl", ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"], new Dictionary<string, string>
    {
        ["kind.emc"] = "Europese microcredential",
        ["country.NL"] = "Nederland (NL)", ["country.BE"] = "België (BE)", ["country.DE"] = "Duitsland (DE)", ["country.FR"] = "Frankrijk (FR)",
        ["kind.badge"] = "Open Badge",
        ["awardedBy"] = "Uitgereikt door",
        ["issuedOn"] = "Uitgereikt op",
        ["mandatory"] = "Gegevens van de microcredential",
        ["mandatory.note"] = "zoals genoemd in de Aanbeveling van de Raad over microcredentials (2022), bijlage I",
        ["optional"] = "Aanvullende gegevens",
        ["missing"] = "niet vermeld",
        ["M1"] = "Lerende", ["M2"] = "Titel", ["M3"] = "Land van de uitreikende instelling", ["M4"] = "Uitreikende instelling",
        ["M5"] = "Datum van uitgifte", ["M6"] = "Leerresultaten", ["M7"] = "Studielast", ["M8"] = "Niveau",
        ["M9"] = "Vorm van toetsing", ["M10"] = "Vorm van deelname", ["M11"] = "Kwaliteitsborging",
        ["O1"] = "Toelatingseisen", ["O2"] = "Toezicht en identiteitscontrole", ["O3"] = "Resultaat", ["O4"] = "Stapelbaarheid", ["O5"] = "Meer informatie",
        ["identity.hashed.emailAddress"] = "e-mailadres (als hash opgeslagen)",
        ["identity.hashed.ext:StudentNumber"] = "studentnummer (als hash opgeslagen)",
        ["identity.hashed.name"] = "naam (als hash opgeslagen)",
        ["outcomes.summary"] = "Samengevat: {0}",
        ["workload.ects"] = "{0} studiepunten (EC)", ["workload.sbu"] = "{0} studiebelastingsuren (SBU)", ["workload.credits"] = "{0} studiepunten",
        ["level.eqf"] = "EQF-niveau {0}", ["level.none"] = "niet van toepassing",
        ["assessment.testing"] = "toets", ["assessment.application of a skill"] = "toepassing van een vaardigheid",
        ["assessment.portfolio"] = "portfolio", ["assessment.recognition of prior learning"] = "erkenning van eerder verworven competenties",
        ["participation.online"] = "online", ["participation.onsite or blended"] = "op locatie of gemengd",
        ["participation.volunteering"] = "vrijwilligerswerk", ["participation.work experience"] = "werkervaring",
        ["participation.personalized learning activities"] = "gepersonaliseerde leeractiviteiten",
        ["supervision.none"] = "zonder toezicht", ["supervision.online"] = "online toezicht",
        ["supervision.onsite"] = "toezicht op locatie",
        ["supervision.onsite with identity verification"] = "toezicht op locatie, met identiteitscontrole",
        ["supervision.online with identity verification"] = "online toezicht, met identiteitscontrole",
        ["identity.checked"] = "identiteit gecontroleerd", ["identity.unchecked"] = "identiteit niet gecontroleerd",
        ["stackability.standalone"] = "op zichzelf staand", ["stackability.stackable"] = "stapelbaar tot een grotere kwalificatie",
        ["stackability.partOf"] = "onderdeel van: {0}",
        ["further.criteria"] = "beoordelingscriteria: {0}",
        ["verification"] = "Verificatie",
        ["verdict.Valid"] = "Geverifieerd: de handtekening is echt en alle controles zijn geslaagd.",
        ["verdict.Invalid"] = "Ongeldig: deze credential is niet door de verificatie gekomen. Vertrouw er niet op.",
        ["verdict.Indeterminate"] = "Niet geverifieerd: sommige controles konden niet worden uitgevoerd, dus deze pagina kan de credential niet bevestigen.",
        ["failed"] = "Mislukte controles", ["undecided"] = "Controles die niet konden worden uitgevoerd",
        ["checkedAt"] = "Gecontroleerd op {0}, offline, met OpenBadges for .NET.",
        ["checkedBy"] = "Offline gecontroleerd met OpenBadges for .NET toen deze pagina werd gemaakt.",
        ["qr.title"] = "Controleer deze credential", ["qr.alt"] = "QR-code met een link naar {0}",
        ["qr.scan"] = "Scan de code of open de link om de credential zelf te controleren:",
        ["qr.none"] = "Geen verificatielink: het id van de credential is geen webadres en er is er geen opgegeven.",
        ["footer"] = "Deze pagina toont een digitale credential; de ondertekende credential zelf is het bewijs. Id van de credential: {0}",
    });

    /// <summary>Dutch for a language tag starting with <c>nl</c>, English for anything else.</summary>
    public static CertificateLabels For(string? language) =>
        language is not null && (language.Equals("nl", StringComparison.OrdinalIgnoreCase) || language.StartsWith("nl-", StringComparison.OrdinalIgnoreCase)) ? Dutch : English;

    /// <summary>The word for <paramref name="key"/>; the key itself when there is none (visible in review, never blank).</summary>
    public string this[string key] => _words.TryGetValue(key, out var word) ? word : key;

    /// <summary>The phrase for a vocabulary term with <paramref name="text"/> in it, or the text as written for an unknown term.</summary>
    public string Term(string? term, string text) =>
        term is not null && _words.TryGetValue(term, out var phrase) ? phrase.Replace("{0}", text, StringComparison.Ordinal) : text;
}
