namespace OpenBadges.Oid4Vci.VcApi;

/// <summary>The paths the exchange endpoints are mapped under (relative to <see cref="VcApiExchangeOptions.BaseUrl"/>).</summary>
public static class VcApiPaths
{
    /// <summary>The exchanges, followed by <c>/{exchangeId}</c>: POST to participate (VCALM "Participate in an Exchange").</summary>
    public const string Exchanges = "/exchanges";

    /// <summary>After an exchange URL: GET gives the protocols object (VCALM "Interaction Protocols Response").</summary>
    public const string ProtocolsSuffix = "/protocols";
}
