using System.Text;

namespace OpenBadges.Json;

/// <summary>The one UTF-8 encoding every input and output path uses: no byte order mark, and invalid bytes are an error, never a replacement character that would then be signed.</summary>
internal static class StrictUtf8
{
    public static readonly UTF8Encoding Encoding = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
