using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using QRCoder;

namespace OpenBadges.Oid4Vci;

/// <summary>
/// A Credential Offer (OpenID4VCI 1.0 §4.1) for the pre-authorized code or the authorization code flow: the offer object, the
/// <c>openid-credential-offer://</c> URI carrying it by value and by reference, and a QR code of either.
/// </summary>
public sealed class CredentialOffer
{
    /// <summary>The URI scheme wallets register for offers (§4.1).</summary>
    public const string Scheme = "openid-credential-offer://";

    /// <summary>The grant type of the pre-authorized code flow (§3.5).</summary>
    public const string PreAuthorizedCodeGrant = "urn:ietf:params:oauth:grant-type:pre-authorized_code";

    /// <summary>The grant of the authorization code flow (§4.1.1).</summary>
    public const string AuthorizationCodeGrant = "authorization_code";

    internal CredentialOffer(JObject offer, string referenceUrl, string? txCode)
    {
        Offer = offer;
        ReferenceUrl = referenceUrl;
        TxCode = txCode;
    }

    /// <summary>The Credential Offer object (§4.1.1). Do not modify.</summary>
    public JObject Offer { get; }

    /// <summary>Where the offer is served for <c>credential_offer_uri</c> (§4.1.3).</summary>
    public string ReferenceUrl { get; }

    /// <summary>The transaction code the learner must type, sent to them out of band (never put it in the offer); null when none.</summary>
    public string? TxCode { get; }

    /// <summary>The pre-authorized code in the offer.</summary>
    /// <exception cref="InvalidOperationException">An authorization code offer (it has <see cref="IssuerState"/> instead).</exception>
    public string PreAuthorizedCode => (string?)Offer["grants"]![PreAuthorizedCodeGrant]?["pre-authorized_code"]
        ?? throw new InvalidOperationException("this is an authorization code offer: it has an issuer_state, not a pre-authorized code.");

    /// <summary>The <c>issuer_state</c> of an authorization code offer; null for a pre-authorized code offer.</summary>
    public string? IssuerState => (string?)Offer["grants"]![AuthorizationCodeGrant]?["issuer_state"];

    /// <summary>The offer by value: <c>openid-credential-offer://?credential_offer=…</c> (§4.1.2).</summary>
    public string ByValueUri => Scheme + "?credential_offer=" + Uri.EscapeDataString(Offer.ToString(Formatting.None));

    /// <summary>The offer by reference: <c>openid-credential-offer://?credential_offer_uri=…</c> (§4.1.3).</summary>
    public string ByReferenceUri => Scheme + "?credential_offer_uri=" + Uri.EscapeDataString(ReferenceUrl);

    /// <summary>A PNG QR code of <paramref name="uri"/> (use <see cref="ByReferenceUri"/>: it stays small).</summary>
    public static byte[] QrPng(string uri, int pixelsPerModule = 8)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    /// <summary>The QR code of <paramref name="uri"/> drawn with block characters, for a terminal.</summary>
    public static string QrText(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.L);
        return new AsciiQRCode(data).GetGraphicSmall();
    }
}
