namespace OpenBadges.SdJwt;

/// <summary>
/// The error catalogue of this layer: one factory per message, each naming the field and the rule it broke. Callers
/// write <c>throw SdJwtErrors.Name(...)</c>; a direct <c>throw new</c> of an exception is refused by the
/// OBE0001/OBE0002 analyzer rules (docs/architecture.md, "Errors").
/// </summary>
internal static class SdJwtErrors
{
    internal static InvalidOperationException FetcherReturnedNothing() =>
        new("the fetcher returned no text");

    internal static ArgumentException DurationsNegative(string paramName) =>
        new("ClockSkew and KeyBindingMaxAge must not be negative.", paramName);

    internal static ArgumentException LimitsNotPositive(string paramName) =>
        new("MaxLength, MaxDisclosures, MaxJsonDepth and MaxStatusListBytes must be positive.", paramName);

    internal static ArgumentException ClaimsCarryIssuerClaim(string paramName, object? name) =>
        new($"The claims already carry '{name}'; the SD-JWT VC issuer writes it from the options.", paramName);

    internal static ArgumentException StatusEntryInvalid(string paramName) =>
        new("The status entry needs an absolute URI and a non-negative index.", paramName);

    internal static ArgumentException NeverDisclosable(string paramName, object? name) =>
        new($"SD-JWT VC §3.2.2.2: '{name}' is never selectively disclosable.", paramName);

    internal static FormatException IssuerJwtUndecodable(object? error) =>
        new($"The issuer-signed JWT cannot be decoded: {error}.");

    internal static ArgumentException PathStaysInClear(string paramName, object? path) =>
        new($"'{path}' stays in the clear: a verifier needs it to process the credential.", paramName);

    internal static ArgumentOutOfRangeException StatusListEmpty(string paramName, object? actual) =>
        new(paramName, actual, "The list has at least one entry.");

    internal static ArgumentOutOfRangeException StatusTooLarge(string paramName, object? actual, object? bits, object? mask) =>
        new(paramName, actual, $"A status of {bits} bit(s) is at most {mask}.");

    internal static ArgumentOutOfRangeException StatusIndexOutOfRange(string paramName, object? actual, object? count) =>
        new(paramName, actual, $"The list has {count} entries.");

    internal static ArgumentOutOfRangeException StatusBitsInvalid(string paramName, object? actual) =>
        new(paramName, actual, "A status is 1, 2, 4 or 8 bits.");

    internal static ArgumentException SaltEmpty(string paramName) =>
        new("The salt must not be empty.", paramName);

    internal static ArgumentException ReservedClaimName(string paramName, object? claimName) =>
        new($"RFC 9901 §4.2.1: a Disclosure's claim name must not be '{claimName}'.", paramName);

    internal static ArgumentException CredentialHasNoIssuerId(string paramName) =>
        new("The credential has no issuer id; it becomes 'iss'.", paramName);

    internal static ArgumentException CredentialHasNoValidFrom(string paramName) =>
        new("The credential has no 'validFrom' date-time with a zone; it becomes 'nbf'.", paramName);

    internal static FormatException TypeMetadataHasNoVct() =>
        new("Type Metadata has no 'vct' string.");

    internal static FormatException UnknownSdRule(object? path, object? sd) =>
        new($"Claim '{path}' has sd '{sd}'; the values are always, allowed and never.");

    internal static ArgumentOutOfRangeException DecoysOutOfRange(string paramName, object? actual, object? maxDecoys) =>
        new(paramName, actual, $"DecoysPerObject is between 0 and {maxDecoys}.");

    internal static ArgumentException PathNamesNoClaim(string paramName, object? path) =>
        new($"The disclosable path '{path}' names no claim in the payload.", paramName);

    internal static ArgumentException ClaimsCarrySdAlgOrCnf(string paramName) =>
        new("The claims already carry '_sd_alg' or 'cnf'; the issuer writes them.", paramName);

    internal static ArgumentException HolderJwkNotAcceptable(string paramName, object? error) =>
        new($"The holder JWK is not an acceptable public key: {error}.", paramName);

    internal static ArgumentException ClaimsCarryReservedName(string paramName, object? propertyName, object? where) =>
        new($"The claims carry '{propertyName}' at {where}; RFC 9901 reserves that name.", paramName);

    internal static ArgumentException NoJwsAlgorithm(string paramName, object? signerAlgorithm) =>
        new($"Signer algorithm {signerAlgorithm} has no JWS algorithm here; use Ed25519 (EdDSA), ES256 or RS256.", paramName);

    internal static InvalidOperationException SignerReturnedWrongEd25519Length(object? signatureLength, object? ed25519PublicKeySignatureSize) =>
        new($"The signer returned {signatureLength} bytes; an Ed25519 signature is {ed25519PublicKeySignatureSize}.");

    internal static InvalidOperationException SignerReturnedNoEcdsaSignature() =>
        new("The signer returned neither a 64-byte R‖S nor a DER ECDSA P-256 signature.");

    internal static InvalidOperationException SignerReturnedEmptySignature() =>
        new("The signer returned an empty signature.");

    internal static FormatException ClaimPathNotArray() =>
        new("A claim path is a non-empty JSON array.");

    internal static FormatException ClaimPathSegmentInvalid(object? item) =>
        new($"A claim path segment is a string, a non-negative integer or null; found {item}.");

    internal static FormatException ClaimPathEmptyMember(object? whole) =>
        new($"The claim path '{whole}' has an empty member name.");

    internal static FormatException ClaimPathMalformedIndex(object? whole, object? part) =>
        new($"The claim path '{whole}' has a malformed index in '{part}'.");

    internal static FormatException ClaimPathInvalidIndex(object? whole, object? inner) =>
        new($"The claim path '{whole}' has an index that is neither a non-negative integer nor '*': '{inner}'.");

    internal static ArgumentException TokenPartInvalid(string paramName) =>
        new("Every part of an SD-JWT is non-empty and has no '~'.", paramName);

    internal static FormatException DisclosureInvalid(object? truncateEncoded, object? error) =>
        new($"Disclosure {truncateEncoded}: {error}.");

    internal static ArgumentException PathsMustStayInClear(string paramName, string vct, IEnumerable<ClaimPath> refused) =>
        new($"These paths must stay in the clear (sd: never in {vct}'s metadata, or absent): {string.Join(", ", refused)}.", paramName);

    internal static FormatException TokenNotParsed(string? error) =>
        new(error + ".");
}
