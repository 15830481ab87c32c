namespace OpenBadges.Elm;

/// <summary>
/// The learner's name for ELM (M1), which requires a <c>Person</c> with given and family name. An OB 3.0
/// micro-credential identifies the learner by a DID or a hashed e-mail/student number, so the exporting institution,
/// which knows the learner, supplies the name.
/// </summary>
public sealed class ElmLearner
{
    /// <summary>Makes a learner name.</summary>
    public ElmLearner(string givenName, string familyName)
    {
        GivenName = givenName;
        FamilyName = familyName;
    }

    /// <summary>Given name(s).</summary>
    public string GivenName { get; }

    /// <summary>Family name.</summary>
    public string FamilyName { get; }

    /// <summary>No personal data in logs.</summary>
    public override string ToString() => "ElmLearner(…)";
}
