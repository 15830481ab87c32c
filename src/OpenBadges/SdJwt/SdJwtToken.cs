using System.Diagnostics.CodeAnalysis;
using System.Text;
using OpenBadges.Internal;
using OpenBadges.Json;

namespace OpenBadges.SdJwt;

/// <summary>
/// The compact serialization of an SD-JWT (RFC 9901 §4): <c>&lt;issuer-signed JWT&gt;~&lt;Disclosure&gt;~…~</c>, or with a Key
/// Binding JWT after the last <c>~</c> (an SD-JWT+KB). Only splits; nothing is verified here. Immutable.
/// </summary>
public sealed class SdJwtToken
{
    private readonly string[] _disclosures;

    /// <summary>Assembles a token from its parts.</summary>
    /// <exception cref="ArgumentException">A part is empty or contains <c>~</c>.</exception>
    public SdJwtToken(string issuerSignedJwt, IEnumerable<string> disclosures, string? keyBindingJwt = null)
    {
        ArgumentNullException.ThrowIfNull(issuerSignedJwt);
        ArgumentNullException.ThrowIfNull(disclosures);
        _disclosures = [.. disclosures];
        foreach (var part in _disclosures.Prepend(issuerSignedJwt).Concat(keyBindingJwt is null ? [] : [keyBindingJwt]))
        {
            if (string.IsNullOrEmpty(part) || part.Contains(SdJwtNames.Separator, StringComparison.Ordinal))
            {
                throw SdJwtErrors.TokenPartInvalid(nameof(disclosures));
            }
        }

        IssuerSignedJwt = issuerSignedJwt;
        KeyBindingJwt = keyBindingJwt;
    }

    /// <summary>The issuer-signed JWT.</summary>
    public string IssuerSignedJwt { get; }

    /// <summary>The encoded Disclosures, in order.</summary>
    public IReadOnlyList<string> Disclosures => _disclosures;

    /// <summary>The Key Binding JWT, or null.</summary>
    public string? KeyBindingJwt { get; }

    /// <summary>The SD-JWT without its KB-JWT, ending in <c>~</c>: the input of <c>sd_hash</c> (RFC 9901 §4.3.1).</summary>
    public string WithoutKeyBinding()
    {
        var text = new StringBuilder(IssuerSignedJwt).Append(SdJwtNames.Separator);
        foreach (var disclosure in _disclosures)
        {
            text.Append(disclosure).Append(SdJwtNames.Separator);
        }

        return text.ToString();
    }

    /// <summary>The whole compact serialization.</summary>
    public override string ToString() => WithoutKeyBinding() + KeyBindingJwt;

    /// <summary>This token with <paramref name="keyBindingJwt"/> appended (replacing any).</summary>
    public SdJwtToken WithKeyBinding(string? keyBindingJwt) => new(IssuerSignedJwt, _disclosures, keyBindingJwt);

    /// <summary>Decodes every Disclosure.</summary>
    /// <exception cref="FormatException">A Disclosure is not one.</exception>
    public IReadOnlyList<Disclosure> DecodeDisclosures(JsonLimits? limits = null)
    {
        var decoded = new List<Disclosure>(_disclosures.Length);
        foreach (var encoded in _disclosures)
        {
            if (!Disclosure.TryParse(encoded, limits ?? JsonLimits.Default, out var disclosure, out var error))
            {
                throw SdJwtErrors.DisclosureInvalid(Truncate(encoded), error);
            }

            decoded.Add(disclosure);
        }

        return decoded;
    }

    /// <summary>Splits <paramref name="text"/>; <paramref name="error"/> names the rule when it is not an SD-JWT.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out SdJwtToken? token, [NotNullWhen(false)] out string? error)
    {
        token = null;
        if (string.IsNullOrEmpty(text))
        {
            error = "the SD-JWT is empty";
            return false;
        }

        var parts = text.Split(SdJwtNames.Separator);
        if (parts.Length < 2)
        {
            error = "RFC 9901 §4: an SD-JWT is the issuer-signed JWT followed by '~' (and Disclosures each followed by '~'); no '~' was found";
            return false;
        }

        if (parts[0].Length == 0)
        {
            error = "RFC 9901 §4: the issuer-signed JWT before the first '~' is empty";
            return false;
        }

        for (var i = 1; i < parts.Length - 1; i++)
        {
            if (parts[i].Length == 0)
            {
                error = $"RFC 9901 §4: part {i + 1} between two '~' is empty; every Disclosure is non-empty";
                return false;
            }
        }

        var last = parts[^1];
        token = new SdJwtToken(parts[0], parts[1..^1], last.Length == 0 ? null : last);
        error = null;
        return true;
    }

    /// <summary>Splits <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">Not an SD-JWT.</exception>
    public static SdJwtToken Parse(string text) =>
        TryParse(text, out var token, out var error) ? token : throw SdJwtErrors.TokenNotParsed(error);

    internal static string Truncate(string text) => text.Length <= 24 ? text : text[..24] + "…";
}
