using System.Net.Sockets;

namespace OpenBadges.Keys;

/// <summary>
/// The error catalogue of this layer: one factory per message, each naming the field and the rule it broke. Callers
/// write <c>throw KeyErrors.Name(...)</c>; a direct <c>throw new</c> of an exception is refused by the
/// OBE0001/OBE0002 analyzer rules (docs/architecture.md, "Errors").
/// </summary>
internal static class KeyErrors
{
    internal static HttpRequestException NotPublicAddress() =>
        new(HttpRequestError.ConnectionError, "The destination is not a public address; it is not fetched.");

    internal static HttpRequestException Unreachable(SocketException? inner) =>
        new(HttpRequestError.ConnectionError, "The destination could not be reached.", inner);

    internal static InvalidOperationException FetcherReturnedNothing() =>
        new("the fetcher returned no text");

    internal static HttpRequestException ControllerDocumentRefused(string? reason) =>
        new(reason);

    internal static ArgumentException KeyIdEmpty(string paramName) =>
        new("The key id must not be empty.", paramName);

    internal static ArgumentException JwkHasNoKty(string paramName) =>
        new("The JWK has no 'kty' string.", paramName);

    internal static ArgumentException JwkCarriesPrivateKey(string paramName, object? secret) =>
        new($"The JWK carries private key material ('{secret}'); a did:jwk publishes its JWK.", paramName);

    internal static ArgumentException RsaKeyTooSmall(string paramName, object? minimumKeySizeInBits, object? rsaKeySize) =>
        new($"An RS256 key must be at least {minimumKeySizeInBits} bits; this one is {rsaKeySize}.", paramName);

    internal static FormatException EcdsaKeyFileTooLarge(object? path, object? length) =>
        new($"'{path}' is {length} bytes; a key file is far smaller.");

    internal static FormatException EcdsaKeyFileNotAcceptable(object? path, object? error) =>
        new($"'{path}' is not an acceptable P-256/P-384 key file: {error}.");

    internal static ArgumentException HttpOptionsInvalid(string paramName) =>
        new("Timeout must be positive and MaxRedirects not negative.", paramName);

    internal static FormatException NotEd25519DidKey(object? error) =>
        new($"Not an Ed25519 did:key: {error}.");

    internal static ArgumentOutOfRangeException MaxDocumentBytesNotPositive(string paramName, object? actual) =>
        new(paramName, actual, "MaxDocumentBytes must be positive.");

    internal static FormatException NotEd25519Multikey(object? error) =>
        new($"The value is not an Ed25519 Multikey: {error}.");

    internal static ArgumentException PublicKeyWrongLength(string paramName, object? ed25519KeyLength, object? publicKeyLength) =>
        new($"An Ed25519 public key is {ed25519KeyLength} bytes; got {publicKeyLength}.", paramName);

    internal static FormatException Ed25519KeyFileNotAcceptable(object? error) =>
        new($"Not an acceptable Ed25519 key file: {error}.");

    internal static FormatException KeyFileTooLarge(object? path, object? jsonLimitsDefaultMaxInputLength) =>
        new($"'{path}' is larger than {jsonLimitsDefaultMaxInputLength} bytes; a key file is far smaller.");

    internal static FormatException KeyFileNotUtf8(object? path) =>
        new($"'{path}' is not UTF-8 text, so not a key file.");

    internal static FormatException Ed25519KeyFileAtPathNotAcceptable(object? path, object? error) =>
        new($"'{path}' is not an acceptable Ed25519 key file: {error}.");

    internal static ArgumentException ResolverNull(string paramName, object? i) =>
        new($"Resolver {i} is null.", paramName);

    internal static FormatException NotPublicEd25519Jwk(object? error) =>
        new($"Not a public Ed25519 JWK: {error}.");

    internal static FormatException NotPrivateEd25519Jwk(object? error) =>
        new($"Not a private Ed25519 JWK: {error}.");

    internal static FormatException NotAcceptableDidWeb(object? error) =>
        new($"Not an acceptable did:web DID: {error}.");

    internal static ArgumentException SeedWrongLength(string paramName, object? seedSize, object? seedLength) =>
        new($"An Ed25519 seed is {seedSize} bytes; got {seedLength}.", paramName);

    internal static FormatException SecretKeyMultibaseNotEd25519(object? error) =>
        new($"secretKeyMultibase is not an Ed25519 secret key: {error}.");

    internal static FormatException HexSecretKeyNotAcceptable(object? error) =>
        new($"The hexadecimal secret key is not acceptable: {error}.");

    internal static ArgumentException SignatureDestinationWrongLength(string paramName, object? signatureSize, object? signatureLength) =>
        new($"An Ed25519 signature is {signatureSize} bytes; the destination has {signatureLength}.", paramName);

    internal static ArgumentException SeedDestinationWrongLength(string paramName, object? seedSize, object? destinationLength) =>
        new($"An Ed25519 seed is {seedSize} bytes; the destination has {destinationLength}.", paramName);

    internal static InvalidOperationException SeedExportRefused() =>
        new("NSec refused to export the seed.");

    internal static ObjectDisposedException Disposed(object instance) =>
        new(instance.GetType().FullName);

    internal static ArgumentException EcdsaKeyNotP256(string paramName) =>
        new("An ES256 key must be on the P-256 curve (secp256r1).", paramName);

    internal static FormatException JwkKeyFileHasNoKid(object? path) =>
        new($"the JWK key file '{path}' has no 'kid' (the key id verifiers resolve).");

    internal static FormatException JwkKeyFileUnsupportedKey(object? path) =>
        new($"the JWK key file '{path}' is neither an EC P-256 nor an RSA private key.");

    internal static FormatException JwkKeyFileMemberMissing(object? path, object? member) =>
        new($"the JWK key file '{path}' has no '{member}' (a base64url string).");

    internal static FormatException JwkKeyFileMemberNotBase64Url(object? member, object? path) =>
        new($"'{member}' in the JWK key file '{path}' is not base64url.");

    internal static ArgumentException VerificationMethodIdEmpty(string paramName) =>
        new("The verification method id must not be empty.", paramName);

    internal static ArgumentException EcdsaCurveUnsupported(string paramName) =>
        new("The key must be on P-256 or P-384.", paramName);

    internal static FormatException NotEcdsaMultikey(object? error) =>
        new($"The value is not a P-256 or P-384 Multikey: {error}.");

    /// <summary>The key's controller or id broke a rule; <paramref name="error"/> names it (it starts with the field).</summary>
    internal static ArgumentException IdentityRejected(string paramName, string error) =>
        new(error + ".", paramName);

    internal static ArgumentException PublicKeyRejected(string paramName, string? error) =>
        new(error + ".", paramName);

    internal static FormatException JwkNotJson(Exception e) =>
        new("The JWK is not acceptable JSON: " + e.Message);

    internal static InvalidOperationException SecretExportNotAllowed() =>
        new("This Ed25519 key does not allow its secret to be exported. " + Ed25519Key.AllowExportAdvice);

    internal static FormatException MultibaseNotDecoded(string? error) =>
        new(error);
}
