using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OpenBadges.Oid4Vci.VcApi;

/// <summary>
/// How a learner's wallet reaches a new exchange: the exchange URL itself (VCALM <c>protocols.vcapi</c>), the VCALM
/// interaction URL (<c>?iuv=1</c>, for a QR code), and the Learner Credential Wallet's deep link.
/// </summary>
public sealed class VcApiExchangeInvitation
{
    /// <summary>The host of the Learner Credential Wallet's universal link.</summary>
    public const string LearnerCredentialWalletRequestUrl = "https://lcw.app/request";

    internal VcApiExchangeInvitation(string exchangeId, string exchangeUrl, string origin, DateTimeOffset expires)
    {
        ExchangeId = exchangeId;
        ExchangeUrl = exchangeUrl;
        InteractionUrl = exchangeUrl + VcApiPaths.ProtocolsSuffix + "?iuv=1";
        Expires = expires;
        Protocols = new JObject { ["vcapi"] = exchangeUrl };
        // The wallet's request format: the origin it shows the learner and the protocols it may use.
        var request = new JObject { ["credentialRequestOrigin"] = origin, ["protocols"] = Protocols.DeepClone() };
        LearnerCredentialWalletLink = LearnerCredentialWalletRequestUrl + "?request=" + Uri.EscapeDataString(request.ToString(Formatting.None));
    }

    /// <summary>The exchange's id (128 random bits, base64url).</summary>
    public string ExchangeId { get; }

    /// <summary>The URL a wallet POSTs to: <c>{}</c> first, then its DIDAuth presentation.</summary>
    public string ExchangeUrl { get; }

    /// <summary>The VCALM interaction URL: GET with <c>Accept: application/json</c> gives <see cref="Protocols"/>.</summary>
    public string InteractionUrl { get; }

    /// <summary>The Learner Credential Wallet's link (<c>https://lcw.app/request?request=…</c>) that opens the exchange in the app.</summary>
    public string LearnerCredentialWalletLink { get; }

    /// <summary>When the exchange stops answering.</summary>
    public DateTimeOffset Expires { get; }

    /// <summary>The VCALM protocols object: <c>{"vcapi": ExchangeUrl}</c>.</summary>
    public JObject Protocols { get; }

    /// <summary>The invitation as JSON, for an institution's back office.</summary>
    public JObject ToJson() => new()
    {
        ["exchangeId"] = ExchangeId,
        ["expires"] = Expires.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        ["protocols"] = Protocols.DeepClone(),
        ["interactionUrl"] = InteractionUrl,
        ["learnerCredentialWalletLink"] = LearnerCredentialWalletLink,
    };

    /// <summary>A text QR code of <see cref="InteractionUrl"/> (for a terminal), as <see cref="CredentialOffer.QrText"/> draws it.</summary>
    public string QrText() => CredentialOffer.QrText(InteractionUrl);
}
