using Newtonsoft.Json.Linq;
using OpenBadges.Json;
using OpenBadges.Proofs.Jose;

namespace OpenBadges.SdJwt;

public static partial class SdJwtVerifier
{
    /// <summary>RFC 9901 §7.1 steps 3 to 5: the Disclosures put back in place; null when any rule failed.</summary>
    private static JObject? ProcessDisclosures(SdJwtToken token, JObject payload, JsonLimits limits, Run run)
    {
        // Step 3.1: the hash algorithm.
        const string AlgRule = "RFC 9901 §4.1.1 / §7.1 step 3.1: '_sd_alg' names the digest algorithm (sha-256 when absent); only sha-256 is accepted here";
        switch (payload[SdJwtNames.HashAlgorithm])
        {
            case null:
                run.Pass(SdJwtChecks.HashAlgorithm, "absent: sha-256", "$._sd_alg", AlgRule);
                break;
            case JValue { Type: JTokenType.String } value when (string?)value == SdJwtNames.Sha256:
                run.Pass(SdJwtChecks.HashAlgorithm, SdJwtNames.Sha256, "$._sd_alg", AlgRule);
                break;
            case var other:
                run.Fail(SdJwtChecks.HashAlgorithm, $"'_sd_alg' is {Printable.Quote(other.ToString())}, which this verifier does not accept", "$._sd_alg", AlgRule);
                SkipDisclosureChecks(run, "the digest algorithm is not accepted");
                return null;
        }

        // Decode every Disclosure; a Disclosure sent twice would be counted once, hiding a duplicate — refused outright.
        var byDigest = new Dictionary<string, Disclosure>(StringComparer.Ordinal);
        var formatErrors = new List<string>();
        var duplicates = new List<string>();
        for (var i = 0; i < token.Disclosures.Count; i++)
        {
            if (!Disclosure.TryParse(token.Disclosures[i], limits, out var disclosure, out var error))
            {
                formatErrors.Add($"Disclosure {i + 1} ({SdJwtToken.Truncate(token.Disclosures[i])}): {error}");
            }
            else if (!byDigest.TryAdd(disclosure.Digest, disclosure))
            {
                duplicates.Add($"Disclosure {i + 1} ({disclosure.ClaimName ?? "array element"}) repeats an earlier one");
            }
        }

        Report(run, SdJwtChecks.DisclosureFormat, formatErrors, $"{token.Disclosures.Count} Disclosure(s) well-formed", null,
            "RFC 9901 §4.2 / §7.1 step 3.2.2: base64url JSON [salt, name, value] or [salt, value]; the claim name is a string other than '_sd' and '...'");
        Report(run, SdJwtChecks.DisclosureDuplicate, duplicates, "no Disclosure is sent twice", null,
            "RFC 9901 §7.1 step 4: a digest appears once; a Disclosure presented twice is the same digest twice");
        if (formatErrors.Count > 0)
        {
            SkipDisclosureChecks(run, "a Disclosure is malformed", fromDigestFormat: true);
            return null;
        }

        var state = new ProcessState(byDigest, limits.MaxDepth * 2, run);
        var claims = (JObject)state.Process(payload, null, 0, top: true);

        // Step 5: every Disclosure must be used.
        var unreferenced = byDigest.Where(p => !state.Used.Contains(p.Key))
            .Select(p => $"the Disclosure of {(p.Value.ClaimName is { } n ? $"'{n}'" : "an array element")} (digest {p.Key}) is referenced by no digest")
            .ToList();

        Report(run, SdJwtChecks.DigestFormat, state.FormatErrors, "every '_sd' is an array of digest strings and every '...' holds one", null,
            "RFC 9901 §4.2.4: '_sd' is an array of digest strings; an array element {\"...\": digest} holds one string");
        Report(run, SdJwtChecks.DigestUnique, state.DuplicateDigests, $"{state.Seen.Count} digest(s), each once", null,
            "RFC 9901 §7.1 step 4: a digest value appears at most once in the payload, directly or through Disclosures");
        Report(run, SdJwtChecks.DisclosureKind, state.KindErrors, "each Disclosure is referenced the way its form requires", null,
            "RFC 9901 §7.1 steps 3.2.2 / 3.3.2: '_sd' references [salt, name, value]; '...' references [salt, value]");
        Report(run, SdJwtChecks.ClaimCollision, state.Collisions, "no disclosed claim name exists already in its object", null,
            "RFC 9901 §7.1 step 3.2.2.3: a disclosed claim name must not already exist at the same level");
        Report(run, SdJwtChecks.DisclosureReferenced, unreferenced, $"all {byDigest.Count} Disclosure(s) are referenced", null,
            "RFC 9901 §7.1 step 5: a Disclosure that no digest references makes the SD-JWT invalid");

        var failed = state.FormatErrors.Count + state.DuplicateDigests.Count + state.KindErrors.Count + state.Collisions.Count + unreferenced.Count + duplicates.Count > 0;
        return failed ? null : claims;
    }

    private static void Report(Run run, string name, List<string> problems, string passMessage, string? path, string rule)
    {
        if (problems.Count == 0)
        {
            run.Pass(name, passMessage, path, rule);
        }
        else
        {
            run.Fail(name, string.Join("; ", problems.Take(5)) + (problems.Count > 5 ? $"; and {problems.Count - 5} more" : string.Empty), path, rule);
        }
    }

