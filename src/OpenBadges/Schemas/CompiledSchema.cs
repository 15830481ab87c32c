using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using NJsonSchema.Validation.FormatValidators;
using OpenBadges.Checks;

namespace OpenBadges.Schemas;

/// <summary>
/// A fast, yes-or-"ask NJsonSchema" validator for one embedded schema: it answers only whether
/// NJsonSchema would report no error for a document, without building any error objects or JSON paths.
/// <para>
/// Why: NJsonSchema 11 evaluates every branch of every <c>oneOf</c> (184 in the AchievementCredential schema) and
/// builds a <see cref="ValidationError"/> with a path for each failing branch even when the document is valid; that
/// is most of the cost of a schema check. Here a failing branch costs a type comparison and no allocation.
/// </para>
/// <para>
/// Soundness: <see cref="IsValid(JToken)"/> may say true only when NJsonSchema's <c>JsonSchema.Validate</c> returns no
/// error; when it says false, <see cref="OpenBadgesSchemas"/> runs NJsonSchema, which stays the only source of error
/// messages. Every subschema is evaluated to one of three verdicts — valid, invalid (NJsonSchema would certainly
/// report an error for it) and unknown — because a branch wrongly judged invalid inside a <c>oneOf</c> would make a
/// document look valid. Anything not reproduced exactly (a keyword, a token kind, a depth) is unknown.
/// </para>
/// <para>
/// Matching NJsonSchema rather than the JSON Schema spec: the validator is compiled from the <see cref="JsonSchema"/>
/// object graph NJsonSchema loaded from the same (rewritten) schema JSON, and reads exactly the members
/// <c>JsonSchemaValidator</c> 11.6.2 reads, in the same way. So keyword parsing, <c>$ref</c> resolution and the
/// quirks below are NJsonSchema's by construction:
/// <list type="bullet">
/// <item>Keywords NJsonSchema does not model land in <c>ExtensionData</c> and are not validated, by NJsonSchema or
/// here. In the embedded schemas those are the draft 2019-09 / draft-06 keywords <c>contains</c> (so a
/// <c>type</c> array without <c>VerifiableCredential</c> passes) and <c>propertyNames</c> (so language-map keys are
/// not checked); <c>const</c>, <c>if</c>/<c>then</c>/<c>else</c>, <c>dependentRequired</c>,
/// <c>dependentSchemas</c>, <c>unevaluatedProperties</c>, <c>unevaluatedItems</c>, <c>minContains</c>,
/// <c>maxContains</c>, <c>prefixItems</c> would be ignored the same way.</item>
/// <item>Every subschema is taken through <see cref="JsonSchema.ActualSchema"/>, as NJsonSchema does: keywords
/// beside a <c>$ref</c> are ignored, and so are the siblings of a single-entry <c>allOf</c>/<c>oneOf</c>/<c>anyOf</c>
/// that wraps a reference (NJsonSchema's "wrapper reference").</item>
/// <item><c>required</c> also fails for a token that is not an object (unless the schema's type allows null).</item>
/// <item>A null property value is accepted without validation when the property's schema
/// <see cref="JsonSchema.IsNullable"/>; a null token skips type and enum checks when its schema is nullable.</item>
/// <item><c>enum</c> compares <c>ToString()</c> of the token and of each value (so <c>1</c> matches <c>"1"</c>).</item>
/// <item><c>integer</c> accepts only integer tokens (<c>1.0</c> is not an integer); <c>number</c> accepts both.</item>
/// <item><c>minItems</c>/<c>maxItems</c>/<c>minProperties</c>/<c>maxProperties</c> of 0 are ignored; string
/// lengths count UTF-16 code units; <c>uniqueItems</c> compares <c>ToString()</c>.</item>
/// <item><c>pattern</c> is .NET <see cref="Regex"/> with default options (unanchored search), as
/// <c>Regex.IsMatch(value, pattern)</c>; instances are compiled once and shared.</item>
/// <item><c>format</c> uses NJsonSchema's own format validators (the default set of
/// <see cref="JsonSchemaValidatorSettings"/>); a format none of them handles is not checked.</item>
/// <item>Numbers are compared as NJsonSchema does: as decimal, or as double when the token overflows decimal.</item>
/// <item>Date, Guid, Uri and TimeSpan tokens (Newtonsoft's default date parsing, code-built tokens) are strings, the
/// text NJsonSchema checks being its own rendering of them (a date as <c>yyyy-MM-ddTHH:mm:ssK</c>).</item>
/// </list>
/// Always unknown (deferred to NJsonSchema): <c>patternProperties</c> (NJsonSchema applies it to declared properties
/// too); documents with Bytes, Raw or other non-JSON tokens, or with a number NJsonSchema cannot convert to decimal
/// (a BigInteger: it throws); documents or
/// evaluations nested deeper than <see cref="MaxDepth"/>. A schema on which NJsonSchema itself throws (a pattern
/// .NET cannot compile, a reference it cannot resolve, <c>multipleOf: 0</c>, one subschema instance listed twice in
/// a combinator) is deferred as a whole, because this validator stops at the first failure and could skip the
/// branch where NJsonSchema throws. (Not reproduced: a regex match timeout configured process-wide, in a branch
/// skipped here.)
/// </para>
/// <para>Immutable after <see cref="Compile"/>; <see cref="IsValid(JToken)"/> is thread-safe.</para>
/// </summary>
internal sealed class CompiledSchema
{
    /// <summary>Nesting of subschema evaluations beyond which the answer is "ask NJsonSchema".</summary>
    internal const int MaxDepth = 256;

