using System.Net;
using System.Net.Sockets;
using System.Text;
using Newtonsoft.Json.Linq;
using OpenBadges.Keys;

namespace OpenBadges.Tests.Unit;

public sealed class KeysResolverTests
{
    private const string Test1Multikey = KeysEd25519Tests.Test1Multikey;
    private const string Test1DidKey = KeysEd25519Tests.Test1DidKey;
    private const string Test1MethodId = Test1DidKey + "#" + Test1Multikey;

    [Fact]
    public void Did_key_document_in_multikey_form_has_the_spec_shape()
    {
        var document = DidKey.ResolveDocument(Test1DidKey);

        var expected = JObject.Parse($$"""
            {
              "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
              "id": "{{Test1DidKey}}",
              "verificationMethod": [{
                "id": "{{Test1MethodId}}",
                "type": "Multikey",
                "controller": "{{Test1DidKey}}",
                "publicKeyMultibase": "{{Test1Multikey}}"
              }],
              "authentication": ["{{Test1MethodId}}"],
              "assertionMethod": ["{{Test1MethodId}}"],
              "capabilityDelegation": ["{{Test1MethodId}}"],
              "capabilityInvocation": ["{{Test1MethodId}}"]
            }
            """);
        Assert.True(JToken.DeepEquals(expected, document), document.ToString());
    }

    [Fact]
    public void Did_key_document_in_2020_form_uses_the_2020_type_and_context()
    {
        var document = DidKey.ResolveDocument(Test1DidKey, DidKeyDocumentForm.Ed25519VerificationKey2020);
        Assert.Equal("https://w3id.org/security/suites/ed25519-2020/v1", (string?)document["@context"]![1]);
        Assert.Equal("Ed25519VerificationKey2020", (string?)document["verificationMethod"]![0]!["type"]);
        Assert.Equal(Test1Multikey, (string?)document["verificationMethod"]![0]!["publicKeyMultibase"]);
    }

    [Theory]
    [InlineData("did:web:example.com", "starts with 'did:key:'")]
    [InlineData("did:key:", "method-specific id")]
    [InlineData("did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169", "multicodec")]
    [InlineData("did:key:z6MktwupdmLXVVqTzCw4i46r4uGyosGXRnR3XjN4Zq7oMMsw#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2", "fragment")]
    public void Did_key_parse_rejects(string did, string expectedInError)
    {
        Assert.False(DidKey.TryParse(did, out _, out var error));
        Assert.Contains(expectedInError, error);
        Assert.Throws<FormatException>(() => DidKey.ResolveDocument(did));
    }

    [Fact]
    public async Task Did_key_resolver_resolves_the_method_with_all_relationships()
    {
        var result = await new DidKeyResolver().ResolveVerificationMethodAsync(Test1MethodId);

        Assert.True(result.IsResolved, result.Reason);
        Assert.Equal(KeyResolutionStatus.Resolved, result.Status);
        Assert.Equal(Test1Multikey, result.PublicKey.ToMultibase());
        Assert.Equal("Multikey", result.Type);
        Assert.Equal(Test1DidKey, result.Controller);
        Assert.Equal(Test1MethodId, (string?)result.VerificationMethod["id"]);
        Assert.Equal(["authentication", "assertionMethod", "capabilityInvocation", "capabilityDelegation"], result.ProofPurposes!);

        var legacy = new DidKeyResolver(DidKeyDocumentForm.Ed25519VerificationKey2020).Resolve(Test1MethodId);
        Assert.Equal("Ed25519VerificationKey2020", legacy.Type);
    }

    [Theory]
    [InlineData(Test1MethodId)]
    [InlineData("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2")]
    [InlineData(Test1DidKey + "#key-1")]
    [InlineData(Test1DidKey + "#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2")]
    [InlineData("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#" + Test1Multikey)]
    [InlineData(Test1DidKey + "#")]
    public void Did_key_resolver_answers_as_a_search_of_the_derived_document_would(string id)
    {
        // The resolver answers from the key without building the document; the answer must be the document's.
        foreach (var form in new[] { DidKeyDocumentForm.Multikey, DidKeyDocumentForm.Ed25519VerificationKey2020 })
        {
            var did = id[..id.IndexOf('#', StringComparison.Ordinal)];
            var fromDocument = DidKey.TryResolveDocument(did, form, out var document, out var error)
                ? ControllerDocuments.FindVerificationMethod(document, did, id)
                : KeyResolution.NotFound(id, error);
            var direct = new DidKeyResolver(form).Resolve(id);
            Assert.Equal(fromDocument.Status, direct.Status);
            Assert.Equal(fromDocument.Reason, direct.Reason);
            Assert.Equal(fromDocument.Type, direct.Type);
            Assert.Equal(fromDocument.Controller, direct.Controller);
            Assert.Equal(fromDocument.PublicKey?.ToMultibase(), direct.PublicKey?.ToMultibase());
            Assert.True(JToken.DeepEquals(fromDocument.VerificationMethod, direct.VerificationMethod));
            Assert.Equal(fromDocument.ProofPurposes, direct.ProofPurposes);
        }
    }

