namespace OpenBadges.JsonLd;

/// <summary>
/// A JSON-LD processing error. <see cref="Code"/> is the error code the JSON-LD 1.1 API specification
/// names (for example <c>loading remote context failed</c>), so callers and test suites can match on it.
/// </summary>
public class JsonLdException : Exception
{
    /// <summary>Makes the exception.</summary>
    public JsonLdException(string code, string message, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
    }

    /// <summary>The JSON-LD 1.1 error code.</summary>
    public string Code { get; }
}