    // Compile-time bound on the schema graph walk (cycles are shared nodes, so this only limits absurd nesting).
    private const int MaxCompileDepth = 512;

    // The embedded schemas share a handful of patterns; one compiled Regex each, for all schemas.
    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    // NJsonSchema's default format validators, grouped by format as JsonSchemaValidator groups them.
    private static readonly Dictionary<string, IFormatValidator[]> FormatValidators =
        new JsonSchemaValidatorSettings().FormatValidators.GroupBy(v => v.Format).ToDictionary(g => g.Key, g => g.ToArray());

    // The flags NJsonSchema's multi-type check enumerates (every JsonObjectType but None).
    private static readonly JsonObjectType[] AllTypes = Enum.GetValues<JsonObjectType>().Where(t => t != JsonObjectType.None).ToArray();

    private static readonly Node Deferred = new() { Defer = true };

    private readonly Node _root;

    private CompiledSchema(Node root) => _root = root;

    private enum Verdict : byte
    {
        Invalid,
        Valid,
        Unknown,
    }

    /// <summary>Compiles the validator for a schema NJsonSchema has loaded (references resolved).</summary>
    public static CompiledSchema Compile(JsonSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var nodes = new Dictionary<JsonSchema, Node>(ReferenceEqualityComparer.Instance);
        var root = NodeFor(schema, nodes, 0);

        // A subschema on which NJsonSchema throws can be reached in a branch this validator skips (it stops at the
        // first failure, NJsonSchema evaluates everything): then no document is vouched for.
        return new CompiledSchema(nodes.Values.Any(node => node.Throws) ? Deferred : root);
    }

    /// <summary>
    /// True only when NJsonSchema would report no error for <paramref name="document"/> (already normalized as
    /// <see cref="OpenBadgesSchemas"/> validates it); false means "not known to be valid", never "invalid".
    /// </summary>
    public bool IsValid(JToken document) => IsValid(document, []);

    /// <summary>
    /// As <see cref="IsValid(JToken)"/>, for <paramref name="document"/> as if each root property named in
    /// <paramref name="oneOrManyAtRoot"/> whose value is neither an array nor null held a one-element array of that
    /// value (the normalization <see cref="OpenBadgesSchemas"/> applies), without copying the document: only those
    /// values are wrapped (copied).
    /// </summary>
    public bool IsValid(JToken document, IReadOnlyList<string> oneOrManyAtRoot)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(oneOrManyAtRoot);
        if (!IsPlainDocument(document, 0))
        {
            return false;
        }

