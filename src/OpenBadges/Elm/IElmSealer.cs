using Newtonsoft.Json.Linq;

namespace OpenBadges.Elm;

/// <summary>
/// The institution's sealing service for an ELM credential (an eIDAS qualified electronic seal, JAdES, as the European
/// Digital Credentials infrastructure expects). This library never seals an ELM credential itself and never claims
/// one is sealed: a qualified seal needs the institution's qualified certificate and signature service.
/// </summary>
public interface IElmSealer
{
    /// <summary>Seals <paramref name="credential"/> and returns the sealed form as the service produces it (e.g. a JAdES JWS).</summary>
    ValueTask<string> SealAsync(JObject credential, CancellationToken cancellationToken = default);
}
