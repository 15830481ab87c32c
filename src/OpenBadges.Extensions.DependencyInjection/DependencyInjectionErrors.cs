namespace OpenBadges.Extensions.DependencyInjection;

/// <summary>
/// The error catalogue of this layer: one factory per message, each naming the field and the rule it broke. Callers
/// write <c>throw DependencyInjectionErrors.Name(...)</c>; a direct <c>throw new</c> of an exception is refused by the
/// OBE0001/OBE0002 analyzer rules (docs/architecture.md, "Errors").
/// </summary>
internal static class DependencyInjectionErrors
{
    internal static InvalidOperationException NoSigner() =>
        new($"No signer is configured: set {OpenBadgesOptions.SectionName}:SigningKeyFile to an Ed25519 key file (openbadges keygen), " + "set OpenBadgesOptions.Signer (e.g. a KMS key), or register an ISigner before AddOpenBadges.");

    internal static InvalidOperationException UnknownCryptosuite(string cryptosuite) =>
        new($"{OpenBadgesOptions.SectionName}:Cryptosuite '{cryptosuite}' is not known.");
}
