using System.Diagnostics.CodeAnalysis;

namespace OpenBadges.Internal;

/// <summary>
/// The one place misuse exceptions are built, so every message has the same shape:
/// what was wrong, with which argument, and what to do instead.
/// </summary>
internal static class Throw
{
    [DoesNotReturn]
    public static void Argument(string paramName, string problem) =>
        throw new ArgumentException(problem, paramName);

    [DoesNotReturn]
    public static T Argument<T>(string paramName, string problem) =>
        throw new ArgumentException(problem, paramName);

    [DoesNotReturn]
    public static void ArgumentOutOfRange(string paramName, object? actual, string rule) =>
        throw new ArgumentOutOfRangeException(paramName, actual, rule);

    [DoesNotReturn]
    public static void InvalidOperation(string problem) =>
        throw new InvalidOperationException(problem);

    [DoesNotReturn]
    public static T InvalidOperation<T>(string problem) =>
        throw new InvalidOperationException(problem);

    [DoesNotReturn]
    public static T Format<T>(string problem) =>
        throw new FormatException(problem);

    [DoesNotReturn]
    public static void Disposed(object instance) =>
        throw new ObjectDisposedException(instance.GetType().FullName);
}
