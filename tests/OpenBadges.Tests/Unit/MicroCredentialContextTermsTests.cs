using Newtonsoft.Json.Linq;
using OpenBadges.JsonLd;
using OpenBadges.Model;

namespace OpenBadges.Tests.Unit;

/// <summary>
/// Structural stand-in for JSON-LD safe mode until the processor lands: every key the builder emits must be a term
/// that is in scope where it is used, read from the context documents themselves (VC 2.0, OB 3.0.3, the inline
/// extension). Scoping follows JSON-LD 1.1: a node sees the top-level terms plus the type-scoped terms of its own
/// types; type-scoped contexts do not propagate into nested nodes.
/// </summary>
public sealed class MicroCredentialContextTermsTests
{
    [Fact]
    public void Every_property_of_the_built_credential_is_a_term_in_scope()
    {
        var credential = MicroCredentialTestData.CompleteDutchHigherEducation()
            .AddEvidence(new Evidence { Id = "https://portfolio.example.nl/j.jansen/data-ethics", Type = ["Evidence"], Name = "Portfolio", Genre = "Portfolio" })
            .WithCriteriaUrl("https://www.example-university.nl/micro-credentials/data-ethics")
            .WithImage("https://www.example-university.nl/badges/data-ethics.png", "Data Ethics badge")
            .WithValidUntil("2030-06-30T12:00:00Z")
            .Build()
            .ToJObject();
        var contexts = new[]
        {
            (JObject)EmbeddedContexts.Find(EmbeddedContexts.CredentialsV2)!["@context"]!,
            (JObject)EmbeddedContexts.Find(EmbeddedContexts.OpenBadgesV303)!["@context"]!,
            (JObject)credential["@context"]![2]!,
        };
        var vocabulary = new TermScopes(contexts);
        var undefined = new List<string>();

        vocabulary.CollectUndefined(credential, "$", undefined);

        Assert.True(undefined.Count == 0, "Not defined in scope:\n" + string.Join("\n", undefined));
    }

    [Fact]
    public void The_check_catches_an_undefined_or_out_of_scope_term()
    {
        var credential = MicroCredentialTestData.CompleteDutchHigherEducation().Build().ToJObject();
        credential["credentialSubject"]!["ECTS"] = 5; // defined only on EuropeanMicroCredential nodes
        credential["issuer"]!["brin"] = "21PD"; // defined nowhere
        var contexts = new[]
        {
            (JObject)EmbeddedContexts.Find(EmbeddedContexts.CredentialsV2)!["@context"]!,
            (JObject)EmbeddedContexts.Find(EmbeddedContexts.OpenBadgesV303)!["@context"]!,
            MicroCredentialContext.CreateInlineContext(),
        };
        var undefined = new List<string>();

        new TermScopes(contexts).CollectUndefined(credential, "$", undefined);

        Assert.Equal(["$.issuer.brin", "$.credentialSubject.ECTS"], undefined);
    }

    [Fact]
    public void Extension_terms_redefine_nothing_the_protected_contexts_define()
    {
        var standard = new TermScopes(
        [
            (JObject)EmbeddedContexts.Find(EmbeddedContexts.CredentialsV2)!["@context"]!,
            (JObject)EmbeddedContexts.Find(EmbeddedContexts.OpenBadgesV303)!["@context"]!,
        ]);
        var inScopeOnAchievement = standard.TermsFor(["Achievement"]);

        Assert.DoesNotContain(MicroCredentialContext.TypeName, inScopeOnAchievement);
        Assert.Empty(MicroCredentialContext.Terms.Intersect(inScopeOnAchievement));
    }

    [Fact]
    public void Extension_context_is_type_scoped_protected_and_uses_absolute_iris()
    {
        var context = MicroCredentialContext.CreateInlineContext();

        Assert.True((bool)context["@protected"]!);
        var definition = (JObject)context[MicroCredentialContext.TypeName]!;
        Assert.Equal("https://edubadges.nl/static/obv3-glossary.html#EuropeanMicroCredential", (string?)definition["@id"]);
        var scoped = (JObject)definition["@context"]!;
        Assert.True((bool)scoped["@protected"]!);
        Assert.Equal(MicroCredentialContext.Terms, scoped.Properties().Select(p => p.Name).Where(n => !n.StartsWith('@')));
        foreach (var term in MicroCredentialContext.Terms)
        {
            Assert.Equal("https://edubadges.nl/static/obv3-glossary.html#" + term, (string?)scoped[term]!["@id"]);
        }

        Assert.Equal("http://www.w3.org/2001/XMLSchema#double", (string?)scoped["ECTS"]!["@type"]);
        Assert.Equal("http://www.w3.org/2001/XMLSchema#double", (string?)scoped["SBU"]!["@type"]);
        Assert.Equal("http://www.w3.org/2001/XMLSchema#boolean", (string?)scoped["identityChecked"]!["@type"]);
    }

    [Fact]
    public void Inline_context_copies_are_independent()
    {
        var first = MicroCredentialContext.CreateInlineContext();
        first["@protected"] = false;

        Assert.True((bool)MicroCredentialContext.CreateInlineContext()["@protected"]!);
    }

    private sealed class TermScopes
    {
        private readonly HashSet<string> _topLevel = new(StringComparer.Ordinal);
        private readonly Dictionary<string, HashSet<string>> _byType = new(StringComparer.Ordinal);

        public TermScopes(IEnumerable<JObject> contexts)
        {
            foreach (var context in contexts)
            {
                foreach (var property in context.Properties().Where(p => !p.Name.StartsWith('@')))
                {
                    _topLevel.Add(property.Name);
                    if (property.Value is JObject { } definition && definition["@context"] is JObject scoped)
                    {
                        if (!_byType.TryGetValue(property.Name, out var terms))
                        {
                            _byType[property.Name] = terms = new HashSet<string>(StringComparer.Ordinal);
                        }

                        terms.UnionWith(scoped.Properties().Select(p => p.Name).Where(n => !n.StartsWith('@')));
                    }
                }
            }
        }

        public HashSet<string> TermsFor(IEnumerable<string> types)
        {
            var terms = new HashSet<string>(_topLevel, StringComparer.Ordinal);
            foreach (var type in types)
            {
                if (_byType.TryGetValue(type, out var scoped))
                {
                    terms.UnionWith(scoped);
                }
            }

            return terms;
        }

        public void CollectUndefined(JObject node, string path, List<string> undefined)
        {
            var types = node["type"] switch
            {
                JArray array => array.Values<string>().OfType<string>().ToList(),
                JValue { Type: JTokenType.String } single => [(string)single!],
                _ => [],
            };
            foreach (var type in types.Where(t => !_topLevel.Contains(t)))
            {
                undefined.Add($"{path}.type '{type}'");
            }

            var inScope = TermsFor(types);
            foreach (var property in node.Properties())
            {
                if (property.Name == "@context")
                {
                    continue;
                }

                var childPath = $"{path}.{property.Name}";
                if (!property.Name.StartsWith('@') && !inScope.Contains(property.Name))
                {
                    undefined.Add(childPath);
                }

                IEnumerable<JToken> values = property.Value is JArray items ? items.Children() : [property.Value];
                var index = 0;
                foreach (var value in values)
                {
                    if (value is JObject child)
                    {
                        CollectUndefined(child, property.Value is JArray ? $"{childPath}[{index}]" : childPath, undefined);
                    }

                    index++;
                }
            }
        }
    }
}
