using System.Text;
using System.Xml;

namespace OpenBadges.Baking;

/// <summary>
/// Open Badges 3.0 baking for SVG: one <c>&lt;openbadges:credential&gt;</c> element (namespace
/// <c>https://purl.imsglobal.org/ob/v3p0</c>) as the first child of <c>&lt;svg&gt;</c>, holding the JSON
/// credential in CDATA, or a compact JWS in its <c>verify</c> attribute. DTDs are ignored and no external
/// entity is ever resolved. The image is read as a stream of nodes, never built into a document tree (building one
/// costs quadratic time in the nesting depth), and elements nest at most <see cref="MaxDepth"/> deep.
/// </summary>
public static class SvgBaker
{
    /// <summary>The OB 3.0 baking namespace.</summary>
    public const string Namespace = "https://purl.imsglobal.org/ob/v3p0";

    /// <summary>Largest SVG accepted (characters).</summary>
    public const int MaxImageLength = 16 * 1024 * 1024;

    /// <summary>Deepest element nesting accepted (the root <c>&lt;svg&gt;</c> is depth 1); drawing tools stay far below it.</summary>
    public const int MaxDepth = 256;

    private const string SvgNamespace = "http://www.w3.org/2000/svg";
    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    /// <summary>True when <paramref name="text"/> looks like an SVG document.</summary>
    public static bool IsSvg(string text) => text.Contains("<svg", StringComparison.Ordinal);

    /// <summary>Returns <paramref name="svg"/> carrying <paramref name="credential"/>, replacing any credential already baked in.</summary>
    /// <exception cref="BakingException">The input is not a well-formed SVG, or nests too deep.</exception>
    public static string Bake(string svg, string credential)
    {
        ArgumentNullException.ThrowIfNull(svg);
        ArgumentNullException.ThrowIfNull(credential);
        var trimmed = credential.Trim();
        var output = new StringBuilder(svg.Length + trimmed.Length + 128);
        Read(svg, reader =>
        {
            if (reader.NodeType == XmlNodeType.XmlDeclaration)
            {
                // Kept as written (the writer would leave it out, or claim the string's UTF-16).
                output.Append("<?xml ").Append(reader.Value).Append("?>");
                ReadNext(reader);
            }

            using (var writer = XmlWriter.Create(new StringWriter(output), new XmlWriterSettings
                   {
                       OmitXmlDeclaration = true, Indent = false, NewLineHandling = NewLineHandling.None, ConformanceLevel = ConformanceLevel.Document,
                   }))
            {
                try
                {
                    Copy(reader, writer, trimmed);
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException)
                {
                    // Names the reader lets through and the writer refuses (an element prefixed 'xmlns'): found by fuzzing.
                    throw BakingErrors.SvgNotWritable(e.Message);
                }
            }

            return 0;
        });
        return output.ToString();
    }

