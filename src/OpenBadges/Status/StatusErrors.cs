namespace OpenBadges.Status;

/// <summary>
/// The error catalogue of this layer: one factory per message, each naming the field and the rule it broke. Callers
/// write <c>throw StatusErrors.Name(...)</c>; a direct <c>throw new</c> of an exception is refused by the
/// OBE0001/OBE0002 analyzer rules (docs/architecture.md, "Errors").
/// </summary>
internal static class StatusErrors
{
    internal static ArgumentException UnsupportedStatusPurpose(string statusPurpose, string paramName) =>
        new($"statusPurpose '{statusPurpose}' is not supported; use 'revocation' or 'suspension'.", paramName);

    internal static ArgumentException ListTooShort(int length, string paramName) =>
        new($"A status list has at least {BitstringStatusList.MinimumLength} entries; this one has {length}.", paramName);

    internal static InvalidOperationException WrongPurpose(string operation, string purpose, string statusPurpose) =>
        new($"{operation} applies to a {purpose} list; this list's statusPurpose is '{statusPurpose}'.");

    internal static InvalidOperationException ListFull(int length) =>
        new($"All {length} indexes of this status list are allocated; publish a new status list.");

    internal static InvalidOperationException FreeIndexNotFound() =>
        new("Unreachable: a free index was counted but not found.");

    internal static FormatException RevokedEntriesNotAnArray(string name) =>
        new($"'{name}' must be an array of revoked credential entries.");

    internal static FormatException RevocationListEmpty() =>
        new("The revocation list has neither 'revokedCredentials' nor 'revokedCredential'.");

    internal static FormatException RevokedEntryWithoutId(string listName) =>
        new($"An entry of '{listName}' has no string id.");

    internal static FormatException EncodedListNotMultibase() =>
        new("encodedList must be multibase base64url: a 'u' followed by base64url without padding.");

    internal static FormatException EncodedListNotBase64Url() =>
        new("encodedList is not valid base64url after its 'u' prefix.");

    internal static FormatException EncodedListTooLong(int limit) =>
        new($"encodedList expands past {limit} entries; refusing it.");

    internal static FormatException EncodedListNotGzip() =>
        new("encodedList is not GZIP-compressed data.");

    internal static ArgumentOutOfRangeException ListLengthOutOfRange(string paramName, object? actual, object? minimumLength, object? maximumLength) =>
        new(paramName, actual, $"a status list has between {minimumLength} and {maximumLength} entries, a multiple of 8");

    internal static ArgumentOutOfRangeException IndexOutOfRange(string paramName, object? actual, object? length) =>
        new(paramName, actual, $"a status list index is between 0 and {length}");
}
