using Newtonsoft.Json.Linq;
using OpenBadges.Json;
using OpenBadges.Keys;

namespace OpenBadges.Proofs.Jose;

public static partial class VcJwtVerifier
{
    private const string KeyRule = "OB 3.0 §8.2.3: the key is given by 'jwk' (a public JWK) or 'kid' (a DID URL or HTTPS URL that resolves to it)";

    /// <summary>How a key is tied to the issuer.</summary>
    private enum Binding
    {
        /// <summary>A verification method whose controller (or the DID itself) must equal the issuer id.</summary>
        Controller,

        /// <summary>A JWK or JWK Set fetched from an HTTPS URL: tied to the issuer by origin.</summary>
        Origin,

        /// <summary>A <c>jwk</c> header: tied to nothing by itself.</summary>
        Header,
    }

    /// <summary>A key found for the token, with where it came from.</summary>
    private sealed record FoundKey(JosePublicKey Key, Binding Binding, string Controller, IReadOnlyList<string>? Purposes) : IDisposable
    {
        public void Dispose() => Key.Dispose();
    }

    private static async Task<FoundKey?> FindKeyAsync(JObject header, VcJwtVerificationOptions options, Run run, CancellationToken cancellationToken)
    {
        var jwkToken = header["jwk"];
        var kidToken = header["kid"];
        JosePublicKey? headerKey = null;
        if (jwkToken is not null && !options.AllowJwkHeader)
        {
            if (kidToken is null)
            {
                run.Fail(VcJwtChecks.Key, "the header carries only a 'jwk', and these options do not accept keys from the token itself", "$.header.jwk", KeyRule);
                return null;
            }

            // Not a key source under these options: the 'kid' alone decides.
            jwkToken = null;
        }

        if (jwkToken is not null)
        {
            if (!JosePublicKey.TryParse(jwkToken as JObject, out headerKey, out var jwkError))
            {
                run.Fail(VcJwtChecks.Key, "the header 'jwk' is not acceptable: " + jwkError, "$.header.jwk", KeyRule);
                return null;
            }
        }

        if (kidToken is null)
        {
            if (headerKey is null)
            {
                run.Fail(VcJwtChecks.Key, "the header has neither 'kid' nor 'jwk'", "$.header", KeyRule);
                return null;
            }

            run.Pass(VcJwtChecks.Key, $"the {headerKey.Describe()} from the header 'jwk'", "$.header.jwk", KeyRule);
            return new FoundKey(headerKey, Binding.Header, string.Empty, null);
        }

        using (headerKey)
        {
            var kid = VcJwtClaims.String(kidToken);
            if (kid is null || !Uri.TryCreate(kid, UriKind.Absolute, out var kidUri))
            {
                run.Fail(VcJwtChecks.Key, $"'kid' {(kid is null ? "is not a string" : Printable.Quote(kid) + " is not an absolute URI")}", "$.header.kid",
                    "OB 3.0 §8.2.3: 'kid' is a URI (a DID URL or HTTPS URL) that resolves to the issuer's public key");
                return null;
            }

            var found = await ResolveKidAsync(kid, kidUri, options, run, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                return null;
            }

            if (headerKey is not null && !headerKey.SameKeyAs(found.Key))
            {
                found.Dispose();
                run.Fail(VcJwtChecks.Key, $"the header 'jwk' ({headerKey.Describe()}) is not the key 'kid' resolves to", "$.header.jwk",
                    "when both 'kid' and 'jwk' are present they name the same key");
                return null;
            }

            run.Pass(VcJwtChecks.Key, $"{Printable.Quote(kid)} resolves to the {found.Key.Describe()}", "$.header.kid", KeyRule);
            return found;
        }
    }

