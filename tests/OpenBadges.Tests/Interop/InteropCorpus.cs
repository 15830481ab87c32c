using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;
using OpenBadges.Json;

namespace OpenBadges.Tests.Interop;

/// <summary>
/// A fixed corpus of varied, unsigned Open Badges 3.0 credentials for interop tests: every OB class, VC 2.0 and
/// VC 1.1 envelopes, OB contexts 3.0.0–3.0.3 where the JS stack accepts them, non-ASCII text, numbers, lists,
/// language-tagged values. Deterministic (no clock, no randomness): ids are derived from the entry name.
/// Every entry passes JSON-LD safe mode in the JS stack with the bundled contexts (a test checks this);
/// <see cref="KnownRejected"/> lists documents the JS stack rejects, with the reason.
/// Every call returns fresh copies: callers may mutate them.
/// </summary>
public static class InteropCorpus
{
    /// <summary>RFC 8032 section 7.1 test 1 secret key (seed).</summary>
    public const string SeedHex = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";

    /// <summary>The test-1 public key as Multikey (base58btc of 0xed01 ‖ key).</summary>
    public const string PublicKeyMultibase = "z6MktwupdmLXVVqTzCw4i46r4uGyosGXRnR3XjN4Zq7oMMsw";

    /// <summary>did:key of the test-1 key: the issuer of most entries.</summary>
    public const string IssuerDid = "did:key:" + PublicKeyMultibase;

    /// <summary>The did:key verification method of the test-1 key.</summary>
    public const string VerificationMethodId = IssuerDid + "#" + PublicKeyMultibase;

    /// <summary>The <c>created</c> time the reference-stack files use.</summary>
    public const string Created = "2024-09-01T00:00:00Z";

    /// <summary>An https issuer for the 1EdTech key form <c>&lt;issuer&gt;#&lt;publicKeyMultibase&gt;</c>.</summary>
    public const string HttpsIssuer = "https://credentials.northbridge.example.edu/issuers/565049";

    /// <summary>RFC 8032 test 2 seed: the key of the embedded endorsement's issuer.</summary>
    public const string EndorserSeedHex = "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb";

    /// <summary>did:key of the RFC 8032 test 2 key.</summary>
    public const string EndorserDid = "did:key:z6MkiaMbhXHNA4eJVCCj8dbzKzTgYDKf6crKgHVHid1F1WCT";

    private const string Vc2 = "https://www.w3.org/ns/credentials/v2";
    private const string Vc1 = "https://www.w3.org/2018/credentials/v1";
    private const string Ob303 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    private const string Ob302 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json";
    private const string Ob301 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json";
    private const string Ob300 = "https://purl.imsglobal.org/spec/ob/v3p0/context.json";
    private const string Vocab = "https://purl.imsglobal.org/spec/vc/ob/vocab.html#";

    /// <summary>Every entry, in a fixed order, as fresh copies.</summary>
    public static IEnumerable<(string Name, JObject Credential)> All() =>
        Build().Select(entry => (entry.Name, entry.Credential));

