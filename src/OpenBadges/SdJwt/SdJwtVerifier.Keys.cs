using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Newtonsoft.Json.Linq;
using OpenBadges.Json;
using OpenBadges.Keys;
using OpenBadges.Proofs.Jose;

namespace OpenBadges.SdJwt;

public static partial class SdJwtVerifier
{
    private const string KeyRule =
        "SD-JWT VC §3.5 / VC-JOSE-COSE: the issuer's key comes from a DID 'kid' (did:jwk, did:key, did:web), a DID 'iss', an 'x5c' chain, or the JWT VC Issuer Metadata of an HTTPS 'iss'";

    /// <summary>How a found key is tied to the issuer the payload names.</summary>
    private enum KeyTie
    {
        /// <summary>A DID or verification method whose controller must be the issuer.</summary>
        Controller,

        /// <summary>Published in the issuer's own JWT VC Issuer Metadata: tied already.</summary>
        Metadata,

        /// <summary>An x5c leaf: tied when the chain reaches a trust anchor (and names the issuer's host).</summary>
        Certificate,
    }

    private sealed record FoundKey(JosePublicKey Key, KeyTie Tie, string Controller, IReadOnlyList<string>? Purposes, X509Certificate2[]? Chain) : IDisposable
    {
        public void Dispose()
        {
            Key.Dispose();
            foreach (var certificate in Chain ?? [])
            {
                certificate.Dispose();
            }
        }
    }

    /// <summary>The issuer id the key must belong to: <c>iss</c> (SD-JWT, SD-JWT VC) or the credential's issuer id (VC-JOSE-COSE).</summary>
    private static string? IssuerOf(JObject payload, SdJwtProfile profile)
    {
        if (profile == SdJwtProfile.VcSdJwt)
        {
            return payload["issuer"] switch
            {
                JValue { Type: JTokenType.String } id => (string?)id,
                JObject profileObject => profileObject["id"] is JValue { Type: JTokenType.String } id ? (string?)id : null,
                _ => null,
            };
        }

        return payload["iss"] is JValue { Type: JTokenType.String } iss ? (string?)iss : null;
    }

    private static async Task<FoundKey?> FindIssuerKeyAsync(JObject header, JObject payload, SdJwtProfile profile, SdJwtVerificationOptions options, Run run, CancellationToken cancellationToken)
    {
        var issuer = IssuerOf(payload, profile);
        if (header["x5c"] is { } x5c)
        {
            return FromCertificateChain(x5c, run);
        }

        var kid = header["kid"] is JValue { Type: JTokenType.String } k ? (string?)k : null;
        if (kid is not null && kid.StartsWith("did:", StringComparison.Ordinal))
        {
            return await ResolveDidAsync(kid, "$.header.kid", options, run, cancellationToken).ConfigureAwait(false);
        }

        if (issuer is not null && (issuer.StartsWith(DidJwk.Prefix, StringComparison.Ordinal) || issuer.StartsWith(DidKey.Prefix, StringComparison.Ordinal)))
        {
            return await ResolveDidAsync(issuer, profile == SdJwtProfile.VcSdJwt ? "$.issuer" : "$.iss", options, run, cancellationToken).ConfigureAwait(false);
        }

        if (issuer is not null && Uri.TryCreate(issuer, UriKind.Absolute, out var issuerUri) && issuerUri.Scheme == Uri.UriSchemeHttps && profile != SdJwtProfile.VcSdJwt)
        {
            if (options.Fetcher is null)
            {
                run.Undecided(SdJwtChecks.Key, $"'iss' {Printable.Quote(issuer)} is an HTTPS URL: its keys are in its JWT VC Issuer Metadata, which is fetched only through a Fetcher (none given)", "$.iss", KeyRule);
                return null;
            }

            return await FromIssuerMetadataAsync(issuer, issuerUri, kid, options, run, cancellationToken).ConfigureAwait(false);
        }

        run.Fail(SdJwtChecks.Key, kid is null
            ? "the header has no 'kid', 'x5c' and the issuer is neither a DID nor an HTTPS URL: there is no way to find the issuer's key"
            : $"'kid' {Printable.Quote(kid)} is not a DID and the issuer gives no other way to find its key", "$.header", KeyRule);
        return null;
    }

