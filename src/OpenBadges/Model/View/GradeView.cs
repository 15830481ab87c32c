namespace OpenBadges.Model;

/// <summary>O3: one <c>credentialSubject.result[]</c> with the <c>achievement.resultDescription[]</c> it names.</summary>
public sealed class GradeView
{
    internal GradeView(string? name, string? value, string? status, string? resultType, string? requiredValue, string? valueMin, string? valueMax)
    {
        Name = name;
        Value = value;
        Status = status;
        ResultType = resultType;
        RequiredValue = requiredValue;
        ValueMin = valueMin;
        ValueMax = valueMax;
    }

    /// <summary>The result description's <c>name</c> (e.g. "Final grade"); null when the result names no description in the achievement.</summary>
    public string? Name { get; }

    /// <summary><c>result.value</c>, e.g. <c>7.5</c>.</summary>
    public string? Value { get; }

    /// <summary><c>result.status</c>, e.g. <c>Completed</c>.</summary>
    public string? Status { get; }

    /// <summary>The description's <c>resultType</c>.</summary>
    public string? ResultType { get; }

    /// <summary>The description's <c>requiredValue</c> (the pass mark).</summary>
    public string? RequiredValue { get; }

    /// <summary>The description's <c>valueMin</c>.</summary>
    public string? ValueMin { get; }

    /// <summary>The description's <c>valueMax</c>.</summary>
    public string? ValueMax { get; }
}