    /// <summary>Entry names, for <c>[MemberData]</c> theories (one test case per credential).</summary>
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in Build())
        {
            data.Add(name);
        }

        return data;
    }

    /// <summary>A fresh copy of the named entry.</summary>
    public static JObject Get(string name) =>
        Build().FirstOrDefault(entry => entry.Name == name).Credential
        ?? throw new ArgumentException($"No corpus entry named '{name}'.", nameof(name));

    /// <summary>The issuer id (string issuer or <c>issuer.id</c>).</summary>
    public static string IssuerOf(JObject credential) =>
        (credential["issuer"] is JObject profile ? (string?)profile["id"] : (string?)credential["issuer"])
        ?? throw new ArgumentException("The credential has no issuer id.", nameof(credential));

    /// <summary>
    /// The verification method to sign a corpus entry with the test-1 key: <c>issuer#z6Mk…</c> — the did:key
    /// form for did:key issuers, the 1EdTech form for https issuers (the controller is then the issuer).
    /// </summary>
    public static string VerificationMethodFor(JObject credential) => IssuerOf(credential) + "#" + PublicKeyMultibase;

    /// <summary>True when <c>@context</c> holds an inline (object) context, not only URLs.</summary>
    public static bool HasInlineContext(JObject credential) =>
        credential["@context"] is JObject || (credential["@context"] is JArray list && list.Any(c => c is JObject));

    /// <summary>
    /// Documents the JS stack must reject in JSON-LD safe mode, with the JSON-LD event/error code it reports.
    /// Useful to check our safe mode says no to the same inputs.
    /// </summary>
    public static IEnumerable<(string Name, JObject Document, string ExpectedError)> KnownRejected()
    {
        var languageMap = Base("rejected-language-map", "Language map on a term without @container @language");
        Achievement(languageMap)["name"] = J("""{ "en": "Data literacy", "nl": "Datageletterdheid" }""");
        yield return ("language-map-without-container", languageMap, "invalid property");

        var vc2Ob300 = Base("rejected-vc2-ob300", "VC 2.0 with OB context 3.0.0");
        vc2Ob300["@context"] = new JArray(Vc2, Ob300);
        yield return ("vc2-with-ob-context-3.0.0", vc2Ob300, "protected term redefinition");

        var vc2Ob301 = Base("rejected-vc2-ob301", "VC 2.0 with OB context 3.0.1");
        vc2Ob301["@context"] = new JArray(Vc2, Ob301);
        yield return ("vc2-with-ob-context-3.0.1", vc2Ob301, "protected term redefinition");

        var schema = Base("rejected-1edtech-schema-type", "1EdTech schema type without a definition");
        schema["credentialSchema"] = J("""
            [{ "id": "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json",
               "type": "1EdTechJsonSchemaValidator2019" }]
            """);
        yield return ("1edtech-schema-validator-type-undefined", schema, "relative @type reference");

        var status = Base("rejected-1edtech-revocation-type", "1EdTech revocation list type without a definition");
        status["credentialStatus"] = J("""{ "id": "https://credentials.northbridge.example.edu/revocations#42", "type": "1EdTechRevocationList" }""");
        yield return ("1edtech-revocation-list-type-undefined", status, "relative @type reference");

        var undefinedTerm = Base("rejected-undefined-term", "Undefined top-level term");
        undefinedTerm["studyLoadHours"] = 140;
        yield return ("undefined-term", undefinedTerm, "invalid property");
    }

    private static List<(string Name, JObject Credential)> Build()
    {
        var list = new List<(string Name, JObject Credential)>();
        void Add(string name, JObject credential) => list.Add((name, credential));

        // ---- envelopes and context versions
        Add("vc2-minimal", Base("vc2-minimal", "Introduction to Research Data Management"));

        var vc2Ob302 = Base("vc2-ob-3.0.2", "Spreadsheet Modelling Basics");
        vc2Ob302["@context"] = new JArray(Vc2, Ob302);
        Add("vc2-ob-3.0.2", vc2Ob302);

        var validUntil = Base("vc2-valid-until", "First Aid at Work (renewable)");
        validUntil["validUntil"] = "2099-12-31T23:59:59Z";
        validUntil["awardedDate"] = "2024-08-30T15:00:00+02:00";
        Add("vc2-valid-until-awarded-date", validUntil);

        Add("vc1-ob-3.0.3", ToVc1(Base("vc1-ob-3.0.3", "Academic Writing in English"), Ob303));
        Add("vc1-ob-3.0.2", ToVc1(Base("vc1-ob-3.0.2", "Statistics Refresher"), Ob302));
        Add("vc1-ob-3.0.1", ToVc1(Base("vc1-ob-3.0.1", "Laboratory Safety"), Ob301));
        Add("vc1-ob-3.0.0", ToVc1(Base("vc1-ob-3.0.0", "Python for Scientists"), Ob300));

        var vc1Expiring = ToVc1(Base("vc1-expiration", "Forklift Operation Licence"), Ob303);
        vc1Expiring["expirationDate"] = "2099-06-30T00:00:00Z";
        Add("vc1-expiration-date", vc1Expiring);

        // ---- Profile
        var profile = Base("profile-full", "Sustainable Supply Chains");
        profile["issuer"] = J($$"""
            {
              "id": "{{IssuerDid}}",
              "type": ["Profile"],
              "name": "Northbridge Institute of Technology",
              "url": "https://credentials.northbridge.example.edu",
              "description": "Continuing-education division.",
              "email": "badges@northbridge.example.edu",
              "phone": "+31 30 123 4567",
              "official": "Registrar",
              "image": { "id": "https://credentials.northbridge.example.edu/logo.png", "type": "Image", "caption": "Northbridge logo" },
              "address": {
                "type": ["Address"],
                "addressCountry": "Netherlands",
                "addressCountryCode": "NL",
                "addressRegion": "Utrecht",
                "addressLocality": "Utrecht",
                "streetAddress": "Heidelberglaan 15",
                "postOfficeBoxNumber": "80125",
                "postalCode": "3584 CS",
                "geo": { "type": "GeoCoordinates", "latitude": 52.0853, "longitude": 5.1733 }
              },
              "otherIdentifier": [
                { "type": "IdentifierEntry", "identifier": "21PX", "identifierType": "identifier" },
                { "type": "IdentifierEntry", "identifier": "NL-ORG-0042", "identifierType": "systemId" }
              ],
              "parentOrg": {
                "id": "https://www.northbridge.example.edu",
                "type": ["Profile"],
                "name": "Northbridge University"
              }
            }
            """);
        Add("profile-address-geo-other-identifier-parent", profile);

        var person = Base("profile-person-issuer", "Mentored Research Project");
        person["issuer"] = J($$"""
            {
              "id": "{{IssuerDid}}",
              "type": ["Profile"],
              "name": "Dr. Maria van der Berg",
              "givenName": "Maria",
              "familyNamePrefix": "van der",
              "familyName": "Berg",
              "honorificPrefix": "Dr.",
              "honorificSuffix": "PhD",
              "additionalName": "Johanna",
              "patronymicName": "Pietersdochter",
              "dateOfBirth": "1975-04-12"
            }
            """);
        Add("profile-person-name-parts", person);

        var https = Base("issuer-https-1edtech-key", "Open Source Contribution");
        https["issuer"]!["id"] = HttpsIssuer;
        Add("issuer-https-1edtech-key-form", https);

        // ---- Achievement
        var alignment = Base("achievement-alignment", "Data Visualisation");
        Achievement(alignment)["alignment"] = J("""
            [
              { "type": ["Alignment"], "targetName": "Visualising data", "targetUrl": "http://data.europa.eu/esco/skill/0e5a1f0a-5a37-4b7f-9a6a-1b36c9a2f3d1",
                "targetDescription": "Create visual representations of data.", "targetFramework": "ESCO", "targetCode": "S5.6.1", "targetType": "ceasn:Competency" },
              { "type": ["Alignment"], "targetName": "EQF level 5", "targetUrl": "http://data.europa.eu/snb/eqf/5", "targetCode": "5", "targetType": "ext:EQF" },
              { "type": ["Alignment"], "targetName": "NVAO accreditation", "targetUrl": "https://www.nvao.example.net/decisions/2023-117", "targetType": "ext:QualityAssurance" },
              { "type": ["Alignment"], "targetName": "Chart design", "targetUrl": "https://case.example.org/uri/8b1c", "targetType": "CFItem" },
              { "type": ["Alignment"], "targetName": "Rubric row", "targetUrl": "https://case.example.org/rubric/17", "targetType": "CFRubricCriterionLevel" }
            ]
            """);
        Add("achievement-alignments", alignment);

        var rubric = Base("achievement-rubric", "Capstone Project");
        Achievement(rubric)["resultDescription"] = J("""
            [
              {
                "id": "urn:uuid:5f0c2a8e-0001-4e1f-8c7a-000000000001",
                "type": ["ResultDescription"],
                "name": "Capstone rubric",
                "resultType": "RubricCriterionLevel",
                "requiredLevel": "urn:uuid:5f0c2a8e-0001-4e1f-8c7a-0000000000b2",
                "rubricCriterionLevel": [
                  { "id": "urn:uuid:5f0c2a8e-0001-4e1f-8c7a-0000000000b1", "type": ["RubricCriterionLevel"], "name": "Exemplary",
                    "description": "Exceeds every criterion.", "level": "4", "points": "20",
                    "alignment": [{ "type": ["Alignment"], "targetName": "Exemplary work", "targetUrl": "https://case.example.org/levels/4" }] },
                  { "id": "urn:uuid:5f0c2a8e-0001-4e1f-8c7a-0000000000b2", "type": ["RubricCriterionLevel"], "name": "Proficient",
                    "description": "Meets every criterion.", "level": "3", "points": "15" }
                ]
              },
              {
                "id": "urn:uuid:5f0c2a8e-0001-4e1f-8c7a-000000000002",
                "type": ["ResultDescription"],
                "name": "Written exam",
                "resultType": "ScaledScore",
                "valueMin": "1.0",
                "valueMax": "10.0",
                "requiredValue": "5.5"
              }
            ]
            """);
        Subject(rubric)["result"] = J("""
            [
              { "type": ["Result"], "resultDescription": "urn:uuid:5f0c2a8e-0001-4e1f-8c7a-000000000001",
                "achievedLevel": "urn:uuid:5f0c2a8e-0001-4e1f-8c7a-0000000000b1", "status": "Completed" },
              { "type": ["Result"], "resultDescription": "urn:uuid:5f0c2a8e-0001-4e1f-8c7a-000000000002", "value": "8.5" }
            ]
            """);
        Add("achievement-result-description-rubric-levels", rubric);

        var image = Base("achievement-image", "Cyber Security Awareness");
        Achievement(image)["image"] = J("""
            { "id": "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
              "type": "Image", "caption": "Badge image (1×1 PNG)" }
            """);
        Subject(image)["image"] = J("""{ "id": "https://credentials.northbridge.example.edu/learners/photo/77.jpg", "type": "Image" }""");
        Add("achievement-and-subject-image", image);

        var related = Base("achievement-related", "Projectmanagement (Nederlandstalig)");
        Achievement(related)["inLanguage"] = "nl";
        Achievement(related)["version"] = "2.1";
        Achievement(related)["related"] = J("""
            [
              { "id": "https://credentials.northbridge.example.edu/achievements/project-management-en", "type": ["Related"], "inLanguage": "en-GB", "version": "2.1" },
              { "id": "https://credentials.northbridge.example.edu/achievements/project-management-de", "type": ["Related"], "inLanguage": "de", "version": "2.0" }
            ]
            """);
        Add("achievement-related-in-language-version", related);

        var otherId = Base("achievement-other-identifier", "Welding Inspection Level 2");
        var ach = Achievement(otherId);
        ach["achievementType"] = "Certificate";
        ach["humanCode"] = "WIL-2";
        ach["fieldOfStudy"] = "Materials engineering";
        ach["specialization"] = "Non-destructive testing";
        ach["tag"] = new JArray("welding", "inspection", "NDT", "level 2");
        ach["otherIdentifier"] = J("""
            [
              { "type": ["IdentifierEntry"], "identifier": "CREBO-25197", "identifierType": "identifier" },
              { "type": ["IdentifierEntry"], "identifier": "978-3-16-148410-0", "identifierType": "isbn" }
            ]
            """);
        ach["creator"] = J($$"""{ "id": "{{IssuerDid}}", "type": ["Profile"], "name": "Northbridge Institute of Technology" }""");
        Add("achievement-other-identifier-tags-creator", otherId);

        var criteriaId = Base("achievement-criteria-id", "Peer Tutoring");
        Achievement(criteriaId)["criteria"] = J("""{ "id": "https://credentials.northbridge.example.edu/achievements/peer-tutoring/criteria" }""");
        Add("achievement-criteria-id-only", criteriaId);

        // ---- AchievementSubject
        var hashed = Base("subject-identifier-hashed", "GDPR for Practitioners");
        Subject(hashed).Remove("id");
        Subject(hashed)["identifier"] = J("""
            [
              { "type": "IdentityObject", "hashed": true, "identityType": "emailAddress",
                "identityHash": "sha256$c7ef86405ba71b85acd8e2e95166c4b111448089f2e1599f42fe1bba46e865c5", "salt": "deadbeef" }
            ]
            """);
        Add("subject-identifier-hashed-email-no-id", hashed);

        var plain = Base("subject-identifier-plain", "Library Orientation");
        Subject(plain)["identifier"] = J("""
            [
              { "type": "IdentityObject", "hashed": false, "identityType": "sisSourcedId", "identityHash": "s-2024-001873" },
              { "type": "IdentityObject", "hashed": false, "identityType": "name", "identityHash": "Jane Q. Learner" }
            ]
            """);
        Add("subject-identifier-plain-and-id", plain);

        var subjectFull = Base("subject-full", "Clinical Placement");
        var subject = Subject(subjectFull);
        subject["activityStartDate"] = "2024-02-05T08:00:00+01:00";
        subject["activityEndDate"] = "2024-06-28T17:00:00+02:00";
        subject["creditsEarned"] = 7.5;
        subject["licenseNumber"] = "BIG-19283746501";
        subject["role"] = "Student nurse";
        subject["term"] = "Spring 2024";
        subject["source"] = J("""
            { "id": "https://www.st-anna.example.org", "type": ["Profile"], "name": "St. Anna Hospital",
              "address": { "type": ["Address"], "addressCountryCode": "BE", "addressLocality": "Leuven" } }
            """);
        Add("subject-dates-credits-role-term-source", subjectFull);

        var evidence = Base("evidence", "Portfolio: Mobile App Development");
        evidence["evidence"] = J("""
            [
              { "id": "https://portfolio.example.net/learner/77/app", "type": ["Evidence"], "name": "Published app",
                "description": "App store listing and source repository.", "narrative": "Built and shipped a transit app.",
                "genre": "Software", "audience": "Employers" },
              { "type": ["Evidence"], "name": "Reflection report", "narrative": "Reflection on the design process (2,000 words)." }
            ]
            """);
        Add("evidence-with-and-without-id", evidence);

        // ---- endorsement: a real eddsa-rdfc-2022 signed EndorsementCredential (RFC 8032 test 2 key, made with the harness)
        var endorsed = Base("endorsement-embedded", "Applied Data Engineering Fundamentals");
        Achievement(endorsed)["id"] = "https://credentials.northbridge.example.edu/achievements/ade-fundamentals";
        Achievement(endorsed)["endorsement"] = new JArray(EndorsementCredential());
        endorsed["endorsement"] = new JArray(EndorsementCredential());
        Add("endorsement-embedded-signed", endorsed);

        // ---- credential-level extras
        var schema = Base("credential-schema", "Introduction to Cloud Computing");
        schema["credentialSchema"] = J("""
            [{ "id": "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json", "type": "JsonSchema" }]
            """);
        Add("credential-schema-json-schema", schema);

        var status = Base("credential-status", "Occupational Health and Safety");
        status["credentialStatus"] = J("""
            { "id": "https://credentials.northbridge.example.edu/status/3#94567", "type": "BitstringStatusListEntry",
              "statusPurpose": "revocation", "statusListIndex": "94567",
              "statusListCredential": "https://credentials.northbridge.example.edu/status/3" }
            """);
        Add("credential-status-bitstring", status);

        var terms = Base("terms-of-use", "Museum Educator Programme");
        terms["termsOfUse"] = J("""[{ "id": "https://credentials.northbridge.example.edu/policies/1", "type": "https://credentials.northbridge.example.edu/vocab#IssuerPolicy" }]""");
        Add("terms-of-use", terms);

        // The 1EdTech type names (schema validator, revocation list, refresh) are not in the OB context;
        // an inline context gives them IRIs so that JSON-LD safe mode accepts them.
        var oneEdTech = Base("1edtech-types-inline-context", "Digital Accessibility");
        oneEdTech["@context"] = new JArray(Vc2, Ob303, J($$"""
            {
              "1EdTechJsonSchemaValidator2019": "{{Vocab}}1EdTechJsonSchemaValidator2019",
              "1EdTechRevocationList": "{{Vocab}}1EdTechRevocationList",
              "1EdTechCredentialRefresh": "{{Vocab}}1EdTechCredentialRefresh"
            }
            """));
        oneEdTech["credentialSchema"] = J("""
            [{ "id": "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json", "type": "1EdTechJsonSchemaValidator2019" }]
            """);
        oneEdTech["credentialStatus"] = J("""{ "id": "https://credentials.northbridge.example.edu/revocations/2024", "type": "1EdTechRevocationList" }""");
        oneEdTech["refreshService"] = J("""{ "id": "https://credentials.northbridge.example.edu/refresh/7f3c", "type": "1EdTechCredentialRefresh" }""");
        Add("1edtech-schema-status-refresh-inline-context", oneEdTech);

        var extension = Base("inline-extension-context", "Microcredential: Circular Economy");
        extension["@context"] = new JArray(Vc2, Ob303, J("""
            {
              "EuropeanMicroCredential": "https://micro.example.eu/ns#EuropeanMicroCredential",
              "ECTS": { "@id": "https://micro.example.eu/ns#ECTS", "@type": "http://www.w3.org/2001/XMLSchema#decimal" },
              "assessmentType": "https://micro.example.eu/ns#assessmentType",
              "participationType": "https://micro.example.eu/ns#participationType",
              "identityChecked": { "@id": "https://micro.example.eu/ns#identityChecked", "@type": "http://www.w3.org/2001/XMLSchema#boolean" }
            }
            """));
        var euAchievement = Achievement(extension);
        euAchievement["type"] = new JArray("Achievement", "EuropeanMicroCredential");
        euAchievement["achievementType"] = "MicroCredential";
        euAchievement["creditsAvailable"] = 3;
        euAchievement["ECTS"] = "3.0";
        euAchievement["assessmentType"] = "portfolio";
        euAchievement["participationType"] = "onsite or blended";
        euAchievement["identityChecked"] = true;
        Add("inline-extension-context-typed-terms", extension);

        var compact = Base("compact-single-values", "Team Leadership");
        compact["type"] = new JArray("VerifiableCredential", "AchievementCredential");
        compact["issuer"]!["type"] = "Profile";
        Subject(compact)["type"] = "AchievementSubject";
        Achievement(compact)["type"] = "Achievement";
        Achievement(compact)["alignment"] = J("""{ "type": "Alignment", "targetName": "Leadership", "targetUrl": "https://case.example.org/uri/lead" }""");
        Add("compact-single-values-achievement-credential-type", compact);

        // ---- text
        var nfc = Base("text-latin-nfc", "Café-Gesprächsführung für Führungskräfte");
        nfc["description"] = "Ærøskøbing, Łódź, Kraków, São Paulo, Zürich — «guillemets», “quotes”, ‘single’, naïve résumé, ß, œ, ĳ.";
        Achievement(nfc)["description"] = "Précis: façade, coöperation, jalapeño; combining-free NFC text only.";
        Add("text-latin-accents-nfc", nfc);

        var emoji = Base("text-emoji", "Hackathon Winner 🏆");
        emoji["description"] = "Winner 🥇 of the 48-hour hackathon 🚀👩🏽‍💻🇳🇱 (ZWJ sequence, skin tone, flag).";
        Achievement(emoji)["criteria"]!["narrative"] = "Ship a working prototype ✅\nPitch in 3 minutes ⏱️\nTabs\tand \"quotes\" and a backslash \\ too.";
        Add("text-emoji-and-escapes", emoji);

        var cjk = Base("text-cjk", "数据科学入门");
        cjk["description"] = "データサイエンス入門 — 데이터 과학 입문 — 數據科學入門";
        Achievement(cjk)["description"] = "完成全部六个模块并通过期末考试。";
        cjk["issuer"]!["name"] = "東京工科学院";
        Add("text-cjk", cjk);

        var rtl = Base("text-rtl", "مقدمة في علم البيانات");
        rtl["description"] = "شهادة إتمام الدورة — תעודת סיום הקורס (mixed: 2024 داده)";
        Achievement(rtl)["description"] = "دورة تدريبية لمدة ستة أسابيع.";
        Add("text-rtl-arabic-hebrew", rtl);

        var tagged = Base("text-language-tagged", "Data Literacy");
        Achievement(tagged)["name"] = J("""
            [{ "@value": "Data Literacy", "@language": "en" }, { "@value": "Datageletterdheid", "@language": "nl" }, { "@value": "Datenkompetenz", "@language": "de" }]
            """);
        Achievement(tagged)["description"] = J("""{ "@value": "Lire et interpréter des données.", "@language": "fr" }""");
        Add("text-language-tagged-values", tagged);

        var direction = Base("text-direction", "Arabic Calligraphy");
        Achievement(direction)["name"] = J("""
            [{ "@value": "الخط العربي", "@language": "ar", "@direction": "rtl" }, { "@value": "Arabic Calligraphy", "@language": "en", "@direction": "ltr" }]
            """);
        Add("text-language-and-direction-values", direction);

        var empty = Base("text-empty-and-long", "Long Description");
        empty["description"] = string.Empty;
        Achievement(empty)["description"] = string.Concat(Enumerable.Repeat("Learners practise structured analysis of open data sets. ", 40));
        Add("text-empty-and-long", empty);

        // ---- numbers (creditsAvailable is xsd:float in the OB context; latitude/longitude are untyped numbers)
        var integer = Base("numbers-integer", "Project Finance");
        Achievement(integer)["creditsAvailable"] = 5;
        Subject(integer)["creditsEarned"] = 5;
        Add("numbers-integer-credits", integer);

        var fraction = Base("numbers-fraction", "Negotiation Skills");
        Achievement(fraction)["creditsAvailable"] = 5.5;
        Subject(fraction)["creditsEarned"] = 0.25;
        fraction["issuer"]!["address"] = J("""
            { "type": ["Address"], "addressCountryCode": "AU", "geo": { "type": "GeoCoordinates", "latitude": -33.8688, "longitude": 151.2093 } }
            """);
        Add("numbers-fraction-negative-coordinates", fraction);

        var integralDouble = Base("numbers-integral-double", "Business English B2");
        Achievement(integralDouble)["creditsAvailable"] = J("""{ "v": 2.0 }""")["v"];
        Subject(integralDouble)["creditsEarned"] = J("""{ "v": 30 }""")["v"];
        Add("numbers-integral-written-as-2.0", integralDouble);

        var large = Base("numbers-large", "Open Data Steward");
        Achievement(large)["creditsAvailable"] = 120;
        Subject(large)["creditsEarned"] = 119.99;
        large["issuer"]!["address"] = J("""
            { "type": ["Address"], "addressCountryCode": "IS", "geo": { "type": "GeoCoordinates", "latitude": 64.1466, "longitude": -21.9426 } }
            """);
        Add("numbers-larger-values", large);

        // ---- several subjects' worth of lists: multiple results, alignments and identifiers at once
        var combined = Base("combined", "Bachelor Minor: Applied AI");
        Achievement(combined)["achievementType"] = "Minor";
        Achievement(combined)["creditsAvailable"] = 30;
        Achievement(combined)["resultDescription"] = J("""
            [
              { "id": "urn:uuid:9e1d0c4b-0001-4a55-8a0e-0000000000a1", "type": ["ResultDescription"], "name": "GPA", "resultType": "GradePointAverage", "valueMin": "0.0", "valueMax": "4.0" },
              { "id": "urn:uuid:9e1d0c4b-0001-4a55-8a0e-0000000000a2", "type": ["ResultDescription"], "name": "Grade", "resultType": "LetterGrade", "allowedValue": ["A", "B", "C", "D", "F"] }
            ]
            """);
        Subject(combined)["result"] = J("""
            [
              { "type": ["Result"], "resultDescription": "urn:uuid:9e1d0c4b-0001-4a55-8a0e-0000000000a1", "value": "3.7" },
              { "type": ["Result"], "resultDescription": "urn:uuid:9e1d0c4b-0001-4a55-8a0e-0000000000a2", "value": "A" }
            ]
            """);
        Subject(combined)["identifier"] = J("""
            [{ "type": "IdentityObject", "hashed": true, "identityType": "sisSourcedId", "identityHash": "sha256$0d5e7b4a19f0f0b4ac0e5b0a6b1e3c7fd04c0a6e5f1a2b3c4d5e6f708192a3b4", "salt": "c0ffee" }]
            """);
        combined["evidence"] = J("""[{ "id": "https://portfolio.example.net/learner/91/thesis", "type": ["Evidence"], "name": "Thesis" }]""");
        Add("combined-lists", combined);

        return list;
    }

    /// <summary>The credential skeleton every entry starts from (VC 2.0, OB 3.0.3, did:key issuer).</summary>
    private static JObject Base(string slug, string title)
    {
        var credential = (JObject)J($$"""
            {
              "@context": ["{{Vc2}}", "{{Ob303}}"],
              "id": "{{Urn(slug)}}",
              "type": ["VerifiableCredential", "OpenBadgeCredential"],
              "name": "",
              "issuer": {
                "id": "{{IssuerDid}}",
                "type": ["Profile"],
                "name": "Northbridge Institute of Technology",
                "url": "https://credentials.northbridge.example.edu"
              },
              "validFrom": "{{Created}}",
              "credentialSubject": {
                "id": "did:example:learner:{{Hex(slug + "/learner", 16)}}",
                "type": ["AchievementSubject"],
                "achievement": {
                  "id": "https://credentials.northbridge.example.edu/achievements/{{slug}}",
                  "type": ["Achievement"],
                  "name": "",
                  "description": "",
                  "criteria": { "narrative": "Complete all modules and pass the final assessment." }
                }
              }
            }
            """);
        credential["name"] = title;
        Achievement(credential)["name"] = title;
        Achievement(credential)["description"] = "Awarded for completing " + title + ".";
        return credential;
    }

    private static JObject ToVc1(JObject credential, string obContext)
    {
        credential["@context"] = new JArray(Vc1, obContext);
        var validFrom = credential["validFrom"]!;
        credential.Remove("validFrom");
        credential.Property("issuer")!.AddAfterSelf(new JProperty("issuanceDate", validFrom));
        return credential;
    }

    private static JObject EndorsementCredential() => (JObject)J($$"""
        {
          "@context": ["{{Vc2}}", "{{Ob303}}"],
          "id": "urn:uuid:2f1b6a0e-4c3d-4e2a-9b8f-7d6c5e4f3a21",
          "type": ["VerifiableCredential", "EndorsementCredential"],
          "name": "Endorsement of the Applied Data Engineering Fundamentals achievement",
          "issuer": { "id": "{{EndorserDid}}", "type": ["Profile"], "name": "Data Skills Quality Council", "url": "https://council.example.org" },
          "validFrom": "2024-08-15T09:30:00Z",
          "credentialSubject": {
            "id": "https://credentials.northbridge.example.edu/achievements/ade-fundamentals",
            "type": ["EndorsementSubject"],
            "endorsementComment": "The council reviewed the curriculum and assessment in 2024 and endorses this achievement."
          },
          "proof": {
            "type": "DataIntegrityProof",
            "created": "2024-08-15T09:30:00Z",
            "verificationMethod": "{{EndorserDid}}#z6MkiaMbhXHNA4eJVCCj8dbzKzTgYDKf6crKgHVHid1F1WCT",
            "cryptosuite": "eddsa-rdfc-2022",
            "proofPurpose": "assertionMethod",
            "proofValue": "z4niNBJyce6r6xbnv3UC6vf5eV3pE5GXBpFdWHwu5bnaRcKvgaeWRQqLArMHpe2DpT8ycHtAUnnn5PbjZWjWvwDZu"
          }
        }
        """);

    /// <summary>The embedded, signed EndorsementCredential on its own (fresh copy).</summary>
    public static JObject SignedEndorsement() => EndorsementCredential();

    private static JObject Subject(JObject credential) => (JObject)credential["credentialSubject"]!;

    private static JObject Achievement(JObject credential) => (JObject)Subject(credential)["achievement"]!;

    // Strings stay strings (no date sniffing), numbers keep their written form.
    private static JToken J(string json) => JsonInput.Parse(json);

    private static string Hex(string text, int bytes) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, bytes));

    // A deterministic UUID-shaped URN (version nibble 8: custom/name-derived) for the entry.
    private static string Urn(string slug)
    {
        var h = Hex("openbadges-interop-corpus/" + slug, 16);
        return $"urn:uuid:{h[..8]}-{h[8..12]}-8{h[13..16]}-a{h[17..20]}-{h[20..32]}";
    }
}
