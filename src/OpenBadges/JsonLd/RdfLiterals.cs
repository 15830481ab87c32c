using System.Globalization;
using System.Numerics;
using Newtonsoft.Json.Linq;

namespace OpenBadges.JsonLd;

/// <summary>Lexical forms for JSON numbers in RDF (spec 8.2.2 steps 10 and 11).</summary>
internal static class RdfLiterals
{
    private static readonly BigInteger TenToThe21 = BigInteger.Pow(10, 21);

    /// <summary>
    /// True when the number becomes an <c>xsd:integer</c>-style lexical form: no fractional part and
    /// |n| &lt; 10^21, whether the JSON parser produced an integer or a double (so <c>5.0</c> is "5").
    /// </summary>
    public static bool IsIntegral(JValue number) => number.Type switch
    {
        JTokenType.Integer => BigInteger.Abs(ToBigInteger(number)) < TenToThe21,
        JTokenType.Float => ToDouble(number) is var d && Math.Abs(d) < 1e21 && d == Math.Floor(d),
        _ => false,
    };

    /// <summary>
    /// The integer lexical form (only for <see cref="IsIntegral"/> numbers). A JSON integer is written exactly as
    /// parsed, digit for digit; jsonld.js would first round integers beyond 2^53 to the nearest double. No real
    /// credential carries such numbers, and changing the signed data silently would be worse than differing.
    /// </summary>
    public static string IntegerForm(JValue number) => number.Type == JTokenType.Integer
        ? ToBigInteger(number).ToString(CultureInfo.InvariantCulture)
        : new BigInteger(ToDouble(number)).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The canonical <c>xsd:double</c> form: one digit, a point, at least one more digit, <c>E</c>, the exponent
    /// (<c>1.5E0</c>, <c>1.0E21</c>, <c>-2.5E-3</c>). 16 significant digits at most, as jsonld.js writes them
    /// (it uses <c>toExponential(15)</c>), so signatures made by either side agree.
    /// </summary>
    /// <exception cref="JsonLdException">The number is beyond the range of a double (<c>1e400</c>): JSON allows its text,
    /// but no <c>xsd:double</c> literal can be written for it.</exception>
    public static string DoubleForm(JValue number)
    {
        var value = ToDouble(number);
        if (!double.IsFinite(value))
        {
            throw JsonLdErrors.NumberBeyondDouble(value.ToString(CultureInfo.InvariantCulture));
        }

        if (value == 0)
        {
            return "0.0E0";
        }

        var text = value.ToString("E15", CultureInfo.InvariantCulture); // -d.ddddddddddddddde+xxx
        var e = text.IndexOf('E');
        var mantissa = text[..e].TrimEnd('0');
        if (mantissa.EndsWith('.'))
        {
            mantissa += "0";
        }

        var exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return mantissa + "E" + exponent.ToString(CultureInfo.InvariantCulture);
    }

    private static BigInteger ToBigInteger(JValue number) => number.Value switch
    {
        BigInteger big => big,
        long l => l,
        int i => i,
        ulong u => u,
        var other => new BigInteger(Convert.ToDecimal(other, CultureInfo.InvariantCulture)),
    };

    private static double ToDouble(JValue number) => number.Value switch
    {
        double d => d,
        BigInteger big => (double)big,
        var other => Convert.ToDouble(other, CultureInfo.InvariantCulture),
    };
}