    [Theory]
    [InlineData(Test1DidKey + "#key-1", KeyResolutionStatus.NotFound)]
    [InlineData("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#" + Test1Multikey, KeyResolutionStatus.NotFound)]
    [InlineData("did:key:zzz#zzz", KeyResolutionStatus.NotFound)]
    [InlineData("https://example.edu/issuers/1#" + Test1Multikey, KeyResolutionStatus.NotSupported)]
    [InlineData("", KeyResolutionStatus.NotSupported)]
    public async Task Did_key_resolver_never_throws_on_bad_ids(string id, KeyResolutionStatus expected)
    {
        var result = await new DidKeyResolver().ResolveVerificationMethodAsync(id);
        Assert.Equal(expected, result.Status);
        Assert.False(result.IsResolved);
        Assert.False(string.IsNullOrEmpty(result.Reason));
    }

    [Theory]
    [InlineData("did:web:example.com", "https://example.com/.well-known/did.json")]
    [InlineData("did:web:w3c-ccg.github.io", "https://w3c-ccg.github.io/.well-known/did.json")]
    [InlineData("did:web:example.com:user:alice", "https://example.com/user/alice/did.json")]
    [InlineData("did:web:w3c-ccg.github.io:user:alice", "https://w3c-ccg.github.io/user/alice/did.json")]
    [InlineData("did:web:example.com%3A3000", "https://example.com:3000/.well-known/did.json")]
    [InlineData("did:web:example.com%3a3000:user:alice", "https://example.com:3000/user/alice/did.json")]
    [InlineData("did:web:Example.COM", "https://example.com/.well-known/did.json")]
    public void Did_web_maps_to_the_spec_url(string did, string url)
    {
        Assert.Equal(url, DidWeb.GetDocumentUrl(did).AbsoluteUri);
    }

    [Theory]
    [InlineData("did:key:z6Mk", "did:web:")]
    [InlineData("did:web:", "empty")]
    [InlineData("did:web:example.com/path", "'/'")]
    [InlineData("did:web:example.com#key-1", "'#'")]
    [InlineData("did:web:example.com?x=1", "'?'")]
    [InlineData("did:web:example.com%3A", "port")]
    [InlineData("did:web:example.com%3A99999", "port")]
    [InlineData("did:web:example.com%2Fevil", "domain name")]
    [InlineData("did:web:example.com::alice", "empty")]
    [InlineData("did:web:example.com:..:alice", "'..'")]
    [InlineData("did:web:example.com:a%2Fb", "change the URL path")]
    [InlineData("did:web:exa mple.com", "U+0020")]
    public void Did_web_rejects(string did, string expectedInError)
    {
        Assert.False(DidWeb.TryGetDocumentUrl(did, out _, out var error));
        Assert.Contains(expectedInError, error);
    }

    [Fact]
    public void Did_web_uses_http_for_loopback_only_when_allowed()
    {
        Assert.Equal("https://localhost:8080/.well-known/did.json", DidWeb.GetDocumentUrl("did:web:localhost%3A8080").AbsoluteUri);
        Assert.Equal("http://localhost:8080/.well-known/did.json", DidWeb.GetDocumentUrl("did:web:localhost%3A8080", allowHttpForLoopback: true).AbsoluteUri);
        Assert.Equal("http://127.0.0.1:8080/u/did.json", DidWeb.GetDocumentUrl("did:web:127.0.0.1%3A8080:u", allowHttpForLoopback: true).AbsoluteUri);
        Assert.Equal("https://example.com/.well-known/did.json", DidWeb.GetDocumentUrl("did:web:example.com", allowHttpForLoopback: true).AbsoluteUri);
    }

