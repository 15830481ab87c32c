using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenBadges.Json;

namespace OpenBadges.Verification;

/// <summary>System.Text.Json input, read through <see cref="JsonInput"/>'s rules and verified as UTF-8 bytes.</summary>
public sealed partial class PresentationVerifier
{
    /// <summary>Verifies a presentation held as a System.Text.Json element, from the bytes it was parsed from.</summary>
    /// <exception cref="ArgumentException"><paramref name="presentation"/> is <c>default(JsonElement)</c>.</exception>
    public Task<VerificationReport> VerifyAsync(JsonElement presentation, CancellationToken cancellationToken = default) =>
        presentation.ValueKind == JsonValueKind.Undefined
            ? throw VerificationErrors.DefaultJsonElement(nameof(presentation))
            : VerifyAsync(JsonMarshal.GetRawUtf8Value(presentation).ToArray(), cancellationToken);

    /// <summary>Verifies a presentation held as a System.Text.Json node (the JSON it writes). Never throws on bad input.</summary>
    public Task<VerificationReport> VerifyAsync(JsonNode presentation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(presentation);
        try
        {
            return VerifyAsync(JsonInput.WriteUtf8(presentation, _credentials.Options.JsonLimits), cancellationToken);
        }
        catch (JsonInputException e)
        {
            return Task.FromResult(CredentialVerifier.Unreadable(e, VerificationReportKind.Presentation));
        }
    }
}
