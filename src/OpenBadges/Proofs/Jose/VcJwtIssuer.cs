using System.Buffers;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OpenBadges.Internal;
using OpenBadges.Keys;

namespace OpenBadges.Proofs.Jose;

/// <summary>
/// Issues an Open Badges 3.0 credential as a VC-JWT (OB 3.0 §8.2): a compact JWS whose payload is the credential
/// itself plus the registered claims <c>iss</c> (issuer id), <c>jti</c> (credential id), <c>nbf</c> (validFrom),
/// <c>sub</c> (credentialSubject id) and <c>exp</c> (validUntil, when present); header <c>alg</c>, <c>typ</c> "JWT" and
/// either <c>kid</c> (the signer's key id, a DID URL or HTTPS URL) or <c>jwk</c> (a public JWK).
/// </summary>
/// <remarks>
/// The JWS is assembled here — base64url(header) "." base64url(payload), signed through <see cref="ISigner.SignAsync"/> — so a
/// KMS or HSM key works as well as an in-process one; IdentityModel's handler has no asynchronous signing hook. Embedded
/// Data Integrity proofs already on the credential stay in the payload. Thread-safe.
/// </remarks>
public sealed partial class VcJwtIssuer
{
    private readonly JObject? _publicJwk;

    /// <summary>Issues with <paramref name="signer"/>; the header carries <c>kid</c> = <see cref="ISigner.KeyId"/>, which must be an absolute URI.</summary>
    /// <exception cref="ArgumentException">The signer's algorithm has no JWS name here, or its key id is not an absolute URI.</exception>
    public VcJwtIssuer(ISigner signer)
        : this(signer, null)
    {
    }

    /// <summary>
    /// Issues with <paramref name="signer"/>; when <paramref name="publicJwk"/> is given the header carries it as <c>jwk</c>
    /// (instead of <c>kid</c>). It must be a public JWK of the signer's key type: private members are refused.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown algorithm, a kid that is not an absolute URI, or an unacceptable JWK.</exception>
    public VcJwtIssuer(ISigner signer, JObject? publicJwk)
    {
        ArgumentNullException.ThrowIfNull(signer);
        Signer = signer;
        Algorithm = JoseAlgorithms.FromSignerAlgorithm(signer.Algorithm)
            ?? throw ProofErrors.NoJwsAlgorithm(nameof(signer), Printable.Quote(signer.Algorithm));

        if (publicJwk is null)
        {
            if (!Uri.TryCreate(signer.KeyId, UriKind.Absolute, out _))
            {
                throw ProofErrors.KeyIdNotAbsoluteUri(nameof(signer), Printable.Quote(signer.KeyId));
            }

            return;
        }

        if (!JosePublicKey.TryParse(publicJwk, out var key, out var error))
        {
            throw ProofErrors.HeaderJwkNotAcceptable(nameof(publicJwk), error);
        }

        using (key)
        {
            if (key.Algorithm != Algorithm)
            {
                throw ProofErrors.HeaderJwkAlgorithmMismatch(nameof(publicJwk), key.KeyType, key.Algorithm, Algorithm);
            }
        }

        _publicJwk = (JObject)publicJwk.DeepClone();
    }

    /// <summary>The signer.</summary>
    public ISigner Signer { get; }

    /// <summary>The JWS <c>alg</c>: RS256, ES256 or EdDSA.</summary>
    public string Algorithm { get; }

    /// <summary>The JOSE header this issuer writes.</summary>
    public JObject CreateHeader()
    {
        var header = new JObject { ["alg"] = Algorithm, ["typ"] = "JWT" };
        if (_publicJwk is null)
        {
            header["kid"] = Signer.KeyId;
        }
        else
        {
            header["jwk"] = _publicJwk.DeepClone();
        }

        return header;
    }

