using System.Xml;
using System.Xml.Linq;

namespace OpenBadges.Baking;

/// <summary>
/// Open Badges 3.0 baking for SVG: one <c>&lt;openbadges:credential&gt;</c> element (namespace
/// <c>https://purl.imsglobal.org/ob/v3p0</c>) as the first child of <c>&lt;svg&gt;</c>, holding the JSON
/// credential in CDATA, or a compact JWS in its <c>verify</c> attribute. DTDs are ignored and no external
/// entity is ever resolved.
/// </summary>
public static class SvgBaker
{
    /// <summary>The OB 3.0 baking namespace.</summary>
    public const string Namespace = "https://purl.imsglobal.org/ob/v3p0";

    /// <summary>Largest SVG accepted (characters).</summary>
    public const int MaxImageLength = 16 * 1024 * 1024;

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly XName CredentialName = XName.Get("credential", Namespace);

    /// <summary>True when <paramref name="text"/> looks like an SVG document.</summary>
    public static bool IsSvg(string text) => text.Contains("<svg", StringComparison.Ordinal);

    /// <summary>Returns <paramref name="svg"/> carrying <paramref name="credential"/>, replacing any credential already baked in.</summary>
    /// <exception cref="BakingException">The input is not a well-formed SVG.</exception>
    public static string Bake(string svg, string credential)
    {
        ArgumentNullException.ThrowIfNull(svg);
        ArgumentNullException.ThrowIfNull(credential);
        var document = Load(svg);
        var root = document.Root!;
        foreach (var old in root.Descendants(CredentialName).ToList())
        {
            old.Remove();
        }

        if (root.Attribute(XNamespace.Xmlns + "openbadges") is null)
        {
            root.SetAttributeValue(XNamespace.Xmlns + "openbadges", Namespace);
        }

        var trimmed = credential.Trim();
        var element = trimmed.StartsWith('{')
            ? new XElement(CredentialName, new XCData(trimmed))
            : new XElement(CredentialName, new XAttribute("verify", trimmed));
        root.AddFirst(element);

        using var writer = new StringWriter();
        using (var xml = XmlWriter.Create(writer, new XmlWriterSettings { OmitXmlDeclaration = document.Declaration is null, Indent = false }))
        {
            document.Save(xml);
        }

        return writer.ToString();
    }

    /// <summary>The credential baked into <paramref name="svg"/> (JSON text or compact JWS), or null if there is none.</summary>
    /// <exception cref="BakingException">Not a well-formed SVG, or more than one credential element.</exception>
    public static string? Unbake(string svg)
    {
        ArgumentNullException.ThrowIfNull(svg);
        var elements = Load(svg).Root!.Descendants(CredentialName).ToList();
        if (elements.Count > 1)
        {
            throw new BakingException("The SVG carries more than one openbadges:credential element; an image must carry exactly one credential.");
        }

        if (elements.Count == 0)
        {
            return null;
        }

        var verify = elements[0].Attribute("verify")?.Value;
        return verify is not null ? verify.Trim() : elements[0].Value.Trim();
    }

    private static XDocument Load(string svg)
    {
        if (svg.Length > MaxImageLength)
        {
            throw new BakingException($"The SVG is {svg.Length} characters; the limit is {MaxImageLength}.");
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
        };
        try
        {
            using var reader = XmlReader.Create(new StringReader(svg), settings);
            var document = XDocument.Load(reader, LoadOptions.PreserveWhitespace);
            if (document.Root is null || document.Root.Name != Svg + "svg")
            {
                throw new BakingException("Not an SVG image: the root element is not <svg> in the SVG namespace.");
            }

            return document;
        }
        catch (XmlException e)
        {
            throw new BakingException($"The SVG is not well-formed XML (line {e.LineNumber}, position {e.LinePosition}): {e.Message}");
        }
    }
}