    private static async Task<FoundKey?> ResolveDidAsync(string didOrUrl, string path, SdJwtVerificationOptions options, Run run, CancellationToken cancellationToken)
    {
        if (didOrUrl.StartsWith(DidJwk.Prefix, StringComparison.Ordinal))
        {
            if (!DidJwk.TryParse(didOrUrl, out var jwk, out var did, out var error) || !JosePublicKey.TryParse(jwk, out var key, out error))
            {
                run.Fail(SdJwtChecks.Key, $"{Printable.Quote(didOrUrl)} is not a usable did:jwk: {error}", path, KeyRule);
                return null;
            }

            run.Pass(SdJwtChecks.Key, $"did:jwk → {key.Describe()}", path, KeyRule);
            return new FoundKey(key, KeyTie.Controller, did, null, null);
        }

        if (DidKeyP256.IsCandidate(didOrUrl))
        {
            if (!DidKeyP256.TryParse(didOrUrl, out var jwk, out var did, out var error) || !JosePublicKey.TryParse(jwk, out var key, out error))
            {
                run.Fail(SdJwtChecks.Key, $"{Printable.Quote(didOrUrl)} is not a usable P-256 did:key: {error}", path, KeyRule);
                return null;
            }

            run.Pass(SdJwtChecks.Key, $"did:key → {key.Describe()}", path, KeyRule);
            return new FoundKey(key, KeyTie.Controller, did, null, null);
        }

        var methodId = didOrUrl;
        if (didOrUrl.StartsWith(DidKey.Prefix, StringComparison.Ordinal) && !didOrUrl.Contains('#', StringComparison.Ordinal))
        {
            methodId = didOrUrl + "#" + didOrUrl[DidKey.Prefix.Length..];
        }

        KeyResolution resolution;
        try
        {
            resolution = await options.KeyResolver.ResolveVerificationMethodAsync(methodId, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            run.Undecided(SdJwtChecks.Key, $"resolving {Printable.Quote(methodId)} failed: {e.GetType().Name}: {e.Message}", path, KeyRule);
            return null;
        }

        var methodJwk = resolution.VerificationMethod is { } method ? method["publicKeyJwk"] as JObject : null;
        switch (resolution.Status)
        {
            case KeyResolutionStatus.Resolved:
                var ed25519 = JosePublicKey.FromEd25519(resolution.PublicKey!);
                run.Pass(SdJwtChecks.Key, $"{Printable.Quote(methodId)} → {ed25519.Describe()}", path, KeyRule);
                return new FoundKey(ed25519, KeyTie.Controller, resolution.Controller!, resolution.ProofPurposes, null);

            case KeyResolutionStatus.UnsupportedKeyType when methodJwk is not null && resolution.Controller is not null:
                // The Ed25519 resolvers hand EC and RSA JsonWebKey methods back as unsupported; JOSE reads them.
                if (!JosePublicKey.TryParse(methodJwk, out var methodKey, out var methodError))
                {
                    run.Fail(SdJwtChecks.Key, "the verification method's publicKeyJwk is not acceptable: " + methodError, path, KeyRule);
                    return null;
                }

                run.Pass(SdJwtChecks.Key, $"{Printable.Quote(methodId)} → {methodKey.Describe()}", path, KeyRule);
                return new FoundKey(methodKey, KeyTie.Controller, resolution.Controller, resolution.ProofPurposes, null);

            case KeyResolutionStatus.Failed:
            case KeyResolutionStatus.NotSupported:
                run.Undecided(SdJwtChecks.Key, $"{Printable.Quote(methodId)} could not be resolved: {resolution.Reason}", path, KeyRule);
                return null;

            default:
                run.Fail(SdJwtChecks.Key, $"{Printable.Quote(methodId)} does not name an acceptable key: {resolution.Reason}", path, KeyRule);
                return null;
        }
    }

    private static FoundKey? FromCertificateChain(JToken x5c, Run run)
    {
        const string Path = "$.header.x5c";
        if (x5c is not JArray { Count: > 0 and <= 10 } array || array.Any(c => c.Type != JTokenType.String))
        {
            run.Fail(SdJwtChecks.Key, "'x5c' is not an array of one to ten base64 certificates", Path, "RFC 7515 §4.1.6: x5c is an array of base64 DER certificates, the leaf first");
            return null;
        }

        var chain = new List<X509Certificate2>();
        try
        {
            foreach (var item in array)
            {
                chain.Add(X509CertificateLoader.LoadCertificate(Convert.FromBase64String((string)item!)));
            }
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            chain.ForEach(c => c.Dispose());
            run.Fail(SdJwtChecks.Key, "an 'x5c' entry is not a base64 DER certificate: " + e.Message, Path, "RFC 7515 §4.1.6");
            return null;
        }

        var leaf = chain[0];
        JObject? jwk = null;
        using (var ec = leaf.GetECDsaPublicKey())
        using (var rsa = ec is null ? leaf.GetRSAPublicKey() : null)
        {
            if (ec is not null)
            {
                var p = ec.ExportParameters(false);
                jwk = new JObject { ["kty"] = "EC", ["crv"] = EcdsaP256Signer.P256Curve, ["x"] = B64(p.Q.X!), ["y"] = B64(p.Q.Y!) };
                if (!EcdsaP256Signer.IsP256(p.Curve))
                {
                    jwk = null;
                }
            }
            else if (rsa is not null)
            {
                var p = rsa.ExportParameters(false);
                jwk = new JObject { ["kty"] = "RSA", ["n"] = B64(p.Modulus!), ["e"] = B64(p.Exponent!) };
            }
        }

        if (jwk is null || !JosePublicKey.TryParse(jwk, out var key, out var error))
        {
            chain.ForEach(c => c.Dispose());
            run.Fail(SdJwtChecks.Key, "the 'x5c' leaf certificate's key is neither P-256 nor RSA", Path, KeyRule);
            return null;
        }

        run.Pass(SdJwtChecks.Key, $"the 'x5c' leaf {Printable.Quote(leaf.Subject)} → {key.Describe()}", Path, KeyRule);
        return new FoundKey(key, KeyTie.Certificate, string.Empty, null, [.. chain]);
    }

    /// <summary>SD-JWT VC §5: <c>https://host/.well-known/jwt-vc-issuer/path</c>, whose <c>issuer</c> is <c>iss</c>, with <c>jwks</c> or <c>jwks_uri</c>.</summary>
    private static async Task<FoundKey?> FromIssuerMetadataAsync(string issuer, Uri issuerUri, string? kid, SdJwtVerificationOptions options, Run run, CancellationToken cancellationToken)
    {
        const string Path = "$.iss";
        const string Rule = "SD-JWT VC §5: the JWT VC Issuer Metadata at /.well-known/jwt-vc-issuer (inserted before the path of 'iss') names 'iss' as 'issuer' and holds its keys in 'jwks' or 'jwks_uri'";
        var wellKnown = new Uri(issuerUri.GetLeftPart(UriPartial.Authority) + "/.well-known/jwt-vc-issuer" + issuerUri.AbsolutePath.TrimEnd('/'));
        var metadata = await FetchObjectAsync(wellKnown, options, run, SdJwtChecks.Key, Path, Rule, cancellationToken).ConfigureAwait(false);
        if (metadata is null)
        {
            return null;
        }

        if (metadata["issuer"] is not JValue { Type: JTokenType.String } named || (string?)named != issuer)
        {
            run.Fail(SdJwtChecks.Key, $"the metadata at {wellKnown} names issuer {Printable.Quote(metadata["issuer"]?.ToString())}, not {Printable.Quote(issuer)}", Path, Rule);
            return null;
        }

        var jwks = metadata["jwks"] as JObject;
        if (jwks is null && metadata["jwks_uri"] is JValue { Type: JTokenType.String } jwksUri)
        {
            if (!Uri.TryCreate((string?)jwksUri, UriKind.Absolute, out var jwksLocation) || jwksLocation.Scheme != Uri.UriSchemeHttps)
            {
                run.Fail(SdJwtChecks.Key, $"'jwks_uri' {Printable.Quote((string?)jwksUri)} is not an HTTPS URL", Path, Rule);
                return null;
            }

            jwks = await FetchObjectAsync(jwksLocation, options, run, SdJwtChecks.Key, Path, Rule, cancellationToken).ConfigureAwait(false);
            if (jwks is null)
            {
                return null;
            }
        }

        if (jwks?["keys"] is not JArray keys)
        {
            run.Fail(SdJwtChecks.Key, $"the metadata at {wellKnown} has neither 'jwks' nor 'jwks_uri' with a JWK Set", Path, Rule);
            return null;
        }

        var candidates = kid is null ? keys.OfType<JObject>().ToList() : keys.OfType<JObject>().Where(k => k["kid"] is JValue { Type: JTokenType.String } id && (string?)id == kid).ToList();
        if (candidates.Count != 1)
        {
            run.Fail(SdJwtChecks.Key, $"the issuer's JWK Set has {candidates.Count} key(s) {(kid is null ? "and the header names no 'kid'" : "with kid " + Printable.Quote(kid))}; exactly one is needed", Path, Rule);
            return null;
        }

        var jwk = (JObject)candidates[0].DeepClone();
        jwk.Remove("kid");
        if (!JosePublicKey.TryParse(jwk, out var key, out var error))
        {
            run.Fail(SdJwtChecks.Key, "the issuer's JWK is not acceptable: " + error, Path, Rule);
            return null;
        }

        run.Pass(SdJwtChecks.Key, $"JWT VC Issuer Metadata of {issuer} → {key.Describe()}", Path, Rule);
        return new FoundKey(key, KeyTie.Metadata, issuer, null, null);
    }

    private static async Task<JObject?> FetchObjectAsync(Uri url, SdJwtVerificationOptions options, Run run, string check, string path, string rule, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await options.Fetcher!(url, cancellationToken).ConfigureAwait(false) ?? throw SdJwtErrors.FetcherReturnedNothing();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            run.Undecided(check, $"fetching {url} failed: {e.Message}", path, rule);
            return null;
        }

        if (text.Length > options.MaxLength)
        {
            run.Undecided(check, $"{url} returned {text.Length} characters; the limit is {options.MaxLength}", path, rule);
            return null;
        }

        try
        {
            return JsonInput.ParseObject(text, new JsonLimits { MaxInputLength = options.MaxLength, MaxDepth = options.MaxJsonDepth });
        }
        catch (JsonInputException e)
        {
            run.Fail(check, $"{url} did not return an acceptable JSON object: {e.Message}", path, rule);
            return null;
        }
    }

