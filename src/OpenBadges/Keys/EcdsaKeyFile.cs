using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OpenBadges.Internal;
using OpenBadges.Json;

namespace OpenBadges.Keys;

/// <summary>
/// A P-256 or P-384 key file in the same shape as <see cref="Ed25519KeyFile"/>: a Multikey verification method with its
/// secret, <c>{"id", "type": "Multikey", "controller", "publicKeyMultibase": "zDn…"/"z82…", "secretKeyMultibase"}</c>;
/// the secret is the multicodec p256-priv (0x1306) or p384-priv (0x1307) header followed by the private scalar, as the
/// W3C vc-di-ecdsa key pairs and the reference stack write it. The file owns its key: dispose it.
/// </summary>
public sealed class EcdsaKeyFile : IDisposable
{
    private readonly ECDsa _ecdsa;

    private EcdsaKeyFile(ECDsa ecdsa, EcdsaPublicKey publicKey, string controller, string id)
    {
        _ecdsa = ecdsa;
        PublicKey = publicKey;
        Controller = controller;
        Id = id;
    }

    /// <summary>The public key.</summary>
    public EcdsaPublicKey PublicKey { get; }

    /// <summary>The curve.</summary>
    public EcdsaCurve Curve => PublicKey.Curve;

    /// <summary>The controller: the issuer's id. Defaults to the key's did:key.</summary>
    public string Controller { get; }

    /// <summary>The verification method id that goes into proofs.</summary>
    public string Id { get; }

    /// <summary>Generates a fresh key on <paramref name="curve"/> (controller default: its did:key; id default: controller#multikey).</summary>
    /// <exception cref="ArgumentException">The controller or id is not acceptable.</exception>
    public static EcdsaKeyFile Generate(EcdsaCurve curve, string? controller = null, string? id = null)
    {
        var ecdsa = ECDsa.Create(EcdsaCurves.ToECCurve(curve));
        return Wrap(ecdsa, controller, id);
    }

    /// <summary>True when <paramref name="root"/> looks like a P-256/P-384 key file (its public or secret Multikey has an ECDSA header).</summary>
    public static bool IsEcdsaKeyFile(JObject root)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (root["publicKeyMultibase"] is JValue { Type: JTokenType.String } publicKey)
        {
            var text = (string)publicKey!;
            return text.StartsWith("zDn", StringComparison.Ordinal) || text.StartsWith("z82", StringComparison.Ordinal);
        }

