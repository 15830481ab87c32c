namespace OpenBadges.Verification;

/// <summary>A fetched document and how long its server says it stays fresh (null: the server did not say).</summary>
/// <param name="Text">The document text.</param>
/// <param name="MaxAge">Cache-Control max-age; <see cref="TimeSpan.Zero"/> for no-cache or no-store.</param>
public sealed record FetchedDocument(string Text, TimeSpan? MaxAge);
