using Newtonsoft.Json.Linq;

namespace OpenBadges.Oid4Vci;

/// <summary>
/// The Credential Configurations this issuer offers (OpenID4VCI 1.0 §12.2.4 and Appendix A.1): an Open Badges 3.0
/// <c>OpenBadgeCredential</c> as a Data Integrity secured credential (<c>ldp_vc</c>: eddsa-rdfc-2022, and
/// ecdsa-sd-2023 when the issuer has a P-256 key) and as a VC-JWT (<c>jwt_vc_json</c>: EdDSA, and ES256 when the
/// issuer has a P-256 key).
/// </summary>
public static class OpenBadgeCredentialConfigurations
{
    /// <summary>The configuration id of the <c>ldp_vc</c> form signed with eddsa-rdfc-2022.</summary>
    public const string LdpVc = "OpenBadgeCredential_ldp_vc";

    /// <summary>The configuration id of the <c>jwt_vc_json</c> form signed with EdDSA.</summary>
    public const string JwtVcJson = "OpenBadgeCredential_jwt_vc_json";

    /// <summary>
    /// The configuration id of the <c>ldp_vc</c> form with an ecdsa-sd-2023 base proof: the wallet derives
    /// presentations that disclose only what it chooses beyond the mandatory statements.
    /// </summary>
    public const string LdpVcEcdsaSd2023 = "OpenBadgeCredential_ldp_vc_ecdsa_sd_2023";

    /// <summary>The configuration id of the <c>jwt_vc_json</c> form signed with ES256 (P-256).</summary>
    public const string JwtVcJsonEs256 = "OpenBadgeCredential_jwt_vc_json_es256";

    /// <summary>The OAuth scope a wallet may request any form with.</summary>
    public const string Scope = "OpenBadgeCredential";

    /// <summary>Key proof algorithms accepted from wallets (an allow-list: never <c>none</c>, never a MAC).</summary>
    public static IReadOnlyList<string> ProofAlgorithms { get; } = ["EdDSA", "ES256"];

    /// <summary>Holder binding methods: the wallet key as a did:key or did:jwk DID.</summary>
    public static IReadOnlyList<string> BindingMethods { get; } = ["did:key", "did:jwk"];

    /// <summary>Every configuration id this package knows, in metadata order (an issuer offers those its keys can sign).</summary>
    public static IReadOnlyList<string> All { get; } = [LdpVc, JwtVcJson, LdpVcEcdsaSd2023, JwtVcJsonEs256];

    /// <summary>The configurations an issuer with an Ed25519 key, and with <paramref name="withP256"/> a P-256 key too, can sign.</summary>
    public static IReadOnlyList<string> Signable(bool withP256) => withP256 ? All : [LdpVc, JwtVcJson];

    /// <summary>True when <paramref name="id"/> names one of <see cref="All"/>.</summary>
    public static bool IsKnown(string? id) => id is LdpVc or JwtVcJson or LdpVcEcdsaSd2023 or JwtVcJsonEs256;

    /// <summary>True when <paramref name="id"/> is signed with the issuer's P-256 key.</summary>
    public static bool NeedsP256(string id) => id is LdpVcEcdsaSd2023 or JwtVcJsonEs256;

    /// <summary>The <c>credential_configurations_supported</c> member of the issuer metadata for <paramref name="ids"/>.</summary>
    public static JObject ToMetadata(string displayName, IReadOnlyList<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var metadata = new JObject();
        foreach (var id in ids)
        {
            metadata[id] = id switch
            {
                LdpVc => Configuration("ldp_vc", "eddsa-rdfc-2022", displayName, withContext: true),
                JwtVcJson => Configuration("jwt_vc_json", "EdDSA", displayName, withContext: false),
                LdpVcEcdsaSd2023 => Configuration("ldp_vc", "ecdsa-sd-2023", displayName, withContext: true),
                JwtVcJsonEs256 => Configuration("jwt_vc_json", "ES256", displayName, withContext: false),
                _ => throw new ArgumentException($"unknown credential configuration '{id}'.", nameof(ids)),
            };
        }

        return metadata;
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