    private static void SkipDisclosureChecks(Run run, string why, bool fromDigestFormat = false)
    {
        if (!fromDigestFormat)
        {
            run.NotApplicable(SdJwtChecks.DisclosureFormat, "not checked: " + why, null, "RFC 9901 §7.1 step 3");
        }

        foreach (var name in new[] { SdJwtChecks.DigestFormat, SdJwtChecks.DigestUnique, SdJwtChecks.DisclosureKind, SdJwtChecks.ClaimCollision, SdJwtChecks.DisclosureReferenced })
        {
            run.NotApplicable(name, "not checked: " + why, null, "RFC 9901 §7.1 steps 3 to 5");
        }
    }

    /// <summary>One pass over the payload (RFC 9901 §7.1 step 3), collecting every rule violation with its path.</summary>
    private sealed class ProcessState(Dictionary<string, Disclosure> byDigest, int maxDepth, Run run)
    {
        public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Used { get; } = new(StringComparer.Ordinal);

        public List<string> FormatErrors { get; } = [];

        public List<string> DuplicateDigests { get; } = [];

        public List<string> KindErrors { get; } = [];

        public List<string> Collisions { get; } = [];

        public JToken Process(JToken node, ClaimPath? path, int depth, bool top = false)
        {
            if (depth > maxDepth)
            {
                FormatErrors.Add($"{Where(path)}: nested deeper than {maxDepth} levels");
                return JValue.CreateNull();
            }

            return node switch
            {
                JObject obj => ProcessObject(obj, path, depth, top),
                JArray array => ProcessArray(array, path, depth),
                _ => node.DeepClone(),
            };
        }

        private JObject ProcessObject(JObject obj, ClaimPath? path, int depth, bool top)
        {
            var result = new JObject();
            foreach (var property in obj.Properties())
            {
                if (property.Name == SdJwtNames.Digests || (top && property.Name == SdJwtNames.HashAlgorithm))
                {
                    continue;
                }

                result[property.Name] = Process(property.Value, Child(path, property.Name), depth + 1);
            }

            switch (obj[SdJwtNames.Digests])
            {
                case null:
                    return result;
                case JArray digests:
                    foreach (var item in digests)
                    {
                        if (item is not JValue { Type: JTokenType.String } digestToken)
                        {
                            FormatErrors.Add($"{Where(path)}._sd holds a {item.Type}, not a digest string");
                            continue;
                        }

                        var digest = (string)digestToken!;
                        if (!Seen.Add(digest))
                        {
                            DuplicateDigests.Add($"digest {digest} appears again at {Where(path)}._sd");
                            continue;
                        }

                        if (!byDigest.TryGetValue(digest, out var disclosure))
                        {
                            continue; // undisclosed, or a decoy
                        }

                        Used.Add(digest);
                        if (disclosure.ClaimName is not { } name)
                        {
                            KindErrors.Add($"{Where(path)}._sd references an array-element Disclosure (digest {digest})");
                            continue;
                        }

                        if (result.ContainsKey(name))
                        {
                            Collisions.Add($"'{name}' is disclosed at {Where(path)}, where it already exists");
                            continue;
                        }

                        var childPath = Child(path, name);
                        run.Disclosed.Add(childPath);
                        result[name] = Process(disclosure.RawValue, childPath, depth + 1);
                    }

                    return result;
                default:
                    FormatErrors.Add($"{Where(path)}._sd is a {obj[SdJwtNames.Digests]!.Type}, not an array");
                    return result;
            }
        }

        private JArray ProcessArray(JArray array, ClaimPath? path, int depth)
        {
            var result = new JArray();
            for (var i = 0; i < array.Count; i++)
            {
                var elementPath = path is null ? ClaimPath.Root("$").Index(i) : path.Index(i);
                if (array[i] is not JObject { Count: 1 } element || !element.ContainsKey(SdJwtNames.ArrayDigest))
                {
                    result.Add(Process(array[i], elementPath, depth + 1));
                    continue;
                }

                if (element[SdJwtNames.ArrayDigest] is not JValue { Type: JTokenType.String } digestToken)
                {
                    FormatErrors.Add($"{Where(elementPath)}: '...' holds a {element[SdJwtNames.ArrayDigest]!.Type}, not a digest string");
                    continue;
                }

                var digest = (string)digestToken!;
                if (!Seen.Add(digest))
                {
                    DuplicateDigests.Add($"digest {digest} appears again at {Where(elementPath)}");
                    continue;
                }

                if (!byDigest.TryGetValue(digest, out var disclosure))
                {
                    continue; // undisclosed element or decoy: removed (step 3.3.3)
                }

                Used.Add(digest);
                if (!disclosure.IsArrayElement)
                {
                    KindErrors.Add($"{Where(elementPath)} references the property Disclosure of '{disclosure.ClaimName}' (digest {digest})");
                    continue;
                }

                run.Disclosed.Add(elementPath);
                result.Add(Process(disclosure.RawValue, elementPath, depth + 1));
            }

            return result;
        }

        private static ClaimPath Child(ClaimPath? path, string name) => path is null ? ClaimPath.Root(name) : path.Member(name);

        private static string Where(ClaimPath? path) => path is null ? "$" : "$." + path;
    }
}
