using System.Text;
using Newtonsoft.Json.Linq;
using OpenBadges.Canonicalization;
using OpenBadges.Json;
using OpenBadges.Tests.Support;

namespace OpenBadges.Tests.Unit;

public sealed class JcsTests
{
    [Theory]
    // RFC 8785 Appendix B: IEEE 754 bit patterns and their required serialization.
    [InlineData(0x0000000000000000UL, "0")]
    [InlineData(0x8000000000000000UL, "0")] // minus zero
    [InlineData(0x0000000000000001UL, "5e-324")]
    [InlineData(0x8000000000000001UL, "-5e-324")]
    [InlineData(0x7fefffffffffffffUL, "1.7976931348623157e+308")]
    [InlineData(0xffefffffffffffffUL, "-1.7976931348623157e+308")]
    [InlineData(0x4340000000000000UL, "9007199254740992")]
    [InlineData(0xc340000000000000UL, "-9007199254740992")]
    [InlineData(0x4430000000000000UL, "295147905179352830000")]
    [InlineData(0x44b52d02c7e14af5UL, "9.999999999999997e+22")]
    [InlineData(0x44b52d02c7e14af6UL, "1e+23")]
    [InlineData(0x44b52d02c7e14af7UL, "1.0000000000000001e+23")]
    [InlineData(0x444b1ae4d6e2ef4eUL, "999999999999999700000")]
    [InlineData(0x444b1ae4d6e2ef4fUL, "999999999999999900000")]
    [InlineData(0x444b1ae4d6e2ef50UL, "1e+21")]
    [InlineData(0x3eb0c6f7a0b5ed8cUL, "9.999999999999997e-7")]
    [InlineData(0x3eb0c6f7a0b5ed8dUL, "0.000001")]
    [InlineData(0x41b3de4355555553UL, "333333333.3333332")]
    [InlineData(0x41b3de4355555554UL, "333333333.33333325")]
    [InlineData(0x41b3de4355555555UL, "333333333.3333333")]
    [InlineData(0x41b3de4355555556UL, "333333333.3333334")]
    [InlineData(0x41b3de4355555557UL, "333333333.33333343")]
    [InlineData(0xbecbf647612f3696UL, "-0.0000033333333333333333")]
    [InlineData(0x43143ff3c1cb0959UL, "1424953923781206.2")] // round to even
    public void Rfc8785_appendix_b_numbers(ulong bits, string expected)
    {
        Assert.Equal(expected, Jcs.SerializeNumber(BitConverter.UInt64BitsToDouble(bits)));
    }

    [Theory]
    // ECMAScript Number::toString boundaries: plain notation for exponents -7 < e < 21, otherwise e-notation.
    [InlineData(1e-7, "1e-7")]
    [InlineData(1.5e-7, "1.5e-7")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(1e21, "1e+21")]
    [InlineData(123.456, "123.456")]
    [InlineData(-0.5, "-0.5")]
    [InlineData(4.5, "4.5")]
    [InlineData(0.002, "0.002")]
    [InlineData(1e-27, "1e-27")]
    [InlineData(1e30, "1e+30")]
    [InlineData(100.0, "100")]
    public void Ecmascript_number_layout(double value, string expected)
    {
        Assert.Equal(expected, Jcs.SerializeNumber(value));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Refuses_nan_and_infinities(double value)
    {
        Assert.Throws<ArgumentException>(() => Jcs.SerializeNumber(value));
    }

    [Fact]
    public void Integers_are_doubles()
    {
        // JSON numbers are IEEE doubles in JCS: 2^53 + 1 (a long for Newtonsoft) rounds to 2^53, and an integer
        // too large for a long (a BigInteger) is written like the double it rounds to.
        Assert.Equal("[9007199254740992,1e+23,-42]", Jcs.Canonicalize(JsonInput.Parse("[9007199254740993, 100000000000000000000000, -42]")));
    }

    [Fact]
    public void Rfc8785_section_3_2_2_example()
    {
        const string input = """
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """;
        const string expected = "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
        Assert.Equal(expected, Jcs.Canonicalize(JsonInput.Parse(input)));
    }

    [Fact]
    public void Rfc8785_section_3_2_3_sorting_by_utf16_code_units()
    {
        const string input = """
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """;
        var expected =
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"\u00f6\":\"Latin Small Letter O With Diaeresis\"," +
            "\"\u20ac\":\"Euro Sign\",\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}";
        Assert.Equal(expected, Jcs.Canonicalize(JsonInput.Parse(input)));
    }

    [Fact]
    public void String_escapes_follow_json_stringify()
    {
        var value = new JValue("\u0000\u0007\b\t\n\u000B\f\r\u001F \u007F\u2028\u2029 é 😀 \"\\/");
        Assert.Equal("\"\\u0000\\u0007\\b\\t\\n\\u000b\\f\\r\\u001f \u007F\u2028\u2029 é 😀 \\\"\\\\/\"", Jcs.Canonicalize(value));
    }

    [Fact]
    public void Nested_structures_have_no_whitespace_and_sorted_members()
    {
        var value = JsonInput.Parse("""{ "b": [ 1, { "z": true, "a": null } ], "a": { }, "c": [ ] }""");
        Assert.Equal("""{"a":{},"b":[1,{"a":null,"z":true}],"c":[]}""", Jcs.Canonicalize(value));
    }

    [Fact]
    public void Refuses_lone_surrogates_and_non_json_values()
    {
        Assert.Throws<ArgumentException>(() => Jcs.Canonicalize(new JValue("x\ud800")));
        Assert.Throws<ArgumentException>(() => Jcs.Canonicalize(new JObject { ["\udc00"] = 1 }));
        Assert.Throws<ArgumentException>(() => Jcs.Canonicalize(new JValue(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc))));
        Assert.Throws<ArgumentException>(() => Jcs.Canonicalize(new JValue(double.NaN)));
    }

