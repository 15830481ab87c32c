namespace OpenBadges.Model;

/// <summary>O5: an <c>evidence[]</c> entry of the credential.</summary>
public sealed class EvidenceView
{
    internal EvidenceView(string? id, string? name)
    {
        Id = id;
        Name = name;
    }

    /// <summary><c>id</c> (a URL).</summary>
    public string? Id { get; }

    /// <summary><c>name</c>.</summary>
    public string? Name { get; }
}