    private static void VerifyIssuerSignature(string jwt, byte[] signature, string? alg, FoundKey? found, Run run)
    {
        const string Rule = "RFC 9901 §7.1 step 2: the issuer-signed JWT's signature verifies with the issuer's key";
        if (found is null || alg is null)
        {
            run.NotApplicable(SdJwtChecks.KeyAlgorithm, "no usable key or algorithm", "$.header.alg", "RFC 8725 §3.1: the key fixes the algorithm");
            run.NotApplicable(SdJwtChecks.Signature, "not checked: no usable key or algorithm", null, Rule);
            return;
        }

        if (!found.Key.Accepts(alg))
        {
            run.Fail(SdJwtChecks.KeyAlgorithm, $"'alg' is {alg}, but the key is an {found.Key.Describe()}, used only with {found.Key.Algorithm}", "$.header.alg",
                "RFC 8725 §3.1: the algorithm is fixed by the key, never chosen by the token");
            run.NotApplicable(SdJwtChecks.Signature, "not checked: the algorithm does not fit the key", null, Rule);
            return;
        }

        run.Pass(SdJwtChecks.KeyAlgorithm, $"{alg} for an {found.Key.KeyType} key", "$.header.alg", "RFC 8725 §3.1");
        if (JwsSignatureCheck.Verify(found.Key, alg, jwt, signature))
        {
            run.Pass(SdJwtChecks.Signature, $"{alg} signature verifies with the {found.Key.Describe()}", null, Rule);
        }
        else
        {
            run.Fail(SdJwtChecks.Signature, $"the {alg} signature does not verify with the {found.Key.Describe()}", null, Rule);
        }
    }