        return root["secretKeyMultibase"] is JValue { Type: JTokenType.String } secret && SecretCurve((string)secret!) is not null;
    }

    /// <summary>Reads a key file from disk.</summary>
    /// <exception cref="FormatException">Not an acceptable key file; the message names the field and rule, never a secret.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static EcdsaKeyFile Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var length = new FileInfo(path).Length;
        if (length > JsonLimits.Default.MaxInputLength)
        {
            throw KeyErrors.EcdsaKeyFileTooLarge(path, length);
        }

        return TryParse(File.ReadAllText(path), out var file, out var error)
            ? file
            : throw KeyErrors.EcdsaKeyFileNotAcceptable(path, error);
    }

    /// <summary>Reads a key file's JSON text; <paramref name="error"/> names the field and rule that failed.</summary>
    public static bool TryParse(string? json, [NotNullWhen(true)] out EcdsaKeyFile? file, [NotNullWhen(false)] out string? error)
    {
        file = null;
        if (json is null)
        {
            error = "the key file text is missing";
            return false;
        }

        JObject root;
        try
        {
            root = JsonInput.ParseObject(json);
        }
        catch (JsonInputException e)
        {
            error = "not acceptable JSON: " + e.Message;
            return false;
        }

        return TryRead(root, out file, out error);
    }

    /// <summary>Reads a key file already parsed as JSON (also the W3C key pairs: <c>publicKeyMultibase</c> + <c>secretKeyMultibase</c>).</summary>
    public static bool TryRead(JObject root, [NotNullWhen(true)] out EcdsaKeyFile? file, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(root);
        file = null;
        var secretText = root["secretKeyMultibase"] is JValue { Type: JTokenType.String } s ? (string?)s : null;
        if (secretText is null)
        {
            error = "field 'secretKeyMultibase' is missing";
            return false;
        }

        var curve = SecretCurve(secretText);
        if (curve is not { } c)
        {
            error = "field 'secretKeyMultibase' is not a p256-priv (0x86 0x26) or p384-priv (0x87 0x26) Multikey";
            return false;
        }

        var size = EcdsaCurves.FieldSize(c);
        Span<byte> decoded = stackalloc byte[96];
        ECDsa? ecdsa = null;
        var scalar = new byte[size];
        try
        {
            if (!Multibase.TryDecode(secretText, decoded, out var length, out _) || length != 2 + size)
            {
                error = $"field 'secretKeyMultibase' must hold a {size}-byte {EcdsaCurves.Name(c)} private scalar after the multicodec header";
                return false;
            }

            decoded[2..length].CopyTo(scalar);
            try
            {
                ecdsa = ECDsa.Create(new ECParameters { Curve = EcdsaCurves.ToECCurve(c), D = scalar });
            }
            catch (CryptographicException)
            {
                error = $"field 'secretKeyMultibase' is not a valid {EcdsaCurves.Name(c)} private key";
                return false;
            }

            var publicKey = EcdsaPublicKey.FromECDsa(ecdsa);
            if (root["publicKeyMultibase"] is { } stated && !string.Equals((string?)(stated as JValue), publicKey.ToMultibase(), StringComparison.Ordinal))
            {
                error = "field 'publicKeyMultibase' is not the public key of the secret key in this file";
                return false;
            }

            var controller = root["controller"] is JValue { Type: JTokenType.String } ctl ? (string?)ctl : null;
            var id = root["id"] is JValue { Type: JTokenType.String } i ? (string?)i : null;
            if (!TryIdentity(publicKey, controller, id, out var checkedController, out var checkedId, out error))
            {
                return false;
            }

            file = new EcdsaKeyFile(ecdsa, publicKey, checkedController, checkedId);
            ecdsa = null;
            return true;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(decoded);
            CryptographicOperations.ZeroMemory(scalar);
            ecdsa?.Dispose();
        }
    }

    /// <summary>The key file JSON, secret included.</summary>
    public JObject ToJObject()
    {
        var json = ToVerificationMethod();
        var parameters = _ecdsa.ExportParameters(includePrivateParameters: true);
        var buffer = new byte[2 + parameters.D!.Length];
        try
        {
            EcdsaCurves.SecretHeader(Curve).CopyTo(buffer);
            parameters.D.CopyTo(buffer, 2);
            json["secretKeyMultibase"] = Multibase.EncodeBase58Btc(buffer);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
            CryptographicOperations.ZeroMemory(parameters.D);
        }

        return json;
    }

    /// <summary>The key file as indented JSON text, secret included.</summary>
    public string ToJson() => ToJObject().ToString(Formatting.Indented);

    /// <summary>The public verification method (no secret).</summary>
    public JObject ToVerificationMethod() => PublicKey.ToVerificationMethod(Id, Controller);

    /// <summary>Writes the key file (owner-only on Unix); refuses to replace an existing file unless <paramref name="overwrite"/>.</summary>
    /// <exception cref="IOException">The file exists (and overwrite is false) or cannot be written.</exception>
    public void Save(string path, bool overwrite = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        var options = new FileStreamOptions { Mode = overwrite ? FileMode.Create : FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
        writer.Write(ToJson() + "\n");
    }

    /// <summary>A signer using this file's key under its verification method id. The file keeps owning the key.</summary>
    public EcdsaSigner CreateSigner() => new(_ecdsa, Id);

    /// <summary>Shows the verification method id only.</summary>
    public override string ToString() => $"EcdsaKeyFile({Id})";

    /// <summary>Disposes the key.</summary>
    public void Dispose() => _ecdsa.Dispose();

    private static EcdsaKeyFile Wrap(ECDsa ecdsa, string? controller, string? id)
    {
        try
        {
            var publicKey = EcdsaPublicKey.FromECDsa(ecdsa);
            if (!TryIdentity(publicKey, controller, id, out var checkedController, out var checkedId, out var error))
            {
                throw KeyErrors.IdentityRejected(error.StartsWith("controller", StringComparison.Ordinal) ? nameof(controller) : nameof(id), error);
            }

            return new EcdsaKeyFile(ecdsa, publicKey, checkedController!, checkedId!);
        }
        catch
        {
            ecdsa.Dispose();
            throw;
        }
    }

    private static EcdsaCurve? SecretCurve(string text)
    {
        Span<byte> decoded = stackalloc byte[96];
        try
        {
            if (!Multibase.TryDecode(text, decoded, out var length, out _) || length < 2)
            {
                return null;
            }

            return decoded.StartsWith(EcdsaCurves.P256SecretHeader) ? EcdsaCurve.P256
                : decoded.StartsWith(EcdsaCurves.P384SecretHeader) ? EcdsaCurve.P384
                : null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(decoded);
        }
    }

    private static bool TryIdentity(
        EcdsaPublicKey key,
        string? controller,
        string? id,
        [NotNullWhen(true)] out string? checkedController,
        [NotNullWhen(true)] out string? checkedId,
        [NotNullWhen(false)] out string? error)
    {
        checkedController = null;
        checkedId = null;
        controller ??= key.ToDidKey();
        if (!controller.StartsWith("did:", StringComparison.Ordinal)
            && !(Uri.TryCreate(controller, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            error = $"controller '{controller}' is neither a DID nor an http(s) URL";
            return false;
        }

        if (controller.StartsWith(DidKey.Prefix, StringComparison.Ordinal) && !string.Equals(controller, key.ToDidKey(), StringComparison.Ordinal))
        {
            error = "controller is a did:key of another key";
            return false;
        }

        id ??= controller + "#" + key.ToMultibase();
        if (!id.StartsWith(controller + "#", StringComparison.Ordinal))
        {
            error = $"id '{id}' is not a fragment of the controller '{controller}'";
            return false;
        }

        checkedController = controller;
        checkedId = id;
        error = null;
        return true;
    }
}