    /// <summary>
    /// The JWT payload for <paramref name="credential"/>: a copy of it plus <c>iss</c>, <c>jti</c>, <c>nbf</c>, <c>sub</c>
    /// and <c>exp</c> taken from it (OB 3.0 §8.2.4.2). Useful to sign the same payload with another JOSE library.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// No issuer id or no <c>validFrom</c> with a time zone, an unreadable <c>validUntil</c>, or the credential already
    /// carries a registered claim name.
    /// </exception>
    public static JObject CreatePayload(JObject credential)
    {
        var claims = ReadClaims(credential);
        var payload = (JObject)credential.DeepClone();
        claims.AddTo(payload);
        return payload;
    }

    /// <summary>The registered claims <paramref name="credential"/> gives, after the checks <see cref="CreatePayload"/> documents.</summary>
    private static RegisteredClaims ReadClaims(JObject credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        foreach (var name in VcJwtClaims.Registered)
        {
            if (credential.ContainsKey(name))
            {
                throw ProofErrors.CredentialHasJwtClaim(nameof(credential), name);
            }
        }

        var issuerId = VcJwtClaims.IssuerId(credential)
            ?? throw ProofErrors.CredentialHasNoIssuerId(nameof(credential));
        if (!VcJwtClaims.TryReadDate(credential["validFrom"], out var validFrom))
        {
            throw ProofErrors.CredentialHasNoValidFrom(nameof(credential));
        }

        long? expires = null;
        if (credential["validUntil"] is { } validUntilToken)
        {
            if (!VcJwtClaims.TryReadDate(validUntilToken, out var validUntil))
            {
                throw ProofErrors.ValidUntilNotDateTime(nameof(credential));
            }

            expires = VcJwtClaims.ToNumericDate(validUntil);
        }

        return new RegisteredClaims(issuerId, VcJwtClaims.String(credential["id"]), VcJwtClaims.ToNumericDate(validFrom), VcJwtClaims.SubjectId(credential), expires);
    }

    /// <summary>iss, jti, nbf, sub and exp, in the order they follow the credential's own members.</summary>
    private readonly record struct RegisteredClaims(string Issuer, string? Id, long NotBefore, string? Subject, long? Expires)
    {
        public void AddTo(JObject payload)
        {
            payload[VcJwtClaims.Iss] = Issuer;
            if (Id is not null)
            {
                payload[VcJwtClaims.Jti] = Id;
            }

            payload[VcJwtClaims.Nbf] = NotBefore;
            if (Subject is not null)
            {
                payload[VcJwtClaims.Sub] = Subject;
            }

            if (Expires is { } expires)
            {
                payload[VcJwtClaims.Exp] = expires;
            }
        }

        /// <summary>Writes them as the members <see cref="AddTo"/> would add, in the same order.</summary>
        public void WriteTo(JsonWriter writer)
        {
            writer.WritePropertyName(VcJwtClaims.Iss);
            writer.WriteValue(Issuer);
            if (Id is not null)
            {
                writer.WritePropertyName(VcJwtClaims.Jti);
                writer.WriteValue(Id);
            }

            writer.WritePropertyName(VcJwtClaims.Nbf);
            writer.WriteValue(NotBefore);
            if (Subject is not null)
            {
                writer.WritePropertyName(VcJwtClaims.Sub);
                writer.WriteValue(Subject);
            }

            if (Expires is { } expires)
            {
                writer.WritePropertyName(VcJwtClaims.Exp);
                writer.WriteValue(expires);
            }
        }
    }

