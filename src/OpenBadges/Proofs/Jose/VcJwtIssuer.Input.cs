using System.Text.Json;
using System.Text.Json.Nodes;
using OpenBadges.Json;

namespace OpenBadges.Proofs.Jose;

/// <summary>JSON text, UTF-8 bytes and System.Text.Json credentials, read by <see cref="JsonInput"/>.</summary>
public sealed partial class VcJwtIssuer
{
    /// <summary>Issues a credential given as JSON text as a compact JWS.</summary>
    /// <exception cref="JsonInputException">The text is not acceptable JSON.</exception>
    /// <exception cref="ArgumentException">The credential cannot become a VC-JWT (see <see cref="CreatePayload"/>).</exception>
    public Task<string> IssueAsync(string credential, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return IssueAsync(JsonInput.ParseObject(credential), cancellationToken);
    }

    /// <summary>Issues a credential given as UTF-8 JSON as a compact JWS.</summary>
    /// <exception cref="JsonInputException">The bytes are not acceptable JSON.</exception>
    /// <exception cref="ArgumentException">The credential cannot become a VC-JWT (see <see cref="CreatePayload"/>).</exception>
    public Task<string> IssueAsync(ReadOnlyMemory<byte> credential, CancellationToken cancellationToken = default) =>
        IssueAsync(JsonInput.ParseObject(credential.Span), cancellationToken);

    /// <summary>Issues a credential held as a System.Text.Json node as a compact JWS.</summary>
    /// <exception cref="JsonInputException">The node is not acceptable JSON.</exception>
    /// <exception cref="ArgumentException">The credential cannot become a VC-JWT (see <see cref="CreatePayload"/>).</exception>
    public Task<string> IssueAsync(JsonNode credential, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return IssueAsync(JsonInput.ReadObject(credential), cancellationToken);
    }

    /// <summary>Issues a credential held as a System.Text.Json element as a compact JWS.</summary>
    /// <exception cref="JsonInputException">The element is not acceptable JSON.</exception>
    /// <exception cref="ArgumentException">The credential cannot become a VC-JWT, or the element is <c>default</c>.</exception>
    public Task<string> IssueAsync(JsonElement credential, CancellationToken cancellationToken = default) =>
        IssueAsync(JsonInput.ReadObject(credential), cancellationToken);
}
