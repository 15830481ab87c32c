using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenBadges.Checks;
using OpenBadges.Json;

namespace OpenBadges.Verification;

/// <summary>System.Text.Json input: read through <see cref="JsonInput"/>'s rules, then verified as bytes or text.</summary>
public sealed partial class CredentialVerifier
{
    /// <summary>
    /// Verifies a credential held as a System.Text.Json element: an object is verified from the bytes it was parsed
    /// from (not a re-serialization); a string is read as text (a VC-JWT). Never throws for a readable element.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="credential"/> is <c>default(JsonElement)</c>.</exception>
    public Task<VerificationReport> VerifyAsync(JsonElement credential, CancellationToken cancellationToken = default) =>
        credential.ValueKind switch
        {
            JsonValueKind.Undefined => throw VerificationErrors.DefaultJsonElement(nameof(credential)),
            JsonValueKind.String when TryGetString(credential) is { } text => VerifyAsync(text, cancellationToken),
            _ => VerifyAsync(JsonMarshal.GetRawUtf8Value(credential).ToArray(), cancellationToken),
        };

    /// <summary>
    /// Verifies a credential held as a System.Text.Json node (the JSON it writes is verified; a string node is read as
    /// text, a VC-JWT). Never throws on bad input.
    /// </summary>
    public Task<VerificationReport> VerifyAsync(JsonNode credential, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credential);
        if (credential is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return VerifyAsync(text, cancellationToken);
        }

        byte[] utf8;
        try
        {
            utf8 = JsonInput.WriteUtf8(credential, _options.JsonLimits);
        }
        catch (JsonInputException e)
        {
            return Task.FromResult(Unreadable(e, VerificationReportKind.Credential));
        }

        return VerifyAsync(utf8, cancellationToken);
    }

    /// <summary>The report on a System.Text.Json node that could not be written as JSON (far too deep).</summary>
    internal static VerificationReport Unreadable(JsonInputException e, VerificationReportKind kind)
    {
        var check = e.CouldNotRead
            ? VerificationCheck.Undecided(CheckNames.Parse, e.Message, null, InputReader.Rule)
            : VerificationCheck.Fail(CheckNames.Parse, e.Message, null, InputReader.Rule);
        return new VerificationReport(kind, location: null, format: "object", credential: null, [check], [], [], refreshed: null, strict: false);
    }

    // A string with an escaped lone surrogate has no .NET string form; its raw bytes then fail as JSON, as they should.
    private static string? TryGetString(JsonElement element)
    {
        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
