namespace OpenBadges.JsonLd;

/// <summary>The container mapping of a term definition, as flags (spec 4.2.2 step 19).</summary>
[Flags]
internal enum ContainerKinds
{
    None = 0,
    List = 1,
    Set = 2,
    Index = 4,
    Language = 8,
    Id = 16,
    Type = 32,
    Graph = 64,
}
