using Newtonsoft.Json.Linq;

namespace OpenBadges.Model;

/// <summary>
/// The JSON-LD extension context for the European micro-credential elements that OB 3.0 has no field for
/// (DESIGN.md §3). The builder writes it inline as the third <c>@context</c> entry, so any JSON-LD verifier can
/// process a micro-credential without fetching anything.
/// <para>
/// Shape: one type-scoped term, <c>EuropeanMicroCredential</c>, added to the achievement's <c>type</c>
/// (<c>["Achievement", "EuropeanMicroCredential"]</c>). JSON-LD 1.1 applies a type-scoped context to the node whose
/// <c>@type</c> names it (expansion step 11, types in lexicographic order: <c>Achievement</c>'s context first, then this
/// one), and not to nested nodes (type-scoped contexts do not propagate) — so these terms are defined exactly on the
/// achievement node. Both the OB 3.0.3 context and its <c>Achievement</c> scoped context are <c>@protected</c>:
/// redefining any of their terms would be an error, so every term here is a name neither context defines
/// (this context does not even re-alias <c>id</c>/<c>type</c>).
/// </para>
/// <para>
/// Term IRIs are SURF edubadges' glossary IRIs, because the JSON names follow SURF's published micro-credential
/// examples. ELM (<c>http://data.europa.eu/snb/model/elm/</c>) was considered term by term and does not fit the
/// literal values used here: <c>elm:entryRequirement</c> ranges over <c>elm:Note</c> objects, <c>elm:creditPoint</c>
/// over <c>elm:CreditPoint</c> objects, <c>elm:mode</c> and <c>elm:idVerification</c> over <c>skos:Concept</c> IRIs,
/// and <c>elm:volumeOfLearning</c> over <c>xsd:duration</c>; using them for plain strings and numbers would make
/// ill-typed RDF.
/// </para>
/// </summary>
public static class MicroCredentialContext
{
    /// <summary>The achievement type that activates the extension terms.</summary>
    public const string TypeName = "EuropeanMicroCredential";

    /// <summary>The namespace of every extension IRI.</summary>
    public const string Vocabulary = "https://edubadges.nl/static/obv3-glossary.html#";

    /// <summary>IRI of <see cref="TypeName"/>.</summary>
    public const string TypeIri = Vocabulary + TypeName;

    /// <summary>M7: ECTS credits (number).</summary>
    public const string EctsTerm = "ECTS";

    /// <summary>M7: Dutch vocational study hours, studiebelastingsuren (number).</summary>
    public const string SbuTerm = "SBU";

    /// <summary>M9: type of assessment (string, <see cref="MicroCredentialVocabulary.AssessmentTypeValues"/>).</summary>
    public const string AssessmentTypeTerm = "assessmentType";

    /// <summary>M10: form of participation (string, <see cref="MicroCredentialVocabulary.ParticipationTypeValues"/>).</summary>
    public const string ParticipationTypeTerm = "participationType";

    /// <summary>O2: supervision during assessment (string, <see cref="MicroCredentialVocabulary.SupervisionTypeValues"/>).</summary>
    public const string SupervisionTypeTerm = "supervisionType";

    /// <summary>O2: whether the learner's identity was checked (boolean).</summary>
    public const string IdentityCheckedTerm = "identityChecked";

    /// <summary>O1: prerequisites needed to enrol (string).</summary>
    public const string PrerequisitesTerm = "prerequisites";

    /// <summary>O4: stackability (string, <see cref="MicroCredentialVocabulary.StackabilityValues"/>).</summary>
    public const string StackabilityTerm = "stackability";

    private const string XsdDouble = "http://www.w3.org/2001/XMLSchema#double";
    private const string XsdBoolean = "http://www.w3.org/2001/XMLSchema#boolean";

    private static readonly Lazy<JObject> Shared = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Every term the extension defines inside the <see cref="TypeName"/> scope.</summary>
    public static IReadOnlyList<string> Terms { get; } =
    [
        EctsTerm, SbuTerm, AssessmentTypeTerm, ParticipationTypeTerm, SupervisionTypeTerm, IdentityCheckedTerm,
        PrerequisitesTerm, StackabilityTerm,
    ];

    /// <summary>A new copy of the inline context object (callers may modify their copy).</summary>
    public static JObject CreateInlineContext() => (JObject)Shared.Value.DeepClone();

    /// <summary>True when <paramref name="contextEntry"/> is (JSON-equal to) this extension context.</summary>
    public static bool IsExtensionContext(JToken contextEntry) => JToken.DeepEquals(contextEntry, Shared.Value);

    private static JObject Create()
    {
        var scoped = new JObject
        {
            ["@protected"] = true,

            // Numbers are coerced to xsd:double. JSON-LD's toRdf writes a number with a fraction part in the
            // canonical xsd:double form ("7.5E0") whatever the datatype, so xsd:decimal would yield ill-typed
            // literals ("7.5E0"^^xsd:decimal) and xsd:integer would break on half credits. With xsd:double every
            // JSON spelling of a value (5, 5.0) becomes the same literal "5.0E0", so the signature does not depend on
            // how a serializer happened to print the number.
            [EctsTerm] = Term(EctsTerm, XsdDouble),
            [SbuTerm] = Term(SbuTerm, XsdDouble),
            [AssessmentTypeTerm] = Term(AssessmentTypeTerm),
            [ParticipationTypeTerm] = Term(ParticipationTypeTerm),
            [SupervisionTypeTerm] = Term(SupervisionTypeTerm),
            [IdentityCheckedTerm] = Term(IdentityCheckedTerm, XsdBoolean),
            [PrerequisitesTerm] = Term(PrerequisitesTerm),
            [StackabilityTerm] = Term(StackabilityTerm),
        };

        return new JObject
        {
            ["@protected"] = true,
            [TypeName] = new JObject
            {
                ["@id"] = TypeIri,
                ["@context"] = scoped,
            },
        };
    }

    private static JObject Term(string name, string? datatype = null)
    {
        var definition = new JObject { ["@id"] = Vocabulary + name };
        if (datatype is not null)
        {
            definition["@type"] = datatype;
        }

        return definition;
    }
}
