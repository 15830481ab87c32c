using Newtonsoft.Json.Linq;

namespace OpenBadges.Proofs;

/// <summary>Reading the <c>proof</c> property as a set, and building the document a given proof signs over.</summary>
internal static class ProofSet
{
    /// <summary>The document's proofs as a list (a single object or an array in the JSON).</summary>
    public static List<JObject> Read(JObject document)
    {
        var proofs = new List<JObject>();
        switch (document["proof"])
        {
            case JObject single:
                proofs.Add(single);
                break;
            case JArray array:
                foreach (var item in array)
                {
                    if (item is JObject proof)
                    {
                        proofs.Add(proof);
                    }
                }

                break;
        }

        return proofs;
    }

    /// <summary>
    /// The document without proofs, except those named by <paramref name="previousProofIds"/>: a chained
    /// proof signs over the proofs it follows (vc-data-integrity, proof chains).
    /// </summary>
    /// <remarks>Returns a new document; <paramref name="secured"/> may still carry its <c>proof</c> (it is not copied).</remarks>
    public static JObject UnsecuredDocumentFor(JObject secured, IReadOnlyList<JObject> allProofs, IReadOnlyList<string> previousProofIds, string proofPath)
    {
        var unsecured = new JObject();
        foreach (var property in secured.Properties())
        {
            if (!string.Equals(property.Name, "proof", StringComparison.Ordinal))
            {
                unsecured.Add(property.Name, property.Value.DeepClone());
            }
        }

        if (previousProofIds.Count == 0)
        {
            return unsecured;
        }

        var previous = new JArray();
        foreach (var id in previousProofIds)
        {
            var match = allProofs.FirstOrDefault(p => string.Equals((string?)p["id"], id, StringComparison.Ordinal))
                ?? throw ProofErrors.PreviousProofNotFound(id, proofPath, nameof(previousProofIds));
            previous.Add(match.DeepClone());
        }

        unsecured["proof"] = previous;
        return unsecured;
    }

    /// <summary>The ids listed in a proof's <c>previousProof</c> (string or array).</summary>
    public static IReadOnlyList<string> PreviousProofIds(JObject proof) => proof["previousProof"] switch
    {
        JValue { Type: JTokenType.String } value => [(string)value!],
        JArray array => array.Where(t => t.Type == JTokenType.String).Select(t => (string)t!).ToList(),
        _ => [],
    };
}