    [Fact]
    public void Appends_into_a_string_builder()
    {
        var builder = new StringBuilder("prefix:");
        Jcs.Canonicalize(JsonInput.Parse("""{"b":1,"a":2}"""), builder);
        Assert.Equal("""prefix:{"a":2,"b":1}""", builder.ToString());
    }

    public static TheoryData<string> HashInputs() => new()
    {
        """{"b":[1,2.5,-0,1e21,1e-7,true,false,null],"a":{"z":"x","\u20ac":"€"}}""",
        """["\u0000\u001f\"\\/ é ü 😀 \u2028 \ud83d\ude00 \ufb33"]""",
        """{"\r":"Carriage Return","1":"One","\u0080":"Control","\ud83d\ude00":"Emoji"}""",
        "[]",
        "\"\"",
        "{}",
    };

    [Theory]
    [MemberData(nameof(HashInputs))]
    public void The_utf8_hash_path_hashes_exactly_the_utf8_of_the_text(string json)
    {
        var value = JsonInput.Parse(json);
        var hash = new byte[32];
        Jcs.Sha256(value, hash);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(Jcs.Canonicalize(value))), hash);
    }

    [Fact]
    public void Long_and_multi_byte_text_grows_the_buffer_and_stays_identical()
    {
        // Well past the first pooled buffer (4 KB), in 1-, 2-, 3- and 4-byte UTF-8 characters and escapes.
        var text = string.Concat(Enumerable.Repeat("aé€😀\n\"", 5000));
        var value = new JObject { ["text"] = text, ["numbers"] = new JArray(Enumerable.Range(0, 2000).Select(i => i * 1.5)) };
        var canonical = Jcs.Canonicalize(value);
        Assert.StartsWith("{\"numbers\":[0,1.5,3,4.5,", canonical, StringComparison.Ordinal);
        Assert.Contains("\"text\":\"aé€😀\\n\\\"aé€", canonical, StringComparison.Ordinal);
        var hash = new byte[32];
        Jcs.Sha256(value, hash);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(canonical)), hash);
        var builder = new StringBuilder();
        Jcs.Canonicalize(value, builder);
        Assert.Equal(canonical, builder.ToString());
    }

    [Fact]
    public void A_view_hashes_as_the_copy_it_stands_for()
    {
        var document = JsonInput.ParseObject("""{"@context":["https://www.w3.org/ns/credentials/v2"],"proof":{"type":"DataIntegrityProof"},"name":"x"}""");
        var context = new JArray("https://www.w3.org/ns/credentials/v2", "https://w3id.org/security/data-integrity/v2");
        var copy = (JObject)document.DeepClone();
        copy.Remove("proof");
        copy["@context"] = context.DeepClone();
        var viewHash = new byte[32];
        Jcs.Sha256(new OpenBadges.Json.DocumentView(document, "proof", context), viewHash);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(Jcs.Canonicalize(copy))), viewHash);
        Assert.NotNull(document["proof"]);
    }

    [SharedDataFact]
    public void Vc_di_eddsa_jcs_proof_configuration_vector()
    {
        var proofConfig = JsonInput.ParseFile(SharedData.Conformance("vc-di-eddsa/eddsa-jcs-2022/proofConfigJCS.json"));
        var expected = File.ReadAllText(SharedData.Conformance("vc-di-eddsa/eddsa-jcs-2022/proofCanonJCS.txt"), Encoding.UTF8);
        Assert.Equal(expected, Jcs.Canonicalize(proofConfig));
    }

    [SharedDataFact]
    public void Vc_di_eddsa_jcs_document_vector()
    {
        // The canonical document is the unsigned credential (no proof member).
        var document = JsonInput.ParseFile(SharedData.Conformance("vc-di-eddsa/unsigned.json"));
        var expected = File.ReadAllText(SharedData.Conformance("vc-di-eddsa/eddsa-jcs-2022/canonDocJCS.txt"), Encoding.UTF8);
        Assert.Equal(expected, Jcs.Canonicalize(document));
    }
}