    private static void CheckIssuerBinding(FoundKey? found, JObject payload, SdJwtProfile profile, SdJwtVerificationOptions options, Run run)
    {
        const string Rule = "the signing key belongs to the issuer the payload names: a DID key's controller is the issuer, metadata is the issuer's own, an x5c chain reaches a trust anchor";
        var path = profile == SdJwtProfile.VcSdJwt ? "$.issuer" : "$.iss";
        var issuer = IssuerOf(payload, profile);
        if (found is null)
        {
            run.NotApplicable(SdJwtChecks.KeyIssuer, "no key", path, Rule);
            return;
        }

        if (issuer is null)
        {
            if (profile == SdJwtProfile.Plain)
            {
                run.NotApplicable(SdJwtChecks.KeyIssuer, "a plain SD-JWT without 'iss': the key is not tied to a named issuer", path, Rule);
            }
            else
            {
                run.Fail(SdJwtChecks.KeyIssuer, "the payload names no issuer to tie the key to", path, Rule);
            }

            return;
        }

        switch (found.Tie)
        {
            case KeyTie.Controller when found.Controller != issuer:
                run.Fail(SdJwtChecks.KeyIssuer, $"the key's controller {Printable.Quote(found.Controller)} is not the issuer {Printable.Quote(issuer)}", path, Rule);
                break;
            case KeyTie.Controller when found.Purposes is not null && !found.Purposes.Contains("assertionMethod"):
                run.Fail(SdJwtChecks.KeyIssuer, "the issuer's DID document does not list the key under assertionMethod", path, "a key that signs credentials is an assertionMethod of its controller");
                break;
            case KeyTie.Controller:
            case KeyTie.Metadata:
                run.Pass(SdJwtChecks.KeyIssuer, $"the key is the issuer's ({Printable.Quote(issuer)})", path, Rule);
                break;
            default:
                CheckCertificateTie(found.Chain!, issuer, options, path, run);
                break;
        }
    }

