using OpenBadges.Issuer.Storage;

namespace OpenBadges.Issuer;

/// <summary>
/// The error catalogue of this layer: one factory per message, each naming the field and the rule it broke. Callers
/// write <c>throw IssuerErrors.Name(...)</c>; a direct <c>throw new</c> of an exception is refused by the
/// OBE0001/OBE0002 analyzer rules (docs/architecture.md, "Errors").
/// </summary>
internal static class IssuerErrors
{
    internal static ArgumentException UnknownStorageProvider(string? provider, string paramName) =>
        new($"Storage provider '{provider}' is not known; use 'sqlite' or 'postgresql'.", paramName);

    internal static ArgumentOutOfRangeException UnknownStatusAction(string paramName, StatusAction action) =>
        new(paramName, action, "unknown status action");

    internal static InvalidOperationException SchemaTooNew(int current, int known) =>
        new($"The database schema is version {current}; this service knows versions up to {known}. Run a newer service.");

    internal static InvalidOperationException StatusSlotNotAllocated(string purpose) =>
        new($"Could not allocate a {purpose} status list entry after 16 attempts.");

    internal static InvalidOperationException ConflictingRow(string id, long listId, int index) =>
        new($"Credential {id} conflicted with a stored row that is neither its idempotency key nor its natural key (status slot {listId}/{index} taken twice?).");

    internal static ArgumentException UnsupportedStatusPurpose(string purpose, string paramName) =>
        new($"statusPurpose '{purpose}' is not supported; use 'revocation' or 'suspension'.", paramName);

    internal static ArgumentException UnknownScope(string scope, string known, string paramName) =>
        new($"Scope '{scope}' is not known; use {known}.", paramName);

    internal static InvalidOperationException NoSigningKey() =>
        new("Configure the signing key: OpenBadges:KeyFile (a path to an 'openbadges keygen' file) or OpenBadges:Key (its JSON).");

    internal static ArgumentException ControllerNotDidWeb(string controller, string reason, string paramName) =>
        new($"The key's controller '{controller}' is not a did:web DID: {reason}. Make the key with 'openbadges keygen --controller did:web:your.host'.", paramName);
}
