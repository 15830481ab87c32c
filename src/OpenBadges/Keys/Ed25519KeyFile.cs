using System.Diagnostics.CodeAnalysis;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OpenBadges.Internal;
using OpenBadges.Json;

namespace OpenBadges.Keys;

/// <summary>
/// The key file the CLI's <c>keygen</c> writes and the signer reads: a Multikey verification method with its
/// secret, <c>{"id", "type": "Multikey", "controller", "publicKeyMultibase", "secretKeyMultibase"}</c>.
/// </summary>
/// <remarks>
/// Reading also accepts a 64-byte <c>secretKeyMultibase</c> (seed ‖ public key), <c>privateKeyMultibase</c> (the
/// W3C vc-di-eddsa test key pairs), <c>seedHex</c> and <c>secretKeyHex</c>; every secret and public member present
/// must describe the same key. <c>controller</c> defaults to the key's did:key; any other DID or http(s) URL is
/// kept as given (did:web, an issuer profile URL), and <c>id</c> then is what the file says. The file owns its
/// <see cref="Key"/>: disposing the file disposes the key.
/// </remarks>
public sealed class Ed25519KeyFile : IDisposable
{
    private static readonly string[] SecretMembers = ["secretKeyMultibase", "privateKeyMultibase", "seedHex", "secretKeyHex"];

    private Ed25519KeyFile(Ed25519Key key, string controller, string id)
    {
        Key = key;
        Controller = controller;
        Id = id;
    }

    /// <summary>The signing key (owned by this object).</summary>
    public Ed25519Key Key { get; }

    /// <summary>The public key.</summary>
    public Ed25519PublicKey PublicKey => Key.PublicKey;

    /// <summary>The controller: the issuer's id (a DID or URL). A verifier requires it to equal the credential's issuer.</summary>
    public string Controller { get; }

    /// <summary>The verification method id that goes into proofs.</summary>
    public string Id { get; }

    /// <summary>
    /// Wraps <paramref name="key"/> (taking ownership) with a controller (default: the key's did:key) and a
    /// verification method id (default: controller + <c>#</c> + publicKeyMultibase).
    /// </summary>
    /// <exception cref="ArgumentException">The controller or id is not acceptable or does not agree with the key.</exception>
    public static Ed25519KeyFile Create(Ed25519Key key, string? controller = null, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!TryCheckIdentity(key.PublicKey, controller, id, out var checkedController, out var checkedId, out var error))
        {
            throw KeyErrors.IdentityRejected(error.StartsWith("controller", StringComparison.Ordinal) ? nameof(controller) : nameof(id), error);
        }