    [Fact]
    public async Task Did_web_resolver_fetches_from_a_loopback_server()
    {
        using var key = Ed25519Key.FromSeed(Convert.FromHexString(KeysEd25519Tests.Test1SeedHex));
        await using var server = new LoopbackServer();
        var did = $"did:web:127.0.0.1%3A{server.Port}:issuers:one";
        server.Respond("/issuers/one/did.json", 200, DidWebDocument(did, key.PublicKey).ToString());
        using var client = new HttpClient();
        var resolver = new DidWebResolver(client, new DidWebResolverOptions { AllowHttpForLoopback = true });

        var result = await resolver.ResolveVerificationMethodAsync(did + "#key-1");

        Assert.True(result.IsResolved, result.Reason);
        Assert.Equal(key.PublicKey, result.PublicKey);
        Assert.Equal(did, result.Controller);
        Assert.Equal("Multikey", result.Type);
        Assert.Equal(["assertionMethod"], result.ProofPurposes!);
        Assert.Equal(["/issuers/one/did.json"], server.RequestedPaths);

        var missing = await resolver.ResolveVerificationMethodAsync(did + "#key-2");
        Assert.Equal(KeyResolutionStatus.NotFound, missing.Status);
    }

    [Fact]
    public async Task Did_web_resolver_refuses_plain_http_unless_allowed()
    {
        await using var server = new LoopbackServer();
        using var client = new HttpClient();
        var result = await new DidWebResolver(client).ResolveVerificationMethodAsync($"did:web:127.0.0.1%3A{server.Port}#key-1");

        // https to a plain-text server: the handshake fails, reported as a failure, never thrown.
        Assert.Equal(KeyResolutionStatus.Failed, result.Status);
        Assert.StartsWith("GET https://", result.Reason);
    }

    [Fact]
    public async Task Did_web_resolver_reports_failures_without_throwing()
    {
        using var key = Ed25519Key.Generate();
        await using var server = new LoopbackServer();
        var did = $"did:web:localhost%3A{server.Port}";
        var options = new DidWebResolverOptions { AllowHttpForLoopback = true, MaxDocumentBytes = 4096 };
        using var client = new HttpClient();
        var resolver = new DidWebResolver(client, options);

        server.Respond("/.well-known/did.json", 404, "no");
        var notFound = await resolver.ResolveVerificationMethodAsync(did + "#key-1");
        // Every fetch failure reads alike (issue #21: the reasons would map the verifier's network for the submitter).
        Assert.Equal(KeyResolutionStatus.Failed, notFound.Status);
        Assert.DoesNotContain("404", notFound.Reason!, StringComparison.Ordinal);

        var huge = "{\"id\": " + new string(' ', 5000) + "}";
        server.Respond("/.well-known/did.json", 200, huge);
        var declaredTooLarge = await resolver.ResolveVerificationMethodAsync(did + "#key-1");
        Assert.Equal(KeyResolutionStatus.Failed, declaredTooLarge.Status);
        Assert.Equal(notFound.Reason, declaredTooLarge.Reason);

        // Without Content-Length the body is cut off while reading, not read to the end.
        server.Respond("/.well-known/did.json", 200, huge, omitContentLength: true);
        var streamedTooLarge = await resolver.ResolveVerificationMethodAsync(did + "#key-1");
        Assert.Equal(KeyResolutionStatus.Failed, streamedTooLarge.Status);
        Assert.Equal(notFound.Reason, streamedTooLarge.Reason);

        server.Respond("/.well-known/did.json", 200, "{not json");
        Assert.Equal(KeyResolutionStatus.Failed, (await resolver.ResolveVerificationMethodAsync(did + "#key-1")).Status);

        // A document served for another DID does not speak for this one.
        server.Respond("/.well-known/did.json", 200, DidWebDocument("did:web:evil.example", key.PublicKey).ToString());
        var impostor = await resolver.ResolveVerificationMethodAsync(did + "#key-1");
        Assert.Equal(KeyResolutionStatus.NotFound, impostor.Status);
        Assert.Contains("must be", impostor.Reason);

        Assert.Equal(KeyResolutionStatus.NotFound, (await resolver.ResolveVerificationMethodAsync(did)).Status);
        Assert.Equal(KeyResolutionStatus.NotSupported, (await resolver.ResolveVerificationMethodAsync(Test1MethodId)).Status);
    }