    private static async Task<FoundKey?> ResolveKidAsync(string kid, Uri kidUri, VcJwtVerificationOptions options, Run run, CancellationToken cancellationToken)
    {
        const string Path = "$.header.kid";
        if (kid.StartsWith(DidJwk.Prefix, StringComparison.Ordinal))
        {
            if (!DidJwk.TryParse(kid, out var didJwk, out var did, out var didError) || !JosePublicKey.TryParse(didJwk, out var didKey, out didError))
            {
                run.Fail(VcJwtChecks.Key, "'kid' is not a usable did:jwk: " + didError, Path, KeyRule);
                return null;
            }

            return new FoundKey(didKey, Binding.Controller, did, null);
        }

        if (DidKeyP256.IsCandidate(kid))
        {
            if (!DidKeyP256.TryParse(kid, out var p256Jwk, out var p256Did, out var p256Error) || !JosePublicKey.TryParse(p256Jwk, out var p256Key, out p256Error))
            {
                run.Fail(VcJwtChecks.Key, "'kid' is not a usable P-256 did:key: " + p256Error, Path, KeyRule);
                return null;
            }

            return new FoundKey(p256Key, Binding.Controller, p256Did, null);
        }

        if (options.JwkFetcher is not null && kidUri.Scheme == Uri.UriSchemeHttps)
        {
            return await FetchJwkAsync(kid, kidUri, options, run, cancellationToken).ConfigureAwait(false);
        }

        KeyResolution resolution;
        try
        {
            resolution = await options.KeyResolver.ResolveVerificationMethodAsync(kid, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            run.Undecided(VcJwtChecks.Key, $"resolving 'kid' failed: {e.GetType().Name}: {e.Message}", Path, KeyRule);
            return null;
        }

        var methodJwk = resolution.VerificationMethod?["publicKeyJwk"] as JObject;
        switch (resolution.Status)
        {
            case KeyResolutionStatus.Resolved:
                return new FoundKey(JosePublicKey.FromEd25519(resolution.PublicKey!), Binding.Controller, resolution.Controller!, resolution.ProofPurposes);

            case KeyResolutionStatus.UnsupportedKeyType when methodJwk is not null && resolution.Controller is not null:
                // The Ed25519 resolvers hand back EC and RSA JsonWebKey methods as "unsupported"; JOSE reads them.
                if (!JosePublicKey.TryParse(methodJwk, out var methodKey, out var methodError))
                {
                    run.Fail(VcJwtChecks.Key, "the verification method's publicKeyJwk is not acceptable: " + methodError, Path, KeyRule);
                    return null;
                }

                return new FoundKey(methodKey, Binding.Controller, resolution.Controller, null);

            case KeyResolutionStatus.Failed:
            case KeyResolutionStatus.NotSupported:
                run.Undecided(VcJwtChecks.Key, $"'kid' could not be resolved: {resolution.Reason}", Path, KeyRule);
                return null;

            default:
                run.Fail(VcJwtChecks.Key, $"'kid' does not name an acceptable key: {resolution.Reason}", Path, KeyRule);
                return null;
        }
    }

    /// <summary>A <c>kid</c> that is the HTTPS URL of a JWK, or of a JWK Set whose member <c>kid</c> is the URL or its fragment.</summary>
    private static async Task<FoundKey?> FetchJwkAsync(string kid, Uri kidUri, VcJwtVerificationOptions options, Run run, CancellationToken cancellationToken)
    {
        const string Path = "$.header.kid";
        var hash = kid.IndexOf('#', StringComparison.Ordinal);
        var fragment = hash >= 0 ? kid[(hash + 1)..] : null;
        var documentUrl = new Uri(hash >= 0 ? kid[..hash] : kid, UriKind.Absolute);
        string text;
        try
        {
            text = await options.JwkFetcher!(documentUrl, cancellationToken).ConfigureAwait(false)
                ?? throw ProofErrors.FetcherReturnedNothing();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            run.Undecided(VcJwtChecks.Key, $"fetching the key at {documentUrl} failed: {e.Message}", Path, KeyRule);
            return null;
        }

        if (text.Length > options.MaxKeyDocumentLength)
        {
            run.Undecided(VcJwtChecks.Key, $"the key document at {documentUrl} is {text.Length} characters; the limit is {options.MaxKeyDocumentLength}", Path, KeyRule);
            return null;
        }

        JObject document;
        try
        {
            document = JsonInput.ParseObject(text, new JsonLimits { MaxInputLength = options.MaxKeyDocumentLength, MaxDepth = options.MaxJsonDepth });
        }
        catch (JsonInputException e)
        {
            run.Undecided(VcJwtChecks.Key, $"the key document at {documentUrl} is not acceptable JSON: {e.Message}", Path, KeyRule);
            return null;
        }

        JObject? jwk;
        if (document["keys"] is JArray keys)
        {
            var matches = keys.OfType<JObject>()
                .Where(k => VcJwtClaims.String(k["kid"]) is { } id && (id == kid || (fragment is not null && id == fragment)))
                .ToList();
            jwk = matches.Count == 1 ? matches[0]
                : fragment is null && keys.Count == 1 ? keys[0] as JObject
                : null;
            if (jwk is null)
            {
                run.Fail(VcJwtChecks.Key, $"the JWK Set at {documentUrl} has {(matches.Count == 0 ? "no key" : "more than one key")} whose 'kid' is {Printable.Quote(kid)}{(fragment is null ? string.Empty : " or " + Printable.Quote(fragment))}",
                    Path, KeyRule);
                return null;
            }
        }
        else
        {
            jwk = document;
        }

        if (!JosePublicKey.TryParse(jwk, out var key, out var error))
        {
            run.Fail(VcJwtChecks.Key, $"the JWK at {documentUrl} is not acceptable: {error}", Path, KeyRule);
            return null;
        }

        return new FoundKey(key, Binding.Origin, documentUrl.GetLeftPart(UriPartial.Authority), null);
    }

    /// <summary>The key must belong to the issuer (OB 3.0: the verification method's controller is the issuer id).</summary>
    private static void CheckController(FoundKey? found, JObject credential, VcJwtVerificationOptions options, Run run)
    {
        const string Rule = "OB 3.0: the signing key belongs to the issuer — its controller (or its DID) is the credential's issuer id";
        const string Path = "$.issuer";
        if (found is null)
        {
            run.NotApplicable(VcJwtChecks.KeyController, "no key", Path, Rule);
            return;
        }

        var issuerId = VcJwtClaims.IssuerId(credential);
        if (issuerId is null)
        {
            run.Fail(VcJwtChecks.KeyController, "the credential has no issuer id to bind the key to", Path, Rule);
            return;
        }

        switch (found.Binding)
        {
            case Binding.Controller when found.Controller != issuerId:
                run.Fail(VcJwtChecks.KeyController, $"the key's controller {Printable.Quote(found.Controller)} is not the issuer {Printable.Quote(issuerId)}", Path, Rule);
                return;

            case Binding.Controller when found.Purposes is not null && !found.Purposes.Contains("assertionMethod"):
                run.Fail(VcJwtChecks.KeyController, "the issuer's document does not list the key under assertionMethod", Path,
                    "a key that signs credentials is an assertionMethod of its controller");
                return;

            case Binding.Controller:
                run.Pass(VcJwtChecks.KeyController, $"the key's controller is the issuer {Printable.Quote(issuerId)}", Path, Rule);
                return;

            case Binding.Origin:
                var sameOrigin = Uri.TryCreate(issuerId, UriKind.Absolute, out var issuerUri)
                    && string.Equals(issuerUri.GetLeftPart(UriPartial.Authority), found.Controller, StringComparison.OrdinalIgnoreCase);
                if (sameOrigin)
                {
                    run.Pass(VcJwtChecks.KeyController, $"the JWK is published at the issuer's origin {found.Controller}", Path,
                        "a JWK fetched by URL is the issuer's when it is served from the issuer id's origin");
                }
                else
                {
                    run.Fail(VcJwtChecks.KeyController, $"the JWK is published at {found.Controller}, not at the origin of the issuer {Printable.Quote(issuerId)}", Path,
                        "a JWK fetched by URL is the issuer's when it is served from the issuer id's origin");
                }

                return;

            default:
                CheckHeaderKeyBinding(found.Key, issuerId, options, run);
                return;
        }
    }

    /// <summary>A <c>jwk</c> header key is the issuer's only when the issuer id is a did:jwk or did:key of that same key.</summary>
    private static void CheckHeaderKeyBinding(JosePublicKey key, string issuerId, VcJwtVerificationOptions options, Run run)
    {
        const string Rule = "a key from the 'jwk' header is the issuer's only when the issuer id is a did:jwk or did:key (Ed25519 or P-256) of that key";
        const string Path = "$.issuer";
        JosePublicKey? issuerKey = null;
        if (DidJwk.TryParse(issuerId, out var issuerJwk, out _, out _))
        {
            JosePublicKey.TryParse(issuerJwk, out issuerKey, out _);
        }
        else if (DidKeyP256.TryParse(issuerId, out var p256Jwk, out _, out _))
        {
            JosePublicKey.TryParse(p256Jwk, out issuerKey, out _);
        }
        else if (DidKey.TryParse(issuerId, out var ed25519, out _))
        {
            issuerKey = JosePublicKey.FromEd25519(ed25519);
        }

        using (issuerKey)
        {
            if (issuerKey is not null)
            {
                if (issuerKey.SameKeyAs(key))
                {
                    run.Pass(VcJwtChecks.KeyController, "the header 'jwk' is the key of the issuer's DID", Path, Rule);
                }
                else
                {
                    run.Fail(VcJwtChecks.KeyController, $"the header 'jwk' is not the key of the issuer's DID {Printable.Quote(issuerId)}", Path, Rule);
                }
            }
            else if (options.TrustJwkHeader)
            {
                run.NotApplicable(VcJwtChecks.KeyController, "the header 'jwk' is trusted as the issuer's key by option (TrustJwkHeader)", Path, Rule);
            }
            else
            {
                run.Undecided(VcJwtChecks.KeyController, $"nothing ties the header 'jwk' to the issuer {Printable.Quote(issuerId)}; resolve the issuer's keys, or set TrustJwkHeader", Path, Rule);
            }
        }
    }
}