        return new Ed25519KeyFile(key, checkedController, checkedId);
    }

    /// <summary>Generates a fresh key whose secret may be written out (what <c>keygen</c> needs).</summary>
    public static Ed25519KeyFile Generate(string? controller = null, string? id = null)
    {
        var key = Ed25519Key.Generate(allowSecretExport: true);
        try
        {
            return Create(key, controller, id);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>Reads a key file's JSON text.</summary>
    /// <exception cref="FormatException">Not an acceptable key file; the message names the field and rule, never a secret.</exception>
    public static Ed25519KeyFile Parse(string json, bool allowSecretExport = false)
    {
        ArgumentNullException.ThrowIfNull(json);
        return TryParse(json, out var file, out var error, allowSecretExport)
            ? file
            : throw KeyErrors.Ed25519KeyFileNotAcceptable(error);
    }

    /// <summary>Reads a key file from disk.</summary>
    /// <exception cref="FormatException">Not an acceptable key file.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static Ed25519KeyFile Load(string path, bool allowSecretExport = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        // Read at most limit + 1 bytes: the path may be a pipe or a device, whose length says nothing.
        var bytes = BoundedRead.Bytes(path, JsonLimits.Default.MaxInputLength)
            ?? throw KeyErrors.KeyFileTooLarge(path, JsonLimits.Default.MaxInputLength);
        string text;
        try
        {
            text = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw KeyErrors.KeyFileNotUtf8(path);
        }

        return TryParse(text.TrimStart('\uFEFF'), out var file, out var error, allowSecretExport)
            ? file
            : throw KeyErrors.Ed25519KeyFileAtPathNotAcceptable(path, error);
    }

    /// <summary>Reads a key file's JSON text; <paramref name="error"/> names the field and rule that failed.</summary>
    public static bool TryParse(
        string? json,
        [NotNullWhen(true)] out Ed25519KeyFile? file,
        [NotNullWhen(false)] out string? error,
        bool allowSecretExport = false)
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
            // Newtonsoft's messages quote at most a path and a position, never the values, so no secret leaks here.
            error = "not acceptable JSON: " + e.Message;
            return false;
        }

        return TryRead(root, out file, out error, allowSecretExport);
    }

    /// <summary>Reads a key file already parsed as JSON.</summary>
    public static bool TryRead(
        JObject? root,
        [NotNullWhen(true)] out Ed25519KeyFile? file,
        [NotNullWhen(false)] out string? error,
        bool allowSecretExport = false)
    {
        file = null;
        if (root is null)
        {
            error = "the key file is missing";
            return false;
        }

        foreach (var name in new[] { "id", "type", "controller", "publicKeyMultibase", "publicKeyHex" }.Concat(SecretMembers))
        {
            if (root[name] is { } token && token.Type != JTokenType.String)
            {
                error = $"field '{name}' must be a string";
                return false;
            }
        }

        var type = (string?)root["type"];
        if (type is not null && type != VerificationMethodTypes.Multikey && type != VerificationMethodTypes.Ed25519VerificationKey2020)
        {
            error = $"field 'type' is '{type}'; an Ed25519 key file has type '{VerificationMethodTypes.Multikey}'";
            return false;
        }

        if (!TryReadSecret(root, out var key, out error, allowSecretExport))
        {
            return false;
        }

        try
        {
            if (root["publicKeyMultibase"] is JValue publicMultibase)
            {
                if (!Ed25519PublicKey.TryParseMultibase((string?)publicMultibase, out var stated, out var publicError))
                {
                    error = "field 'publicKeyMultibase': " + publicError;
                    return false;
                }

                if (stated != key.PublicKey)
                {
                    error = "field 'publicKeyMultibase' is not the public key of the secret key in this file";
                    return false;
                }
            }

            if (root["publicKeyHex"] is JValue publicHex
                && !string.Equals((string?)publicHex, Convert.ToHexStringLower(key.PublicKey.Bytes), StringComparison.OrdinalIgnoreCase))
            {
                error = "field 'publicKeyHex' is not the public key of the secret key in this file";
                return false;
            }

            if (!TryCheckIdentity(key.PublicKey, (string?)root["controller"], (string?)root["id"], out var controller, out var id, out error))
            {
                return false;
            }

            file = new Ed25519KeyFile(key, controller, id);
            key = null;
            return true;
        }
        finally
        {
            key?.Dispose();
        }
    }

    /// <summary>
    /// The key file JSON, secret included. Requires a key that allows secret export (as <see cref="Generate"/> makes,
    /// or <see cref="Parse"/> with allowSecretExport).
    /// </summary>
    /// <exception cref="InvalidOperationException">The key does not allow secret export.</exception>
    public JObject ToJObject()
    {
        var json = ToVerificationMethod();
        json["secretKeyMultibase"] = Key.ExportSecretKeyMultibase();
        return json;
    }

    /// <summary>The key file as indented JSON text, secret included.</summary>
    /// <exception cref="InvalidOperationException">The key does not allow secret export.</exception>
    public string ToJson() => ToJObject().ToString(Formatting.Indented);

    /// <summary>The public verification method (no secret): what a controller document publishes.</summary>
    public JObject ToVerificationMethod() => new()
    {
        ["id"] = Id,
        ["type"] = VerificationMethodTypes.Multikey,
        ["controller"] = Controller,
        ["publicKeyMultibase"] = PublicKey.ToMultibase(),
    };

    /// <summary>
    /// Writes the key file to <paramref name="path"/>, readable and writable by the owner only on Unix.
    /// Refuses to replace an existing file unless <paramref name="overwrite"/> is true.
    /// </summary>
    /// <exception cref="InvalidOperationException">The key does not allow secret export.</exception>
    /// <exception cref="IOException">The file exists (and overwrite is false) or cannot be written.</exception>
    public void Save(string path, bool overwrite = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = ToJson() + "\n";
        var options = new FileStreamOptions
        {
            Mode = overwrite ? FileMode.Create : FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
        writer.Write(text);
    }

    /// <summary>A signer using this file's key under its verification method id. The file keeps owning the key.</summary>
    public Ed25519Signer CreateSigner() => new(Key, Id);

    /// <summary>Shows the verification method id only.</summary>
    public override string ToString() => $"Ed25519KeyFile({Id})";

    /// <summary>Disposes the key.</summary>
    public void Dispose() => Key.Dispose();

    private static bool TryReadSecret(
        JObject root,
        [NotNullWhen(true)] out Ed25519Key? key,
        [NotNullWhen(false)] out string? error,
        bool allowSecretExport)
    {
        key = null;
        error = null;
        string? firstName = null;
        foreach (var name in SecretMembers)
        {
            var text = (string?)root[name];
            if (text is null)
            {
                continue;
            }

            Ed25519Key? candidate;
            string? readError;
            var ok = name.EndsWith("Hex", StringComparison.Ordinal)
                ? Ed25519Key.TryFromSecretKeyHex(text, out candidate, out readError, allowSecretExport)
                : Ed25519Key.TryFromSecretKeyMultibase(text, out candidate, out readError, allowSecretExport);
            if (ok && name == "seedHex" && text.Length != 2 * Ed25519Key.SeedSize)
            {
                candidate!.Dispose();
                ok = false;
                readError = $"a seed is {Ed25519Key.SeedSize} bytes, {2 * Ed25519Key.SeedSize} hexadecimal characters";
            }

            if (!ok)
            {
                key?.Dispose();
                key = null;
                error = $"field '{name}': {readError}";
                return false;
            }

            if (key is null)
            {
                key = candidate!;
                firstName = name;
            }
            else
            {
                // Different seeds cannot share a public key, so comparing the public halves compares the secrets
                // without handling them again.
                var same = key.PublicKey == candidate!.PublicKey;
                candidate.Dispose();
                if (!same)
                {
                    key.Dispose();
                    key = null;
                    error = $"field '{name}' holds a different key than field '{firstName}'";
                    return false;
                }
            }
        }

        if (key is null)
        {
            error = "the file has no secret key: expected field 'secretKeyMultibase' (or 'privateKeyMultibase', 'seedHex', 'secretKeyHex')";
            return false;
        }

        return true;
    }

    /// <summary>
    /// Applies the agreement rules between key, controller and id: a did:key controller must be this key's DID
    /// and the id then must be <c>did:key:X#X</c>; any id whose fragment is a Multikey must name this key; an id
    /// given as a bare fragment (<c>#key-1</c>) is taken relative to the controller.
    /// </summary>
    private static bool TryCheckIdentity(
        Ed25519PublicKey publicKey,
        string? controller,
        string? id,
        [NotNullWhen(true)] out string? checkedController,
        [NotNullWhen(true)] out string? checkedId,
        [NotNullWhen(false)] out string? error)
    {
        checkedController = null;
        checkedId = null;
        var multibase = publicKey.ToMultibase();
        var didKey = publicKey.ToDidKey();

        controller ??= didKey;
        if (controller.StartsWith(DidKey.Prefix, StringComparison.Ordinal))
        {
            if (controller != didKey)
            {
                error = $"controller '{controller}' is a did:key of a different key; this key's did:key is {didKey}";
                return false;
            }
        }
        else if (controller.Contains('#', StringComparison.Ordinal) || (!IsDid(controller) && !IsHttpUrl(controller)))
        {
            error = $"controller '{controller}' must be a DID (did:method:…) or an absolute http(s) URL without a fragment";
            return false;
        }

        id ??= controller + "#" + multibase;
        if (id.StartsWith('#'))
        {
            id = controller + id;
        }

        var hash = id.IndexOf('#', StringComparison.Ordinal);
        if (!IsDid(id) && !IsHttpUrl(hash < 0 ? id : id[..hash]))
        {
            error = $"id '{id}' must be a DID URL or an absolute http(s) URL";
            return false;
        }

        if (controller == didKey && id != publicKey.ToDidKeyVerificationMethodId())
        {
            error = $"id must be {publicKey.ToDidKeyVerificationMethodId()} for a did:key controller; found '{id}'";
            return false;
        }

        if (id.StartsWith(DidKey.Prefix, StringComparison.Ordinal) && id != publicKey.ToDidKeyVerificationMethodId())
        {
            error = $"id '{id}' is a did:key URL of a different key";
            return false;
        }

        if (hash >= 0)
        {
            var fragment = id[(hash + 1)..];
            if (fragment.StartsWith(Multikey.Ed25519PublicKeyTextPrefix, StringComparison.Ordinal) && fragment != multibase)
            {
                error = $"id '{id}' names the Multikey of a different key in its fragment; this key is {multibase}";
                return false;
            }
        }

        checkedController = controller;
        checkedId = id;
        error = null;
        return true;
    }

    private static bool IsDid(string text)
    {
        // did:<method-name>:<method-specific-id>, method name lowercase letters and digits (DID Core §3.1).
        var parts = text.Split(':', 3);
        return parts.Length == 3
            && parts[0] == "did"
            && parts[1].Length > 0
            && parts[1].All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            && parts[2].Length > 0;
    }

    private static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !text.Contains('#', StringComparison.Ordinal);
}