    /// <summary>Issues <paramref name="credential"/> as a compact JWS: <c>header.payload.signature</c>.</summary>
    /// <exception cref="ArgumentException">The credential cannot become a VC-JWT (see <see cref="CreatePayload"/>).</exception>
    /// <exception cref="InvalidOperationException">The signer returned a signature of the wrong shape.</exception>
    public async Task<string> IssueAsync(JObject credential, CancellationToken cancellationToken = default)
    {
        // The payload is written straight from the credential and the claims (the same JSON as CreatePayload's
        // object would write), not copied into a new tree first: the copy was a third of an EdDSA issue.
        var claims = ReadClaims(credential);
        var signingInput = SigningInput(CreateHeader(), credential, claims);
        var signature = await Signer.SignAsync(signingInput, cancellationToken).ConfigureAwait(false);
        var encodedSignature = ToJoseSignature(signature);
        return string.Create(
            signingInput.Length + 1 + System.Buffers.Text.Base64Url.GetEncodedLength(encodedSignature.Length),
            (signingInput, encodedSignature),
            static (chars, state) =>
            {
                Encoding.ASCII.GetChars(state.signingInput, chars);
                chars[state.signingInput.Length] = '.';
                System.Buffers.Text.Base64Url.EncodeToChars(state.encodedSignature, chars[(state.signingInput.Length + 1)..]);
            });
    }

    /// <summary>ASCII of base64url(header) "." base64url(credential + claims).</summary>
    private static byte[] SigningInput(JObject header, JObject credential, RegisteredClaims claims)
    {
        var json = new ArrayBufferWriter<byte>(4096);
        using (var text = new StreamWriter(new BufferWriterStream(json), StrictUtf8, 1024, leaveOpen: false))
        using (var writer = new JsonTextWriter(text) { Formatting = Formatting.None, CloseOutput = false })
        {
            header.WriteTo(writer);
            writer.Flush();
            text.Flush();
            var headerLength = json.WrittenCount;

            writer.WriteStartObject();
            foreach (var member in credential.Properties())
            {
                member.WriteTo(writer);
            }

            claims.WriteTo(writer);
            writer.WriteEndObject();
            writer.Flush();
            text.Flush();
            var written = json.WrittenSpan;
            var headerJson = written[..headerLength];
            var payloadJson = written[headerLength..];
            var input = new byte[System.Buffers.Text.Base64Url.GetEncodedLength(headerJson.Length) + 1 + System.Buffers.Text.Base64Url.GetEncodedLength(payloadJson.Length)];
            var at = System.Buffers.Text.Base64Url.EncodeToUtf8(headerJson, input);
            input[at++] = (byte)'.';
            System.Buffers.Text.Base64Url.EncodeToUtf8(payloadJson, input.AsSpan(at));
            return input;
        }
    }

    private byte[] ToJoseSignature(byte[] signature)
    {
        switch (Algorithm)
        {
            case JoseAlgorithms.EdDSA when signature is not { Length: Ed25519PublicKey.SignatureSize }:
                throw ProofErrors.SignerReturnedWrongEd25519Length(signature?.Length ?? 0, Ed25519PublicKey.SignatureSize);
            case JoseAlgorithms.ES256:
                return signature is not null && EcdsaSignatureFormat.TryToJose(signature, out var jose)
                    ? jose
                    : throw ProofErrors.SignerReturnedNoEcdsaSignature();
            default:
                return signature is { Length: > 0 } ? signature : throw ProofErrors.SignerReturnedEmptySignature();
        }
    }

    // UTF-8 without a byte order mark, as JObject.ToString and Encoding.UTF8.GetBytes wrote it before.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>A write-only stream into an <see cref="ArrayBufferWriter{T}"/>.</summary>
    private sealed class BufferWriterStream(ArrayBufferWriter<byte> into) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => into.WrittenCount;

        public override long Position { get => into.WrittenCount; set => throw ProofErrors.WriteOnlyPayloadStream("setting Position"); }

        public override void Flush()
        {
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer) => into.Write(buffer);

        public override int Read(byte[] buffer, int offset, int count) => throw ProofErrors.WriteOnlyPayloadStream(nameof(Read));

        public override long Seek(long offset, SeekOrigin origin) => throw ProofErrors.WriteOnlyPayloadStream(nameof(Seek));

        public override void SetLength(long value) => throw ProofErrors.WriteOnlyPayloadStream(nameof(SetLength));
    }
}
