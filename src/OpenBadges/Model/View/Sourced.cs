namespace OpenBadges.Model;

/// <summary>A value read from a credential together with the JSON path it was read from (e.g. <c>issuer.address.addressCountryCode</c>).</summary>
/// <typeparam name="T">The value's type.</typeparam>
public sealed class Sourced<T>
{
    internal Sourced(T value, string path)
    {
        Value = value;
        Path = path;
    }

    /// <summary>The value.</summary>
    public T Value { get; }

    /// <summary>Where in the credential JSON the value was found, relative to the credential (Newtonsoft path syntax).</summary>
    public string Path { get; }

    /// <summary>The value and its path, for diagnostics.</summary>
    public override string ToString() => $"{Value} (at {Path})";
}