    private static void CheckCertificateTie(X509Certificate2[] chain, string issuer, SdJwtVerificationOptions options, string path, Run run)
    {
        const string Rule = "SD-JWT VC §3.5: an x5c chain must reach a trusted anchor, and for an HTTPS 'iss' the leaf names its host (DNS SAN)";
        if (options.TrustedCertificates is not { Count: > 0 } anchors)
        {
            run.Undecided(SdJwtChecks.KeyIssuer, "the key comes from an 'x5c' chain, but no trust anchors were given (TrustedCertificates)", "$.header.x5c", Rule);
            return;
        }

        using var x509 = new X509Chain();
        x509.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        x509.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        x509.ChainPolicy.VerificationTime = options.TimeProvider.GetUtcNow().UtcDateTime;
        x509.ChainPolicy.CustomTrustStore.AddRange(anchors.ToArray());
        x509.ChainPolicy.ExtraStore.AddRange(chain[1..]);
        if (!x509.Build(chain[0]))
        {
            var reasons = string.Join(", ", x509.ChainStatus.Select(s => s.Status.ToString()).Distinct());
            run.Fail(SdJwtChecks.KeyIssuer, $"the 'x5c' chain does not reach a trusted anchor ({reasons})", "$.header.x5c", Rule);
            return;
        }

        if (Uri.TryCreate(issuer, UriKind.Absolute, out var issuerUri) && issuerUri.Scheme == Uri.UriSchemeHttps)
        {
            var names = chain[0].Extensions.OfType<X509SubjectAlternativeNameExtension>().SelectMany(e => e.EnumerateDnsNames()).ToList();
            if (!names.Contains(issuerUri.Host, StringComparer.OrdinalIgnoreCase))
            {
                run.Fail(SdJwtChecks.KeyIssuer, $"the leaf certificate names {(names.Count == 0 ? "no DNS host" : string.Join(", ", names))}, not the host of 'iss' {issuerUri.Host}", path, Rule);
                return;
            }
        }

        run.Pass(SdJwtChecks.KeyIssuer, $"the 'x5c' chain reaches a trusted anchor ({chain[0].Subject})", path, Rule);
    }

    private static string B64(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}