    /// <summary>The credential baked into <paramref name="svg"/> (JSON text or compact JWS), or null if there is no credential element.</summary>
    /// <exception cref="BakingException">
    /// Not a well-formed SVG, nested too deep, more than one credential element, or one that holds no credential (empty,
    /// or only an Open Badges 2.0 hosted-verification URL).
    /// </exception>
    public static string? Unbake(string svg)
    {
        ArgumentNullException.ThrowIfNull(svg);
        string? found = null;
        var count = 0;
        Read(svg, reader =>
        {
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element && IsCredential(reader))
                {
                    if (++count > 1)
                    {
                        throw BakingErrors.SvgMoreThanOneCredential();
                    }

                    found = ReadCredential(reader);
                    continue;
                }

                ReadNext(reader);
            }

            return 0;
        });
        if (found is null)
        {
            return null;
        }

        if (found.Length == 0)
        {
            throw BakingErrors.SvgCredentialEmpty();
        }

        if (!found.StartsWith('{') && (found.Split('.').Length != 3 || found.Contains(':', StringComparison.Ordinal)))
        {
            throw BakingErrors.SvgCredentialNotJsonOrJws();
        }

        return found;
    }

    private static bool IsCredential(XmlReader reader) => reader.LocalName == "credential" && reader.NamespaceURI == Namespace;

    /// <summary>The verify attribute, else the text inside; leaves the reader after the element.</summary>
    private static string ReadCredential(XmlReader reader)
    {
        var verify = reader.GetAttribute("verify");
        if (reader.IsEmptyElement)
        {
            ReadNext(reader);
            return verify?.Trim() ?? string.Empty;
        }

        var depth = reader.Depth;
        var text = new StringBuilder();
        ReadNext(reader);
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                text.Append(reader.Value);
            }

            ReadNext(reader);
        }

        ReadNext(reader);
        return verify is not null ? verify.Trim() : text.ToString().Trim();
    }

    /// <summary>Copies the image node by node, dropping every credential element and writing the new one first in the root.</summary>
    private static void Copy(XmlReader reader, XmlWriter writer, string credential)
    {
        var rootDone = false;
        while (!reader.EOF)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when IsCredential(reader):
                    SkipElement(reader);
                    continue;
                case XmlNodeType.Element:
                    var empty = reader.IsEmptyElement;
                    writer.WriteStartElement(reader.Prefix, reader.LocalName, reader.NamespaceURI);
                    var hasPrefix = false;
                    if (reader.MoveToFirstAttribute())
                    {
                        do
                        {
                            hasPrefix |= !rootDone && reader.NamespaceURI == XmlnsNamespace && reader.LocalName == "openbadges";
                            writer.WriteAttributeString(reader.Prefix, reader.LocalName, reader.NamespaceURI, reader.Value);
                        }
                        while (reader.MoveToNextAttribute());
                        reader.MoveToElement();
                    }

                    if (!rootDone)
                    {
                        rootDone = true;
                        if (!hasPrefix)
                        {
                            writer.WriteAttributeString("xmlns", "openbadges", XmlnsNamespace, Namespace);
                        }

                        writer.WriteStartElement("openbadges", "credential", Namespace);
                        if (credential.StartsWith('{'))
                        {
                            writer.WriteCData(credential);
                        }
                        else
                        {
                            writer.WriteAttributeString("verify", credential);
                        }

                        writer.WriteEndElement();
                    }

                    if (empty)
                    {
                        writer.WriteEndElement();
                    }

                    break;
                case XmlNodeType.EndElement:
                    writer.WriteFullEndElement();
                    break;
                case XmlNodeType.Text:
                    writer.WriteString(reader.Value);
                    break;
                case XmlNodeType.CDATA:
                    writer.WriteCData(reader.Value);
                    break;
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    writer.WriteWhitespace(reader.Value);
                    break;
                case XmlNodeType.Comment:
                    writer.WriteComment(reader.Value);
                    break;
                case XmlNodeType.ProcessingInstruction:
                    writer.WriteProcessingInstruction(reader.Name, reader.Value);
                    break;
            }

            ReadNext(reader);
        }
    }

    private static void SkipElement(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            ReadNext(reader);
            return;
        }

        var depth = reader.Depth;
        ReadNext(reader);
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            ReadNext(reader);
        }

        ReadNext(reader);
    }

    // Every move goes through here, so the depth limit and the root rule hold wherever the reading is.
    private static void ReadNext(XmlReader reader)
    {
        reader.Read();
        CheckElement(reader);
    }

    private static void CheckElement(XmlReader reader)
    {
        if (reader.NodeType != XmlNodeType.Element)
        {
            return;
        }

        if (reader.Depth == 0 && (reader.LocalName != "svg" || reader.NamespaceURI != SvgNamespace))
        {
            throw BakingErrors.SvgRootNotSvg();
        }

        if (reader.Depth >= MaxDepth)
        {
            throw BakingErrors.SvgTooDeep(MaxDepth, (reader as IXmlLineInfo)?.LineNumber);
        }
    }

    /// <summary>Opens <paramref name="svg"/> within the limits, requires an &lt;svg&gt; root, and hands the reader (on the root) to <paramref name="body"/>.</summary>
    private static T Read<T>(string svg, Func<XmlReader, T> body)
    {
        if (svg.Length > MaxImageLength)
        {
            throw BakingErrors.SvgTooLong(svg.Length, MaxImageLength);
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = MaxImageLength,
            IgnoreWhitespace = false,
        };
        try
        {
            using var reader = XmlReader.Create(new StringReader(svg), settings);
            if (!reader.Read())
            {
                throw BakingErrors.SvgEmpty();
            }

            CheckElement(reader);

            var result = body(reader);
            if (!reader.EOF || reader.ReadState != ReadState.EndOfFile)
            {
                throw BakingErrors.SvgUnterminated();
            }

            return result;
        }
        catch (XmlException e)
        {
            throw BakingErrors.SvgNotWellFormed(e.LineNumber, e.LinePosition, e.Message);
        }
    }
}