        Scope? scope = null;
        if (document is JObject root)
        {
            foreach (var name in oneOrManyAtRoot)
            {
                if (root.TryGetValue(name, out var value) && value.Type is not JTokenType.Array and not JTokenType.Null)
                {
                    scope ??= new Scope(root);
                    scope.Wrapped[name] = new JArray { value }; // Add copies a token that has a parent
                }
            }
        }

        try
        {
            return Evaluate(_root, document, 0, scope) == Verdict.Valid;
        }
        catch (Exception e) when (e is RegexMatchTimeoutException or OverflowException or InvalidCastException or FormatException or DivideByZeroException or ArgumentException)
        {
            // Whatever NJsonSchema does with this document (it may well throw the same), it decides.
            return false;
        }
    }

    // ---- compilation -------------------------------------------------------------------------------------------

    private static Node NodeFor(JsonSchema schema, Dictionary<JsonSchema, Node> nodes, int depth)
    {
        JsonSchema actual;
        try
        {
            // Every place JsonSchemaValidator descends into a subschema it takes ActualSchema first.
            actual = schema.ActualSchema;
        }
        catch (InvalidOperationException)
        {
            // Unresolved or cyclic reference: NJsonSchema throws when it gets here.
            var poisoned = new Node { Defer = true, Throws = true };
            nodes.TryAdd(schema, poisoned);
            return poisoned;
        }

        if (nodes.TryGetValue(actual, out var existing))
        {
            return existing;
        }

        if (depth > MaxCompileDepth)
        {
            return Deferred;
        }

        var node = new Node();
        nodes.Add(actual, node); // before the children: recursive definitions share this node
        Fill(node, actual, nodes, depth + 1);
        return node;
    }

    private static void Fill(Node node, JsonSchema s, Dictionary<JsonSchema, Node> nodes, int depth)
    {
        if (s.PatternProperties.Count > 0)
        {
            node.Defer = true;
            return;
        }

        Node[]? Many(ICollection<JsonSchema> schemas)
        {
            // anyOf/allOf/oneOf results are keyed by subschema in NJsonSchema (ToDictionary): a repeated instance throws.
            if (schemas.Distinct(ReferenceEqualityComparer.Instance).Count() != schemas.Count)
            {
                node.Throws = true;
            }

            return schemas.Count == 0 ? null : schemas.Select(child => NodeFor(child, nodes, depth)).ToArray();
        }

        node.AnyOf = Many(s.AnyOf);
        node.AllOf = Many(s.AllOf);
        node.OneOf = Many(s.OneOf);
        node.Not = s.Not is null ? null : NodeFor(s.Not, nodes, depth);

        node.Types = s.Type == JsonObjectType.None ? [] : AllTypes.Where(t => s.Type.HasFlag(t)).ToArray();
        node.TypeAllowsNull = s.Type.HasFlag(JsonObjectType.Null);
        node.Nullable = s.IsNullable(SchemaType.JsonSchema);
        node.Enumeration = s.Enumeration.Count == 0 ? null : s.Enumeration.ToArray();

        node.MinItems = s.MinItems;
        node.MaxItems = s.MaxItems;
        node.UniqueItems = s.UniqueItems;
        node.Item = s.Item is null ? null : NodeFor(s.Item, nodes, depth);
        node.Items = Many(s.Items);
        node.AdditionalItems = s.AdditionalItemsSchema is null ? null : NodeFor(s.AdditionalItemsSchema, nodes, depth);
        node.AllowAdditionalItems = s.AllowAdditionalItems;

        if (!string.IsNullOrEmpty(s.Pattern))
        {
            try
            {
                node.Pattern = Patterns.GetOrAdd(s.Pattern, p => new Regex(p, RegexOptions.Compiled));
            }
            catch (ArgumentException)
            {
                node.Defer = node.Throws = true; // NJsonSchema throws on the first string it checks
                return;
            }
        }

        node.MinLength = s.MinLength;
        node.MaxLength = s.MaxLength;
        node.Format = !string.IsNullOrEmpty(s.Format) && FormatValidators.TryGetValue(s.Format, out var validators) ? validators : null;

        node.Minimum = s.Minimum;
        node.Maximum = s.Maximum;
        node.IsExclusiveMinimum = s.IsExclusiveMinimum;
        node.IsExclusiveMaximum = s.IsExclusiveMaximum;
        node.ExclusiveMinimum = s.ExclusiveMinimum;
        node.ExclusiveMaximum = s.ExclusiveMaximum;
        node.MultipleOf = s.MultipleOf;
        node.Throws |= s.MultipleOf == 0; // decimal % 0 throws DivideByZeroException, which NJsonSchema lets through
        node.HasNumberChecks = s.Minimum.HasValue || s.Maximum.HasValue || s.ExclusiveMinimum.HasValue || s.ExclusiveMaximum.HasValue || s.MultipleOf.HasValue;

        node.Properties = s.Properties
            .Select(p => new PropertyNode(p.Key, NodeFor(p.Value, nodes, depth), p.Value.IsNullable(SchemaType.JsonSchema), p.Value.IsRequired))
            .ToArray();
        node.PropertyNames = new HashSet<string>(s.Properties.Keys, StringComparer.Ordinal);
        node.RequiredOnly = s.RequiredProperties.Where(name => !node.PropertyNames.Contains(name)).ToArray();
        node.MinProperties = s.MinProperties;
        node.MaxProperties = s.MaxProperties;
        node.AdditionalProperties = s.AdditionalPropertiesSchema is null ? null : NodeFor(s.AdditionalPropertiesSchema, nodes, depth);
        node.AllowAdditionalProperties = s.AllowAdditionalProperties;
    }

    // ---- evaluation: JsonSchemaValidator.Validate(token, schema), check by check ---------------------------------

    private static Verdict Evaluate(Node node, JToken token, int depth, Scope? scope)
    {
        if (node.Defer || depth > MaxDepth)
        {
            return Verdict.Unknown;
        }

        depth++;
        var verdict = Verdict.Valid;
        if (node.AnyOf is { } anyOf && (verdict = And(verdict, AnyOf(anyOf, token, depth, scope))) == Verdict.Invalid)
        {
            return Verdict.Invalid;
        }

        if (node.AllOf is { } allOf && (verdict = And(verdict, AllOf(allOf, token, depth, scope))) == Verdict.Invalid)
        {
            return Verdict.Invalid;
        }

        if (node.OneOf is { } oneOf && (verdict = And(verdict, OneOf(oneOf, token, depth, scope))) == Verdict.Invalid)
        {
            return Verdict.Invalid;
        }

        if (node.Not is { } not && (verdict = And(verdict, Negate(Evaluate(not, token, depth, scope)))) == Verdict.Invalid)
        {
            return Verdict.Invalid;
        }

        if ((verdict = And(verdict, CheckType(node, token, depth, scope))) == Verdict.Invalid)
        {
            return Verdict.Invalid;
        }

        if (node.Enumeration is { } values && !(token.Type == JTokenType.Null && node.Nullable))
        {
            if (scope is not null && ReferenceEquals(token, scope.Root))
            {
                verdict = And(verdict, Verdict.Unknown); // the text NJsonSchema compares is the normalized copy's
            }
            else if (!InEnumeration(values, token))
            {
                return Verdict.Invalid;
            }
        }

        return And(verdict, CheckProperties(node, token, depth, scope));
    }

    // Checked once up front, because the evaluation may skip parts NJsonSchema visits: only JSON values and the
    // string-like Date/Guid/Uri/TimeSpan tokens (Newtonsoft's default date parsing makes Date tokens) are handled;
    // Bytes, Raw, Undefined… are left to NJsonSchema, and so is a number it cannot convert to decimal (a
    // BigInteger is not IConvertible: it throws InvalidCastException wherever the number is type-checked).
    // Depth-bounded.
    private static bool IsPlainDocument(JToken token, int depth)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        switch (token)
        {
            case JObject obj:
                foreach (var property in obj.Properties())
                {
                    if (!IsPlainDocument(property.Value, depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            case JArray array:
                foreach (var item in array)
                {
                    if (!IsPlainDocument(item, depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            case JValue value:
                return value.Type switch
                {
                    JTokenType.String or JTokenType.Boolean or JTokenType.Null => true,
                    JTokenType.Date or JTokenType.Guid or JTokenType.Uri or JTokenType.TimeSpan => true,
                    JTokenType.Integer or JTokenType.Float => value.Value is IConvertible,
                    _ => false,
                };
            default:
                return false;
        }
    }

    private static Verdict And(Verdict a, Verdict b) =>
        a == Verdict.Invalid || b == Verdict.Invalid ? Verdict.Invalid
        : a == Verdict.Valid && b == Verdict.Valid ? Verdict.Valid
        : Verdict.Unknown;

    private static Verdict Negate(Verdict v) => v switch
    {
        Verdict.Valid => Verdict.Invalid,
        Verdict.Invalid => Verdict.Valid,
        _ => Verdict.Unknown,
    };

    // NotAnyOf when every alternative has errors.
    private static Verdict AnyOf(Node[] alternatives, JToken token, int depth, Scope? scope)
    {
        var unknown = false;
        foreach (var alternative in alternatives)
        {
            switch (Evaluate(alternative, token, depth, scope))
            {
                case Verdict.Valid:
                    return Verdict.Valid;
                case Verdict.Unknown:
                    unknown = true;
                    break;
            }
        }

        return unknown ? Verdict.Unknown : Verdict.Invalid;
    }

    // NotAllOf when any part has errors.
    private static Verdict AllOf(Node[] parts, JToken token, int depth, Scope? scope)
    {
        var verdict = Verdict.Valid;
        foreach (var part in parts)
        {
            if ((verdict = And(verdict, Evaluate(part, token, depth, scope))) == Verdict.Invalid)
            {
                return Verdict.Invalid;
            }
        }

        return verdict;
    }

    // NotOneOf unless exactly one alternative has no error: certain only when every alternative's verdict is known,
    // or when two are already known valid.
    private static Verdict OneOf(Node[] alternatives, JToken token, int depth, Scope? scope)
    {
        int valid = 0, unknown = 0;
        foreach (var alternative in alternatives)
        {
            switch (Evaluate(alternative, token, depth, scope))
            {
                case Verdict.Valid when ++valid > 1:
                    return Verdict.Invalid;
                case Verdict.Unknown:
                    unknown++;
                    break;
            }
        }

        return unknown > 0 ? Verdict.Unknown : valid == 1 ? Verdict.Valid : Verdict.Invalid;
    }

    // ValidateType: a nullable schema accepts null outright; otherwise the kind's constraints (array, string,
    // number: they apply whatever the declared type) and, when types are declared, a match with one of them.
    // With several types NJsonSchema checks per type and fails only if every type fails, which comes to the same.
    private static Verdict CheckType(Node node, JToken token, int depth, Scope? scope)
    {
        if (token.Type == JTokenType.Null && node.Nullable)
        {
            return Verdict.Valid;
        }

        var constraints = token.Type switch
        {
            JTokenType.Array => CheckArray(node, (JArray)token, depth, scope),
            JTokenType.String or JTokenType.Date or JTokenType.Guid or JTokenType.Uri or JTokenType.TimeSpan => CheckString(node, (JValue)token),
            JTokenType.Integer or JTokenType.Float when node.HasNumberChecks => CheckNumber(node, token),
            _ => Verdict.Valid,
        };

        if (constraints == Verdict.Invalid || node.Types.Length == 0)
        {
            return constraints;
        }

        foreach (var type in node.Types)
        {
            if (Matches(type, token))
            {
                return constraints;
            }
        }

        return Verdict.Invalid;
    }

    private static bool Matches(JsonObjectType type, JToken token) => type switch
    {
        JsonObjectType.Array => token.Type == JTokenType.Array,
        JsonObjectType.Boolean => token.Type == JTokenType.Boolean,
        JsonObjectType.Integer => token.Type == JTokenType.Integer, // 1.0 is a Float token: IntegerExpected
        JsonObjectType.Null => token.Type == JTokenType.Null,
        JsonObjectType.Number => token.Type is JTokenType.Integer or JTokenType.Float,
        JsonObjectType.Object => token.Type == JTokenType.Object,
        JsonObjectType.String => token.Type is JTokenType.String or JTokenType.Date or JTokenType.Guid or JTokenType.Uri or JTokenType.TimeSpan,
        _ => true, // File: NJsonSchema has no check for it
    };

    private static Verdict CheckArray(Node node, JArray array, int depth, Scope? scope)
    {
        if ((node.MinItems > 0 && array.Count < node.MinItems) || (node.MaxItems > 0 && array.Count > node.MaxItems))
        {
            return Verdict.Invalid;
        }

        if (node.UniqueItems && array.Count != array.Select(item => item.ToString()).Distinct().Count())
        {
            return Verdict.Invalid;
        }

        var verdict = Verdict.Valid;
        for (var index = 0; index < array.Count; index++)
        {
            var item = array[index];
            if (node.Item is { } itemSchema && (verdict = And(verdict, Evaluate(itemSchema, item, depth, scope))) == Verdict.Invalid)
            {
                return Verdict.Invalid;
            }

            // ValidateAdditionalItems: only for tuple-form items.
            if (node.Items is { } tuple)
            {
                var itemVerdict = index < tuple.Length ? Evaluate(tuple[index], item, depth, scope)
                    : node.AdditionalItems is { } additional ? Evaluate(additional, item, depth, scope)
                    : node.AllowAdditionalItems ? Verdict.Valid
                    : Verdict.Invalid;
                if ((verdict = And(verdict, itemVerdict)) == Verdict.Invalid)
                {
                    return Verdict.Invalid;
                }
            }
        }

        return verdict;
    }

    // ValidateString, for every token NJsonSchema counts as a string: a string, or a Date/Guid/Uri/TimeSpan token
    // (what Newtonsoft's default date parsing or code produces), turned into text the way NJsonSchema does.
    private static Verdict CheckString(Node node, JValue token)
    {
        var value = token.Type switch
        {
            JTokenType.Date => token.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture),
            JTokenType.Uri => token.ToString(null, CultureInfo.InvariantCulture),
            _ => token.Value<string>(),
        };
        if (value is null)
        {
            return Verdict.Valid;
        }

        if (node.Pattern is { } pattern && !pattern.IsMatch(value))
        {
            return Verdict.Invalid;
        }

        if (value.Length < node.MinLength || value.Length > node.MaxLength)
        {
            return Verdict.Invalid;
        }

        if (node.Format is { } validators)
        {
            foreach (var validator in validators)
            {
                if (validator.IsValid(value, token.Type))
                {
                    return Verdict.Valid;
                }
            }

            return Verdict.Invalid;
        }

        return Verdict.Valid;
    }

    // ValidateNumber's arithmetic, decimal first and double when the value overflows decimal.
    private static Verdict CheckNumber(Node node, JToken token)
    {
        bool fails;
        try
        {
            var value = token.Value<decimal>();
            fails = (node.Minimum.HasValue && (node.IsExclusiveMinimum ? value <= node.Minimum : value < node.Minimum))
                || (node.Maximum.HasValue && (node.IsExclusiveMaximum ? value >= node.Maximum : value > node.Maximum))
                || (node.ExclusiveMinimum.HasValue && value <= node.ExclusiveMinimum)
                || (node.ExclusiveMaximum.HasValue && value >= node.ExclusiveMaximum)
                || (node.MultipleOf.HasValue && value % node.MultipleOf != 0);
        }
        catch (OverflowException)
        {
            var value = token.Value<double>();
            fails = (node.Minimum.HasValue && (node.IsExclusiveMinimum ? value <= (double)node.Minimum.Value : value < (double)node.Minimum.Value))
                || (node.Maximum.HasValue && (node.IsExclusiveMaximum ? value >= (double)node.Maximum.Value : value > (double)node.Maximum.Value))
                || (node.ExclusiveMinimum.HasValue && value <= (double)node.ExclusiveMinimum.Value)
                || (node.ExclusiveMaximum.HasValue && value >= (double)node.ExclusiveMaximum.Value)
                || (node.MultipleOf.HasValue && value % (double)node.MultipleOf.Value != 0);
        }

        return fails ? Verdict.Invalid : Verdict.Valid;
    }

    private static bool InEnumeration(object?[] values, JToken token)
    {
        var text = token.ToString();
        foreach (var value in values)
        {
            if (value?.ToString() == text)
            {
                return true;
            }
        }

        return false;
    }

    // ValidateProperties: declared properties (a null value is skipped when the property schema is nullable),
    // required ones (missing also when the token is not an object), then the rest against additionalProperties.
    private static Verdict CheckProperties(Node node, JToken token, int depth, Scope? scope)
    {
        var obj = token as JObject;
        if (obj is null && node.TypeAllowsNull)
        {
            return Verdict.Valid;
        }

        // On the root of a document validated as normalized, the wrapped values stand in for the originals.
        var wrapped = scope is not null && ReferenceEquals(token, scope.Root) ? scope.Wrapped : null;
        var verdict = Verdict.Valid;
        foreach (var property in node.Properties)
        {
            if (obj is not null && obj.TryGetValue(property.Name, out var value) && value is not null)
            {
                if (wrapped is not null && wrapped.TryGetValue(property.Name, out var array))
                {
                    value = array;
                }

                if (value.Type == JTokenType.Null && property.Nullable)
                {
                    continue;
                }

                if ((verdict = And(verdict, Evaluate(property.Schema, value, depth, scope))) == Verdict.Invalid)
                {
                    return Verdict.Invalid;
                }
            }
            else if (property.Required)
            {
                return Verdict.Invalid;
            }
        }

        foreach (var name in node.RequiredOnly)
        {
            if (obj is null || !obj.ContainsKey(name))
            {
                return Verdict.Invalid;
            }
        }

        if (obj is null)
        {
            return verdict;
        }

        var count = obj.Count;
        if ((node.MaxProperties > 0 && count > node.MaxProperties) || (node.MinProperties > 0 && count < node.MinProperties))
        {
            return Verdict.Invalid;
        }

        if (node.AdditionalProperties is null && node.AllowAdditionalProperties)
        {
            return verdict;
        }

        foreach (var property in obj.Properties())
        {
            if (node.PropertyNames.Contains(property.Name))
            {
                continue;
            }

            var value = wrapped is not null && wrapped.TryGetValue(property.Name, out var array) ? array : property.Value;
            var propertyVerdict = node.AdditionalProperties is { } additional ? Evaluate(additional, value, depth, scope) : Verdict.Invalid;
            if ((verdict = And(verdict, propertyVerdict)) == Verdict.Invalid)
            {
                return Verdict.Invalid;
            }
        }

        return verdict;
    }

    private sealed record PropertyNode(string Name, Node Schema, bool Nullable, bool Required);

    // One validation's root object and the one-element arrays that stand in for some of its property values.
    private sealed class Scope(JObject root)
    {
        public JObject Root { get; } = root;

        public Dictionary<string, JToken> Wrapped { get; } = new(StringComparer.Ordinal);
    }

    // One ActualSchema, flattened to what JsonSchemaValidator reads from it. Mutable only while compiling.
    private sealed class Node
    {
        public bool Defer;
        public bool Throws; // NJsonSchema throws on this subschema: the whole schema is deferred
        public Node[]? AnyOf;
        public Node[]? AllOf;
        public Node[]? OneOf;
        public Node? Not;
        public JsonObjectType[] Types = [];
        public bool TypeAllowsNull;
        public bool Nullable;
        public object?[]? Enumeration;
        public int MinItems;
        public int MaxItems;
        public bool UniqueItems;
        public Node? Item;
        public Node[]? Items;
        public Node? AdditionalItems;
        public bool AllowAdditionalItems;
        public Regex? Pattern;
        public int? MinLength;
        public int? MaxLength;
        public IFormatValidator[]? Format;
        public bool HasNumberChecks;
        public decimal? Minimum;
        public decimal? Maximum;
        public bool IsExclusiveMinimum;
        public bool IsExclusiveMaximum;
        public decimal? ExclusiveMinimum;
        public decimal? ExclusiveMaximum;
        public decimal? MultipleOf;
        public PropertyNode[] Properties = [];
        public HashSet<string> PropertyNames = new(StringComparer.Ordinal);
        public string[] RequiredOnly = [];
        public int MinProperties;
        public int MaxProperties;
        public Node? AdditionalProperties;
        public bool AllowAdditionalProperties = true;
    }
}
