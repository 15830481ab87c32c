using Newtonsoft.Json.Linq;

namespace OpenBadges.Oid4Vci;

/// <summary>
/// The Credential Configurations this issuer offers (OpenID4VCI 1.0 §12.2.4 and Appendix A.1): an Open Badges 3.0
/// <c>OpenBadgeCredential</c> as a Data Integrity secured credential (<c>ldp_vc</c>, eddsa-rdfc-2022) and as a VC-JWT
/// (<c>jwt_vc_json</c>, EdDSA).
/// </summary>
public static class OpenBadgeCredentialConfigurations
{
    /// <summary>The configuration id of the <c>ldp_vc</c> form.</summary>
    public const string LdpVc = "OpenBadgeCredential_ldp_vc";

    /// <summary>The configuration id of the <c>jwt_vc_json</c> form.</summary>
    public const string JwtVcJson = "OpenBadgeCredential_jwt_vc_json";

    /// <summary>The OAuth scope a wallet may request either form with.</summary>
    public const string Scope = "OpenBadgeCredential";

    /// <summary>Key proof algorithms accepted from wallets (an allow-list: never <c>none</c>, never a MAC).</summary>
    public static IReadOnlyList<string> ProofAlgorithms { get; } = ["EdDSA", "ES256"];

    /// <summary>Holder binding methods: the wallet key as a did:key or did:jwk DID.</summary>
    public static IReadOnlyList<string> BindingMethods { get; } = ["did:key", "did:jwk"];

    /// <summary>Every configuration id, in metadata order.</summary>
    public static IReadOnlyList<string> All { get; } = [LdpVc, JwtVcJson];

    /// <summary>True when <paramref name="id"/> names one of <see cref="All"/>.</summary>
    public static bool IsKnown(string? id) => id is LdpVc or JwtVcJson;

    /// <summary>The <c>credential_configurations_supported</c> member of the issuer metadata.</summary>
    public static JObject ToMetadata(string displayName)
    {
        return new JObject
        {
            [LdpVc] = Configuration("ldp_vc", "eddsa-rdfc-2022", displayName, withContext: true),
            [JwtVcJson] = Configuration("jwt_vc_json", "EdDSA", displayName, withContext: false),
        };
    }

    private static JObject Configuration(string format, string signingAlgorithm, string displayName, bool withContext)
    {
        var definition = new JObject();
        if (withContext)
        {
            // Appendix A.1.2: ldp_vc names the @context too.
            definition["@context"] = new JArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
        }

        definition["type"] = new JArray("VerifiableCredential", "OpenBadgeCredential");
        return new JObject
        {
            ["format"] = format,
            ["scope"] = Scope,
            ["cryptographic_binding_methods_supported"] = new JArray(BindingMethods),
            ["credential_signing_alg_values_supported"] = new JArray(signingAlgorithm),
            ["proof_types_supported"] = new JObject
            {
                ["jwt"] = new JObject { ["proof_signing_alg_values_supported"] = new JArray(ProofAlgorithms) },
            },
            ["credential_definition"] = definition,
            ["credential_metadata"] = new JObject
            {
                ["display"] = new JArray(new JObject { ["name"] = displayName, ["locale"] = "en" }),
            },
        };
    }
}