    [Fact]
    public async Task Did_web_resolver_honours_cancellation()
    {
        await using var server = new LoopbackServer();
        server.Respond("/.well-known/did.json", 200, "{}", delay: TimeSpan.FromSeconds(30));
        using var client = new HttpClient();
        var resolver = new DidWebResolver(client, new DidWebResolverOptions { AllowHttpForLoopback = true });
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await resolver.ResolveVerificationMethodAsync($"did:web:localhost%3A{server.Port}#key-1", cancellation.Token));
    }

    [Fact]
    public void Multikey_fragment_form_resolves_the_key_and_controller()
    {
        const string id = "https://example.edu/issuers/565049#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi";
        var result = MultikeyFragmentResolver.Resolve(id);

        Assert.True(result.IsResolved, result.Reason);
        Assert.Equal("https://example.edu/issuers/565049", result.Controller);
        Assert.Equal("z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi", result.PublicKey.ToMultibase());
        Assert.Equal("4bdeafde2ea8beefadd8c699b5c7e0704cf51154d52e17b20b71337ca04cc5a5", Convert.ToHexStringLower(result.PublicKey.Bytes));
        Assert.Equal("Multikey", result.Type);
        Assert.Null(result.ProofPurposes);
    }

    [Theory]
    [InlineData("https://example.edu/issuers/565049#key-1", KeyResolutionStatus.NotSupported)]
    [InlineData("https://example.edu/issuers/565049", KeyResolutionStatus.NotSupported)]
    [InlineData(Test1MethodId, KeyResolutionStatus.NotSupported)]
    [InlineData("did:web:example.edu#" + Test1Multikey, KeyResolutionStatus.NotSupported)]
    [InlineData("https://example.edu/issuers/565049#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hw", KeyResolutionStatus.NotFound)]
    [InlineData("https://example.edu/issuers/565049#z6Mk0", KeyResolutionStatus.NotFound)]
    public void Multikey_fragment_form_declines_or_refuses(string id, KeyResolutionStatus expected)
    {
        Assert.Equal(expected, MultikeyFragmentResolver.Resolve(id).Status);
    }

    [Fact]
    public async Task Controller_document_resolver_reads_through_the_injected_fetcher()
    {
        using var key = Ed25519Key.Generate();
        const string controller = "https://example.edu/issuers/1";
        var document = new JObject
        {
            ["@context"] = new JArray("https://www.w3.org/ns/cid/v1"),
            ["id"] = controller,
            ["verificationMethod"] = new JArray(
                new JObject { ["id"] = "#key-1", ["type"] = "Multikey", ["controller"] = controller, ["publicKeyMultibase"] = key.PublicKey.ToMultibase() },
                new JObject { ["id"] = controller + "#jwk", ["type"] = "JsonWebKey", ["controller"] = controller, ["publicKeyJwk"] = Jwk.FromPublicKey(key.PublicKey) },
                new JObject { ["id"] = controller + "#p256", ["type"] = "JsonWebKey", ["controller"] = controller, ["publicKeyJwk"] = new JObject { ["kty"] = "EC", ["crv"] = "P-256", ["x"] = "AA", ["y"] = "AA" } },
                new JObject { ["id"] = controller + "#other", ["type"] = "Multikey", ["controller"] = "https://elsewhere.example", ["publicKeyMultibase"] = key.PublicKey.ToMultibase() }),
            ["assertionMethod"] = new JArray("#key-1", controller + "#jwk"),
        };
        var fetched = new List<Uri>();
        var resolver = new ControllerDocumentResolver((url, _) =>
        {
            fetched.Add(url);
            return Task.FromResult(document.ToString());
        });

        var multikey = await resolver.ResolveVerificationMethodAsync(controller + "#key-1");
        Assert.True(multikey.IsResolved, multikey.Reason);
        Assert.Equal(key.PublicKey, multikey.PublicKey);
        Assert.Equal(controller, multikey.Controller);
        Assert.Equal(["assertionMethod"], multikey.ProofPurposes!);
        Assert.Equal(new Uri(controller), fetched[0]);

        var jwk = await resolver.ResolveVerificationMethodAsync(controller + "#jwk");
        Assert.True(jwk.IsResolved, jwk.Reason);
        Assert.Equal("JsonWebKey", jwk.Type);

        var p256 = await resolver.ResolveVerificationMethodAsync(controller + "#p256");
        Assert.Equal(KeyResolutionStatus.UnsupportedKeyType, p256.Status);
        Assert.NotNull(p256.VerificationMethod);

        var foreign = await resolver.ResolveVerificationMethodAsync(controller + "#other");
        Assert.Equal(KeyResolutionStatus.NotFound, foreign.Status);
        Assert.Contains("controller", foreign.Reason);

        Assert.Equal(KeyResolutionStatus.NotFound, (await resolver.ResolveVerificationMethodAsync("http://example.edu/issuers/1#key-1")).Status);
        Assert.Equal(KeyResolutionStatus.NotSupported, (await resolver.ResolveVerificationMethodAsync(Test1MethodId)).Status);
    }

    [Fact]
    public async Task Controller_documents_with_embedded_legacy_and_conflicting_methods()
    {
        using var key = Ed25519Key.Generate();
        const string controller = "https://example.edu/issuers/2";
        var legacy2018 = new JObject
        {
            ["id"] = controller + "#legacy",
            ["type"] = "Ed25519VerificationKey2018",
            ["controller"] = controller,
            ["publicKeyBase58"] = SimpleBase.Base58.Bitcoin.Encode(key.PublicKey.Bytes),
        };
        var document = new JObject
        {
            ["id"] = controller,
            ["assertionMethod"] = new JArray(legacy2018),
            ["verificationMethod"] = new JArray(
                new JObject { ["id"] = controller + "#twice", ["type"] = "Multikey", ["controller"] = controller, ["publicKeyMultibase"] = key.PublicKey.ToMultibase() },
                new JObject { ["id"] = controller + "#twice", ["type"] = "Multikey", ["controller"] = controller, ["publicKeyMultibase"] = KeysEd25519Tests.Test1Multikey },
                new JObject { ["id"] = controller + "#secret", ["type"] = "JsonWebKey", ["controller"] = controller, ["publicKeyJwk"] = new JObject { ["kty"] = "OKP", ["crv"] = "Ed25519", ["x"] = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo", ["d"] = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A" } }),
        };
        var resolver = new ControllerDocumentResolver((_, _) => Task.FromResult(document.ToString()));

        var legacy = await resolver.ResolveVerificationMethodAsync(controller + "#legacy");
        Assert.True(legacy.IsResolved, legacy.Reason);
        Assert.Equal(key.PublicKey, legacy.PublicKey);
        Assert.Equal(["assertionMethod"], legacy.ProofPurposes!);

        var twice = await resolver.ResolveVerificationMethodAsync(controller + "#twice");
        Assert.Equal(KeyResolutionStatus.NotFound, twice.Status);
        Assert.Contains("twice", twice.Reason);

        var published = await resolver.ResolveVerificationMethodAsync(controller + "#secret");
        Assert.Equal(KeyResolutionStatus.NotFound, published.Status);
        Assert.Contains("private key", published.Reason);

        var elsewhere = new ControllerDocumentResolver((_, _) => Task.FromResult(document.ToString()));
        var wrongDocument = await elsewhere.ResolveVerificationMethodAsync("https://example.edu/issuers/3#legacy");
        Assert.Equal(KeyResolutionStatus.NotFound, wrongDocument.Status);
        Assert.Contains("must be 'https://example.edu/issuers/3'", wrongDocument.Reason);
    }

    [Fact]
    public async Task Controller_document_resolver_reports_fetch_failures()
    {
        var failing = new ControllerDocumentResolver((_, _) => throw new HttpRequestException("connection refused"));
        var result = await failing.ResolveVerificationMethodAsync("https://example.edu/i#key-1");
        Assert.Equal(KeyResolutionStatus.Failed, result.Status);
        Assert.Contains("connection refused", result.Reason);

        var huge = new ControllerDocumentResolver((_, _) => Task.FromResult(new string(' ', 300_000)));
        Assert.Contains("limit", (await huge.ResolveVerificationMethodAsync("https://example.edu/i#key-1")).Reason);
    }

    [Fact]
    public async Task Composite_tries_resolvers_in_order_and_stops_at_the_first_answer()
    {
        var spy = new SpyResolver();
        var composite = new CompositeKeyResolver(new DidKeyResolver(), new MultikeyFragmentResolver(), spy);

        var didKey = await composite.ResolveVerificationMethodAsync(Test1MethodId);
        Assert.True(didKey.IsResolved, didKey.Reason);

        var fragment = await composite.ResolveVerificationMethodAsync("https://example.edu/issuers/565049#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi");
        Assert.True(fragment.IsResolved, fragment.Reason);
        Assert.Equal(0, spy.Calls);

        var badDidKey = await composite.ResolveVerificationMethodAsync(Test1DidKey + "#key-1");
        Assert.Equal(KeyResolutionStatus.NotFound, badDidKey.Status);
        Assert.Equal(0, spy.Calls);

        var nobody = await composite.ResolveVerificationMethodAsync("urn:uuid:1234");
        Assert.Equal(KeyResolutionStatus.NotSupported, nobody.Status);
        Assert.Equal(1, spy.Calls);
        Assert.Contains("DidKeyResolver", nobody.Reason);
    }

    [Fact]
    public async Task Composite_turns_a_throwing_resolver_into_a_failure()
    {
        var composite = new CompositeKeyResolver(new ThrowingResolver(), new DidKeyResolver());
        var result = await composite.ResolveVerificationMethodAsync(Test1MethodId);
        Assert.Equal(KeyResolutionStatus.Failed, result.Status);
        Assert.Contains("boom", result.Reason);

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await new CompositeKeyResolver(new DidKeyResolver()).ResolveVerificationMethodAsync(Test1MethodId, cancelled.Token));
    }

    private static JObject DidWebDocument(string did, Ed25519PublicKey key) => new()
    {
        ["@context"] = new JArray(DidKey.DidContext, DidKey.MultikeyContext),
        ["id"] = did,
        ["verificationMethod"] = new JArray(new JObject
        {
            ["id"] = did + "#key-1",
            ["type"] = "Multikey",
            ["controller"] = did,
            ["publicKeyMultibase"] = key.ToMultibase(),
        }),
        ["assertionMethod"] = new JArray(did + "#key-1"),
    };

    private sealed class SpyResolver : IKeyResolver
    {
        public int Calls { get; private set; }

        public ValueTask<KeyResolution> ResolveVerificationMethodAsync(string verificationMethodId, CancellationToken cancellationToken = default)
        {
            Calls++;
            return ValueTask.FromResult(KeyResolution.NotSupported(verificationMethodId, "spy handles nothing"));
        }
    }

    private sealed class ThrowingResolver : IKeyResolver
    {
        public ValueTask<KeyResolution> ResolveVerificationMethodAsync(string verificationMethodId, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("boom");
    }

    /// <summary>A minimal HTTP/1.1 server on 127.0.0.1 (TcpListener, one response per connection) for resolver tests.</summary>
    private sealed class LoopbackServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly Dictionary<string, (int Status, string Body, TimeSpan Delay, bool OmitLength)> _routes = [];
        private readonly List<string> _paths = [];
        private readonly Task _loop;

        public LoopbackServer()
        {
            _listener.Start();
            _loop = Task.Run(AcceptLoopAsync);
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public IReadOnlyList<string> RequestedPaths
        {
            get
            {
                lock (_paths)
                {
                    return [.. _paths];
                }
            }
        }

        public void Respond(string path, int status, string body, TimeSpan delay = default, bool omitContentLength = false)
        {
            lock (_routes)
            {
                _routes[path] = (status, body, delay, omitContentLength);
            }
        }

        private async Task AcceptLoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                    return;
                }

                _ = Task.Run(() => ServeAsync(client));
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using (client)
            {
                try
                {
                    var stream = client.GetStream();
                    var header = new StringBuilder();
                    var buffer = new byte[1];
                    while (!header.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && header.Length < 8192)
                    {
                        if (await stream.ReadAsync(buffer, _stop.Token) == 0)
                        {
                            return;
                        }

                        if (header.Length == 0 && !char.IsAsciiLetterUpper((char)buffer[0]))
                        {
                            return; // not an HTTP request line (e.g. a TLS ClientHello): close at once
                        }

                        header.Append((char)buffer[0]);
                    }

                    var requestLine = header.ToString().Split("\r\n")[0].Split(' ');
                    if (requestLine.Length < 2)
                    {
                        return; // e.g. a TLS ClientHello: not HTTP, close
                    }

                    var path = requestLine[1];
                    lock (_paths)
                    {
                        _paths.Add(path);
                    }

                    (int Status, string Body, TimeSpan Delay, bool OmitLength) route;
                    lock (_routes)
                    {
                        route = _routes.TryGetValue(path, out var found) ? found : (404, "not found", TimeSpan.Zero, false);
                    }

                    if (route.Delay > TimeSpan.Zero)
                    {
                        await Task.Delay(route.Delay, _stop.Token);
                    }

                    var body = Encoding.UTF8.GetBytes(route.Body);
                    var head = $"HTTP/1.1 {route.Status} X\r\nContent-Type: application/did+json\r\n{(route.OmitLength ? string.Empty : $"Content-Length: {body.Length}\r\n")}Connection: close\r\n\r\n";
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
                    await stream.WriteAsync(body, _stop.Token);
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                }
                catch (IOException)
                {
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            try
            {
                await _loop;
            }
            catch (OperationCanceledException)
            {
            }

            _stop.Dispose();
        }
    }
}
