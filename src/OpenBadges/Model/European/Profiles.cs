namespace OpenBadges.Model;

/// <summary>The micro-credential profiles: <see cref="European"/> (the default), and two Dutch sector profiles.</summary>
public static class Profiles
{
    internal const string EctsPath = "$.credentialSubject.achievement." + MicroCredentialContext.EctsTerm;
    internal const string SbuPath = "$.credentialSubject.achievement." + MicroCredentialContext.SbuTerm;

    /// <summary>The EU base rules only: the workload is given as ECTS credits or SBU hours, greater than 0.</summary>
    public static MicroCredentialProfile European { get; } = new(
        nameof(European),
        "EU Council Recommendation 2022 base rules: workload as ECTS credits or SBU study hours, > 0.",
        (ects, hours, problems) =>
        {
            if (ects is null && hours is null)
            {
                problems.Add(new("M7", EctsPath, "the notional workload is required: ECTS credits (or SBU study hours), greater than 0"));
            }
        });

    /// <summary>Dutch higher education (HO): ECTS required, 3 to 30 EC, in steps of 0.5 EC.</summary>
    public static MicroCredentialProfile DutchHigherEducation { get; } = new(
        nameof(DutchHigherEducation),
        "Dutch higher education micro-credentials: ECTS required, 3–30 EC in steps of 0.5.",
        (ects, _, problems) =>
        {
            if (ects is null)
            {
                problems.Add(new("M7", EctsPath, "ECTS credits are required in the DutchHigherEducation profile"));
                return;
            }

            if (ects > 0 && (ects < 3 || ects > 30))
            {
                problems.Add(new("M7", EctsPath, $"the DutchHigherEducation profile requires 3 to 30 EC; found {ects}"));
            }

            if (ects > 0 && ects % 0.5m != 0)
            {
                problems.Add(new("M7", EctsPath, $"the DutchHigherEducation profile requires EC in steps of 0.5; found {ects}"));
            }
        });

    /// <summary>Dutch vocational education (MBO): SBU study hours required; ECTS not required.</summary>
    public static MicroCredentialProfile DutchVocational { get; } = new(
        nameof(DutchVocational),
        "Dutch vocational (MBO) micro-credentials: workload in SBU study hours; ECTS not required.",
        (_, hours, problems) =>
        {
            if (hours is null)
            {
                problems.Add(new("M7", SbuPath, "SBU study hours are required in the DutchVocational profile"));
            }
        });

    /// <summary>Every profile.</summary>
    public static IReadOnlyList<MicroCredentialProfile> All { get; } = [European, DutchHigherEducation, DutchVocational];

    /// <summary>Finds a profile by <see cref="MicroCredentialProfile.Name"/> (case-insensitive).</summary>
    public static bool TryGet(string? name, out MicroCredentialProfile profile)
    {
        profile = All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))!;
        return profile is not null;
    }
}
